"""calculate_z on NumPy arrays through typed memoryviews (book 7, "Cython and numpy").

``double complex[:] zs`` reads the array's memory directly; the output is an
``int32`` array written through an ``int[:]`` view. The escape test is ``abs``.
(The book's ``nparray_memoryview/cythonfn1.pyx``.)
"""

# book: 2nd ed., "Cython and numpy" (typed memoryviews)
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
        while n < maxiter and abs(z) < 2:
            z = z * z + c
            n += 1
        output[i] = n
    return output


# book: end
