"The README shows the committed results/ run: its tables are the report's, and its numbers the metrics'."
import json, re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def table_rows(text:str, header:str) -> list[str]:
    "The rows of the first markdown table whose header line starts with `header`."
    lines = text.splitlines()
    i = next(i for i, l in enumerate(lines) if l.startswith(header))
    rows = []
    for l in lines[i + 2:]:
        if not l.startswith('|'): break
        rows.append(l)
    return rows

def test_readme_table_is_the_committed_report():
    report, readme = (ROOT/'results'/'report.md').read_text(), (ROOT/'README.md').read_text()
    rows = table_rows(report, '| Model | Accuracy')
    assert len(rows) == 3 and rows == table_rows(readme, '| Model | Accuracy')
    first = next(l for l in report.splitlines() if re.match(r'\d+ seeds?, \d+ epochs', l))
    assert first in readme, "README's Results paragraph differs from results/report.md: copy the report's"

def test_readme_accuracy_matches_metrics():
    m = json.loads((ROOT/'results'/'metrics.json').read_text())['summary']
    rows = table_rows((ROOT/'README.md').read_text(), '| Model | Accuracy')
    shown = {r.split('|')[1].strip(): float(re.search(r'([\d.]+) %', r.split('|')[2]).group(1)) for r in rows}
    names = {'lenet5': 'LeNet-5', 'cnn': 'CNN', 'mlp': 'MLP'}
    for k, v in m.items():
        assert abs(shown[names[k]] - 100 * v['accuracy']) < 0.006, (k, shown[names[k]], v['accuracy'])
