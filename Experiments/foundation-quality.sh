#!/usr/bin/env bash
# Sample quality of `toy run` with its defaults on swissroll, moons and scurve, seeds 0, 1, 2 (a
# `toy sweep`, each dataset with its own defaults): 5,000 samples against 5,000 fresh data points
# (a different seed of the data stream), scored by tools/quality_bars.py (needs python3 with numpy
# and scipy). Writes Plots/foundation-quality/ (results.jsonl; the sweep's own tables in sweep/).
# Usage: Experiments/foundation-quality.sh [--set section.key=value ...]   (extra settings for every run)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/bin/setup"
toy="$root/.build/release/toy"
out="$root/Plots/foundation-quality"
mkdir -p "$out/runs"
"$toy" sweep --set data.dataset=swissroll,moons,scurve --seeds 0-2 "$@" --out "$out/sweep" --quiet >/dev/null
results="$out/results.jsonl"
: > "$results"
for d in swissroll moons scurve; do
  for s in 0 1 2; do
    cell="$out/sweep/runs/data.dataset-$d""__seed-$s"
    "$toy" data "$d" --n 5000 --seed $((1000 + s)) --out "$out/runs/fresh-a-$d-$s.csv" >/dev/null
    "$toy" data "$d" --n 5000 --seed $((2000 + s)) --out "$out/runs/fresh-b-$d-$s.csv" >/dev/null
    wall=$(python3 -c "import json; t = json.load(open('$cell/config.json'))['timings']; print(round(t['totalSeconds'], 2))")
    q=$(python3 "$root/Experiments/tools/quality_bars.py" "$cell/samples.csv" "$out/runs/fresh-a-$d-$s.csv" "$out/runs/fresh-b-$d-$s.csv")
    echo "{\"dataset\": \"$d\", \"seed\": $s, \"wall_seconds\": $wall, \"quality\": $q}" | tee -a "$results"
  done
done
