#!/usr/bin/env python3
"""Interim sample-quality check for the foundation issue's bars (until toy's own metrics land).

usage: quality_bars.py SAMPLES.csv FRESH_A.csv FRESH_B.csv
  SAMPLES.csv   points from a model (header x,y)
  FRESH_A.csv   a fresh draw from the true generator (the reference)
  FRESH_B.csv   a second fresh draw of the same size (the data-vs-data baseline)
Prints one JSON line with, for model and baseline:
  knn_acc   5-fold accuracy of a 10-NN classifier separating the set from FRESH_A (0.5 = indistinguishable)
  off       share of points farther from FRESH_A than the 99th percentile of FRESH_B's distances
  far       share of points farther than 10x that threshold
  swd       sliced Wasserstein-2 distance to FRESH_A (256 seeded projections)
  recall    share of FRESH_A points inside some point's 3-NN ball (Kynkaenniemi et al. 2019)
"""
import json, sys
import numpy as np
from scipy.spatial import cKDTree

def load(p):
    a = np.loadtxt(p, delimiter=",", skiprows=1)
    return a[np.all(np.isfinite(a), axis=1)]

def knn_acc(a, b, k=10, folds=5, seed=0):
    x = np.vstack([a, b]); y = np.r_[np.ones(len(a)), np.zeros(len(b))]
    idx = np.random.default_rng(seed).permutation(len(x)); x, y = x[idx], y[idx]
    correct = 0
    for f in range(folds):
        test = np.arange(len(x)) % folds == f
        tree = cKDTree(x[~test])
        _, nn = tree.query(x[test], k=k)
        pred = y[~test][nn].mean(axis=1) > 0.5
        correct += (pred == y[test]).sum()
    return correct / len(x)

def swd(a, b, n=256, seed=0):
    th = np.random.default_rng(seed).uniform(0, np.pi, n)
    d = np.stack([np.cos(th), np.sin(th)])
    m = min(len(a), len(b))
    pa = np.sort(a[:m] @ d, axis=0); pb = np.sort(b[:m] @ d, axis=0)
    return float(np.sqrt(((pa - pb) ** 2).mean()))

def recall(real, fake, k=3):
    r = cKDTree(fake).query(fake, k=k + 1)[0][:, -1]
    d, i = cKDTree(fake).query(real, k=1)
    return float((d <= r[i]).mean())

s, a, b = (load(p) for p in sys.argv[1:4])
ta = cKDTree(a)
base = ta.query(b, k=1)[0]
thr = np.quantile(base, 0.99)
def row(x):
    d = ta.query(x, k=1)[0]
    return {"knn_acc": knn_acc(x, a), "off": float((d > thr).mean()), "far": float((d > 10 * thr).mean()),
            "swd": swd(x, a), "recall": recall(a, x)}
print(json.dumps({"model": row(s), "baseline": row(b), "nonfinite": int(np.loadtxt(sys.argv[1], delimiter=",", skiprows=1).shape[0] - len(s))}))
