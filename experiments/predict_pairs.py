"""Two or three digits given to `predict_image` as one: how many get a label, with `side_by_side` counting column groups only (session 20) and also separate pieces of ink (`pieces`, session 21).

Pairs (and rows of three) of MNIST test digits written by `fake_strip` (a JPEG of dark ink on noisy paper), 100 per case,
predicted with the shipped CNN and its rejection threshold; counted: a label given (always a wrong answer: the image holds
two digits), and 'several digits' reported. `fake_strip`'s gap is the pixels between the digits' ink boxes plus 0-9 at
random: 8 leaves blank columns between them, a negative gap makes their columns overlap, and the more negative, the more
often their strokes touch.
Then what must not change: how many single digits are reported as several, among MNIST's 70,000 (the arrays as they are),
scikit-learn's 1,797 (as `sklearn_digits` decodes them, and upsampled directly), `fake_photo`s of test digits (blank,
lined, boxed, boxed 2° off level) and, with `--pen` (needs scikit-image), test digits redrawn with a finer pen
(`read_marks_pen.py`'s `pen_digit`).

Usage: python experiments/predict_pairs.py [--start 0 6000] [--photos 300] [--json experiments/predict_pairs.json] [--pen]
The pieces rule was written looking at pairs from test digits 0-199 (--start 0) and MNIST's first 5,000 test digits;
--start 6000 and the other checks were read afterwards.
"""
import argparse, json, sys
from functools import partial
from pathlib import Path
import numpy as np
import digitrec.inference as inf
from sklearn.datasets import load_digits
from digitrec.inference import fake_strip, fake_photo, predict_image, to_mnist, side_by_side, load_model, optdigits_bitmap, SEVERAL
from digitrec.data import mnist_tensors

CASES = {'apart (gap 8)': (2, 8), 'close (gap 2)': (2, 2), 'columns overlap (gap -4)': (2, -4),
         'columns overlap (gap -8)': (2, -8), 'columns overlap (gap -12)': (2, -12), 'three digits (gap -8)': (3, -8)}
VARIANTS = {'column groups (before)': False, 'and pieces (now)': True}

def outcomes(images, model, thr, pieces):
    "How many of `images` get a label, and how many are reported as several digits."
    inf.side_by_side = partial(side_by_side, pieces=pieces)
    try: ps = [predict_image(im, model, thr) for im in images]
    finally: inf.side_by_side = side_by_side
    return dict(labelled=sum(p.label is not None for p in ps), several=sum(p.reason == SEVERAL for p in ps))

def several(images) -> list:
    "Indices of the single digits in `images` that `to_mnist` (pieces on) reports as several."
    return [i for i, im in enumerate(images) if to_mnist(im).reason == SEVERAL]

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--start', type=int, nargs='+', default=[0, 6000]); p.add_argument('--n', type=int, default=100)
    p.add_argument('--photos', type=int, default=300, help='fake_photos per kind (blank, lined, boxed, boxed 2° off level)')
    p.add_argument('--mnist', type=int, default=70000, help="how many of MNIST's digits to check (test, then `mnist_tensors`' training and validation splits)")
    p.add_argument('--pen', action='store_true'); p.add_argument('--json', default='experiments/predict_pairs.json')
    a = p.parse_args()
    t = mnist_tensors(); X, Y = t.x_test[:, 0].numpy(), t.y_test.numpy()
    model, thr = load_model()
    out = dict(pairs=[], single_digits_reported_as_several={})
    print(f"| test digits from | case | {' | '.join(VARIANTS)} |\n|---:|---|{'---:|' * len(VARIANTS)}")
    for start in a.start:
        for case, (k, gap) in CASES.items():
            imgs = [fake_strip(X[start + k * i:start + k * i + k], gap=gap, seed=start + i) for i in range(a.n)]
            r = {v: outcomes(imgs, model, thr, pieces) for v, pieces in VARIANTS.items()}
            out['pairs'].append(dict(start=start, case=case, digits=k, gap=gap, of=a.n, **r))
            print(f"| {start} | {case} | " + ' | '.join(f"{o['labelled']} labelled, {o['several']} several" for o in r.values()) + ' |', flush=True)
    xs = np.concatenate([X, t.x_train[:, 0].numpy(), t.x_valid[:, 0].numpy()])[:a.mnist]
    checks = {f'MNIST (first {len(xs):,}: test, training split, validation split)': lambda: xs}
    sk = load_digits().images / 16
    checks['scikit-learn, bitmap'] = lambda: [optdigits_bitmap(im) for im in sk]
    checks['scikit-learn, direct'] = lambda: sk
    for kind, kw in (('blank', {}), ('lined', dict(lined=True)), ('boxed', dict(boxed=True))):
        checks[f'fake_photo, {kind}'] = lambda kw=kw: (fake_photo(X[i], seed=i, **kw) for i in range(a.photos))
    checks['fake_photo, boxed, 2° off level'] = lambda: (fake_photo(X[i], seed=i, boxed=True, angle=2 if i % 2 else -2) for i in range(a.photos))
    if a.pen:
        sys.path.insert(0, str(Path(__file__).parent))
        from read_marks_pen import pen_digit, row_photo
        for wf in (0.12, 0.06, 0.03, 0.015):
            checks[f'pen {wf:.3f} of the height'] = lambda wf=wf: (row_photo([pen_digit(X[i], wf)], seed=i) for i in range(100))
    for name, make in checks.items():
        imgs = list(make()); hits = several(imgs)
        before = [i for i in hits if side_by_side(inf.drop_specks(to_mnist(imgs[i], keep_steps=True).steps['clean']), pieces=False) > 1]
        out['single_digits_reported_as_several'][name] = dict(of=len(imgs), now=hits, already_before=before)
        print(f"{name}: {len(hits)} of {len(imgs):,} reported as several digits ({len(before)} of them before too): {hits[:20]}", flush=True)
    with open(a.json, 'w') as f: json.dump(out, f, indent=1)
