"""Images per second of the study's per-sample augmentation path vs digitrec's batched path, in one run, and where the per-sample path's time goes.

    python benchmarks/augment.py [--images 6000] [--json benchmarks/augment.json]

Per-sample: torchvision MNIST + the study's transforms (`study_transforms(AugConfig())`: classic torchvision transforms
on PIL images, nearest interpolation) in a DataLoader (batch 100), the study's way, with 0 and with 2 workers.
Batched: `augment_batch` on in-memory uint8 tensors, same batch size and the same work (all transforms on), and at
batch 1,000 (what digitrec's training loader uses is 1,024).
Then the cost of each of the study's transforms, applied in order to MNIST digits as PIL images (microseconds per
image, in this process, 1,000 digits).
"""
import argparse, json, os, platform, time
import torch
from PIL import Image
from torch.utils.data import DataLoader, Subset
from digitrec.data import mnist_datasets, mnist_tensors
from digitrec.transforms import AugConfig, study_transforms, augment_batch

def per_sample(n, workers, bs=100):
    ds = mnist_datasets(transform=study_transforms(AugConfig())).full_train
    dl = DataLoader(Subset(ds, range(n)), batch_size=bs, shuffle=True, num_workers=workers)
    start = time.perf_counter()
    for xb, yb in dl: pass
    return n / (time.perf_counter() - start)

def batched(x, n, bs=100):
    x = x[:n]; g = torch.Generator().manual_seed(0)
    augment_batch(x[:bs], generator=g)  # warm-up
    start = time.perf_counter()
    for i in range(0, n, bs): augment_batch(x[torch.randint(0, n, (bs,))], generator=g)
    return n / (time.perf_counter() - start)

def per_transform(x, n=1000):
    "Microseconds per image of each step of the study's pipeline, each timed on the previous steps' outputs."
    torch.manual_seed(0)
    imgs = [Image.fromarray(a.numpy(), mode='L') for a in x[:n, 0]]
    out = {}
    for t in study_transforms(AugConfig()).transforms:
        t(imgs[0])  # warm-up
        start = time.perf_counter(); imgs = [t(im) for im in imgs]
        out[type(t).__name__] = (time.perf_counter() - start) / n * 1e6
    return out

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--images', type=int, default=6000)
    p.add_argument('--json', help='also write the results to this JSON file')
    a = p.parse_args()
    x = mnist_tensors().x_train   # loaded once, for the batched path and the per-transform timings
    rows = [('per-sample DataLoader, 0 workers (study)', per_sample(a.images, 0)),
            ('per-sample DataLoader, 2 workers', per_sample(a.images, 2)),
            ('batched augment_batch, batch 100', batched(x, a.images * 5)),
            ('batched augment_batch, batch 1000', batched(x, a.images * 5, 1000))]
    steps = per_transform(x)
    base = rows[0][1]
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__}, {torch.get_num_threads()} threads"
    print(f"augmentation throughput on {machine}")
    print(f"{'path':44} {'images/s':>10} {'vs study':>9}")
    for name, ips in rows: print(f"{name:44} {ips:10,.0f} {ips/base:8.1f}x")
    print(f"\nthe study's per-sample pipeline, step by step (µs per image; {sum(steps.values()):.0f} in all):")
    for name, us in steps.items(): print(f"  {name:16} {us:6.0f}")
    if a.json:
        with open(a.json, 'w') as f: json.dump(dict(machine=machine, images_per_s=dict(rows), study_step_us=steps), f, indent=1)

if __name__ == '__main__': main()
