# cython: boundscheck=False, wraparound=False
# distutils: extra_compile_args = -fopenmp
# distutils: extra_link_args = -fopenmp
# hpp: optional
"""OpenMP ``prange`` with a thread-local counter and no bounds checks (book 7, OpenMP).

The book's ``parallel/cythonfn2.pyx``: the count lives in a local ``n`` (a
register) and is written once per pixel.
"""

# book: 2nd ed. code, "nparray_memoryview/parallel/cythonfn2.pyx" ("Parallelizing the Solution with OpenMP on One Machine")
from cython.parallel import prange

import numpy as np


def calculate_z(int maxiter, double complex[:] zs, double complex[:] cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    cdef unsigned int i, length
    cdef int n
    cdef double complex z, c
    cdef int[:] output = np.empty(len(zs), dtype=np.int32)
    length = len(zs)
    with nogil:
        for i in prange(length, schedule="guided"):
            z = zs[i]
            c = cs[i]
            n = 0
            while n < maxiter and (z.real * z.real + z.imag * z.imag) < 4:
                z = z * z + c
                n = n + 1
            output[i] = n
    return output


# book: end
