"""The Julia set with a Cython-compiled ``calculate_z`` (book 7, "Cython").

The book's driver: ``calc_pure_python`` builds the input lists as in chapter 2
and calls ``cythonfn.calculate_z``, the loop compiled by Cython. The book's
``cythonfn.pyx`` is built by the book's own step in this folder,
``python setup.py build_ext --inplace`` (``make install`` builds it too).
Each later version of the book's ``cythonfn.pyx`` is here under its own name,
built by ``make install`` (no file to copy before a build):

    cythonfn   the book's first cythonfn.pyx: the Python loop compiled as is
    cythonfn1  the same, with a module docstring            (lists)
    cythonfn2  + cdef unsigned int i, n / double complex z, c   (lists)
    cythonfn3  + list argument types                           (lists)
    cythonfn4  + expanded escape test, no sqrt                  (lists)
    cythonfn5  + boundscheck=False                             (lists)
    cythonfn_np1 / cythonfn_np2      typed memoryviews, abs / expanded (NumPy arrays)
    cythonfn_omp1 / _omp2 / _omp3    OpenMP prange variants        (NumPy arrays)
    cythonfn_lockstep                beyond the book: SIMD blocks + OpenMP (NumPy arrays)

``--annotate`` writes Cython's annotation report (``cython -a``: yellow lines
call into the Python VM) for the variant as HTML under the output folder.

Run (from this folder, as the book does):
    python setup.py build_ext --inplace
    python julia1.py
    python -m timeit -n 1 -r 1 -s "import julia1" \
        "julia1.calc_pure_python(desired_width=1000, max_iterations=300)"
    python julia1.py --variant cythonfn4
    python julia1.py --variant cythonfn2 --annotate --width 100
"""

import importlib
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from hpp.julia import add_julia_arguments, axis_coordinates, julia_inputs, report_sum
from hpp.script import example_parser, fail, output_dir, writable_dir

SMOKE_ARGS = ["--variant", "cythonfn3", "--width", "100"]

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


def calc_pure_python(desired_width, max_iterations, variant="cythonfn"):
    """Build the Julia inputs and time the compiled ``calculate_z`` on them (the book's driver).

    The list variants take the lists; the memoryview variants take NumPy arrays,
    as the book's ``nparray_memoryview/julia1.py`` converts them.
    """
    cythonfn = load_variant(variant)
    x, _ = axis_coordinates(desired_width)
    zs, cs = julia_inputs(desired_width)
    # book: 2nd ed., "Cython" (julia1.py's driver: the sizes, the timed calculate_z, "Took")
    print(f"Length of x: {len(x):,}")
    print(f"Total elements: {len(zs):,}")
    if variant in ARRAY_VARIANTS:
        zs, cs = np.array(zs, np.complex128), np.array(cs, np.complex128)
    start_time = time.time()
    output = cythonfn.calculate_z(max_iterations, zs, cs)
    end_time = time.time()
    secs = end_time - start_time
    print(f"Took {secs:0.2f} seconds")
    # book: end
    report_sum(output, desired_width, max_iterations)
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


def run_variant(desired_width, max_iterations, variant="cythonfn", annotate_folder=None):
    """Run the book's driver on ``variant``; with ``annotate_folder``, write its ``cython -a`` report."""
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")  # idle OpenMP threads sleep rather than spin
    output = calc_pure_python(desired_width, max_iterations, variant)
    if annotate_folder is not None:
        print(f"annotation report: {annotate(variant, annotate_folder)}")
    return output


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--variant", choices=VARIANTS, default="cythonfn", help="compiled calculate_z to run")
    parser.add_argument("--annotate", action="store_true", help="also write the `cython -a` HTML report")
    parser.add_argument("--output-dir", type=writable_dir, help="where --annotate writes")
    args = parser.parse_args(argv)
    try:
        folder = output_dir("07_compiling", args.output_dir) if args.annotate else None
        run_variant(args.width, args.max_iterations, args.variant, folder)
    except (ImportError, RuntimeError) as error:
        fail(error)


if __name__ == "__main__":
    main()
