"""How much should `saturate_ink` saturate? Its level `q` on scikit-learn's digits and on MNIST (issue: unseen data, ≥ 95 % target)

    python experiments/saturation_sklearn.py [--json experiments/saturation_sklearn.json]
                                             (needs results/runs/seed42/{lenet5,cnn,mlp}.pt from `digitrec compare`)

`to_mnist` scales the ink so that all but its faintest `q` % of pixels are at full intensity. For each `q`, this passes
scikit-learn's 1,797 digits and the 10,000 MNIST test digits through `to_mnist` and reports each model's accuracy: on
all scikit-learn digits, on their first half ("dev", which chooses `q`) and their second half (held out), and on MNIST
after the round trip (it should not change: the pipeline must keep MNIST's own digits as they are; a digit it rejects counts as an error).
scikit-learn's digits are scaled up as they are (`sklearn_digits(bitmap=False)`), as when this was run and its JSON written;
`sklearn_bitmap.py` measures decoding them into bitmaps first.
"""
import argparse, json
from pathlib import Path
import numpy as np, torch
from digitrec.data import mnist_tensors
from digitrec.learner import predict_logits
from digitrec.inference import to_mnist, sklearn_digits, accuracy_on, load_model

QS = (1, 5, 10, 15, 30, 50)

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0]); p.add_argument('--json'); a = p.parse_args()
    t = mnist_tensors()
    models = {m: load_model(f'results/runs/seed42/{m}.pt')[0] for m in ('lenet5', 'cnn', 'mlp')}
    rows, acc = [], lambda p, y: (p == y).float().mean().item()
    mnist = {m: accuracy_on(model, t.x_test, t.y_test) for m, model in models.items()}
    for q in QS:
        xs, ys = sklearn_digits(q=q, bitmap=False); half = len(ys) // 2
        dm = [to_mnist(im[0].numpy() / 255, q=q).image for im in t.x_test]
        found = torch.tensor([d is not None for d in dm])   # MNIST digits `to_mnist` rejects count as errors
        xm = torch.from_numpy(np.stack([d if d is not None else np.zeros((28, 28), np.uint8) for d in dm]))[:, None]
        for m, model in models.items():
            pk, pm = (predict_logits(model, x).argmax(1) for x in (xs, xm))
            rows.append(dict(q=q, model=m, sklearn_all=acc(pk, ys), sklearn_dev=acc(pk[:half], ys[:half]), sklearn_held_out=acc(pk[half:], ys[half:]),
                             mnist_test=mnist[m], mnist_test_via_to_mnist=acc(torch.where(found, pm, -1), t.y_test),
                             mnist_rejected=int((~found).sum())))
            r = rows[-1]
            print(f"q={q:<3} {m:6}: sklearn all {r['sklearn_all']:.2%} dev {r['sklearn_dev']:.2%} held out {r['sklearn_held_out']:.2%}   "
                  f"MNIST test {r['mnist_test']:.2%}, through to_mnist {r['mnist_test_via_to_mnist']:.2%} ({r['mnist_rejected']} rejected as no digit)", flush=True)
    if a.json: Path(a.json).write_text(json.dumps(rows, indent=1))

if __name__ == '__main__': main()
