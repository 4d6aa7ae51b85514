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
from pathlib import Path

import numpy as np

from hpp.diffusion import D, DT
from hpp.loader import load_example
from hpp.script import example_parser, fail

SMOKE_ARGS = ["--size", "64", "--steps", "20"]
REQUIRES_TOOLS = ("cargo",)

HERE = Path(__file__).resolve().parent


def load_library(path):
    library = ctypes.CDLL(str(path))
    grid = np.ctypeslib.ndpointer(dtype=np.float64, ndim=2, flags="C_CONTIGUOUS")
    out = np.ctypeslib.ndpointer(dtype=np.float64, ndim=2, flags=("C_CONTIGUOUS", "WRITEABLE"))
    library.evolve.argtypes = [grid, out, ctypes.c_size_t, ctypes.c_double, ctypes.c_double]
    library.evolve.restype = None
    return library


def make_step(library, dt=DT, D=D):
    evolve = library.evolve

    def step(grid, out):
        evolve(grid, out, grid.shape[0], D, dt)

    return step


def main(argv=None):
    parser = example_parser(__doc__)
    common = load_example(HERE.parent / "_common.py")
    build = load_example(HERE.parent / "_build.py")
    common.add_diffusion_arguments(parser)
    args = parser.parse_args(argv)
    try:
        path, seconds = build.rust_library()
    except (build.ToolchainMissing, build.BuildFailed) as error:
        fail(build.toolchain_error(error))
    print(f"Rust cdylib built in {seconds:.2f} s")
    common.drive_diffusion(make_step(load_library(path)), args, "Rust through ctypes")


if __name__ == "__main__":
    main()
