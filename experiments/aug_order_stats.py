"""How the study's per-sample augmentation and the batched one differ on the same digits: ink mass and centre-of-mass shift.

    python experiments/aug_order_stats.py [--n 12000]

For the first `--n` training digits, each pipeline (the study's PIL transforms; `augment_batch`; `augment_batch` in the
study's order, `study_vs_digitrec.translate_last_augment`; that with PIL's 8-bit jitter and blur,
`study_vs_digitrec.study_exact_augment`) with only the shifts (pad+crop and translation), only the
rotation, only brightness and contrast, and every transform on: the mean and spread of each digit's centre-of-mass shift and its ink mass as a
fraction of the original's. Seeds are fixed; the numbers are quoted in the README ("Speed").
"""
import argparse, sys
from pathlib import Path
import torch
from PIL import Image
from digitrec.data import mnist_tensors
from digitrec.transforms import AugConfig, study_transforms, augment_batch, centre_of_mass
sys.path.insert(0, str(Path(__file__).parent))
from study_vs_digitrec import translate_last_augment, study_exact_augment

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0]); p.add_argument('--n', type=int, default=12000)
    a = p.parse_args()
    torch.manual_seed(1)
    x = mnist_tensors().x_train[:a.n]; o = x.float() / 255; c0 = centre_of_mass(o)
    for name, cfg in [('shifts only', AugConfig(rotate=0, brightness=0, contrast=0, blur_sigma=None)),
                      ('rotation only', AugConfig.only('rotate')), ('jitter only', AugConfig.only('jitter')), ('all', AugConfig())]:
        tf = study_transforms(cfg)
        runs = {'study': torch.stack([tf(Image.fromarray(im[0].numpy(), 'L')) for im in x]) * 0.5 + 0.5,
                'batched': augment_batch(x, cfg, torch.Generator().manual_seed(1), normalized=False),
                'translate last': translate_last_augment(x, cfg, torch.Generator().manual_seed(1), normalized=False),
                'study exact': study_exact_augment(x, cfg, torch.Generator().manual_seed(1), normalized=False)}
        for nm, v in runs.items():
            d = centre_of_mass(v) - c0
            print(f"{name:13} {nm:14} centre-of-mass shift: mean {d.mean(0)[0]:+.3f} {d.mean(0)[1]:+.3f}, std {d.std(0)[0]:.3f} {d.std(0)[1]:.3f} px;"
                  f" ink mass {(v.sum((1, 2, 3)) / o.sum((1, 2, 3))).mean():.3f} of the original", flush=True)

if __name__ == '__main__': main()
