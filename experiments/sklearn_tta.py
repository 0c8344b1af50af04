"""Test-time augmentation and a LeNet-5 + CNN ensemble on scikit-learn's digits (issue: unseen data, ≥ 95 % target).

    python experiments/sklearn_tta.py        (needs results/runs/seed42/{lenet5,cnn}.pt from `digitrec compare`)

Prints each model's accuracy on all 1,797 digits and on their two halves (dev / held out, as in lowres_sklearn.py),
per-class accuracy and the most frequent confusions (count, true, predicted), the two-model average, and the accuracy
when probabilities are averaged over shifted (±1 px), rotated (±10°) or scaled (0.85-1.15) copies of each normalized digit.
scikit-learn's digits are scaled up as they are (`sklearn_digits(bitmap=False)`), as when this was run and its JSON written;
`sklearn_bitmap.py` measures decoding them into bitmaps first.
"""
import torch, torch.nn.functional as F
from sklearn.metrics import confusion_matrix
from digitrec.inference import sklearn_digits, load_model
from digitrec.learner import predict_logits
from digitrec.transforms import warp, to_float

def probs(model, x): return predict_logits(model, x).float().softmax(1)

def tta(model, x, angles=(0,), shifts=((0, 0),), scales=(1.,)):
    "Class probabilities averaged over every combination of rotation (degrees), whole-pixel shift and scale."
    xf, n, ps = to_float(x), len(x), []
    for a in angles:
        for s in shifts:
            for sc in scales:
                y = warp(xf, torch.full((n,), float(a)), torch.tensor(s, dtype=torch.float).expand(n, 2))
                if sc != 1:
                    th = torch.tensor([[1/sc, 0, 0], [0, 1/sc, 0]]).expand(n, 2, 3)
                    y = F.grid_sample(y, F.affine_grid(th, y.shape, align_corners=False), align_corners=False)
                ps.append(probs(model, (y.clamp(0, 1) * 255).round().to(torch.uint8)))
    return torch.stack(ps).mean(0)

def main():
    xs, ys = sklearn_digits(bitmap=False); half = len(xs) // 2
    models = {m: load_model(f'results/runs/seed42/{m}.pt')[0] for m in ('lenet5', 'cnn')}
    acc = lambda p, y: (p.argmax(1) == y).float().mean().item()
    report = lambda p: 'all %.4f dev %.4f held %.4f' % (acc(p, ys), acc(p[:half], ys[:half]), acc(p[half:], ys[half:]))
    P = {m: probs(mod, xs) for m, mod in models.items()}
    for m, p in P.items():
        cm = confusion_matrix(ys, p.argmax(1), labels=range(10))
        print(m, report(p))
        print('  per class', [round(float(cm[c, c] / cm[c].sum()), 3) for c in range(10)])
        print('  top confusions', sorted((int(cm[i, j]), i, j) for i in range(10) for j in range(10) if i != j)[-6:])
    print('ensemble', report((P['lenet5'] + P['cnn']) / 2))
    sh = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    for name, kw in [('shifts', dict(shifts=sh)), ('angles', dict(angles=(-10, 0, 10))), ('scales', dict(scales=(0.85, 1, 1.15))),
                     ('scales small', dict(scales=(0.8, 0.9, 1.0))), ('all', dict(shifts=sh, angles=(-8, 0, 8), scales=(0.85, 1, 1.15)))]:
        for m, mod in models.items(): print(name, m, report(tta(mod, xs, **kw)))

if __name__ == '__main__': main()
