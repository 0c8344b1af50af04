"""Is a GPU training repeatable, with and without CUDA graphs, and with PyTorch's deterministic algorithms? (run where a GPU is)

    python benchmarks/repeat_check.py [--json FILE]

Session 26 (an H100): with the whole step recorded, two trainings with the same seed gave different histories
(`cuda_check.py`, section 5). GPU kernels that add with atomics (cuDNN's convolution backward passes among them) differ from run
to run on their own; this separates that from the recording. LeNet-5, Adam at batch 512, 2 epochs, seed 7, on 10,000 images (the
last batch of each epoch smaller) and on 10,240 (whole batches only): each of no graphs, the model's passes and the whole step
(`train`'s `cuda_graphs` False, 'model', True) twice, with the default kernels and with deterministic ones
(`set_seed(..., deterministic=True)`: `torch.use_deterministic_algorithms`, `cudnn.deterministic`). Prints whether the two runs
match and how far apart they are. (Session 26's call set the same switches directly; `set_seed` sets them since, not rerun there.)
"""
import argparse, json, os
os.environ.setdefault('CUBLAS_WORKSPACE_CONFIG', ':4096:8')   # as `set_seed` sets it, but before the first runs start cuBLAS
import torch
from digitrec.data import mnist_tensors, set_seed
from digitrec.learner import get_config, train, CudaGraphCB

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0]); p.add_argument('--json'); a = p.parse_args()
    if not torch.cuda.is_available(): raise SystemExit("no CUDA GPU here: this check needs one")
    t, cfg, res = mnist_tensors(), get_config('lenet5', epochs=2, opt='adam', lr=1e-2, bs=512), []
    strip = lambda h: [{k: v for k, v in e.items() if k != 'seconds'} for e in h]
    for det in (False, True):   # torch's default kernels first: `set_seed` turns the deterministic ones on, never off
        if det: set_seed(7, deterministic=True)
        for n in (10_000, 10_240):
            for graphs in (False, 'model', True):
                runs = [train(cfg, t, aug=False, seed=7, n_train=n, progress=False, device='cuda', cuda_graphs=graphs) for _ in range(2)]
                h0, h1 = (strip(l.history) for l in runs)
                mode = next((c.mode for c in runs[0].cbs if isinstance(c, CudaGraphCB)), None)
                r = dict(deterministic=det, n_train=n, cuda_graphs=graphs, mode=mode, identical=h0 == h1,
                         history_max_diff=max(abs(x[k] - y[k]) for x, y in zip(h0, h1) for k in x),
                         weights_max_diff=max((v - runs[1].model.state_dict()[k]).abs().max().item() for k, v in runs[0].model.state_dict().items()),
                         valid_acc=[h0[-1]['valid_acc'], h1[-1]['valid_acc']])
                print(r, flush=True); res.append(r)
    if a.json: json.dump(res, open(a.json, 'w'), indent=1)

if __name__ == '__main__': main()
