#!/usr/bin/env python3
"""Makes a benchmark issue of about PAGES pages from the sample issue's text, for quire,
LuaLaTeX and Typst alike (issue 10).

Usage: tests/bench/make_issue.py PAGES OUTDIR

OUTDIR becomes a small project of its own (quire reads only inside a project's tree):
  OUTDIR/layouts/review.xml, OUTDIR/fonts/...     copies of the project's
  OUTDIR/issues/bench/issue.xml, articles/, images/   numbered copies of the sample article
  OUTDIR/lualatex/issue.tex                        the same issue for LuaLaTeX (fontspec,
                                                   two columns, fancyhdr, same fonts, size,
                                                   leading and margins)
  OUTDIR/typst/issue.typ                           the same issue for Typst
The sample article fills about two pages of the Review's layout, so PAGES/2 copies.
"""
import html
import os
import re
import shutil
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "issues/2025-spring")
PAGES_PER_ARTICLE = 2


def article_parts():
    tree = ET.parse(os.path.join(SAMPLE, "articles/scam-compounds.xml")).getroot()
    title = tree.find("title").text
    subtitle = tree.find("subtitle").text
    blocks = []
    for block in tree.find("body"):
        if block.tag in ("p", "h2"):
            blocks.append((block.tag, re.sub(r"\s+", " ", "".join(block.itertext())).strip()))
        elif block.tag == "figure":
            blocks.append(("figure", block.find("credit").text))
    disclaimer = re.sub(r"\s+", " ", ET.parse(os.path.join(SAMPLE, "issue.xml")).getroot()
                        .find("meta").find("disclaimer").text).strip()
    return title, subtitle, blocks, disclaimer


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def quire_issue(out, copies, title, subtitle, blocks):
    issue_dir = os.path.join(out, "issues/bench")
    src = open(os.path.join(SAMPLE, "articles/scam-compounds.xml"), encoding="utf-8").read()
    entries = []
    for n in range(1, copies + 1):
        ident = f"article-{n:04d}"
        text = src.replace('id="scam-compounds"', f'id="{ident}"')
        text = text.replace(f"<title>{html.escape(title, quote=False)}</title>",
                            f"<title>{html.escape(title, quote=False)} ({n})</title>")
        write(os.path.join(issue_dir, "articles", ident + ".xml"), text)
        entries.append(f'  <article href="articles/{ident}.xml"/>')
    manifest = open(os.path.join(SAMPLE, "issue.xml"), encoding="utf-8").read()
    # Only the numbered copies: not the sample's own articles (its welcome note sits on
    # the contents page) nor its cover, which the LuaLaTeX and Typst documents lack.
    manifest = re.sub(r'  <article [^>]*/>\n', "", manifest)
    manifest = re.sub(r'  <cover [^>]*/>\n', "", manifest)
    manifest = manifest.replace("</issue>", "\n".join(entries) + "\n</issue>")
    write(os.path.join(issue_dir, "issue.xml"), manifest)
    shutil.copytree(os.path.join(SAMPLE, "images"), os.path.join(issue_dir, "images"), dirs_exist_ok=True)


def tex_escape(text):
    for a, b in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"),
                 ("#", r"\#"), ("_", r"\_"), ("{", r"\{"), ("}", r"\}")):
        text = text.replace(a, b)
    return text


