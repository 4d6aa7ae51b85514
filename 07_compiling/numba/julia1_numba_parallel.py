"""Julia with Numba in parallel: ``@njit(parallel=True)`` and ``prange`` (book 7, "Numba" with OpenMP-like threads).

The outer loop over pixels becomes ``prange``: Numba splits it across its
threads (``NUMBA_NUM_THREADS``, default: every core). Each pixel is
independent, so no other change is needed.

Run:
    python 07_compiling/numba/julia1_numba_parallel.py
    NUMBA_NUM_THREADS=1 python 07_compiling/numba/julia1_numba_parallel.py   # compare one thread
"""

from pathlib import Path

import numba
from numba import njit, prange

from hpp.julia import add_julia_arguments
from hpp.loader import load_example
from hpp.script import example_parser

SMOKE_ARGS = ["--width", "100"]


@njit(parallel=True)
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


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    args = parser.parse_args(argv)
    load_example(Path(__file__).resolve().parents[1] / "_common.py").passive_openmp()
    print(f"Numba threads: {numba.get_num_threads()}")
    driver = load_example(Path(__file__).resolve().parent / "julia1_numba.py")
    driver.time_calls(calculate_z, args)


if __name__ == "__main__":
    main()
