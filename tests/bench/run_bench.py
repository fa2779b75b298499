#!/usr/bin/env python3
"""quire against pdfLaTeX, LuaLaTeX and Typst 0.14, and quire's modes against its plain
build, timed in pairs (issue 19, points 2 and 4).

Usage: tests/bench/run_bench.py [--sizes 100,1000] [--pairs 5] [--peers pdflatex,lualatex,typst]
                                [--modes print,booklet,articles] [--quire BINARY] [--work DIR]
                                [--no-install]

For each size, make_issue.py makes one issue (many articles from several texts) in the
same plain design for every tool. Each comparison is paired: one untimed warm-up of each
side (font caches, page cache), then quire, peer, quire, peer, ... PAIRS times, so both
sides of a pair see the same load on a shared machine; the ratio peer/quire is taken per
pair and its median and spread reported. quire's modes (--print, --impose booklet,
--articles DIR) are paired with quire's plain build the same way. Wall time and peak
memory come from GNU time (/usr/bin/time -f "%e %M"). Prints a Markdown report; progress
goes to stderr. Not part of the test suite: nothing is asserted.

The peers are installed unless --no-install (as root): Debian's texlive-latex-recommended,
texlive-latex-extra, texlive-lang-english, texlive-fonts-extra (the `ebgaramond` package,
about 500 MB), texlive-luatex, poppler-utils and time with apt-get; Typst 0.14 as the npm
package @myriaddreamin/typst-ts-node-compiler into WORK/peers, run by typst_compile.js.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TYPST_PACKAGE = "@myriaddreamin/typst-ts-node-compiler"
APT_PACKAGES = ["texlive-latex-recommended", "texlive-latex-extra", "texlive-lang-english",
                "texlive-fonts-extra", "texlive-luatex", "poppler-utils", "time"]


# ---------------------------------------------------------------- setting up

def latex_has(package_file):
    """Whether TeX finds `package_file` (asked of kpsewhich, TeX's own file search)."""
    if not shutil.which("kpsewhich"):
        return False
    return bool(subprocess.run(["kpsewhich", package_file], capture_output=True, text=True).stdout.strip())


def install_peers(peers_dir, peers):
    """The peers this run needs, if they are missing."""
    needed = {"pdflatex": not latex_has("ebgaramond.sty"),
              "lualatex": not shutil.which("lualatex")}
    if any(needed.get(p) for p in peers) or not shutil.which("pdfinfo") or not os.path.exists("/usr/bin/time"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends"] + APT_PACKAGES,
                       check=True, env=env)
    if "typst" in peers and not os.path.isdir(os.path.join(peers_dir, "node_modules", TYPST_PACKAGE)):
        subprocess.run(["npm", "install", "--no-save", "--prefix", peers_dir, TYPST_PACKAGE], check=True)


def machine():
    """CPU model and core count: the numbers mean little without them."""
    model = "unknown"
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return model, os.cpu_count()


def load():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


# ---------------------------------------------------------------- the commands

def commands(issue_dir, quire, peers_dir):
    """name -> (command, working directory, output PDF) for every tool and mode."""
    def quire_build(out, *extra):
        return ([quire, "build", "issues/bench/issue.xml", "-o", out, *extra], issue_dir,
                os.path.join(issue_dir, out))

    def latex(engine):
        cwd = os.path.join(issue_dir, engine)
        return ([engine, "-interaction=batchmode", "-halt-on-error", "issue.tex"], cwd,
                os.path.join(cwd, "issue.pdf"))

    typst_dir = os.path.join(issue_dir, "typst")
    return {
        "quire": quire_build("quire.pdf"),
        "print": quire_build("quire-print.pdf", "--print"),
        "booklet": quire_build("quire-booklet.pdf", "--impose", "booklet"),
        "articles": quire_build("quire-articles.pdf", "--articles", "articles-out"),
        "pdflatex": latex("pdflatex"),
        "lualatex": latex("lualatex"),
        "typst": (["node", os.path.join(HERE, "typst_compile.js"), peers_dir, "../fonts", "issue.typ", "issue.pdf"],
                  typst_dir, os.path.join(typst_dir, "issue.pdf")),
    }


def timed(command):
    """(wall seconds, peak MiB) of one run, from GNU time."""
    cmd, cwd, _ = command
    r = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed in {cwd}:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    seconds, kib = r.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kib) / 1024.0


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


# ---------------------------------------------------------------- pairing

def paired(base, other, pairs, label):
    """[(base sample, other sample)]: one untimed warm-up of each, then PAIRS pairs, base
    first. Alternating means a burst of load from other work hits both sides alike."""
    timed(base)
    timed(other)
    samples = []
    for i in range(pairs):
        a, b = timed(base), timed(other)
        print(f"    {label} pair {i + 1}: {a[0]:.2f} s / {b[0]:.2f} s", file=sys.stderr)
        samples.append((a, b))
    return samples


