"""Call a Rust diffusion step through ctypes (book 7 3rd edition's Rust, without PyO3).

``rust/src/lib.rs`` exports ``evolve`` with a C ABI (``extern "C"``,
``#[no_mangle]``) from a ``cdylib``; it needs no crates, so ``cargo build
--offline`` works anywhere (built on demand into build/07_compiling). Python
sees it as any C library. The book's version uses PyO3 and rust-numpy
instead, which writes the Python wrapper in Rust.

Run:
    python 07_compiling/diffusion/diffusion_rust.py
"""

import ctypes

import _build as build
import _common as common
import diffusion_ctypes as c_example  # the Python side is the ctypes example's: same checks, same step

SMOKE_ARGS = ["--size", "64", "--iterations", "20"]
REQUIRES_TOOLS = ("cargo",)


make_step = c_example.make_step


def load_library(path):
    """Open the Rust cdylib and declare ``evolve``'s C signature (``n`` is a ``usize``)."""
    library = ctypes.CDLL(str(path))
    library.evolve.argtypes = [
        c_example.GRID,
        c_example.WRITEABLE_GRID,
        ctypes.c_size_t,
        ctypes.c_double,
        ctypes.c_double,
    ]
    library.evolve.restype = None
    return library


def run_experiment(num_iterations, size=512):
    """Build the Rust cdylib, then time ``num_iterations`` steps through ctypes."""
    path, seconds = build.built_or_exit(build.rust_library)
    print(f"Rust cdylib built in {seconds:.2f} s")
    return common.drive_diffusion(make_step(load_library(path)), size, num_iterations, "Rust through ctypes")


def main(argv=None):
    common.run_main(__doc__, run_experiment, argv)


if __name__ == "__main__":
    main()
