"""Call a Rust diffusion step through ctypes (book 7 3rd edition's Rust, without PyO3).

``rust/src/lib.rs`` exports ``evolve`` with a C ABI (``extern "C"``,
``#[no_mangle]``) from a ``cdylib``; it needs no crates, so ``cargo build
--offline`` works anywhere (built on demand into build/07_compiling). Python
sees it as any C library. The book's version uses PyO3 and rust-numpy
instead, which writes the Python wrapper in Rust.

Run:
    python 07_compiling/diffusion/diffusion_rust.py
"""

# taught: a Rust cdylib is a C library to Python: ctypes declares evolve's signature (n is a usize)
import ctypes

import diffusion_ctypes as c_example  # the Python side is the ctypes example's: same checks, same call


def load_library(path):
    """Open the Rust cdylib and declare ``evolve``'s C signature."""
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


# taught: end


def main(argv=None):
    from _compiled_diffusion import run_ctypes

    run_ctypes(__doc__, c_example.evolve, load_library, "rust_library", argv)


if __name__ == "__main__":
    main()
