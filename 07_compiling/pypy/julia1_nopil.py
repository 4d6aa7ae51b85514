"""The pure-Python Julia set, run unchanged under PyPy (book 7, "PyPy").

The book's chapter-2 code as it is: the constants, ``calc_pure_python`` (it
builds the inputs with ``append``) and the escape loop. CPython interprets
it (the chapter's baseline); ``pypy3`` JIT-compiles the hot loop (the book:
8 s on CPython, 0.9 s on PyPy). The module needs nothing but the standard
library, so PyPy runs it without the project's environment. The driver
(``_pypy_scaffold.py``) runs the calculation ``--repeat`` times (default 2): the first run on PyPy includes
warming the JIT up, the later ones run the compiled trace.

Run (from this folder):
    python julia1_nopil.py              # CPython
    pypy3 julia1_nopil.py               # PyPy (apt-get install pypy3)
    pypy3 julia1_nopil.py --width 300 --repeat 3
"""

# book: Example 2-1
import time

# area of complex space to investigate
x1, x2, y1, y2 = -1.8, 1.8, -1.8, 1.8
c_real, c_imag = -0.62772, -0.42193
# book: end


# book: Example 2-2 (run unchanged under PyPy)
def calc_pure_python(desired_width, max_iterations):
    """Create a list of complex coordinates (zs) and complex parameters (cs),
    build Julia set"""
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
    # the start points, row by row, and the constant c beside each
    zs = []
    cs = []
    for ycoord in y:
        for xcoord in x:
            zs.append(complex(xcoord, ycoord))
            cs.append(complex(c_real, c_imag))

    print(f"Length of x: {len(x):,}")
    print(f"Total elements: {len(zs):,}")
    start_time = time.time()
    output = calculate_z_serial_purepython(max_iterations, zs, cs)
    end_time = time.time()
    secs = end_time - start_time
    print(f"{calculate_z_serial_purepython.__name__} took {secs:0.2f} seconds")

    # the known sum for a 1000 x 1000 grid and 300 iterations
    if desired_width == 1000 and max_iterations == 300:
        assert sum(output) == 33219980
    return output


# book: end


# book: Example 2-8 (the swapped test, as the official PyPy julia1_nopil.py)
def calculate_z_serial_purepython(maxiter, zs, cs):
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


# book: end


def main(argv=None):
    from _pypy_scaffold import run_pypy_julia

    run_pypy_julia(__doc__, calc_pure_python, argv)


if __name__ == "__main__":
    main()
