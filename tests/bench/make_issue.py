#!/usr/bin/env python3
"""Makes a benchmark issue of about PAGES pages, the same document for quire, pdfLaTeX,
LuaLaTeX and Typst (issue 19).

Usage: tests/bench/make_issue.py PAGES OUTDIR

The issue is many articles, each a chunk of a few pages of one of several public texts
(the sample article, the GPL, Morris, MacDowell, Vim's manual: see texts/README.md),
cycling through the texts and through different parts of each. One article repeated would
let quire's word cache hit on every word after the first copy and so flatter it.

The design is side_by_side.py's plain page: A4, 20 mm margins, two columns with a 5 mm
gutter, EB Garamond 12 at 10.5/13 pt, justified, en-GB, 1 em indent. OUTDIR becomes:
  OUTDIR/layouts/plain.xml, OUTDIR/fonts (link)   from side_by_side.plain_layout
  OUTDIR/issues/bench/issue.xml, articles/*.xml   the quire issue
  OUTDIR/pdflatex/issue.tex                       T1 and the ebgaramond package
  OUTDIR/lualatex/issue.tex                       fontspec with the project's OTFs
  OUTDIR/typst/issue.typ                          Typst, the project's fonts
"""
import html
import os
import shutil
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import side_by_side  # noqa: E402  (the plain design lives there)

ROOT = side_by_side.ROOT
TEXTS = os.path.join(ROOT, "tests/bench/texts")
# Words on a full page of the plain design (two columns of about 56 lines, headings
# included), measured on quire's output; only used to size the issue: the report counts
# the pages each tool really made.
WORDS_PER_PAGE = 950
HEADING_EVERY = 7  # paragraphs between h2 headings, roughly a column and a half


# ---------------------------------------------------------------- the texts

def squash(text):
    return " ".join(text.split())


def sample_article():
    body = ET.parse(os.path.join(ROOT, "issues/2025-spring/articles/scam-compounds.xml")).getroot().find("body")
    return [squash("".join(p.itertext())) for p in body if p.tag == "p"]


def gpl():
    text = open("/usr/share/common-licenses/GPL-3", encoding="utf-8").read()
    return [p for p in (squash(p) for p in text.split("\n\n")) if len(p.split()) >= 12]


def stored_text(name):
    text = open(os.path.join(TEXTS, name), encoding="utf-8").read()
    return [squash(p) for p in text.split("\n\n") if p.strip()]


def texts():
    """(name, paragraphs) of every text, in the order the articles cycle through them."""
    return [("sample", sample_article()), ("gpl", gpl()),
            ("morris", stored_text("morris-news-from-nowhere.txt")),
            ("macdowell", stored_text("macdowell-essays.txt")),
            ("vim", stored_text("vim-user-manual.txt"))]


# ---------------------------------------------------------------- the articles

def chunk(paras, start, words):
    """Paragraphs from index START (wrapping round) until WORDS words are taken."""
    out, taken, i = [], 0, start
    while taken < words:
        p = paras[i % len(paras)]
        out.append(p)
        taken += len(p.split())
        i += 1
    return out


def article_blocks(paras):
    """[(kind, text)] for one article: paragraphs with an h2 every HEADING_EVERY, its text
    the opening words of the paragraph it stands over (any words will do)."""
    blocks = []
    for i, p in enumerate(paras):
        if i and i % HEADING_EVERY == 0:
            blocks.append(("h2", " ".join(p.split()[:4]).rstrip(",;:.")))
        blocks.append(("p", p))
    return blocks


def articles(pages):
    """[(title, blocks)]: article k takes text k mod T, 2 to 4 pages of it, starting where
    that text's previous article stopped, so successive copies of a text are different
    parts of it and their paragraphs meet different neighbours."""
    sources = texts()
    next_start = [0] * len(sources)
    result, made, k = [], 0, 0
    while made < pages:
        t = k % len(sources)
        name, paras = sources[t]
        length = 2 + k % 3
        chunk_paras = chunk(paras, next_start[t], length * WORDS_PER_PAGE)
        next_start[t] += len(chunk_paras) + 1  # +1: the next chunk does not start in step
        title = f"{k + 1}. " + " ".join(chunk_paras[0].split()[:6]).rstrip(",;:.")
        result.append((title, article_blocks(chunk_paras)))
        made += length + 0.5  # an article's last page is half empty on average
        k += 1
    return result


