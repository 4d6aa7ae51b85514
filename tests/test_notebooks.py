"""The read-along notebooks: committed clean, and every one runs on the project's kernel.

Each notebook asserts the chapter's known results in its own cells, so a run
that ends without an error is a run whose results matched the book.
"""

import ast
import json
import os
import re
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest

from hpp.loader import REPO_ROOT
from hpp.notebooks import leftover_outputs, read_along_notebooks, run, stray_markdown_starts
from hpp.notebooks import main as notebooks_main
from hpp.service import free_port

NOTEBOOKS = read_along_notebooks()
CHAPTERS = sorted(p for p in REPO_ROOT.glob("[0-9][0-9]_*") if p.is_dir())


def chapter_id(path):
    return path.parent.name


def test_every_chapter_has_a_read_along_notebook():
    missing = [chapter.name for chapter in CHAPTERS if not (chapter / "read_along.ipynb").is_file()]
    assert not missing, f"chapters without read_along.ipynb: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=chapter_id)
def test_notebook_is_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert not leftover_outputs(notebook), (
        f"cells with outputs or execution counts: {leftover_outputs(notebook)}; "
        f"run: python -m hpp.notebooks strip {path.relative_to(REPO_ROOT)}"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=chapter_id)
def test_markdown_cells_begin_with_what_a_reader_reads(path):
    """No stray first line (``MD``, ``%%markdown``, an empty line) above a heading or a paragraph."""
    notebook = nbformat.read(path, as_version=4)
    stray = stray_markdown_starts(notebook)
    assert not stray, "markdown cells (index, first line) that begin with a stray line: " + ", ".join(
        f"{index}: {first!r}" for index, first in stray
    )


def test_a_stray_first_line_in_a_markdown_cell_fails(tmp_path):
    """The check above on a notebook of good and stray cells: it names exactly the stray ones."""
    good = [
        "# Chapter 1: a heading",
        "## A section\n\nAnd its paragraph.",
        "Prose that starts a cell, then `code`.",
        "`sum(range(n))` is a sentence too.",
        "- a list\n- of two",
        "1. a numbered list",
        "> a quote",
        "| a | table |",
        "Markdown cells hold prose like this line.",
    ]
    stray = [
        "MD\n# Chapter 3",
        "md\n## A section",
        "%%markdown\nText",
        "\n# A heading",
        "",
        "    indented",
        "# %% [markdown]",
    ]
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell(source) for source in good + stray]
    notebook.cells.insert(1, nbformat.v4.new_code_cell("MD = 1"))  # a code cell may begin with anything
    path = tmp_path / "read_along.ipynb"
    nbformat.write(notebook, path)
    found = stray_markdown_starts(nbformat.read(path, as_version=4))
    assert [first for _, first in found] == [
        "MD",
        "md",
        "%%markdown",
        "",
        "",
        "    indented",
        "# %% [markdown]",
    ]
    assert [index for index, _ in found] == list(range(1 + len(good), len(notebook.cells)))
    with pytest.raises(AssertionError, match="'MD'"):
        test_markdown_cells_begin_with_what_a_reader_reads(path)


def sections_without_asserts(notebook):
    """The headings (level 2 and below) whose code computes something but asserts nothing.

    Each code cell is parsed with ``ast`` after IPython turns its magics into Python. A section
    computes something when its code holds more than imports, definitions and magics such as
    ``%timeit`` or ``%load_ext`` (a shell command ``!...`` counts: it runs a program); it asserts
    with an ``assert`` statement or a call to an ``assert...`` function (``np.testing``, ...).
    """
    from IPython.core.inputtransformer2 import TransformerManager

    transform = TransformerManager().transform_cell
    sections = []  # [heading, computes, asserts]
    for cell in notebook.cells:
        heading = re.search(r"^(#+) (.*)", cell.source, re.M) if cell.cell_type == "markdown" else None
        if heading:
            sections.append([heading.group(2), False, False] if len(heading.group(1)) > 1 else None)
        if cell.cell_type != "code" or not sections or sections[-1] is None:
            continue
        tree = ast.parse(transform(cell.source))
        for statement in tree.body:
            if isinstance(statement, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)):
                continue
            call = statement.value if isinstance(statement, ast.Expr) else None
            magic = isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            if magic and call.func.attr in ("run_line_magic", "run_cell_magic"):
                continue
            sections[-1][1] = True
        for node in ast.walk(tree):
            function = node.func if isinstance(node, ast.Call) else None
            name = getattr(function, "attr", None) or getattr(function, "id", "")  # np.testing.assert_...
            if isinstance(node, ast.Assert) or name.startswith("assert"):
                sections[-1][2] = True
    return [heading for heading, computes, asserts in filter(None, sections) if computes and not asserts]


