"""Prediction time of a model loaded by `model_from_checkpoint` (in the memory format it trained in) against the same model in PyTorch's default format, in one run.

    python benchmarks/eval_speed.py [--rounds 5]

For the shipped CNN and for LeNet-5 (freshly initialised: the time does not depend on the weights), `predict_logits` on the 10,000
MNIST test digits (batches of 2,000, as `digitrec evaluate`) and on one batch of 1,024; the two formats alternate for `--rounds`
rounds (this machine's speed drifts). Prints the median seconds of each and their ratio, and checks that both predict the same.
"""
import argparse, statistics, tempfile, time
from pathlib import Path
import torch
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, predict_logits, model_from_checkpoint, train
from digitrec.inference import default_checkpoint

def timed(f):
    t0 = time.perf_counter(); f(); return time.perf_counter() - t0

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0]); p.add_argument('--rounds', type=int, default=5)
    a = p.parse_args()
    t = mnist_tensors(); x = t.x_test
    with tempfile.TemporaryDirectory() as d:   # LeNet-5 untrained (0 epochs), saved by `train` as any run is
        train(get_config('lenet5', epochs=0), data=t, out=d, progress=False)
        models = {'cnn (shipped)': model_from_checkpoint(default_checkpoint())[0], 'lenet5': model_from_checkpoint(Path(d)/'lenet5.pt')[0]}
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; median seconds over {a.rounds} alternating rounds")
    for name, loaded in models.items():
        loaded.eval()
        plain = get_config(name.split()[0]).build().eval(); plain.load_state_dict(loaded.state_dict())
        same = (predict_logits(loaded, x).argmax(1) == predict_logits(plain, x).argmax(1)).float().mean().item()
        for what, xs in (('10,000 test digits', x), ('a batch of 1,024', x[:1024])):
            s = {'loaded': [], 'default format': []}
            for _ in range(a.rounds):
                s['loaded'].append(timed(lambda: predict_logits(loaded, xs)))
                s['default format'].append(timed(lambda: predict_logits(plain, xs)))
            m = {k: statistics.median(v) for k, v in s.items()}
            print(f"{name:14} {what:19} loaded {m['loaded']:.3f} s, default format {m['default format']:.3f} s: {m['loaded'] / m['default format']:.2f}x")
        print(f"{name:14} same prediction for {same:.2%} of the test digits")

if __name__ == '__main__': main()
