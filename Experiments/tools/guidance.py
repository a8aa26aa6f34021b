#!/usr/bin/env python3
"""Rows and summary of Experiments/guidance.sh.

  guidance.py row DATASET METHOD SCALE SEED CELL_DIR   one JSON line from CELL_DIR.json (toy sample --json)
  guidance.py summary RESULTS.jsonl OUT_DIR            results.csv/.md (mean ± 95% t-interval over seeds per
      dataset, method and scale), tradeoff-2d, share-and-spread, samples-DATASET (seed 0) and, with image
      rows, tradeoff-images and grids/ — each figure as .dat + .gp + .png
"""
import csv, json, math, os, shutil, subprocess, sys
from collections import defaultdict

from intervals import interval

METHODS = {"cfg": "classifier-free (w)", "cg": "classifier (s)", "exact-cfg": "exact classifier-free (w)", "exact-cg": "exact classifier (s)"}
COLORS = {"cfg": "#1f77b4", "cg": "#d62728", "exact-cfg": "#17becf", "exact-cg": "#ff7f0e"}
POINT_METRICS = ["precision", "recall", "classShare", "spread", "dataSpread"]
IMAGE_METRICS = ["fd", "kid", "precision", "recall", "labelAccuracy"]


def row(dataset, method, scale, seed, cell):
    r = json.load(open(cell + ".json"))
    out = {"dataset": dataset, "method": method, "scale": float(scale), "seed": int(seed), "nfe": r["modelEvaluations"],
           "seconds": r["seconds"], "cell": os.path.basename(cell)}
    q = r.get("quality")
    if "guidance" in r or (q and "samples" in q and "energyDistance" in q["samples"]):
        g = r.get("guidance") or {}
        out.update({"precision": q["samples"]["precision"], "recall": q["samples"]["recall"], "classShare": g.get("classShare"),
                    "judgedBy": g.get("judgedBy"), "spread": g.get("spread"), "dataSpread": g.get("dataSpread"),
                    "baselinePrecision": q["baseline"]["precision"], "baselineRecall": q["baseline"]["recall"]})
    elif q:
        out.update({k: q["samples"][k] for k in IMAGE_METRICS if k in q["samples"]})
        out["labelAccuracy"] = q.get("labelAccuracy")
        out["baseline"] = {k: q["baseline"][k] for k in ["fd", "kid", "precision", "recall"]}
        out["classifierTestAccuracy"] = q["classifierTestAccuracy"]
    print(json.dumps(out))


def gnuplot(out, name):
    if shutil.which("gnuplot"):
        subprocess.run(["gnuplot", name + ".gp"], cwd=out, check=True)


def fmt(v, digits=3):
    return f"{v[0]:.{digits}f} ± {v[1]:.{digits}f}" if not math.isnan(v[1]) else f"{v[0]:.{digits}f}"


