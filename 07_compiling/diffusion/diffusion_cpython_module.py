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
from hpp.script import example_parser

SMOKE_ARGS = ["--size", "64", "--iterations", "20"]


def make_step(cdiffusion, dt=DT, D=D):
    evolve = cdiffusion.evolve

    def step(grid, out):
        evolve(grid, out, D=D, dt=dt)

    return step


def main(argv=None):
    parser = example_parser(__doc__)
    common.add_diffusion_arguments(parser)
    args = parser.parse_args(argv)
    cdiffusion = common.import_compiled("cdiffusion")
    common.drive_diffusion(make_step(cdiffusion), args, "CPython extension cdiffusion")


if __name__ == "__main__":
    main()
