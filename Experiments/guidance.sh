#!/usr/bin/env bash
# Guidance: fidelity against diversity as the scale grows, classifier-free guidance (CFG, Ho &
# Salimans 2021) beside classifier guidance (CG, Dhariwal & Nichol 2021).
#
# 2-D (8gaussians, moons, checkerboard; training seeds 0-4; class 0 asked for): per dataset and seed a
# conditional run (`toy run D --conditional`, label dropout 0.1) sampled with CFG at w ∈ {0, 0.5, 1, 2,
# 4, 8}, and an unconditional run with its noise-conditional classifier (`toy classifier train`)
# sampled with CG at s ∈ {0, 0.5, 1, 2, 4, 10}; on 8gaussians also the exact model (no learning error)
# with exact CFG and CG. Each cell is `toy sample RUN --label 0 …` with 2,000 samples: precision and
# recall (k = 3) against class 0's data, the share of samples in class 0 (the exact class posterior for
# 8gaussians, otherwise a judge: a classifier trained on another draw, not the one that guided), and
# the spread within the class.
# Images (full run only): one conditional U-Net on Fashion-MNIST (the default recipe, seed 0) sampled
# with one class per row of ten, CFG at w ∈ {0, 0.5, 1, 2, 4} and CG on that conditional model at
# s ∈ {1, 3} (its time-conditioned CNN classifier), sampling seeds 0-2, 500 images each: FD/KID on
# toy-classifier features against the share of images the feature classifier assigns to the class
# asked for.
# Writes Plots/guidance/: results.jsonl, results.{csv,md} (means with 95% t-intervals over seeds),
# tradeoff-2d, share-and-spread, samples-DATASET (scatter per method and scale, seed 0), and for images
# tradeoff-images and grids/ (the samples at three scales), each figure with its .gp and .dat.
# Runs and cells under runs/ and cells/ are not committed.
# Usage: Experiments/guidance.sh [--quick]
#   --quick: 8gaussians and moons, seeds 0-1, 1,500 training steps, 500 samples, scales {0, 2, 8} and
#            {0, 2, 10}, no images: under 3 minutes on 2 cores; writes Plots/guidance-quick/ (CI runs it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/bin/setup"
toy="${TOY:-$root/.build/release/toy}"
start=$(date +%s)
if [ "${1:-}" = "--quick" ]; then
  out="$root/Plots/guidance-quick"; datasets=(8gaussians moons); seeds=(0 1); train=(--train-steps 1500); samples=500
  cfg=(0 2 8); cg=(0 2 10); images=no
else
  out="$root/Plots/guidance"; datasets=(8gaussians moons checkerboard); seeds=(0 1 2 3 4); train=(); samples=2000
  cfg=(0 0.5 1 2 4 8); cg=(0 0.5 1 2 4 10); images=yes
fi
mkdir -p "$out/runs" "$out/cells"
results="$out/results.jsonl"
: >"$results"
tool="$root/Experiments/tools/guidance.py"

# cell NAME DATASET METHOD SCALE SEED RUN FLAGS…: one `toy sample` and its row.
cell() {
  local name=$1 dataset=$2 method=$3 scale=$4 seed=$5 run=$6; shift 6
  "$toy" sample "$run" "$@" --seed "$seed" --out "$out/cells/$name" --json >"$out/cells/$name.json" 2>"$out/cells/$name.log"
  python3 "$tool" row "$dataset" "$method" "$scale" "$seed" "$out/cells/$name" >>"$results"
}

for dataset in "${datasets[@]}"; do
  # The judge of class membership: a classifier of its own (another training draw and initialization,
  # wider and trained longer), so guided samples are not scored by the classifier that guided them.
  judge="$out/runs/$dataset-judge"
  if [ ! -s "$judge/classifier.safetensors" ]; then
    "$toy" run "$dataset" --seed 1000 --train-steps 1 --samples 10 --out "$judge" --force --quiet >/dev/null
    "$toy" classifier train "$judge" --train-steps 6000 --width 256 --force >/dev/null 2>&1
  fi
  for seed in "${seeds[@]}"; do
    conditional="$out/runs/$dataset-conditional-seed$seed"; unconditional="$out/runs/$dataset-seed$seed"
    echo "$dataset, seed $seed: training" >&2
    [ -s "$conditional/model.safetensors" ] || "$toy" run "$dataset" --conditional --seed "$seed" "${train[@]}" --samples 10 --out "$conditional" --force --quiet >/dev/null
    [ -s "$unconditional/model.safetensors" ] || "$toy" run "$dataset" --seed "$seed" "${train[@]}" --samples 10 --out "$unconditional" --force --quiet >/dev/null
    [ -s "$unconditional/classifier.safetensors" ] || "$toy" classifier train "$unconditional" --force >/dev/null 2>&1
    for w in "${cfg[@]}"; do
      cell "$dataset-cfg-$w-seed$seed" "$dataset" cfg "$w" "$seed" "$conditional" --label 0 --guidance-scale "$w" --samples "$samples" --judge "$judge/classifier.safetensors"
    done
    for s in "${cg[@]}"; do
      cell "$dataset-cg-$s-seed$seed" "$dataset" cg "$s" "$seed" "$unconditional" --label 0 --classifier-scale "$s" --samples "$samples" --judge "$judge/classifier.safetensors"
    done
    if [ "$dataset" = 8gaussians ]; then
      exact="$out/runs/$dataset-exact-seed$seed"
      [ -s "$exact/config.json" ] || "$toy" run "$dataset" --model exact --seed "$seed" --samples 10 --out "$exact" --force --quiet >/dev/null
      for w in "${cfg[@]}"; do
        cell "$dataset-exact-cfg-$w-seed$seed" "$dataset" exact-cfg "$w" "$seed" "$exact" --label 0 --guidance-scale "$w" --samples "$samples"
      done
      for s in "${cg[@]}"; do
        cell "$dataset-exact-cg-$s-seed$seed" "$dataset" exact-cg "$s" "$seed" "$exact" --label 0 --classifier-scale "$s" --samples "$samples"
      done
    fi
  done
done

if [ "$images" = yes ]; then
  run="$out/runs/fashion-mnist-conditional"
  if [ ! -s "$run/model.safetensors" ]; then
    echo "fashion-mnist: training the conditional U-Net (about 10 minutes)" >&2
    "$toy" run fashion-mnist --conditional --seed 0 --samples 10 --out "$run" --force --quiet >/dev/null
  fi
  [ -s "$run/classifier.safetensors" ] || "$toy" classifier train "$run" --force >"$out/image-classifier.txt" 2>/dev/null
  for seed in 0 1 2; do
    for w in 0 0.5 1 2 4; do
      echo "fashion-mnist: CFG w = $w, seed $seed" >&2
      cell "fashion-mnist-cfg-$w-seed$seed" fashion-mnist cfg "$w" "$seed" "$run" --guidance-scale "$w" --samples 500
    done
    for s in 1 3; do
      echo "fashion-mnist: CG s = $s, seed $seed" >&2
      cell "fashion-mnist-cg-$s-seed$seed" fashion-mnist cg "$s" "$seed" "$run" --classifier-scale "$s" --samples 500
    done
  done
fi

python3 "$tool" summary "$results" "$out"
echo "{\"seconds\": $(($(date +%s) - start)), \"mode\": \"${1:-full}\"}" >"$out/timing.json"
echo "guidance: $(($(date +%s) - start)) s → $out" >&2