def summary(path, out):
    rows = [json.loads(l) for l in open(path)]
    groups = defaultdict(list)
    for r in rows:
        groups[(r["dataset"], r["method"], r["scale"])].append(r)
    table = []
    for (dataset, method, scale), rs in groups.items():
        image = "fd" in rs[0]
        e = {"dataset": dataset, "method": method, "scale": scale, "seeds": len(rs), "nfe": rs[0]["nfe"], "image": image}
        for m in (IMAGE_METRICS if image else POINT_METRICS):
            e[m] = interval([r.get(m) for r in rs])
        if not image:
            e["relativeSpread"] = interval([r["spread"] / r["dataSpread"] for r in rs])
            e["judgedBy"] = rs[0].get("judgedBy")
        else:
            e["baseline"] = rs[0]["baseline"]
            e["classifierTestAccuracy"] = rs[0]["classifierTestAccuracy"]
        table.append(e)
    points = [e for e in table if not e["image"]]
    images = [e for e in table if e["image"]]
    with open(os.path.join(out, "results.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["dataset", "method", "scale", "seeds", "nfe"] + [x for m in POINT_METRICS + ["relativeSpread"] + IMAGE_METRICS for x in (m, m + "_ci95")])
        for e in table:
            w.writerow([e["dataset"], e["method"], e["scale"], e["seeds"], e["nfe"]]
                       + [f"{v:.6g}" for m in POINT_METRICS + ["relativeSpread"] + IMAGE_METRICS for v in e.get(m, (float("nan"), float("nan")))])
    md = []
    if points:
        md += ["| dataset | method | scale | NFE | precision | recall | share in class 0 | spread / data's |", "|---|---|---|---|---|---|---|---|"]
        for e in points:
            md.append(f"| {e['dataset']} | {METHODS[e['method']]} | {e['scale']:g} | {e['nfe']} | {fmt(e['precision'])} | {fmt(e['recall'])} | "
                      f"{fmt(e['classShare'])} | {fmt(e['relativeSpread'])} |")
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))) + "/"
        judges = sorted({(e["dataset"], (e["judgedBy"] or "none").replace(root, "")) for e in points})
        per = {d: sorted({r["seed"] for r in rows if r["dataset"] == d}) for d in dict.fromkeys(e["dataset"] for e in points)}
        md += ["", "Training seeds " + "; ".join(f"{d} {', '.join(map(str, v))}" for d, v in per.items())
               + " (each seed its own runs and sampling seed); means with 95% t-intervals over the seeds. "
               "Precision and recall (k = 3) against as many fresh points of class 0; share: samples whose most likely class is 0 ("
               + "; ".join(f"{d}: {j}" for d, j in judges) + "); spread: root-mean-square distance to the samples' centroid over the same for class 0's data. "
               "NFE counts the classifier's gradient as one evaluation. "
               + f"Sampling took {sum(r['seconds'] for r in rows if 'fd' not in r):.0f} s over the {sum(1 for r in rows if 'fd' not in r)} cells "
               + f"(longest cell {max(r['seconds'] for r in rows if 'fd' not in r):.0f} s; seconds per cell in results.jsonl).", ""]
    if images:
        base = images[0]["baseline"]
        md += ["| method | scale | NFE | FD | KID | precision | recall | classified as asked |", "|---|---|---|---|---|---|---|---|"]
        for e in images:
            md.append(f"| {METHODS[e['method']]} | {e['scale']:g} | {e['nfe']} | {fmt(e['fd'])} | {fmt(e['kid'], 4)} | {fmt(e['precision'])} | "
                      f"{fmt(e['recall'])} | {fmt(e['labelAccuracy'])} |")
        md.append(f"| 500 real training images | | | {base['fd']:.3f} | {base['kid']:.4f} | {base['precision']:.3f} | {base['recall']:.3f} | "
                  f"{images[0]['classifierTestAccuracy']:.3f} (test accuracy) |")
        md += ["", "Fashion-MNIST, one conditional U-Net (seed 0), DDIM 50 steps, 500 images per cell with ten per class in turn; sampling seeds 0-2; "
               "means with 95% t-intervals over the sampling seeds (the training seed's variation is not in them). FD/KID/precision/recall on "
               "toy-classifier features against the 10,000 test images; classified as asked: the share the feature classifier assigns to the class "
               "each image was drawn for. CG guides the conditional model (w = 0) with the run's noise-conditional CNN.", ""]
    open(os.path.join(out, "results.md"), "w").write("\n".join(md) + "\n")
    print("\n".join(md))
    if points:
        tradeoff_2d(points, out)
        share_and_spread(points, out)
        for dataset in dict.fromkeys(e["dataset"] for e in points):
            scatter(rows, dataset, out)
    if images:
        tradeoff_images(images, out)
        image_grids(rows, out)


def methods_of(entries):
    return [m for m in METHODS if any(e["method"] == m for e in entries)]


def panels(entries):
    return list(dict.fromkeys(e["dataset"] for e in entries))


def tradeoff_2d(points, out):
    datasets = panels(points)
    blocks = {}
    with open(os.path.join(out, "tradeoff-2d.dat"), "w") as f:
        for d in datasets:
            for m in methods_of(points):
                if not any(e["dataset"] == d and e["method"] == m for e in points):
                    continue
                blocks[(d, m)] = len(blocks)
                f.write(f"# {d} {m}: recall recall_ci precision precision_ci scale\n")
                for e in sorted((e for e in points if e["dataset"] == d and e["method"] == m), key=lambda e: e["scale"]):
                    f.write(f"{e['recall'][0]} {nz(e['recall'][1])} {e['precision'][0]} {nz(e['precision'][1])} {e['scale']:g}\n")
                f.write("\n\n")
    lines = ["set terminal pngcairo size 1500,520 enhanced font 'DejaVu Sans,11'", "set output 'tradeoff-2d.png'",
             f"set multiplot layout 1,{len(datasets)} title 'Guidance towards class 0: precision against recall as the scale grows (labels: w or s), mean ± 95% interval over seeds'",
             "set xlabel 'recall (diversity)'", "set ylabel 'precision (fidelity)'", "set grid", "set key bottom left"]
    for d in datasets:
        plots = []
        for m in methods_of(points):
            if (d, m) in blocks:
                index = blocks[(d, m)]
                plots.append(f"'tradeoff-2d.dat' index {index} using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '{COLORS[m]}' title '{METHODS[m]}'")
                plots.append(f"'' index {index} using 1:3:5 with labels offset 1.2,0.6 font ',8' tc rgb '{COLORS[m]}' notitle")
        lines += [f"set title '{d}'", "plot " + ", \\\n     ".join(plots)]
    lines += ["unset multiplot", ""]
    open(os.path.join(out, "tradeoff-2d.gp"), "w").write("\n".join(lines))
    gnuplot(out, "tradeoff-2d")


