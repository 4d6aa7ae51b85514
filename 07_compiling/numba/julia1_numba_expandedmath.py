"""Julia with Numba and the expanded escape test (book 7, "Numba").

``z.real * z.real + z.imag * z.imag < 4`` instead of ``abs(z) < 2``: no
square root. ``--inspect-types`` prints Numba's typed view of the function
(``calculate_z.inspect_types()``; the book's ``julia1_numba_expandedmath_inspection.py``
does only that).

Run (from this folder):
    python julia1_numba_expandedmath.py
    python julia1_numba_expandedmath.py --width 100 --inspect-types
"""

# book: 3rd ed. code, "julia1_numba_expandedmath.py"
from numba import jit


@jit
def calculate_z(maxiter, zs, cs, output):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and (z.real * z.real + z.imag * z.imag) < 4:
            z = z * z + c
            n += 1
        output[i] = n


# book: end


def main(argv=None):
    from _numba_julia import run_numba_julia

    run_numba_julia(__doc__, calculate_z, argv, inspect_flag=True)


if __name__ == "__main__":
    main()
