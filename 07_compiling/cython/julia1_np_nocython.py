"""The pure-Python Julia loop over NumPy arrays: slower than over lists (book 7, "Cython and numpy").

Every ``zs[i]`` on an array builds a new Python complex object from the
array's raw memory (boxing), and every ``output[i] = n`` converts back. Lists
already hold Python objects, so they are faster for Python-level loops; arrays
pay off only when compiled code (Cython memoryviews, Numba) or vectorised
NumPy reads them.

Run:
    python 07_compiling/cython/julia1_np_nocython.py --width 300
"""

from pathlib import Path

import numpy as np

from hpp.julia import add_julia_arguments
from hpp.loader import load_example
from hpp.script import example_parser

SMOKE_ARGS = ["--width", "60"]


def calculate_z(maxiter, zs, cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    output = np.empty(len(zs), dtype=np.int32)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and abs(z) < 2:
            z = z * z + c
            n += 1
        output[i] = n
    return output


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    args = parser.parse_args(argv)
    common = load_example(Path(__file__).resolve().parents[1] / "_common.py")
    common.time_julia(calculate_z, args.width, args.max_iterations, arrays=True)


if __name__ == "__main__":
    main()
