#!/usr/bin/env bash
# Command-line answers to good and bad input: exit codes and the words users see.
# Usage: Tests/cli.sh PATH/TO/toy
set -u
toy="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
check() {  # check NAME EXPECTED_EXIT PATTERN -- command...
  local name=$1 want=$2 pattern=$3; shift 4
  local out status
  out=$("$@" 2>&1); status=$?
  if [ "$status" -eq "$want" ] && grep -qE -- "$pattern" <<<"$out" && ! grep -q "Stack dump\|Fatal error" <<<"$out"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); echo "FAIL cli: $name (exit $status, wanted $want, pattern '$pattern')"; echo "$out" | head -5
  fi
}
check "help lists every subcommand" 0 "run.*" -- "$toy" --help
check "help lists data and list" 0 "list" -- "$toy" --help
check "run help shows defaults" 0 "default: 10000" -- "$toy" run --help
check "unknown dataset lists the valid names" 64 "swissroll.*moons" -- "$toy" run nosuchset
check "unknown schedule lists the valid names" 64 "linear.*cosine" -- "$toy" run moons --schedule nope
check "unknown sampler lists the valid names" 64 "ddpm" -- "$toy" run moons --sampler nope
check "lr <= 0 names the flag" 64 "--lr" -- "$toy" run moons --lr 0
check "negative samples names the flag" 64 "--samples" -- "$toy" run moons --samples -3
check "T < 2 names the flag" 64 "--timesteps" -- "$toy" run moons --timesteps 1
check "negative noise names the flag" 64 "--noise" -- "$toy" data moons --noise -1
check "list shows datasets, schedules, samplers" 0 "checkerboard.*" -- "$toy" list
check "data writes CSV" 0 "^x,y" -- "$toy" data moons --n 5
mkdir -p "$tmp/full" && touch "$tmp/full/keep"
check "non-empty output folder is refused" 1 "--force" -- "$toy" run moons --out "$tmp/full" --train-steps 1
check "resume of a non-run names what is missing" 1 "config.json" -- "$toy" run moons --resume "$tmp/full"
check "tiny run succeeds" 0 "samples.csv" -- "$toy" run moons --train-steps 20 --samples 50 --width 16 --out "$tmp/ok" --quiet
check "tiny conditional run for guidance succeeds" 0 "samples.csv" -- "$toy" run moons --conditional --train-steps 20 --samples 50 --width 16 --out "$tmp/cfg" --quiet
check "resume of another dataset is refused" 1 "run of moons" -- "$toy" run swissroll --resume "$tmp/ok"
printf 'x,y\n1,2\nfoo,3\n' > "$tmp/bad.csv"
printf 'x,y\n1,2\n\n3,4\n' > "$tmp/gap.csv"
printf 'x,y\n1,nan\n' > "$tmp/nan.csv"
printf 'x\n1\n2\n' > "$tmp/one.csv"
check "eval of a missing file names it" 1 "no such file.*missing.csv" -- "$toy" eval moons "$tmp/missing.csv"
check "eval names the file and line of a non-numeric row" 1 "bad.csv:3" -- "$toy" eval moons "$tmp/bad.csv"
check "eval names an empty row" 1 "gap.csv:3: empty line" -- "$toy" eval moons "$tmp/gap.csv"
check "eval names a NaN row" 1 "nan.csv:2: non-finite" -- "$toy" eval moons "$tmp/nan.csv"
check "eval wants x and y columns" 1 "one.csv:1: the header names no x and y columns" -- "$toy" eval moons "$tmp/one.csv"
"$toy" data moons --n 500 --seed 9 --out "$tmp/moons.csv" >/dev/null
check "eval scores a CSV" 0 "classifier accuracy" -- "$toy" eval moons "$tmp/moons.csv"
check "eval --json prints the metrics object" 0 '"baseline"' -- "$toy" eval moons "$tmp/moons.csv" --json
check "run writes metrics.json" 0 "metrics.json" -- ls "$tmp/ok"
check "run draws its figures" 0 "samples.png" -- ls "$tmp/ok/plots"
check "plot redraws a run as SVG" 0 "samples.svg" -- "$toy" plot "$tmp/ok" --format svg
check "plot on a folder that is not a run says what it expected" 1 "not a toy run folder.*config.json" -- "$toy" plot "$tmp/full"
check "without gnuplot, plot writes scripts and says how to render" 0 "apt-get install gnuplot-nox" -- env PATH=/nonexistent "$toy" plot "$tmp/ok"
check "the scripts it wrote are there" 0 "samples.gp" -- ls "$tmp/ok/plots"
check "--model exact on a dataset without a closed form lists those with one" 64 "8gaussians, gmm" -- "$toy" run moons --model exact
check "--model exact samples gmm without training" 0 "no training" -- "$toy" run gmm --model exact --samples 500 --out "$tmp/exact" --quiet
check "a sampler that does not fit the process lists the combinations" 64 "works with --process vp, ve, subvp.*All combinations" -- "$toy" run moons --process ddpm --sampler ode
check "Langevin on an SDE process is refused" 64 "annealed-langevin: ncsn" -- "$toy" run moons --process vp --sampler annealed-langevin
check "more sample steps than timesteps on the chain names both flags" 64 "--sample-steps.*--timesteps \\(200\\)" -- "$toy" run moons --sample-steps 500
check "ODE tolerance <= 0 names the flag" 64 "--ode-tolerance" -- "$toy" run moons --process vp --sampler ode --ode-tolerance 0
check "likelihood weighting on the chain is refused" 64 "--loss-weighting likelihood needs a continuous process" -- "$toy" run moons --loss-weighting likelihood
check "unknown process lists the valid names" 64 "ddpm.*vp.*ve.*subvp.*ncsn" -- "$toy" run moons --process nope
check "a VP run trains and samples with pc" 0 "samples.csv" -- "$toy" run moons --process vp --train-steps 20 --samples 200 --width 16 --out "$tmp/vp" --quiet
check "toy sample re-samples it with the ODE and reports NFE" 0 "ode on .*model evaluations" -- "$toy" sample "$tmp/vp" --sampler ode --samples 200
check "toy sample refuses Langevin on a VP run" 64 "ncsn" -- "$toy" sample "$tmp/vp" --sampler langevin
check "toy nll reports nats with a standard error" 0 "NLL = .* ± .* nats" -- "$toy" nll "$tmp/vp" --points 50
check "toy nll --json" 0 '"meanNLL"' -- "$toy" nll "$tmp/vp" --points 20 --json
check "toy nll on a DDPM run gives the variational bound" 0 "NLL ≤ .* nats: the variational bound of the DDPM chain" -- "$toy" nll "$tmp/ok" --points 50
check "toy nll --json on a DDPM run" 0 "\"meanBound\"" -- "$toy" nll "$tmp/ok" --points 20 --json
check "annealed Langevin on gmm recovers the mode weights" 0 "mode shares \\(samples\\) +0\\.7[89]|mode shares \\(samples\\) +0\\.8[01]" -- "$toy" run gmm --model exact --sampler annealed-langevin --out "$tmp/al" --quiet
check "plain Langevin on gmm keeps them near 50/50" 0 "mode shares \\(samples\\) +0\\.(4[6-9]|5[0-4])" -- "$toy" run gmm --model exact --sampler langevin --out "$tmp/pl" --quiet
check "an NCSN run trains and samples with annealed Langevin" 0 "annealed-langevin" -- "$toy" run moons --process ncsn --train-steps 20 --samples 100 --width 16 --out "$tmp/ncsn"
check "--print-config prints the resolved sections" 0 '"training"' -- "$toy" run moons --train-steps 77 --print-config
check "a run's config.json is a valid --config" 0 "samples.csv" -- "$toy" run --config "$tmp/ok/config.json" --out "$tmp/again" --quiet
check "--config reproduces the run's samples byte for byte" 0 "" -- cmp "$tmp/ok/samples.csv" "$tmp/again/samples.csv"
printf '{"data": {"dataset": "moons"}, "training": {"stepz": 3}}' > "$tmp/bad.json"
check "an unknown key in --config names it and the valid keys" 64 "training.stepz.*batchSize" -- "$toy" run --config "$tmp/bad.json"
check "--conditional on a dataset with classes writes a label column" 0 "samples.csv" -- "$toy" run moons --conditional --label 1 --train-steps 20 --samples 100 --width 16 --out "$tmp/cond" --quiet
check "the label column is there" 0 "x,y,label" -- head -1 "$tmp/cond/samples.csv"
check "--label beyond the classes names the flag and the range" 64 "--label must be between 0 and 1" -- "$toy" run moons --conditional --label 5
check "--label without a conditional model is refused" 64 "--label needs a conditional model" -- "$toy" run moons --label 1
"$toy" data moons --n 2000 --seed 3 --labels --out "$tmp/mine.csv" >/dev/null
check "--data trains on a user's CSV" 0 "held-out part of mine" -- "$toy" run --data "$tmp/mine.csv" --train-steps 20 --samples 200 --width 16 --out "$tmp/user"
check "--data with its label column trains a conditional model" 0 "samples.csv" -- "$toy" run --data "$tmp/mine.csv" --conditional --label 0 --train-steps 20 --samples 100 --width 16 --out "$tmp/userc" --quiet
printf 'x,y\n1,2\n3,oops\n' > "$tmp/broken.csv"
check "a broken --data file names the file and the line" 64 "broken.csv:3: not numeric" -- "$toy" run --data "$tmp/broken.csv"
check "--data and a dataset together are refused" 64 "not both" -- "$toy" run moons --data "$tmp/mine.csv"
"$toy" data moons --n 500 --out "$tmp/nolabels.csv" >/dev/null
check "--conditional on a file without labels says what is missing" 64 "label column" -- "$toy" run --data "$tmp/nolabels.csv" --conditional
check "toy eval reads .npy" 0 "classifier accuracy" -- "$toy" eval moons "$tmp/ok/samples.npy"
check "eval of an unknown dataset lists points and image datasets" 64 "moons.*fashion-mnist.*cifar10" -- "$toy" eval nosuchset "$tmp/ok/samples.npy"
check "eval of points as images names the expected shape" 1 "samples.npy.*expected images of shape \(n ≥ 2, 1, 28, 28\)" -- "$toy" eval fashion-mnist "$tmp/ok/samples.npy"
python3 -c "
import struct, sys
h = \"{'descr': '<f4', 'fortran_order': False, 'shape': (2, 1, 28, 28), }\"
h += ' ' * (63 - (10 + len(h)) % 64) + chr(10)
open(sys.argv[1], 'wb').write(b'\\x93NUMPY\\x01\\x00' + struct.pack('<H', len(h)) + h.encode() + struct.pack('<1568f', *([0.5] * 1567 + [1.5])))
" "$tmp/bright.npy"
check "eval refuses pixels outside [0, 1] naming the file" 1 "bright.npy.*1.5 at index 1567 is outside \[0, 1\]" -- "$toy" eval fashion-mnist "$tmp/bright.npy"
check "toy sweep refuses a misspelt key before running" 64 "training.stepz" -- "$toy" sweep moons --set training.stepz=1,2 --out "$tmp/badsweep"
check "toy sweep --emit slurm writes an array script" 0 "sbatch" -- "$toy" sweep moons --seeds 0-1 --set training.steps=20,30 --set model.width=16 --set sampling.samples=100 --jobs 2 --emit slurm --out "$tmp/sl"
check "the SLURM script is valid bash" 0 "" -- bash -n "$tmp/sl/sweep.slurm"
check "the SLURM script asks for one task per cell" 0 "#SBATCH --array=0-3%2" -- cat "$tmp/sl/sweep.slurm"
check "an array task runs its cell" 0 "complete" -- env SLURM_ARRAY_TASK_ID=2 TOY="$toy" bash "$tmp/sl/sweep.slurm"
check "toy sweep --emit jobs writes one command per cell" 0 "parallel -j 1" -- "$toy" sweep moons --seeds 0-1 --set training.steps=20 --set model.width=16 --set sampling.samples=100 --emit jobs --out "$tmp/jobs"
check "the job list runs where toy is on PATH" 0 "complete" -- env PATH="$(dirname "$toy"):$PATH" bash "$tmp/jobs/jobs.txt"
check "--collect builds the tables from the cells that ran" 0 "wrote .*results.csv \\(2 cells\\)" -- "$toy" sweep --collect "$tmp/jobs"
check "the aggregate has intervals over the two seeds" 0 " ± " -- cat "$tmp/jobs/aggregate.md"
check "--collect on a partly run sweep says which cells are missing" 0 "3 of 4 cells have not finished" -- "$toy" sweep --collect "$tmp/sl"
check "--train-steps 0 is refused with the flag" 64 "--train-steps must be between 1 and 100000000, got 0" -- "$toy" run moons --train-steps 0
check "--train-steps 0 on a resume is refused too" 64 "--train-steps must be at least 1, got 0" -- "$toy" run moons --resume "$tmp/ok" --train-steps 0
check "compare refuses a repeated seed, naming the flag" 64 "--seeds" -- "$toy" compare "$tmp/ok" --seeds 1,1 --out "$tmp/cmp"
check "compare refuses a reversed seed range" 64 "--seeds" -- "$toy" compare "$tmp/ok" --seeds 4-1 --out "$tmp/cmp"
check "step-error refuses a sampler it cannot measure" 64 "--sampler must be euler or heun, got ddim" -- "$toy" step-error moons --sampler ddim
check "step-error refuses a process without an ODE, listing those with one" 64 "--process ncsn has no probability-flow ODE; use one of ddpm, vp, ve, subvp" -- "$toy" step-error moons --process ncsn
check "step-error writes its CSV" 0 "^command,sampler,points,spacing,step" -- "$toy" step-error moons --points 50 --samples 50 --substeps 4 --sample-steps 3
check "unknown dataset lists the image datasets too" 64 "fashion-mnist.*cifar10" -- "$toy" run nosuchset
check "an MLP flag on an image dataset names the U-Net's flags" 64 "--width sets the 2-D MLP.*--channels" -- "$toy" run fashion-mnist --width 64
check "a U-Net flag on 2-D data is refused" 64 "--channels sets the U-Net" -- "$toy" run moons --channels 16
check "attention at a resolution the U-Net lacks lists its levels" 64 "levels are 28, 14, 7" -- "$toy" run fashion-mnist --attention-resolutions 5
check "a malformed multiplier list names the flag" 64 "--channel-multipliers takes positive whole numbers" -- "$toy" run fashion-mnist --channel-multipliers 1,x
check "groups that do not divide the channels are refused" 64 "--groups 5" -- "$toy" run fashion-mnist --groups 5
check "a label outside the classes lists them" 64 "9 Ankle boot" -- "$toy" run fashion-mnist --conditional --label 12
check "a label on an unconditional image run says to train with --conditional" 64 "--conditional" -- "$toy" run fashion-mnist --label 3
check "missing CIFAR-10 files say where to get them" 1 "nothing lacks data_batch_1.bin.*cs.toronto.edu" -- "$toy" run cifar10 --data-dir "$tmp/nothing" --out "$tmp/cifar"
check "toy list shows the image recipe" 0 "--channels 32 --channel-multipliers 1,2,2" -- "$toy" list
check "the image configuration prints" 0 "\"images\" : \"fashion-mnist\"" -- "$toy" run fashion-mnist --print-config
check "guidance on an unconditional run says to train with --conditional" 64 "--guidance-scale needs a conditional network.*--conditional" -- "$toy" run moons --guidance-scale 1
check "a negative guidance scale names the flag" 64 "--guidance-scale must be a finite number at least 0, got -1" -- "$toy" run moons --conditional --guidance-scale=-1
check "guided sampling reports two evaluations per step" 0 "20 model evaluations" -- "$toy" sample "$tmp/cfg" --guidance-scale 1 --label 0 --sample-steps 10 --samples 50 --out "$tmp/cond-guided"
check "exact guidance without a label asks for one" 64 "--model exact needs --label K" -- "$toy" run gmm --model exact --guidance-scale 2
check "exact guidance samples with two evaluations per step" 0 "20 model evaluations" -- "$toy" run gmm --model exact --label 1 --guidance-scale 2 --sampler ddim --sample-steps 10 --samples 200 --out "$tmp/gmm-guided" --quiet
check "--eta out of range names the flag" 64 "--eta must be in \[0, 1\], got 2" -- "$toy" run moons --sampler ddim --eta 2
check "--eta on another sampler is refused" 64 "--eta applies to --sampler ddim" -- "$toy" run moons --eta 0.5
check "--rho on a sampler without a Karras grid is refused" 64 "--rho sets the Karras grid of euler, heun and dpm\+\+2m" -- "$toy" run moons --rho 3
check "--rho 0 names the flag" 64 "--rho must be positive, got 0" -- "$toy" run moons --sampler heun --rho 0
check "exact classifier guidance counts the posterior's gradient" 0 "20 model evaluations" -- "$toy" run gmm --model exact --label 1 --classifier-scale 1 --sampler ddim --sample-steps 10 --samples 200 --out "$tmp/gmm-cg" --quiet
check "a negative classifier scale names the flag" 64 "--classifier-scale must be a finite number at least 0, got -1" -- "$toy" run gmm --model exact --label 1 --classifier-scale=-1
check "classifier guidance of a network inside toy run says how" 64 "toy classifier train RUN, then toy sample" -- "$toy" run moons --label 0 --classifier-scale 1
check "a label on an unconditional run names both ways" 64 "--conditional.*--classifier-scale" -- "$toy" run moons --label 0
check "guided sampling before the classifier exists says how to train it" 1 "toy classifier train RUN" -- "$toy" sample "$tmp/cfg" --classifier-scale 1 --label 0 --samples 50 --out "$tmp/cg0"
check "toy classifier train reports accuracy by noise level" 0 "test accuracy by noise level" -- "$toy" classifier train "$tmp/cfg" --train-steps 300
check "a second classifier train refuses to replace it" 1 "pass --force" -- "$toy" classifier train "$tmp/cfg" --train-steps 300
check "classifier-guided sampling counts the classifier" 0 "20 model evaluations" -- "$toy" sample "$tmp/cfg" --classifier-scale 2 --label 0 --sample-steps 10 --samples 50 --out "$tmp/cg2"
check "an exact run has nothing to train" 1 "class posterior is closed-form" -- "$toy" classifier train "$tmp/gmm-cg"
check "toy sample refuses to write into a run folder" 1 "is a run folder" -- "$toy" sample "$tmp/cfg" --samples 20 --out "$tmp/cfg"
check "a second toy sample into the same folder asks for --force" 1 "holds sampling.json.*--force" -- "$toy" sample "$tmp/cfg" --guidance-scale 1 --label 0 --sample-steps 10 --samples 50 --out "$tmp/cond-guided"
check "toy sample --force replaces it" 0 "model evaluations" -- "$toy" sample "$tmp/cfg" --guidance-scale 1 --label 0 --sample-steps 10 --samples 50 --out "$tmp/cond-guided" --force
check "toy compare drops a budget above the chain, saying so" 0 "budget 5000 needs 5000 steps, more than the chain's" -- "$toy" compare "$tmp/cfg=ddpm" --budgets 10,5000 --samples 50 --out "$tmp/cmp-drop"
check "a second toy compare into the same folder asks for --force" 1 "holds plan.json.*--force" -- "$toy" compare "$tmp/cfg=ddpm" --budgets 10 --samples 50 --out "$tmp/cmp-drop"
check "resume refuses a flag that would change the run" 64 "--out, --width cannot be given with it" -- "$toy" run moons --resume "$tmp/ok" --width 8 --out "$tmp/elsewhere"
check "resume below the checkpoint's step is refused" 1 "--train-steps 5 is below the step the checkpoint reached \(20\)" -- "$toy" run moons --resume "$tmp/ok" --train-steps 5
check "resume with a new --lr applies and records it" 0 "samples.csv" -- "$toy" run moons --resume "$tmp/ok" --train-steps 30 --lr 0.0005 --quiet
check "the resumed run's config.json records the new rate" 0 '"lr" : 0.0005' -- cat "$tmp/ok/config.json"
check "--samples 1 finishes with null for what cannot be computed" 0 "samples.csv" -- "$toy" run moons --train-steps 5 --samples 1 --out "$tmp/one" --quiet
check "--samples 1 leaves a complete config.json" 0 '"status" : "complete"' -- cat "$tmp/one/config.json"
check "sigma-min above the data's largest distance names both" 1 "does not exceed --sigma-min 100" -- "$toy" run moons --process ve --sigma-min 100 --out "$tmp/ve100"
check "a size beyond any memory names the flags" 64 "lower --width \(8192\), --depth \(256\)" -- "$toy" run moons --width 8192 --depth 256 --batch-size 65536
check "an absurd step count names the flag" 64 "--timesteps must be between 2 and 100000" -- "$toy" run moons --timesteps 1000000000000
check "pc with an extreme --snr is refused" 64 "--snr must be in \(0, 100\]" -- "$toy" run moons --sampler pc --snr 1e12
check "toy data --noise 1e300 is refused" 64 "--noise must be between 0 and 1e6" -- "$toy" data moons --noise 1e300
check "a bare negative value reads as the flag's value" 64 "--lr must be a positive number, got -1" -- "$toy" run moons --lr -1
mkdir -p "$tmp/edited" && cp "$tmp/ok/"*.json "$tmp/ok/"*.safetensors "$tmp/ok/data.csv" "$tmp/edited/" && sed -i 's/"threads" : 2/"threads" : 100000/' "$tmp/edited/config.json"
check "a config.json edited past the limits is refused like the flag" 1 "holds a configuration toy refuses: --threads must be between 1 and 64" -- "$toy" sample "$tmp/edited" --samples 20 --out "$tmp/edited-samples"
check "toy sample writes samples.npy and the samples figure's script" 0 "samples.gp" -- ls "$tmp/cond-guided"
check "toy plot redraws a toy sample folder" 0 "wrote samples.png" -- "$toy" plot "$tmp/cond-guided"
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