def nz(v):
    return 0 if math.isnan(v) else v


def share_and_spread(points, out):
    datasets = panels(points)
    blocks = {}
    with open(os.path.join(out, "share-and-spread.dat"), "w") as f:
        for d in datasets:
            for m in methods_of(points):
                if not any(e["dataset"] == d and e["method"] == m for e in points):
                    continue
                blocks[(d, m)] = len(blocks)
                f.write(f"# {d} {m}: scale share share_ci relative_spread relative_spread_ci\n")
                for e in sorted((e for e in points if e["dataset"] == d and e["method"] == m), key=lambda e: e["scale"]):
                    f.write(f"{e['scale']:g} {e['classShare'][0]} {nz(e['classShare'][1])} {e['relativeSpread'][0]} {nz(e['relativeSpread'][1])}\n")
                f.write("\n\n")
    lines = ["set terminal pngcairo size 1500,900 enhanced font 'DejaVu Sans,11'", "set output 'share-and-spread.png'",
             f"set multiplot layout 2,{len(datasets)} title 'Fidelity and diversity against the guidance scale (w for classifier-free, s for classifier guidance), mean ± 95% interval'",
             "set grid", "set xlabel 'scale'", "set key bottom right"]
    for column, what, label in ((2, "share", "share of samples in class 0"), (4, "spread", "spread over the class data spread")):
        for d in datasets:
            plots = []
            for m in methods_of(points):
                if (d, m) in blocks:
                    plots.append(f"'share-and-spread.dat' index {blocks[(d, m)]} using 1:{column}:{column + 1} with yerrorlines lw 2 pt 7 lc rgb '{COLORS[m]}' title '{METHODS[m]}'")
            if what == "spread":
                plots.append("1 with lines dt 2 lc rgb '#555555' title 'the data'")
            lines += [f"set title '{d}'", f"set ylabel '{label}'", f"set key {'bottom' if what == 'share' else 'top'} right",
                      "plot " + ", \\\n     ".join(plots)]
    lines += ["unset multiplot", ""]
    open(os.path.join(out, "share-and-spread.gp"), "w").write("\n".join(lines))
    gnuplot(out, "share-and-spread")


