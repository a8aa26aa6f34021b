#!/usr/bin/env bash
# Sample quality of `toy run` with its defaults on swissroll, moons and scurve, seeds 0, 1, 2:
# 5,000 samples against 5,000 fresh data points (a different seed of the data stream), scored by
# tools/quality_bars.py (needs python3 with numpy and scipy). Writes Plots/foundation-quality/.
# Usage: Experiments/foundation-quality.sh [extra toy run options...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/bin/setup"
toy="$root/.build/release/toy"
out="$root/Plots/foundation-quality"
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"
for d in swissroll moons scurve; do
  for s in 0 1 2; do
    run="$out/runs/$d-seed$s"
    "$toy" data "$d" --n 5000 --seed $((1000 + s)) --out "$out/runs/fresh-a-$d-$s.csv" >/dev/null 2>&1 || { mkdir -p "$out/runs"; "$toy" data "$d" --n 5000 --seed $((1000 + s)) --out "$out/runs/fresh-a-$d-$s.csv" >/dev/null; }
    "$toy" data "$d" --n 5000 --seed $((2000 + s)) --out "$out/runs/fresh-b-$d-$s.csv" >/dev/null
    start=$(date +%s.%N)
    "$toy" run "$d" --seed "$s" --out "$run" --force --quiet "$@" >/dev/null
    wall=$(python3 -c "print(round($(date +%s.%N) - $start, 2))")
    q=$(python3 "$root/Experiments/tools/quality_bars.py" "$run/samples.csv" "$out/runs/fresh-a-$d-$s.csv" "$out/runs/fresh-b-$d-$s.csv")
    echo "{\"dataset\": \"$d\", \"seed\": $s, \"wall_seconds\": $wall, \"quality\": $q}" | tee -a "$results"
  done
done
