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


def main(argv=None):
    from _compiled_diffusion import built, run_compiled

    # Fortran is column-major: grids made with order="F" pass to f2py without a copy
    run_compiled(__doc__, lambda: make_step(built("fortran_module")), argv, order="F")


if __name__ == "__main__":
    main()
