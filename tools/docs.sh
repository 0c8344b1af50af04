#!/usr/bin/env bash
# The HTML documentation, rendered from the notebooks and the outputs stored in them (call it through `bash tools/dev.sh docs`).
#   bash tools/dev.sh docs           build _docs/ with nbdev_docs; needs quarto (https://quarto.org), which this project's CI cannot install
#   bash tools/dev.sh docs --check   what nbdev_docs does before quarto: process every notebook for the docs into _proc/ (runs its
#                                    exported cells and its import cells, renders its API docs); no quarto needed; part of the test command
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --check ]; then
  python - <<'PY'
import ast, sys
from nbdev.process import NBProcessor
from nbdev.processors import _want_doc
from nbdev.serve import proc_nbs
from nbdev.doclinks import nbglob
# nbdev_docs runs, in a notebook with API docs, its exported cells and every other cell with an import (nbdev's FAQ):
# such a cell that does more than import runs there without the cells before it.
imp, mixed = (ast.Import, ast.ImportFrom), []
for p in sorted(nbglob('nbs')):
    cells = [c for c in NBProcessor(p).nb.cells if c.cell_type == 'code']
    if not any(_want_doc(c) for c in cells): continue
    for c in cells:
        if c.directives_.keys() & {'export', 'exports', 'exporti', 'exec_doc'} or c.directives_.get('eval:') == ['false']: continue
        if 'nbdev_export()' in c.source: continue   # the closing `nbdev.nbdev_export()`: nbdev_docs skips it
        body = c.parsed_() or []
        if any(isinstance(n, imp) for t in body for n in ast.walk(t)) and not all(isinstance(n, imp) for n in body):
            mixed.append(f"  {p} cell {c.idx_}: {next(l for l in c.source.splitlines() if 'import' in l).strip()}")
if mixed: sys.exit("docs: these cells mix imports with other code, and nbdev_docs would run them out of the notebook's order; "
                   "move their imports to a cell of their own:\n" + '\n'.join(mixed))
try: proc_nbs('nbs', n_workers=0, force=True)
except Exception as e: sys.exit(f"docs: {e}")
print('docs: every notebook processed for the docs (_proc/); rendering them needs quarto: bash tools/dev.sh docs')
PY
  exit
fi
if ! command -v quarto >/dev/null; then
  echo "docs: quarto not found; install it (https://quarto.org/docs/get-started/) and rerun. (nbdev_docs would try to install it with sudo.)" >&2
  exit 1
fi
# nbdev_docs also writes README.md with quarto; this project's README comes from tools/readme.py (the test command checks it), so keep it.
keep=$(mktemp)
cp README.md "$keep"
trap 'cp "$keep" README.md; rm -f "$keep" nbs/nbdev.yml nbs/sidebar.yml' EXIT
nbdev_docs
echo "docs: _docs/index.html"
