"""Find the example scripts in the chapter folders.

An example script is a ``.py`` file in a chapter folder with an
``if __name__ == "__main__":`` block, whose name starts with neither ``_`` nor
``test_``. Each one declares ``SMOKE_ARGS``: the flags for a run of a few
seconds that the generic test makes (``SMOKE_ARGS = None`` when the script is a
long-running server, covered by its chapter's tests instead).
"""

import ast
import os
from pathlib import Path

from hpp.loader import REPO_ROOT

NOT_SET = object()


def chapter_folders(root=None):
    """Every chapter folder (``01_understanding`` ... ``11_less_ram``), in order.

    ``root`` defaults to the repository (or ``$HPP_ROOT``, which tests use).
    """
    root = root or os.environ.get("HPP_ROOT") or REPO_ROOT
    return sorted(
        p for p in Path(root).iterdir() if p.is_dir() and p.name[:2].isdigit() and p.name[2:3] == "_"
    )


def _is_script(tree):
    for node in tree.body:
        if isinstance(node, ast.If):
            test = ast.unparse(node.test).replace("'", '"')
            if test == '__name__ == "__main__"':
                return True
    return False


def example_scripts(chapter):
    """The example scripts of one chapter folder, sorted by path."""
    scripts = []
    for path in sorted(Path(chapter).rglob("*.py")):
        if path.name.startswith(("_", "test_")) or "__pycache__" in path.parts:
            continue
        if _is_script(ast.parse(path.read_text(), filename=str(path))):
            scripts.append(path)
    return scripts


def all_example_scripts(root=REPO_ROOT):
    return [script for chapter in chapter_folders(root) for script in example_scripts(chapter)]


def smoke_args(path):
    """The script's ``SMOKE_ARGS`` literal, read without importing it (NOT_SET when absent)."""
    tree = ast.parse(Path(path).read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "SMOKE_ARGS" for t in node.targets
        ):
            return ast.literal_eval(node.value)
    return NOT_SET
