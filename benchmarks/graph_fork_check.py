"""On a GPU: does a DataLoader worker forked after a fit with CUDA graphs survive? (session 13)

    python benchmarks/graph_fork_check.py

The seventh GPU call's `train_speed.py` died when the study-style DataLoader's 2 workers were forked after digitrec's runs with
`CudaGraphCB`: a worker freed a CUDA tensor ("CUDA error: initialization error" in the caching allocator). The recorded graphs
sit in reference cycles, so they outlived the fit and were collected inside the forked worker. `CudaGraphCB.cleanup_fit` now
collects them. This trains a small net with graphs, then forks 2 workers that each run the garbage collector first; once as
digitrec does it, once with `cleanup_fit`'s collection switched off (which should fail, showing what the fix is for)."""
import gc, sys
from unittest.mock import patch
import torch, torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from digitrec.data import mnist_tensors, set_seed
import digitrec.learner as L

collect = gc.collect   # the workers' own, untouched by the patch below

def fit_then_fork(t):
    set_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(6*14*14, 10))
    learn = L.Learner(model, L.data_loaders(96, None, n_train=1000, data=t), lr=1e-2, cbs=[L.DeviceCB(), L.MetricsCB(), L.CudaGraphCB()])
    learn.fit(1); del learn, model
    dl = DataLoader(TensorDataset(torch.arange(8)), 4, num_workers=2, worker_init_fn=lambda _: collect())
    try: return f"workers ran: {[b[0].tolist() for b in dl]}"
    except RuntimeError as e: return f"workers died: {str(e).splitlines()[0]}"

if __name__ == '__main__':
    if not torch.cuda.is_available(): sys.exit("needs a CUDA GPU")
    t = mnist_tensors()
    print("as digitrec does it:", fit_then_fork(t), flush=True)
    with patch.object(L.gc, 'collect', lambda *a: 0): print("without cleanup_fit's collection:", fit_then_fork(t), flush=True)
