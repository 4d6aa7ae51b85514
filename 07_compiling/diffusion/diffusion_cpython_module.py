"""Call a hand-written CPython extension module, ``cdiffusion`` (book 7, "CPython Module").

``python_interface.c`` wraps ``diffusion.c`` with the CPython and NumPy C
APIs: it checks every argument (dtype, shape, layout), releases the GIL and
runs the C step. It is the most work to write and the fastest to call. Built
in place by ``make install`` (declared in ``_extensions.toml``).

Run:
    python 07_compiling/diffusion/diffusion_cpython_module.py
"""


# book: 2nd ed. code, "cpython_module/diffusion.py" (the call into cdiffusion)
def make_step(cdiffusion, dt=0.1, D=1.0):
    evolve = cdiffusion.evolve

    def step(grid, out):
        evolve(grid, out, D=D, dt=dt)

    return step


# book: end


def main(argv=None):
    from _compiled_diffusion import import_compiled, run_compiled

    run_compiled(__doc__, lambda: make_step(import_compiled("cdiffusion")), argv)


if __name__ == "__main__":
    main()
