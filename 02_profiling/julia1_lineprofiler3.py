"""line_profiler with the escape test's two conditions swapped (Example 2-8).

``n < maxiter`` is about three times cheaper than ``abs(z) < 2`` (the book:
20.7 ns against 66.8 ns) but almost always True, so putting it first rarely
saves the ``abs`` call: ``and`` only skips the second test when the first is
False, which happens once per point. The report looks much like Example 2-6;
the book sees no clear speedup at width 1000 (see ``julia1_nopil_swappedif.py``
for the timing at width 5000). The result is the same.

Run (section "Using line_profiler for Line-by-Line Measurements"):
    kernprof -l -v 02_profiling/julia1_lineprofiler3.py --width 200
    python 02_profiling/julia1_lineprofiler3.py
"""

from hpp import profile
from hpp.julia import add_julia_arguments, calc_julia
from hpp.script import example_parser

SMOKE_ARGS = ["--width", "100"]


@profile
def calculate_z_serial_purepython(maxiter, zs, cs):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
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


def main(argv=None):
    args = add_julia_arguments(example_parser(__doc__)).parse_args(argv)
    calc_julia(calculate_z_serial_purepython, args.width, args.max_iterations)


if __name__ == "__main__":
    main()
