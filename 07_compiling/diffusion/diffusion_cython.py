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


def main(argv=None):
    from _compiled_diffusion import import_compiled, run_compiled

    def step_factory(parallel):
        return make_step(import_compiled("diffusion_cy_omp" if parallel else "diffusion_cy"))

    run_compiled(__doc__, step_factory, argv, switches={"--parallel": "use the OpenMP build"}, openmp=True)


if __name__ == "__main__":
    main()
