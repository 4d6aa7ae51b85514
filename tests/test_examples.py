"""Every example script in every chapter: ``--help`` works, an unknown flag is refused, a small run succeeds.

A new script is covered the day it lands. Its entry in ``tests/example_scripts.toml``
gives the flags for a run of a few seconds, and the packages (``[requires]``) or
programs (``[requires_tools]``) it needs
an optional package or a program outside Python, so the run skips with the
reason on a machine without them.

``--help`` and the unknown flag are checked in this process: the script is
imported, its ``main`` called with ``ArgumentParser.parse_args`` intercepted
(so the parser is captured before any work), and the real ``parse_args`` run on
the captured parser. One real subprocess per script stays: the small run
(``--help`` for a long-running service, whose run its chapter's tests make).
"""

import argparse
import ast
import contextlib
import importlib.util
import io
import re
import tomllib
from pathlib import Path

import pytest

from hpp.examples import (
    MARKER,
    NOT_SET,
    MarkerError,
    all_example_scripts,
    chapter_folders,
    listing_files,
    marked_counts,
    marked_lines,
    requirements,
    smoke_args,
    smoke_table,
)
from hpp.loader import REPO_ROOT, load_example

SCRIPTS = all_example_scripts()
REAL_PARSE_ARGS = argparse.ArgumentParser.parse_args


def script_id(path):
    return str(path.relative_to(REPO_ROOT))


def optional_modules():
    """Import names of the packages that ``make install`` leaves out (the ``gpu`` extra).

    Every other package a script needs is installed by ``make install``: if it is
    missing the test fails, so a forgotten install step cannot hide behind a skip.
    """
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    names = project["optional-dependencies"]["gpu"]
    return {re.split(r"[<>=!~;\[ ]", name)[0].lower().replace("-", "_") for name in names}


def skip_if_requirements_missing(path, needs):
    optional = optional_modules()
    packages, programs = requirements(path)
    for module in packages:
        if importlib.util.find_spec(module) is None:
            if module not in optional:
                pytest.fail(f"{module!r} is missing although make install installs it")
            if module == "torch":
                needs.torch()
            pytest.skip(f"needs the Python package {module!r}: pip install -e '.[gpu]'")
    for tool in programs:
        needs.program(tool)


class ParserCaptured(Exception):
    def __init__(self, parser):
        self.parser = parser


def captured_parser(script):
    """The parser ``script``'s ``main`` builds, captured before it parses; None if it cannot be."""
    try:
        module = load_example(script)
    except Exception:  # the script cannot be imported here: its subprocess test tells why
        return None
    if not callable(getattr(module, "main", None)):
        return None

    def intercept(self, *args, **kwargs):
        raise ParserCaptured(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(argparse.ArgumentParser, "parse_args", intercept)
        patch.setattr(argparse.ArgumentParser, "parse_known_args", intercept)
        try:
            module.main([])
        except ParserCaptured as captured:
            return captured.parser
        except (Exception, SystemExit):
            return None
    return None


def parse(parser, argv):
    """Run the real ``parse_args``: ``(exit code, stdout, stderr)``."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            REAL_PARSE_ARGS(parser, argv)
            code = None
        except SystemExit as stop:
            code = stop.code
    return code, out.getvalue(), err.getvalue()


def test_every_chapter_has_a_readme():
    for chapter in chapter_folders():
        assert (chapter / "README.md").is_file(), chapter


def test_the_scripts_read_as_the_books_listings():
    """Over every example script and compiled listing, the marked lines dominate (``hpp list --share``).

    At least 80% of the code lines lie between ``# book:``/``# taught:`` markers and at least
    60% between ``# book:`` markers: the rest (parsers, timing, printing, ``main``) lives in
    the families' drivers.
    """
    book = taught = code = 0
    for chapter in chapter_folders():
        for b, t, c in marked_counts(chapter).values():
            book, taught, code = book + b, taught + t, code + c
    assert (book + taught) / code >= 0.80, (
        f"{(book + taught) / code:.1%} marked book or taught, of {code} lines"
    )
    assert book / code >= 0.60, f"{book / code:.1%} marked book, of {code} lines"


def test_the_compiled_listings_count_with_their_own_comment_sign(tmp_path):
    listing = tmp_path / "diffusion.c"
    listing.write_text(
        "/* A block comment\n   of two lines. */\n#include <stdio.h>\n\n// book: Example 7-99\n"
        "void evolve(double *in) {\n    // a comment\n    in[0] = 1;\n}\n// book: end\n"
    )
    assert marked_lines(listing) == (3, 0, 4)
    (tmp_path / "fn.pyx").write_text(
        '"""Doc."""\n# book: Example 7-98\ndef f(int x):\n    return x\n# book: end\n'
    )
    assert marked_lines(tmp_path / "fn.pyx") == (2, 0, 2)


def test_every_listing_marker_is_closed_and_none_is_nested():
    """``# book: ...`` / ``# taught: ...`` open a listing, ``# book: end`` / ``# taught: end`` close it."""
    problems = []
    listings = [path for chapter in chapter_folders() for path in listing_files(chapter)]
    for script in [*SCRIPTS, *listings]:
        try:
            marked_lines(script)
        except MarkerError as error:
            problems.append(str(error))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("# book: Example 1-1\nx = 1\n", "never closed"),
        ("# book: Example 1-1\n# taught: a point\nx = 1\n# taught: end\n# book: end\n", "inside"),
        ("x = 1\n# book: end\n", "closes no"),
        ("# taught: a point\nx = 1\n# book: end\n", "closes no"),
        ("# book:\nx = 1\n# book: end\n", "names nothing"),
    ],
)
def test_a_bad_marker_is_refused(tmp_path, body, error):
    script = tmp_path / "example.py"
    script.write_text(body)
    with pytest.raises(MarkerError, match=error):
        marked_lines(script)


