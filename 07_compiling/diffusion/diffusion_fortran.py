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
from hpp.script import example_parser, fail

SMOKE_ARGS = ["--size", "64", "--iterations", "20"]
REQUIRES_TOOLS = ("gfortran",)


def make_step(fortran, dt=DT, D=D):
    evolve = fortran.evolve

    def step(grid, out):
        evolve(grid, out, D, dt)

    return step


def main(argv=None):
    parser = example_parser(__doc__)
    common.add_diffusion_arguments(parser)
    args = parser.parse_args(argv)
    try:
        fortran, seconds = build.fortran_module()
    except (build.ToolchainMissing, build.BuildFailed) as error:
        fail(build.toolchain_error(error))
    print(f"f2py module built in {seconds:.2f} s")
    common.drive_diffusion(make_step(fortran), args, "Fortran through f2py", order="F")


if __name__ == "__main__":
    main()
