"Integration tests of `digitrec train`: interrupt and resume, bad checkpoints, bad arguments."
import json, os, signal, subprocess, sys, time
from pathlib import Path
import pytest
from conftest import run_cli, BIN

QUICK = ['--model', 'mlp', '--epochs', '3', '--n-train', '3000', '--quiet']

def history(out, model='mlp'):
    h = json.loads((Path(out)/f'{model}-history.json').read_text())
    return [{k: v for k, v in e.items() if k != 'seconds'} for e in h['history']], h['test_acc']

def test_killed_and_resumed_run_matches_uninterrupted(tmp_path):
    r = run_cli('train', *QUICK, '--out', tmp_path/'full')
    assert r.returncode == 0, r.stderr
    # a second run, killed (SIGKILL: no cleanup at all) once its first epoch's checkpoint exists
    p = subprocess.Popen([str(BIN/'digitrec'), 'train', *QUICK, '--out', str(tmp_path/'cut')],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    last = tmp_path/'cut'/'mlp-last.pt'
    deadline = time.time() + 120
    while not last.exists() and p.poll() is None and time.time() < deadline: time.sleep(0.02)
    p.send_signal(signal.SIGKILL); p.wait()
    assert last.exists() and not (tmp_path/'cut'/'mlp.pt').exists()
    r = run_cli('train', *QUICK, '--out', tmp_path/'cut', '--resume')
    assert r.returncode == 0, r.stderr
    assert history(tmp_path/'cut') == history(tmp_path/'full')

def test_deterministic_run_repeats(tmp_path):
    "`--deterministic` on a GPU: two runs, the same numbers (a GPU's default kernels differ from run to run: `benchmarks/repeat_check.py`). On a CPU, which repeats anyway: the numbers of a run without it."
    import torch
    args = ['--model', 'lenet5', '--epochs', '1', '--n-train', '2000', '--quiet']   # convolutions: what a GPU adds in a different order each run
    flags = ['--deterministic', '--deterministic' if torch.cuda.is_available() else None]
    for i, f in enumerate(flags):
        r = run_cli('train', *args, *([f] if f else []), '--out', tmp_path/str(i))
        assert r.returncode == 0 and not r.stderr, r.stderr   # (and no warning from torch about a kernel without a deterministic version)
    assert history(tmp_path/'0', 'lenet5') == history(tmp_path/'1', 'lenet5')
    assert json.loads((tmp_path/'0'/'lenet5-history.json').read_text())['meta']['deterministic']

def test_truncated_checkpoint_is_one_clear_error(tmp_path):
    assert run_cli('train', *QUICK, '--epochs', '1', '--out', tmp_path).returncode == 0
    ck = tmp_path/'mlp.pt'
    good = ck.read_bytes()
    (tmp_path/'mlp-last.pt').write_bytes(good[:len(good)//3])
    r = run_cli('train', *QUICK, '--out', tmp_path, '--resume')
    assert r.returncode == 1 and 'not a readable digitrec checkpoint' in r.stderr and 'Traceback' not in r.stderr
    assert ck.read_bytes() == good            # the good final checkpoint is untouched

def test_checkpoint_of_another_model(tmp_path):
    assert run_cli('train', *QUICK, '--epochs', '1', '--out', tmp_path).returncode == 0
    (tmp_path/'cnn-last.pt').write_bytes((tmp_path/'mlp.pt').read_bytes())
    r = run_cli('train', '--model', 'cnn', '--out', tmp_path, '--resume', '--quiet')
    assert r.returncode == 1 and "for model 'mlp', not 'cnn'" in r.stderr and 'Traceback' not in r.stderr

def test_failed_run_never_overwrites_a_good_checkpoint(tmp_path):
    assert run_cli('train', *QUICK, '--epochs', '1', '--out', tmp_path).returncode == 0
    good = (tmp_path/'mlp.pt').read_bytes()
    # a run interrupted with Ctrl-C after its first epoch: exit 130, one line, the final checkpoint untouched
    p = subprocess.Popen([str(BIN/'digitrec'), 'train', *QUICK, '--epochs', '50', '--n-train', '20000', '--out', str(tmp_path)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as from a terminal, even when this runs in a background job (which ignores SIGINT)
    while not (tmp_path/'mlp-last.pt').exists() and p.poll() is None: time.sleep(0.02)
    p.send_signal(signal.SIGINT); _, err = p.communicate(timeout=60)
    assert p.returncode == 130 and 'interrupted' in err and 'Traceback' not in err and err.count('\n') == 1
    assert f"saved in {tmp_path/'mlp-last.pt'}; run the same command with --resume" in err, err
    assert (tmp_path/'mlp.pt').read_bytes() == good
    r = run_cli('train', *QUICK, '--epochs', '1', '--out', tmp_path)   # the same command without --resume starts over, and says so
    assert r.returncode == 0 and f"{tmp_path/'mlp-last.pt'} holds an interrupted run; starting over" in r.stderr, r.stderr

def test_resuming_a_finished_run_trains_nothing(tmp_path):
    assert run_cli('train', *QUICK, '--epochs', '1', '--out', tmp_path).returncode == 0
    before = history(tmp_path)
    r = run_cli('train', *QUICK, '--epochs', '1', '--out', tmp_path, '--resume')
    assert r.returncode == 0 and 'after 1 epoch;' in r.stdout, r.stderr
    assert history(tmp_path) == before and not (tmp_path/'mlp-last.pt').exists()

@pytest.mark.parametrize('args,msg', [(['--model', 'resnet'], "invalid choice: 'resnet'"),
                                      (['--model', 'mlp', '--epochs', '-1'], 'must be >= 0'),
                                      (['--model', 'mlp', '--epochs', 'ten'], 'expected a whole number'),
                                      (['--model', 'mlp', '--seed', '-5'], 'argument --seed: must be from 0 to 4294967295, got -5'),
                                      (['--model', 'mlp', '--resume', '--out', '/nonexistent/x'], 'nothing to resume: /nonexistent/x has neither'),
                                      (['--model', 'mlp', '--out', '/proc/digitrec-run'], 'choose a writable --out')])
def test_bad_arguments(args, msg):
    r = run_cli('train', *args, '--quiet')
    assert r.returncode != 0 and msg in r.stderr and 'Traceback' not in r.stderr

def test_resume_with_nothing_to_resume(tmp_path):
    r = run_cli('train', *QUICK, '--out', tmp_path/'never', '--resume')
    assert r.returncode == 1 and r.stderr == f"digitrec: error: nothing to resume: {tmp_path/'never'} has neither mlp-last.pt nor mlp.pt; run without --resume to start\n", r.stderr
    assert not (tmp_path/'never').exists()   # and no folder made for it

def test_models_are_known_without_importing_their_modules():
    "`get_config` from `digitrec.learner` alone knows the library's models, which register themselves when their modules are imported."
    code = ("from digitrec.learner import get_config, MODELS, DigitrecError\n"
            "print(get_config('lenet5').bs, get_config('mlp').name, sorted(MODELS))\n"
            "try: get_config('resnet')\nexcept DigitrecError as e: print(e)")
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout == ("100 mlp ['cnn', 'lenet5', 'lenet5-1998', 'mlp', 'mlp-tuned']\n"
                        "unknown model 'resnet'; choose one of: cnn, lenet5, lenet5-1998, mlp, mlp-tuned\n"), r.stdout

def test_training_on_a_cpu_keeps_freed_memory(mnist_root):
    "`train` calls `keep_freed_memory` (`02_learner`, which tests what it does) when it trains on a CPU with `fast`, and not without `fast`."
    from unittest.mock import patch
    from digitrec.learner import train, get_config
    for fast in (True, False):
        with patch('digitrec.learner.keep_freed_memory') as keep:
            train(get_config('mlp', epochs=1), n_train=200, progress=False, device='cpu', fast=fast)
        assert keep.called == fast
