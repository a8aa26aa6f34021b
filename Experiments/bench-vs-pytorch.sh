#!/usr/bin/env bash
# Speed of toy against PyTorch on workloads W1, W2 and the sgemm peak of ../shared/bench, as
# ratios measured in one sitting: ROUNDS rounds, each a fresh process per workload and
# implementation, interleaved. Each sitting starts results.jsonl afresh (earlier sittings are in git). Needs TORCHREF_VENV (a venv with torch==2.15.0 numpy==2.4.6,
# see ../shared/bench/README.md). Writes Plots/bench-vs-pytorch/results.jsonl and prints a summary.
# Usage: TORCHREF_VENV=/path/to/venv Experiments/bench-vs-pytorch.sh [ROUNDS] [THREADS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds=${1:-3}
threads=${2:-2}
bench="$root/../shared/bench"
: "${TORCHREF_VENV:?set TORCHREF_VENV to a venv with torch (see ../shared/bench/README.md)}"
"$root/bin/setup"
swift build -c release --product toy-bench --package-path "$root" >/dev/null
tb="$root/.build/release/toy-bench"
py="$TORCHREF_VENV/bin/python"
out="$root/Plots/bench-vs-pytorch"
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"
for r in $(seq 1 "$rounds"); do
  "$tb" peak --threads "$threads" | tee -a "$results"
  "$py" "$bench/w4_sgemm_peak.py" --threads "$threads" --backend torch --shapes 2048x2048x2048 --run "r$r" | tee -a "$results"
  "$tb" w1 --threads "$threads" | tee -a "$results"
  "$py" "$bench/w1_mlp2d_train.py" --threads "$threads" --run "r$r" | tee -a "$results"
  "$tb" w2 --threads "$threads" | tee -a "$results"
  "$py" "$bench/w2_mlp2d_sample.py" --threads "$threads" --run "r$r" | tee -a "$results"
done
python3 - "$results" "$threads" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
t = int(sys.argv[2])
def med(workload, impl, key):
    v = [r[key] for r in rows if r["workload"] == workload and r["impl"] == impl and r["threads"] == t]
    return statistics.median(v) if v else float("nan"), len(v)
peak, n = med("sgemm-peak", "toy", "gflops")
torch_peak = statistics.median([r["results"][0]["gflops_best"] for r in rows if r["workload"] == "sgemm-peak" and r["impl"] == "torch"] or [float("nan")])
w1t, _ = med("mlp2d-train", "toy", "ms_median"); w1p, _ = med("mlp2d-train", "torch", "ms_median")
w2t, _ = med("mlp2d-sample", "toy", "seconds"); w2p, _ = med("mlp2d-sample", "torch", "seconds")
w1_limit = 6 * 165634 * 1024 / (peak * 1e9) * 1e3
w2_limit = 2 * 165634 * 10000 * 1000 / (peak * 1e9)
print(f"threads {t}, {n} rounds, medians of fresh runs")
print(f"sgemm 2048^3 peak: toy/BLIS {peak:.1f} GFLOP/s, torch/MKL {torch_peak:.1f} GFLOP/s")
print(f"W1 ms/step: toy {w1t:.2f}, torch {w1p:.2f}, speed-up {w1p / w1t:.2f}x, toy at {w1_limit / w1t:.0%} of peak, torch at {w1_limit / w1p:.0%}")
print(f"W2 seconds: toy {w2t:.1f}, torch {w2p:.1f}, speed-up {w2p / w2t:.2f}x, toy at {w2_limit / w2t:.0%} of peak, torch at {w2_limit / w2p:.0%}")
PY
