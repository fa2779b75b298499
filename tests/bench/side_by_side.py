#!/usr/bin/env python3
"""Paragraph quality side by side (issue 15): one text set by quire and by LuaLaTeX with
microtype in the same plain design -- A4, 20 mm margins, two 82.5 mm columns with a
5 mm gutter, EB Garamond 12 at 10.5/13 pt, justified, en-GB, 1 em indent -- each PDF
read back with typo-metrics. Not a test: a measurement, run by hand; LuaLaTeX (Debian's
texlive-luatex, texlive-latex-recommended, texlive-latex-extra, texlive-lang-english)
is not part of .ci/setup.

usage: tests/bench/side_by_side.py TEXT OUTDIR [--quire BINARY] [--metrics TYPO-METRICS.py]
TEXT: a file of paragraphs separated by blank lines, or `sample` (the sample
feature's paragraphs three times) or `gpl` (/usr/share/common-licenses/GPL-3's
paragraphs of 12 words or more), the texts of the README's figures. The third there,
Vim's user manual, was usr_01-12.txt's prose paragraphs (no indented lines, no
commands), cut at 5,200 words; Morris's News from Nowhere and MacDowell's Critical and
Historical Essays were Project Gutenberg's texts 3261 and 16351 (GITenberg), paragraphs of
12 words or more from the first chapter on, `--` made a dash, cut at 5,200 words. The quire project uses layouts/review.xml
with the plain page and no drop cap; everything else (glyph scaling, protrusion,
spacing) is the shipped layout's.
"""
import argparse
import html
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLAIN_PAGE = '''<page size="A4" facing="no"
        margin-top="20mm" margin-bottom="20mm" margin-inside="20mm" margin-outside="20mm"
        columns="2" gutter="5mm" baseline-grid="13pt"/>'''


def plain_layout(out):
    """OUT/layouts/plain.xml (the Review's layout with the plain page, no drop cap) and
    OUT/fonts, a link to the project's fonts. The benchmark (make_issue.py) uses it too,
    so the two measure the same design."""
    os.makedirs(f"{out}/layouts", exist_ok=True)
    if not os.path.exists(f"{out}/fonts"):
        os.symlink(f"{ROOT}/fonts", f"{out}/fonts")
    layout = open(f"{ROOT}/layouts/review.xml", encoding="utf-8").read()
    start = layout.index("<page ")
    layout = layout[:start] + PLAIN_PAGE + layout[layout.index("/>", start) + 2:]
    layout = layout.replace('drop-cap-lines="3" drop-cap-style="drop-cap"', "")
    open(f"{out}/layouts/plain.xml", "w", encoding="utf-8").write(layout)


def quire_project(paras, out):
    os.makedirs(f"{out}/issues/x/articles", exist_ok=True)
    plain_layout(out)
    open(f"{out}/issues/x/issue.xml", "w", encoding="utf-8").write(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<issue version="1" layout="../../layouts/plain.xml" xml:lang="en-GB">\n'
        '  <meta><title>Plain</title><number>1</number><date>2025-01-01</date><publisher>P</publisher></meta>\n'
        '  <article href="articles/a.xml"/>\n</issue>\n')
    body = "\n".join("    <p" + (' style="body-first"' if i == 0 else "") + ">" + html.escape(p) + "</p>"
                     for i, p in enumerate(paras))
    open(f"{out}/issues/x/articles/a.xml", "w", encoding="utf-8").write(
        '<?xml version="1.0" encoding="UTF-8"?>\n<article version="1" id="a" xml:lang="en-GB">'
        "<title>Text</title><body>\n" + body + "\n</body></article>\n")


def latex_source(paras):
    def escape(t):
        for a, b in (("\\", ""), ("{", ""), ("}", ""), ("&", "\\&"), ("%", "\\%"), ("$", "\\$"), ("#", "\\#"),
                     ("_", "\\_"), ("^", "\\textasciicircum{}"), ("~", "\\textasciitilde{}")):
            t = t.replace(a, b)
        return t
    return (r"""\documentclass{article}
\usepackage[a4paper,margin=20mm,columnsep=5mm]{geometry}
\usepackage[british]{babel}
\usepackage{fontspec}
\setmainfont{EBGaramond12}[Path=""" + ROOT + r"""/fonts/EBGaramond/, Extension=.otf,
  UprightFont=*-Regular, ItalicFont=*-Italic, BoldFont=*-Bold]
\usepackage{microtype}
\pagestyle{empty}
\begin{document}
\twocolumn
\fontsize{10.5}{13}\selectfont
\setlength\parindent{1em}\setlength\parskip{0pt}
\noindent """ + "\n\n".join(escape(p) for p in paras) + "\n\\end{document}\n")


def named_text(name):
    if name == "sample":
        import re
        xml = open(f"{ROOT}/issues/2025-spring/articles/scam-compounds.xml", encoding="utf-8").read()
        paras = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p[^>]*>(.*?)</p>", xml, re.S)]
        return [" ".join(p.split()) for p in paras] * 3
    if name == "gpl":
        text = open("/usr/share/common-licenses/GPL-3", encoding="utf-8").read()
        paras = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
        return [p for p in paras if len(p.split()) >= 12]
    return None


def metrics(tool, pdf):
    r = subprocess.run([sys.executable, tool, pdf, "--space", "2.1"], capture_output=True, text=True)
    return r.stdout.strip().splitlines()[-1] if r.returncode == 0 else "typo-metrics failed: " + r.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("text")
    ap.add_argument("out")
    ap.add_argument("--quire", default=f"{ROOT}/build/release/quire")
    ap.add_argument("--metrics", default=os.path.normpath(f"{ROOT}/../shared/tools/typo-metrics.py"))
    a = ap.parse_args()
    paras = named_text(a.text)
    if paras is None:
        paras = [" ".join(p.split()) for p in open(a.text, encoding="utf-8").read().split("\n\n") if p.strip()]
    quire_project(paras, a.out)
    r = subprocess.run([a.quire, "build", "issues/x/issue.xml", "-o", "quire.pdf", "--debug=linebreak"],
                       cwd=a.out, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("quire failed:\n" + r.stderr)
    # The pass that set each of the text's own paragraphs (not titles or running heads).
    passes, where = {}, None
    for line in r.stderr.splitlines():
        if line.startswith("% paragraph "):
            loc, style = line.split()[2], line.split("style '")[1].split("'")[0]
            where = loc if style in ("body", "body-first") and "articles/a.xml" in loc else None
        elif line.startswith("@chosen pass") and where is not None:
            passes.setdefault(where, line.split()[2].rstrip(","))
    chosen = list(passes.values())
    emergency = chosen.count("4")
    print(f"quire            {metrics(a.metrics, f'{a.out}/quire.pdf')}")
    print(f"quire emergency pass: {emergency} of {len(chosen)} paragraphs")
    if shutil.which("lualatex"):
        open(f"{a.out}/lualatex.tex", "w", encoding="utf-8").write(latex_source(paras))
        subprocess.run(["lualatex", "-interaction=batchmode", "lualatex.tex"], cwd=a.out, capture_output=True)
        print(f"lualatex+micro   {metrics(a.metrics, f'{a.out}/lualatex.pdf')}")
    else:
        print("lualatex: not installed, LaTeX side skipped")


if __name__ == "__main__":
    main()
