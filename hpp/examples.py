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


# ---------------------------------------------------------------- the book's share of a script

#: Module-level names that are scaffolding wherever they appear.
SCAFFOLD_NAMES = frozenset({"main", "SMOKE_ARGS", "REQUIRES", "REQUIRES_TOOLS"})


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


def _argparse_types(tree):
    """Names passed as ``type=`` to ``add_argument``: argument parsing, so scaffolding."""
    return {
        keyword.value.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "add_argument"
        for keyword in node.keywords
        if keyword.arg == "type" and isinstance(keyword.value, ast.Name)
    }


def book_code_share(script):
    """``(book lines, code lines)`` of an example script: how much of it is the example itself.

    Code lines are non-blank lines outside comments and docstrings. Scaffolding:
    ``main``, the ``__main__`` block, ``SMOKE_ARGS``/``REQUIRES``, every module-level
    function whose name starts with ``_`` or contains ``parser`` or ``argument``, every
    function used as an argparse ``type``, and every import none of whose names the
    rest uses. The rest is the example: the book's functions, classes and constants,
    the driver that times and prints them, and the imports they use.
    """
    source = Path(script).read_text()
    tree = ast.parse(source)
    lines = _code_lines(source, tree)
    scaffold_names = SCAFFOLD_NAMES | _argparse_types(tree)

    def is_scaffold(node):
        name = getattr(node, "name", "")
        if isinstance(node, ast.If):
            return "__main__" in ast.unparse(node.test)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return name in scaffold_names or name.startswith("_") or "parser" in name or "argument" in name
        if isinstance(node, ast.Assign):
            return any(isinstance(t, ast.Name) and t.id in scaffold_names for t in node.targets)
        return False

    imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    example = [node for node in tree.body if node not in imports and not is_scaffold(node)]
    used = {node.id for part in example for node in ast.walk(part) if isinstance(node, ast.Name)}
    scaffold = set()
    for node in tree.body:
        if node in imports:
            bound = {(alias.asname or alias.name).split(".")[0] for alias in node.names}
            if bound & used:
                continue
        elif node in example:
            continue
        first = node.lineno - len(getattr(node, "decorator_list", []))
        scaffold.update(range(first, node.end_lineno + 1))
    return len(lines - scaffold), len(lines)
