"""Is the aspect + thickness augmentation's gain on scikit-learn's digits more than one seed's luck? (issue: unseen data)

    python experiments/shape_aug_seeds.py [--seeds 43 44 45] [--json experiments/shape_aug_seeds.json]

`shape_aug_sklearn.py` trains each variant once (seed 42). This trains the CNN with the study's augmentations, with and
without `ShapeAug(thick=True)` (aspect [0.7, 1.3] × [0.9, 1.1] and random stroke thickness), for other seeds, and reports
MNIST test accuracy and plain accuracy on scikit-learn's digits (all, dev half, held-out half).
"""
import argparse, json, sys
from pathlib import Path
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, train
from digitrec.inference import sklearn_digits, accuracy_on
import digitrec.cnn
sys.path.insert(0, str(Path(__file__).parent))
from shape_aug_sklearn import ShapeAug

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--seeds', type=int, nargs='+', default=[43, 44, 45]); p.add_argument('--json'); a = p.parse_args()
    t, (xs, ys) = mnist_tensors(), sklearn_digits(); h = len(ys) // 2
    rows = []
    for seed in a.seeds:
        for name, cbs in (('study augmentations', []), ('+ aspect + thickness', [ShapeAug(thick=True)])):
            m = train(get_config('cnn'), t, seed=seed, progress=False, extra_cbs=cbs)
            rows.append(dict(seed=seed, training=name, mnist_test=m.test_acc, sklearn_all=accuracy_on(m.model, xs, ys),
                             sklearn_dev=accuracy_on(m.model, xs[:h], ys[:h]), sklearn_held_out=accuracy_on(m.model, xs[h:], ys[h:])))
            r = rows[-1]
            print(f"seed {seed} CNN {name:22}: MNIST {r['mnist_test']:.2%}  sklearn all {r['sklearn_all']:.2%} "
                  f"dev {r['sklearn_dev']:.2%} held out {r['sklearn_held_out']:.2%}", flush=True)
    if a.json: Path(a.json).write_text(json.dumps(rows, indent=1))

if __name__ == '__main__': main()
