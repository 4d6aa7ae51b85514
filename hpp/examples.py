"""Find the example scripts in the chapter folders.

An example script is a ``.py`` file in a chapter folder with an
``if __name__ == "__main__":`` block, whose name starts with neither ``_`` nor
``test_``. Each one has an entry in ``tests/example_scripts.toml``: the flags for a
run of a few seconds that the generic test makes (``"server"`` for a long-running
server, covered by its chapter's tests instead), and what it requires beyond ``make install``.
"""

import ast
import functools
import os
import re
from pathlib import Path

from hpp.loader import REPO_ROOT

NOT_SET = object()


def system_tools(root=REPO_ROOT):
    """``{check: package}`` from ``.ci/system-tools.txt``: the system tools ``make system-deps`` installs.

    A check is a program name (``pypy3``) or, from ``/``, a file pattern (PyO3's crates).
    """
    tools = {}
    for line in (Path(root) / ".ci" / "system-tools.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            check, package, *_ = line.split()
            tools[check] = package
    return tools


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


#: What the tests need to know of each script (its test run, what it requires), out of the reader's way.
SCRIPT_TABLE = REPO_ROOT / "tests" / "example_scripts.toml"


@functools.cache
def script_table(path=SCRIPT_TABLE):
    """The tables of ``tests/example_scripts.toml``: ``smoke``, ``requires``, ``requires_tools``."""
    import tomllib

    with open(path, "rb") as handle:
        return tomllib.load(handle)


def _key(path):
    try:
        return str(Path(path).resolve().relative_to(REPO_ROOT.resolve()))
    except ValueError:
        return None


def smoke_table():
    """``{script path relative to the repository: flags, or None for a server}``."""
    return {
        name: None if value == "server" else list(value) for name, value in script_table()["smoke"].items()
    }


def smoke_args(path):
    """The flags of a script's test run (``[smoke]``; NOT_SET when absent, None for a server)."""
    value = script_table()["smoke"].get(_key(path), NOT_SET)
    return None if value == "server" else list(value) if isinstance(value, list) else value


def requirements(path):
    """``(packages, programs)``: what a script needs beyond ``make install``.

    From ``[requires]`` (optional Python packages) and ``[requires_tools]`` (programs).
    """
    key = _key(path)
    table = script_table()
    return tuple(table["requires"].get(key, ())), tuple(table["requires_tools"].get(key, ()))


# ---------------------------------------------------------------- the book's share of a script


def _code_lines(source, tree):
    """Line numbers of code: not blank, not a comment, not inside a docstring."""
    import io
    import tokenize

    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = node.body[0] if node.body else None
            is_text = isinstance(getattr(getattr(first, "value", None), "value", None), str)
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and is_text:
                docstrings.update(range(first.lineno, first.end_lineno + 1))
    skipped = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}
    lines = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in skipped and token.type != tokenize.ENDMARKER:
            lines.update(n for n in range(token.start[0], token.end[0] + 1) if n not in docstrings)
    return lines


MARKER = re.compile(r"^\s*(?:#|//|!) (?P<kind>book|taught):(?P<what>.*)$")

#: The compiled listings (chapter 07's Cython, C, Fortran and Rust), by their comment sign.
LISTING_COMMENTS = {".pyx": "#", ".c": "//", ".h": "//", ".f90": "!", ".rs": "//"}


def listing_files(chapter):
    """The compiled listings of a chapter: ``.pyx``, ``.c``, ``.h``, ``.f90``, ``.rs`` files.

    Generated files are left out: a ``.c`` beside a ``.pyx`` of the same name (Cython's
    output) and anything under a ``build`` or ``target`` folder.
    """
    found = []
    for path in sorted(Path(chapter).rglob("*")):
        if path.suffix not in LISTING_COMMENTS or not path.is_file():
            continue
        if {"build", "target", "__pycache__"} & set(path.parts):
            continue
        if path.suffix == ".c" and path.with_suffix(".pyx").exists():
            continue
        found.append(path)
    return found


def _listing_code_lines(source, comment):
    """Code lines of a compiled listing: not blank, not a comment (nor inside ``/* */``)."""
    lines, in_block = set(), False
    for number, text in enumerate(source.splitlines(), start=1):
        stripped = text.strip()
        if in_block:
            in_block = "*/" not in stripped
            continue
        if comment == "//" and stripped.startswith("/*"):
            in_block = "*/" not in stripped
            continue
        if stripped and not stripped.startswith(comment):
            lines.add(number)
    if comment == "#":  # Cython: a docstring is no code either
        lines -= _pyx_docstrings(source)
    return lines


def _pyx_docstrings(source):
    """Lines of triple-quoted blocks that stand alone in a ``.pyx`` file (its docstrings)."""
    lines, start = set(), None
    for number, text in enumerate(source.splitlines(), start=1):
        quotes = text.count('"""')
        if start is None and text.strip().startswith('"""'):
            if quotes >= 2:
                lines.add(number)
            else:
                start = number
        elif start is not None and quotes:
            lines.update(range(start, number + 1))
            start = None
    return lines