def summary(samples):
    """Medians, per-pair ratios (other/base) and peak memory of a list of pairs."""
    ratios = sorted(b[0] / a[0] for a, b in samples if a[0] > 0)
    return {
        "base_s": statistics.median(a[0] for a, _ in samples),
        "other_s": statistics.median(b[0] for _, b in samples),
        "ratio": statistics.median(ratios) if ratios else float("nan"),
        "ratio_min": ratios[0] if ratios else float("nan"),
        "ratio_max": ratios[-1] if ratios else float("nan"),
        "base_mib": max(a[1] for a, _ in samples),
        "other_mib": max(b[1] for _, b in samples),
        "base_all": [a[0] for a, _ in samples],
    }


# ---------------------------------------------------------------- the report

def peer_table(rows):
    out = ["| size | peer | quire pages | peer pages | quire s (median) | peer s (median) | quire pages/s "
           "| peer pages/s | peer/quire (median of pairs) | min–max | quire peak MiB | peer peak MiB |",
           "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, peer, qp, pp, s in rows:
        out.append(f"| {size} | {peer} | {qp} | {pp} | {s['base_s']:.2f} | {s['other_s']:.2f} "
                   f"| {qp / s['base_s']:.1f} | {pp / s['other_s']:.1f} | {s['ratio']:.2f}x "
                   f"| {s['ratio_min']:.2f}–{s['ratio_max']:.2f} | {s['base_mib']:.0f} | {s['other_mib']:.0f} |")
    return out


def mode_table(rows):
    out = ["| size | mode | plain s (median) | mode s (median) | mode/plain (median of pairs) | min–max "
           "| plain peak MiB | mode peak MiB |",
           "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for size, mode, s in rows:
        out.append(f"| {size} | {mode} | {s['base_s']:.2f} | {s['other_s']:.2f} | {s['ratio']:.2f}x "
                   f"| {s['ratio_min']:.2f}–{s['ratio_max']:.2f} | {s['base_mib']:.0f} | {s['other_mib']:.0f} |")
    return out


def scaling_table(quire_runs):
    """quire's plain builds pooled over every pairing at each size: the largest size
    against the smallest, in time and in pages (linear growth gives equal ratios)."""
    sizes = sorted(quire_runs)
    if len(sizes) < 2:
        return []
    lo, hi = sizes[0], sizes[-1]
    (p_lo, t_lo, m_lo), (p_hi, t_hi, m_hi) = quire_runs[lo], quire_runs[hi]
    s_lo, s_hi = statistics.median(t_lo), statistics.median(t_hi)
    return [f"| quire | pages {lo} / {hi} | s (median) {lo} / {hi} | time ratio {hi}/{lo} | page ratio "
            f"| peak MiB {lo} / {hi} |",
            "|---|---:|---:|---:|---:|---:|",
            f"| plain build | {p_lo} / {p_hi} | {s_lo:.2f} / {s_hi:.2f} | {s_hi / s_lo:.2f} | {p_hi / p_lo:.2f} "
            f"| {m_lo:.0f} / {m_hi:.0f} |"]


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--peers", default="pdflatex,lualatex,typst")
    ap.add_argument("--modes", default="print,booklet,articles")
    ap.add_argument("--quire", default=os.path.join(ROOT, "build/release/quire"))
    ap.add_argument("--work", default=os.path.join(ROOT, "build/bench"))
    ap.add_argument("--no-install", action="store_true")
    args = ap.parse_args()
    peers = [p for p in args.peers.split(",") if p]
    modes = [m for m in args.modes.split(",") if m]
    quire = os.path.abspath(args.quire)
    work = os.path.abspath(args.work)
    peers_dir = os.path.join(work, "peers")
    os.makedirs(work, exist_ok=True)
    if not args.no_install:
        install_peers(peers_dir, peers)

    model, cores = machine()
    load_before = load()
    peer_rows, mode_rows, quire_runs = [], [], {}
    for size in [int(s) for s in args.sizes.split(",")]:
        issue_dir = os.path.join(work, f"issue-{size}")
        subprocess.run([sys.executable, os.path.join(HERE, "make_issue.py"), str(size), issue_dir],
                       check=True, stdout=subprocess.DEVNULL)
        cmds = commands(issue_dir, quire, peers_dir)
        quire_times, quire_mib = [], 0.0
        for name in peers + modes:
            print(f"  {size} pages: quire against {name}", file=sys.stderr)
            s = summary(paired(cmds["quire"], cmds[name], args.pairs, name))
            quire_times += s["base_all"]
            quire_mib = max(quire_mib, s["base_mib"])
            if name in peers:
                peer_rows.append((size, name, pages_of(cmds["quire"][2]), pages_of(cmds[name][2]), s))
            else:
                mode_rows.append((size, name, s))
        if quire_times:
            quire_runs[size] = (pages_of(cmds["quire"][2]), quire_times, quire_mib)

    print(f"Machine: {model}, {cores} cores  ")
    print(f"Load before: {load_before}  ")
    print(f"Load after: {load()}  ")
    print(f"quire: {quire}; {args.pairs} pairs after one warm-up of each side\n")
    for table in (peer_table(peer_rows) if peer_rows else [], mode_table(mode_rows) if mode_rows else [],
                  scaling_table(quire_runs)):
        if table:
            print("\n".join(table) + "\n")


if __name__ == "__main__":
    main()
