"""LeNet-5 training step: plain `nn.Conv2d` layers against `FastConv2d`, in one process, and the two effects behind it.

    python benchmarks/lenet5_step.py [--rounds 12] [--steps 25]

(1) One SGD step (batch 100, channels_last, bf16 autocast as `FastCB` does on a CPU with bf16) of the study's LeNet-5
    built with plain layers and with `FastConv2d`; rounds of `--steps` steps alternate between the two, and the medians
    are compared, because this machine's speed drifts by 10-20 % over minutes.
(2) Max-pool forward+backward on 6 and on 8 channels of 28×28 (channels_last, bf16 and float32).
(3) C5 (16→120, 5×5 kernel over a 5×5 input) as a convolution and as a matrix product, forward+backward.
"""
import argparse, statistics, time
import torch, torch.nn as nn, torch.nn.functional as F
from digitrec.learner import bf16_supported
from digitrec.lenet5 import lenet5, FastConv2d

def plain_lenet5():
    "The study's LeNet-5 with each `FastConv2d` replaced by the plain `nn.Conv2d` of the same shape (`lenet5()` before it)."
    m = lenet5()
    for i, l in enumerate(m):
        if isinstance(l, FastConv2d): m[i] = nn.Conv2d(l.in_channels, l.out_channels, l.kernel_size, padding=l.padding)
    return m

def make_step(model, x, y, bf16):
    model = model.to(memory_format=torch.channels_last)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, fused=True)
    def step():
        with torch.autocast('cpu', torch.bfloat16, enabled=bf16): loss = F.cross_entropy(model(x), y)
        loss.backward(); opt.step(); opt.zero_grad()
    return step

def timed(f, n):
    t0 = time.perf_counter()
    for _ in range(n): f()
    return (time.perf_counter() - t0) / n * 1e3

def interleaved(fns:dict, rounds, n):
    "Median ms per call of each function, over `rounds` alternating rounds of `n` calls."
    for f in fns.values(): timed(f, 10)
    ms = {k: [] for k in fns}
    for _ in range(rounds):
        for k, f in fns.items(): ms[k].append(timed(f, n))
    return {k: statistics.median(v) for k, v in ms.items()}

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--rounds', type=int, default=12); p.add_argument('--steps', type=int, default=25)
    a = p.parse_args()
    torch.manual_seed(0)
    bf16 = bf16_supported(torch.device('cpu'))   # what FastCB decides
    x = torch.randn(100, 1, 28, 28).contiguous(memory_format=torch.channels_last); y = torch.randint(0, 10, (100,))
    print(f"{torch.get_num_threads()} threads, bf16 autocast {'on' if bf16 else 'off (no bf16 on this CPU)'}\n")
    r = interleaved({'plain': make_step(plain_lenet5(), x, y, bf16), 'FastConv2d': make_step(lenet5(), x, y, bf16)}, a.rounds, a.steps)
    print(f"(1) LeNet-5 training step: plain {r['plain']:.2f} ms, FastConv2d {r['FastConv2d']:.2f} ms, "
          f"{r['plain'] / r['FastConv2d']:.2f}x")
    for dt in (torch.bfloat16, torch.float32):
        t = {c: torch.randn(100, c, 28, 28, dtype=dt).contiguous(memory_format=torch.channels_last).requires_grad_() for c in (6, 8)}
        g = {c: torch.ones(100, c, 14, 14, dtype=dt) for c in (6, 8)}
        r = interleaved({c: (lambda c=c: F.max_pool2d(t[c], 2).backward(g[c])) for c in (6, 8)}, a.rounds, 4 * a.steps)
        print(f"(2) max-pool forward+backward, {dt}: 6 channels {r[6]:.3f} ms, 8 channels {r[8]:.3f} ms, {r[6] / r[8]:.2f}x")
    h = torch.randn(100, 16, 5, 5).contiguous(memory_format=torch.channels_last).requires_grad_()
    w = torch.randn(120, 16, 5, 5).contiguous(memory_format=torch.channels_last).requires_grad_(); b = torch.zeros(120, requires_grad=True)
    r = interleaved({'conv': lambda: F.conv2d(h, w, b).sum().backward(),
                     'matmul': lambda: F.linear(h.flatten(1), w.flatten(1), b).sum().backward()}, a.rounds, 4 * a.steps)
    print(f"(3) C5 forward+backward: convolution {r['conv']:.3f} ms, matrix product {r['matmul']:.3f} ms, {r['conv'] / r['matmul']:.2f}x")

if __name__ == '__main__': main()
