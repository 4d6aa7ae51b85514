"""Timing with a decorator: ``@timefn`` around the Julia functions (Example 2-5).

``timefn`` takes a function and returns ``measure_time``, which reads the
clock before and after the call and prints how long it took; ``@wraps(fn)``
keeps the function's name and docstring, so the printout (and any profiler)
names the real function. Here it wraps both the escape loop and the driver, so
a run prints ``@timefn: calculate_z_serial_purepython took ...``, the driver's
own ``calculate_z_serial_purepython took ... seconds`` (the same time, less the
decorator's small overhead), then ``@timefn: calc_pure_python took ...``, which
includes building the ``zs`` and ``cs`` lists.

Run (section "Simple Approaches to Timing—print and a Decorator"):
    cd 02_profiling
    python julia1_decorator.py
    python julia1_decorator.py --width 200
"""

# book: Example 2-1 (with the import of Example 2-5)
import time
from functools import wraps

# area of complex space to investigate
x1, x2, y1, y2 = -1.8, 1.8, -1.8, 1.8
c_real, c_imag = -0.62772, -0.42193
# book: end


# book: Example 2-5
def timefn(fn):
    @wraps(fn)
    def measure_time(*args, **kwargs):
        t1 = time.time()
        result = fn(*args, **kwargs)
        t2 = time.time()
        print(f"@timefn: {fn.__name__} took {t2 - t1:.4f} seconds")
        return result

    return measure_time


# book: end


# book: Example 2-2 (under @timefn, as the official julia1_decorator.py)
@timefn
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


# book: Example 2-3 (under @timefn, as after Example 2-5)
@timefn
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

    julia_main(__doc__, calc_pure_python, argv)


if __name__ == "__main__":
    main()