# ---------------------------------------------------------------- quire

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def quire_issue(out, arts):
    side_by_side.plain_layout(out)
    entries = []
    for n, (title, blocks) in enumerate(arts, 1):
        ident = f"a{n:04d}"
        lines, first = [], True
        for kind, text in blocks:
            if kind == "h2":
                lines.append(f"    <h2>{html.escape(text)}</h2>")
                first = True
            else:
                style = ' style="body-first"' if first else ""
                lines.append(f"    <p{style}>{html.escape(text)}</p>")
                first = False
        write(os.path.join(out, "issues/bench/articles", ident + ".xml"),
              '<?xml version="1.0" encoding="UTF-8"?>\n'
              f'<article version="1" id="{ident}" xml:lang="en-GB">\n'
              f"  <title>{html.escape(title)}</title>\n  <body>\n" + "\n".join(lines) + "\n  </body>\n</article>\n")
        entries.append(f'  <article href="articles/{ident}.xml"/>')
    write(os.path.join(out, "issues/bench/issue.xml"),
          '<?xml version="1.0" encoding="UTF-8"?>\n'
          '<issue version="1" layout="../../layouts/plain.xml" xml:lang="en-GB">\n'
          "  <meta><title>Bench</title><number>1</number><date>2025-01-01</date>"
          "<publisher>Bench</publisher></meta>\n" + "\n".join(entries) + "\n</issue>\n")


# ---------------------------------------------------------------- LaTeX

def tex_escape(text):
    for a, b in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"), ("#", r"\#"),
                 ("_", r"\_"), ("{", r"\{"), ("}", r"\}"), ("^", r"\^{}"), ("~", r"\~{}")):
        text = text.replace(a, b)
    return text


# pdfLaTeX sets the T1 Type 1 EB Garamond of the ebgaramond package; LuaLaTeX the
# project's own OTFs through fontspec, as quire does.
TEX_FONTS = {
    "pdflatex": "\\usepackage[T1]{fontenc}\n\\usepackage{ebgaramond}\n",
    "lualatex": ("\\usepackage{fontspec}\n\\setmainfont{EBGaramond12}[Path=%s/fonts/EBGaramond/, Extension=.otf,\n"
                 "  UprightFont=*-Regular, ItalicFont=*-Italic, BoldFont=*-Bold]\n" % ROOT),
}


def latex_issue(arts, engine):
    body = []
    for title, blocks in arts:
        # \twocolumn[...] starts a page with the title across both columns, as quire
        # starts every article on a page of its own.
        body.append(r"\twocolumn[{\fontsize{24}{28}\selectfont\bfseries %s\par}\vspace{13pt}]" % tex_escape(title))
        body.append(r"\markright{%s}" % tex_escape(title))
        first = True
        for kind, text in blocks:
            if kind == "h2":
                body.append(r"\subsection*{\fontsize{10.5}{13}\selectfont %s}" % tex_escape(text))
                first = True
            else:
                body.append((r"\noindent " if first else "") + tex_escape(text) + "\n")
                first = False
    # The line-breaking settings are the layout's body style (tolerance 200, pretolerance
    # 100); no microtype, so the peers do less than quire (which scales glyphs and
    # protrudes punctuation): that does not flatter quire.
    return (r"""\documentclass{article}
""" + TEX_FONTS[engine] + r"""\usepackage[british]{babel}
\usepackage[a4paper,margin=20mm,columnsep=5mm]{geometry}
\pagestyle{myheadings}
\tolerance=200 \pretolerance=100 \emergencystretch=3em \frenchspacing
\parindent=1em \parskip=0pt
\begin{document}
\fontsize{10.5}{13}\selectfont
""" + "\n".join(body) + "\n\\end{document}\n")


# ---------------------------------------------------------------- Typst

def typst_string(text):
    # A string literal, not markup: the texts have // (URLs), *, _, # and [ ], which
    # markup would read as comments, emphasis and code.
    return '#"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_issue(arts):
    body = []
    for title, blocks in arts:
        # A page setting starts a new page, as quire starts every article on its own.
        body.append("#set page(header: [#%s #h(1fr) #context counter(page).display()])"
                    % typst_string(title)[1:])
        body.append("#place(top, scope: \"parent\", float: true, text(size: 24pt, weight: \"bold\", %s))"
                    % typst_string(title)[1:])
        for kind, text in blocks:
            if kind == "h2":
                body.append("#heading(level: 2, %s)" % typst_string(text)[1:])
            else:
                body.append(typst_string(text) + "\n")
    # 13 pt from baseline to baseline: a line box of 10.5 pt (top edge 1 em above the
    # baseline, bottom edge on it) and 2.5 pt of leading; no extra space between paragraphs.
    return ("""#set page(paper: "a4", margin: 20mm, columns: 2)
#set columns(gutter: 5mm)
#set text(font: "EB Garamond 12", size: 10.5pt, lang: "en", region: "gb", hyphenate: true,
          top-edge: 1em, bottom-edge: "baseline")
#set par(justify: true, leading: 2.5pt, spacing: 2.5pt, first-line-indent: 1em)
#show heading: set text(size: 10.5pt, weight: "bold")
""" + "\n".join(body) + "\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pages, out = int(sys.argv[1]), sys.argv[2]
    if os.path.exists(out):
        shutil.rmtree(out)
    arts = articles(pages)
    quire_issue(out, arts)
    for engine in ("pdflatex", "lualatex"):
        write(os.path.join(out, engine, "issue.tex"), latex_issue(arts, engine))
    write(os.path.join(out, "typst/issue.typ"), typst_issue(arts))
    print(out)


if __name__ == "__main__":
    main()
