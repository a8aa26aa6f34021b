#!/usr/bin/env bash
# Guidance on images: the fidelity–diversity trade-off of classifier-free guidance (Ho & Salimans
# 2021, fig. 4's analogue) and classifier guidance on Fashion-MNIST. One conditional U-Net (the default
# recipe, `toy run fashion-mnist --conditional`, seed 0; trained when missing, about 10 minutes on 2
# cores) sampled with ten images per class in turn (500 images, DDIM 50 steps): CFG at w ∈ {0, 1, 3},
# and classifier guidance of the same conditional model at s = 2 with its time-conditioned CNN
# (`toy classifier train`, 2,000 steps); sampling seeds 0-2. Each image cell is scored against the
# 10,000 test images — FD/KID/precision/recall on toy-classifier features — and by the share the
# feature classifier assigns to the class each image was drawn for.
# Writes Plots/guidance/results-images.jsonl, then the summary of both parts (Experiments/guidance.sh
# writes the 2-D part): results.{csv,md}, tradeoff-images and grids/ (samples at the three w, seed 0).
# About 30 minutes on 2 cores once the U-Net is trained.
# Usage: Experiments/guidance-images.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/bin/setup"
toy="${TOY:-$root/.build/release/toy}"
start=$(date +%s)
out="$root/Plots/guidance"
mkdir -p "$out/runs" "$out/cells"
results="$out/results-images.jsonl"
: >"$results"
tool="$root/Experiments/tools/guidance.py"
run="$out/runs/fashion-mnist-conditional"
if [ ! -s "$run/model.safetensors" ]; then
  echo "fashion-mnist: training the conditional U-Net (about 10 minutes)" >&2
  "$toy" run fashion-mnist --conditional --seed 0 --samples 10 --out "$run" --force --quiet >/dev/null
fi
if [ ! -s "$run/classifier.safetensors" ]; then
  echo "fashion-mnist: training the noise-conditional classifier" >&2
  "$toy" classifier train "$run" --force 2>/dev/null | sed "s|$root/||g" >"$out/image-classifier.txt"
fi
for seed in 0 1 2; do
  for w in 0 1 3; do
    name="fashion-mnist-cfg-$w-seed$seed"
    echo "fashion-mnist: CFG w = $w, seed $seed" >&2
    "$toy" sample "$run" --guidance-scale "$w" --samples 500 --seed "$seed" --out "$out/cells/$name" --force --json >"$out/cells/$name.json" 2>"$out/cells/$name.log"
    python3 "$tool" row fashion-mnist cfg "$w" "$seed" "$out/cells/$name" >>"$results"
  done
  name="fashion-mnist-cg-2-seed$seed"
  echo "fashion-mnist: CG s = 2, seed $seed" >&2
  "$toy" sample "$run" --classifier-scale 2 --samples 500 --seed "$seed" --out "$out/cells/$name" --force --json >"$out/cells/$name.json" 2>"$out/cells/$name.log"
  python3 "$tool" row fashion-mnist cg 2 "$seed" "$out/cells/$name" >>"$results"
done
echo "{\"seconds\": $(($(date +%s) - start))}" >"$out/timing-images.json"
cat "$out/results.jsonl" "$results" >"$out/all.jsonl"
python3 "$tool" summary "$out/all.jsonl" "$out"
rm -f "$out/all.jsonl"
echo "guidance on images: $(($(date +%s) - start)) s → $out" >&2
