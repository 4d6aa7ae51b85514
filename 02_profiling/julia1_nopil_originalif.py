"""The escape test in the original order, ``abs(z) < 2 and n < maxiter``, without a profiler, for timing.

The book's experiment on the order of the two conditions: at width 1000 no
clear difference; at width 5000 "143s for the original order and 142s for the
swapped order". This file and ``julia1_nopil_swappedif.py`` differ only in
that line. Both give the same sum at every width (831,027,380 at width 5000;
the official files assert the width-1000 sum, 33,219,980, at width 5000 and
fail). ``hpp bench 02`` times the two orders side by side.

Run (section "Using line_profiler for Line-by-Line Measurements"):
    python 02_profiling/julia1_nopil_originalif.py                 # width 5000, about 2.5 minutes
    python 02_profiling/julia1_nopil_originalif.py --width 1000
"""

from hpp.julia import add_julia_arguments, calc_julia
from hpp.script import example_parser

SMOKE_ARGS = ["--width", "100"]
BOOK_WIDTH = 5000


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


def main(argv=None):
    parser = add_julia_arguments(example_parser(__doc__))
    parser.set_defaults(width=BOOK_WIDTH)
    args = parser.parse_args(argv)
    calc_julia(calculate_z_serial_purepython, args.width, args.max_iterations)


if __name__ == "__main__":
    main()
