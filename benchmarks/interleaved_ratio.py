"""Training images/s of digitrec's path against the study-style pipeline, with the two interleaved (by default augmented LeNet-5, the issue's target).

    python benchmarks/interleaved_ratio.py [--models lenet5] [--aug on] [--turns 40] [--study-batches 10]
                                           [--digitrec-batches 50] [--blocks 8] [--json FILE]

`train_speed.py` times each side for a few seconds in turn, so this machine's drift (both sides move by 20-60 %
within minutes) lands on one side of a round and not the other, and its rounds' ratios spread over 8-16x. Here the
two take short turns in one process: digitrec's training (a `Learner` from `train_speed.py`'s `learner`, with the
speed settings `train` adds, in the main thread) runs `--digitrec-batches` batches, then a callback trains the
study-style side for `--study-batches` (the study's model and optimizer on its per-sample PIL pipeline in a
`DataLoader` with 0 workers, in a plain loop as the study's code does), then digitrec's again, and so on, `--turns`
times each, after 5 warm-up batches each, so that both sample the same minutes. Each turn is timed from its first
batch's loading to its last step. For each model and augmentation setting asked for, it prints the pooled images/s
of each side and their ratio, and the range of the ratio over `--blocks` consecutive blocks of turns (each a
shorter interleaved measurement), and writes JSON. Not threads: a `Learner` trained in a second thread ran
0.83-0.93x as fast as in the main thread here. Not a 2-worker `DataLoader`: its workers would keep preparing
batches while digitrec's side trains. CPU only. Freed memory is kept for reuse (`keep_freed_memory`), as `train` does
on a CPU since session 31; it is process-wide, so the study-style side has it too (`--default-malloc`: glibc's defaults
for both, as before).
"""
import argparse, json, sys, time
from pathlib import Path
import torch
import torch.nn.functional as F
from digitrec.data import mnist_tensors
from digitrec.learner import Callback, CancelFitException, keep_freed_memory
sys.path.insert(0, str(Path(__file__).parent))
from train_speed import learner, machine_line

class StudyTurns:
    "The study-style side: its model and optimizer trained on its `DataLoader` the way the study's code does it, `n` batches per call."
    def __init__(self, name, aug, t):
        learn = learner(name, aug, 'study', t, 'cpu')   # 0 workers, as the study
        self.dl, self.model, self.bs = learn.dls.train, learn.model, learn.bs
        self.opt, self.it = learn.opt_func(self.model.parameters(), learn.lr), iter(())
    def __call__(self, n):
        "Train `n` batches, loading included; return the seconds they took."
        t0 = time.perf_counter()
        for _ in range(n):
            x, y = self._next()
            loss = F.cross_entropy(self.model(x), y); loss.backward(); self.opt.step(); self.opt.zero_grad()
        return time.perf_counter() - t0
    def _next(self):
        try: return next(self.it)
        except StopIteration: self.it = iter(self.dl); return next(self.it)

class Interleave(Callback):
    "In digitrec's training: after `warm` warm-up batches, time turns of `per_turn` batches, and between two turns run a turn of `study`."
    def __init__(self, study, per_turn, study_per_turn, turns, warm=5):
        self.study, self.per_turn, self.study_per_turn, self.turns, self.warm = study, per_turn, study_per_turn, turns, warm
        self.seconds, self.study_seconds, self.n = [], [], 0
    def after_batch(self, learn):
        self.n += 1
        if self.n == self.warm: self.study(self.warm); self._study_turn()
        elif self.n > self.warm and (self.n - self.warm) % self.per_turn == 0:
            self.seconds.append(time.perf_counter() - self.t0)
            if len(self.seconds) == self.turns: raise CancelFitException()
            self._study_turn()
    def _study_turn(self):
        self.study_seconds.append(self.study(self.study_per_turn)); self.t0 = time.perf_counter()   # digitrec's clock starts after it

