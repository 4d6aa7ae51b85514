"""Compile a .pyx at import time with ``pyximport`` (book 7, "pyximport").

``pyximport.install(language_level=3)`` hooks ``import``: importing a ``.pyx``
module compiles it first, no setup.py needed (the book: ``import cythonfn``
right after it). So that a ``cythonfn`` already built in this folder does not
answer the import instead, this demonstration copies the book's
``cythonfn.pyx`` into a temporary folder as ``cythonfn_pyximport.pyx``,
builds it there (the first import takes seconds: the C compiler runs) and
runs the book's driver with it. The rest of the chapter uses ``make install``,
which builds every variant once, ahead of time.

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

from hpp.julia import add_julia_arguments, axis_coordinates, julia_inputs, report_sum
from hpp.script import example_parser

SMOKE_ARGS = ["--width", "100"]

HERE = Path(__file__).resolve().parent


def calc_pure_python(desired_width, max_iterations, cythonfn):
    """The book's driver: build the input lists, time ``cythonfn.calculate_z`` on them."""
    x, _ = axis_coordinates(desired_width)
    zs, cs = julia_inputs(desired_width)
    # book: 2nd ed., "Cython" (julia1.py's driver)
    print(f"Length of x: {len(x):,}")
    print(f"Total elements: {len(zs):,}")
    start_time = time.time()
    output = cythonfn.calculate_z(max_iterations, zs, cs)
    secs = time.time() - start_time
    print(f"Took {secs:0.2f} seconds")
    # book: end
    report_sum(output, desired_width, max_iterations)
    return output


def calc_with_pyximport(desired_width, max_iterations):
    """Copy ``cythonfn.pyx`` to a temporary folder, import it through pyximport, run the book's driver."""
    # taught: pyximport compiles the .pyx when it is imported: no setup.py
    import pyximport

    with tempfile.TemporaryDirectory(prefix="hpp_pyximport_") as folder:
        shutil.copy(HERE / "cythonfn.pyx", Path(folder) / "cythonfn_pyximport.pyx")
        sys.path.insert(0, folder)  # the temporary folder, so the copy is what gets imported
        finders = pyximport.install(build_dir=str(Path(folder) / "build"), language_level=3)
        try:
            start = time.perf_counter()
            module = importlib.import_module("cythonfn_pyximport")
            print(f"pyximport compiled and imported it in {time.perf_counter() - start:.2f} seconds")
            return calc_pure_python(desired_width, max_iterations, module)
        # taught: end
        finally:
            pyximport.uninstall(*finders)
            sys.path.remove(folder)
            sys.modules.pop("cythonfn_pyximport", None)


def main(argv=None):
    args = add_julia_arguments(example_parser(__doc__)).parse_args(argv)
    calc_with_pyximport(args.width, args.max_iterations)


if __name__ == "__main__":
    main()
