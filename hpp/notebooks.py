"""The chapters' read-along notebooks: find them, strip their outputs, run them.

Each chapter folder holds ``read_along.ipynb``, its IPython sessions in the
book's order. They are committed without outputs; the test suite runs each on
the project's own kernel from its chapter folder::

    python -m hpp.notebooks strip 02_profiling/read_along.ipynb   # before committing
    python -m hpp.notebooks run 02_profiling/read_along.ipynb     # run it as the tests do
"""

import argparse
import os
import sys
from pathlib import Path

from hpp.loader import REPO_ROOT

NOTEBOOK_NAME = "read_along.ipynb"


def read_along_notebooks(root=REPO_ROOT):
    """Every chapter's read-along notebook, sorted by chapter."""
    return sorted(Path(root).glob(f"[0-9][0-9]_*/{NOTEBOOK_NAME}"))


def leftover_outputs(notebook):
    """The code cells (by index) that carry outputs or an execution count."""
    return [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]


def strip(path):
    """Remove every output and execution count from the notebook at ``path``, in place."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.write(notebook, path)


def run(path, timeout=600, env=None):
    """Execute the notebook at ``path`` from its own folder on this interpreter's kernel.

    Returns the executed notebook; a failing cell raises ``nbclient``'s
    ``CellExecutionError`` with the cell's traceback.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path).resolve()
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    kernel_env = dict(os.environ, MPLBACKEND="Agg", **(env or {}))
    client.execute(cwd=str(path.parent), env=kernel_env)
    return notebook


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m hpp.notebooks", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["strip", "run"])
    parser.add_argument(
        "notebooks", nargs="*", type=Path, help="notebook files (default: every chapter's read_along.ipynb)"
    )
    args = parser.parse_args(argv)
    for path in args.notebooks or read_along_notebooks():
        if not path.is_file():
            parser.error(f"no such notebook: {path}")
        if args.action == "strip":
            strip(path)
        else:
            run(path)
        print(f"{args.action}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
