#!/usr/bin/env python3
"""Summary of Experiments/image-samplers.sh: per sampler and budget, the mean of each metric over the
sampling seeds with its 95% t-interval (results.md), and the figure of FD on toy-classifier features
against model evaluations, one line per sampler with its intervals and the real-image baseline
(fd-vs-nfe.dat, .gp and, when gnuplot is installed, .png).

usage: image_samplers.py RESULTS.jsonl OUT_DIR
"""
import json, math, os, shutil, subprocess, sys
from collections import defaultdict

T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262}


def interval(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, float("nan")
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    return mean, T975.get(n - 1, 1.96) * sd / math.sqrt(n)


def main(path, out):
    rows = [json.loads(l) for l in open(path)]
    cells = defaultdict(list)
    for r in rows:
        cells[(r["sampler"], r["budget"])].append(r)
    scored = all("fd" in r for r in rows)
    metrics = ["fd", "kid", "precision", "recall", "pixelFD", "classEntropyBits"] if scored else []
    names = {"fd": "FD", "kid": "KID", "precision": "precision", "recall": "recall", "pixelFD": "pixel FD", "classEntropyBits": "class entropy (bits)"}
    lines = ["| " + " | ".join(["sampler", "budget", "NFE", "seconds"] + [names[m] for m in metrics]) + " |",
             "|" + "---|" * (4 + len(metrics))]
    for (sampler, budget), rs in cells.items():
        cols = []
        for m in metrics:
            mean, half = interval([r[m] for r in rs])
            cols.append(f"{mean:.4f} ± {half:.4f}" if m == "kid" else f"{mean:.3f} ± {half:.3f}")
        secs = sum(r["seconds"] for r in rs) / len(rs)
        lines.append("| " + " | ".join([sampler, str(budget), str(rs[0]["nfe"]), f"{secs:.1f}"] + cols) + " |")
    if scored:
        base = rows[0]["baseline"]
        lines.append("| real training images | | | | " + " | ".join(
            (f"{base[m]:.4f}" if m == "kid" else f"{base[m]:.3f}") for m in metrics) + " |")
    seeds = sorted({r["seed"] for r in rows})
    lines.append("")
    lines.append(f"Sampling seeds {', '.join(map(str, seeds))}; means with 95% t-intervals over the seeds"
                 + ("." if scored else " (no metrics in this mode).") + " Seconds: wall time of sampling alone, mean over seeds.")
    open(os.path.join(out, "results.md"), "w").write("\n".join(lines) + "\n")
    print("\n".join(lines))
    if not scored:
        return
    samplers = list(dict.fromkeys(r["sampler"] for r in rows))
    with open(os.path.join(out, "fd-vs-nfe.dat"), "w") as f:
        for s in samplers:
            f.write(f"# {s}: nfe mean_fd half_interval\n")
            for (sampler, budget), rs in cells.items():
                if sampler == s:
                    mean, half = interval([r["fd"] for r in rs])
                    f.write(f"{rs[0]['nfe']} {mean} {half}\n")
            f.write("\n\n")
    colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"]
    plots = [f"'fd-vs-nfe.dat' index {i} using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '{colors[i % 5]}' title '{s}'"
             for i, s in enumerate(samplers)]
    plots.append(f"{rows[0]['baseline']['fd']} with lines dt 2 lc rgb '#555555' title 'real training images'")
    script = "\n".join([
        "set terminal pngcairo size 900,560 enhanced font 'DejaVu Sans,11'",
        "set output 'fd-vs-nfe.png'",
        "set title 'Fashion-MNIST, default run: FD on toy-classifier features against model evaluations'",
        "set xlabel 'model evaluations (NFE)'", "set ylabel 'FD (lower is better)'",
        "set logscale x", "set key top right", "set grid",
        "plot " + ", \\\n     ".join(plots), ""])
    open(os.path.join(out, "fd-vs-nfe.gp"), "w").write(script)
    if shutil.which("gnuplot"):
        subprocess.run(["gnuplot", "fd-vs-nfe.gp"], cwd=out, check=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
