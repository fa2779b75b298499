#!/bin/bash
# The bash completion (src/cli/completion/quire.bash), driven as bash drives it: set
# COMP_WORDS and COMP_CWORD, call the function, read COMPREPLY. Run from the source
# tree's root (the sample issue and layouts/ are what paths complete to).
#
#   completion_test.sh COMPLETION_SCRIPT QUIRE
set -u
script=$1
quire=$2
failures=0

# shellcheck source=/dev/null
. "$script"

# complete quire WORD... : COMPREPLY for the last word, sorted, one a line. The command
# word is the quire under test, by its path, as when one types build/release/quire.
complete_words() {
    COMP_WORDS=("$quire" "${@:2}")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _quire "$quire" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    ((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}" | sort
}

# expect "WHAT" EXPECTED WORD... : the completions of WORD... are exactly EXPECTED's lines.
expect() {
    local what=$1 expected=$2 got
    shift 2
    got=$(complete_words "$@")
    expected=$(printf '%s\n' "$expected" | sed '/^$/d' | sort)
    if [[ $got != "$expected" ]]; then
        printf 'FAIL: %s: quire %s<TAB>\n  expected: %s\n  got:      %s\n' "$what" "${*:2}" \
            "$(echo $expected)" "$(echo $got)"
        failures=$((failures + 1))
    else
        printf 'ok: %s\n' "$what"
    fi
}

# What the completion should offer, read from --help here with grep and sed, not with
# the completion's own parser.
commands=$("$quire" --help | sed -n '/^Subcommands:$/,/^$/p' | grep -o '^  [a-z][a-z-]*' | sed 's/^  //')
[[ -n $commands ]] || { echo "FAIL: no commands in quire --help"; exit 1; }

expect "a command from its first letter" "build" quire b
expect "every command" "$commands" quire ""
options_of() {  # the option names of `quire [COMMAND] --help`'s Options section
    "$quire" "$@" --help | sed -n '/^Options:$/,/^$/p' | grep -oE -- '^  -[a-zA-Z],--[a-z-]+|^  --[a-z-]+' |
        sed 's/^  //' | tr ',' '\n'
}
lines() { printf '%s\n' "$@"; }

expect "quire's own options" "$(options_of)" quire -
expect "an option of build" "--no-system-fonts" quire build --no-s
for command in $commands; do
    [[ $command == help ]] && continue
    expect "every option of $command" "$(options_of "$command")" quire "$command" -
done
expect "a manifest" "issues/2025-spring/issue.xml" quire build iss
expect "a manifest after a flag" "issues/2025-spring/issue.xml" quire build --proof iss
expect "the manifests" "$(ls issues/*/issue.xml)" quire check ""
expect "the layouts" "$(ls layouts/*.xml)" quire build --layout ""
expect "a layout after --layout=" "$(ls layouts/*.xml)" quire watch --layout = ""
expect "a layout from its first letters" "layouts/review.xml" quire build --layout layouts/r
expect "--debug's facilities" "$(lines linebreak display-list fonts)" quire build --debug ""
expect "an imposition (set member right after its type)" "2up" quire build --impose 2
expect "the flavours" "$(lines 2u 2b 2a x4)" quire verify --flavour ""
expect "no value for a number" "" quire build --jobs ""
expect "directories for --articles" "$(compgen -d -- la)" quire build --articles la

# Outside a project: files of the kind and directories to walk into.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/sub dir"
touch "$scratch/a.xml" "$scratch/b.pdf" "$scratch/c.txt"
(
    cd "$scratch" || exit 1
    expect "XML files and directories elsewhere" "a.xml
sub dir" quire build ""
    expect "PDFs to verify" "b.pdf
sub dir" quire verify ""
    exit "$failures"
) || failures=$((failures + $?))

if ((failures)); then
    echo "$failures completion(s) wrong"
    exit 1
fi
echo "every completion as expected"
