#!/usr/bin/env bash
# The recipe study behind `toy run fashion-mnist`'s defaults: the default run and variants of it
# (network size, training steps), each trained with seed 0 and scored by its own metrics.json
# (FD/KID on toy-classifier features, precision/recall, pixel FD, class entropy; 500 samples against
# the 10,000 test images, beside as many real training images). The first run starts with an empty
# feature-classifier cache, so its wall time is what a fresh machine pays (classifier training
# included). Writes Plots/image-recipe/results.jsonl and results.md; each run's folder under runs/.
# Usage: Experiments/image-recipe.sh [NAME ...]   (default: every run below; about 60 minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/bin/setup"
toy="${TOY:-$root/.build/release/toy}"  # TOY: a copy of the binary, so rebuilding during the study cannot change it
out="$root/Plots/image-recipe"
mkdir -p "$out/runs"
results="$out/results.jsonl"
# name | toy run options
all=(
  "defaults|"
  "1,000 steps|--train-steps 1000"
  "one residual block per level, 2,500 steps|--res-blocks 1 --train-steps 2500"
  "2,500 steps (beyond the budget)|--train-steps 2500"
)
for spec in "${all[@]}"; do
  IFS='|' read -r name extra <<<"$spec"
  if [ $# -gt 0 ]; then
    wanted=no
    for w in "$@"; do [ "$w" = "$name" ] && wanted=yes; done
    [ $wanted = yes ] || continue
  fi
  folder="$out/runs/$(echo "$name" | tr -c 'a-zA-Z0-9\n' '-')"
  cache="$(mktemp -d)"
  [ "$name" = "defaults" ] || cache="${XDG_CACHE_HOME:-$HOME/.cache}"
  echo "training $name" >&2
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  XDG_CACHE_HOME="$cache" "$toy" run fashion-mnist --seed 0 $extra --out "$folder" --force --quiet >"$folder.log" 2>&1 || {
    cat "$folder.log" >&2
    exit 1
  }
  end=$(date +%s.%N)
  python3 - "$name" "$extra" "$folder" "$start" "$end" "$(nproc)" "$(grep -o 'avx512f' /proc/cpuinfo | head -1)" >>"$results" <<'PY'
import json, sys
name, extra, folder, start, end, cores, avx512 = sys.argv[1:]
record = json.load(open(f"{folder}/config.json"))
metrics = json.load(open(f"{folder}/metrics.json"))
c, t, r = record["configuration"], record["timings"], record["results"]
u = c["model"]["unet"]
print(json.dumps({
    "name": name, "options": extra, "wall_seconds": round(float(end) - float(start), 1), "cores": int(cores),
    "cpu": "AVX-512" if avx512 else "AVX2", "commit": record["toolkit"].get("commit"),
    "channels": u["baseChannels"], "multipliers": u["multipliers"], "blocks": u["blocksPerLevel"],
    "train_steps": c["training"]["steps"], "batch": c["training"]["batchSize"], "lr": c["training"]["lr"],
    "training_seconds": round(t["trainingSeconds"], 1), "sampling_seconds": round(t["samplingSeconds"], 1),
    "evaluation_seconds": round(t["evaluationSeconds"], 1), "final_loss": r["finalLoss"],
    "samples": metrics["samples"], "baseline": metrics["baseline"], "classifier_accuracy": metrics["classifierTestAccuracy"],
}))
PY
done

python3 - "$results" >"$out/results.md" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| run | wall time (min) | training s | steps | FD | KID ± std | precision | recall | pixel FD | class entropy (bits) |")
print("|---|---|---|---|---|---|---|---|---|---|")
for r in rows:
    s = r["samples"]
    print(f'| {r["name"]} | {r["wall_seconds"] / 60:.1f} | {r["training_seconds"]:.0f} | {r["train_steps"]} | {s["fd"]:.2f} | '
          f'{s["kid"]:.4f} ± {s["kidStd"]:.4f} | {s["precision"]:.2f} | {s["recall"]:.2f} | {s["pixelFD"]:.2f} | {s["classEntropyBits"]:.2f} |')
if rows:
    b = rows[0]["baseline"]
    print(f'| real training images (baseline) | | | | {b["fd"]:.2f} | {b["kid"]:.4f} ± {b["kidStd"]:.4f} | {b["precision"]:.2f} | '
          f'{b["recall"]:.2f} | {b["pixelFD"]:.2f} | {b["classEntropyBits"]:.2f} |')
PY
cat "$out/results.md"
