"""Marks between digits written with a finer pen than MNIST's: where `find_marks` (`07_unseen`) stops finding them.

Rows of five MNIST test digits (400-599) redrawn with a pen whose stroke is a given share of the digits' height (each
digit binarised at 400 pixels, thinned to its skeleton, the skeleton widened to the pen), with a '.', ',' or '-' after
the third digit drawn with the same pen (a dot 1.2-1.8 times the pen's width, as a pen pressed down leaves), on noisy
paper, 160 pixels high, as JPEG; read with the shipped CNN and its threshold. MNIST's own strokes are 10-15 % of the
digits' height.

Needs scikit-image (for the skeletons), which digitrec does not: pip install scikit-image
Usage: python experiments/read_marks_pen.py [--json experiments/read_marks_pen.json]
"""
import argparse, io, json
import numpy as np, torch, torch.nn.functional as F
from PIL import Image
from scipy import ndimage
from skimage.morphology import skeletonize
import digitrec.inference as I
from digitrec.data import mnist_tensors
S = 400; DH = 285  # tile size, digit height in px at that scale
def pen_digit(d, wf):
    big = F.interpolate(torch.from_numpy(d)[None, None].float() / 255, size=(S, S), mode='bicubic')[0, 0].numpy() > 0.5
    return ndimage.distance_transform_edt(~skeletonize(big)) <= max(1, wf * DH / 2)
def pen_mark(ch, wf, rng):
    yy, xx = np.mgrid[:S, :S]; a = np.zeros((S, S), bool)
    r = wf * DH / 2 * rng.uniform(1.2, 1.8)          # a dot: the pen pressed, a little wider than its stroke
    base = S * 24 / 28; cx = S / 2
    if ch in '.,':
        cy = base - r; a |= np.hypot(yy - cy, xx - cx) <= r
        if ch == ',':
            for s in np.linspace(0, 1, 50):
                a |= np.hypot(yy - (cy + s * 0.15 * DH), xx - (cx + r * 0.5 - s * 0.08 * DH)) <= wf * DH / 2
    if ch == '-':
        L = rng.uniform(0.25, 0.4) * DH; cy = S * 14 / 28
        a |= (np.abs(yy - cy) <= wf * DH / 2) & (np.abs(xx - cx) <= L / 2)
    return a
def row_photo(tiles, H=160, seed=0):
    rng = np.random.default_rng(seed); parts = []
    for a in tiles:
        cols = np.nonzero(a.any(0))[0]; parts.append(a[:, cols.min():cols.max() + 1]); parts.append(np.zeros((S, int(rng.integers(30, 70))), bool))
    ink = np.concatenate([np.zeros((S, 150), bool)] + parts + [np.zeros((S, 150), bool)], 1).astype(np.float32)
    ink = np.pad(ink, ((100, 100), (0, 0)))
    small = np.asarray(Image.fromarray((ink * 255).astype(np.uint8)).resize((round(ink.shape[1] * H / ink.shape[0]), H), Image.BOX), np.float32) / 255
    paper = 0.8 + 0.03 * rng.standard_normal(small.shape)
    img = np.clip(paper * (1 - 0.85 * small), 0, 1)
    b = io.BytesIO(); Image.fromarray((img * 255).astype(np.uint8)).save(b, 'JPEG', quality=85); return b.getvalue()

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0]); p.add_argument('--json', default='experiments/read_marks_pen.json')
    t = mnist_tensors(); X, Y = t.x_test[:, 0].numpy(), t.y_test.numpy()
    m, thr = I.load_model()
    out = []
    for wf in (0.12, 0.08, 0.06, 0.04, 0.03):
        for ch in '.,-':
            right = marks = 0
            for k in range(40):
                idx = range(400 + 5 * k, 405 + 5 * k); rng = np.random.default_rng(k)
                tiles = [pen_digit(X[i], wf) for i in idx]; tiles = tiles[:3] + [pen_mark(ch, wf, rng)] + tiles[3:]
                truth = ''.join(str(Y[i]) for i in idx); truth = truth[:3] + ch + truth[3:]
                txt = I.read_digits(row_photo(tiles, seed=k), m, thr).text
                right += txt == truth
                marks += (ch in txt and txt.index(ch) == 3)
            out.append(dict(pen=wf, mark=ch, of=40, right=right, mark_in_place=marks))
            print(f"pen {wf:.2f} of the digits' height, mark {ch!r}: read right {right}/40, mark found in place {marks}/40", flush=True)
    with open(p.parse_args().json, 'w') as f: json.dump(out, f, indent=1)
