# Turns one `quire [COMMAND] --help` text (CLI11's layout) into Markdown for pandoc,
# so that quire(1) says exactly what --help says: nothing here is written twice.
#
#   awk -v level=-1 -f help-to-markdown.awk     # any text, escaped only
#   awk -v level=0 -f help-to-markdown.awk      # the usage line alone, for SYNOPSIS
#   awk -v level=1 -f help-to-markdown.awk      # `quire --help`: DESCRIPTION, OPTIONS ...
#   awk -v level=2 -f help-to-markdown.awk      # `quire build --help`: one command's part
#
# CLI11 writes: description lines, "Usage: ...", then sections ("Positionals:",
# "Options:", "Subcommands:") of entries "  NAMES TYPE   description" (names too
# long for the column put the description on the next line), then an optional footer.
# Every help text is backslash-escaped, so pandoc keeps "<issue>", "--", "'" and "*"
# as typed instead of reading them as HTML, dashes, quotes or emphasis.

function esc(s) {
    gsub(/[]\\[`*_{}()#+.!<>|~^$@"'&:=-]/, "\\\\&", s)
    return s
}

# A section heading: level 1 makes man sections (.SH), level 2 bold run-in titles
# inside the command's own .SS.
function heading(title) {
    if (level == 1) printf "\n# %s\n\n", toupper(title)
    else printf "\n**%s**\n\n", esc(title)
}

# One entry: "**-o**, **--output** TEXT" over its description (pandoc: .TP).
function flush_entry(    i, n, parts, term) {
    if (!pending) return
    n = split(entry_names, parts, ",")
    term = ""
    for (i = 1; i <= n; i++) term = term (i > 1 ? ", " : "") "**" esc(parts[i]) "**"
    if (entry_type != "") term = term " *" esc(entry_type) "*"
    printf "%s\n:   %s\n\n", term, esc(entry_desc)
    pending = 0
}

# The lines are read first: whether an entry's line holds its description depends on
# the next line (see entry()).
{ line[NR] = $0 }
/^  -h,--help +[^ ]/ && !column { match($0, /^  -h,--help +/); column = RLENGTH }

# One entry line, "  NAMES TYPE   description". CLI11 pads the names to the column
# where descriptions start (where -h,--help's starts), sometimes with a single space;
# names too long for it end the line, and the description starts on the next,
# indented (quire's descriptions are one line each). A footer's own list (names,
# two spaces or more, a description) has a column of its own.
function entry(i,    head, text) {
    text = substr(line[i], 3)
    entry_desc = ""
    if (match(text, /  +/)) {
        head = substr(text, 1, RSTART - 1)
        entry_desc = substr(text, RSTART + RLENGTH)
    } else if (line[i + 1] !~ /^   / && substr(line[i], column, 1) == " ") {
        head = substr(text, 1, column - 2)
        entry_desc = substr(text, column - 1)
    } else {
        head = text
    }
    sub(/ +$/, "", head)
    # "--debug TEXT:{a,b} ...": the names are the first word, the type the rest.
    if (match(head, / /)) {
        entry_names = substr(head, 1, RSTART - 1)
        entry_type = substr(head, RSTART + 1)
    } else {
        entry_names = head
        entry_type = ""
    }
    pending = 1
}

END {
    if (!column) column = 30
    state = "description"
    for (i = 1; i <= NR; i++) {
        text = line[i]
        if (level < 0) { print esc(text); continue }
        if (text ~ /^Usage: /) {
            if (level == 0) { printf "| %s\n", esc(substr(text, 8)); continue }
            if (description != "") printf "%s\n\n", esc(description)
            printf "**Usage:** %s\n", esc(substr(text, 8))
            state = "usage"
            continue
        }
        if (level == 0) continue
        if (state == "description") {
            description = description (description == "" ? "" : " ") text
            continue
        }
        # A section title: an unindented word or two ending in a colon.
        if (text ~ /^[A-Z][A-Za-z ]*:$/) {
            flush_entry()
            heading(substr(text, 1, length(text) - 1))
            state = "section"
            continue
        }
        if (text == "") { flush_entry(); continue }
        if (state == "section" && text ~ /^  [^ ]/) { flush_entry(); entry(i); continue }
        if (state == "section" && text ~ /^   /) {
            sub(/^ +/, "", text)
            entry_desc = entry_desc (entry_desc == "" ? "" : " ") text
            continue
        }
        # Anything else after the sections is the command's footer: plain paragraphs.
        flush_entry()
        printf "%s\n\n", esc(text)
        state = "footer"
    }
    flush_entry()
}
