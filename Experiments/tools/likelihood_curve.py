#!/usr/bin/env python3
"""The figure of NLL against training steps: one panel per dataset, each run's mean NLL with its 95%
interval (1.96 standard errors over the held-out points) and the data's entropy as a dashed line.

usage: likelihood_curve.py CURVE.jsonl OUT_DIR
Writes OUT_DIR/nll-vs-steps.dat and .gp (gnuplot, kept beside the figure to restyle) and renders
nll-vs-steps.png with gnuplot. Every value comes from CURVE.jsonl (Experiments/likelihood.sh --curve).
"""
import json
import os
import subprocess
import sys

rows = [json.loads(line) for line in open(sys.argv[1])]
out = sys.argv[2]
datasets = list(dict.fromkeys(r["dataset"] for r in rows))
steps = [r["train_steps"] for r in rows]
data, body = "", []
body.append("set terminal pngcairo size %d,460 font 'DejaVu Sans,10'" % (480 * len(datasets) + 40))
body.append("set output 'nll-vs-steps.png'")
body.append(f"set multiplot layout 1,{len(datasets)} title 'Negative log-likelihood of 2,000 held-out points against training steps "
            f"(each point a separate run of that length, seed 0; bars: 95% interval)'")
body.append("set logscale x")
body.append("set format x '10^{%T}'")
body.append(f"set xrange [{min(steps) / 1.5}:{max(steps) * 1.5}]")
body.append("set xlabel 'training steps'")
body.append("set ylabel 'NLL (nats)'")
body.append("set grid lc rgb '#dddddd'")
body.append("set key top right opaque")
body.append("set autoscale yfix")
body.append("set offsets 0, 0, graph 0.08, graph 0.08")
for i, d in enumerate(datasets):
    mine = sorted((r for r in rows if r["dataset"] == d), key=lambda r: r["train_steps"])
    for r in mine:
        half = 1.96 * r["standardError"]
        data += f'{r["train_steps"]} {r["meanNLL"]} {r["meanNLL"] - half} {r["meanNLL"] + half}\n'
    data += "\n\n"
    entropy = mine[0]["entropy"]
    body.append(f"set title '{d}'")
    body.append(f"plot 'nll-vs-steps.dat' index {i} using 1:2:3:4 with yerrorlines lw 1.5 pt 7 lc rgb '#d62728' title 'NLL', \\\n"
                f"     {entropy} with lines dt 2 lw 2 lc rgb '#555555' title 'entropy ({entropy:.3f})'")
body.append("unset multiplot")
with open(os.path.join(out, "nll-vs-steps.dat"), "w") as f:
    f.write(data)
with open(os.path.join(out, "nll-vs-steps.gp"), "w") as f:
    f.write("\n".join(body) + "\n")
subprocess.run(["gnuplot", "nll-vs-steps.gp"], cwd=out, check=True)
