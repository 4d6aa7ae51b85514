"""line_profiler with the escape test split into statements (Example 2-7).

``while abs(z) < 2 and n < maxiter`` is one line, so line_profiler cannot say
which half costs more. Here each test is its own statement, so the report
shows ``abs(z) < 2`` and ``n < maxiter`` separately (the book: 21.4% against
14.8%). The price: more lines to trace, so the profiled run takes about twice
as long (the book: 63 s against 31 s). The result is the same.

Run (section "Using line_profiler for Line-by-Line Measurements"):
    kernprof -l -v 02_profiling/julia1_lineprofiler2.py --width 200
    python 02_profiling/julia1_lineprofiler2.py
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


def main(argv=None):
    args = add_julia_arguments(example_parser(__doc__)).parse_args(argv)
    calc_julia(calculate_z_serial_purepython, args.width, args.max_iterations)


if __name__ == "__main__":
    main()
