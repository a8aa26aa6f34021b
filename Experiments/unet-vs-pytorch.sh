#!/usr/bin/env bash
# Cross-implementation check of the U-Net: toy's W3 network (trained 3 steps, so no weight is still
# zero) saved as safetensors, loaded into the PyTorch module of shared/bench/w3_unet28_train.py
# (strict: every name and shape must match), run on the same input and times; the output must agree
# to 1e-4 and every parameter's loss gradient to 1e-3 (max error relative to the largest entry).
# Needs a PyTorch venv: TORCHREF_VENV=DIR (python3 -m venv DIR && DIR/bin/pip install torch numpy
# safetensors); without one it says so and exits 0. Writes Plots/unet-vs-pytorch/result.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
script="${W3_SCRIPT:-$root/../shared/bench/w3_unet28_train.py}"
if [ -z "${TORCHREF_VENV:-}" ] || [ ! -x "$TORCHREF_VENV/bin/python" ]; then
  echo "unet-vs-pytorch: SKIPPED — set TORCHREF_VENV to a venv with torch, numpy and safetensors." >&2
  exit 0
fi
[ -f "$script" ] || { echo "unet-vs-pytorch: $script not found (set W3_SCRIPT)." >&2; exit 1; }
"$root/bin/setup" >/dev/null
swift build -c release --product toy-bench --package-path "$root" >/dev/null
"$TORCHREF_VENV/bin/python" -c "import safetensors" 2>/dev/null || "$TORCHREF_VENV/bin/pip" install -q safetensors
out="$root/Plots/unet-vs-pytorch"
mkdir -p "$out"
export_file=$(mktemp --suffix .safetensors)
trap 'rm -f "$export_file"' EXIT
"$root/.build/release/toy-bench" w3-export --threads 2 --out "$export_file" >&2
"$TORCHREF_VENV/bin/python" "$root/Experiments/tools/unet_vs_pytorch.py" "$export_file" "$script" | tee "$out/result.json.tmp"
mv "$out/result.json.tmp" "$out/result.json"
