"""The pure-Python Julia set: the program chapter 2 profiles (Examples 2-1 to 2-4).

For every point z of a grid on [-1.8, 1.8]^2, iterate z -> z*z + c with
c = -0.62772-0.42193j until abs(z) reaches 2 or ``maxiter`` updates are done;
the number of updates is the point's output. At the book's size (width 1000,
300 iterations) ``sum(output) = 33219980``.

``calc_pure_python`` is the book's driver, kept here as the book writes it
(the coordinate lists built by float accumulation and ``append``), because the
cProfile section counts its calls: 2,002,000 ``append`` calls, and 36,221,995
calls in all under ``cProfile.run("calc_pure_python(1000, 300)")``. The other
Julia scripts of the chapter use the same inputs from ``hpp.julia``. Where the
book asserts ``sum(output) == 33219980`` (true only at width 1000), this
version returns the sum and ``main`` prints it beside the known value for any
width.

Run (section "Simple Approaches to Timing", "Using the cProfile Module"):
    python 02_profiling/julia1_nopil.py                        # width 1000, 300 iterations
    python 02_profiling/julia1_nopil.py --width 100
    python -m cProfile -s cumulative 02_profiling/julia1_nopil.py
    python -m cProfile -o profile.stats 02_profiling/julia1_nopil.py
    python 02_profiling/print_pstats.py --stats profile.stats
"""

import time

from hpp.julia import C_IMAG, C_REAL, KNOWN_SUMS, X1, X2, Y1, Y2, add_julia_arguments
from hpp.script import example_parser

SMOKE_ARGS = ["--width", "100"]


def calculate_z_serial_purepython(maxiter, zs, cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
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


def calc_pure_python(desired_width, max_iterations, calculate_z=calculate_z_serial_purepython):
    """Build the inputs the way the book's driver does (float steps, ``append``),
    run ``calculate_z`` on them, print its time and return ``sum(output)``."""
    x_step = (X2 - X1) / desired_width
    y_step = (Y1 - Y2) / desired_width
    x = []
    y = []
    ycoord = Y2
    while ycoord > Y1:
        y.append(ycoord)
        ycoord += y_step
    xcoord = X1
    while xcoord < X2:
        x.append(xcoord)
        xcoord += x_step
    # One start point and one constant per pixel. The constant never changes;
    # the book keeps a list of it anyway, as a stand-in for a per-item input.
    zs = []
    cs = []
    for ycoord in y:
        for xcoord in x:
            zs.append(complex(xcoord, ycoord))
            cs.append(complex(C_REAL, C_IMAG))

    print(f"Length of x: {len(x):,}")
    print(f"Total elements: {len(zs):,}")
    start_time = time.perf_counter()
    output = calculate_z(max_iterations, zs, cs)
    end_time = time.perf_counter()
    secs = end_time - start_time
    print(f"{calculate_z.__name__} took {secs:0.2f} seconds")
    return sum(output)


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    args = parser.parse_args(argv)
    total = calc_pure_python(desired_width=args.width, max_iterations=args.max_iterations)
    known = KNOWN_SUMS.get((args.width, args.max_iterations))
    note = "" if known is None else f" ({'matches' if total == known else 'DIFFERS FROM'} the book's {known})"
    print(f"sum(output) = {total}{note}")


if __name__ == "__main__":
    main()
