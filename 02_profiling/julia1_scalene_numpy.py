"""Scalene sees a hidden copy: two NumPy arrays made from the Julia lists (Example 2-13).

The driver is the book's, with two lines added after ``zs`` and ``cs`` are
built: ``zs_np = np.array(zs)`` and ``cs_np = np.array(cs)``. Each copies a
million Python complex numbers into a ``complex128`` array, 16 bytes an item:
16,000,000 bytes each at the book's width 1000. Nothing in the code says
"16 MB"; Scalene's memory column shows it on those two lines (the book: 19M and
15M, "different runs on this produce different peak-allocation numbers").

The driver returns ``output, zs_np, cs_np`` so the sizes can be checked.

Run (section "Combining CPU and Memory Profiling with Scalene"):
    cd 02_profiling
    python julia1_scalene_numpy.py
    scalene run --memory julia1_scalene_numpy.py && scalene view --cli
"""

# book: Example 2-1 (with the NumPy import Example 2-13 needs)
import time

import numpy as np

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
    # book: end
    # book: Example 2-13 (the two NumPy copies Scalene sees)
    zs_np = np.array(zs)  # Example 2-13: a complex128 copy, 16 bytes per item (16 MB at width 1000)
    cs_np = np.array(cs)  # and another
    # book: end
    # book: Example 2-2 (continued)

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
    # book: end
    return output, zs_np, cs_np


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
    from _julia_family import run_julia_numpy_copies

    run_julia_numpy_copies(__doc__, calc_pure_python, argv)


if __name__ == "__main__":
    main()
