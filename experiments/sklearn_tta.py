"""Test-time augmentation and a LeNet-5 + CNN ensemble on scikit-learn's digits (issue: unseen data, ≥ 95 % target).

    python experiments/sklearn_tta.py        (needs results/runs/seed42/{lenet5,cnn}.pt from `digitrec compare`)

Prints each model's accuracy on all 1,797 digits and on their two halves (dev / held out, as in lowres_sklearn.py),
per-class accuracy and the most frequent confusions (true, predicted), the two-model average, and the accuracy when
probabilities are averaged over shifted (±1 px), rotated (±10°) or scaled (0.85-1.15) copies of each normalized digit.
"""
import torch, numpy as np, torch.nn.functional as F
from digitrec.inference import sklearn_digits, load_model
from digitrec.learner import predict_logits
from digitrec.transforms import warp, to_float
xs, ys = sklearn_digits(); half = len(xs) // 2
models = {m: load_model(f'results/runs/seed42/{m}.pt')[0] for m in ('lenet5', 'cnn')}
def probs(model, x): return predict_logits(model, x).float().softmax(1)
def acc(p, y): return (p.argmax(1) == y).float().mean().item()
def tta(model, x, angles=(0,), shifts=((0,0),), scales=(1.,)):
    xf = to_float(x); ps = []
    for a in angles:
        for s in shifts:
            for sc in scales:
                n = len(xf)
                y = warp(xf, torch.full((n,), float(a)), torch.tensor(s, dtype=torch.float).expand(n, 2))
                if sc != 1:
                    th = torch.tensor([[1/sc, 0, 0], [0, 1/sc, 0]]).expand(n, 2, 3)
                    y = F.grid_sample(y, F.affine_grid(th, y.shape, align_corners=False), align_corners=False)
                ps.append(probs(model, (y.clamp(0, 1) * 255).round().to(torch.uint8)))
    return torch.stack(ps).mean(0)
P = {m: probs(mod, xs) for m, mod in models.items()}
for m, p in P.items():
    pred = p.argmax(1)
    print(m, 'all %.4f dev %.4f held %.4f' % (acc(p, ys), acc(p[:half], ys[:half]), acc(p[half:], ys[half:])))
    print('  per class', [round(((pred == ys) & (ys == c)).sum().item() / (ys == c).sum().item(), 3) for c in range(10)])
    cm = torch.zeros(10, 10, dtype=torch.long); cm.index_put_((ys, pred), torch.ones_like(ys), accumulate=True)
    off = [(cm[i, j].item(), i, j) for i in range(10) for j in range(10) if i != j]; print('  top confusions', sorted(off)[-6:])
pe = (P['lenet5'] + P['cnn']) / 2
print('ensemble all %.4f dev %.4f held %.4f' % (acc(pe, ys), acc(pe[:half], ys[:half]), acc(pe[half:], ys[half:])))
sh = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
for name, kw in [('shifts', dict(shifts=sh)), ('angles', dict(angles=(-10, 0, 10))), ('scales', dict(scales=(0.85, 1, 1.15))),
                 ('scales small', dict(scales=(0.8, 0.9, 1.0))), ('all', dict(shifts=sh, angles=(-8, 0, 8), scales=(0.85, 1, 1.15)))]:
    for m, mod in models.items():
        p = tta(mod, xs, **kw)
        print(name, m, 'all %.4f dev %.4f held %.4f' % (acc(p, ys), acc(p[:half], ys[:half]), acc(p[half:], ys[half:])))