def test_a_section_that_computes_without_an_assert_is_named():
    """The check below on a notebook of four sections: only the one that asserts nothing fails."""
    cells = [
        ("markdown", "# Chapter 0\n\nThe settings."),
        ("code", "BOOK_SIZE = False\nN = 10"),  # the title's section: settings, nothing to assert
        ("markdown", "## Asserted"),
        ("code", "import math\n%timeit math.sqrt(N)"),
        ("code", "x = math.sqrt(N)\nassert x > 3"),
        ("markdown", "## Checked by numpy"),
        ("code", "import numpy as np\nnp.testing.assert_allclose(np.ones(2), 1)"),
        ("markdown", "### Only timed"),
        ("code", "%load_ext memory_profiler\n%timeit sum(range(N))"),
        ("markdown", "## Printed only"),
        ("code", "def f():\n    return 1\n\nprint(f())"),
        ("markdown", "## A program's output, unread"),
        ("code", "!echo hello"),
    ]
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell(source) if kind == "markdown" else nbformat.v4.new_code_cell(source)
        for kind, source in cells
    ]
    assert sections_without_asserts(notebook) == ["Printed only", "A program's output, unread"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=chapter_id)
def test_notebook_follows_the_book(path):
    """Sections under the book's headings, a BOOK_SIZE switch, and asserted results."""
    notebook = nbformat.read(path, as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    headings = [
        cell
        for cell in notebook.cells
        if cell.cell_type == "markdown" and re.search(r"^#+ ", cell.source, re.M)
    ]
    assert re.search(r"^BOOK_SIZE = False", code, re.M), "the first code cell sets BOOK_SIZE = False"
    unasserted = sections_without_asserts(notebook)
    assert not unasserted, f"sections that compute a result and assert nothing: {unasserted}"
    assert len(headings) >= 2, "the book's section headings as markdown cells"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=chapter_id)
def test_notebook_runs(path, tmp_path):
    executed = run(path, env={"HPP_OUTPUT_DIR": str(tmp_path)}, timeit_once=True)
    errors = [
        output
        for cell in executed.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors


def test_timeit_once_runs_each_statement_once_and_keeps_a_cells_own_options(tmp_path):
    """What the notebook runs above rely on: ``%timeit`` still runs its statement, just once."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(source)
        for source in [
            "calls = []\ndef f():\n    calls.append(1)",
            "%timeit f()",
            "assert len(calls) == 1, calls",
            "%timeit -n 3 f()",
            "assert len(calls) == 1 + 3, calls",
            "%%timeit -r 2 setup = 1\nf()",
            "assert len(calls) == 4 + 2, calls",
            "result = %timeit -o -q f()\nassert (result.loops, result.repeat) == (1, 1)",
            "%timeit undefined_name",
        ]
    ]
    path = tmp_path / "timeit.ipynb"
    nbformat.write(notebook, path)
    with pytest.raises(Exception, match="NameError"):
        run(path, timeit_once=True)
    notebook.cells.pop()
    nbformat.write(notebook, path)
    executed = run(path, timeit_once=True)
    assert [cell.source for cell in executed.cells] == [cell.source for cell in notebook.cells]
    assert notebooks_main(["run", "--timeit-once", str(path)]) == 0  # the command CONTRIBUTING shows


@pytest.mark.server
@pytest.mark.slow
def test_jupyterlab_starts_and_lists_the_notebooks(tmp_path):
    """What ``make lab`` starts: a JupyterLab server on loopback that serves the chapters."""
    port, token = free_port(), "hpp-test-token"
    env = dict(
        os.environ,
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTER_DATA_DIR=str(tmp_path / "data"),
        IPYTHONDIR=str(tmp_path / "ipython"),
    )
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={REPO_ROOT}",
        *(["--allow-root"] if os.geteuid() == 0 else []),  # CI runs as root
    ]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL
    )
    try:
        url = f"http://127.0.0.1:{port}/api/contents/02_profiling?token={token}"
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    listing = json.load(response)
                break
            except OSError:
                assert server.poll() is None, "jupyter lab exited"
                assert time.monotonic() < deadline, "jupyter lab did not answer in 90 s"
                time.sleep(0.5)
        names = {entry["name"] for entry in listing["content"]}
        assert "read_along.ipynb" in names
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=10) as page:
            assert page.status == 200
            assert b"JupyterLab" in page.read()
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
