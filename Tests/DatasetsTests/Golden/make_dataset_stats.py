#!/usr/bin/env python3
"""Reference statistics of the toy datasets, from scikit-learn's own generators (swissroll, moons,
scurve, circles) and from the formulas of FFJORD's lib/toy_data.py / Song & Ermon 2019 (the rest),
for DatasetsTests. Run: python3 make_dataset_stats.py > dataset_stats.json
For each set: mean, variance and covariance of the two columns and of the radius |p|, each with its
standard error estimated from the same sample (se = sd of the per-point term / sqrt(n))."""
import json, sys
import numpy as np
import sklearn, sklearn.datasets

N = 400_000
rng = np.random.RandomState(12345)

def ffjord(name, n):
    if name == "swissroll":
        d = sklearn.datasets.make_swiss_roll(n_samples=n, noise=1.0, random_state=rng)[0]
        return d[:, [0, 2]] / 5
    if name == "moons":
        return sklearn.datasets.make_moons(n_samples=n, noise=0.1, random_state=rng)[0] * 2 + np.array([-1, -0.2])
    if name == "scurve":
        return sklearn.datasets.make_s_curve(n_samples=n, noise=0.1, random_state=rng)[0][:, [0, 2]] * 2
    if name == "circles":
        return sklearn.datasets.make_circles(n_samples=n, factor=.5, noise=0.08, random_state=rng)[0] * 3
    if name == "8gaussians":
        s = 1 / np.sqrt(2)
        centers = 4 * np.array([(1, 0), (-1, 0), (0, 1), (0, -1), (s, s), (s, -s), (-s, s), (-s, -s)])
        return (rng.randn(n, 2) * 0.5 + centers[rng.randint(8, size=n)]) / 1.414
    if name == "checkerboard":
        x1 = rng.rand(n) * 4 - 2
        x2 = rng.rand(n) - rng.randint(0, 2, n) * 2 + (np.floor(x1) % 2)
        return np.stack([x1, x2], 1) * 2
    if name == "pinwheel":
        k = 5; per = n // k
        rads = np.linspace(0, 2 * np.pi, k, endpoint=False)
        f = rng.randn(k * per, 2) * np.array([0.3, 0.1]); f[:, 0] += 1
        labels = np.repeat(np.arange(k), per)
        a = rads[labels] + 0.25 * np.exp(f[:, 0])
        return 2 * np.stack([f[:, 0] * np.cos(a) + f[:, 1] * np.sin(a), -f[:, 0] * np.sin(a) + f[:, 1] * np.cos(a)], 1)
    if name == "2spirals":
        m = np.sqrt(rng.rand(n // 2, 1)) * 540 * (2 * np.pi) / 360
        d1x = -np.cos(m) * m + rng.rand(n // 2, 1) * 0.5
        d1y = np.sin(m) * m + rng.rand(n // 2, 1) * 0.5
        x = np.vstack((np.hstack((d1x, d1y)), np.hstack((-d1x, -d1y)))) / 3
        return x + rng.randn(*x.shape) * 0.1
    if name == "rings":
        q = n // 4; counts = [q, q, q, n - 3 * q]; pts = []
        for ring, c in enumerate(counts):
            s = np.linspace(0, 2 * np.pi, c, endpoint=False); r = 1 - 0.25 * ring
            pts.append(np.stack([np.cos(s), np.sin(s)], 1) * r * 3)
        x = np.vstack(pts)
        return x + rng.normal(scale=0.08, size=x.shape)
    if name == "gmm":
        k = rng.rand(n) < 0.8
        mu = np.where(k[:, None], np.array([5.0, 5.0]), np.array([-5.0, -5.0]))
        return mu + rng.randn(n, 2)
    raise KeyError(name)

def stat(v):
    return {"value": float(v.mean()), "se": float(v.std(ddof=1) / np.sqrt(len(v)))}

out = {"provenance": f"make_dataset_stats.py, scikit-learn {sklearn.__version__}, numpy {np.__version__}, "
                     f"N = {N}, RandomState(12345)", "datasets": {}}
for name in ["swissroll", "moons", "scurve", "8gaussians", "checkerboard", "pinwheel", "2spirals", "rings", "circles", "gmm"]:
    d = ffjord(name, N)
    x, y = d[:, 0], d[:, 1]
    r = np.hypot(x, y)
    out["datasets"][name] = {
        "mean_x": stat(x), "mean_y": stat(y),
        "var_x": stat((x - x.mean()) ** 2), "var_y": stat((y - y.mean()) ** 2),
        "cov_xy": stat((x - x.mean()) * (y - y.mean())),
        "mean_r": stat(r), "var_r": stat((r - r.mean()) ** 2),
    }
json.dump(out, sys.stdout, indent=1)
print()
