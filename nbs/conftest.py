"pytest settings for `pytest --nbval-lax nbs/`: nbval runs every cell; the outputs stored in the notebooks are for readers."
import pytest

@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    # `nbdev_clean` clears execution counts, and nbval reads a cell with outputs but no count as an error
    # ("Unrun reference cell has outputs"). In lax mode it compares no outputs anyway, so it gets none to compare.
    for item in items:
        if hasattr(item, 'cell') and hasattr(item.cell, 'outputs'): item.cell.outputs = []
