"""memory_profiler on the Julia set: RAM line by line (Example 2-10).

``python -m memory_profiler`` reports, for each line of the ``@profile``
functions, the process's memory after it ran (``Mem usage``) and the change
(``Increment``; the book warns that this column is unreliable today and reads
``Mem usage`` instead). Two functions are decorated, as in the book: the
escape loop below (``output = [0] * len(zs)`` costs about 8 MB at the book's
size) and the book's driver ``calc_pure_python`` from ``julia1_nopil.py``
(building ``zs`` and ``cs``, two lists of a million complex numbers each,
takes the process from about 47 MB to 123 MB).

memory_profiler measures after every line, so it is slow: the book's full
size "took about two hours to collect". Use a small width.

Run (section "Using memory_profiler to Diagnose Memory Usage"):
    python -m memory_profiler 02_profiling/julia1_memoryprofiler.py --width 100
    mprof run 02_profiling/julia1_memoryprofiler.py --width 300 && mprof plot --output mprof.png
    scalene run --memory 02_profiling/julia1_memoryprofiler.py --- --width 300   # then: scalene view --cli
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
        while n < maxiter and abs(z) < 2:
            z = z * z + c
            n += 1
        output[i] = n
    return output


# The book's driver, where zs and cs are built: the big memory step.
calc_pure_python = profile(julia1_nopil.calc_pure_python)


def main(argv=None):
    args = add_julia_arguments(example_parser(__doc__)).parse_args(argv)
    total = calc_pure_python(args.width, args.max_iterations, calculate_z_serial_purepython)
    print(f"sum(output) = {total}")


if __name__ == "__main__":
    main()
