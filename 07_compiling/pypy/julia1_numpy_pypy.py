"""The Julia loop over NumPy arrays under PyPy (book 7, "PyPy"; the 3rd edition's ``julia1_numpy_pypy.py``).

The expanded-math loop indexing NumPy arrays element by element, run three
times. PyPy reaches NumPy's C code through its C-API emulation (cpyext), and
every ``zs[i]`` crosses that bridge, which the JIT cannot see into: PyPy is
far slower on this than on lists. The book runs it with only
**30 iterations** (``max_iterations=30``) for that reason, and so does this
script by default. It runs under CPython too, for the comparison.

PyPy needs its own NumPy: ``pypy3`` (Debian's ``apt-get install pypy3``)
does not see the project's environment, and Debian packages no NumPy for
PyPy. From the repository root, once (NumPy's PyPy wheel comes from PyPI):

    pypy3 -m venv build/07_compiling/pypy-numpy
    build/07_compiling/pypy-numpy/bin/pip install numpy

then, from this folder:

    ../../build/07_compiling/pypy-numpy/bin/pypy3 julia1_numpy_pypy.py
    python julia1_numpy_pypy.py                   # CPython, for comparison
"""

# book: Example 2-1, and the NumPy import of the 3rd ed. code's "julia1_numpy_pypy.py"
import time

import numpy as np

# area of complex space to investigate
x1, x2, y1, y2 = -1.8, 1.8, -1.8, 1.8
c_real, c_imag = -0.62772, -0.42193
# book: end


# book: 3rd ed. code, "julia1_numpy_pypy.py"
def calculate_z(maxiter, zs, cs, output):
    """Calculate output list using Julia update rule"""
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while n < maxiter and (z.real * z.real + z.imag * z.imag) < 4:
            z = z * z + c
            n += 1
        output[i] = n


def calc_pure_python(desired_width, max_iterations, repeat=3):
    """Build the coordinate lists, turn them into complex128 arrays, run ``calculate_z``
    ``repeat`` times (PyPy's JIT warms up on the first). Returns the output and the seconds."""
    x_step = (x2 - x1) / desired_width
    y_step = (y1 - y2) / desired_width
    x = []
    y = []
    ycoord = y2
    while ycoord > y1:
        y.append(ycoord)
        ycoord += y_step
    xcoord = x1
    while xcoord < x2:
        x.append(xcoord)
        xcoord += x_step
    zs = []
    cs = []
    for ycoord in y:
        for xcoord in x:
            zs.append(complex(xcoord, ycoord))
            cs.append(complex(c_real, c_imag))

    print(f"Length of x: {len(x):,}")
    print(f"Total elements: {len(zs):,}")
    zs2 = np.array(zs, np.complex128)
    cs2 = np.array(cs, np.complex128)
    times = []
    for run in range(repeat):
        if run:
            print(f"Doing run {run + 1} to test warm-up")
        output = np.zeros_like(zs2, dtype=np.int32)
        start_time = time.time()
        calculate_z(max_iterations, zs2, cs2, output)
        times.append(time.time() - start_time)
        print(f"took {times[-1]:0.2f} seconds")
    return output, times


# book: end


def main(argv=None):
    from _pypy_scaffold import run_pypy_julia

    run_pypy_julia(__doc__, calc_pure_python, argv, repeat=3, max_iterations=30, runs_inside=True)


if __name__ == "__main__":
    main()
