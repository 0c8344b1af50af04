"Shared by the experiment scripts: write their rows to a JSON file without losing the rows of earlier runs."
import json
from pathlib import Path

def merge_rows(path, rows:list, key, sort=None):
    "Write `rows` to the JSON list in `path`, keeping its other rows: an old row is replaced by a new one with the same `key(row)`."
    path, new = Path(path), {key(r) for r in rows}
    old = [r for r in json.loads(path.read_text()) if key(r) not in new] if path.exists() else []
    rows = old + rows
    path.write_text(json.dumps(sorted(rows, key=sort) if sort else rows, indent=1))
