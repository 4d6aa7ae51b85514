# cython: boundscheck=False, wraparound=False
"""calculate_z on memoryviews with the expanded escape test (book 7, "Cython and numpy").

The book's ``nparray_memoryview/cythonfn2.pyx``: memoryviews, no bounds
checks, and ``z.real * z.real + z.imag * z.imag < 4``.
"""

# book: 2nd ed., "Cython and numpy" (memoryviews, the expanded math)
import numpy as np


def calculate_z(int maxiter, double complex[:] zs, double complex[:] cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    cdef unsigned int i, n
    cdef double complex z, c
    cdef int[:] output = np.empty(len(zs), dtype=np.int32)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and (z.real * z.real + z.imag * z.imag) < 4:
            z = z * z + c
            n += 1
        output[i] = n
    return output


# book: end
