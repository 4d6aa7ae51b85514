"""The Julia set vectorised with NumPy: whole-array steps with masks (book 6/7 contrast to compiling).

No Python loop over pixels: each of the ``max_iterations`` steps updates every
pixel that is still inside at once, then drops those that escaped (fancy
indexing keeps the working arrays shrinking). It needs no compiler, but each
step makes temporary arrays, so it sits between pure Python and the compiled
versions. Same answers as the book's loop (NumPy's complex ``abs`` and
multiply round the same way).

Run:
    python 07_compiling/julia1_numpy_vectorised.py
"""

# taught: vectorising with NumPy: every pixel still inside is updated in one whole-array step
import numpy as np


def calculate_z(maxiter, zs, cs):
    """Escape counts for every pixel, all still-inside pixels updated together."""
    output = np.zeros(len(zs), dtype=np.int32)
    index = np.arange(len(zs))
    z = np.array(zs, dtype=np.complex128)
    c = np.array(cs, dtype=np.complex128)
    for _ in range(maxiter):
        inside = np.abs(z) < 2
        if not inside.all():
            index, z, c = index[inside], z[inside], c[inside]
        if index.size == 0:
            break
        z = z * z + c
        output[index] += 1
    return output


# taught: end


def main(argv=None):
    from hpp.julia import calculate_z_main

    calculate_z_main(__doc__, calculate_z, argv)


if __name__ == "__main__":
    main()
