"""Training time for LeNet-5 to first reach 99.0 % test accuracy, per recipe and seed, on any device (issue: ≤ 1 s on an H100).

    python benchmarks/time_to_99.py [--device cuda] [--runs speed adam512 ...] [--seeds 42 43 44 45 46] [--json FILE]

Each run is `digitrec train`'s path, unchanged (`train`: in-memory uint8 tensors moved to the device once, no
augmentation), with `train_speed.Until` recording the training seconds (evaluation passes not counted) when validation
and test accuracy first reach 99.0 %; the run stops there. Before the timed runs, every recipe trains once on 2,000
images, so that device start-up and cuDNN's first calls for each batch shape are not counted.

Recipes (LeNet-5 as the study builds it; one-cycle schedule; no augmentation):
- `speed`: the CPU benchmark's speed recipe until session 9 (SGD lr 0.05, weight decay 5e-4, batch 100, 4 epochs;
  `experiments/lenet5_fast.py`).
- `adam512`, `adam512-5ep`, `adam256`: fewer, larger steps for a GPU, whose step time hardly grows with the batch. Picked on
  this project's CPU with seeds 42 and 43 (accuracy after each epoch, validation and test) among Adam and SGD at batch 256-1024
  (SGD at batch 256-512 learned too slowly at first, or diverged at lr 0.2).
- `adam512-6ep`, `adam512-8ep`: `adam512` for longer, after `CudaGraphCB` made a batch-512 epoch on an H100 about 0.1 s (session 12).
- `adam512-6ep-lr15`: `adam512-6ep` with a peak learning rate of 0.015, after one seed of `adam512-6ep` (47) broke down at the
  peak rate on the H100 with graphs (validation accuracy 94 % after epoch 1, 14 % after epoch 2; session 13).
- `adam256-5ep`: `adam256` for 5 epochs, after `adam256` reached 99.0 % in 17 of 20 seeds on the CPU; the CPU benchmark's
  speed recipe since session 9 (`train_speed.SPEED_RECIPE`).
- `adam256-3ep`: `adam256` in 3 epochs, after the 5-epoch recipe took 18.8 s to reach 99.0 % on the AVX2 AMD EPYC, where
  LeNet-5 trains in float32 (session 33): does one epoch fewer than `adam256` still get there?
A run id with `-fp32` turns `FastCB` off (no bf16 autocast, no channels_last), with `-nobf16` only its bf16 autocast; with
`-sync` it also reads the loss and the number correct off the device after every batch, as `MetricsCB` did before session 9
(what that wait costs); `-nograph` turns `CudaGraphCB` off (session 12); `-fwbw` records only the model's forward and backward
pass (`train(cuda_graphs='model')`, the default until session 26). Without either, `CudaGraphCB` records the whole training step
(forward, loss, backward, Adam's step), the default since session 26; `-step` names that explicitly (session 25's runs, when it was
opt-in; in its files `benchmarks/gpu/time_to_99_h100_s25*.json` the runs without a flag recorded the whole step too). `-det`
trains with torch's deterministic kernels (`train(deterministic=True)`, session 27: what `--deterministic` costs on a GPU); they
stay on for the rest of the process, so a run with it goes alone in its own invocation.
"""
import argparse, json, sys, time
from pathlib import Path
import torch
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, train, Callback, def_device
sys.path.insert(0, str(Path(__file__).parent))
from train_speed import Until, SPEED_RECIPE, machine_line

ADAM = dict(opt='adam', sched='onecycle', weight_decay=1e-4)
RECIPES = {'speed': dict(epochs=4, sched='onecycle', lr=0.05, weight_decay=5e-4),
           'adam512': dict(ADAM, bs=512, lr=2e-2, epochs=4),
           'adam512-5ep': dict(ADAM, bs=512, lr=2e-2, epochs=5),
           'adam512-6ep': dict(ADAM, bs=512, lr=2e-2, epochs=6),
           'adam512-8ep': dict(ADAM, bs=512, lr=2e-2, epochs=8),
           'adam512-6ep-lr15': dict(ADAM, bs=512, lr=1.5e-2, epochs=6),
           'adam256': dict(ADAM, bs=256, lr=1e-2, epochs=4),
           'adam256-5ep': SPEED_RECIPE,   # = dict(ADAM, bs=256, lr=1e-2, epochs=5)
           'adam256-3ep': dict(ADAM, bs=256, lr=1e-2, epochs=3)}

