"""Julia set generator without optional PIL-based image drawing (Examples 2-1 to 2-4).

For every point z of a grid on [-1.8, 1.8]^2, iterate z -> z*z + c with
c = -0.62772-0.42193j until abs(z) reaches 2 or ``maxiter`` updates are done;
the number of updates is the point's output. At the book's size (width 1000,
300 iterations) ``sum(output) = 33219980``.

The module is the book's, top to bottom: the constants, ``calc_pure_python``
(the driver that builds the inputs with ``append``), the escape loop, and a
``__main__`` block that calls the driver at the book's size. Run with no
arguments it does only that, so ``python -m cProfile -s cumulative
julia1_nopil.py`` reports the book's 36,221,995 function calls (34,219,980
``abs``, 2,002,000 ``append``). With flags (``--width 100``) ``main`` parses
them with ``hpp``'s parser and prints ``sum(output) = N`` too.

Run (sections "Calculating the Full Julia Set" to "Using the cProfile Module"):
    cd 02_profiling
    python julia1_nopil.py                              # width 1000, 300 iterations
    python julia1_nopil.py --width 100
    python -m cProfile -s cumulative julia1_nopil.py
    python -m cProfile -o profile.stats julia1_nopil.py
"""

import sys

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
    import _environment  # noqa: F401 (run outside .venv: one line, exit 2, no traceback)

    from hpp.julia import julia_main

    julia_main(__doc__, calc_pure_python, argv)


if __name__ == "__main__":
    if sys.argv[1:]:
        main()
    else:
        # book: Example 2-4
        # Calculate the Julia set using a pure Python solution with
        # reasonable defaults for a laptop (nothing else runs, so cProfile
        # counts the book's calls)
        calc_pure_python(desired_width=1000, max_iterations=300)
        # book: end
