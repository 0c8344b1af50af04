"""Why does the study's MLP recipe fall short of its reported 98.10 %? One factor at a time, 10 epochs each.

    python experiments/mlp_ablation.py [--epochs 10] [--json results/mlp_ablation.json]

Every row trains the MLP from the same seed on the same 50k/10k split and reports validation and test accuracy.
"""
import argparse, json, time
from dataclasses import asdict
from digitrec.data import mnist_tensors
from digitrec.transforms import AugConfig
from digitrec.learner import train, get_config

NOBLUR = dict(blur_sigma=None)
ROWS = [  # (name, model overrides, augmentation)
    ('study recipe, no augmentation', {}, None),
    ('study recipe, full augmentation', {}, AugConfig()),
    ('full augmentation without blur', {}, AugConfig(**NOBLUR)),
    ('full augmentation without jitter', {}, AugConfig(brightness=0, contrast=0)),
    ('geometric only (rotate, pad+crop, translate)', {}, AugConfig(brightness=0, contrast=0, **NOBLUR)),
    ('rotate + pad+crop only', {}, AugConfig(brightness=0, contrast=0, translate=0, **NOBLUR)),
    ('full augmentation, dropout 0.1', dict(dropout=0.1), AugConfig()),
    ('full augmentation, lr 3e-4', dict(lr=3e-4), AugConfig()),
    ('full augmentation, inputs standardized', dict(input_norm='standard'), AugConfig()),
    ('no augmentation, dropout 0.1', dict(dropout=0.1), None),
    ('no augmentation, inputs standardized', dict(input_norm='standard'), None),
    ('standardized, dropout 0.1, no augmentation', dict(input_norm='standard', dropout=0.1), None),
    ('standardized, rotate + pad+crop', dict(input_norm='standard'), AugConfig(brightness=0, contrast=0, translate=0, **NOBLUR)),
    ('standardized, dropout 0.1, rotate + pad+crop', dict(input_norm='standard', dropout=0.1), AugConfig(brightness=0, contrast=0, translate=0, **NOBLUR)),
    ('standardized, dropout 0.1, full augmentation', dict(input_norm='standard', dropout=0.1), AugConfig()),
    ('standardized, one-cycle lr, no augmentation', dict(input_norm='standard', sched='onecycle'), None),
    ('mlp-tuned: standardized, one-cycle lr, rotate + pad+crop', dict(input_norm='standard', sched='onecycle'), AugConfig(brightness=0, contrast=0, translate=0, **NOBLUR)),
    ('study recipe + one-cycle lr only, no augmentation', dict(sched='onecycle'), None),
]

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--epochs', type=int, default=10)
    p.add_argument('--json')
    p.add_argument('--only', type=int, nargs='*', help='row numbers to run')
    a = p.parse_args()
    t, out = mnist_tensors(), []
    print(f"{'#':>2} {'variant':48} {'valid':>7} {'test':>7} {'train acc':>9} {'s':>5}")
    for i, (name, over, aug) in enumerate(ROWS):
        if a.only and i not in a.only: continue
        start = time.perf_counter()
        learn = train(get_config('mlp', epochs=a.epochs, **over), data=t, aug=aug or False, progress=False)
        h = learn.history[-1]
        out.append(dict(name=name, overrides=over, aug=asdict(aug) if aug else None, valid_acc=h['valid_acc'],
                        test_acc=learn.test_acc, train_acc=h['train_acc'], seconds=time.perf_counter() - start))
        print(f"{i:2d} {name:48} {100*h['valid_acc']:6.2f}% {100*learn.test_acc:6.2f}% {100*h['train_acc']:8.2f}% {out[-1]['seconds']:5.0f}", flush=True)
    if a.json:
        with open(a.json, 'w') as f: json.dump(out, f, indent=1)

if __name__ == '__main__': main()
