#!/usr/bin/env python3
"""Peer of tests/bench/onnx-record.mjs: a ResNet-18-shaped model (torchvision's layout, BasicBlock x [2, 2, 2, 2],
widths 64-512, BatchNorm, 10 classes; written out here since torchvision is not a dependency), exported with
torch.onnx.export to OUT/resnet18.onnx with 1,000 seeded images 3x64x64 in OUT/x.npy; then PyTorch's forward
pass with forward hooks copying the 8 block outputs to NumPy, on THREADS threads, batches of BATCH.

Usage: peer_torch_onnx_resnet.py OUT THREADS BATCH [REPEATS]
Prints one JSON object: seconds (median of REPEATS timed passes after a warm-up, default 1), the ONNX tensor of each hooked
block, and a checksum per block so the caller can compare values.
"""
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

OUT, THREADS, BATCH = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
REPEATS = int(sys.argv[4]) if len(sys.argv) > 4 else 1
torch.set_num_threads(THREADS)
torch.manual_seed(0)


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.relu = nn.ReLU()
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        skip = x if self.downsample is None else self.downsample(x)
        return self.relu(out + skip)


class ResNet18(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU()
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        widths = [64, 128, 256, 512]
        cin = 64
        for i, w in enumerate(widths):
            setattr(self, f'layer{i + 1}', nn.Sequential(BasicBlock(cin, w, 1 if i == 0 else 2), BasicBlock(w, w, 1)))
            cin = w
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(512, classes)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


model = ResNet18().eval()
x = torch.from_numpy(np.random.default_rng(0).standard_normal((1000, 3, 64, 64), dtype=np.float32))
os.makedirs(OUT, exist_ok=True)
onnx_path = os.path.join(OUT, 'resnet18.onnx')
if not os.path.exists(onnx_path):
    torch.onnx.export(model, x[:2], onnx_path, input_names=['input'], output_names=['logits'],
                      dynamic_axes={'input': {0: 'batch'}, 'logits': {0: 'batch'}}, opset_version=13)
    np.save(os.path.join(OUT, 'x.npy'), x.numpy())

import onnx  # noqa: E402

graph = onnx.load(onnx_path, load_external_data=False).graph
blocks = [f'layer{i}.{j}' for i in range(1, 5) for j in range(2)]


def onnx_tensor(path):
    """The last node torch exported inside module `path` (scopes /layer1/layer1.0/...): the block's output."""
    prefix = '/' + '/'.join('.'.join(path.split('.')[: k + 1]) for k in range(len(path.split('.')))) + '/'
    nodes = [n for n in graph.node if n.name.startswith(prefix)]
    return nodes[-1].output[0]


names = {b: onnx_tensor(b) for b in blocks}
store = {}


def run():
    bufs = {b: None for b in blocks}
    handles = []
    for b in blocks:
        def hook(_m, _i, out, b=b):
            a = out.detach().numpy()
            if bufs[b] is None:
                bufs[b] = np.empty((x.shape[0],) + a.shape[1:], dtype=np.float32)
            bufs[b][store['at']:store['at'] + a.shape[0]] = a
        handles.append(model.get_submodule(b).register_forward_hook(hook))
    with torch.no_grad():
        for s in range(0, x.shape[0], BATCH):
            store['at'] = s
            model(x[s:s + BATCH])
    for h in handles:
        h.remove()
    return bufs


run()
times = []
for _ in range(REPEATS):
    t0 = time.perf_counter()
    bufs = run()
    times.append(time.perf_counter() - t0)
print(json.dumps({'seconds': sorted(times)[len(times) // 2], 'times': times, 'threads': THREADS, 'batch': BATCH, 'tensors': names,
                  'checksums': {names[b]: float(np.abs(bufs[b]).sum(dtype=np.float64)) for b in blocks},
                  'shapes': {names[b]: list(bufs[b].shape[1:]) for b in blocks}}))
