"""Run a notebook's code cells as plain Python, in one namespace and in order, without Jupyter (a lent GPU machine has none).

    python benchmarks/run_nb.py [--slow] nbs/02_learner.ipynb [...]

So the notebooks' tests run where CI cannot: on a GPU, where `def_device()` is CUDA and their GPU branches run. Lines that
import nbdev (not installed there) and the closing `nbdev_export` cell are skipped, and so are cells flagged `#| slow` (full
trainings) unless `--slow` is given, as with `nbdev_test --flags slow`; figures are drawn off screen. The first
failing cell is printed with its traceback, and the exit status is 1."""
import json, os, re, sys, time, traceback
os.environ.setdefault('MPLBACKEND', 'Agg')

def code_cells(path, slow=False):
    for i, c in enumerate(json.load(open(path))['cells']):
        if c['cell_type'] != 'code': continue
        src = ''.join(c['source'])
        if 'nbdev_export' in src or (not slow and re.match(r'#\|\s*slow\b', src)): continue
        yield i, c.get('id', '?'), '\n'.join(l for l in src.splitlines() if not (l.startswith(('from nbdev', 'import nbdev'))))

def run(path, slow=False):
    ns, t0 = {'__name__': '__main__'}, time.perf_counter()
    os.chdir(os.path.dirname(os.path.abspath(path)))
    for i, cid, src in code_cells(path, slow):
        t = time.perf_counter()
        try: exec(compile(src, f'{path} cell {i} ({cid})', 'exec'), ns)
        except Exception:
            traceback.print_exc(); print(f'FAILED: {path}, cell {i} ({cid})', flush=True); return False
        print(f'  cell {i:3} ({cid}) {time.perf_counter() - t:6.1f} s', flush=True)
    print(f'passed: {path} in {time.perf_counter() - t0:.0f} s', flush=True)
    return True

if __name__ == '__main__':
    args, here, ok = sys.argv[1:], os.getcwd(), True
    slow = '--slow' in args
    for p in (a for a in args if a != '--slow'):
        os.chdir(here); ok &= run(os.path.abspath(p), slow)
    sys.exit(0 if ok else 1)
