#!/usr/bin/env bash
# Samplers side by side: one model per forward process (DDPM chain, VP, VE and sub-VP SDEs, and a
# noise-conditional score network) on swissroll, moons and scurve (seed 0, the datasets' default
# training), each sampled by the samplers that fit it at 10, 20, 50, 100, 200 and 1000 model
# evaluations (the ODE at five tolerances), 2,000 samples per cell, repeated with sampling seeds
# 0-4 (prior draw, sampler noise and reference data), scored against fresh data and timed; every
# result is a mean with its 95% interval over the seeds.
# Writes Plots/sampler-comparison/ (results.csv/.jsonl per seed, summary.csv and results.md/.tex
# with intervals, grid-, quality- and time- figures, timing.json), step-error.csv (Heun's and Euler's
# error step by step against the exact score, `toy step-error`) and Notebooks-md/sampler-comparison.md.
# Usage: Experiments/sampler-comparison.sh [--quick]
#   --quick: moons only, three processes, 1,500 training steps, budgets 10 and 50, 1,000 samples,
#            seeds 0-1; writes Plots/sampler-comparison-quick/ (under a minute on 2 cores; CI runs it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/bin/setup"
toy="$root/.build/release/toy"
start=$(date +%s)

if [ "${1:-}" = "--quick" ]; then
  out="$root/Plots/sampler-comparison-quick"
  datasets=(moons); processes=(ddpm vp ncsn)
  train=(--set training.steps=1500); budgets="10,50"; tolerances="1e-2,1e-3"; samples=1000; seeds="0-1"
  steperror=(--points 300 --samples 300 --substeps 16)
else
  out="$root/Plots/sampler-comparison"
  datasets=(swissroll moons scurve); processes=(ddpm vp ve subvp ncsn)
  train=(); budgets="10,20,50,100,200,1000"; tolerances="1e-1,1e-2,1e-3,1e-4,1e-5"; samples=2000; seeds="0-4"
  steperror=()
fi
mkdir -p "$out"
join() { local IFS=,; echo "$*"; }

# 1. One trained model per dataset and process (fixed seed 0): a sweep, each dataset with its own
#    defaults and each process with its usual sampler, as `toy run DATASET --process P` would train it.
"$toy" sweep --set data.dataset="$(join "${datasets[@]}")" --set process.kind="$(join "${processes[@]}")" \
  --set sampling.samples=1000 "${train[@]}" --seeds 0 --out "$out/models" --quiet >/dev/null
specs=()
while IFS= read -r spec; do specs+=("$spec"); done < <(python3 - "$out/models" <<'PY'
import json, os, sys
samplers = {"ddpm": "ddpm,ddim,ddim-eta1,euler,heun,dpm++2m", "vp": "ddim,euler,heun,dpm++2m,reverse-sde,pc,ode",
            "ve": "heun,reverse-sde,pc,ode", "subvp": "reverse-sde,pc,ode", "ncsn": "annealed-langevin,langevin"}
sweep = sys.argv[1]
for cell in json.load(open(os.path.join(sweep, "sweep.json")))["cells"]:
    c = json.load(open(os.path.join(sweep, "configs", cell["name"] + ".json")))
    print(os.path.join(sweep, "runs", cell["name"]) + "=" + samplers[c["process"]["kind"]])
PY
)
trained=$(date +%s)

# 2. Every sampler at every budget, from the same prior draw, sharing one Brownian path.
"$toy" compare "${specs[@]}" --budgets "$budgets" --ode-tolerances "$tolerances" --samples "$samples" --seeds "$seeds" --out "$out" --force
done_at=$(date +%s)

# 3. Where Heun's error arises, step by step on the Karras grid of a budget of 10 (5 steps), with
#    Euler on the same grid beside it: the exact score of the first dataset's training points, VP (the process whose Karras grid Heun fails on at this budget).
"$toy" step-error "${datasets[0]}" --process vp --sampler heun --sample-steps 5 "${steperror[@]}" >"$out/step-error.csv.tmp"
"$toy" step-error "${datasets[0]}" --process vp --sampler euler --sample-steps 5 "${steperror[@]}" | tail -n +2 >>"$out/step-error.csv.tmp"
mv "$out/step-error.csv.tmp" "$out/step-error.csv"
cat > "$out/timing.json" <<JSON
{"training_seconds": $((trained - start)), "comparison_seconds": $((done_at - trained)), "total_seconds": $((done_at - start)), "cores": $(nproc), "quick": $([ "$out" = "$root/Plots/sampler-comparison" ] && echo false || echo true)}
JSON

# 4. The notebook, with every number taken from the files just written.
notebook="$root/Notebooks-md/sampler-comparison.md"
[ "$out" = "$root/Plots/sampler-comparison" ] || notebook="$out/notebook.md"
python3 "$root/Experiments/tools/sampler_comparison_notebook.py" "$out" "$root" "$(dirname "$notebook")" > "$notebook"
echo "wrote $out and $notebook in $((done_at - start)) s" >&2
