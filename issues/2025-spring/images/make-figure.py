#!/usr/bin/env python3
"""Draws compound-at-night.jpg, the sample issue's stand-in for the Reuters photograph:
a walled compound of office blocks at night, lit windows, barbed wire and a watchtower.
Made with ImageMagick (`convert`); run by hand, not by the build. 1000x660 px, which is
300 dpi at the Review's column width (84 mm)."""
import random
import subprocess

W, H = 1000, 660
rng = random.Random(2025)
draw = []

# Office blocks: dark slabs of different heights with grids of windows, some lit.
x = 30
while x < W - 60:
    w = rng.randint(120, 190)
    top = rng.randint(150, 330)
    draw.append(f"fill #1b2233 rectangle {x},{top} {x + w},{H - 120}")
    for wy in range(top + 18, H - 140, 26):
        for wx in range(x + 12, x + w - 14, 22):
            lit = rng.random() < 0.42
            colour = "#f2c96b" if lit else "#2a3348"
            draw.append(f"fill {colour} rectangle {wx},{wy} {wx + 11},{wy + 14}")
    x += w + rng.randint(10, 40)

# The wall and its floodlit top.
draw.append(f"fill #3b3f47 rectangle 0,{H - 150} {W},{H - 60}")
draw.append(f"fill #5a5f69 rectangle 0,{H - 150} {W},{H - 142}")
# Fence posts and barbed wire above the wall.
for px in range(0, W + 1, 50):
    draw.append(f"stroke #9aa0aa stroke-width 3 line {px},{H - 150} {px},{H - 205}")
for wy in (H - 160, H - 178, H - 196):
    draw.append(f"stroke #8d939d stroke-width 1.5 fill none line 0,{wy} {W},{wy}")
    for bx in range(8, W, 24):
        draw.append(f"stroke #8d939d stroke-width 1.5 line {bx - 4},{wy - 4} {bx + 4},{wy + 4}")
        draw.append(f"stroke #8d939d stroke-width 1.5 line {bx - 4},{wy + 4} {bx + 4},{wy - 4}")
# Watchtower with a searchlight beam.
draw.append("fill rgba(255,240,190,0.13) stroke none polygon 842,118 430,0 600,0")
draw.append(f"stroke #121722 stroke-width 6 line 820,{H - 60} 835,140")
draw.append(f"stroke #121722 stroke-width 6 line 880,{H - 60} 865,140")
draw.append(f"stroke #121722 stroke-width 3 line 823,{H - 200} 877,{H - 300}")
draw.append(f"stroke #121722 stroke-width 3 line 877,{H - 200} 823,{H - 300}")
draw.append("fill #121722 stroke none rectangle 810,100 890,145")
draw.append("fill #121722 polygon 800,100 900,100 850,70")
draw.append("fill #fff3c4 circle 842,118 849,118")
# Ground.
draw.append(f"fill #0d1017 stroke none rectangle 0,{H - 60} {W},{H}")

args = ["convert", "-size", f"{W}x{H}", "gradient:#0b1530-#2c3e63"]
for d in draw:
    args += ["-draw", d]
args += ["-attenuate", "0.25", "+noise", "Gaussian", "-blur", "0x0.6",
         "-strip", "-density", "300", "-units", "PixelsPerInch",
         "-sampling-factor", "4:2:0", "-quality", "86", "compound-at-night.jpg"]
subprocess.run(args, check=True)
