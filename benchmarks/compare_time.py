"""Wall time of `digitrec compare` and of the study-style pipeline doing the same work, in one run.

    python benchmarks/compare_time.py [--out results] [--json benchmarks/compare_time.json] [--epochs 10] [--reuse-study cnn mlp]

(a) `digitrec compare --out OUT` exactly as a user runs it (a subprocess: start-up, data, training, evaluation,
    figures, report), one seed, the study's augmentations;
(b) the study's way for the same work: for LeNet-5, the CNN and the MLP, torchvision MNIST with the study's per-sample
    transforms (`study_transforms`: PIL, nearest interpolation) in a DataLoader with 0 workers, the study's batch size,
    float32 (`fast=False`); the same 50,000 training images, 10 epochs, validation after each epoch, then the test set.
Both sides use the same model code and optimizer implementation, so the difference is the data pipeline and execution.
Prints both wall times, their ratio, and each model's test accuracy on both sides; writes JSON.
`--reuse-study M...` takes those models' study-style runs from the existing `--json` file instead of running them again
(their code has not changed since); the JSON lists them under `study_style_reused`.
"""
import argparse, json, os, platform, subprocess, sys, tempfile, time
from pathlib import Path
import torch
from digitrec.data import mnist_tensors
from digitrec.learner import get_config, train

MODELS = ('lenet5', 'cnn', 'mlp')

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--out', help="where `digitrec compare` writes (default: a temporary folder)")
    p.add_argument('--json', help='write the numbers here')
    p.add_argument('--epochs', type=int, default=10)
    p.add_argument('--reuse-study', nargs='*', default=[], choices=MODELS, metavar='MODEL',
                   help="take these models' study-style runs from --json instead of running them")
    a = p.parse_args()
    if a.reuse_study and not (a.json and Path(a.json).exists()): p.error('--reuse-study needs an existing --json file')
    old = json.loads(Path(a.json).read_text()) if a.reuse_study else {}
    machine = f"{platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, {torch.get_num_threads()} threads"
    print(f"on {machine}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(a.out or Path(tmp)/'results')
        cli = Path(sys.executable).with_name('digitrec')
        t0 = time.perf_counter()
        subprocess.run([str(cli), 'compare', '--out', str(out), '--epochs', str(a.epochs)], check=True)
        ours_s = time.perf_counter() - t0
        ours = json.loads((out/'metrics.json').read_text())['summary']
    print(f"\n(a) digitrec compare: {ours_s:.0f} s wall", flush=True)
    t, study = mnist_tensors(), {}
    for m in MODELS:
        if m in a.reuse_study:
            study[m] = old['study_style'][m]
            print(f"study-style {m}: {study[m]['wall_s']:.0f} s, test accuracy {study[m]['test_acc']:.2%} (from {a.json})", flush=True)
            continue
        t1 = time.perf_counter()
        learn = train(get_config(m, epochs=a.epochs), t, aug=True, seed=42, loader='study', fast=False)
        study[m] = dict(test_acc=learn.test_acc, wall_s=time.perf_counter() - t1,
                        train_s=sum(h['seconds'] for h in learn.history), valid_acc=learn.history[-1]['valid_acc'])
        print(f"study-style {m}: {study[m]['wall_s']:.0f} s, test accuracy {learn.test_acc:.2%}", flush=True)
    study_s = sum(study[m]['wall_s'] for m in MODELS)
    print(f"(b) study-style pipeline, same work: {study_s:.0f} s wall ({study_s/60:.1f} min; its process start-up excluded)\n")
    print(f"{'model':8} {'digitrec test acc':>18} {'study-style test acc':>21}")
    for m in MODELS: print(f"{m:8} {ours[m]['accuracy']:18.2%} {study[m]['test_acc']:21.2%}")
    print(f"\ndigitrec compare {ours_s:.0f} s vs study-style {study_s:.0f} s: {study_s/ours_s:.1f}x faster")
    if a.json:
        res = dict(machine=machine, epochs=a.epochs, digitrec_compare_wall_s=ours_s, study_style_wall_s=study_s,
                   digitrec=dict((m, dict(test_acc=ours[m]['accuracy'], seconds_per_epoch=ours[m]['seconds_per_epoch'])) for m in MODELS),
                   study_style=study, study_style_reused=a.reuse_study)
        Path(a.json).write_text(json.dumps(res, indent=1))

if __name__ == '__main__': main()
