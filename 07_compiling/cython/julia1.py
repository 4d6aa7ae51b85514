"""Run the book's Julia set with one of the Cython-compiled ``calculate_z`` variants (book 7, "Cython").

The variants are built in place by ``make install`` (``pip install -e .``),
each under its own name, so there is nothing to copy before a build:

    cythonfn1  the pure-Python loop compiled as is               (lists)
    cythonfn2  + cdef unsigned int i, n / double complex z, c   (lists)
    cythonfn3  + list argument types                           (lists)
    cythonfn4  + expanded escape test, no sqrt                  (lists)
    cythonfn5  + boundscheck=False                             (lists)
    cythonfn_np1 / cythonfn_np2      typed memoryviews, abs / expanded (NumPy arrays)
    cythonfn_omp1 / _omp2 / _omp3    OpenMP prange variants        (NumPy arrays)
    cythonfn_lockstep                beyond the book: SIMD blocks + OpenMP (NumPy arrays)

``--annotate`` writes Cython's annotation report (``cython -a``: yellow lines
call into the Python VM) for the variant as HTML under the output folder.

Run:
    python 07_compiling/cython/julia1.py --variant cythonfn3
    python 07_compiling/cython/julia1.py --variant cythonfn1 --annotate --width 100
"""

import subprocess
import sys
from pathlib import Path

from hpp.julia import add_julia_arguments
from hpp.loader import load_example
from hpp.script import example_parser, fail, output_dir

SMOKE_ARGS = ["--variant", "cythonfn3", "--width", "100"]

HERE = Path(__file__).resolve().parent
LIST_VARIANTS = ("cythonfn1", "cythonfn2", "cythonfn3", "cythonfn4", "cythonfn5")
ARRAY_VARIANTS = ("cythonfn_np1", "cythonfn_np2", "cythonfn_omp1", "cythonfn_omp2",
                  "cythonfn_omp3", "cythonfn_lockstep")
VARIANTS = LIST_VARIANTS + ARRAY_VARIANTS


def annotate(variant, folder):
    """Run ``cython -a`` on the variant's source; returns the HTML report's path."""
    c_file = folder / f"{variant}.c"
    command = [sys.executable, "-m", "cython", "-3", "-a", str(HERE / f"{variant}.pyx"),
               "-o", str(c_file)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if completed.returncode != 0:
        fail(f"cython -a failed for {variant}: {completed.stderr.strip()[:200]}")
    c_file.unlink(missing_ok=True)
    return folder / f"{variant}.html"


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--variant", choices=VARIANTS, default="cythonfn3",
                        help="which compiled calculate_z to run")
    parser.add_argument("--annotate", action="store_true",
                        help="also write the `cython -a` HTML report for the variant")
    parser.add_argument("--output-dir", help="where --annotate writes (default: results/07_compiling)")
    args = parser.parse_args(argv)

    common = load_example(HERE.parent / "_common.py")
    common.passive_openmp()
    module = common.import_compiled(args.variant)
    common.time_julia(module.calculate_z, args.width, args.max_iterations,
                      arrays=args.variant in ARRAY_VARIANTS, label=f"{args.variant}.calculate_z")
    if args.annotate:
        report = annotate(args.variant, output_dir("07_compiling", args.output_dir))
        print(f"annotation report: {report}")


if __name__ == "__main__":
    main()
