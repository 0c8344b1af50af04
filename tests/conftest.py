import os, subprocess, sys
from pathlib import Path
import pytest

BIN = Path(sys.executable).parent

def run_cli(*args, env=None, timeout=600):
    "Run the installed `digitrec` console script as a user would; return the CompletedProcess."
    e = dict(os.environ, **(env or {}))
    return subprocess.run([str(BIN/'digitrec'), *map(str, args)], capture_output=True, text=True, env=e, timeout=timeout)

@pytest.fixture(scope='session')
def mnist_root():
    "The machine's shared data folder, fetched once."
    from digitrec.data import fetch_mnist
    return fetch_mnist()
