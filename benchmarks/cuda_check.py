"""Does digitrec compute the same on a CUDA GPU as on the CPU? (run where a GPU is; CI has none)

    python benchmarks/cuda_check.py [--json FILE]

1. `augment_batch` with the same generator on both devices: the random parameters are drawn on the CPU either way, so
   only the arithmetic differs (largest difference, share of pixels that differ by more than 1/255).
2. The shipped model's logits for the 10,000 test digits, float32 on both devices (largest difference, answers that differ).
3. `predict_image` and `read_digits` with the shipped model moved to the GPU, on generated photos: same answers as on the CPU.
4. `train` twice on the GPU with the same seed (LeNet-5 with Adam, augmentation, 1 epoch on 5,000 images): identical history or not
   (with `train`'s default, which records the whole step since session 26 and recorded it in session 25's third call too). Not
   identical on a GPU as a rule: some of its kernels add in a different order each run (`benchmarks/repeat_check.py`, session 26).
5. `train` with and without `CudaGraphCB` (LeNet-5, Adam at batch 512, 2 epochs on 10,000 images, the last batch smaller): largest
   difference of the histories and of the weights; since session 25 for both of its modes (the whole step, the model's passes)
   against no graphs, the mode each run used, and whether the whole step gives the same history twice.
"""
import argparse, json
import numpy as np, torch
from digitrec.data import mnist_tensors
from digitrec.transforms import AugConfig, augment_batch
from digitrec.learner import get_config, train, predict_logits, CudaGraphCB
from digitrec.inference import load_model, predict_image, read_digits, fake_photo, fake_strip

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0]); p.add_argument('--json'); a = p.parse_args()
    if not torch.cuda.is_available(): raise SystemExit("no CUDA GPU here: this check needs one")
    t, res = mnist_tensors(), {'gpu': torch.cuda.get_device_name(), 'torch': torch.__version__}
    x = t.x_train[:4096]
    for resample in ('nearest', 'bilinear'):
        cfg = AugConfig(resample=resample)
        cpu = augment_batch(x, cfg, torch.Generator().manual_seed(1))
        gpu = augment_batch(x.cuda(), cfg, torch.Generator().manual_seed(1)).cpu()
        d = (cpu - gpu).abs()
        res[f'augment_{resample}'] = dict(max_abs_diff=d.max().item(), share_over_1_255=(d > 2 / 255).float().mean().item())
    model, thr = load_model()
    lc = predict_logits(model, t.x_test)
    lg = predict_logits(model.cuda(), t.x_test)
    res['shipped_logits'] = dict(max_abs_diff=(lc - lg).abs().max().item(), answers_differ=int((lc.argmax(1) != lg.argmax(1)).sum()))
    photos = [fake_photo(t.x_test[i, 0].numpy(), seed=i) for i in range(50)]
    strips = [fake_strip(t.x_test[5 * i:5 * i + 5, 0].numpy(), seed=i) for i in range(10)]
    on_gpu = [predict_image(ph, model=model, threshold=thr).label for ph in photos] + [read_digits(s, model=model).text for s in strips]
    model.cpu()
    on_cpu = [predict_image(ph, model=model, threshold=thr).label for ph in photos] + [read_digits(s, model=model).text for s in strips]
    res['images'] = dict(n=len(on_cpu), same=sum(c == g for c, g in zip(on_cpu, on_gpu)))
    hist = [train(get_config('lenet5', epochs=1, opt='adam', lr=3e-3), t, aug=True, seed=7, n_train=5000, progress=False, device='cuda').history
            for _ in range(2)]
    strip = lambda h: [{k: v for k, v in e.items() if k != 'seconds'} for e in h]
    res['train_repeatable'] = dict(identical=strip(hist[0]) == strip(hist[1]), histories=[strip(h) for h in hist])
    cfg = get_config('lenet5', epochs=2, opt='adam', lr=1e-2, bs=512)
    cbs = {'none': None, 'whole_step': CudaGraphCB(whole_step=True), 'model': CudaGraphCB(whole_step=False)}
    runs = {k: train(cfg, t, aug=False, seed=7, n_train=10_000, progress=False, device='cuda', cuda_graphs=False,
                     extra_cbs=[cb] if cb else []) for k, cb in cbs.items()}
    for k in ('whole_step', 'model'):
        l0, l1 = runs['none'], runs[k]
        hd = max(abs(x[n] - y[n]) for x, y in zip(strip(l0.history), strip(l1.history)) for n in x)
        wd = max((v - l1.model.state_dict()[n]).abs().max().item() for n, v in l0.model.state_dict().items())
        res[f'cuda_graphs_{k}'] = dict(mode=cbs[k].mode, history_max_diff=hd, weights_max_diff=wd, test_acc=[l0.test_acc, l1.test_acc],
                                       epoch_seconds=[[h['seconds'] for h in l.history] for l in (l0, l1)])
    again = train(cfg, t, aug=False, seed=7, n_train=10_000, progress=False, device='cuda', cuda_graphs=True).history   # twice
    res['cuda_graphs_whole_step']['repeatable'] = strip(again) == strip(runs['whole_step'].history)
    for k, v in res.items(): print(f"{k}: {v}")
    if a.json:
        with open(a.json, 'w') as f: json.dump(res, f, indent=1)

if __name__ == '__main__': main()
