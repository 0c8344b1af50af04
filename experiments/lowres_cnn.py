"""Do optdigits-like low-resolution copies of MNIST help the CNN on scikit-learn's digits? (issue: unseen data)

    python experiments/lowres_cnn.py [--n 15000] [--json experiments/lowres_cnn.json]

`lowres_sklearn.py` tried this with LeNet-5 (and the previous saturation, q=30). This makes the same copies (`lowres`, then
`to_mnist` with today's defaults), adds them to the 50,000 MNIST training digits and trains the CNN (study recipe,
seed 42), with the study's augmentations alone and with `ShapeAug(thick=True)` after them (`shape_aug_sklearn.py`).
The same two trainings without the copies are seed 42's rows of `experiments/shape_aug_seeds.json` (same code, same
seed, so the same numbers). scikit-learn's digits are never trained on.
scikit-learn's digits are scaled up as they are (`sklearn_digits(bitmap=False)`), as when this was run and its JSON written;
`sklearn_bitmap.py` measures decoding them into bitmaps first.
"""
import argparse, json, sys
from pathlib import Path
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, train, predict_logits
from digitrec.inference import sklearn_digits
sys.path.insert(0, str(Path(__file__).parent))
from lowres_sklearn import with_lowres_copies
from shape_aug_sklearn import ShapeAug

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--n', type=int, default=15_000); p.add_argument('--json'); a = p.parse_args()
    mnist = mnist_tensors(); t = with_lowres_copies(mnist, a.n); n = len(t.x_train) - len(mnist.x_train)
    xs, ys = sklearn_digits(bitmap=False); h = len(ys) // 2
    rows = []
    for name, cbs in (('study augmentations', []), ('+ aspect + thickness', [ShapeAug(thick=True)])):
        learn = train(get_config('cnn'), t, seed=42, progress=False, extra_cbs=cbs)
        ok = (predict_logits(learn.model, xs).argmax(1) == ys).float()   # predicted once, then split
        rows.append(dict(training=f'MNIST + {n} low-res copies, {name}', mnist_test=learn.test_acc,
                         sklearn_all=ok.mean().item(), sklearn_dev=ok[:h].mean().item(), sklearn_held_out=ok[h:].mean().item()))
        print({k: (f"{v:.2%}" if isinstance(v, float) else v) for k, v in rows[-1].items()}, flush=True)
    if a.json: Path(a.json).write_text(json.dumps(rows, indent=1))

if __name__ == '__main__': main()
