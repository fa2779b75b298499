# bash completion for quire                                  -*- shell-script -*-
#
# Commands, options and the values of an option with a fixed set ("--impose
# booklet|2up") come from the quire being completed, asking it `quire --help` and
# `quire COMMAND --help` at each completion, so they are never out of date with
# main.cpp. What help cannot say is below: which options name files, and what kind
# (layouts are layouts/*.xml, manifests issues/*/issue.xml, from the project directory).
# Needs nothing of the bash-completion package.

# `quire [COMMAND] --help` of the quire being completed ($1).
_quire_help() {
    "$1" ${2:+"$2"} --help 2>/dev/null
}

# The entries of one section ("Subcommands", "Options") of a help text on stdin, one
# line each: the entry's names and type ("-o,--output TEXT"), without its description.
# CLI11 pads the names to the column where descriptions start (where -h,--help's
# starts), sometimes with one space; names too long for it stand alone, with the
# description on the next line (indented), as quire's descriptions are one line each.
_quire_help_entries() {
    awk -v section="$1:" '
        { line[NR] = $0 }
        /^  -h,--help +[^ ]/ && !column { match($0, /^  -h,--help +/); column = RLENGTH }
        END {
            if (!column) column = 30
            for (i = 1; i <= NR; i++) {
                if (line[i] == section) { on = 1; continue }
                if (line[i] ~ /^[^ ]/ || line[i] == "") on = 0
                if (on && line[i] ~ /^  [^ ]/) {
                    entry = substr(line[i], 3)
                    if (line[i + 1] !~ /^   /) entry = substr(entry, 1, column - 2)
                    sub(/ +$/, "", entry)
                    print entry
                }
            }
        }'
}

# Fills COMPREPLY with the paths that begin with $1: the project's own ($2, a glob such
# as layouts/*.xml, from the current directory) if any match, else directories to walk
# into and files matching one of the globs after it (*.xml ...; none: any file).
_quire_paths() {
    local cur=$1 project=$2 path kind
    shift 2
    local IFS=$'\n'
    COMPREPLY=()
    if [[ -n $project ]]; then
        for path in $(compgen -G "$project"); do
            [[ $path == "$cur"* ]] && COMPREPLY+=("$path")
        done
    fi
    if ((${#COMPREPLY[@]} == 0)); then
        if (($# == 0)); then
            COMPREPLY=($(compgen -f -- "$cur"))
        else
            COMPREPLY=($(compgen -d -- "$cur"))
            for kind; do
                COMPREPLY+=($(compgen -f -X "!$kind" -- "$cur"))
            done
        fi
    fi
    # Quote spaces, and after a directory wait for more rather than add a space.
    compopt -o filenames 2>/dev/null
    return 0
}

_quire_directories() {
    local IFS=$'\n'
    COMPREPLY=($(compgen -d -- "$1"))
    compopt -o filenames 2>/dev/null
    return 0
}

_quire() {
    local quire=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev="" command="" i
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # bash splits "--layout=x" at "=": complete x as --layout's value.
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    [[ $quire == "~/"* ]] && quire=$HOME/${quire#"~/"}

    # The command is the first word that is not an option (quire's own options take no value).
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) command=${COMP_WORDS[i]}; break ;;
        esac
    done

    local IFS=$'\n'
    if [[ -z $command || $command == help ]]; then
        # `quire help COMMAND`, where quire has it, names a command too.
        if [[ $cur == -* && -z $command ]]; then
            COMPREPLY=($(compgen -W "$(_quire_help "$quire" | _quire_help_entries Options | tr ', ' '\n\n' | grep '^-')" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_quire_help "$quire" | _quire_help_entries Subcommands)" -- "$cur"))
        fi
        return 0
    fi

    local entries entry names type="" takes_value=""
    entries=$(_quire_help "$quire" "$command" | _quire_help_entries Options)
    # Is the previous word an option that takes a value, and of what type?
    if [[ $prev == -* ]]; then
        for entry in $entries; do
            names=${entry%% *}
            if [[ ",$names," == *",$prev,"* ]]; then
                [[ $entry == *" "* ]] && takes_value=yes && type=${entry#* }
                break
            fi
        done
    fi

    if [[ -n $takes_value ]]; then
        if [[ $type == *"{"*"}"* ]]; then
            # A fixed set, as help lists it: "TEXT:{booklet,2up}".
            local set=${type#*\{}
            set=${set%%\}*}
            COMPREPLY=($(compgen -W "${set//,/$'\n'}" -- "$cur"))
            return 0
        fi
        case $command:$prev in
            *:--layout) _quire_paths "$cur" 'layouts/*.xml' '*.xml' ;;
            *:--allow | *:--articles | preview:-o | preview:--output) _quire_directories "$cur" ;;
            *:--press-profile) _quire_paths "$cur" "" '*.icc' '*.icm' ;;
            import:-o | import:--output) _quire_paths "$cur" "" '*.xml' ;;
            *:-o | *:--output) _quire_paths "$cur" "" '*.pdf' ;;
            *)
                # A number or free text: nothing to offer.
                [[ $type == TEXT* ]] && _quire_paths "$cur" ""
                ;;
        esac
        return 0
    fi

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(printf '%s\n' "$entries" | sed 's/ .*//' | tr ',' '\n')" -- "$cur"))
        return 0
    fi

    # The command's file: a manifest, PDFs to verify, a document to import, a directory.
    case $command in
        check | build | watch | preview) _quire_paths "$cur" 'issues/*/issue.xml' '*.xml' ;;
        verify) _quire_paths "$cur" "" '*.pdf' ;;
        import) _quire_paths "$cur" "" '*.docx' '*.odt' '*.md' '*.html' ;;
        *) _quire_paths "$cur" "" ;;
    esac
    return 0
}

complete -F _quire quire
