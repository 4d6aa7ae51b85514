"""line_profiler on the Julia set: the cost of each line (Examples 2-6 and 2-9).

``@profile`` marks the functions kernprof should time line by line. Here it is
``hpp.profile``: kernprof's own decorator when the script runs under
``kernprof -l``, and a no-op under plain Python. (The official code's guard,
``if 'profile' not in dir(): ...``, hides kernprof's decorator and empties the
report.)

Two functions are profiled, as in the book: the escape loop below (Example
2-6: the ``while`` line is hit ``sum(output) + len(zs)`` times, 34,219,980 at
the book's size; the two body lines ``sum(output)`` times, 33,219,980), and
the book's driver ``calc_pure_python`` from ``julia1_nopil.py`` (Example 2-9:
the ``zs.append``/``cs.append`` lines are hit once per point).

Run (section "Using line_profiler for Line-by-Line Measurements"):
    kernprof -l -v 02_profiling/julia1_lineprofiler.py                # about a minute at width 1000
    kernprof -l -v 02_profiling/julia1_lineprofiler.py --width 200
    python -m line_profiler julia1_lineprofiler.py.lprof              # show a saved report again
"""

import julia1_nopil

from hpp import profile
from hpp.julia import add_julia_arguments
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
        while abs(z) < 2 and n < maxiter:
            z = z * z + c
            n += 1
        output[i] = n
    return output


# Example 2-9: the book's driver, profiled line by line too.
calc_pure_python = profile(julia1_nopil.calc_pure_python)


def main(argv=None):
    args = add_julia_arguments(example_parser(__doc__)).parse_args(argv)
    total = calc_pure_python(args.width, args.max_iterations, calculate_z_serial_purepython)
    print(f"sum(output) = {total}")


if __name__ == "__main__":
    main()
