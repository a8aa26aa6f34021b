#!/usr/bin/env bash
# Samplers side by side on images: one U-Net trained on Fashion-MNIST with the default recipe on the
# VP SDE (`toy run fashion-mnist --process vp`, seed 0; Plots/image-recipe/runs/VP-SDE-..., trained when
# missing), so that every sampler fits it: DDPM ancestral, DDIM (η = 0), Euler, Heun and
# DPM-Solver++(2M) on the Karras grid, the reverse SDE, predictor–corrector and the probability-flow
# ODE — at about 10, 20, 50 and 100 model evaluations (Heun 2N − 1 for N steps, PC 2N + 1; the ODE at
# tolerances 1e-2, 1e-3, 1e-4 with the evaluations GSL used), 100 images per cell, sampling seeds 0-2
# (the same prior draw for every sampler within a seed). Each cell is `toy sample`, scored against the
# 10,000 test images (FD/KID/precision/recall on toy-classifier features, pixel FD); results are means
# with 95% t-intervals over the seeds, beside 100 real training images scored the same way.
# Writes Plots/image-samplers/: results.jsonl, results.csv/.md/.tex, fd-vs-nfe and fd-vs-seconds
# figures, grid.png (rows samplers, columns budgets, the first images of seed 0), each with its .gp and
# .dat; each cell's samples.npy and grid under cells/ (not committed). About 30 minutes on 2 cores
# once the model is trained (12 more when it is not).
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
  train=(--process vp --channels 16 --res-blocks 1 --train-steps 200 --batch-size 32 --samples 20 --sample-steps 10 --data-size 10000)
  budgets=(10 20); tolerances=(1e-2); samples=20; seeds=(0); metrics=--no-metrics
else
  out="$root/Plots/image-samplers"; run="$root/Plots/image-recipe/runs/VP-SDE"
  train=(--process vp); budgets=(10 20 50 100); tolerances=(1e-2 1e-3 1e-4); samples=100; seeds=(0 1 2); metrics=--metrics
fi
mkdir -p "$out/cells"
if [ ! -s "$run/model.safetensors" ]; then
  echo "training $run" >&2
  "$toy" run fashion-mnist --seed 0 "${train[@]}" --out "$run" --force --quiet >/dev/null
fi
results="$out/results.jsonl"
: >"$results"
for seed in "${seeds[@]}"; do
  for sampler in ddpm ddim euler heun dpm++2m reverse-sde pc; do
    for budget in "${budgets[@]}"; do
      case $sampler in
        heun) steps=$(((budget + 1) / 2)) ;;
        pc) steps=$(((budget - 1) / 2)) ;;
        reverse-sde) steps=$((budget - 1)) ;;
        *) steps=$budget ;;
      esac
      folder="$out/cells/$sampler-$budget-seed$seed"
      echo "$sampler, $steps steps, seed $seed" >&2
      "$toy" sample "$run" --sampler "$sampler" --sample-steps "$steps" --samples "$samples" --seed "$seed" $metrics --force \
        --out "$folder" --json >"$folder.json" 2>"$folder.log"
      python3 "$root/Experiments/tools/image_samplers.py" row "$sampler" "$budget" "$seed" "$folder" >>"$results"
    done
  done
  for tolerance in "${tolerances[@]}"; do
    folder="$out/cells/ode-$tolerance-seed$seed"
    echo "ode, tolerance $tolerance, seed $seed" >&2
    "$toy" sample "$run" --sampler ode --ode-tolerance "$tolerance" --samples "$samples" --seed "$seed" $metrics --force \
      --out "$folder" --json >"$folder.json" 2>"$folder.log"
    python3 "$root/Experiments/tools/image_samplers.py" row ode "$tolerance" "$seed" "$folder" >>"$results"
  done
done
python3 "$root/Experiments/tools/image_samplers.py" summary "$results" "$out"
[ "${1:-}" = "--quick" ] || python3 "$root/Experiments/tools/fill_notebook.py" "$root/Notebooks-md/image-samplers.md"
echo "image-samplers: $(($(date +%s) - start)) s" >&2
