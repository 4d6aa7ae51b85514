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
    from _compiled_diffusion import run_cython

    run_cython(__doc__, make_step, argv)


if __name__ == "__main__":
    main()
