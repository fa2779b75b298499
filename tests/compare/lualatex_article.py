#!/usr/bin/env python3
"""Sets the sample article's body with LuaLaTeX at the Review's column measure, in the
same font, size, leading and hyphenation language as quire, for side-by-side
measurement with ../shared/tools/typo-metrics.py (issue 3's comparison).

Usage: tests/compare/lualatex_article.py OUTDIR
Writes OUTDIR/article.tex and OUTDIR/article.pdf. Needs texlive-luatex,
texlive-latex-recommended and texlive-lang-english (British patterns; without them babel
silently uses US ones, so the script stops) -- not part of the build or the test suite.
"""
import html
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARTICLE = os.path.join(ROOT, "issues/2025-spring/articles/scam-compounds.xml")
FONTS = os.path.join(ROOT, "fonts/EBGaramond") + "/"

# The Review's layout (layouts/review.xml): A4, margins 20mm inside and 16mm outside,
# two columns with a 6mm gutter: (210 - 20 - 16 - 6) / 2 mm.
COLUMN_MM = (210 - 20 - 16 - 6) / 2


def tex_escape(text):
    text = re.sub(r"\s+", " ", text).strip()
    for a, b in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"),
                 ("#", r"\#"), ("_", r"\_"), ("{", r"\{"), ("}", r"\}")):
        text = text.replace(a, b)
    return text


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    body = ET.parse(ARTICLE).getroot().find("body")
    parts = []
    first = True
    for block in body:
        text = tex_escape("".join(block.itertext()))
        if block.tag == "p":
            parts.append(("\\noindent " if first else "") + text + "\n")
            first = False
        elif block.tag == "h2":
            parts.append("\\medskip\\noindent{\\bfseries " + text + "}\\par\\nobreak\n")
            first = True
    tex = r"""\documentclass{article}
\usepackage{fontspec}
\usepackage[british]{babel}
\usepackage[paperwidth=%(w).2fmm,paperheight=2000mm,textwidth=%(w).2fmm,textheight=1990mm,
            left=0mm,top=5mm,noheadfoot]{geometry}
\setmainfont{EBGaramond12-Regular.otf}[Path=%(fonts)s,ItalicFont=EBGaramond12-Italic.otf,
            BoldFont=EBGaramond12-Bold.otf,Ligatures=TeX]
\pagestyle{empty}
\begin{document}
%% quire's pt is the PostScript point (1/72 in), TeX's bp; TeX's pt is 1/72.27 in.
\fontsize{10.5bp}{13bp}\selectfont
%% quire's settings for the Review's body style: plain TeX's tolerances, 3em emergency
%% stretch (of the 10.5bp font: so set after \selectfont), indent 1em
\tolerance=200 \pretolerance=100 \emergencystretch=3em
\lefthyphenmin=2 \righthyphenmin=3
\frenchspacing
\parindent=1em \parskip=0pt
%% babel falls back to US patterns, with only an Info line, when TeX Live lacks the
%% British ones (texlive-lang-english): refuse to compare then.
\makeatletter
\ifx\l@ukenglish\@undefined \errmessage{No British hyphenation patterns: install texlive-lang-english}\fi
\ifnum\language=\l@ukenglish\else \errmessage{Not set with British hyphenation patterns}\fi
\makeatother
%(body)s
\end{document}
""" % {"w": COLUMN_MM, "fonts": FONTS, "body": "\n".join(parts)}
    with open(os.path.join(out, "article.tex"), "w", encoding="utf-8") as f:
        f.write(tex)
    subprocess.run(["lualatex", "-interaction=nonstopmode", "-halt-on-error", "article.tex"], cwd=out,
                   check=True, stdout=subprocess.DEVNULL)
    print(os.path.join(out, "article.pdf"))


if __name__ == "__main__":
    main()
