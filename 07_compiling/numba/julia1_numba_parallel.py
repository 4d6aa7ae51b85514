"""Julia with Numba in parallel: ``@jit(parallel=True)`` and ``prange`` (book 7, "Numba", OpenMP-like).

The outer loop over pixels becomes ``prange``: Numba splits it across its
threads (``NUMBA_NUM_THREADS``, default: every core). Each pixel is
independent, so no other change is needed.

Run:
    python 07_compiling/numba/julia1_numba_parallel.py
    NUMBA_NUM_THREADS=1 python 07_compiling/numba/julia1_numba_parallel.py   # compare one thread
"""

import os
import time

import numba
import numpy as np
from numba import jit, prange

from hpp.julia import add_julia_arguments, julia_inputs, report_sum
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--width", "100"]


# book: 3rd ed. code, "julia1_numba_parallel.py"
@jit(parallel=True)
def calculate_z(maxiter, zs, cs, output):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    for i in prange(len(zs)):
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
    (the first includes the compile). Returns the output and the seconds per run."""
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")  # idle threads sleep, not spin
    print(f"Numba threads: {numba.get_num_threads()}")
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
    return output, times


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs; the first one compiles")
    args = parser.parse_args(argv)
    calc_pure_python(args.width, args.max_iterations, args.repeat)


if __name__ == "__main__":
    main()
