"""The Julia set at width 200, for VizTracer's time-based call stack (section "VizTracer").

VizTracer records every function call with its start time and duration. At
the book's width 1000 the millions of ``abs`` calls fill its circular buffer
("Circular buffer is full"), so the book lowers ``desired_width`` to 200 and
drops calls shorter than 0.1 (``--min_duration`` is in microseconds): the
trace keeps ``calc_pure_python``, ``calculate_z_serial_purepython`` and the
few slowest ``abs`` calls.

Run (section "VizTracer for an interactive time-based call stack"):
    cd 02_profiling
    viztracer --min_duration 0.1 julia1_viztracer.py      # writes result.json
    vizviewer result.json                                 # opens the viewer in a browser
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


# book: Example 2-3
def calculate_z_serial_purepython(maxiter, zs, cs):
    """Calculate output list using Julia update rule"""
    output = [0] * len(zs)
    for i in range(len(zs)):
        n = 0
        z = zs[i]
        c = cs[i]
        while abs(z) < 2 and n < maxiter:
            z = z * z + c
            n += 1
        output[i] = n
    return output


# book: end


def main(argv=None):
    from hpp.julia import julia_main

    julia_main(__doc__, calc_pure_python, argv, width=200)


if __name__ == "__main__":
    main()
