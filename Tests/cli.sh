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
check "resume of another dataset is refused" 1 "run of moons" -- "$toy" run swissroll --resume "$tmp/ok"
printf 'x,y\n1,2\nfoo,3\n' > "$tmp/bad.csv"
printf 'x,y\n1,2\n\n3,4\n' > "$tmp/gap.csv"
printf 'x,y\n1,nan\n' > "$tmp/nan.csv"
printf 'x\n1\n2\n' > "$tmp/one.csv"
check "eval of a missing file names it" 1 "no such file.*missing.csv" -- "$toy" eval moons "$tmp/missing.csv"
check "eval names the file and line of a non-numeric row" 1 "bad.csv:3" -- "$toy" eval moons "$tmp/bad.csv"
check "eval names an empty row" 1 "gap.csv:3: empty line" -- "$toy" eval moons "$tmp/gap.csv"
check "eval names a NaN row" 1 "nan.csv:2: non-finite" -- "$toy" eval moons "$tmp/nan.csv"
check "eval wants two columns" 1 "one.csv:2: expected two columns" -- "$toy" eval moons "$tmp/one.csv"
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
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
