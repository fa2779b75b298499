#!/usr/bin/env python3
"""Draws cover.jpg, the sample issue's cover picture: the compound of make-figure.py seen
from further off, low in a tall night sky swept by the watchtower's searchlight.
Made with ImageMagick (`convert`, with a fixed -seed so a rerun gives the same picture);
run by hand, not by the build. Drawn on a 2000x1800 grid and rendered 5% larger,
2100x1890 px: 306 dpi across the Review's text width (174 mm), above the press's 300."""
import random
import subprocess

W, H = 2000, 1800          # the drawing's grid
SCALE = 1.05              # rendered at SCALE times the grid (ImageMagick's -affine)
GROUND = H - 120          # top of the ground
WALL_TOP = H - 300        # top of the wall
rng = random.Random(2026)
draw = []

# Stars in the upper sky.
for _ in range(260):
    sx, sy = rng.randint(0, W), rng.randint(0, int(H * 0.45))
    r = rng.choice((1, 1, 1, 2))
    shade = rng.choice(("#c9d3ea", "#aeb9d4", "#e8ecf6"))
    draw.append(f"fill {shade} stroke none circle {sx},{sy} {sx + r},{sy}")
# The moon, a thin crescent.
draw.append("fill #f4ecd2 stroke none circle 300,260 370,260")
draw.append("fill #0d1836 stroke none circle 330,240 400,240")

# The searchlight's beam first, so the towers stand in front of it.
draw.append("fill rgba(255,240,190,0.12) stroke none polygon 1690,760 520,0 980,0")
draw.append("fill rgba(255,240,190,0.06) stroke none polygon 1690,760 300,0 1200,0")

# Office blocks behind the wall, their windows lit or dark.
x = 60
while x < W - 120:
    w = rng.randint(220, 360)
    top = rng.randint(820, 1120)
    draw.append(f"fill #1b2233 stroke none rectangle {x},{top} {x + w},{WALL_TOP + 40}")
    for wy in range(top + 34, WALL_TOP, 50):
        for wx in range(x + 24, x + w - 28, 42):
            lit = rng.random() < 0.42
            colour = "#f2c96b" if lit else "#2a3348"
            draw.append(f"fill {colour} rectangle {wx},{wy} {wx + 22},{wy + 28}")
    x += w + rng.randint(20, 80)

# The wall, its floodlit coping, fence posts and three strands of barbed wire.
draw.append(f"fill #3b3f47 stroke none rectangle 0,{WALL_TOP} {W},{GROUND}")
draw.append(f"fill #5a5f69 rectangle 0,{WALL_TOP} {W},{WALL_TOP + 16}")
for px in range(0, W + 1, 100):
    draw.append(f"stroke #9aa0aa stroke-width 6 line {px},{WALL_TOP} {px},{WALL_TOP - 110}")
for wy in (WALL_TOP - 20, WALL_TOP - 56, WALL_TOP - 92):
    draw.append(f"stroke #8d939d stroke-width 3 fill none line 0,{wy} {W},{wy}")
    for bx in range(16, W, 48):
        draw.append(f"stroke #8d939d stroke-width 3 line {bx - 8},{wy - 8} {bx + 8},{wy + 8}")
        draw.append(f"stroke #8d939d stroke-width 3 line {bx - 8},{wy + 8} {bx + 8},{wy - 8}")

# The watchtower, taller than the blocks, its lamp lit.
draw.append(f"stroke #121722 stroke-width 12 line 1640,{GROUND} 1670,800")
draw.append(f"stroke #121722 stroke-width 12 line 1760,{GROUND} 1730,800")
for y in range(900, GROUND - 100, 160):
    draw.append(f"stroke #121722 stroke-width 6 line 1650,{y} 1750,{y + 140}")
    draw.append(f"stroke #121722 stroke-width 6 line 1750,{y} 1650,{y + 140}")
draw.append("fill #121722 stroke none rectangle 1620,720 1780,800")
draw.append("fill #121722 polygon 1600,720 1800,720 1700,660")
draw.append("fill #fff3c4 circle 1690,760 1704,760")

# Ground.
draw.append(f"fill #0d1017 stroke none rectangle 0,{GROUND} {W},{H}")

args = ["convert", "-seed", "2026", "-size", f"{round(W * SCALE)}x{round(H * SCALE)}", "gradient:#081230-#2c3e63",
        "-affine", f"{SCALE},0,0,{SCALE},0,0"]
for d in draw:
    args += ["-draw", d]
args += ["-attenuate", "0.25", "+noise", "Gaussian", "-blur", "0x0.8",
         "-strip", "-density", "306", "-units", "PixelsPerInch",
         "-sampling-factor", "4:2:0", "-quality", "84", "cover.jpg"]
subprocess.run(args, check=True)