def test_marked_lines_count_the_code_between_the_markers(tmp_path):
    script = tmp_path / "example.py"
    script.write_text(
        '''"""Doc."""

import math

# book: Example 1-1
def area(radius):
    """The book's function."""
    # a comment is no code line

    return math.pi * radius**2
# book: end

# taught: the formula, checked
AREA_OF_ONE = area(1)
# taught: end


def main():
    print(area(2))
'''
    )
    # code lines: import, area's def and return, AREA_OF_ONE, main's def and print
    assert marked_lines(script) == (2, 1, 6)


@pytest.mark.parametrize("script", SCRIPTS, ids=script_id)
def test_help_and_an_unknown_flag(script, run_example, assert_bad_input, needs):
    """``--help`` prints the usage (exit 0); ``--no-such-flag`` is one line on stderr, exit 2."""
    skip_if_requirements_missing(script, needs)
    parser = captured_parser(script)
    if parser is None:  # no parser to capture in this process: ask a real interpreter
        completed = run_example(script.relative_to(REPO_ROOT), "--help", timeout=120)
        assert completed.returncode == 0, completed.stderr
        assert "usage:" in completed.stdout
        assert_bad_input(run_example(script.relative_to(REPO_ROOT), "--no-such-flag", timeout=120))
        return
    code, out, err = parse(parser, ["--help"])
    assert code == 0, err
    assert "usage:" in out
    code, out, err = parse(parser, ["--no-such-flag"])
    assert code == 2, (code, err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err


def test_the_smoke_table_names_every_script_and_no_other():
    """``tests/example_scripts.toml``: a test run per example script, no entry for a script that is gone."""
    named = set(smoke_table())
    scripts = {script_id(script) for script in SCRIPTS}
    assert not scripts - named, f"no test run written down for: {sorted(scripts - named)}"
    assert not named - scripts, f"entries for no example script: {sorted(named - scripts)}"
    still_in_scripts = [
        script_id(s) for s in SCRIPTS if re.search(r"^(SMOKE_ARGS|REQUIRES)", s.read_text(), re.M)
    ]
    assert not still_in_scripts, f"test data belongs in tests/example_scripts.toml: {still_in_scripts}"


@pytest.mark.parametrize("script", SCRIPTS, ids=script_id)
def test_small_run(script, run_example, needs):
    """The one real run per script: its flags in ``tests/example_scripts.toml`` (``--help`` for a server)."""
    args = smoke_args(script)
    assert args is not NOT_SET, f"{script_id(script)} needs its flags in tests/example_scripts.toml"
    skip_if_requirements_missing(script, needs)
    if args is None:  # a long-running service: its chapter's tests start and check it
        completed = run_example(script.relative_to(REPO_ROOT), "--help", timeout=120)
        assert completed.returncode == 0, completed.stderr
        assert "usage:" in completed.stdout
        return
    completed = run_example(script.relative_to(REPO_ROOT), *args, timeout=300)
    assert completed.returncode == 0, f"{completed.stdout}\n{completed.stderr}"
    assert completed.stdout.strip(), "an example prints its result"
    assert "Traceback" not in completed.stderr


#: The result lines ``hpp.printout`` owns: nothing else prints them.
SHARED_RESULT_LINES = ("pi estimate =", "sum(grid) =", "ms per iteration")


def printed_texts(path):
    """``(line, text)`` of every string in a module that is not a docstring (f-string parts too)."""
    tree = ast.parse(Path(path).read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_each_shared_result_line_is_printed_by_hpp_printout_only():
    """``pi estimate = ...``, ``sum(grid) = ...`` and the diffusion time come from one function each."""
    sources = [p for chapter in chapter_folders() for p in chapter.rglob("*.py")]
    sources = [p for p in sources if "__pycache__" not in p.parts]
    sources += [p for p in (REPO_ROOT / "hpp").glob("*.py") if p.name != "printout.py"]
    elsewhere = [
        f"{path.relative_to(REPO_ROOT)}:{line}: {text.strip()[:60]}"
        for path in sources
        for line, text in printed_texts(path)
        if any(form in text for form in SHARED_RESULT_LINES)
    ]
    assert not elsewhere, "print these through hpp.printout:\n" + "\n".join(elsewhere)


def top_level_imports_of_ours(script):
    """``(line, module)`` of each top-level import of ``hpp`` or a ``_`` module outside a marked block."""
    source = Path(script).read_text()
    marked, inside = set(), False
    for number, text in enumerate(source.splitlines(), start=1):
        match = MARKER.match(text)
        if match:
            inside = match["what"].strip() != "end"
        elif inside:
            marked.add(number)
    for node in ast.parse(source).body:
        statements = [node, *getattr(node, "body", [])] if isinstance(node, ast.Try) else [node]
        for statement in statements:
            if isinstance(statement, ast.Import):
                names = [alias.name for alias in statement.names]
            elif isinstance(statement, ast.ImportFrom):
                names = [statement.module or ""]
            else:
                continue
            for name in names:
                if name == "_environment":  # first of all, on purpose: the hint outside .venv
                    continue
                if (name.split(".")[0] == "hpp" or name.startswith("_")) and statement.lineno not in marked:
                    yield statement.lineno, name


def test_our_modules_are_imported_inside_main_or_in_the_marked_code():
    """A profiler on a script shows the book's code: ``hpp`` and the family come in through ``main``."""
    found = [
        f"{script_id(script)}:{line}: import {name}"
        for script in SCRIPTS
        for line, name in top_level_imports_of_ours(script)
    ]
    assert not found, "\n".join(found)
