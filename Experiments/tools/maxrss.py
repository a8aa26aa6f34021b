#!/usr/bin/env python3
"""Runs a benchmark command and prints its JSON result line with the process's peak resident
memory added as "max_rss_mb" (getrusage of the child, so toy and PyTorch are measured alike).
Usage: maxrss.py COMMAND [ARGS...]"""
import json, resource, subprocess, sys

done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, text=True)
if done.returncode != 0:
    sys.stdout.write(done.stdout)
    sys.exit(done.returncode)
lines = [l for l in done.stdout.splitlines() if l.strip()]
result = json.loads(lines[-1])
result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(result), flush=True)
