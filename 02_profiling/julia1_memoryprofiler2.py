"""Building the complex numbers on the fly: same answer, far less RAM (Example 2-12).

What differs from ``julia1_memoryprofiler.py``: the driver no longer builds
``zs`` and ``cs``, two lists of a million complex numbers each. It passes the
two coordinate lists ``x`` and ``y`` (1,000 floats each), and the escape loop
makes ``z = complex(xcoord, ycoord)`` and ``c`` for one point at a time, and
appends each count to ``output``. The sum is unchanged (33,219,980 at the
book's size) and the book's process drops "from 140 MB to 60 MB".

Run (section "Using memory_profiler to Diagnose Memory Usage"):
    cd 02_profiling
    python julia1_memoryprofiler2.py
    python -m memory_profiler julia1_memoryprofiler2.py --width 100
    mprof run julia1_memoryprofiler2.py && mprof plot --output mprof2.png
"""

# book: Example 2-1
import time

# area of complex space to investigate
x1, x2, y1, y2 = -1.8, 1.8, -1.8, 1.8
c_real, c_imag = -0.62772, -0.42193
# book: end


# taught: the no-op @profile (the point of Example 2-21), when no profiler put one in builtins
try:
    profile  # noqa: B018 (a name lookup: kernprof and memory_profiler put profile in builtins)
except NameError:  # plain python or pytest: the no-op @profile (Example 2-21)

    def profile(func):
        return func


# taught: end


# book: 3rd ed. code, "julia1_memoryprofiler2.py" (the driver passes x and y, no zs and cs)
@profile
def calc_pure_python(desired_width, max_iterations):
    """Create the x and y coordinate lists only (no zs and cs), build Julia set"""
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

    print(f"Length of x: {len(x):,}")
    print(f"Total elements: {len(x) * len(y):,}")
    start_time = time.time()
    output = calculate_z_serial_purepython(max_iterations, x, y)
    end_time = time.time()
    secs = end_time - start_time
    print(f"{calculate_z_serial_purepython.__name__} took {secs:0.2f} seconds")

    # This sum is expected for a 1000^2 grid with 300 iterations
    if desired_width == 1000 and max_iterations == 300:
        assert sum(output) == 33219980
    return output


# book: end


# book: Example 2-12
@profile
def calculate_z_serial_purepython(maxiter, x, y):
    """Calculate output list using Julia update rule"""
    output = []
    for ycoord in y:
        for xcoord in x:
            z = complex(xcoord, ycoord)
            c = complex(c_real, c_imag)
            n = 0
            while n < maxiter and abs(z) < 2:
                z = z * z + c
                n += 1
            output.append(n)
    return output


# book: end


def main(argv=None):
    from hpp.julia import julia_main

    julia_main(__doc__, calc_pure_python, argv)


if __name__ == "__main__":
    main()
