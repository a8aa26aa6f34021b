#!/usr/bin/env bash
# The recipe study behind `toy run fashion-mnist`'s defaults: the first default (the DDPM chain, 1,500
# steps) and variants of it (fewer steps; one residual block per level with more steps; the VP SDE,
# which became the default), each trained with seed 0 and scored by its own metrics.json (FD/KID on
# toy-classifier features, precision/recall, pixel FD, class entropy; 500 samples against the 10,000
# test images, beside as many real training images). The first run starts with an empty
# feature-classifier cache; at the end a `toy eval` with an empty cache times the classifier's
# training alone (cold-classifier.json), which a fresh machine adds to a run's wall time.
# Writes Plots/image-recipe/results.jsonl and results.md; each run's folder under runs/.
# Usage: Experiments/image-recipe.sh [NAME ...]   (default: every run below; about 50 minutes on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/bin/setup"
toy="${TOY:-$root/.build/release/toy}"  # TOY: a copy of the binary, so rebuilding during the study cannot change it
out="$root/Plots/image-recipe"
mkdir -p "$out/runs"
results="$out/results.jsonl"
# name | toy run options
all=(
  "DDPM chain|--process ddpm"
  "DDPM chain, 1,000 steps|--process ddpm --train-steps 1000"
  "DDPM chain, one residual block per level, 2,500 steps|--process ddpm --res-blocks 1 --train-steps 2500"
  "VP-SDE|--process vp"
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
  [ "$name" = "DDPM chain" ] || cache="${XDG_CACHE_HOME:-$HOME/.cache}"
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

# The feature classifier's training on a fresh machine, timed alone (an empty cache).
if [ -s "$out/runs/VP-SDE/samples.npy" ]; then
  cache="$(mktemp -d)"
  start=$(date +%s.%N)
  XDG_CACHE_HOME="$cache" "$toy" eval fashion-mnist "$out/runs/VP-SDE/samples.npy" --json >"$out/cold-classifier-eval.json"
  end=$(date +%s.%N)
  python3 -c "import json, sys; a = json.load(open(sys.argv[1])); json.dump({'what': 'toy eval of the VP-SDE run samples with an empty feature-classifier cache: training the classifier (10 epochs) and scoring 500 samples', 'wall_seconds': round(float(sys.argv[3]) - float(sys.argv[2]), 1), 'classifier_test_accuracy': a['classifierTestAccuracy']}, open(sys.argv[4], 'w'), indent=1)" \
    "$out/cold-classifier-eval.json" "$start" "$end" "$out/cold-classifier.json"
fi

python3 - "$results" >"$out/results.md" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| run | wall time (min) | training s | sampling s | steps | FD | KID ± std | precision | recall | pixel FD | class entropy (bits) | nearest training image (median) |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for r in rows:
    s = r["samples"]
    print(f'| {r["name"]} | {r["wall_seconds"] / 60:.1f} | {r["training_seconds"]:.0f} | {r["sampling_seconds"]:.0f} | {r["train_steps"]} | {s["fd"]:.2f} | '
          f'{s["kid"]:.4f} ± {s["kidStd"]:.4f} | {s["precision"]:.2f} | {s["recall"]:.2f} | {s["pixelFD"]:.2f} | {s["classEntropyBits"]:.2f} | {s["nearestTrainingDistance"]:.2f} |')
if rows:
    b = rows[0]["baseline"]
    print(f'| real training images (baseline) | | | | | {b["fd"]:.2f} | {b["kid"]:.4f} ± {b["kidStd"]:.4f} | {b["precision"]:.2f} | '
          f'{b["recall"]:.2f} | {b["pixelFD"]:.2f} | {b["classEntropyBits"]:.2f} | {b["nearestTrainingDistance"]:.2f} (held-out images) |')
print()
print("One training seed (0) per run; KID ± its standard deviation over 10 random subsets of the samples. "
      "FD, precision, recall, pixel FD and entropy carry no interval here, so differences in them are not claimed. "
      f"Feature classifier test accuracy: {rows[0]['classifier_accuracy']:.4f}.")
PY
cat "$out/results.md"
python3 "$root/Experiments/tools/fill_notebook.py" "$root/Notebooks-md/image-recipe.md"
