"""Test accuracy after 10 epochs, digitrec's default path against the study-style pipeline, for more seeds.

    python experiments/study_vs_digitrec.py --seeds 43 [--models lenet5 cnn] [--json experiments/study_vs_digitrec.json] [--reuse-study] [--no-fast | --translate-last | --study-exact]

Each pair is the same model configuration, trained once with digitrec's defaults (in-memory, batched augmentation,
FastCB) and once the study's way (`loader='study'`: torchvision MNIST + the study's per-sample PIL transforms,
0 workers, float32). `benchmarks/compare_time.py` gives seed 42 for all three models. `--reuse-study` takes the
study-style accuracy for a model and seed from the existing `--json` file or `study_vs_digitrec.json` (seed 42: from `benchmarks/compare_time.json`)
instead of training it again: that side uses only torchvision's transforms, so changes to digitrec's augmentation code
do not change it, and it takes 5-10 min a model. Rows of the existing `--json` file for other models or seeds are kept.
`--no-fast` trains digitrec's side in float32 without `FastCB` (no bf16 autocast, no channels_last), to tell what bf16
does to accuracy from what the batched augmentation does; use it with `--reuse-study` and a `--json` file of its own
(`experiments/study_vs_digitrec_fp32.json`).
`--translate-last` trains digitrec's side with the batched augmentation in the study's order: rotation and crop, then
brightness/contrast and blur, then the random translation, so that the strip shifted into the frame stays black
instead of taking the contrast jitter's grey (`translate_last_augment` below; `experiments/study_vs_digitrec_translate_last.json`).
`--study-exact` trains digitrec's side with the batched augmentation made to give what the study's PIL pipeline gives:
the study's order as `--translate-last`, and 8-bit images after the jitter and the blur as PIL makes them
(`study_exact_augment` below: PIL's `Image.blend` truncates to whole 8-bit levels and `ImageEnhance.Contrast` blends
with the image's mean rounded to a whole level; torchvision's blur of a PIL image rounds to 8 bits). Checked pixel for
pixel against PIL by `experiments/pil_jitter_check.py`; `experiments/study_vs_digitrec_study_exact.json`.
"""
import argparse, json, sys
from pathlib import Path
import torch
import digitrec.learner
from digitrec.data import mnist_tensors
from digitrec.transforms import AugConfig, check_batch, to_float, draw_params, warp, jitter, blur, normalize
from digitrec.learner import get_config, train
sys.path.insert(0, str(Path(__file__).parent))
from jsonrows import merge_rows

STUDY_JSON = Path(__file__).parent/'study_vs_digitrec.json'   # where `--reuse-study` finds the study-style runs

def translate_last_augment(x:torch.Tensor, cfg:AugConfig=AugConfig(), generator=None, normalized:bool=True) -> torch.Tensor:
    "`augment_batch` with the random translation applied after jitter and blur, as the study's per-sample pipeline does."
    x = to_float(check_batch(x))
    p = draw_params(len(x), cfg, x.shape[-1], generator)
    if cfg.rotate or cfg.pad: x = warp(x, p['angle'], p['crop'], cfg.resample)
    if cfg.brightness or cfg.contrast: x = jitter(x, p['brightness'], p['contrast'], p['contrast_first'])
    if cfg.blur_sigma: x = blur(x, p['sigma'], cfg.blur_kernel).clamp_(0, 1)
    if cfg.translate: x = warp(x, torch.zeros(len(x)), p['shift'], cfg.resample)
    return normalize(x) if normalized else x

def blend8(base, x:torch.Tensor, f:torch.Tensor) -> torch.Tensor:
    "PIL's `Image.blend(base, x, f)` on 8-bit levels held as floats: base + f·(x − base) in float32, clipped to [0, 255], truncated."
    return (base + f * (x - base)).clamp_(0, 255).floor_()

