"""The pure-Python Julia set with the expanded escape test, for PyPy (book 7, "PyPy").

``z.real * z.real + z.imag * z.imag < 4`` instead of ``abs(z) < 2``: the book
says PyPy is "even faster" with it. Under CPython it barely matters; the
attribute lookups cost about what the square root saves.

Run:
    pypy3 07_compiling/pypy/julia1_nopil_expanded_math.py
    python 07_compiling/pypy/julia1_nopil_expanded_math.py --width 300
"""

import os
import sys

sys.path.insert(0, os.path.abspath(os.path.dirname(__file__)))
from julia1_nopil import run  # noqa: E402

SMOKE_ARGS = ["--width", "100", "--runs", "1"]


def calculate_z_serial_purepython(maxiter, zs, cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and (z.real * z.real + z.imag * z.imag) < 4:
            z = z * z + c
            n += 1
        output[i] = n
    return output


def main(argv=None):
    run(calculate_z_serial_purepython, argv, __doc__)


if __name__ == "__main__":
    main()
