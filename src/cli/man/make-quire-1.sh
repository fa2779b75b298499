#!/bin/sh
# Writes quire(1) from the built program's own help: `quire --help` and, for every
# command that lists, `quire COMMAND --help`, turned into Markdown by
# help-to-markdown.awk and into roff by pandoc. A command or option added to main.cpp
# is in the page at the next build; nothing here names one.
#
#   make-quire-1.sh QUIRE HELP_TO_MARKDOWN_AWK OUTPUT.1
set -eu
quire=$1
awk_script=$2
out=$3
md=$out.md

version=$("$quire" --version)
top_help=$("$quire" --help)
# The commands, in --help's order: the first word of each entry under "Subcommands:".
commands=$(printf '%s\n' "$top_help" |
    awk '/^Subcommands:$/ { in_list = 1; next } /^[^ ]/ { in_list = 0 } in_list && /^  [^ ]/ { print $1 }')
[ -n "$commands" ] || { echo "make-quire-1.sh: no commands in '$quire --help'" >&2; exit 1; }
# A command whose --help is another's (`quire help --help` is quire's) has no part of its
# own: SUBCOMMANDS lists it with its summary.
own_commands=""
for command in $commands; do
    "$quire" "$command" --help | grep -q "^Usage: quire $command\( \|\$\)" && own_commands="$own_commands $command"
done

{
    printf -- '---\ntitle: QUIRE\nsection: 1\nheader: User Commands\nfooter: %s\n---\n\n' "$version"
    # man's NAME line is "name \- summary"; the summary is --help's first line after "quire: ".
    printf '# NAME\n\nquire \\- %s\n\n' \
        "$(printf '%s\n' "$top_help" | sed -n '1s/^quire: //p' | awk -v level=-1 -f "$awk_script")"
    printf '# SYNOPSIS\n\n'
    printf '%s\n' "$top_help" | awk -v level=0 -f "$awk_script"
    for command in $own_commands; do
        "$quire" "$command" --help | awk -v level=0 -f "$awk_script"
    done
    printf '\n# DESCRIPTION\n\n'
    printf '%s\n' "$top_help" | awk -v level=1 -f "$awk_script"
    printf '\n# COMMANDS\n\n'
    for command in $own_commands; do
        printf '## quire %s\n\n' "$command"
        "$quire" "$command" --help | awk -v level=2 -f "$awk_script"
    done
    printf '\n# SEE ALSO\n\n'
    printf '**quire\\-formats**(5): the issue manifest, article and layout formats. '
    printf '**pandoc**(1), used by **quire import**.\n'
} >"$md"

pandoc --standalone --from=markdown --to=man "$md" --output="$out"
