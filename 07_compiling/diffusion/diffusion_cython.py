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

SMOKE_ARGS = ["--size", "64", "--iterations", "20"]


def make_step(module, dt=DT, D=D):
    evolve = module.evolve

    def step(grid, out):
        evolve(grid, out, D, dt)

    return step


def run_experiment(num_iterations, size=512, parallel=False):
    """Time ``num_iterations`` steps of ``diffusion_cy`` (or ``diffusion_cy_omp``)."""
    name = "diffusion_cy_omp" if parallel else "diffusion_cy"
    common.passive_openmp()
    module = common.import_compiled(name)
    return common.drive_diffusion(make_step(module), size, num_iterations, f"Cython {name}")


def main(argv=None):
    common.run_main(__doc__, run_experiment, argv, switches={"--parallel": "use the OpenMP build"})


if __name__ == "__main__":
    main()
