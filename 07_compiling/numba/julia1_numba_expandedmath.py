"""Julia with Numba and the expanded escape test (book 7, "Numba").

``z.real * z.real + z.imag * z.imag < 4`` instead of ``abs(z) < 2``: no
square root. ``--inspect-types`` prints Numba's typed view of the function
(``calculate_z.inspect_types()``; the book's ``julia1_numba_expandedmath_inspection.py``
does only that).

Run (from this folder):
    python julia1_numba_expandedmath.py
    python julia1_numba_expandedmath.py --width 100 --inspect-types
"""

import time

import numpy as np
from numba import jit

from hpp.julia import add_julia_arguments, julia_inputs, report_sum
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--width", "100"]


# book: 3rd ed. code, "julia1_numba_expandedmath.py"
@jit
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


# book: end


def calc_pure_python(desired_width, max_iterations, repeat=3, inspect_types=False):
    """Build the inputs as complex128 arrays and time ``calculate_z`` ``repeat`` times
    (the first includes the compile), then with ``inspect_types`` print Numba's typed view of it.
    Returns the output and the seconds per run."""
    zs, cs = julia_inputs(desired_width)
    zs, cs = np.array(zs, np.complex128), np.array(cs, np.complex128)
    print(f"Total elements: {len(zs):,}")
    times = []
    # taught: the JIT compiles on the first call; the later runs reuse the compiled code
    for run in range(repeat):
        if run:
            print(f"Doing run {run + 1} to test warm-up")
        output = np.zeros(len(zs), dtype=np.int32)
        start_time = time.time()
        calculate_z(max_iterations, zs, cs, output)
        times.append(time.time() - start_time)
        print(f"took {times[-1]:0.2f} seconds")
    # taught: end
    report_sum(output, desired_width, max_iterations)
    if inspect_types:
        calculate_z.inspect_types()
    return output, times


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--inspect-types", action="store_true", help="print Numba's types after the run")
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs; the first one compiles")
    args = parser.parse_args(argv)
    calc_pure_python(args.width, args.max_iterations, args.repeat, args.inspect_types)


if __name__ == "__main__":
    main()
