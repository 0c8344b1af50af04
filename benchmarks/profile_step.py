"""Where a LeNet-5 training step's time goes (torch.profiler), on any device, with and without `FastCB`.

    python benchmarks/profile_step.py [--device cuda] [--bs 512] [--steps 30]

Trains as `time_to_99.py`'s `adam512` recipe does; profiles `--steps` training steps after 20 warm-up steps and prints
the operators with the most CPU time, the CPU time per step and the number of GPU kernels per step.
"""
import argparse, sys
from pathlib import Path
import torch
from torch.profiler import profile, ProfilerActivity
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, train, Callback, CancelFitException, def_device
sys.path.insert(0, str(Path(__file__).parent))
from time_to_99 import RECIPES

class Profile(Callback):
    def __init__(self, steps, warm=20): self.steps, self.warm = steps, warm
    def before_batch(self, learn):
        if learn.training and learn.iter == self.warm:
            acts = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if learn.dls.train.x.is_cuda else [])
            self.prof = profile(activities=acts); self.prof.__enter__()
    def after_batch(self, learn):
        if learn.training and learn.iter == self.warm + self.steps - 1:
            if learn.dls.train.x.is_cuda: torch.cuda.synchronize()
            self.prof.__exit__(None, None, None); raise CancelFitException()

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--device', default=str(def_device())); p.add_argument('--bs', type=int, default=512)
    p.add_argument('--steps', type=int, default=30); a = p.parse_args()
    t = mnist_tensors()
    for fast in (True, False):
        cb = Profile(a.steps)
        cfg = get_config('lenet5', **{**RECIPES['adam512'], 'bs': a.bs, 'epochs': 1})
        train(cfg, t, aug=False, progress=False, device=a.device, fast=fast, extra_cbs=[cb])
        ev = cb.prof.key_averages()
        cpu_us = sum(e.self_cpu_time_total for e in ev) / a.steps
        kernels = sum(e.count for e in cb.prof.events() if getattr(e, 'device_type', None) == torch.autograd.DeviceType.CUDA) / a.steps
        print(f"\n== FastCB {'on' if fast else 'off'}: {cpu_us / 1e3:.2f} ms of CPU time per step, {kernels:.0f} GPU kernels per step")
        print(ev.table(sort_by='self_cpu_time_total', row_limit=18, max_name_column_width=40))

if __name__ == '__main__': main()
