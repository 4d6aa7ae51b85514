"""The Julia set with Pythran's compiled ``calculate.calculate_z`` (book 7, 1st edition, "Pythran").

``calculate.py`` is the expanded-math loop with a ``# pythran export`` line
and an OpenMP comment; Pythran compiles it to a C++ extension. The build
runs on first use in a virtual environment of its own under
build/07_compiling (Pythran and NumPy from PyPI, g++ from
``apt-get install g++``), so it works on Python 3.11 to 3.13 without
Pythran's ``setuptools<60`` pin touching the project's environment.
``--python`` runs the same file uncompiled, for comparison.

Run:
    python 07_compiling/pythran_julia/julia1.py
    python 07_compiling/pythran_julia/julia1.py --python --width 100
"""

import os
import time

import numpy as np

from hpp.julia import add_julia_arguments, julia_inputs, report_sum
from hpp.script import example_parser

SMOKE_ARGS = ["--width", "100"]
REQUIRES_TOOLS = ("g++",)


def calc_pure_python(desired_width, max_iterations, calculate):
    """Build the inputs as arrays, time ``calculate.calculate_z`` on them, print the sum."""
    zs, cs = julia_inputs(desired_width)
    zs, cs = np.array(zs, np.complex128), np.array(cs, np.complex128)
    output = np.zeros(len(zs), dtype=np.int64)
    print(f"Total elements: {len(zs):,}")
    start_time = time.time()
    calculate.calculate_z(max_iterations, zs, cs, output)
    print(f"calculate_z took {time.time() - start_time:0.2f} seconds")
    report_sum(output, desired_width, max_iterations)
    return output


def load_calculate(python=False):
    """``calculate.py`` as Pythran compiled it (built on first use), or as plain Python."""
    if python:
        import calculate

        return calculate
    import _pythran_build as build

    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    calculate, seconds = build.built_or_exit(build.pythran_module)
    print(f"Pythran module built in {seconds:.2f} s: {calculate.__file__}")
    return calculate


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--python", action="store_true", help="run calculate.py uncompiled")
    args = parser.parse_args(argv)
    calc_pure_python(args.width, args.max_iterations, load_calculate(args.python))


if __name__ == "__main__":
    main()
