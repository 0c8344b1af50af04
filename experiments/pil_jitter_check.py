"""Pixel for pixel: `study_exact_augment` against the study's PIL transforms given the same random parameters.

    python experiments/pil_jitter_check.py [--n 2000]

For the first `--n` training digits, one set of parameters (`draw_params`) is applied twice: by torchvision's functional
transforms on PIL images, in the study's order (rotate, pad and crop, brightness and contrast in each image's order, blur,
translate), and by `study_exact_augment`'s batched code; then again without rotation. Prints how many pixels differ and
in how many digits, and the ink mass of each (as a fraction of the original digits') next to `augment_batch`'s.
"""
import argparse, sys
from pathlib import Path
import numpy as np, torch
import torchvision.transforms.functional as TF
from torchvision.transforms import InterpolationMode
from PIL import Image
from digitrec.data import mnist_tensors
from digitrec.transforms import AugConfig, draw_params, augment_batch
sys.path.insert(0, str(Path(__file__).parent))
from study_vs_digitrec import study_exact_augment

def pil_augment(im:Image.Image, p:dict, i:int, c:AugConfig) -> Image.Image:
    "The study's transforms on one PIL image with image `i`'s parameters from `p`."
    im = TF.rotate(im, float(p['angle'][i]), InterpolationMode.NEAREST)
    dx, dy = (int(v) for v in p['crop'][i])                     # the digit moves right by dx and down by dy
    im = TF.crop(TF.pad(im, c.pad), c.pad - dy, c.pad - dx, 28, 28)
    steps = [lambda m: TF.adjust_brightness(m, float(p['brightness'][i])), lambda m: TF.adjust_contrast(m, float(p['contrast'][i]))]
    for f in (steps[::-1] if p['contrast_first'][i] else steps): im = f(im)
    im = TF.gaussian_blur(im, c.blur_kernel, float(p['sigma'][i]))
    return TF.affine(im, 0., [int(v) for v in p['shift'][i]], 1., [0., 0.], InterpolationMode.NEAREST)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0]); ap.add_argument('--n', type=int, default=2000)
    a = ap.parse_args()
    x = mnist_tensors().x_train[:a.n]
    ink = lambda v: (v.sum((1, 2, 3)) / x.float().div(255).sum((1, 2, 3))).mean()
    for name, c in [('all transforms', AugConfig()), ('without rotation', AugConfig(rotate=0))]:
        p = draw_params(len(x), c, 28, torch.Generator().manual_seed(0))
        ours = study_exact_augment(x, c, torch.Generator().manual_seed(0), normalized=False)
        pil = torch.stack([torch.from_numpy(np.array(pil_augment(Image.fromarray(im[0].numpy(), 'L'), p, i, c))) for i, im in enumerate(x)])[:, None] / 255
        d = (ours - pil).abs() * 255 > 0.5
        print(f"{name}, {len(x)} digits: {int(d.sum())} of {d.numel()} pixels differ, in {int(d.flatten(1).any(1).sum())} digits;"
              f" ink mass: PIL {ink(pil):.4f}, study_exact_augment {ink(ours):.4f},"
              f" augment_batch {ink(augment_batch(x, c, torch.Generator().manual_seed(0), normalized=False)):.4f} of the original")

if __name__ == '__main__': main()
