"""The pure-Python Julia loop over NumPy arrays: slower than over lists (book 7, "Cython and numpy").

Every ``zs[i]`` on an array builds a new Python complex object from the
array's raw memory (boxing), and every ``output[i] = n`` converts back. Lists
already hold Python objects, so they are faster for Python-level loops; arrays
pay off only when compiled code (Cython memoryviews, Numba) or vectorised
NumPy reads them.

Run:
    python 07_compiling/cython/julia1_np_nocython.py --width 300
"""

# book: 2nd ed. code, "julia1_np_nocython.py" (the Python loop over NumPy arrays)
import numpy as np


def calculate_z(maxiter, zs, cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    output = np.empty(len(zs), dtype=np.int32)
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


def main(argv=None):
    from _cython_julia import run_arrays

    run_arrays(__doc__, calculate_z, argv)


if __name__ == "__main__":
    main()
