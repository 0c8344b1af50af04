"""Run the notebooks and keep their outputs, so that readers see the figures and numbers without running anything.

The notebooks are read on GitHub and rendered into the docs with what they hold; without this, every figure
(the augmentations before and after, training curves, confusion matrices, misclassified digits) is missing there.
Each notebook runs top to bottom in a fresh kernel from `nbs/`, `#| slow` cells included (the full 10-epoch
trainings), on the CPU, and is saved only when every cell succeeds; `nbdev_clean` then strips the metadata.
`tools/outputs.json` records a fingerprint of the code cells the outputs come from.

Usage: python tools/run_nbs.py               run every notebook (about 6 minutes on 2 cores)
       python tools/run_nbs.py 03_mlp ...    run only these (the fingerprint is left as it was)
       python tools/run_nbs.py --check       exit 1 when outputs are missing, hold an error, or come from other code
"""
from pathlib import Path
import hashlib, json, os, subprocess, sys, tempfile, time
import nbformat
from digitrec.data import write_atomic   # temp file, fsync, rename

root = Path(__file__).resolve().parent.parent
nbs, stamp_file = root/'nbs', root/'tools'/'outputs.json'

def notebooks(): return sorted(p for p in nbs.glob('*.ipynb') if not p.name.startswith('_'))

def fingerprint() -> str:
    "sha256 of every notebook's code cells: the library is exported from them, so a change in one can change any output."
    h = hashlib.sha256()
    for p in notebooks():
        h.update(p.name.encode())
        for c in nbformat.read(p, as_version=4).cells:
            if c.cell_type == 'code': h.update(c.source.encode() + b'\0')
    return h.hexdigest()

def problems(p:Path) -> list[str]:
    "What is wrong with the outputs stored in notebook `p`."
    cells = [c for c in nbformat.read(p, as_version=4).cells if c.cell_type == 'code']
    errs = [o for c in cells for o in c.outputs if o.output_type == 'error']
    if errs: return [f"{p.name}: a cell's stored output is an error ({errs[0].ename})"]
    if 'widgets' in nbformat.read(p, as_version=4).metadata: return [f"{p.name}: holds widget state (metadata.widgets)"]
    if cells and not any(c.outputs for c in cells): return [f"{p.name}: no outputs stored"]
    return []

def check() -> int:
    msgs = [m for p in notebooks() for m in problems(p)]
    saved = json.loads(stamp_file.read_text()) if stamp_file.exists() else {}
    if saved.get('code') != fingerprint():
        msgs.append("the notebooks' code changed after their outputs were made" + (f" ({saved['when']})" if saved else ''))
    for m in msgs: print(m, file=sys.stderr)
    if msgs: print("run `bash tools/dev.sh python tools/run_nbs.py` (about 6 minutes), then commit the notebooks and tools/outputs.json", file=sys.stderr)
    return int(bool(msgs))

def run(p:Path):
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    nb = nbformat.read(p, as_version=4)
    t0 = time.time()
    try: NotebookClient(nb, timeout=1800, kernel_name='python3', resources={'metadata': {'path': str(nbs)}}, store_widget_state=False,
                            extra_arguments=['--IPKernelApp.log_level=ERROR']).execute()   # widget state: ids that change every run, shown nowhere
    except CellExecutionError as e: sys.exit(f"{p.name}: a cell failed, the notebook is left as it was: {e.ename}: {e.evalue}")
    nb.metadata.pop('widgets', None)   # as read from the file, which may hold some from before
    write_atomic(p, (nbformat.writes(nb) + '\n').encode())   # an interrupted run never leaves a half-written notebook
    print(f"{p.name}: {time.time() - t0:.0f} s", flush=True)

def main(args):
    if args == ['--check']: return check()
    names = [a.removesuffix('.ipynb') for a in args]
    todo = [p for p in notebooks() if not names or p.stem in names]
    if missing := set(names) - {p.stem for p in todo}: sys.exit(f"no notebook named {', '.join(sorted(missing))} in nbs/")
    # Outputs made as a reader would make them: inline figures, the CPU, a fixed hash seed, scratch files in a temporary folder.
    os.environ.pop('MPLBACKEND', None)
    os.environ.update(CUDA_VISIBLE_DEVICES='', PYTHONHASHSEED='0')
    with tempfile.TemporaryDirectory(prefix='digitrec-nbs.') as tmp:
        os.environ['TMPDIR'] = tmp
        for p in todo: run(p)
    subprocess.run(['nbdev_clean'], cwd=root, check=True)
    if not names:
        write_atomic(stamp_file, (json.dumps({'code': fingerprint(), 'when': time.strftime('%Y-%m-%d')}, indent=1) + '\n').encode())
    return 0

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))
