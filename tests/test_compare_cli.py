"Integration tests of `digitrec compare` and `digitrec evaluate` as a user runs them."
import json, signal, subprocess, time
from pathlib import Path
from PIL import Image
from conftest import run_cli, BIN

QUICK = ['--epochs', '1', '--n-train', '2000', '--quiet']

def test_compare_writes_the_report(tmp_path):
    out = tmp_path/'results'
    r = run_cli('compare', *QUICK, '--out', out, '--device', 'cpu')
    assert r.returncode == 0, r.stderr
    report = (out/'report.md').read_text()
    assert '| Model | Accuracy | Precision | Recall | F1 | Training loss | Epochs to convergence | s / epoch |' in report
    for name in ('LeNet-5', 'CNN', 'MLP'): assert f'| {name} |' in report
    assert 'Is the ranking real?' in report and 'vs' in report
    m = json.loads((out/'metrics.json').read_text())
    assert m['meta']['device'] == 'cpu' and ', cpu (' in report   # where it trained, as asked
    import torch; from digitrec.learner import bf16_supported   # the processor, and which models trained with bf16 autocast (those asking for it, on a CPU with bf16)
    arith = 'bf16 autocast for LeNet-5 and CNN' if bf16_supported(torch.device('cpu')) else 'float32'
    assert m['meta']['autocast'] == (['lenet5', 'cnn'] if bf16_supported(torch.device('cpu')) else [])
    assert f", cpu ({m['meta']['processor']}, " in report and f" cores, {arith}); " in report and m['meta']['processor']
    assert set(m['summary']) == {'lenet5', 'cnn', 'mlp'} and len(m['analysis']['mcnemar']) == 3
    assert 0 <= m['summary']['cnn']['accuracy'] <= 1
    pngs = sorted(p.name for p in out.glob('*.png'))
    assert pngs == sorted(['curves.png'] + [f'{k}_{n}.png' for k in ('confusion', 'mistakes') for n in ('lenet5', 'cnn', 'mlp')])
    for p in out.glob('*.png'): assert Image.open(p).size[0] > 100
    # evaluate one of its checkpoints
    ck = out/'runs'/'seed42'/'cnn.pt'
    r = run_cli('evaluate', ck, '--json')
    assert r.returncode == 0, r.stderr
    ev = json.loads(r.stdout)
    assert abs(ev['accuracy'] - m['runs']['cnn'][0]['accuracy']) < 1e-9
    assert len(ev['confusion']) == 10
    r = run_cli('evaluate', ck)
    assert 'macro precision' in r.stdout
    lines = r.stdout.splitlines(); i = lines.index('confusion matrix (rows: true, columns: predicted)')
    assert lines[i + 1].split() == [str(c) for c in range(10)]   # the predicted classes head the columns
    assert [[int(v) for v in l.split()] for l in lines[i + 2:i + 12]] == [[k, *row] for k, row in enumerate(ev['confusion'])]

def test_compare_bad_output_folders(tmp_path):
    r = run_cli('compare', *QUICK, '--out', '/proc/digitrec-results')
    assert r.returncode == 1 and 'choose a writable --out' in r.stderr and 'Traceback' not in r.stderr
    mine = tmp_path/'thesis'; mine.mkdir(); (mine/'chapter1.tex').write_text('mine')
    r = run_cli('compare', *QUICK, '--out', mine)
    assert r.returncode == 1 and 'not a digitrec results folder' in r.stderr
    assert [p.name for p in mine.iterdir()] == ['chapter1.tex']
    assert run_cli('compare', '--seeds', '0').returncode == 2
    r = run_cli('compare', '--epochs', '0')
    assert r.returncode == 2 and 'argument --epochs: must be >= 1, got 0' in r.stderr

def test_evaluate_bad_checkpoints(tmp_path):
    (tmp_path/'trunc.pt').write_bytes(b'PK\x03\x04 not really')
    r = run_cli('evaluate', tmp_path/'trunc.pt')
    assert r.returncode == 1 and 'not a readable digitrec checkpoint' in r.stderr and 'Traceback' not in r.stderr
    r = run_cli('evaluate', tmp_path/'missing.pt')
    assert r.returncode == 1 and 'not found' in r.stderr

def _ctrl_c_when(path_glob, argv, tmp_path):
    "Run `digitrec compare argv`, press Ctrl-C once `path_glob` exists under `tmp_path`; return its exit status and stderr."
    p = subprocess.Popen([str(BIN/'digitrec'), 'compare', *map(str, argv)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    while not list(tmp_path.glob(path_glob)) and p.poll() is None: time.sleep(0.05)
    p.send_signal(signal.SIGINT); _, err = p.communicate(timeout=60)
    return p.returncode, err

def test_interrupted_compare_leaves_the_previous_results_and_resumes(tmp_path):
    out, part = tmp_path/'results', tmp_path/'.results.partial'
    assert run_cli('compare', *QUICK, '--models', 'mlp', '--out', out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    # Ctrl-C after an epoch (06_evaluate tests the rest in-process: before any epoch nothing is kept, other settings are refused)
    run = ['--models', 'lenet5', '--epochs', '4', '--n-train', '3000', '--quiet', '--out', out]
    code, err = _ctrl_c_when('.results.partial/runs/seed42/lenet5-last.pt', run, tmp_path)
    assert code == 130 and err == (f"digitrec: interrupted; the previous results in {out} are unchanged; what was trained is kept in {part}: "
                                   "run the same command with --resume to continue\n"), err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    r = run_cli('compare', *run, '--resume')
    assert r.returncode == 0 and r.stderr == '', r.stderr
    m = json.loads((out/'metrics.json').read_text())
    assert m['meta']['resumed'] and len(m['runs']['lenet5'][0]['history']) == 4 and not part.exists()
