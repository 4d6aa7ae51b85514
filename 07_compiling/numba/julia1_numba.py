"""Julia with Numba's ``@jit`` on NumPy arrays (book 7, "Numba").

The pure-Python loop, unchanged, under ``@jit`` (nopython mode, Numba's
default today); the inputs become complex128 arrays and the counts go into
an ``int32`` array the caller passes in. The driver (``_numba_julia.py``)
runs the calculation three times, as the book's script does: the first call compiles
(the book: 0.75 s), the second runs the compiled code (0.47 s). Without the
decorator this is the NumPy version of the Julia demo, which the book times
at 21 s: ``--no-jit`` runs ``calculate_z.py_func``, the undecorated function.

Run (from this folder):
    python julia1_numba.py                 # the book's 1000 x 1000, 300 iterations
    python julia1_numba.py --width 200
    python julia1_numba.py --no-jit --width 200
"""

# book: 2nd ed., "Numba"
from numba import jit


@jit
def calculate_z(maxiter, zs, cs, output):
    """Calculate output list using Julia update rule"""
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and abs(z) < 2:
            z = z * z + c
            n += 1
        output[i] = n


calculate_z_serial_purepython = calculate_z  # the name the 2nd edition's text gives it


# book: end


def main(argv=None):
    from _numba_julia import run_numba_julia

    run_numba_julia(__doc__, calculate_z, argv, no_jit_flag=True)


if __name__ == "__main__":
    main()
