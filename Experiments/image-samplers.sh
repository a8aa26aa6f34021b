#!/usr/bin/env bash
# Samplers side by side on images: the default Fashion-MNIST run (Plots/image-recipe/runs/defaults;
# trained with `toy run fashion-mnist` defaults when missing) sampled by every sampler that fits its
# DDPM chain — DDPM ancestral, DDIM (η = 0), Euler, Heun and DPM-Solver++(2M) on the Karras grid — at
# about 10, 20 and 50 model evaluations (Heun: 2N − 1 for N steps), 200 images per cell, sampling
# seeds 0-2. Each cell is `toy sample`, scored by FD/KID/precision/recall on toy-classifier features
# and pixel FD against the 10,000 test images; results are means with 95% t-intervals over the seeds.
# Writes Plots/image-samplers/ (results.jsonl, results.md, fd-vs-nfe.png with its .gp and .dat, each
# cell's samples.npy and grid under cells/).
# Usage: Experiments/image-samplers.sh [--quick]
#   --quick: a small U-Net (16 channels, one block per level) trained for 200 steps, budgets 10 and 20,
#            20 images, seed 0 and no metrics (they need the feature classifier, minutes to train):
#            checks that every sampler runs on images and writes its files, in under 3 minutes on 2
#            cores; writes Plots/image-samplers-quick/ (CI runs it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/bin/setup"
toy="${TOY:-$root/.build/release/toy}"
start=$(date +%s)
if [ "${1:-}" = "--quick" ]; then
  out="$root/Plots/image-samplers-quick"; run="$out/run"
  train=(--channels 16 --res-blocks 1 --train-steps 200 --batch-size 32 --samples 20 --sample-steps 10 --data-size 10000)
  budgets=(10 20); samples=20; seeds=(0); metrics=--no-metrics
else
  out="$root/Plots/image-samplers"; run="$root/Plots/image-recipe/runs/defaults"
  train=(); budgets=(10 20 50); samples=200; seeds=(0 1 2); metrics=--metrics
fi
mkdir -p "$out/cells"
if [ ! -s "$run/model.safetensors" ]; then
  echo "training $run" >&2
  "$toy" run fashion-mnist --seed 0 "${train[@]}" --out "$run" --force --quiet >/dev/null
fi
results="$out/results.jsonl"
: >"$results"
for sampler in ddpm ddim euler heun dpm++2m; do
  for budget in "${budgets[@]}"; do
    steps=$budget
    [ "$sampler" = heun ] && steps=$(((budget + 1) / 2))
    for seed in "${seeds[@]}"; do
      cell="$out/cells/$sampler-$budget-seed$seed"
      echo "$sampler, $steps steps, seed $seed" >&2
      "$toy" sample "$run" --sampler "$sampler" --sample-steps "$steps" --samples "$samples" --seed "$seed" $metrics \
        --out "$cell" --json >"$cell.json" 2>"$cell.log"
      python3 - "$sampler" "$budget" "$seed" "$cell.json" >>"$results" <<'PY'
import json, sys
sampler, budget, seed, path = sys.argv[1:]
r = json.load(open(path))
q = r.get("quality")
row = {"sampler": sampler, "budget": int(budget), "seed": int(seed), "nfe": r["modelEvaluations"], "seconds": r["seconds"],
       "steps": r["configuration"]["sampling"]["steps"], "clipped_pixels": r["clippedPixels"], "non_finite": r["nonFiniteSamples"]}
if q:
    row.update({k: q["samples"][k] for k in ("fd", "kid", "precision", "recall", "pixelFD", "classEntropyBits")})
    row["baseline"] = {k: q["baseline"][k] for k in ("fd", "kid", "precision", "recall", "pixelFD", "classEntropyBits")}
print(json.dumps(row))
PY
    done
  done
done
python3 "$root/Experiments/tools/image_samplers.py" "$results" "$out"
echo "image-samplers: $(($(date +%s) - start)) s" >&2
