"""Write README.md from nbs/index.ipynb (what `nbdev_readme` does where quarto is installed).

Hidden cells (`#| hide`) are dropped and nbdev directives removed; outputs are kept.
Usage: python tools/readme.py          (rewrites README.md when it differs)
"""
from pathlib import Path
import re, nbformat
from nbconvert import MarkdownExporter

root = Path(__file__).resolve().parent.parent

def readme_text(nb_path=root/'nbs'/'index.ipynb') -> str:
    nb = nbformat.read(nb_path, as_version=4)
    cells = []
    for c in nb.cells:
        if c.cell_type == 'code':
            if re.search(r'^#\|\s*hide\s*$', c.source, re.M): continue
            c.source = re.sub(r'^#\|.*\n?', '', c.source, flags=re.M).strip()
        cells.append(c)
    nb.cells = cells
    body, _ = MarkdownExporter(exclude_input_prompt=True, exclude_output_prompt=True).from_notebook_node(nb)
    body = re.sub(r'\n{3,}', '\n\n', body).strip() + '\n'
    return "<!-- generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file -->\n\n" + body

if __name__ == '__main__':
    out, text = root/'README.md', readme_text()
    if not out.exists() or out.read_text() != text: out.write_text(text); print('README.md updated')
