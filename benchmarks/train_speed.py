"""Training speed of the study-style pipeline vs digitrec's default path, in one run.

    python benchmarks/train_speed.py [--batches 60] [--digitrec-batches 300] [--rounds 3] [--models mlp cnn lenet5] [--aug on off]
                                     [--json benchmarks/train_speed.json] [--skip-to-99]

(a) study-style: torchvision MNIST + the study's per-sample PIL transforms (`study_transforms`: classic torchvision
    transforms, nearest interpolation) in a DataLoader, the model's batch size, float32; with 0 workers (the study's
    code) and with 2 workers (one per core);
(b) digitrec: in-memory uint8 tensors, `augment_batch`, the model's FastCB settings, CUDA graphs on a GPU (`CudaGraphCB`, since
    session 13; nothing on a CPU), the same optimizer and batch size; on a CPU, freed memory kept for reuse
    (`keep_freed_memory`, since session 31, as `train` does; it is process-wide, so (a) runs with it too).
Each is timed over a number of training steps after 5 warm-up steps (60 for (a), 300 for (b), whose steps are
faster and whose timing is noisier over 60); the ratios are (b)/(a). The three measurements are repeated, alternating,
for `--rounds` rounds, because this machine's speed drifts by 10-20 % over minutes: the table shows the median
images/s and the median of the rounds' ratios, and the JSON keeps every round. Each round measures every row in turn
(since session 36; before, a row's rounds ran one after another, and a slow minute could fill all of one row's rounds:
session 35's MLP without augmentation, 26,000 images/s in all five rounds, against 41,000-42,000 in two later runs).
Then: training time for LeNet-5 (digitrec path) to first reach 99.0 % validation and test accuracy, with the study's
recipe (10 epochs at most, augmentation on and off) and with a speed recipe (5 epochs, Adam with a one-cycle schedule
peaking at lr 0.01, weight decay 1e-4, batch 256, no augmentation; test accuracy measured after each epoch for this benchmark only), and prediction latency for
one image and for a batch of 1024.
"""
import argparse, json, os, platform, time
from statistics import median
import torch
from digitrec.data import mnist_tensors
from digitrec.transforms import normalize
from digitrec.learner import (get_config, data_loaders, Learner, DeviceCB, MetricsCB, FastCB, CudaGraphCB, Callback,
                              CancelFitException, def_device, predict_logits, train, keep_freed_memory)
from digitrec.evaluate import processor_name, autocast_models, NAMES

class StopAfter(Callback):
    "Time `n` training batches after `warm` warm-up batches, then stop."
    def __init__(self, n, warm=5): self.n, self.warm = n, warm
    def before_batch(self, learn):
        if learn.iter == self.warm: self.t0 = time.perf_counter()
    def after_batch(self, learn):
        if learn.iter == self.warm + self.n - 1:
            if learn.device.type == 'cuda': torch.cuda.synchronize()
            self.seconds = time.perf_counter() - self.t0; raise CancelFitException()

def learner(name, aug, loader, t, device, cbs=(), workers=0):
    "A `Learner` for model `name` (seed 0) on `loader`'s pipeline: digitrec's ('tensor', with the speed settings `train` adds) or the study's."
    cfg = get_config(name)
    torch.manual_seed(0)
    dls = data_loaders(cfg.bs, cfg.aug_config() if aug else None, loader, t, seed=0, workers=workers)
    fast = [FastCB(cfg.bf16, cfg.channels_last), CudaGraphCB()] if loader == 'tensor' else []   # as `train` adds them
    learn = Learner(cfg.build(), dls, lr=cfg.lr, opt_func=cfg.make_opt, cbs=[DeviceCB(device), *fast, *cbs])
    learn.device, learn.bs = torch.device(device), cfg.bs
    return learn

def machine_line(device) -> str:
    "The machine in one line, for the benchmarks' output and JSON: the CPU's name, vector instructions, cores, torch, threads, device and digitrec's arithmetic."
    am = autocast_models(('lenet5', 'cnn', 'mlp'), True, device)   # the rule `train` follows, as `compare`'s report says it
    bf16 = f"bf16 autocast for {' and '.join(NAMES[m] for m in am)}" if am else 'float32'
    isa = torch.backends.cpu.get_cpu_capability()   # 'AVX512' or 'AVX2': this project's two AMD EPYCs share a name (AVX2 in sessions 25-34, AVX-512 with bf16 in 35)
    line = (f"{processor_name('cpu')} ({platform.machine()}, {isa}, {os.cpu_count()} cores), torch {torch.__version__}, "
            f"{torch.get_num_threads()} threads, device {device}, {bf16} on digitrec's side")
    return line + (f" ({processor_name(device)})" if torch.device(device).type == 'cuda' else '')

def images_per_s(name, aug, loader, batches, t, device, workers=0):
    stop = StopAfter(batches)
    learn = learner(name, aug, loader, t, device, [stop], workers)
    learn.fit(1, valid=False)
    return batches * learn.bs / stop.seconds

class Until(Callback):
    "Record the training seconds (validation and test passes excluded) when validation and test accuracy first reach `target`."
    order = MetricsCB.order + 1
    def __init__(self, target, t): self.target, self.t, self.reached, self.train_s = target, t, {}, 0.
    def before_epoch(self, learn):
        if learn.training: self.t0 = time.perf_counter()
    def after_epoch(self, learn):
        if learn.training: self.train_s += time.perf_counter() - self.t0; return
        test = (predict_logits(learn.model, self.t.x_test).argmax(1) == self.t.y_test).float().mean().item()
        for split, acc in (('valid', learn.history[-1]['valid_acc']), ('test', test)):
            if acc >= self.target and split not in self.reached: self.reached[split] = (learn.epoch + 1, self.train_s)
        if len(self.reached) == 2: raise CancelFitException()

