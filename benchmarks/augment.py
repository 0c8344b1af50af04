"""Images per second of the study's per-sample augmentation path vs digitrec's batched path, in one run.

    python benchmarks/augment.py [--images 6000] [--json results/bench_augment.json]

Per-sample: torchvision MNIST + `sample_transforms(AugConfig())` in a DataLoader (batch 100), the study's way.
Batched: `augment_batch` on in-memory uint8 tensors, same batch size and the same work (all transforms on).
"""
import argparse, json, os, platform, time
import torch
from torch.utils.data import DataLoader, Subset
from digitrec.data import mnist_datasets, mnist_tensors
from digitrec.transforms import AugConfig, sample_transforms, augment_batch

def per_sample(n, workers, bs=100):
    ds = mnist_datasets(transform=sample_transforms(AugConfig())).full_train
    dl = DataLoader(Subset(ds, range(n)), batch_size=bs, shuffle=True, num_workers=workers)
    start = time.perf_counter()
    for xb, yb in dl: pass
    return n / (time.perf_counter() - start)

def batched(n, bs=100):
    x = mnist_tensors().x_train[:n]; g = torch.Generator().manual_seed(0)
    augment_batch(x[:bs], generator=g)  # warm-up
    start = time.perf_counter()
    for i in range(0, n, bs): augment_batch(x[torch.randint(0, n, (bs,))], generator=g)
    return n / (time.perf_counter() - start)

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--images', type=int, default=6000)
    p.add_argument('--json', help='also write the results to this JSON file')
    a = p.parse_args()
    rows = [('per-sample DataLoader, 0 workers (study)', per_sample(a.images, 0)),
            ('per-sample DataLoader, 2 workers', per_sample(a.images, 2)),
            ('batched augment_batch, batch 100', batched(a.images * 5)),
            ('batched augment_batch, batch 1000', batched(a.images * 5, 1000))]
    base = rows[0][1]
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, {torch.get_num_threads()} threads"
    print(f"augmentation throughput on {machine}")
    print(f"{'path':44} {'images/s':>10} {'vs study':>9}")
    for name, ips in rows: print(f"{name:44} {ips:10,.0f} {ips/base:8.1f}x")
    if a.json:
        with open(a.json, 'w') as f: json.dump(dict(machine=machine, images_per_s=dict(rows)), f, indent=1)

if __name__ == '__main__': main()
