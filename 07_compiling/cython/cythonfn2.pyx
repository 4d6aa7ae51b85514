"""calculate_z with C types for the counters and the complex numbers (book 7, "Adding Some Type Annotations").

``cdef unsigned int i, n`` and ``cdef double complex z, c``: the loop body now
runs in C, but ``zs[i]`` is still a generic Python indexing call.
"""


# book: 2nd ed., "Adding Some Type Annotations" (cdef types)
def calculate_z(int maxiter, zs, cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    cdef unsigned int i, n
    cdef double complex z, c
    output = [0] * len(zs)
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
