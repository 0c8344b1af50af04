"""Start-up time of the command line: `digitrec --help`, a usage error, `digitrec predict IMAGE` and `digitrec evaluate CKPT`,
against a bare `import torch`, in one run.

    python benchmarks/startup.py [--rounds 5]

Each command runs in a fresh process, all of them alternating for `--rounds` rounds (this machine's speed drifts);
prints the median seconds of each and its ratio to `import torch`, the floor for any command that uses PyTorch.
`evaluate, torchvision first` is the same `evaluate` in a process that imports torchvision before it starts: what every
command that read MNIST paid before `mnist_tensors` read the IDX files itself (session 28).
"""
import argparse, statistics, subprocess, sys, tempfile, time
from pathlib import Path
from PIL import Image, ImageDraw
from digitrec.inference import default_checkpoint

def timed(cmd):
    t0 = time.perf_counter(); r = subprocess.run(cmd, capture_output=True, text=True); t = time.perf_counter() - t0
    if r.returncode not in (0, 2): sys.exit(f"{' '.join(cmd)} failed: {r.stderr[-500:]}")   # (2: the usage error, as it should)
    return t

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0]); p.add_argument('--rounds', type=int, default=5)
    a = p.parse_args()
    bin_ = Path(sys.executable).parent/'digitrec'
    with tempfile.TemporaryDirectory() as d:
        img = Path(d)/'seven.png'
        im = Image.new('L', (120, 160), 255); ImageDraw.Draw(im).line([(20, 30), (100, 30), (50, 140)], fill=0, width=12); im.save(img)
        ck = str(default_checkpoint())
        cmds = {'import torch': [sys.executable, '-c', 'import torch'], 'digitrec --help': [str(bin_), '--help'],
                'a usage error': [str(bin_), 'train', '--model', 'resnet'],
                'digitrec predict': [str(bin_), 'predict', str(img)], 'digitrec evaluate': [str(bin_), 'evaluate', ck],
                'evaluate, torchvision first': [sys.executable, '-c', f"import sys, torchvision; from digitrec.cli import main; sys.exit(main(['evaluate', {ck!r}]))"]}
        for c in cmds.values(): timed(c)   # warm the file cache
        s = {k: [] for k in cmds}
        for _ in range(a.rounds):
            for k, c in cmds.items(): s[k].append(timed(c))
    base = statistics.median(s['import torch'])
    for k, v in s.items(): print(f"{k:28} {statistics.median(v):5.2f} s  ({statistics.median(v) / base:.2f}x import torch)")
    print(f"evaluate: {statistics.median(s['digitrec evaluate']) / statistics.median(s['evaluate, torchvision first']):.2f}x the time with torchvision imported first")

if __name__ == '__main__': main()
