"""The pure-Python Julia set, written to run unchanged under PyPy (book 7, "PyPy").

The book's code with no changes. CPython interprets it (the chapter's
baseline, about 5 s at the book's size here); ``pypy3`` JIT-compiles the hot
loop (the book: 8 s on CPython against 0.9 s on PyPy). The calculation runs
twice so a JIT has warmed up for the second time.

Run:
    python 07_compiling/pypy/julia1_nopil.py            # CPython
    pypy3 07_compiling/pypy/julia1_nopil.py             # PyPy (apt-get install pypy3)
"""

import os
import platform
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
from hpp.julia import add_julia_arguments, calc_julia  # noqa: E402  (hpp from the repository under pypy3)
from hpp.script import example_parser, positive_int  # noqa: E402

SMOKE_ARGS = ["--width", "100", "--runs", "1"]


def calculate_z_serial_purepython(maxiter, zs, cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and abs(z) < 2:
            z = z * z + c
            n += 1
        output[i] = n
    return output


def run(calculate_z, argv, doc):
    parser = add_julia_arguments(example_parser(doc))
    parser.add_argument("--runs", type=positive_int, default=2,
                        help="how many times to run the calculation (a JIT warms up on the first)")
    args = parser.parse_args(argv)
    print(f"interpreter: {platform.python_implementation()} {platform.python_version()}")
    for _ in range(args.runs):
        calc_julia(calculate_z, args.width, args.max_iterations)


def main(argv=None):
    run(calculate_z_serial_purepython, argv, __doc__)


if __name__ == "__main__":
    main()
