"""The chapters' read-along notebooks: find them, strip their outputs, run them.

Each chapter folder holds ``read_along.ipynb``, its IPython sessions in the
book's order. They are committed without outputs; the test suite runs each on
the project's own kernel from its chapter folder::

    python -m hpp.notebooks strip 02_profiling/read_along.ipynb   # before committing
    python -m hpp.notebooks run 02_profiling/read_along.ipynb     # run it as a reader does
    python -m hpp.notebooks run --timeit-once 02_profiling/read_along.ipynb   # as the tests do

The tests load this module as an IPython extension first (``%load_ext
hpp.notebooks``): each ``%timeit`` then times one loop of one run. A timing is
the tour's job (``hpp bench``); a test needs each statement run once, and
``%timeit``'s own choice (7 runs of up to 100,000 loops) is most of a notebook's
time.
"""

import argparse
import os
import re
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


# What a markdown cell must not begin with: the reader sees the first line as it is.
STRAY_FIRST_LINE = re.compile(
    r"""
    \s*$                        # an empty first line (or an empty cell)
  | \s                          # indentation: the text would show as code
  | %                           # a magic line (%%markdown, %md)
  | \#\s*%%                     # a script's cell marker (# %% [markdown])
  | (md|markdown|text|raw)\s*$  # a lone cell-type marker (MD, md, markdown)
    """,
    re.IGNORECASE | re.VERBOSE,
)


def stray_markdown_starts(notebook):
    """The markdown cells (by index, with their first line) that begin with anything but text to read.

    A reader's first line is a heading (``#``), prose, a list, a quote or a table; a
    lone ``MD`` or ``%%markdown`` line, an empty line or indentation is a stray.
    """
    found = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            first = cell.source.split("\n", 1)[0]
            if STRAY_FIRST_LINE.match(first):
                found.append((index, first))
    return found


def strip(path):
    """Remove every output and execution count from the notebook at ``path``, in place."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.write(notebook, path)


def load_ipython_extension(ipython):
    """``%load_ext hpp.notebooks``: ``%timeit`` and ``%%timeit`` run one loop, once.

    A cell's own ``-n`` or ``-r`` still wins; every other option works as before.
    """
    timeit = ipython.find_magic("timeit")  # the bound method of IPython's ExecutionMagics

    def timeit_once(line="", cell=None, local_ns=None):
        opts, _ = timeit.__self__.parse_options(
            line, "n:r:tcp:qo", posix=False, strict=False, preserve_non_opts=True
        )
        once = ("" if "n" in opts else "-n 1 ") + ("" if "r" in opts else "-r 1 ")
        return timeit(once + line, cell, local_ns)

    timeit_once.needs_local_scope = True  # IPython passes the caller's namespace, as to %timeit
    ipython.register_magic_function(timeit_once, magic_kind="line_cell", magic_name="timeit")


def run(path, timeout=600, env=None, timeit_once=False):
    """Execute the notebook at ``path`` from its own folder on this interpreter's kernel.

    With ``timeit_once``, ``%timeit`` runs each statement once (see
    ``load_ipython_extension``). Returns the executed notebook; a failing cell
    raises ``nbclient``'s ``CellExecutionError`` with the cell's traceback.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path).resolve()
    notebook = nbformat.read(path, as_version=4)
    if timeit_once:
        notebook.cells.insert(0, nbformat.v4.new_code_cell("%load_ext hpp.notebooks"))
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    kernel_env = dict(os.environ, MPLBACKEND="Agg", **(env or {}))
    client.execute(cwd=str(path.parent), env=kernel_env)
    if timeit_once:
        notebook.cells.pop(0)
    return notebook


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m hpp.notebooks", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["strip", "run"])
    parser.add_argument(
        "--timeit-once", action="store_true", help="run: %%timeit runs each statement once, as in the tests"
    )
    parser.add_argument(
        "notebooks", nargs="*", type=Path, help="notebook files (default: every chapter's read_along.ipynb)"
    )
    args = parser.parse_intermixed_args(argv)  # `run --timeit-once PATH` as well as `run PATH --timeit-once`
    for path in args.notebooks or read_along_notebooks():
        if not path.is_file():
            parser.error(f"no such notebook: {path}")
        if args.action == "strip":
            strip(path)
        else:
            run(path, timeit_once=args.timeit_once)
        print(f"{args.action}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
