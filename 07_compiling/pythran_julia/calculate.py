"""calculate_z for Pythran: plain Python plus one export comment (book 7, 1st edition, "Pythran").

Pythran compiles a Python module to C++ from its ``# pythran export`` line,
which gives the argument types; the ``# omp parallel for`` comment asks for
an OpenMP loop. The file is ordinary Python as well: CPython ignores the
comments and runs it (slowly). ``julia1.py`` builds it (``_build.pythran_module``)
in a virtual environment of its own, so Pythran's ``setuptools<60`` pin never
touches the project's.
"""

# book: 1st ed., "Pythran"
# pythran export calculate_z(int, complex[], complex[], int[])


def calculate_z(maxiter, zs, cs, output):
    """Calculate output list using Julia update rule"""
    # omp parallel for schedule(guided)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and (z.real * z.real + z.imag * z.imag) < 4:
            z = z * z + c
            n += 1
        output[i] = n
    # book: end
