"""Compile a .pyx at import time with ``pyximport`` (book 7, "pyximport").

``pyximport.install()`` hooks ``import``: importing a ``.pyx`` module
compiles it first, no setup.py needed. This demonstration copies
``cythonfn3.pyx`` into a temporary folder as ``cythonfn_pyximport.pyx``,
builds it there (the first import takes seconds, the C compiler runs) and
runs the Julia set with it. The rest of the chapter uses ``make install``
instead, which builds every variant once, ahead of time.

Run:
    python 07_compiling/cython/julia1_pyximport.py
    python 07_compiling/cython/julia1_pyximport.py --width 100
"""

import importlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

from hpp.julia import add_julia_arguments
from hpp.loader import load_example
from hpp.script import example_parser

SMOKE_ARGS = ["--width", "100"]

HERE = Path(__file__).resolve().parent


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    args = parser.parse_args(argv)
    common = load_example(HERE.parent / "_common.py")

    import pyximport

    with tempfile.TemporaryDirectory(prefix="hpp_pyximport_") as folder:
        shutil.copy(HERE / "cythonfn3.pyx", Path(folder) / "cythonfn_pyximport.pyx")
        sys.path.insert(0, folder)
        finders = pyximport.install(build_dir=str(Path(folder) / "build"), language_level=3)
        try:
            start = time.perf_counter()
            module = importlib.import_module("cythonfn_pyximport")
            print(f"pyximport compiled and imported it in {time.perf_counter() - start:.2f} seconds")
            common.time_julia(module.calculate_z, args.width, args.max_iterations)
        finally:
            pyximport.uninstall(*finders)
            sys.path.remove(folder)
            sys.modules.pop("cythonfn_pyximport", None)


if __name__ == "__main__":
    main()
