#!/bin/sh
# Writes quire-formats(5) from the formats reference itself: src/input/schemas/README.md
# (the manifest, article and layout formats) and layout-reference.md beside it (every
# layout element and attribute), so the page says what the reference says, word for word.
#
#   make-quire-formats-5.sh SCHEMAS_DIR TABLES_TO_LISTS_LUA VERSION OUTPUT.5
set -eu
schemas=$1
filter_lua=$2
version=$3
out=$4
md=$out.md

{
    printf '# NAME\n\nquire\\-formats \\- the issue manifest, article and layout files quire reads\n\n'
    printf '# DESCRIPTION\n\n'
    # README's own title becomes nothing (NAME says it) and its sections man sections.
    pandoc --from=gfm --to=markdown --shift-heading-level-by=-1 --lua-filter="$filter_lua" "$schemas/README.md"
    printf '\n'
    # The layout reference stays one section ("Layout reference"), its parts subsections.
    pandoc --from=gfm --to=markdown --lua-filter="$filter_lua" "$schemas/layout-reference.md"
    printf '\n# SEE ALSO\n\n**quire**(1); the RELAX NG schemas **issue.rng**, **article.rng**, '
    printf '**layout.rng** and **protrusion.rng** in quire'"'"'s sources (src/input/schemas/).\n'
} >"$md"

# Ragged right (.ad l): the reference's tables have narrow columns of long code words
# that troff could only justify with warnings ("cannot adjust line").
pandoc --standalone --from=markdown --to=man \
    --metadata=title:QUIRE-FORMATS --metadata=section:5 --metadata=header:"File Formats" \
    --metadata=footer:"$version" \
    --include-before-body=/dev/stdin "$md" --output="$out" <<'ROFF'
.ad l
ROFF
