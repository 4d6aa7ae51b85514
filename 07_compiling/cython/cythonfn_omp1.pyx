# distutils: extra_compile_args = -fopenmp
# distutils: extra_link_args = -fopenmp
# hpp: optional
"""calculate_z in parallel with OpenMP ``prange`` (book 7, "Parallelizing the Solution with OpenMP").

The book's ``parallel/cythonfn1.pyx``: ``prange(..., schedule="guided")``
inside ``with nogil``, counting straight into ``output[i]``. Optional in the
build: a compiler without OpenMP skips it.
"""

# book: 2nd ed. code, "nparray_memoryview/parallel/cythonfn1.pyx" ("Parallelizing the Solution with OpenMP on One Machine")
from cython.parallel import prange

import numpy as np


def calculate_z(int maxiter, double complex[:] zs, double complex[:] cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    cdef unsigned int i, length
    cdef double complex z, c
    cdef int[:] output = np.zeros(len(zs), dtype=np.int32)
    length = len(zs)
    with nogil:
        for i in prange(length, schedule="guided"):
            z = zs[i]
            c = cs[i]
            output[i] = 0
            while output[i] < maxiter and (z.real * z.real + z.imag * z.imag) < 4:
                z = z * z + c
                output[i] += 1
    return output


# book: end
