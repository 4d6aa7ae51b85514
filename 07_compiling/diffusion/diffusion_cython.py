"""Run the Cython diffusion stencil, ``diffusion_cy.evolve`` (book 7's Cython on chapter 06's workload).

One fused loop over typed memoryviews, no temporaries; built in place by
``make install``. ``--parallel`` uses ``diffusion_cy_omp``, the same loop with
OpenMP ``prange`` over the rows.

Run:
    python 07_compiling/diffusion/diffusion_cython.py
    python 07_compiling/diffusion/diffusion_cython.py --parallel
"""

from pathlib import Path

from hpp.diffusion import D, DT
from hpp.loader import load_example
from hpp.script import example_parser

SMOKE_ARGS = ["--size", "64", "--steps", "20"]

HERE = Path(__file__).resolve().parent


def make_step(module, dt=DT, D=D):
    evolve = module.evolve

    def step(grid, out):
        evolve(grid, out, D, dt)

    return step


def main(argv=None):
    parser = example_parser(__doc__)
    common = load_example(HERE.parent / "_common.py")
    common.add_diffusion_arguments(parser)
    parser.add_argument("--parallel", action="store_true",
                        help="use the OpenMP build, diffusion_cy_omp")
    args = parser.parse_args(argv)
    name = "diffusion_cy_omp" if args.parallel else "diffusion_cy"
    common.passive_openmp()
    module = common.import_compiled(name)
    common.drive_diffusion(make_step(module), args, f"Cython {name}")


if __name__ == "__main__":
    main()
