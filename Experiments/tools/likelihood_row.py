#!/usr/bin/env python3
"""One row of Plots/likelihood/*.jsonl: a run's name, options, training steps and time, and its `toy nll --json`.

usage: likelihood_row.py NAME OPTIONS RUN/config.json NLL_JSON
"""
import json, sys

name, extra, config, nll = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3])), json.loads(sys.argv[4])
c = config["configuration"]
steps = c["training"]["steps"] if "training" in c else c["trainSteps"]  # sections, or the flat layout of older runs
print(json.dumps({"name": name, "options": extra, "train_steps": steps,
                  "training_seconds": round(config["timings"]["trainingSeconds"], 1), **nll}))
