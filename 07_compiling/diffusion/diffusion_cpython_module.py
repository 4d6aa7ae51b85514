"""Call a hand-written CPython extension module, ``cdiffusion`` (book 7, "CPython Module").

``python_interface.c`` wraps ``diffusion.c`` with the CPython and NumPy C
APIs: it checks every argument (dtype, shape, layout), releases the GIL and
runs the C step. It is the most work to write and the fastest to call. Built
in place by ``make install`` (declared in ``_extensions.toml``).

Run:
    python 07_compiling/diffusion/diffusion_cpython_module.py
"""

import _common as common

from hpp.diffusion import DT, D

SMOKE_ARGS = ["--size", "64", "--iterations", "20"]


def make_step(cdiffusion, dt=DT, D=D):
    # book: 2nd ed. code, "cpython_module/diffusion.py" (the call into cdiffusion)
    evolve = cdiffusion.evolve

    def step(grid, out):
        evolve(grid, out, D=D, dt=dt)

    # book: end
    return step


def run_experiment(num_iterations, size=512):
    """Time ``num_iterations`` steps of the ``cdiffusion`` extension on a ``size`` x ``size`` grid."""
    cdiffusion = common.import_compiled("cdiffusion")
    return common.drive_diffusion(make_step(cdiffusion), size, num_iterations, "CPython extension cdiffusion")


def main(argv=None):
    common.run_main(__doc__, run_experiment, argv)


if __name__ == "__main__":
    main()
