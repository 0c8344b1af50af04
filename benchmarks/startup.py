"""Start-up time of the command line: `digitrec --help` and `digitrec predict IMAGE`, against a bare `import torch`, in one run.

    python benchmarks/startup.py [--rounds 5]

Each command runs in a fresh process, the three alternating for `--rounds` rounds (this machine's speed drifts);
prints the median seconds of each and its ratio to `import torch`, the floor for any command that uses PyTorch.
"""
import argparse, statistics, subprocess, sys, tempfile, time
from pathlib import Path
from PIL import Image, ImageDraw

def timed(cmd):
    t0 = time.perf_counter(); subprocess.run(cmd, check=True, capture_output=True); return time.perf_counter() - t0

def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0]); p.add_argument('--rounds', type=int, default=5)
    a = p.parse_args()
    bin_ = Path(sys.executable).parent/'digitrec'
    with tempfile.TemporaryDirectory() as d:
        img = Path(d)/'seven.png'
        im = Image.new('L', (120, 160), 255); ImageDraw.Draw(im).line([(20, 30), (100, 30), (50, 140)], fill=0, width=12); im.save(img)
        cmds = {'import torch': [sys.executable, '-c', 'import torch'], 'digitrec --help': [str(bin_), '--help'],
                'digitrec predict': [str(bin_), 'predict', str(img)]}
        for c in cmds.values(): timed(c)   # warm the file cache
        s = {k: [] for k in cmds}
        for _ in range(a.rounds):
            for k, c in cmds.items(): s[k].append(timed(c))
    base = statistics.median(s['import torch'])
    for k, v in s.items(): print(f"{k:18} {statistics.median(v):5.2f} s  ({statistics.median(v) / base:.2f}x import torch)")

if __name__ == '__main__': main()
