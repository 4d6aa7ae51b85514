"""Julia with Numba's ``@jit`` and the expanded escape test, printing Numba's types (book 7, "Numba").

The book's ``julia1_numba_expandedmath_inspection.py``: the expanded-math
``calculate_z`` and, after the runs, ``calculate_z.inspect_types()``: each
source line with the types Numba inferred for it (``complex128``, ``int64``,
``array(int32, 1d, C)``); a ``pyobject`` there would mean a fall-back to
Python objects.

Run (from this folder):
    python julia1_numba_expandedmath_inspection.py --width 100
"""

import time

import numpy as np
from numba import jit

from hpp.julia import add_julia_arguments, julia_inputs, report_sum
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--width", "20", "--repeat", "1"]


# book: 2nd ed. code, "julia1_numba_expandedmath_inspection.py"
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


def calc_pure_python(desired_width, max_iterations, repeat=3):
    """Build the inputs as complex128 arrays and time ``calculate_z`` ``repeat`` times
    (the first includes the compile), then print Numba's typed view of it.
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
    # book: 2nd ed. code, "julia1_numba_expandedmath_inspection.py" (continued)
    calculate_z.inspect_types()
    # book: end
    return output, times


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs; the first one compiles")
    args = parser.parse_args(argv)
    calc_pure_python(args.width, args.max_iterations, args.repeat)


if __name__ == "__main__":
    main()
