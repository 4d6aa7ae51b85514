"""Timing with a decorator: ``@timefn`` around the Julia functions (Example 2-5).

``timefn`` (from ``hpp.timing``, written as the book writes it, with
``functools.wraps`` so the name survives) prints how long each call took. Here
it wraps both the driver and the escape loop, so the run prints two
``@timefn:`` lines: the loop's, then the whole driver's (which includes
building the inputs).

Run (section "Simple Approaches to Timing—print and a Decorator"):
    python 02_profiling/julia1_decorator.py
    # timeit from the shell (section "Simple Timing Using the Unix time Command" and before):
    cd 02_profiling && python -m timeit -n 5 -r 1 -s "import julia1_nopil" \\
        "julia1_nopil.calc_pure_python(desired_width=1000, max_iterations=300)"
    /usr/bin/time --verbose python 02_profiling/julia1_nopil.py
"""

from hpp.julia import add_julia_arguments, calc_julia
from hpp.script import example_parser
from hpp.timing import timefn

SMOKE_ARGS = ["--width", "100"]


@timefn
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


# The driver from hpp, timed as a whole.
calc_pure_python = timefn(calc_julia)


def main(argv=None):
    args = add_julia_arguments(example_parser(__doc__)).parse_args(argv)
    calc_pure_python(calculate_z_serial_purepython, args.width, args.max_iterations)


if __name__ == "__main__":
    main()