def scatter(rows, dataset, out, shown=1000):
    """Rows methods, columns scales: seed 0's samples over the training data (grey)."""
    cells = [r for r in rows if r["dataset"] == dataset and r["seed"] == min(x["seed"] for x in rows)]
    methods = [m for m in METHODS if any(r["method"] == m for r in cells)]
    columns = max(len([r for r in cells if r["method"] == m]) for m in methods)
    name = f"samples-{dataset}"
    data_file = os.path.join(out, "runs", f"{dataset}-seed{cells[0]['seed']}", "data.csv")
    with open(os.path.join(out, name + ".dat"), "w") as f:
        f.write("# training data (grey)\n")
        with open(data_file) as d:
            reader = csv.reader(d)
            next(reader)
            for i, p in enumerate(reader):
                if i < 2000:
                    f.write(f"{p[0]} {p[1]}\n")
        f.write("\n\n")
        blocks = []
        for m in methods:
            for r in sorted((r for r in cells if r["method"] == m), key=lambda r: r["scale"]):
                f.write(f"# {m} {r['scale']:g}\n")
                with open(os.path.join(out, "cells", r["cell"], "samples.csv")) as s:
                    reader = csv.reader(s)
                    next(reader)
                    for i, p in enumerate(reader):
                        if i < shown:
                            f.write(f"{p[0]} {p[1]}\n")
                f.write("\n\n")
                blocks.append((m, r["scale"]))
    # One range for every panel: the training data's extent, padded by a third; each panel's title
    # counts its samples outside that range (drawn nowhere, but never silently).
    blocks_points, data_points, current = [], [], None
    for line in open(os.path.join(out, name + ".dat")):
        if line.startswith("# training data"):
            current = data_points
        elif line.startswith("#"):
            blocks_points.append([])
            current = blocks_points[-1]
        elif line.strip():
            x, y = map(float, line.split())
            current.append((x, y))
    xs, ys = [p[0] for p in data_points], [p[1] for p in data_points]
    pad = max(max(xs) - min(xs), max(ys) - min(ys)) / 3
    x0, x1, y0, y1 = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad
    outside = [sum(1 for (x, y) in b if not (x0 <= x <= x1 and y0 <= y <= y1)) for b in blocks_points]
    lines = [f"set terminal pngcairo size {260 * columns + 60},{260 * len(methods) + 60} enhanced font 'DejaVu Sans,10'", f"set output '{name}.png'",
             f"set xrange [{x0}:{x1}]", f"set yrange [{y0}:{y1}]",
             f"set multiplot layout {len(methods)},{columns} title '{dataset}: samples guided towards class 0 (seed {cells[0]['seed']}, first {shown}) over the training data (grey)'",
             "unset key", "set size ratio -1", "set tics font ',7'"]
    for i, (m, scale) in enumerate(blocks):
        letter = "w" if m.endswith("cfg") else "s"
        note = f" ({outside[i]} outside)" if outside[i] else ""
        lines += [f"set title '{METHODS[m].split(' (')[0]}, {letter} = {scale:g}{note}' font ',9'",
                  f"plot '{name}.dat' index 0 using 1:2 with dots lc rgb '#bbbbbb', '' index {i + 1} using 1:2 with points pt 7 ps 0.15 lc rgb '{COLORS[m]}'"]
    lines += ["unset multiplot", ""]
    open(os.path.join(out, name + ".gp"), "w").write("\n".join(lines))
    gnuplot(out, name)


def tradeoff_images(images, out):
    with open(os.path.join(out, "tradeoff-images.dat"), "w") as f:
        for m in methods_of(images):
            f.write(f"# {m}: classified_as_asked ci fd ci scale\n")
            for e in sorted((e for e in images if e["method"] == m), key=lambda e: e["scale"]):
                f.write(f"{e['labelAccuracy'][0]} {nz(e['labelAccuracy'][1])} {e['fd'][0]} {nz(e['fd'][1])} {e['scale']:g}\n")
            f.write("\n\n")
    base = images[0]["baseline"]["fd"]
    plots = []
    for i, m in enumerate(methods_of(images)):
        plots.append(f"'tradeoff-images.dat' index {i} using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '{COLORS[m]}' title '{METHODS[m]}'")
        plots.append(f"'' index {i} using 1:3:5 with labels offset 1.5,0.5 font ',9' tc rgb '{COLORS[m]}' notitle")
    plots.append(f"{base} with lines dt 2 lc rgb '#555555' title 'real training images'")
    lines = ["set terminal pngcairo size 900,600 enhanced font 'DejaVu Sans,11'", "set output 'tradeoff-images.png'",
             'set title "Fashion-MNIST: FD against class fidelity as the scale grows (labels: w or s)\\nmean ± 95% interval over 3 sampling seeds"',
             "set xlabel 'share classified as the class asked for'", "set ylabel 'FD on toy-classifier features (lower is better)'", "set grid",
             "set key top left", "plot " + ", \\\n     ".join(plots), ""]
    open(os.path.join(out, "tradeoff-images.gp"), "w").write("\n".join(lines))
    gnuplot(out, "tradeoff-images")


def image_grids(rows, out):
    """The sample grids (one row per class) of seed 0 at CFG w = 0, 1, 3, copied with their scripts."""
    for r in rows:
        if "fd" in r and r["seed"] == 0 and r["method"] == "cfg" and r["scale"] in (0, 1, 3):
            target = os.path.join(out, "grids", f"cfg-w{r['scale']:g}")
            os.makedirs(target, exist_ok=True)
            for ext in ("png", "gp", "dat"):
                shutil.copy(os.path.join(out, "cells", r["cell"], f"samples.{ext}"), target)


if __name__ == "__main__":
    {"row": row, "summary": summary}[sys.argv[1]](*sys.argv[2:])
