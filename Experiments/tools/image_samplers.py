#!/usr/bin/env python3
"""Rows and summary of Experiments/image-samplers.sh.

  image_samplers.py row SAMPLER BUDGET SEED CELL_DIR     one JSON line from CELL_DIR.json (toy sample --json)
  image_samplers.py summary RESULTS.jsonl OUT_DIR        results.csv/.md/.tex (mean ± 95% t-interval over
      seeds per sampler and budget), FD against NFE and against seconds (fd-vs-nfe, fd-vs-seconds), and
      grid (rows samplers, columns budgets: the first four images of seed 0), each as .dat + .gp + .png
"""
import json, math, os, shutil, struct, subprocess, sys
from collections import defaultdict

from intervals import interval

METRICS = ["fd", "kid", "precision", "recall", "pixelFD"]
NAMES = {"fd": "FD", "kid": "KID", "precision": "precision", "recall": "recall", "pixelFD": "pixel FD"}
COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"]


def row(sampler, budget, seed, cell):
    r = json.load(open(cell + ".json"))
    q = r.get("quality")
    out = {"sampler": sampler, "budget": budget, "seed": int(seed), "nfe": r["modelEvaluations"], "seconds": r["seconds"],
           "steps": r["configuration"]["sampling"]["steps"], "clipped_pixels": r["clippedPixels"], "non_finite": r["nonFiniteSamples"],
           "cell": os.path.basename(cell)}
    if q:
        out.update({k: q["samples"][k] for k in METRICS})
        out["baseline"] = {k: q["baseline"][k] for k in METRICS}
    print(json.dumps(out))


def npy_images(path, count):
    """The first `count` images of a float32 .npy [n, c, h, w] as lists, and (c, h, w)."""
    data = open(path, "rb").read()
    header_len = struct.unpack("<H", data[8:10])[0]
    header = data[10:10 + header_len].decode()
    shape = tuple(int(x) for x in header.split("'shape': (")[1].split(")")[0].split(",") if x.strip())
    size = shape[1] * shape[2] * shape[3]
    values = struct.unpack(f"<{count * size}f", data[10 + header_len:10 + header_len + 4 * count * size])
    return [values[i * size:(i + 1) * size] for i in range(count)], shape[1:]


def gnuplot(out, name):
    if shutil.which("gnuplot"):
        subprocess.run(["gnuplot", name + ".gp"], cwd=out, check=True)


def summary(path, out):
    rows = [json.loads(l) for l in open(path)]
    cells = defaultdict(list)
    for r in rows:
        cells[(r["sampler"], r["budget"])].append(r)
    scored = all("fd" in r for r in rows)
    metrics = METRICS if scored else []
    seeds = sorted({r["seed"] for r in rows})
    table = []
    for (sampler, budget), rs in cells.items():
        entry = {"sampler": sampler, "budget": budget, "nfe": interval([r["nfe"] for r in rs])[0], "seconds": interval([r["seconds"] for r in rs]),
                 "seeds": len(rs)}
        for m in metrics:
            entry[m] = interval([r[m] for r in rs])
        table.append(entry)
    # CSV
    with open(os.path.join(out, "results.csv"), "w") as f:
        f.write(",".join(["sampler", "budget", "nfe", "seconds", "seconds_ci95", "seeds"] + [x for m in metrics for x in (m, m + "_ci95")]) + "\n")
        for e in table:
            f.write(",".join([e["sampler"], str(e["budget"]), f'{e["nfe"]:.1f}', f'{e["seconds"][0]:.3f}', f'{e["seconds"][1]:.3f}', str(e["seeds"])]
                             + [f"{v:.6g}" for m in metrics for v in e[m]]) + "\n")
    # Markdown and LaTeX
    def fmt(m, v):
        return f"{v[0]:.4f} ± {v[1]:.4f}" if m == "kid" else f"{v[0]:.3f} ± {v[1]:.3f}"
    head = ["sampler", "budget", "NFE", "seconds"] + [NAMES[m] for m in metrics]
    md = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    tex = ["\\begin{tabular}{ll" + "r" * (len(head) - 2) + "}", " & ".join(head) + " \\\\", "\\hline"]
    for e in table:
        cols = [e["sampler"], str(e["budget"]), f'{e["nfe"]:.0f}', f'{e["seconds"][0]:.1f}'] + [fmt(m, e[m]) for m in metrics]
        md.append("| " + " | ".join(cols) + " |")
        tex.append(" & ".join(c.replace("±", "$\\pm$") for c in cols) + " \\\\")
    if scored:
        base = rows[0]["baseline"]
        cols = ["real training images", "", "", ""] + [(f"{base[m]:.4f}" if m == "kid" else f"{base[m]:.3f}") for m in metrics]
        md.append("| " + " | ".join(cols) + " |")
        tex.append(" & ".join(cols) + " \\\\")
    tex.append("\\end{tabular}")
    md.append("")
    md.append(f"Sampling seeds {', '.join(map(str, seeds))}; means with 95% t-intervals over the seeds"
              + ("" if scored else " (no metrics in this mode)") + ". Budget: the NFE aimed at (the ODE: its tolerance); "
              "NFE: the evaluations used (mean over seeds); seconds: wall time of sampling alone.")
    open(os.path.join(out, "results.md"), "w").write("\n".join(md) + "\n")
    open(os.path.join(out, "results.tex"), "w").write("\n".join(tex) + "\n")
    print("\n".join(md))
    grid(rows, out, seeds[0])
    if not scored:
        return
    samplers = list(dict.fromkeys(r["sampler"] for r in rows))
    for x, label, name in (("nfe", "model evaluations (NFE)", "fd-vs-nfe"), ("seconds", "seconds of sampling (100 images, 2 cores)", "fd-vs-seconds")):
        with open(os.path.join(out, name + ".dat"), "w") as f:
            for s in samplers:
                f.write(f"# {s}: {x} mean_fd half_interval\n")
                for e in sorted((e for e in table if e["sampler"] == s), key=lambda e: e["nfe"]):
                    xv = e["nfe"] if x == "nfe" else e["seconds"][0]
                    f.write(f"{xv} {e['fd'][0]} {e['fd'][1]}\n")
                f.write("\n\n")
        plots = [f"'{name}.dat' index {i} using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '{COLORS[i % len(COLORS)]}' title '{s}'"
                 for i, s in enumerate(samplers)]
        plots.append(f"{rows[0]['baseline']['fd']} with lines dt 2 lc rgb '#555555' title 'real training images'")
        script = "\n".join([
            "set terminal pngcairo size 900,560 enhanced font 'DejaVu Sans,11'", f"set output '{name}.png'",
            "set title 'Fashion-MNIST (U-Net, VP SDE): FD on toy-classifier features, mean ± 95% interval over seeds'",
            f"set xlabel '{label}'", "set ylabel 'FD (lower is better)'", "set logscale xy", "set key outside right", "set grid",
            "plot " + ", \\\n     ".join(plots), ""])
        open(os.path.join(out, name + ".gp"), "w").write(script)
        gnuplot(out, name)


