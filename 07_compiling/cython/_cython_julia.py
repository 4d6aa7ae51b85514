"""The driver the Cython Julia scripts share (not a book example).

``julia1.py`` is the book's driver with the compiled ``calculate_z``;
``julia1_np_nocython.py`` and ``julia1_pyximport.py`` are their listings.
This module owns the flags, the choice of compiled variant (each later
version of the book's ``cythonfn.pyx`` is built under its own name by
``make install``), the NumPy-array inputs of the memoryview variants, the
``cython -a`` report and the one ``sum(output)`` line.
"""

import importlib
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIST_VARIANTS = ("cythonfn", "cythonfn1", "cythonfn2", "cythonfn3", "cythonfn4", "cythonfn5")
ARRAY_VARIANTS = (
    "cythonfn_np1",
    "cythonfn_np2",
    "cythonfn_omp1",
    "cythonfn_omp2",
    "cythonfn_omp3",
    "cythonfn_lockstep",
)
VARIANTS = LIST_VARIANTS + ARRAY_VARIANTS


def load_variant(variant="cythonfn"):
    """Import the compiled module; ImportError says how to build it."""
    try:
        return importlib.import_module(variant)
    except ImportError as error:
        how = (
            "run `python setup.py build_ext --inplace` in 07_compiling/cython (the book's step)"
            " or `make install`"
            if variant == "cythonfn"
            else "run `make install`"
        )
        if variant.startswith(("cythonfn_omp", "cythonfn_lockstep")):
            how += " with an OpenMP compiler (apt-get install gcc: gcc ships libgomp)"
        raise ImportError(f"the compiled module {variant} is not built ({error}): {how}") from None


def calc_arrays(calculate_z, desired_width, max_iterations):
    """The book's inputs as complex128 arrays (as its ``nparray_memoryview/julia1.py`` makes them),
    then ``calculate_z`` timed on them."""
    import numpy as np

    from hpp.julia import julia_inputs

    zs, cs = julia_inputs(desired_width)
    zs, cs = np.array(zs, np.complex128), np.array(cs, np.complex128)
    print(f"Total elements: {len(zs):,}")
    start_time = time.time()
    output = calculate_z(max_iterations, zs, cs)
    print(f"Took {time.time() - start_time:0.2f} seconds")
    return output


def annotate(variant, folder):
    """Run ``cython -a`` on the variant's source; returns the HTML report's path."""
    c_file = folder / f"{variant}.c"
    command = [sys.executable, "-m", "cython", "-3", "-a", str(HERE / f"{variant}.pyx"), "-o", str(c_file)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if completed.returncode != 0:
        raise RuntimeError(f"cython -a failed for {variant}: {completed.stderr.strip()[:200]}")
    c_file.unlink(missing_ok=True)
    return folder / f"{variant}.html"


def julia_parser(doc):
    from hpp.julia import add_julia_arguments
    from hpp.script import example_parser

    return add_julia_arguments(example_parser(doc))


def run_julia1(doc, calc_pure_python, argv=None):
    """``julia1.py``'s command line: ``--variant``, ``--annotate``; the book's driver for the list
    variants, ``calc_arrays`` for the memoryview ones; then ``sum(output)``."""
    import os

    from hpp.julia import report_sum
    from hpp.script import fail, output_dir, writable_dir

    parser = julia_parser(doc)
    parser.add_argument("--variant", choices=VARIANTS, default="cythonfn", help="compiled calculate_z to run")
    parser.add_argument("--annotate", action="store_true", help="also write the `cython -a` HTML report")
    parser.add_argument("--output-dir", type=writable_dir, help="where --annotate writes")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")  # idle OpenMP threads sleep rather than spin
    try:
        module = load_variant(args.variant)
        if args.variant in ARRAY_VARIANTS:
            output = calc_arrays(module.calculate_z, args.width, args.max_iterations)
        else:
            output = calc_pure_python(args.width, args.max_iterations, module)
        report_sum(output, args.width, args.max_iterations)
        if args.annotate:
            folder = output_dir("07_compiling", args.output_dir)
            print(f"annotation report: {annotate(args.variant, folder)}")
    except (ImportError, RuntimeError) as error:
        fail(error)
    return output


def run_arrays(doc, calculate_z, argv=None):
    """``julia1_np_nocython.py``'s command line: ``calc_arrays`` then ``sum(output)``."""
    from hpp.julia import report_sum

    args = julia_parser(doc).parse_args(argv)
    output = calc_arrays(calculate_z, args.width, args.max_iterations)
    report_sum(output, args.width, args.max_iterations)
    return output


def run_pyximport(doc, import_with_pyximport, argv=None):
    """``julia1_pyximport.py``'s command line: the book's ``cythonfn.pyx`` copied into a temporary
    folder as ``cythonfn_pyximport.pyx`` (so the ``cythonfn`` already built here does not answer
    the import), imported there through pyximport, then run by the book's driver."""
    import shutil
    import tempfile

    from hpp.julia import report_sum
    from hpp.loader import load_example

    # this folder's julia1.py: other folders (02_profiling, pythran_julia) have a julia1 too
    calc_pure_python = load_example(HERE / "julia1.py").calc_pure_python

    args = julia_parser(doc).parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hpp_pyximport_") as folder:
        shutil.copy(HERE / "cythonfn.pyx", Path(folder) / "cythonfn_pyximport.pyx")
        sys.path.insert(0, folder)  # the temporary folder, so the copy is what gets imported
        try:
            module = import_with_pyximport("cythonfn_pyximport", Path(folder) / "build")
            output = calc_pure_python(args.width, args.max_iterations, module)
        finally:
            sys.path.remove(folder)
            sys.modules.pop("cythonfn_pyximport", None)
    report_sum(output, args.width, args.max_iterations)
    return output
