"""Building the complex numbers on the fly: same answer, far less RAM (Example 2-12).

What differs from ``julia1_memoryprofiler.py``: the driver no longer builds
``zs`` and ``cs``, two lists of a million complex numbers each. It passes the
two coordinate lists ``x`` and ``y`` (1,000 floats each), and the escape loop
makes ``z = complex(xcoord, ycoord)`` and ``c`` for one point at a time, and
appends each count to ``output``. The sum is unchanged (33,219,980 at the
book's size) and the book's process drops "from 140 MB to 60 MB".

Run (section "Using memory_profiler to Diagnose Memory Usage"):
    python 02_profiling/julia1_memoryprofiler2.py
    python -m memory_profiler 02_profiling/julia1_memoryprofiler2.py --width 100
    mprof run 02_profiling/julia1_memoryprofiler2.py && mprof plot --output mprof2.png
"""

import time

from hpp import profile
from hpp.julia import C_IMAG, C_REAL, add_julia_arguments, axis_coordinates, report_sum
from hpp.script import example_parser

SMOKE_ARGS = ["--width", "100"]


@profile
def calculate_z_serial_purepython(maxiter, x, y):
    """For each point, count the updates z = z*z + c before abs(z) reaches 2 (at most maxiter)."""
    output = []
    for ycoord in y:
        for xcoord in x:
            z = complex(xcoord, ycoord)
            c = complex(C_REAL, C_IMAG)
            n = 0
            while n < maxiter and abs(z) < 2:
                z = z * z + c
                n += 1
            output.append(n)
    return output


@profile
def calc_pure_python(desired_width, max_iterations):
    """The driver: only the two coordinate lists, no zs and cs."""
    x, y = axis_coordinates(desired_width)
    print(f"Length of x: {len(x):,}")
    print(f"Total elements: {len(x) * len(y):,}")
    start_time = time.perf_counter()
    output = calculate_z_serial_purepython(max_iterations, x, y)
    secs = time.perf_counter() - start_time
    print(f"{calculate_z_serial_purepython.__name__} took {secs:0.2f} seconds")
    return output


def main(argv=None):
    args = add_julia_arguments(example_parser(__doc__)).parse_args(argv)
    output = calc_pure_python(args.width, args.max_iterations)
    report_sum(output, args.width, args.max_iterations)


if __name__ == "__main__":
    main()