def lualatex_issue(out, copies, title, subtitle, blocks, disclaimer):
    fonts = os.path.join(out, "fonts")
    image = os.path.join(out, "issues/bench/images/compound-at-night.jpg")
    body = []
    for n in range(1, copies + 1):
        body.append(r"\twocolumn[{\sffamily\bfseries\fontsize{24}{28}\selectfont %s (%d)\par}"
                    r"\vspace{4pt}{\itshape\fontsize{15}{19}\selectfont %s\par}\vspace{13pt}]"
                    % (tex_escape(title), n, tex_escape(subtitle)))
        body.append(r"\markright{%s (%d)}" % (tex_escape(title), n))
        first = True
        for kind, text in blocks:
            if kind == "p":
                body.append((r"\noindent " if first else "") + tex_escape(text) + "\n")
                first = False
            elif kind == "h2":
                body.append(r"\subsection*{\sffamily\fontsize{10.5}{13}\selectfont %s}" % tex_escape(text))
                first = True
            else:
                body.append(r"\begin{figure}[t]\includegraphics[width=\columnwidth]{%s}\par"
                            r"{\sffamily\fontsize{7}{9}\selectfont %s\par}\end{figure}" % (image, tex_escape(text)))
        body.append(r"\clearpage")
    tex = r"""\documentclass[twoside]{article}
\usepackage{fontspec}
\usepackage[british]{babel}
\usepackage[a4paper,top=20mm,bottom=24mm,inner=20mm,outer=16mm,columnsep=6mm,headsep=6mm,footskip=12mm]{geometry}
\usepackage{graphicx}
\usepackage{fancyhdr}
\setmainfont{EBGaramond12-Regular.otf}[Path=%(fonts)s/EBGaramond/,ItalicFont=EBGaramond12-Italic.otf,BoldFont=EBGaramond12-Bold.otf]
\setsansfont{Inter-Regular.otf}[Path=%(fonts)s/Inter/,BoldFont=Inter-SemiBold.otf,ItalicFont=Inter-Italic.otf]
\pagestyle{fancy}
\fancyhf{}
\fancyhead[LE]{\sffamily\footnotesize\thepage\quad ST ANDREWS FOREIGN AFFAIRS REVIEW}
\fancyhead[RO]{\sffamily\footnotesize\MakeUppercase{\rightmark}\quad\thepage}
\fancyfoot[L]{\itshape\fontsize{8}{10}\selectfont %(disclaimer)s}
\tolerance=200 \pretolerance=100 \emergencystretch=3em \frenchspacing
\parindent=10.5pt
\begin{document}
\fontsize{10.5}{13}\selectfont
%(body)s
\end{document}
""" % {"fonts": fonts, "disclaimer": tex_escape(disclaimer), "body": "\n".join(body)}
    write(os.path.join(out, "lualatex/issue.tex"), tex)


def typst_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_issue(out, copies, title, subtitle, blocks, disclaimer):
    body = []
    for n in range(1, copies + 1):
        if n > 1:
            body.append("#pagebreak()")
        body.append("#set page(header: article-header(%s))" % typst_string(f"{title} ({n})"))
        body.append("#block(width: 100%%)[#text(font: \"Inter\", weight: \"semibold\", size: 24pt)[%s] \\ "
                    "#text(style: \"italic\", size: 15pt)[%s]]" % (typst_string(f"{title} ({n})")[1:-1], subtitle))
        paras = []
        for kind, text in blocks:
            if kind == "p":
                paras.append("#par[%s]" % typst_string(text)[1:-1].replace("[", "\\[").replace("]", "\\]").replace("#", "\\#").replace("*", "\\*").replace("_", "\\_").replace("$", "\\$").replace("@", "\\@").replace("<", "\\<"))
            elif kind == "h2":
                paras.append("#text(font: \"Inter\", weight: \"semibold\")[%s]" % text.replace("[", "\\[").replace("]", "\\]"))
            else:
                paras.append("#figure(placement: top, block[#image(\"../issues/bench/images/compound-at-night.jpg\", width: 100%%) "
                             "#text(font: \"Inter\", size: 7pt)[%s]])" % text.replace("[", "\\[").replace("]", "\\]"))
        body.append("#columns(2, gutter: 6mm)[\n" + "\n\n".join(paras) + "\n]")
    # Typst 0.10 (the npm package's version) has locate(), not context.
    typ = """#let article-header(title) = locate(loc => {
  set text(font: "Inter", size: 7.5pt)
  if calc.even(loc.page()) [#counter(page).display() #h(1em) ST ANDREWS FOREIGN AFFAIRS REVIEW]
  else [#h(1fr) #upper(title) #h(1em) #counter(page).display()]
})
#set page(paper: "a4", margin: (top: 20mm, bottom: 24mm, inside: 20mm, outside: 16mm),
          footer: text(style: "italic", size: 8pt)[%s])
#set text(font: "EB Garamond 12", size: 10.5pt, lang: "en", region: "gb", hyphenate: true)
#set par(justify: true, leading: 6.2pt, first-line-indent: 10.5pt)
%s
""" % (disclaimer, "\n".join(body))
    write(os.path.join(out, "typst/issue.typ"), typ)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pages, out = int(sys.argv[1]), sys.argv[2]
    copies = max(1, round(pages / PAGES_PER_ARTICLE))
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(os.path.join(ROOT, "fonts"), os.path.join(out, "fonts"))
    shutil.copytree(os.path.join(ROOT, "layouts"), os.path.join(out, "layouts"))
    title, subtitle, blocks, disclaimer = article_parts()
    quire_issue(out, copies, title, subtitle, blocks)
    lualatex_issue(out, copies, title, subtitle, blocks, disclaimer)
    typst_issue(out, copies, title, subtitle, blocks, disclaimer)
    print(out)


if __name__ == "__main__":
    main()
