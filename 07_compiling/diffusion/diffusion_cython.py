"""Run the Cython diffusion stencil, ``diffusion_cy.evolve`` (book 7's Cython on chapter 06's workload).

One fused loop over typed memoryviews, no temporaries; built in place by
``make install``. ``--parallel`` uses ``diffusion_cy_omp``, the same loop with
OpenMP ``prange`` over the rows.

Run:
    python 07_compiling/diffusion/diffusion_cython.py
    python 07_compiling/diffusion/diffusion_cython.py --parallel
"""

import _common as common

from hpp.diffusion import DT, D
from hpp.script import example_parser

SMOKE_ARGS = ["--size", "64", "--iterations", "20"]


def make_step(module, dt=DT, D=D):
    evolve = module.evolve

    def step(grid, out):
        evolve(grid, out, D, dt)

    return step


def main(argv=None):
    parser = example_parser(__doc__)
    common.add_diffusion_arguments(parser)
    parser.add_argument("--parallel", action="store_true", help="use the OpenMP build, diffusion_cy_omp")
    args = parser.parse_args(argv)
    name = "diffusion_cy_omp" if args.parallel else "diffusion_cy"
    common.passive_openmp()
    module = common.import_compiled(name)
    common.drive_diffusion(make_step(module), args, f"Cython {name}")


if __name__ == "__main__":
    main()