def marked_counts(chapter):
    """``{path: (book, taught, code)}`` for a chapter's example scripts and compiled listings."""
    return {path: marked_lines(path) for path in [*example_scripts(chapter), *listing_files(chapter)]}


class MarkerError(ValueError):
    """A marker opened and never closed, opened inside another, or closed without an opening."""


def marked_lines(script):
    """``(book, taught, code)``: the code lines between ``# book:`` markers, between ``# taught:``
    markers, and in the whole script (code lines: not blank, not a comment, not a docstring).

    Raises ``MarkerError`` (naming the line) for an unclosed, nested or stray marker.
    """
    source = Path(script).read_text()
    suffix = Path(script).suffix
    if suffix in LISTING_COMMENTS:
        code = _listing_code_lines(source, LISTING_COMMENTS[suffix])
    else:
        code = _code_lines(source, ast.parse(source))
    inside = {"book": set(), "taught": set()}
    open_kind, open_line = None, 0
    for number, text in enumerate(source.splitlines(), start=1):
        match = MARKER.match(text)
        if not match:
            if open_kind and number in code:
                inside[open_kind].add(number)
            continue
        kind, what = match["kind"], match["what"].strip()
        if what == "end":
            if open_kind != kind:
                raise MarkerError(f"{script}:{number}: '# {kind}: end' closes no '# {kind}:' marker")
            open_kind = None
        elif open_kind:
            raise MarkerError(f"{script}:{number}: '# {kind}:' inside the marker of line {open_line}")
        elif not what:
            raise MarkerError(f"{script}:{number}: '# {kind}:' names nothing (an example, a section)")
        else:
            open_kind, open_line = kind, number
    if open_kind:
        raise MarkerError(f"{script}:{open_line}: '# {open_kind}:' is never closed ('# {open_kind}: end')")
    return len(inside["book"]), len(inside["taught"]), len(code)


# ---------------------------------------------------------------- where a script sits in the book

#: Words that make a docstring's closing parenthesis a place in the book.
BOOK_PLACE = re.compile(r"\b(examples?|figures?|tables?|section|chapter|book|edition)\b", re.IGNORECASE)


def docstring_summary(script):
    """The first paragraph of a script's docstring, on one line ("" without a docstring)."""
    doc = ast.get_docstring(ast.parse(Path(script).read_text())) or ""
    return " ".join(doc.split("\n\n")[0].split())


def _closing_parenthesis(text):
    """The text inside the parenthesis that ends ``text`` (before a final full stop), or None."""
    text = text.rstrip(".").rstrip()
    if not text.endswith(")"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[index], 0)
        if depth == 0:
            return text[index + 1 : -1].strip()
    return None


def _table_cells(line):
    """The cells of a Markdown table row; a ``|`` inside backticks or escaped stays in its cell."""
    cells, cell, quoted, escaped = [], "", False, False
    for char in line.strip().strip("|"):
        if char == "|" and not quoted and not escaped:
            cells.append(cell.strip())
            cell = ""
        else:
            cell += char
            quoted ^= char == "`"
        escaped = char == "\\"
    return [*cells, cell.strip()]


def readme_sections(chapter):
    """``{name as written: book section}`` from the chapter README's ``| script | book section |`` tables."""
    readme = Path(chapter) / "README.md"
    sections, in_table = {}, False
    for line in readme.read_text().splitlines() if readme.is_file() else []:
        if not line.startswith("|"):
            in_table = False
            continue
        cells = [cell.lower() for cell in _table_cells(line)]
        if cells[:2] == ["script", "book section"]:
            in_table = True
        elif in_table and len(cells) > 1:
            section = re.sub(r"\*\*|`", "", _table_cells(line)[1]).replace("\\|", "|")
            for name in re.findall(r"`([^`]+?\.py)`", _table_cells(line)[0]):
                sections.setdefault(name, section)
    return sections


def book_section(script, chapter=None, sections=None):
    """Where a script sits in the book, in a few words, for ``hpp list``.

    First the place its docstring's first line names in a closing parenthesis
    (``(Example 2-6)``, ``(book 7, "Cython")``, ``(section "VizTracer")``), then the
    "book section" cell of the chapter README's table of scripts, else the first
    line itself (what the script shows). ``sections``: ``readme_sections(chapter)``,
    passed in when listing many scripts of one chapter.
    """
    script = Path(script).resolve()
    if chapter is None:
        chapter = next(p for p in script.parents if p.name[:2].isdigit() and p.name[2:3] == "_")
    chapter = Path(chapter).resolve()
    summary = docstring_summary(script).replace("``", "`")
    # "book 7, " or "(chapter 5)" says again what the listing's chapter heading says
    own_chapter = rf"^(book\s+(chapter\s+)?|chapter\s+)0?{int(chapter.name[:2])}([,:]\s*|$)"
    place = re.sub(own_chapter, "", _closing_parenthesis(summary) or "", flags=re.IGNORECASE)
    if place and BOOK_PLACE.search(_closing_parenthesis(summary)):
        return place
    sections = readme_sections(chapter) if sections is None else sections
    relative = script.relative_to(chapter).as_posix()
    return sections.get(relative) or sections.get(script.name) or summary.rstrip(".")
