"""Call a Fortran diffusion step compiled with f2py (book 7, "f2py").

``diffusion.f90`` is compiled by ``python -m numpy.f2py -c --backend meson``
(gfortran; built on demand into build/07_compiling). f2py reads the
Fortran signature and writes the wrapper. Fortran arrays are column-major,
so the grids are made with ``order="F"``: then f2py passes them without a
copy, and ``intent(inplace)`` lets the routine write into ``next_grid``.

Run:
    python 07_compiling/diffusion/diffusion_fortran.py
"""

import _build as build
import _common as common

from hpp.diffusion import DT, D

SMOKE_ARGS = ["--size", "64", "--iterations", "20"]
REQUIRES_TOOLS = ("gfortran",)


def make_step(fortran, dt=DT, D=D):
    evolve = fortran.evolve

    def step(grid, out):
        evolve(grid, out, D, dt)

    return step


def run_experiment(num_iterations, size=512):
    """Build the f2py module, then time ``num_iterations`` Fortran steps on a ``size`` x ``size`` grid."""
    fortran, seconds = build.built_or_exit(build.fortran_module)
    print(f"f2py module built in {seconds:.2f} s")
    return common.drive_diffusion(make_step(fortran), size, num_iterations, "Fortran through f2py", order="F")


def main(argv=None):
    common.run_main(__doc__, run_experiment, argv)


if __name__ == "__main__":
    main()