def run(name, aug, t, turns, study_batches, digitrec_batches):
    "Interleave the study-style and digitrec trainings of `name`: each side's per-turn seconds, batch size and batches per turn."
    study = StudyTurns(name, aug, t)
    cb = Interleave(study, digitrec_batches, study_batches, turns)
    learn = learner(name, aug, 'tensor', t, 'cpu', [cb])
    learn.fit(10**6, valid=False)   # until `cb` has timed its turns
    return dict(study=dict(seconds=cb.study_seconds, bs=study.bs, batches_per_turn=study_batches),
                digitrec=dict(seconds=cb.seconds, bs=learn.bs, batches_per_turn=digitrec_batches))

def rate(side, sl=slice(None)): return side['bs'] * side['batches_per_turn'] * len(side['seconds'][sl]) / sum(side['seconds'][sl])

def row(name, aug, t, a):
    "Interleave `name`'s two trainings as `a` says; print and return a row of results."
    t0 = time.perf_counter()
    res = run(name, aug, t, a.turns, a.study_batches, a.digitrec_batches)
    s, d = res['study'], res['digitrec']
    k = a.turns // a.blocks
    blocks = [rate(d, slice(i, i + k)) / rate(s, slice(i, i + k)) for i in range(0, a.turns, k)]
    print(f"{name:8} {'on' if aug else 'off':4} {rate(s):16,.0f} {rate(d):9,.0f} {rate(d) / rate(s):6.2f}x   "
          f"{min(blocks):.2f}-{max(blocks):.2f}x, {sum(r >= 10 for r in blocks)} of {a.blocks} at 10x or more; {time.perf_counter() - t0:.0f} s", flush=True)
    return dict(model=name, aug=aug, study_images_per_s=rate(s), digitrec_images_per_s=rate(d), ratio=rate(d) / rate(s),
                block_ratios=blocks, study_turn_seconds=s['seconds'], digitrec_turn_seconds=d['seconds'])

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--models', nargs='+', default=['lenet5'], choices=['mlp', 'cnn', 'lenet5'])
    p.add_argument('--aug', nargs='+', default=['on'], choices=['on', 'off'], help='with and/or without augmentation')
    p.add_argument('--turns', type=int, default=40, help="turns of each side")
    p.add_argument('--study-batches', type=int, default=10, help='study-style batches per turn')
    p.add_argument('--digitrec-batches', type=int, default=50, help="digitrec batches per turn (it is faster, so more)")
    p.add_argument('--blocks', type=int, default=8, help='consecutive blocks of turns to report a ratio for')
    p.add_argument('--default-malloc', action='store_true', help="leave glibc's defaults (no `keep_freed_memory`), as before session 31")
    p.add_argument('--json')
    a = p.parse_args()
    if a.turns % a.blocks: p.error(f"--turns ({a.turns}) must be a multiple of --blocks ({a.blocks})")
    kept = not a.default_malloc and keep_freed_memory()   # as `train` does on a CPU (session 31); process-wide, so both sides have it
    t = mnist_tensors()
    machine = f"{machine_line('cpu')}, freed memory {'kept' if kept else 'returned (glibc defaults)'}"
    print(f"training throughput on {machine}, interleaved: {a.turns} turns of {a.study_batches} study-style (0 workers) "
          f"and {a.digitrec_batches} digitrec batches\n")
    print(f"{'model':8} {'aug':4} {'study 0 workers':>16} {'digitrec':>9} {'ratio':>7}   "
          f"(pooled img/s; ratio range over {a.blocks} blocks of {a.turns // a.blocks} turns)")
    rows = [row(name, aug == 'on', t, a) for name in a.models for aug in a.aug]
    if a.json:
        Path(a.json).write_text(json.dumps(dict(machine=machine, study_batches_per_turn=a.study_batches,
                                                digitrec_batches_per_turn=a.digitrec_batches, rows=rows), indent=1))

if __name__ == '__main__': main()
