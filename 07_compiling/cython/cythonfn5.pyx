# cython: boundscheck=False
"""cythonfn4 with ``boundscheck=False`` (book 7, "Locally Disabling Safety Checks").

The directive on the first line turns off index checks for the whole module.
On lists it changes little: the time is spent elsewhere.
"""


# book: 2nd ed., "Locally Disabling Safety Checks" (boundscheck=False, at the top of the file)
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
