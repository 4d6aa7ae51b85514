def calculate_z(maxiter, zs, cs):
    """Calculate output list using Julia update rule"""
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

# The book's first cythonfn.pyx (7, "Compiling a Pure Python Version Using Cython"): plain
# Python, no types. Laid out as the book prints it, so `cython -a cythonfn.pyx` numbers the
# lines as the book's discussion does (line 8, the `while`, runs over 30 million times).
# Built by `python setup.py build_ext --inplace` in this folder (the book's step) and by
# `make install`; the later versions are cythonfn2.pyx ... cythonfn5.pyx.
