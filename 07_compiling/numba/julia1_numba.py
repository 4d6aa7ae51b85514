"""Julia with Numba's ``@njit`` on NumPy arrays (book 7, "Numba").

The pure-Python loop, unchanged, decorated with ``@njit``; the inputs become
complex128 arrays. The first call compiles (LLVM), so the script times it and
then times two more calls: the difference is the compile cost.

Run:
    python 07_compiling/numba/julia1_numba.py                 # the book's 1000 x 1000, 300 iterations
    python 07_compiling/numba/julia1_numba.py --width 200
"""

import time
from pathlib import Path

import numpy as np
from numba import njit

from hpp.julia import add_julia_arguments, report_sum
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
        while n < maxiter and abs(z) < 2:
            z = z * z + c
            n += 1
        output[i] = n


def time_calls(function, args, calls=3):
    """Call ``function(max_iterations, zs, cs, output)`` ``calls`` times; print and return each time."""
    common = load_example(Path(__file__).resolve().parents[1] / "_common.py")
    zs, cs = common.julia_arrays(args.width)
    output = np.zeros(len(zs), dtype=np.int32)
    times = []
    for call in range(calls):
        start = time.perf_counter()
        function(args.max_iterations, zs, cs, output)
        times.append(time.perf_counter() - start)
        what = "compile + run" if call == 0 else "run"
        print(f"call {call + 1} ({what}) took {times[-1]:.3f} seconds")
    print(f"compile time about {times[0] - min(times[1:]):.3f} seconds")
    report_sum(output, args.width, args.max_iterations)
    return output, times


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    args = parser.parse_args(argv)
    time_calls(calculate_z, args)


if __name__ == "__main__":
    main()
