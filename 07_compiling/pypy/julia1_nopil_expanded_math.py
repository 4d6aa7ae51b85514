"""The pure-Python Julia set with the expanded escape test, for PyPy (book 7, "PyPy").

``z.real * z.real + z.imag * z.imag < 4`` instead of ``abs(z) < 2``: the book
says PyPy is "even faster" with it. Under CPython it barely matters; the
attribute lookups cost about what the square root saves. The driver is the
book's ``calc_pure_python``, as in ``julia1_nopil.py``.

Run (from this folder):
    pypy3 julia1_nopil_expanded_math.py
    python julia1_nopil_expanded_math.py --width 300
"""

# book: Example 2-1
import time

# area of complex space to investigate
x1, x2, y1, y2 = -1.8, 1.8, -1.8, 1.8
c_real, c_imag = -0.62772, -0.42193
# book: end


# book: Example 2-2
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

    if desired_width == 1000 and max_iterations == 300:
        assert sum(output) == 33219980
    return output


# book: end


# book: 2nd ed. code, "julia1_nopil_expanded_math_pypy.py" (the expanded escape test)
def calculate_z_serial_purepython(maxiter, zs, cs):
    """Calculate output list using Julia update rule"""
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


def main(argv=None):
    from _pypy_scaffold import run_pypy_julia

    run_pypy_julia(__doc__, calc_pure_python, argv)


if __name__ == "__main__":
    main()
