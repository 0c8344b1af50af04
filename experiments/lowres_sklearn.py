"""Does training on low-resolution copies of MNIST help on scikit-learn's 8×8 digits? (issue: unseen data, ≥ 95 % target)

    python experiments/lowres_sklearn.py [--n 15000] [--json experiments/lowres_sklearn.json]

Makes `n` training digits look like optdigits (the source of scikit-learn's digits): the ink's box scaled to fit 32×32
with its width squeezed by a random factor in [0.5, 1] (those digits are narrower than MNIST's), binarized at a random
level in [0.1, 0.5] (thicker pens), on-pixels counted in 4×4 cells (8×8, 17 levels), then normalized back with
`to_mnist` exactly as at prediction time. Trains the study's LeNet-5 (study recipe, augmentation on, seed 42) on the
50,000 MNIST training digits plus these copies and reports MNIST test accuracy and scikit-learn accuracy on its first
half ("dev", used to design the degradation) and second half (held out). scikit-learn's digits are never trained on.
scikit-learn's digits are scaled up as they are (`sklearn_digits(bitmap=False)`), as when this was run and its JSON written;
`sklearn_bitmap.py` measures decoding them into bitmaps first.
"""
import argparse, dataclasses, json, time
from pathlib import Path
import numpy as np, torch, torch.nn.functional as F
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, train
from digitrec.inference import to_mnist, sklearn_digits, accuracy_on

def lowres(img:np.ndarray, rng, side:int=32, block:int=4):
    "An MNIST digit (uint8 28×28) made like an optdigits digit: 8×8, 17 grey levels in [0, 1]; None if it has no ink."
    ys, xs = np.nonzero(img > 127)
    if len(ys) == 0: return None
    crop = torch.from_numpy(img[ys.min():ys.max() + 1, xs.min():xs.max() + 1]).float()[None, None] / 255
    h, w = crop.shape[-2:]; w = w * rng.uniform(0.5, 1.0)
    s = side / max(h, w); nh, nw = max(1, round(h * s)), max(1, round(w * s))
    canvas = torch.zeros(1, 1, side, side); top, left = (side - nh) // 2, (side - nw) // 2
    canvas[..., top:top + nh, left:left + nw] = F.interpolate(crop, size=(nh, nw), mode='bilinear', align_corners=False)
    return F.avg_pool2d((canvas > rng.uniform(0.1, 0.5)).float(), block)[0, 0].numpy()

def with_lowres_copies(t, n:int):
    "`t` with `n` random training digits (seeded) added again as `lowres` copies normalized by `to_mnist`."
    rng = np.random.default_rng(0)
    idx = torch.randperm(len(t.x_train), generator=torch.Generator().manual_seed(0))[:n].tolist()
    t0, imgs, keep = time.perf_counter(), [], []
    for i in idx:
        lr = lowres(t.x_train[i, 0].numpy(), rng)
        d = to_mnist(lr) if lr is not None else None
        if d is not None and d.image is not None: imgs.append(d.image); keep.append(i)
    print(f"{len(imgs)} low-resolution copies in {time.perf_counter() - t0:.0f} s", flush=True)
    return dataclasses.replace(t, x_train=torch.cat([t.x_train, torch.from_numpy(np.stack(imgs))[:, None]]),
                               y_train=torch.cat([t.y_train, t.y_train[keep]]))

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--n', type=int, default=15_000); p.add_argument('--json')
    a = p.parse_args()
    t = mnist_tensors(); t2 = with_lowres_copies(t, a.n)
    xs, ys = sklearn_digits(bitmap=False); half = len(xs) // 2
    res = {}
    for name, data in (('mnist only', t), ('mnist + low-res copies', t2)):
        learn = train(get_config('lenet5'), data, seed=42, progress=False)
        res[name] = dict(mnist_test=learn.test_acc, sklearn_dev=accuracy_on(learn.model, xs[:half], ys[:half]),
                         sklearn_heldout=accuracy_on(learn.model, xs[half:], ys[half:]))
        print(name, {k: f"{v:.2%}" for k, v in res[name].items()}, flush=True)
    if a.json: Path(a.json).write_text(json.dumps(res, indent=1))

if __name__ == '__main__': main()
