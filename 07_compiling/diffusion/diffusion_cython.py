"""Run the Cython diffusion stencil, ``diffusion_cy.evolve`` (book 7's Cython on chapter 06's workload).

One fused loop over typed memoryviews, no temporaries; built in place by
``make install``. ``--parallel`` uses ``diffusion_cy_omp``, the same loop with
OpenMP ``prange`` over the rows.

Run:
    python 07_compiling/diffusion/diffusion_cython.py
    python 07_compiling/diffusion/diffusion_cython.py --parallel
"""


# taught: the compiled step called from Python: the Cython module's evolve in place of NumPy's
def make_step(module, dt=0.1, D=1.0):
    evolve = module.evolve

    def step(grid, out):
        evolve(grid, out, D, dt)

    return step


# taught: end


def run_experiment(iterations, size=512, parallel=False):
    """Time ``iterations`` steps of ``diffusion_cy`` (or ``diffusion_cy_omp``)."""
    from _compiled_diffusion import import_compiled, passive_openmp

    from hpp.diffusion import evolve_loop

    passive_openmp()
    module = import_compiled("diffusion_cy_omp" if parallel else "diffusion_cy")
    return evolve_loop(make_step(module), size, iterations)


SMOKE_ARGS = ["--size", "64", "--iterations", "20"]


def main(argv=None):
    from hpp.diffusion import run_diffusion

    run_diffusion(
        __doc__, run_experiment, argv, times_itself=True, switches={"--parallel": "use the OpenMP build"}
    )


if __name__ == "__main__":
    main()