SPEED_RECIPE = dict(epochs=5, bs=256, opt='adam', sched='onecycle', lr=1e-2, weight_decay=1e-4)   # `time_to_99.py`'s adam256-5ep, augmentation off

def time_to(target, t, device, aug, max_epochs=10, **overrides):
    "Train LeNet-5 as `digitrec train` does (seed 42), recording when validation and test accuracy first reach `target`."
    until = Until(target, t)
    learn = train(get_config('lenet5', **{'epochs': max_epochs, **overrides}), t, aug=aug, seed=42, progress=False, device=device,
                  extra_cbs=[until])
    return until.reached, learn

def latency(model, t, device):
    model.eval(); x1, xb = normalize(t.x_test[:1]).to(device), t.x_test[:1024]
    with torch.no_grad():
        for _ in range(5): model(x1)
        n, t0 = 200, time.perf_counter()
        for _ in range(n): model(x1).argmax(1).cpu()
        one = (time.perf_counter() - t0) / n
        predict_logits(model, xb, device=device)
        t0 = time.perf_counter(); predict_logits(model, xb, bs=1024, device=device); batch = time.perf_counter() - t0
    return one, batch

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--batches', type=int, default=60, help='timed training steps per study-style measurement')
    p.add_argument('--digitrec-batches', type=int, default=300, help="timed training steps per digitrec measurement (it is faster, so more)")
    p.add_argument('--rounds', type=int, default=3, help='alternating rounds of the three measurements; the table shows medians')
    p.add_argument('--models', nargs='+', default=['mlp', 'cnn', 'lenet5'], choices=['mlp', 'cnn', 'lenet5'])
    p.add_argument('--aug', nargs='+', default=['on', 'off'], choices=['on', 'off'], help='with and/or without augmentation')
    p.add_argument('--device', default=str(def_device()))
    p.add_argument('--json')
    p.add_argument('--skip-to-99', action='store_true')
    a = p.parse_args()
    if torch.device(a.device).type == 'cpu': keep_freed_memory()   # as `train` does; process-wide, so both sides have it
    t, rows = mnist_tensors(), []
    machine = machine_line(a.device)
    print(f"training throughput on {machine}\n")
    print(f"{'model':8} {'aug':4} {'study 0 workers':>16} {'study 2 workers':>16} {'digitrec':>9} {'ratio':>7} {'vs 2 w.':>8}"
          f"   (img/s, medians of {a.rounds} rounds; ratio: median of the rounds' ratios)")
    rounds = {(name, aug): [] for name in a.models for aug in [s == 'on' for s in a.aug]}   # a table row's rounds
    for r in range(a.rounds):   # each round visits every row, so that a slow minute of this machine is spread over the rows
        for name, aug in rounds:
            rounds[name, aug].append((images_per_s(name, aug, 'study', a.batches, t, a.device),   # alternated, so that drift hits all three
                                      images_per_s(name, aug, 'study', a.batches, t, a.device, workers=2),
                                      images_per_s(name, aug, 'tensor', a.digitrec_batches, t, a.device)))
        print(f"  round {r + 1} of {a.rounds} done", flush=True)
    for (name, aug), rs in rounds.items():
        s0, s2, d = (median(col) for col in zip(*rs))
        r0, r2 = [d_ / s for s, _, d_ in rs], [d_ / s for _, s, d_ in rs]
        rows.append(dict(model=name, aug=aug, study_images_per_s=s0, study_2_workers_images_per_s=s2, digitrec_images_per_s=d,
                         ratio=median(r0), ratio_2_workers=median(r2), rounds=rs))
        print(f"{name:8} {'on' if aug else 'off':4} {s0:16,.0f} {s2:16,.0f} {d:9,.0f} {median(r0):6.1f}x {median(r2):7.1f}x"
              f"   ratios {min(r0):.1f}-{max(r0):.1f}x, {min(r2):.1f}-{max(r2):.1f}x", flush=True)
    res = dict(machine=machine, throughput=rows)
    if not a.skip_to_99:
        for aug in (False, True):
            reached, learn = time_to(0.99, t, a.device, aug)
            for split in ('valid', 'test'):
                r = reached.get(split)
                res[f'lenet5_to_99_{split}_aug_{aug}'] = r
                print(f"LeNet-5 (study recipe, augmentation {'on' if aug else 'off'}) to 99.0 % {split} accuracy: " +
                      (f"epoch {r[0]}, {r[1]:.1f} s of training" if r else "not within 10 epochs"), flush=True)
        reached, learn = time_to(0.99, t, a.device, False, **SPEED_RECIPE)
        for split in ('valid', 'test'):
            r = reached.get(split)
            res[f'lenet5_speed_recipe_to_99_{split}'] = r
            print(f"LeNet-5 (speed recipe: 5 epochs, Adam one-cycle lr 0.01, weight decay 1e-4, batch 256, no augmentation) to 99.0 % {split} accuracy: " +
                  (f"epoch {r[0]}, {r[1]:.1f} s of training" if r else "not within its 5 epochs"), flush=True)
        one, batch = latency(learn.model, t, a.device)
        res.update(latency_1_ms=one * 1e3, latency_1024_ms=batch * 1e3)
        print(f"LeNet-5 prediction latency: 1 image {one*1e3:.2f} ms, batch of 1024 {batch*1e3:.1f} ms")
    if a.json:
        with open(a.json, 'w') as f: json.dump(res, f, indent=1)

if __name__ == '__main__': main()
