"`tools/docs.sh`: the docs' check catches what would stop `nbdev_docs`, and without quarto the build is one clear line."
import json, os, shutil, subprocess
from pathlib import Path
import pytest
from conftest import BIN

ROOT = Path(__file__).resolve().parent.parent

def _nb(*cells) -> dict:
    return dict(nbformat=4, nbformat_minor=5, metadata={}, cells=[
        dict(cell_type='code', execution_count=None, id=f'c{i}', metadata={}, outputs=[], source=s) for i, s in enumerate(cells)])

def _project(d:Path, *cells) -> Path:
    "A copy of this project's settings and docs script, with one small notebook in nbs/."
    shutil.copy(ROOT/'settings.ini', d); (d/'tools').mkdir(); shutil.copy(ROOT/'tools'/'docs.sh', d/'tools')
    (d/'nbs').mkdir(); shutil.copy(ROOT/'nbs'/'_quarto.yml', d/'nbs')
    (d/'nbs'/'00_tiny.ipynb').write_text(json.dumps(_nb('#| default_exp tiny', '#| export\ndef f():\n    "One."\n    return 1', *cells)))
    return d

def _docs(d:Path, *args):
    # This Python's own commands, whatever virtualenv the caller's shell had activated (IPython warns on stderr when they differ).
    env = {k: v for k, v in os.environ.items() if k != 'VIRTUAL_ENV'} | dict(PATH=f"{BIN}:/usr/bin:/bin")
    return subprocess.run(['bash', str(d/'tools'/'docs.sh'), *args], capture_output=True, text=True, env=env, timeout=300)

def test_check_passes_on_separate_imports(tmp_path):
    r = _docs(_project(tmp_path, 'import os', 'x = f()\nassert x == 1'), '--check')
    assert r.returncode == 0 and 'every notebook processed' in r.stdout, r.stderr
    docs = [''.join(o['data']['text/markdown']) for c in json.loads((tmp_path/'_proc'/'00_tiny.ipynb').read_text())['cells']
            for o in c.get('outputs', []) if 'text/markdown' in o.get('data', {})]
    assert len(docs) == 1 and '### f' in docs[0] and '*One.*' in docs[0], docs   # f's documentation, rendered from its docstring

def test_check_fails_on_a_test_that_imports(tmp_path):
    r = _docs(_project(tmp_path, 'x = f()', 'import os\nassert x == 1'), '--check')   # nbdev_docs would run the second cell without the first
    assert r.returncode == 1 and 'Traceback' not in r.stderr, r.stderr
    assert r.stderr.endswith("move their imports to a cell of their own:\n  nbs/00_tiny.ipynb cell 3: import os\n"), r.stderr

def test_check_reports_an_exported_cell_that_fails(tmp_path):
    d = _project(tmp_path); nb = json.loads((d/'nbs'/'00_tiny.ipynb').read_text())
    nb['cells'].append(_nb('#| export\ng = f() + undefined_name')['cells'][0] | dict(id='bad'))
    (d/'nbs'/'00_tiny.ipynb').write_text(json.dumps(nb))
    r = _docs(d, '--check')
    assert r.returncode == 1 and r.stderr.startswith('docs: Error') and 'undefined_name' in r.stderr and 'Traceback' not in r.stderr, r.stderr

def test_check_fails_on_mixed_cells_that_happen_to_run(tmp_path):
    r = _docs(_project(tmp_path, 'import os\ny = os.sep'), '--check')
    assert r.returncode == 1 and r.stderr.endswith("a cell of their own:\n  nbs/00_tiny.ipynb cell 2: import os\n"), r.stderr

@pytest.mark.skipif(shutil.which('quarto', path=f"{BIN}:/usr/bin:/bin") is not None, reason='quarto is installed here')
def test_build_without_quarto_is_one_clear_line(tmp_path):
    d = _project(tmp_path); (d/'README.md').write_text('kept')
    r = _docs(d)
    assert r.returncode == 1 and r.stderr.startswith('docs: quarto not found') and r.stderr.count('\n') == 1, r.stderr
    assert (d/'README.md').read_text() == 'kept' and sorted(p.name for p in (d/'nbs').iterdir()) == ['00_tiny.ipynb', '_quarto.yml']
