"""calculate_z with the escape test expanded (book 7, strength reduction: about 40x over Python).

``abs(z) < 2`` needs a square root; ``z.real * z.real + z.imag * z.imag < 4``
does not, and gives the same answers here (the book's sum, 33219980).
"""


# book: 2nd ed., "Adding Some Type Annotations" (the expanded math)
def calculate_z(int maxiter, list zs, list cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    cdef unsigned int i, n
    cdef double complex z, c
    output = [0] * len(zs)
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
