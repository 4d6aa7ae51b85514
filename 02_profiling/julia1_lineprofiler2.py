"""line_profiler with the escape test split into statements (Example 2-7).

``while abs(z) < 2 and n < maxiter`` is one line, so line_profiler cannot say
which half costs more. Here each test is its own statement, so the report
shows ``abs(z) < 2`` and ``n < maxiter`` separately (the book: 21.4% against
14.8%). The price: more lines to trace, so the profiled run takes about twice
as long (the book: 63 s against 31 s). The result is the same.

Run (section "Using line_profiler for Line-by-Line Measurements"):
    cd 02_profiling
    kernprof -l -v julia1_lineprofiler2.py
    kernprof -l -v julia1_lineprofiler2.py --width 200
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
    # build a list of coordinates and the initial condition for each cell.
    # Note that our initial condition is a constant and could easily be removed,
    # we use it to simulate a real-world scenario with several inputs to our
    # function
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

    # This sum is expected for a 1000^2 grid with 300 iterations
    # It ensures that our code evolves exactly as we'd intended
    if desired_width == 1000 and max_iterations == 300:
        assert sum(output) == 33219980
    return output


# book: end


# book: Example 2-7
@profile
def calculate_z_serial_purepython(maxiter, zs, cs):
    """Calculate output list using Julia update rule"""
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while True:
            not_yet_escaped = abs(z) < 2
            iterations_left = n < maxiter
            if not_yet_escaped and iterations_left:
                z = z * z + c
                n += 1
            else:
                break
        output[i] = n
    return output


# book: end


def main(argv=None):
    from hpp.julia import julia_main

    julia_main(__doc__, calc_pure_python, argv)


if __name__ == "__main__":
    main()
