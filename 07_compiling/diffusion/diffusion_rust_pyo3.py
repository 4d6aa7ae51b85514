"""Call a Rust diffusion step written as a Python extension with PyO3 (book 7, 3rd edition: "Rust").

``rust_pyo3/src/lib.rs`` is the whole extension: PyO3 turns the Rust function
into ``diffusion_pyo3.evolve(grid, out, D=1.0, dt=0.1)``, converts the
arguments and raises Python exceptions. The grids come in through the buffer
protocol (PyO3's ``PyBuffer<f64>``): Rust reads and writes the NumPy arrays'
memory in place, after checking dtype, shape and layout. Compare
``diffusion_rust.py``, the same step behind a C ABI: there Python declares
the signature with ctypes and nothing checks the arrays on the Rust side.

Built on first use into build/07_compiling with cargo, offline: PyO3's source
comes from Debian's crate registry (``apt-get install cargo librust-pyo3-dev``;
``rust_pyo3/.cargo/config.toml`` points cargo at it). The book builds with
maturin from crates.io; with network access ``maturin develop`` in a copy of
the crate does the same.

Run:
    python 07_compiling/diffusion/diffusion_rust_pyo3.py
    python 07_compiling/diffusion/diffusion_rust_pyo3.py --size 64 --iterations 10
"""


# taught: the PyO3 extension called like any Python function (3rd ed., "Rust")
def make_step(module, dt=0.1, D=1.0):
    """A Python function for one step, calling the PyO3 extension."""
    evolve = module.evolve

    def step(grid, out):
        evolve(grid, out, D, dt)

    return step


# taught: end


def main(argv=None):
    from _compiled_diffusion import built, run_compiled

    run_compiled(__doc__, lambda: make_step(built("pyo3_module")), argv)


if __name__ == "__main__":
    main()
