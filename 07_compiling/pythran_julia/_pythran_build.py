"""The Pythran build and driver for ``julia1.py`` (not a book example).

The chapter's builds on demand live in ``../diffusion/_build.py``; this
module builds ``calculate.py`` with Pythran there (a virtual environment of
its own), or imports it uncompiled, and times it on the book's inputs.
"""

import os
import time
from pathlib import Path

import numpy as np

from hpp.loader import load_example

_builder = load_example(Path(__file__).resolve().parents[1] / "diffusion" / "_build.py")
pythran_module = _builder.pythran_module
toolchain_error = _builder.toolchain_error
built_or_exit = _builder.built_or_exit
ToolchainMissing = _builder.ToolchainMissing
BuildFailed = _builder.BuildFailed


def load_calculate(python=False):
    """``calculate.py`` as Pythran compiled it (built on first use), or as plain Python."""
    if python:
        import calculate

        return calculate
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    calculate, seconds = built_or_exit(pythran_module)
    print(f"Pythran module built in {seconds:.2f} s: {calculate.__file__}")
    return calculate


def calc_pure_python(desired_width, max_iterations, calculate):
    """Build the inputs as arrays, time ``calculate.calculate_z`` on them, print the sum."""
    from hpp.julia import julia_inputs, report_sum

    zs, cs = julia_inputs(desired_width)
    zs, cs = np.array(zs, np.complex128), np.array(cs, np.complex128)
    output = np.zeros(len(zs), dtype=np.int64)  # Pythran's int[] is a C long
    print(f"Total elements: {len(zs):,}")
    start_time = time.time()
    calculate.calculate_z(max_iterations, zs, cs, output)
    print(f"calculate_z took {time.time() - start_time:0.2f} seconds")
    report_sum(output, desired_width, max_iterations)
    return output


def run_pythran_julia(doc, argv=None):
    """``julia1.py``'s command line: the book's flags and ``--python`` (run calculate.py uncompiled)."""
    from hpp.julia import add_julia_arguments
    from hpp.script import example_parser

    parser = add_julia_arguments(example_parser(doc))
    parser.add_argument("--python", action="store_true", help="run calculate.py uncompiled")
    args = parser.parse_args(argv)
    return calc_pure_python(args.width, args.max_iterations, load_calculate(args.python))