def grid(rows, out, seed, per_cell=4):
    """Rows samplers, columns budgets: the first `per_cell` images of `seed` (same prior draw for all)."""
    samplers = list(dict.fromkeys(r["sampler"] for r in rows))
    budgets = list(dict.fromkeys(str(r["budget"]) for r in rows if r["sampler"] != "ode"))
    tolerances = list(dict.fromkeys(str(r["budget"]) for r in rows if r["sampler"] == "ode"))
    columns = max(len(budgets), len(tolerances))
    cell_of = {(r["sampler"], str(r["budget"])): r["cell"] for r in rows if r["seed"] == seed}
    first = next(iter(cell_of.values()))
    _, (c, h, w) = npy_images(os.path.join(out, "cells", first, "samples.npy"), 1)
    gap, group_gap = 1, 6
    cell_w = per_cell * (w + gap) - gap
    width = columns * (cell_w + group_gap) - group_gap
    height = len(samplers) * (h + gap) - gap
    canvas = [[1.0] * width for _ in range(height * c)]
    for i, s in enumerate(samplers):
        keys = tolerances if s == "ode" else budgets
        for j, b in enumerate(keys):
            name = cell_of.get((s, b))
            if not name:
                continue
            images, _ = npy_images(os.path.join(out, "cells", name, "samples.npy"), per_cell)
            for k, image in enumerate(images):
                x0, y0 = j * (cell_w + group_gap) + k * (w + gap), i * (h + gap)
                for ch in range(c):
                    for y in range(h):
                        for x in range(w):
                            canvas[ch * height + y0 + y][x0 + x] = image[(ch * h + y) * w + x]
    with open(os.path.join(out, "grid.dat"), "w") as f:
        for y in range(height):
            row_index = height - 1 - y
            for x in range(width):
                if c == 1:
                    f.write(f"{x} {y} {canvas[row_index][x]}\n")
                else:
                    f.write(f"{x} {y} " + " ".join(str(round(255 * canvas[ch * height + row_index][x])) for ch in range(3)) + "\n")
    labels = []
    for i, s in enumerate(samplers):
        labels.append(f"set label '{s}' at -3,{height - 1 - i * (h + gap) - h / 2} right font ',10'")
    for j, b in enumerate(budgets):
        tol = f" / ode {tolerances[j]}" if j < len(tolerances) else ""
        labels.append(f"set label 'budget {b}{tol}' at {j * (cell_w + group_gap) + cell_w / 2},{height + 3} center font ',10'")
    scale = 3
    script = "\n".join([
        f"set terminal pngcairo size {width * scale + 180},{height * scale + 110} enhanced font 'DejaVu Sans,11'", "set output 'grid.png'",
        f"set title 'the first {per_cell} images of seed {seed} (the same prior draw) by sampler and budget' offset 0,1",
        "unset key", "unset border", "unset xtics", "unset ytics", "unset colorbox", "set size ratio -1",
        f"set xrange [-0.5:{width - 0.5}]", f"set yrange [-0.5:{height + 6}]", "set lmargin at screen 0.1",
        "set palette grey", "set cbrange [0:1]"] + labels + [
        "plot 'grid.dat' using 1:2:3 with image" if c == 1 else "plot 'grid.dat' using 1:2:3:4:5 with rgbimage", ""])
    open(os.path.join(out, "grid.gp"), "w").write(script)
    gnuplot(out, "grid")


if __name__ == "__main__":
    {"row": row, "summary": summary}[sys.argv[1]](*sys.argv[2:])
