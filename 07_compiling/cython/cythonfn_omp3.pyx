# cython: boundscheck=False, wraparound=False
# distutils: extra_compile_args = -fopenmp
# distutils: extra_link_args = -fopenmp
# hpp: optional
"""OpenMP with an explicit ``parallel()`` block around the ``prange`` (book 7, OpenMP).

The book's ``parallel/cythonfn3.pyx``: ``with nogil, parallel():`` opens the
thread team once; the loop inside shares it out with ``schedule="guided"``.
"""

# book: 2nd ed. code, "nparray_memoryview/parallel/cythonfn3.pyx" ("Parallelizing the Solution with OpenMP on One Machine")
from cython.parallel import parallel, prange

import numpy as np


def calculate_z(int maxiter, double complex[:] zs, double complex[:] cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    cdef unsigned int i, length
    cdef int n
    cdef double complex z, c
    cdef int[:] output = np.empty(len(zs), dtype=np.int32)
    length = len(zs)
    with nogil, parallel():
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
