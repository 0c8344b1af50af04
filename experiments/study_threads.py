"""The study-style LeNet-5 run against itself: the same seed, data order, images and recipe, on 1 thread instead of 2.

    python experiments/study_threads.py --seeds 42 70 71 [--threads 1] [--json experiments/study_threads.json]

Issue 6 asks that digitrec's test accuracy after 10 epochs be "no lower than the study-style run". This trains the
study-style run itself (`loader='study'`: torchvision MNIST, the study's per-sample PIL transforms, 0 workers, float32)
with `torch.set_num_threads(threads)`: nothing changes but how the kernels split their sums between threads, so the
floating-point rounding. It compares the result with the same run on 2 threads recorded in `study_vs_digitrec.json`
(made on the AMD EPYC with AVX-512 for seeds 42 and 70-81). With `--threads 2` it repeats the recorded run, the check
that the recorded number is this machine's; a seed's row keeps the other thread count's result. Each seed's row is
written as soon as it ends; two invocations with their own `--json` files can share the two cores (1 thread each).
`python experiments/seed_stats.py` adds the comparison.
"""
import argparse, json, sys, time
from pathlib import Path
import torch
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, train
sys.path.insert(0, str(Path(__file__).parent))
from jsonrows import merge_rows

HERE = Path(__file__).parent

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--seeds', type=int, nargs='+', default=[42]); p.add_argument('--threads', type=int, default=1)
    p.add_argument('--json', default=str(HERE/'study_threads.json'))
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    recorded = {r['seed']: r['study_style'] for r in json.loads((HERE/'study_vs_digitrec.json').read_text()) if r['model'] == 'lenet5'}
    if missing := sorted(set(a.seeds) - set(recorded)):
        p.error(f"no study-style run recorded for seeds {missing}: run experiments/study_vs_digitrec.py --models lenet5 for them first")
    t, key = mnist_tensors(), f'study_style_{a.threads}thread'
    old = {r['seed']: r for r in json.loads(Path(a.json).read_text())} if Path(a.json).exists() else {}
    for seed in a.seeds:
        t0 = time.perf_counter()
        acc = train(get_config('lenet5'), t, seed=seed, loader='study', fast=False, progress=False).test_acc
        secs = time.perf_counter() - t0
        row = old.get(seed, {}) | {'model': 'lenet5', 'seed': seed, key: acc, 'study_style': recorded[seed],   # keeps the other
                                   f'seconds_{a.threads}thread': secs}                                      # thread count's
        merge_rows(a.json, [row], key=lambda r: (r['model'], r['seed']), sort=lambda r: r['seed'])
        print(f"lenet5 seed {seed}: study-style on {a.threads} thread(s) {acc:.2%}, recorded on 2 threads {recorded[seed]:.2%} ({secs:.0f} s)",
              flush=True)

if __name__ == '__main__': main()
