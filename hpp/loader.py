"""Load an example file by its path.

Chapter folders such as ``07_compiling`` are not valid package names, so tests
and benchmarks load examples by path. Each file gets a unique module name built
from its path (``hpp_example.07_compiling.cython.julia1``), and the file's own
folder is put on ``sys.path`` so it can import its neighbours (``_common``, a
compiled ``cythonfn1``), as it does when run from the shell.
"""

import importlib.util
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def module_name_for(path):
    """The unique module name that ``load_example`` gives the file at ``path``."""
    path = Path(path).resolve()
    try:
        parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    except ValueError:  # outside the repository: the whole path keeps it unique
        parts = ("outside",) + path.with_suffix("").parts[1:]
    return "hpp_example." + ".".join(parts)


def forget_other_folders_neighbours(folder):
    """Drop cached modules named like a file in ``folder`` but loaded from elsewhere.

    Chapters import their neighbours by plain name (``import _common``). When
    one process loads examples of several chapters (the benchmark tour, a test
    run), the second chapter must get its own ``_common``, not the cached one
    of the first. Modules that already imported the old one keep it.
    """
    for sibling in Path(folder).glob("*.py"):
        cached = sys.modules.get(sibling.stem)
        cached_file = getattr(cached, "__file__", None)
        if cached is not None and cached_file and Path(cached_file).resolve().parent != folder:
            del sys.modules[sibling.stem]


def load_example(path):
    """Import the example file at ``path`` (absolute, or relative to the repository root).

    A file is imported once; later calls return the same module.
    """
    path = Path(path)
    if not path.is_absolute():
        path = REPO_ROOT / path
    path = path.resolve()
    if not path.is_file():
        raise FileNotFoundError(f"no example file at {path}")
    name = module_name_for(path)
    if name in sys.modules:
        return sys.modules[name]
    folder = str(path.parent)
    if folder in sys.path:
        sys.path.remove(folder)
    sys.path.insert(0, folder)
    forget_other_folders_neighbours(path.parent)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module
