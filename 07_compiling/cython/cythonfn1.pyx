"""Julia's calculate_z, the pure-Python loop compiled by Cython unchanged (book 7, "Compiling a Pure Python Version").

No types: every value is still a Python object, so it is barely faster.
Built in place by ``make install``; run with ``python 07_compiling/cython/julia1.py --variant cythonfn1``.
"""


# book: 2nd ed., "Compiling a Pure Python Version Using Cython" (cythonfn.pyx)
def calculate_z(maxiter, zs, cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
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
