"""Test accuracy of every model configuration after 10 epochs, float32, with and without the study's augmentations (seed 42).

    python experiments/recipes.py [--json experiments/recipes.json] [--models lenet5 ...]

Each run is what `digitrec train --model M [--no-aug] --no-fast` does; the README's "reproduced" table comes from here.
With `--models`, only those are trained and the other rows of the existing `--json` file are kept.
"""
import argparse, sys, time
from pathlib import Path
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, train
sys.path.insert(0, str(Path(__file__).parent))
from jsonrows import merge_rows

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = ('lenet5', 'cnn', 'mlp', 'mlp-tuned', 'lenet5-1998')
    p.add_argument('--json'); p.add_argument('--seed', type=int, default=42)
    p.add_argument('--models', nargs='+', choices=names, default=names)
    a = p.parse_args()
    t, rows = mnist_tensors(), []
    for m in a.models:
        for aug in (True, False):
            t0 = time.perf_counter()
            learn = train(get_config(m), t, aug=aug, seed=a.seed, fast=False, progress=False)
            rows.append(dict(model=m, aug=aug, seed=a.seed, test_acc=learn.test_acc, seconds=time.perf_counter() - t0))
            print(f"{m:12} aug {'on ' if aug else 'off'} test accuracy {learn.test_acc:.2%} ({rows[-1]['seconds']:.0f} s)", flush=True)
    if a.json: merge_rows(a.json, rows, key=lambda r: (r['model'], r['seed']), sort=lambda r: (names.index(r['model']), not r['aug']))

if __name__ == '__main__': main()
