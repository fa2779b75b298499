#!/bin/bash
# The generated man pages: they render with man and groff without a warning, man's
# index reads their NAME lines, quire(1) holds every command and every help text the
# built quire prints now (so a stale page fails), and quire-formats(5) everything the
# formats reference marks as code and every element of the schemas.
#
#   man_page_test.sh QUIRE QUIRE_1 QUIRE_FORMATS_5 SCHEMAS_DIR
set -u
quire=$1
quire_1=$2
formats_5=$3
schemas=$4
failures=0

fail() {
    printf 'FAIL: %s\n' "$*"
    failures=$((failures + 1))
}

# The page as a reader sees it, on one long line with single spaces: no hyphenation or
# justification, so that a help text reads back as it was written. ", " is read as ","
# on both sides, as quire(1) writes "-o,--output" as "-o, --output".
flatten() {
    tr -s ' \n\t' '   ' | sed 's/, /,/g'
}
render() {
    MANWIDTH=4000 man --nh --nj -E UTF-8 -l "$1" 2>/dev/null | flatten
}

for page in "$quire_1" "$formats_5"; do
    [[ -s $page ]] || { fail "$page is missing or empty"; continue; }
    warnings=$(man --warnings=all -E UTF-8 -l "$page" 2>&1 >/dev/null)
    [[ -z $warnings ]] || fail "man warns about $page: $warnings"
    warnings=$(groff -ww -z -t -man -Tutf8 "$page" 2>&1)
    [[ -z $warnings ]] || fail "groff warns about $page: $warnings"
    # lexgrog reads NAME as mandb does for whatis and apropos.
    lexgrog "$page" >/dev/null || fail "no NAME line mandb can read in $page"
done
((failures)) && exit 1

# quire(1): every command, and every line of every help text, as the built quire says it.
page=$(render "$quire_1")
commands=$("$quire" --help | sed -n '/^Subcommands:$/,/^$/p' | grep -o '^  [a-z][a-z-]*' | sed 's/^  //')
[[ -n $commands ]] || fail "no commands in quire --help"
checked=0
for command in "" $commands; do
    [[ -z $command || $page == *"quire $command "* ]] || fail "quire(1) has no section for quire $command"
    # Each piece of a help line (entries are names, then two or more spaces, then the
    # description; section titles like "Options:" are headings in the page).
    while IFS= read -r piece; do
        [[ -z $piece ]] && continue
        checked=$((checked + 1))
        [[ $page == *"$piece"* ]] || fail "quire(1) lacks 'quire $command --help' text: $piece"
    done < <("$quire" $command --help | grep -v '^[A-Z][A-Za-z ]*:$' | sed 's/^ *//; s/   */\n/g' | sed 's/, /,/g')
done
echo "quire(1): $checked help texts of $(echo $commands | wc -w) commands found"

# quire-formats(5): every code span and every code line of the reference, and every
# element the schemas define.
page=$(render "$formats_5")
checked=0
while IFS= read -r piece; do
    [[ -z $piece ]] && continue
    checked=$((checked + 1))
    [[ $page == *"$piece"* ]] || fail "quire-formats(5) lacks: $piece"
done < <(
    for reference in "$schemas/README.md" "$schemas/layout-reference.md"; do
        # Code blocks, a line at a time.
        awk '/^```/ { code = !code; next } code' "$reference" | sed 's/^ *//; s/ *$//; s/  */ /g; s/, /,/g'
        # Code spans outside code blocks.
        awk '/^```/ { code = !code; next } !code' "$reference" | grep -o '`[^`]*`' | tr -d '`' |
            sed 's/^ *//; s/ *$//; s/  */ /g; s/, /,/g'
    done
)
for element in $(sed -n 's/.*<element name="\([^"]*\)".*/\1/p' "$schemas"/*.rng | sort -u); do
    checked=$((checked + 1))
    [[ $page =~ (^|[^a-z-])$element([^a-z-]|$) ]] || fail "quire-formats(5) never names element $element"
done
echo "quire-formats(5): $checked code texts and elements found"

if ((failures)); then
    echo "$failures problem(s)"
    exit 1
fi
