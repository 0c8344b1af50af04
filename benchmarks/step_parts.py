"""Where a LeNet-5 training step's time goes, per layer, timed with hooks instead of `torch.profiler`.

    python benchmarks/step_parts.py [--bs 256] [--steps 60] [--bf16 | --no-bf16]

On this project's 2-core VM the profiler with `record_shapes=True` made a float32 step 45 ms instead of 27 and moved time
between operators (session 34; `profile_step.py` runs without it); this times the real step with wall clocks instead: forward hooks around each layer, and gradient hooks on each
layer's output, whose arrival times split the backward pass (the gap before the gradient of layer i's output arrives is
layer i+1's backward; what follows the last hook is the first layer's). The step is the speed recipe's (`SPEED_RECIPE`'s
optimizer at its peak rate, channels_last, freed memory kept), on random images, with bf16 autocast where `train` would use
it on this CPU (`autocast_models`); `--bf16` / `--no-bf16` override that.
"""
import argparse, collections, sys, time
from pathlib import Path
import torch, torch.nn.functional as F
from digitrec.learner import get_config, keep_freed_memory
from digitrec.lenet5 import lenet5
from digitrec.evaluate import autocast_models
sys.path.insert(0, str(Path(__file__).parent))
from train_speed import SPEED_RECIPE

def timed_model(acc):
    "LeNet-5 in channels_last with hooks adding each layer's forward and backward seconds to `acc`."
    m, start, grads = lenet5().to(memory_format=torch.channels_last), {}, []
    def name(i): return f"{i:2} {type(m[i]).__name__}"
    def post(mod, inp, out, i):
        acc[name(i), 'forward'] += time.perf_counter() - start[i]
        if out.requires_grad: out.register_hook(lambda g: grads.append((i, time.perf_counter())))
    for i, mod in enumerate(m):
        mod.register_forward_pre_hook(lambda mod, inp, i=i: start.__setitem__(i, time.perf_counter()))
        mod.register_forward_hook(lambda mod, inp, out, i=i: post(mod, inp, out, i))
    def split_backward(t_begin, t_end):
        prev = t_begin
        for i, t in grads: acc[name(i + 1) if i + 1 < len(m) else 'loss', 'backward'] += t - prev; prev = t
        acc[name(0), 'backward'] += t_end - prev; grads.clear()
    return m, split_backward

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--bs', type=int, default=256); p.add_argument('--steps', type=int, default=60)
    p.add_argument('--bf16', action=argparse.BooleanOptionalAction, help="bf16 autocast (default: as `train` does on this CPU)")
    a = p.parse_args()
    if a.bf16 is None: a.bf16 = bool(autocast_models(('lenet5',), True, 'cpu'))
    keep_freed_memory(); torch.manual_seed(0)
    x = torch.rand(a.bs, 1, 28, 28).contiguous(memory_format=torch.channels_last); y = torch.randint(0, 10, (a.bs,))
    acc = collections.defaultdict(float)
    m, split_backward = timed_model(acc)
    opt = get_config('lenet5', **SPEED_RECIPE).make_opt(m.parameters())
    def step():
        t0 = time.perf_counter()
        with torch.autocast('cpu', torch.bfloat16, enabled=a.bf16): loss = F.cross_entropy(m(x), y)
        opt.zero_grad(); t1 = time.perf_counter(); loss.backward(); t2 = time.perf_counter()
        split_backward(t1, t2); opt.step(); t3 = time.perf_counter()
        acc['total', 'forward'] += t1 - t0; acc['total', 'backward'] += t2 - t1; acc['optimizer', 'step'] += t3 - t2
    for _ in range(15): step()
    acc.clear(); t = time.perf_counter()
    for _ in range(a.steps): step()
    ms = lambda s: s / a.steps * 1e3
    print(f"LeNet-5 step, batch {a.bs}, {'bf16 autocast' if a.bf16 else 'float32'}, {torch.get_num_threads()} threads: "
          f"{ms(time.perf_counter() - t):.2f} ms (mean of {a.steps})")
    for part in ('forward', 'backward', 'step'):
        rows = sorted(((k, v) for (k, w), v in acc.items() if w == part and k != 'total'), key=lambda kv: -kv[1])
        tot = acc.get(('total', part))
        print(f"\n{part}" + (f": {ms(tot):.2f} ms" if tot else ''))
        for k, v in rows: print(f"  {k:16} {ms(v):7.3f} ms")

if __name__ == '__main__': main()
