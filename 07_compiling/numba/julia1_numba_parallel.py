"""Julia with Numba in parallel: ``@jit(parallel=True)`` and ``prange`` (book 7, "Numba", OpenMP-like).

The outer loop over pixels becomes ``prange``: Numba splits it across its
threads (``NUMBA_NUM_THREADS``, default: every core). Each pixel is
independent, so no other change is needed.

Run:
    python 07_compiling/numba/julia1_numba_parallel.py
    NUMBA_NUM_THREADS=1 python 07_compiling/numba/julia1_numba_parallel.py   # compare one thread
"""

# book: 3rd ed. code, "julia1_numba_parallel.py"
from numba import jit, prange


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


def main(argv=None):
    from _numba_julia import run_numba_julia

    run_numba_julia(__doc__, calculate_z, argv, threads=True)


if __name__ == "__main__":
    main()
