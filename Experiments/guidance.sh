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
# Images: Experiments/guidance-images.sh (its rows join this summary when present).
# Writes Plots/guidance/: results.jsonl, results.{csv,md} (means with 95% t-intervals over seeds),
# tradeoff-2d, share-and-spread, samples-DATASET (scatter per method and scale, seed 0), each figure
# with its .gp and .dat.
# Runs and cells under runs/ and cells/ are not committed.
# Usage: Experiments/guidance.sh [--quick]
#   --quick: 8gaussians and moons, seeds 0-1, 1,500 training steps, 500 samples, scales {0, 2, 8} and
#            {0, 2, 10}: about a minute on 2 cores; writes Plots/guidance-quick/ (CI runs it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/bin/setup"
toy="${TOY:-$root/.build/release/toy}"
start=$(date +%s)
if [ "${1:-}" = "--quick" ]; then
  out="$root/Plots/guidance-quick"; datasets=(8gaussians moons); seeds=(0 1); train=(--train-steps 1500); samples=500
  cfg=(0 2 8); cg=(0 2 10)
else
  out="$root/Plots/guidance"; datasets=(8gaussians moons checkerboard); seeds=(0 1 2 3 4); train=(); samples=2000
  cfg=(0 0.5 1 2 4 8); cg=(0 0.5 1 2 4 10)
fi
mkdir -p "$out/runs" "$out/cells"
results="$out/results.jsonl"
: >"$results"
tool="$root/Experiments/tools/guidance.py"

# cell NAME DATASET METHOD SCALE SEED RUN FLAGS…: one `toy sample` and its row.
cell() {
  local name=$1 dataset=$2 method=$3 scale=$4 seed=$5 run=$6; shift 6
  "$toy" sample "$run" "$@" --seed "$seed" --out "$out/cells/$name" --force --json >"$out/cells/$name.json" 2>"$out/cells/$name.log"
  python3 "$tool" row "$dataset" "$method" "$scale" "$seed" "$out/cells/$name" >>"$results"
}

# Per dataset: its seeds and sampler flags (default: all seeds, the dataset's default sampler). On
# checkerboard the adaptive ODE under learned classifier guidance took 11,332 model evaluations (for the 2,000-sample batch) at
# s = 4 (seed 0, Plots/guidance/checkerboard-ode-seed0.jsonl), hours for the grid: checkerboard uses
# DDIM with 100 steps for every cell and seeds 0-2.
declare -A dataset_seeds=([checkerboard]="0 1 2") dataset_sampling=([checkerboard]="--sampler ddim --sample-steps 100")
for dataset in "${datasets[@]}"; do
  read -r -a my_seeds <<<"${dataset_seeds[$dataset]:-${seeds[*]}}"
  read -r -a my_sampling <<<"${dataset_sampling[$dataset]:-}"
  # The judge of class membership: a classifier of its own (another training draw and initialization,
  # wider and trained longer), so guided samples are not scored by the classifier that guided them.
  judge="$out/runs/$dataset-judge"
  if [ ! -s "$judge/classifier.safetensors" ]; then
    "$toy" run "$dataset" --seed 1000 --train-steps 1 --samples 10 --out "$judge" --force --quiet >/dev/null
    "$toy" classifier train "$judge" --train-steps 6000 --width 256 --force >/dev/null 2>&1
  fi
  for seed in "${my_seeds[@]}"; do
    conditional="$out/runs/$dataset-conditional-seed$seed"; unconditional="$out/runs/$dataset-seed$seed"
    echo "$dataset, seed $seed: training" >&2
    [ -s "$conditional/model.safetensors" ] || "$toy" run "$dataset" --conditional --seed "$seed" "${train[@]}" --samples 10 --out "$conditional" --force --quiet >/dev/null
    [ -s "$unconditional/model.safetensors" ] || "$toy" run "$dataset" --seed "$seed" "${train[@]}" --samples 10 --out "$unconditional" --force --quiet >/dev/null
    [ -s "$unconditional/classifier.safetensors" ] || "$toy" classifier train "$unconditional" --force >/dev/null 2>&1
    for w in "${cfg[@]}"; do
      cell "$dataset-cfg-$w-seed$seed" "$dataset" cfg "$w" "$seed" "$conditional" --label 0 --guidance-scale "$w" --samples "$samples" --judge "$judge/classifier.safetensors" "${my_sampling[@]}"
    done
    for s in "${cg[@]}"; do
      cell "$dataset-cg-$s-seed$seed" "$dataset" cg "$s" "$seed" "$unconditional" --label 0 --classifier-scale "$s" --samples "$samples" --judge "$judge/classifier.safetensors" "${my_sampling[@]}"
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

# The image rows of Experiments/guidance-images.sh join the summary when present.
all="$out/all.jsonl"
cat "$results" >"$all"
[ -s "$out/results-images.jsonl" ] && cat "$out/results-images.jsonl" >>"$all"
python3 "$tool" summary "$all" "$out"
rm -f "$all"
echo "{\"seconds\": $(($(date +%s) - start)), \"mode\": \"${1:-full}\"}" >"$out/timing.json"
echo "guidance: $(($(date +%s) - start)) s → $out" >&2
