"""Is the aspect + thickness augmentation's gain on scikit-learn's digits more than one seed's luck? (issue: unseen data)

    python experiments/shape_aug_seeds.py [--seeds 42 43 44 45] [--json experiments/shape_aug_seeds.json]
    python experiments/shape_aug_seeds.py --bitmap --json experiments/shape_aug_seeds_bitmap.json

`shape_aug_sklearn.py` trains each variant once (seed 42). This trains the CNN with the study's augmentations, with and
without `ShapeAug(thick=True)` (aspect [0.7, 1.3] × [0.9, 1.1] and random stroke thickness), for several seeds, and
reports MNIST test accuracy and accuracy on scikit-learn's digits (all, dev half, held-out half), plain and averaged over
the 9 whole-pixel shifts of up to one pixel (`sklearn_tta.py`); then the same for the ensemble of each variant's models
(class probabilities averaged over the seeds). scikit-learn's digits are scaled up as they are (`sklearn_digits(bitmap=False)`)
unless `--bitmap` decodes them with `optdigits_bitmap` first.
"""
import argparse, json, sys
from collections import defaultdict
from pathlib import Path
import torch
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, train, predict_logits
from digitrec.inference import sklearn_digits
sys.path.insert(0, str(Path(__file__).parent))
from shape_aug_sklearn import ShapeAug
from sklearn_tta import tta

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--seeds', type=int, nargs='+', default=[42, 43, 44, 45]); p.add_argument('--json')
    p.add_argument('--bitmap', action='store_true', help="decode scikit-learn's digits into bitmaps first"); a = p.parse_args()
    t, (xs, ys) = mnist_tensors(), sklearn_digits(bitmap=a.bitmap); h = len(ys) // 2
    rows, probs = [], defaultdict(list)   # training -> per seed (MNIST test, sklearn, sklearn with 9 shifts) class probabilities
    shifts = [(i, j) for i in (-1, 0, 1) for j in (-1, 0, 1)]
    acc = lambda p, y: (p.argmax(1) == y).float().mean().item()
    def report(who, seed, name, pm, pk, pt):
        rows.append(dict(seed=seed, training=name, mnist_test=acc(pm, t.y_test), sklearn_all=acc(pk, ys),
                         sklearn_dev=acc(pk[:h], ys[:h]), sklearn_held_out=acc(pk[h:], ys[h:]),
                         tta_all=acc(pt, ys), tta_dev=acc(pt[:h], ys[:h]), tta_held_out=acc(pt[h:], ys[h:])))
        r = rows[-1]
        print(f"{who} CNN {name:22}: MNIST {r['mnist_test']:.2%}  sklearn all {r['sklearn_all']:.2%} "
              f"dev {r['sklearn_dev']:.2%} held out {r['sklearn_held_out']:.2%}; 9 shifts: all {r['tta_all']:.2%} "
              f"dev {r['tta_dev']:.2%} held out {r['tta_held_out']:.2%}", flush=True)
    for seed in a.seeds:
        for name, cbs in (('study augmentations', []), ('+ aspect + thickness', [ShapeAug(thick=True)])):
            m = train(get_config('cnn'), t, seed=seed, progress=False, extra_cbs=cbs)   # computes its test logits once
            probs[name].append((m.test_logits.float().softmax(1), predict_logits(m.model, xs).float().softmax(1), tta(m.model, xs, shifts=shifts)))
            report(f'seed {seed}', seed, name, *probs[name][-1])
    for name, ps in probs.items():
        report(f'ensemble of {len(ps)}', 'ensemble', name, *(torch.stack(p).mean(0) for p in zip(*ps)))
    if a.json: Path(a.json).write_text(json.dumps(rows, indent=1))

if __name__ == '__main__': main()
