"""Call a Fortran diffusion step compiled with f2py (book 7, "f2py").

``diffusion.f90`` is compiled by ``python -m numpy.f2py -c --backend meson``
(gfortran; built on demand into build/07_compiling). f2py reads the
Fortran signature and writes the wrapper. Fortran arrays are column-major,
so the grids are made with ``order="F"``: then f2py passes them without a
copy, and ``intent(inplace)`` lets the routine write into ``next_grid``.

Run:
    python 07_compiling/diffusion/diffusion_fortran.py
"""


# book: 1st ed., "f2py" (the Python side: the Fortran evolve, on grids made with order="F")
def make_step(fortran, dt=0.1, D=1.0):
    evolve = fortran.evolve

    def step(grid, out):
        evolve(grid, out, D, dt)

    return step


# book: end


def run_experiment(iterations, size=512):
    """Build the f2py module, then time ``iterations`` Fortran steps on a ``size`` x ``size`` grid."""
    from _compiled_diffusion import built

    from hpp.diffusion import evolve_loop

    # taught: "developers must specify order='F'": f2py then passes the grids without a copy
    return evolve_loop(make_step(built("fortran_module")), size, iterations, order="F")
    # taught: end


SMOKE_ARGS = ["--size", "64", "--iterations", "20"]
REQUIRES_TOOLS = ("gfortran",)


def main(argv=None):
    from hpp.diffusion import run_diffusion

    run_diffusion(__doc__, run_experiment, argv, times_itself=True)


if __name__ == "__main__":
    main()
