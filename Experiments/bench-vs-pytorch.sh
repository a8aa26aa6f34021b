#!/usr/bin/env bash
# Speed of toy against PyTorch on workloads W1, W2, W3 (the U-Net training step) and the sgemm peak
# of ../shared/bench, as ratios measured in one sitting: ROUNDS rounds, each a fresh process per
# workload and implementation, interleaved; every line carries the process's peak memory
# (max_rss_mb). WORKLOADS (default "peak w1 w2 w3") picks a subset; RESULTS names the file (default results.jsonl). Each sitting starts results.jsonl afresh (earlier sittings are in git). Needs TORCHREF_VENV (a venv with torch==2.15.0 numpy==2.4.6,
# see ../shared/bench/README.md). Writes Plots/bench-vs-pytorch/results.jsonl and prints a summary.
# Usage: TORCHREF_VENV=/path/to/venv [WORKLOADS="w3"] Experiments/bench-vs-pytorch.sh [ROUNDS] [THREADS]
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
results="$out/${RESULTS:-results.jsonl}"
: > "$results"
workloads=" ${WORKLOADS:-peak w1 w2 w3} "
rss="$root/Experiments/tools/maxrss.py"
for r in $(seq 1 "$rounds"); do
  if [[ $workloads == *" peak "* ]]; then
    "$rss" "$tb" peak --threads "$threads" | tee -a "$results"
    "$rss" "$py" "$bench/w4_sgemm_peak.py" --threads "$threads" --backend torch --shapes 2048x2048x2048 --run "r$r" | tee -a "$results"
  fi
  if [[ $workloads == *" w1 "* ]]; then
    "$rss" "$tb" w1 --threads "$threads" | tee -a "$results"
    "$rss" "$py" "$bench/w1_mlp2d_train.py" --threads "$threads" --run "r$r" | tee -a "$results"
  fi
  if [[ $workloads == *" w2 "* ]]; then
    "$rss" "$tb" w2 --threads "$threads" | tee -a "$results"
    "$rss" "$py" "$bench/w2_mlp2d_sample.py" --threads "$threads" --run "r$r" | tee -a "$results"
  fi
  if [[ $workloads == *" w3 "* ]]; then
    # Training steps only (--sample-batch 0), so the peak memory is a training step's, as PyTorch's.
    "$rss" "$tb" w3 --threads "$threads" --sample-batch 0 | tee -a "$results"
    "$rss" "$py" "$bench/w3_unet28_train.py" --threads "$threads" --run "r$r" | tee -a "$results"
  fi
done
forward="$out/${RESULTS:-results.jsonl}.forward"
: > "$forward"
if [[ $workloads == *" w3 "* ]]; then
  # The sampling cost, in its own process: forward passes of a batch of 100 on a non-recording tape.
  "$tb" w3 --threads "$threads" --steps 1 --warmup 0 --sample-batch 100 | tee "$forward"
fi
python3 - "$results" "$threads" "$forward" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
forward_rows = [json.loads(l) for l in open(sys.argv[3]) if l.strip()]
t = int(sys.argv[2])
def med(workload, impl, key):
    v = [r[key] for r in rows if r["workload"] == workload and r["impl"] == impl and r["threads"] == t]
    return statistics.median(v) if v else float("nan"), len(v)
def line(name, workload, key, unit, limit=None):
    toy, n = med(workload, "toy", key)
    torch, _ = med(workload, "torch", key)
    if n == 0:
        return
    rss_toy, _ = med(workload, "toy", "max_rss_mb")
    rss_torch, _ = med(workload, "torch", "max_rss_mb")
    share = f", toy at {limit / toy:.0%} of peak, torch at {limit / torch:.0%}" if limit else ""
    # Per-round ratios (toy and torch of one round ran back to back), so the spread is visible.
    toy_runs = [r[key] for r in rows if r["workload"] == workload and r["impl"] == "toy" and r["threads"] == t]
    torch_runs = [r[key] for r in rows if r["workload"] == workload and r["impl"] == "torch" and r["threads"] == t]
    ratios = ", ".join(f"{b / a:.2f}" for a, b in zip(toy_runs, torch_runs))
    print(f"{name} {unit}: toy {toy:.2f}, torch {torch:.2f}, speed-up {torch / toy:.2f}x (per round: {ratios}){share}; "
          f"peak memory toy {rss_toy:.0f} MB, torch {rss_torch:.0f} MB ({n} rounds)")
peak, n = med("sgemm-peak", "toy", "gflops")
torch_peak = statistics.median([r["results"][0]["gflops_best"] for r in rows if r["workload"] == "sgemm-peak" and r["impl"] == "torch"] or [float("nan")])
print(f"threads {t}, medians of fresh runs")
if n:
    backend = next(r.get("blas", "?") for r in rows if r["workload"] == "sgemm-peak" and r["impl"] == "toy")
    print(f"sgemm 2048^3 peak: toy ({backend}) {peak:.1f} GFLOP/s, torch {torch_peak:.1f} GFLOP/s")
line("W1", "mlp2d-train", "ms_median", "ms/step", 6 * 165634 * 1024 / (peak * 1e9) * 1e3 if n else None)
line("W2", "mlp2d-sample", "seconds", "seconds", 2 * 165634 * 10000 * 1000 / (peak * 1e9) if n else None)
line("W3", "unet28-train", "ms_median", "ms/step")
w3 = forward_rows[0]["forward_ms_median"] if forward_rows else float("nan")
if w3 == w3:
    print(f"W3 U-Net forward of a batch of 100 (sampling cost per network evaluation): toy {w3:.0f} ms")
PY
