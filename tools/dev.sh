#!/usr/bin/env bash
# Run a command inside the project's virtual environment, creating it first when it is missing.
#   bash tools/dev.sh test             every test, as CI runs them
#   bash tools/dev.sh docs             the HTML docs in _docs/ (needs quarto; `docs --check` does all but quarto's part)
#   bash tools/dev.sh digitrec ...     any command installed in the environment
# Needs only Python >= 3.11 with pip and venv. The environment lives in .venv (or $DIGITREC_VENV)
# and is rebuilt when settings.ini or setup.py change.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${DIGITREC_VENV:-.venv}
py=$(command -v python3.11 || command -v python3)
"$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "digitrec needs Python >= 3.11 ($py is older)" >&2; exit 1; }
want=$(cat settings.ini setup.py | sha256sum | cut -c1-16)
if [ "$(cat "$venv/.digitrec-installed" 2>/dev/null)" != "$want" ]; then
  echo "Setting up $venv (the first time this downloads PyTorch, several GB)..." >&2
  free_gb=$(df -Pk "$(dirname "$(readlink -f "$venv")")" | awk 'NR==2 {print int($4 / 1048576)}')
  [ "$free_gb" -ge 10 ] || echo "warning: $free_gb GB free here; a new environment needs about 10 GB (PyTorch's CUDA build). Free some space if pip stops with 'No space left on device'." >&2
  [ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-cache-dir -e ".[dev]"
  echo "$want" > "$venv/.digitrec-installed"
fi
VIRTUAL_ENV=$(cd "$venv" && pwd)   # $DIGITREC_VENV may be absolute or relative
export PATH="$VIRTUAL_ENV/bin:$PATH" VIRTUAL_ENV   # as `source .venv/bin/activate` would, whatever the caller had activated
unset PYTHONHOME
[ $# -gt 0 ] || { echo "usage: bash tools/dev.sh test | bash tools/dev.sh COMMAND [ARGS...]" >&2; exit 2; }
if [ "$1" = test ]; then shift; exec bash tools/test.sh "$@"; fi
if [ "$1" = docs ]; then shift; exec bash tools/docs.sh "$@"; fi
exec "$@"
