"""Does training with random aspect ratio and stroke thickness help on scikit-learn's digits? (issue: unseen data, ≥ 95 % target)

    python experiments/shape_aug_sklearn.py [--json experiments/shape_aug_sklearn.json]

scikit-learn's digits, normalized like MNIST, are narrower than MNIST's (median ink width/height 0.60 against 0.75 on
the MNIST test set; ones are wider, 0.50 against 0.30), so this trains the study's CNN and LeNet-5 (seed 42, the study's
augmentations, digitrec's default path) with one more augmentation after the study's: a random horizontal scale in
`sx` and vertical scale in `sy`, and optionally a random stroke thickness (a third of each batch dilated by a 3×3
max-filter, a third half-eroded). Reported: MNIST test accuracy, and accuracy on all 1,797 scikit-learn digits and on
their two halves (dev / held out, as in lowres_sklearn.py), plain and averaged over the 9 whole-pixel shifts of up to
one pixel (`sklearn_tta.py`). The models trained by `digitrec compare` (results/runs/seed42) are the baseline.
scikit-learn's digits are scaled up as they are (`sklearn_digits(bitmap=False)`), as when this was run and its JSON written;
`sklearn_bitmap.py` measures decoding them into bitmaps first.
"""
import argparse, json, sys
from pathlib import Path
import torch, torch.nn.functional as F
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, train, Callback, predict_logits
from digitrec.inference import sklearn_digits, load_model
sys.path.insert(0, str(Path(__file__).parent))
from sklearn_tta import tta

class ShapeAug(Callback):
    "Random horizontal/vertical scale and stroke thickness on normalized training batches (after the study's augmentation)."
    order = 0.5   # after DeviceCB, before FastCB's channels_last conversion
    def __init__(self, sx=(0.7, 1.3), sy=(0.9, 1.1), thick=False, seed=0):
        self.sx, self.sy, self.thick, self.g = sx, sy, thick, torch.Generator().manual_seed(seed)
    def before_batch(self, learn):
        if not learn.training: return
        x, y = learn.batch; n = len(x)
        u = lambda lo, hi: (lo + (hi - lo) * torch.rand(n, generator=self.g)).to(x.device)
        theta = torch.zeros(n, 2, 3, device=x.device); theta[:, 0, 0] = 1 / u(*self.sx); theta[:, 1, 1] = 1 / u(*self.sy)
        x = F.grid_sample(x + 1, F.affine_grid(theta, x.shape, align_corners=False), align_corners=False) - 1  # background stays -1
        if self.thick:
            k = torch.randint(0, 3, (n, 1, 1, 1), generator=self.g).to(x.device)
            dil, ero = F.max_pool2d(x, 3, 1, 1), -F.max_pool2d(-x, 3, 1, 1)
            x = torch.where(k == 1, dil, torch.where(k == 2, 0.5 * (x + ero), x))
        learn.batch = (x.contiguous(), y)

RUNS = [('cnn', dict(sx=(0.7, 1.3), sy=(0.9, 1.1))), ('cnn', dict(sx=(0.7, 1.3), sy=(0.9, 1.1), thick=True)),
        ('cnn', dict(sx=(0.6, 1.4), sy=(0.8, 1.2))), ('lenet5', dict(sx=(0.7, 1.3), sy=(0.9, 1.1)))]

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0]); p.add_argument('--json'); a = p.parse_args()
    t, (xs, ys) = mnist_tensors(), sklearn_digits(bitmap=False)
    dev = torch.arange(len(ys)) < len(ys) // 2
    shifts = [(i, j) for i in (-1, 0, 1) for j in (-1, 0, 1)]
    rows = []
    def report(model_name, aug, model, test_acc):
        model.eval()
        for how, probs in (('plain', predict_logits(model, xs).float()), ('9 shifts', tta(model, xs, shifts=shifts))):
            ok = (probs.argmax(1) == ys).float()
            rows.append(dict(model=model_name, shape_aug=aug, prediction=how, mnist_test=test_acc,
                             sklearn_all=ok.mean().item(), sklearn_dev=ok[dev].mean().item(), sklearn_held_out=ok[~dev].mean().item()))
            r = rows[-1]
            print(f"{model_name:6} {str(aug):52} {how:8}: MNIST {test_acc:.2%}  sklearn all {r['sklearn_all']:.2%} "
                  f"dev {r['sklearn_dev']:.2%} held out {r['sklearn_held_out']:.2%}", flush=True)
    metrics = json.loads(Path('results/metrics.json').read_text())['summary']
    for m in ('cnn', 'lenet5'): report(m, None, load_model(f'results/runs/seed42/{m}.pt')[0], metrics[m]['accuracy'])
    for m, aug in RUNS:
        learn = train(get_config(m), t, seed=42, progress=False, extra_cbs=[ShapeAug(**aug)])
        report(m, aug, learn.model, learn.test_acc)
    if a.json: Path(a.json).write_text(json.dumps(rows, indent=1))

if __name__ == '__main__': main()
