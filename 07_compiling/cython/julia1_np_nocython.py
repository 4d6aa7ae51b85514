"""The pure-Python Julia loop over NumPy arrays: slower than over lists (book 7, "Cython and numpy").

Every ``zs[i]`` on an array builds a new Python complex object from the
array's raw memory (boxing), and every ``output[i] = n`` converts back. Lists
already hold Python objects, so they are faster for Python-level loops; arrays
pay off only when compiled code (Cython memoryviews, Numba) or vectorised
NumPy reads them.

Run:
    python 07_compiling/cython/julia1_np_nocython.py --width 300
"""

import time

import numpy as np

from hpp.julia import add_julia_arguments, julia_inputs, report_sum
from hpp.script import example_parser

SMOKE_ARGS = ["--width", "60"]


# book: 2nd ed. code, "julia1_np_nocython.py" (the Python loop over NumPy arrays)
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


# book: end


def calc_pure_python(desired_width, max_iterations):
    """Build the inputs as complex128 arrays, time ``calculate_z`` on them, print the sum."""
    zs, cs = julia_inputs(desired_width)
    zs, cs = np.array(zs, np.complex128), np.array(cs, np.complex128)
    print(f"Total elements: {len(zs):,}")
    start_time = time.time()
    output = calculate_z(max_iterations, zs, cs)
    secs = time.time() - start_time
    print(f"{calculate_z.__name__} took {secs:0.2f} seconds")
    report_sum(output, desired_width, max_iterations)
    return output


def main(argv=None):
    args = add_julia_arguments(example_parser(__doc__)).parse_args(argv)
    calc_pure_python(args.width, args.max_iterations)


if __name__ == "__main__":
    main()
