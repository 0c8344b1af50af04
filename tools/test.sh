#!/usr/bin/env bash
# Every test, as CI runs them (call it through `bash tools/dev.sh test`, which provides the environment).
set -euo pipefail
cd "$(dirname "$0")/.."
export MPLBACKEND=Agg PYTHONHASHSEED=0
# Everything the tests write to temporary folders (notebook kernels are killed, so their own clean-up never runs) goes here.
TMPDIR=$(mktemp -d -t digitrec-tests.XXXXXX); export TMPDIR; trap 'rm -rf "$TMPDIR"' EXIT
snap() { find nbs digitrec README.md -type f \( -name '*.ipynb' -o -name '*.py' -o -name '*.md' \) \
           -not -path '*/.ipynb_checkpoints/*' -not -name '_*.ipynb' -print0 | sort -z | xargs -0 md5sum; }
before=$(snap)
step() { echo "== $1 (at ${SECONDS} s)"; }   # where the time goes, for a CI that must stay under 20 minutes
step "nbdev_export, nbdev_clean and the README must leave every file unchanged"
nbdev_export && nbdev_clean && python tools/readme.py
if [ "$before" != "$(snap)" ]; then
  echo "FAILED: these files changed; run nbdev_export, nbdev_clean and python tools/readme.py, then commit:"
  diff <(echo "$before") <(snap) | grep '^>' | awk '{print "  " $3}'
  exit 1
fi
step "the notebooks can be processed for the docs (nbdev_docs up to quarto)"
bash tools/docs.sh --check
step "the outputs stored in the notebooks come from their current code"
python tools/run_nbs.py --check
# (not `nbdev_test` as well: it ran the same cells again, 3 of CI's 20 minutes; `nbdev_test --path nbs/NN_name.ipynb` is the quick check
# of one notebook while writing it)
step "pytest --nbval-lax nbs/ (every notebook in a fresh kernel; cells marked NBVAL_SKIP, the full 10-epoch runs, are skipped)"
pytest -q -p no:cacheprovider --nbval-lax nbs/
step "pytest tests/ (two at a time: most of their time is single-threaded start-up of the CLI's subprocesses)"
pytest -q -p no:cacheprovider -n 2 tests/
echo "== all tests passed in ${SECONDS} s"
