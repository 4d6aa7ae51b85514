"""Julia with Numba and the expanded escape test (book 7, "Numba").

``z.real * z.real + z.imag * z.imag < 4`` instead of ``abs(z) < 2``: no
square root. ``--inspect-types`` prints Numba's typed view of the function
(``calculate_z.inspect_types()``, the book's ``julia1_numba_expandedmath_inspection.py``).

Run:
    python 07_compiling/numba/julia1_numba_expandedmath.py
    python 07_compiling/numba/julia1_numba_expandedmath.py --width 100 --inspect-types
"""

from pathlib import Path

from numba import njit

from hpp.julia import add_julia_arguments
from hpp.loader import load_example
from hpp.script import example_parser

SMOKE_ARGS = ["--width", "100"]


@njit
def calculate_z(maxiter, zs, cs, output):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and (z.real * z.real + z.imag * z.imag) < 4:
            z = z * z + c
            n += 1
        output[i] = n


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--inspect-types", action="store_true",
                        help="print Numba's inferred types for every line after the run")
    args = parser.parse_args(argv)
    driver = load_example(Path(__file__).resolve().parent / "julia1_numba.py")
    driver.time_calls(calculate_z, args)
    if args.inspect_types:
        calculate_z.inspect_types()


if __name__ == "__main__":
    main()