class SyncEveryBatch(Callback):
    "Read the batch's loss and number correct off the device, as `MetricsCB` did before it kept its sums on the device."
    def after_batch(self, learn): learn.loss.item(); (learn.preds.argmax(1) == learn.batch[1]).sum().item()

FLAGS = ('fp32', 'nobf16', 'sync', 'nograph', 'fwbw', 'step', 'det')

def parse(run:str):
    "'adam512-fp32-sync' → ('adam512', {'fp32', 'sync'})."
    parts = run.split('-')
    name = '-'.join(p for p in parts if p not in FLAGS)
    if name not in RECIPES: raise SystemExit(f"unknown recipe {name!r} in run {run!r}; choose from {', '.join(RECIPES)}")
    return name, set(parts) & set(FLAGS)

def one_run(run, seed, t, device, n_train=None):
    name, flags = parse(run)
    sync, fast = 'sync' in flags, 'fp32' not in flags
    cfg = get_config('lenet5', **RECIPES[name], **({'bf16': False} if 'nobf16' in flags else {}))
    until = Until(0.99, t)
    graphs = False if 'nograph' in flags else 'model' if 'fwbw' in flags else True
    learn = train(cfg, t, aug=False, seed=seed, progress=False, device=device, fast=fast, cuda_graphs=graphs, n_train=n_train,
                  deterministic='det' in flags, extra_cbs=[until, *([SyncEveryBatch()] if sync else [])])
    return until, learn

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--device', default=str(def_device()))
    p.add_argument('--runs', nargs='+', default=['adam512', 'adam512-5ep', 'adam256', 'speed', 'adam512-fp32', 'adam512-sync'])
    p.add_argument('--seeds', type=int, nargs='+', default=[42, 43, 44, 45, 46])
    p.add_argument('--json')
    a = p.parse_args()
    for r in a.runs: parse(r)
    if len(a.runs) > 1 and any('det' in parse(r)[1] for r in a.runs): raise SystemExit("a -det run goes alone: its switches stay on")
    t = mnist_tensors()
    machine = machine_line(a.device)
    print(f"LeNet-5, training seconds to 99.0 % on {machine}\n", flush=True)
    t0 = time.perf_counter()
    for r in dict.fromkeys(a.runs): one_run(r, 0, t, a.device, n_train=2000)   # warm-up, not recorded
    print(f"warm-up: {time.perf_counter() - t0:.1f} s\n", flush=True)
    rows = []
    for r in a.runs:
        for seed in a.seeds:
            until, learn = one_run(r, seed, t, a.device)
            v, te = until.reached.get('valid'), until.reached.get('test')
            rows.append(dict(run=r, seed=seed, valid=v, test=te, final_test_acc=learn.test_acc,
                             epoch_seconds=[h['seconds'] for h in learn.history], valid_acc=[h['valid_acc'] for h in learn.history]))
            fmt = lambda x: f"epoch {x[0]}, {x[1]:5.2f} s" if x else "not reached"
            print(f"{r:16} seed {seed}: test {fmt(te):18} valid {fmt(v):18} (test at the end {learn.test_acc:.2%}; "
                  f"s/epoch {', '.join(f'{s:.2f}' for s in rows[-1]['epoch_seconds'])})", flush=True)
            if a.json: Path(a.json).write_text(json.dumps(dict(machine=machine, rows=rows), indent=1))
        mine = [x for x in rows if x['run'] == r]
        hit = [x['test'][1] for x in mine if x['test']]
        print(f"{r}: {len(hit)} of {len(mine)} reach 99.0 % test accuracy" +
              (f", in {min(hit):.2f}-{max(hit):.2f} s (median {sorted(hit)[len(hit) // 2]:.2f} s)" if hit else '') + '\n', flush=True)

if __name__ == '__main__': main()
