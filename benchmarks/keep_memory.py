"""Augmented training with and without `keep_freed_memory` (glibc's `mallopt`), in alternating pairs of fresh processes.

    python benchmarks/keep_memory.py [--model lenet5] [--pairs 8] [--steps 450] [--json FILE]

The setting is process-wide and cannot be undone, so each measurement is a process of its own: one with the setting
(as `train` runs on a CPU), one without, `--pairs` times, alternating. Each trains `--model` with the study's
augmentation on digitrec's default path (`train_speed.py`'s `learner`) for `--steps` batches after 30 warm-up
batches, and reports its images/s, its page faults and kernel (system) CPU time per step, and the median time of one
`augment_batch` call (1,024 digits) inside the loop. Prints each pair and the median ratio of their images/s, and
writes JSON. Linux with glibc only (elsewhere the setting does nothing).
"""
import argparse, json, os, platform, resource, statistics, subprocess, sys, time
from pathlib import Path

def child(model, keep, steps, warm=30):
    "One measurement in this process; print it as a JSON line."
    import torch
    import digitrec.learner as L
    from digitrec.data import mnist_tensors
    sys.path.insert(0, str(Path(__file__).parent))
    from train_speed import learner, StopAfter
    if keep: assert L.keep_freed_memory(), "keep_freed_memory did nothing here (not Linux with glibc?)"
    calls, aug = [], L.augment_batch
    def timed(*a, **k):
        t0 = time.perf_counter(); r = aug(*a, **k); calls.append(time.perf_counter() - t0); return r
    L.augment_batch = timed   # `TensorLoader` looks it up in `digitrec.learner` at each call
    class Time(StopAfter):
        "`train_speed.py`'s timer, with the process's resource usage over the same batches."
        def before_batch(self, learn):
            if learn.iter == self.warm: self.r0, self.k = resource.getrusage(resource.RUSAGE_SELF), len(calls)
            super().before_batch(learn)
        def after_batch(self, learn):
            if learn.iter == self.warm + self.n - 1: self.r1 = resource.getrusage(resource.RUSAGE_SELF)
            super().after_batch(learn)
    t, cb = mnist_tensors(), Time(steps, warm)
    learn = learner(model, True, 'tensor', t, 'cpu', [cb])
    if warm + steps > len(learn.dls.train): raise SystemExit(f"--steps must be at most {len(learn.dls.train) - warm} (one epoch)")
    learn.fit(1, valid=False)
    print(json.dumps(dict(keep=keep, images_per_s=steps * learn.bs / cb.seconds,
                          faults_per_step=(cb.r1.ru_minflt - cb.r0.ru_minflt) / steps,
                          system_ms_per_step=(cb.r1.ru_stime - cb.r0.ru_stime) / steps * 1e3,
                          augment_ms=statistics.median(calls[cb.k:]) * 1e3)))

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--model', default='lenet5', choices=['mlp', 'cnn', 'lenet5'])
    p.add_argument('--pairs', type=int, default=8); p.add_argument('--steps', type=int, default=450)
    p.add_argument('--json'); p.add_argument('--child', choices=['keep', 'base'], help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.child: return child(a.model, a.child == 'keep', a.steps)
    if platform.system() != 'Linux' or platform.libc_ver()[0] != 'glibc': p.error("needs Linux with glibc")
    print(f"augmented {a.model}, {a.steps} steps per process, {platform.machine()}, {os.cpu_count()} cores; "
          "images/s, page faults and system ms per step, ms per augment_batch call")
    runs = []
    for i in range(a.pairs):
        pair = {}
        for mode in ('keep', 'base') if i % 2 == 0 else ('base', 'keep'):   # which goes first alternates too
            out = subprocess.run([sys.executable, __file__, '--child', mode, '--model', a.model, '--steps', str(a.steps)],
                                 capture_output=True, text=True, check=True).stdout
            pair[mode] = json.loads(out.strip().splitlines()[-1])
        k, b = pair['keep'], pair['base']
        pair['ratio'] = k['images_per_s'] / b['images_per_s']; runs.append(pair)
        print(f"pair {i + 1}: kept {k['images_per_s']:6,.0f} img/s {k['faults_per_step']:5.0f} faults {k['system_ms_per_step']:4.2f} ms "
              f"{k['augment_ms']:5.1f} ms | default {b['images_per_s']:6,.0f} img/s {b['faults_per_step']:5.0f} faults "
              f"{b['system_ms_per_step']:4.2f} ms {b['augment_ms']:5.1f} ms | {pair['ratio']:.3f}x", flush=True)
    r = [x['ratio'] for x in runs]
    med = lambda mode, key: statistics.median(x[mode][key] for x in runs)
    print(f"median ratio {statistics.median(r):.3f}x (pairs {min(r):.3f}-{max(r):.3f}x, faster in {sum(x > 1 for x in r)} of {len(r)}); "
          f"medians: {med('keep', 'images_per_s'):,.0f} against {med('base', 'images_per_s'):,.0f} img/s, "
          f"augment_batch {med('keep', 'augment_ms'):.1f} against {med('base', 'augment_ms'):.1f} ms")
    if a.json: Path(a.json).write_text(json.dumps(dict(model=a.model, steps=a.steps, pairs=runs), indent=1))

if __name__ == '__main__': main()
