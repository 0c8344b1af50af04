"`tools/run_nbs.py --check`: the notebooks' stored outputs must exist, hold no error and come from their current code."
import importlib.util, json, shutil
from pathlib import Path
import nbformat, pytest

ROOT = Path(__file__).resolve().parent.parent

@pytest.fixture
def run_nbs(tmp_path, monkeypatch):
    "The tool, pointed at a copy of the committed notebooks and fingerprint."
    spec = importlib.util.spec_from_file_location('run_nbs', ROOT/'tools'/'run_nbs.py')
    mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    shutil.copytree(ROOT/'nbs', tmp_path/'nbs', ignore=shutil.ignore_patterns('.ipynb_checkpoints'))
    shutil.copy(ROOT/'tools'/'outputs.json', tmp_path/'outputs.json')
    monkeypatch.setattr(mod, 'nbs', tmp_path/'nbs'); monkeypatch.setattr(mod, 'stamp_file', tmp_path/'outputs.json')
    return mod

def edit_code(p:Path, f):
    nb = nbformat.read(p, as_version=4)
    f(next(c for c in nb.cells if c.cell_type == 'code' and c.outputs))
    nbformat.write(nb, p)

def test_committed_outputs_pass(run_nbs): assert run_nbs.check() == 0

def test_changed_code_fails(run_nbs, capsys):
    def change(c): c.source += '\n1 + 1'
    edit_code(run_nbs.nbs/'03_mlp.ipynb', change)
    assert run_nbs.check() == 1
    err = capsys.readouterr().err
    assert "code changed after their outputs were made" in err and 'tools/run_nbs.py' in err

def test_error_output_fails(run_nbs, capsys):
    def fail(c): c.outputs = [nbformat.v4.new_output('error', ename='ZeroDivisionError', evalue='division by zero', traceback=[])]
    edit_code(run_nbs.nbs/'04_cnn.ipynb', fail)
    assert run_nbs.check() == 1
    assert "04_cnn.ipynb: a cell's stored output is an error (ZeroDivisionError)" in capsys.readouterr().err

def test_cleared_notebook_fails(run_nbs, capsys):
    p = run_nbs.nbs/'05_lenet5.ipynb'
    nb = nbformat.read(p, as_version=4)
    for c in nb.cells:
        if c.cell_type == 'code': c.outputs = []
    nbformat.write(nb, p)
    assert run_nbs.check() == 1
    assert '05_lenet5.ipynb: no outputs stored' in capsys.readouterr().err

def test_markdown_edits_need_no_rerun(run_nbs):
    p = run_nbs.nbs/'index.ipynb'
    nb = nbformat.read(p, as_version=4)
    next(c for c in nb.cells if c.cell_type == 'markdown').source += '\n\nOne more sentence.'
    nbformat.write(nb, p)
    assert run_nbs.check() == 0

def test_widget_state_fails(run_nbs, capsys):   # ids that change every run, shown nowhere: noise in every diff
    p = run_nbs.nbs/'07_unseen.ipynb'
    nb = nbformat.read(p, as_version=4)
    nb.metadata['widgets'] = {'application/vnd.jupyter.widget-state+json': {'state': {}, 'version_major': 2, 'version_minor': 0}}
    nbformat.write(nb, p)
    assert run_nbs.check() == 1
    assert '07_unseen.ipynb: holds widget state (metadata.widgets)' in capsys.readouterr().err
