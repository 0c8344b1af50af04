"""One digit in a form's printed box: `predict_image` with and without the box step (`find_box`) and speck removal (`drop_specks`).

Each image is `fake_photo` of an MNIST test digit (a JPEG of dark ink on noisy paper), predicted with the shipped CNN
without rejection; counted: the label is right. Cases: blank paper (default offset, then varied offsets), lined paper,
a grey box around the digit (default offset, varied offsets, the digit touching or crossing a side, the photo turned
by 2° or 4.5° either way). Columns: before (neither step, as digitrec was before them), the box step only, speck
removal only, both (digitrec now). `side_by_side` (session 20) is left out of the first three: without speck removal it
takes what is left of a box beside the digit for a second digit.
Then how often `find_box` takes the ink of a digit on blank paper for a box: `--fp N` test digits and `--fp-train N`
training digits (`fake_photo`, the cleaned ink without `remove_rules`).

Usage: python experiments/predict_boxes.py [--start 0 5000] [--n 200] [--fp 10000] [--fp-train 10000] [--json experiments/predict_boxes.json]
The box test's settings were chosen looking at digits 0-199 (--start 0); --start 5000 was read afterwards. Its `thin` and
`empty` limits were added after the first run found a box in 2 of the 10,000 test digits (5579 and 6629, a '5' and an '8');
the training digits were read only after that.
"""
import argparse, json
import numpy as np
import digitrec.inference as inf
from digitrec.inference import (fake_photo, predict_image, load_gray, clean_ink, find_box, drop_specks, side_by_side,
                                 _level, _shear, _upright, _pieces_boxes)
from digitrec.data import mnist_tensors

TOUCH = [(30, 0), (-30, 0), (0, 30), (0, -30)]   # the digit's ink touches or crosses the box's bottom, top, right, left side
CASES = {'blank paper': lambda x, i, j: fake_photo(x, seed=i),
         'blank paper, offsets': lambda x, i, j: fake_photo(x, seed=i, offset=(j % 7 * 4 - 12, 12 - j % 5 * 6)),
         'lined paper': lambda x, i, j: fake_photo(x, seed=i, offset=(j % 7 * 4 - 12, 12 - j % 5 * 6), lined=True),
         'box': lambda x, i, j: fake_photo(x, seed=i, boxed=True),
         'box, offsets': lambda x, i, j: fake_photo(x, seed=i, offset=(j % 7 * 4 - 12, 12 - j % 5 * 6), boxed=True),
         'box, digit touching a side': lambda x, i, j: fake_photo(x, seed=i, offset=TOUCH[j % 4], boxed=True),
         'box, photo 2° off level': lambda x, i, j: fake_photo(x, seed=i, boxed=True, angle=2 if j % 2 else -2),
         'box, photo 4.5° off level': lambda x, i, j: fake_photo(x, seed=i, boxed=True, angle=4.5 if j % 2 else -4.5)}
VARIANTS = {'before': (False, False), 'box step': (True, False), 'specks': (False, True), 'both': (True, True)}

def right(photos, Y, box, specks) -> int:
    inf.find_box, inf.drop_specks = (find_box if box else lambda *a, **k: None), (drop_specks if specks else lambda x, *a, **k: x)
    inf.side_by_side = side_by_side if box and specks else lambda *a, **k: 1   # added later (session 20): not part of the steps compared here
    try: return sum(predict_image(p, threshold=0.0).label == Y[i] for i, p in photos)
    finally: inf.find_box, inf.drop_specks, inf.side_by_side = find_box, drop_specks, side_by_side

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--start', type=int, nargs='+', default=[0, 5000]); p.add_argument('--n', type=int, default=200)
    p.add_argument('--fp', type=int, default=10000); p.add_argument('--fp-train', type=int, default=10000)
    p.add_argument('--json', default='experiments/predict_boxes.json')
    a = p.parse_args()
    t = mnist_tensors(); X, Y = t.x_test[:, 0].numpy(), t.y_test.numpy()
    out = dict(recognised=[])
    print(f"| test digits from | case | {' | '.join(VARIANTS)} |\n|---:|---|{'---:|' * len(VARIANTS)}")
    for start in a.start:
        for case, make in CASES.items():
            photos = [(start + j, make(X[start + j], start + j, j)) for j in range(a.n)]
            r = {k: int(right(photos, Y, *v)) for k, v in VARIANTS.items()}
            out['recognised'].append(dict(start=start, case=case, of=a.n, **r))
            print(f"| {start} | {case} | {' | '.join(f'{v} / {a.n}' for v in r.values())} |", flush=True)
    for split, n in (('test', a.fp), ('train', a.fp_train)):
        xs = X if split == 'test' else t.x_train[:, 0].numpy()
        hits, piece_hits = [], []
        for i in range(n):
            b = clean_ink(load_gray(fake_photo(xs[i], seed=i)), rules=False)['clean'] > 0
            s = _level(b); bs = _shear(_shear(b, s).T, _upright(s, b.shape[0])).T   # as `remove_rules` looks at it
            if find_box(bs) is not None: hits.append(i)
            if _pieces_boxes(bs): piece_hits.append(i)   # as a piece of a row, where a box may be fuller
        out[f'boxes_found_in_{split}_digits'] = dict(digits=n, found_in=hits, found_in_as_piece=piece_hits)
        print(f"find_box found a box in {len(hits)} of {n} {split} digits on blank paper: {hits[:20]}; "
              f"taking each digit as a piece of a row (`_pieces_boxes`), in {len(piece_hits)}: {piece_hits[:20]}", flush=True)
    with open(a.json, 'w') as f: json.dump(out, f, indent=1)
