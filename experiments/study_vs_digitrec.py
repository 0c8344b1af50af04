"""Test accuracy after 10 epochs, digitrec's default path against the study-style pipeline, for more seeds.

    python experiments/study_vs_digitrec.py --seeds 43 [--models lenet5 cnn] [--json experiments/study_vs_digitrec.json] [--reuse-study]

Each pair is the same model configuration, trained once with digitrec's defaults (in-memory, batched augmentation,
FastCB) and once the study's way (`loader='study'`: torchvision MNIST + the study's per-sample PIL transforms,
0 workers, float32). `benchmarks/compare_time.py` gives seed 42 for all three models. `--reuse-study` takes the
study-style accuracy for a model and seed from the existing `--json` file (seed 42: from `benchmarks/compare_time.json`)
instead of training it again: that side uses only torchvision's transforms, so changes to digitrec's augmentation code
do not change it, and it takes 5-10 min a model. Rows of the existing `--json` file for other models or seeds are kept.
"""
import argparse, json, sys
from pathlib import Path
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, train
import digitrec.mlp, digitrec.cnn, digitrec.lenet5
sys.path.insert(0, str(Path(__file__).parent))
from jsonrows import merge_rows

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--seeds', type=int, nargs='+', default=[43]); p.add_argument('--models', nargs='+', default=['lenet5', 'cnn'])
    p.add_argument('--json'); p.add_argument('--reuse-study', action='store_true')
    a = p.parse_args()
    old = {}
    if a.reuse_study:
        bench = json.loads((Path(__file__).parent.parent/'benchmarks'/'compare_time.json').read_text())['study_style']
        old = {(r["model"], r["seed"]): r["study_style"] for r in json.loads(Path(a.json).read_text())} | {(m, 42): v["test_acc"] for m, v in bench.items()}
    t, rows = mnist_tensors(), []
    for seed in a.seeds:
        for m in a.models:
            ours = train(get_config(m), t, seed=seed, progress=False).test_acc
            study = old.get((m, seed)) or train(get_config(m), t, seed=seed, loader='study', fast=False, progress=False).test_acc
            rows.append(dict(model=m, seed=seed, digitrec=ours, study_style=study))
            print(f"{m:8} seed {seed}: digitrec {ours:.2%}, study-style {study:.2%}", flush=True)
    if a.json: merge_rows(a.json, rows, key=lambda r: (r['model'], r['seed']), sort=lambda r: (r['seed'], ['lenet5', 'cnn', 'mlp'].index(r['model'])))

if __name__ == '__main__': main()
