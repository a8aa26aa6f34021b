#!/usr/bin/env python3
"""Loads toy's W3 U-Net (safetensors from `toy-bench w3-export`) into the PyTorch module of
shared/bench/w3_unet28_train.py and compares, on the same input and times, the output and the
loss gradient of every parameter. Prints one JSON line; exits 1 when a tolerance is missed.

usage: unet_vs_pytorch.py EXPORT.safetensors PATH/TO/w3_unet28_train.py
"""
import importlib.util
import json
import sys

import numpy as np
import torch
from safetensors.numpy import load_file

export, script = sys.argv[1], sys.argv[2]
sys.argv = [script]  # the benchmark script parses its flags when imported; take its defaults
spec = importlib.util.spec_from_file_location("w3", script)
w3 = importlib.util.module_from_spec(spec)
spec.loader.exec_module(w3)
torch.set_num_threads(2)

tensors = load_file(export)
net = w3.UNet(base=32)
state = {k: torch.from_numpy(v.copy()) for k, v in tensors.items() if "/" not in k}
missing = sorted(set(net.state_dict()) - set(state))
unexpected = sorted(set(state) - set(net.state_dict()))
net.load_state_dict(state, strict=True)
x = torch.from_numpy(tensors["input/x"].copy())
t = torch.from_numpy(tensors["input/t"].copy()).to(torch.int64)
eps = torch.from_numpy(tensors["input/eps"].copy())
y = net(x, t)
loss = torch.nn.functional.mse_loss(y, eps)
net.zero_grad()
loss.backward()

ours = tensors["output/y"]
theirs = y.detach().numpy()
output_error = float(np.abs(ours - theirs).max() / np.abs(theirs).max())
worst, worst_name = 0.0, ""
for name, p in net.named_parameters():
    g, mine = p.grad.numpy(), tensors["grad/" + name]
    scale = max(np.abs(g).max(), 1e-12)
    e = float(np.abs(mine - g).max() / scale)
    if e > worst:
        worst, worst_name = e, name
result = {"parameters": sum(p.numel() for p in net.parameters()), "missing": missing, "unexpected": unexpected,
          "output_max_relative_error": output_error, "gradient_max_relative_error": worst, "worst_gradient": worst_name,
          "torch": torch.__version__, "pass": output_error < 1e-4 and worst < 1e-3}
print(json.dumps(result))
sys.exit(0 if result["pass"] else 1)