def jitter8(x:torch.Tensor, brightness, contrast, contrast_first) -> torch.Tensor:
    "`ColorJitter` on PIL images: brightness blends with black, contrast with the image's mean rounded to a whole level, each step truncated to 8 bits."
    b, c = brightness.view(-1, 1, 1, 1), contrast.view(-1, 1, 1, 1)
    cf = contrast_first.view(-1, 1, 1, 1)
    mean8 = lambda t: (t.double().mean((1, 2, 3), keepdim=True) + 0.5).floor().float()
    # As `jitter`: either order is two blends, brightness with base 0 and factor b, contrast with base mean8 and factor c
    y = blend8(torch.where(cf, mean8(x), 0.), x, torch.where(cf, c, b))
    return blend8(torch.where(cf, 0., mean8(y)), y, torch.where(cf, b, c))

def study_exact_augment(x:torch.Tensor, cfg:AugConfig=AugConfig(), generator=None, normalized:bool=True) -> torch.Tensor:
    "`translate_last_augment` with the jitter and the blur on 8-bit levels as the study's PIL pipeline computes them."
    x = to_float(check_batch(x))
    p = draw_params(len(x), cfg, x.shape[-1], generator)
    if cfg.rotate or cfg.pad: x = warp(x, p['angle'], p['crop'], cfg.resample)
    x = (x * 255).round_()                                               # whole levels (nearest resampling keeps them)
    if cfg.brightness or cfg.contrast: x = jitter8(x, p['brightness'], p['contrast'], p['contrast_first'])
    if cfg.blur_sigma: x = blur(x, p['sigma'], cfg.blur_kernel).round_().clamp_(0, 255)
    if cfg.translate: x = warp(x, torch.zeros(len(x)), p['shift'], cfg.resample)
    x = x / 255
    return normalize(x) if normalized else x

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--seeds', type=int, nargs='+', default=[43]); p.add_argument('--models', nargs='+', default=['lenet5', 'cnn'])
    p.add_argument('--json'); p.add_argument('--reuse-study', action='store_true')
    variant = p.add_mutually_exclusive_group()   # each variant writes its own column, so one at a time
    variant.add_argument('--no-fast', action='store_true', help="digitrec's side in float32, without FastCB")
    variant.add_argument('--translate-last', action='store_true', help="digitrec's side with the translation after jitter and blur")
    variant.add_argument('--study-exact', action='store_true', help="digitrec's side with the study's order and PIL's 8-bit jitter and blur")
    a = p.parse_args()
    old = {}
    if a.reuse_study:
        bench = json.loads((Path(__file__).parent.parent/'benchmarks'/'compare_time.json').read_text())['study_style']
        old = {(r["model"], r["seed"]): r["study_style"] for f in (a.json, STUDY_JSON) if f and Path(f).exists() for r in json.loads(Path(f).read_text())}
        old |= {(m, 42): v["test_acc"] for m, v in bench.items()}
    if a.translate_last: digitrec.learner.augment_batch = translate_last_augment   # what `TensorLoader` calls
    if a.study_exact: digitrec.learner.augment_batch = study_exact_augment
    key = ('digitrec_fp32' if a.no_fast else 'digitrec_translate_last' if a.translate_last else
           'digitrec_study_exact' if a.study_exact else 'digitrec')
    t, rows = mnist_tensors(), []
    for seed in a.seeds:
        for m in a.models:
            ours = train(get_config(m), t, seed=seed, progress=False, fast=not a.no_fast).test_acc
            study = old.get((m, seed)) or train(get_config(m), t, seed=seed, loader='study', fast=False, progress=False).test_acc
            rows.append(dict(model=m, seed=seed, **{key: ours}, study_style=study))
            print(f"{m:8} seed {seed}: {key} {ours:.2%}, study-style {study:.2%}", flush=True)
    if a.json: merge_rows(a.json, rows, key=lambda r: (r['model'], r['seed']), sort=lambda r: (r['seed'], ['lenet5', 'cnn', 'mlp'].index(r['model'])))

if __name__ == '__main__': main()
