"""calculate_z with the arguments typed as lists (book 7, "Adding Some Type Annotations").

``list zs, list cs`` lets Cython index the lists directly instead of through
the generic ``__getitem__`` protocol.
"""


# book: 2nd ed., "Adding Some Type Annotations" (the list arguments typed)
def calculate_z(int maxiter, list zs, list cs):
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
