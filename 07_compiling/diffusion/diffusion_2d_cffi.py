"""Call the C diffusion step through cffi in API mode (book 7, "cffi").

cffi reads the C declarations (``ffi.cdef``), and ``ffi.set_source`` +
``ffi.compile`` build a real extension module around ``diffusion.c``
(the book's ``ffi.verify`` is deprecated since cffi 1.0). NumPy arrays are
passed as pointers with ``ffi.from_buffer``. ``--abi`` instead opens the
plain shared library with ``ffi.dlopen`` (ABI mode, no compiler at import,
but no checking of the declarations against the C code either).

Run:
    python 07_compiling/diffusion/diffusion_2d_cffi.py
    python 07_compiling/diffusion/diffusion_2d_cffi.py --abi --size 64 --iterations 10
"""

import _build as build
import _common as common

from hpp.diffusion import DT, D

SMOKE_ARGS = ["--size", "64", "--iterations", "20"]
REQUIRES = ("cffi",)
REQUIRES_TOOLS = ("gcc",)


def make_step(ffi, lib, dt=DT, D=D):
    """A Python function for one step, calling C through cffi."""
    evolve, from_buffer = lib.evolve, ffi.from_buffer

    def step(grid, out):
        evolve(
            from_buffer("double[]", grid),
            from_buffer("double[]", out, require_writable=True),
            grid.shape[0],
            D,
            dt,
        )

    return step


def abi_library(build):
    """ABI mode: ``ffi.dlopen`` on the shared library, declarations from ``_build.CFFI_CDEF``."""
    import cffi

    ffi = cffi.FFI()
    ffi.cdef(build.CFFI_CDEF)
    path, seconds = build.shared_library()
    return ffi, ffi.dlopen(str(path)), seconds


def run_experiment(num_iterations, size=512, abi=False):
    """Build the cffi module (or open the library), then time ``num_iterations`` C steps."""
    if abi:
        ffi, lib, seconds = build.built_or_exit(abi_library, build)
    else:
        module, seconds = build.built_or_exit(build.cffi_module)
        ffi, lib = module.ffi, module.lib
    mode = "ABI mode (dlopen)" if abi else "API mode (compiled module)"
    print(f"cffi {mode}, built in {seconds:.2f} s")
    return common.drive_diffusion(make_step(ffi, lib), size, num_iterations, f"cffi {mode}")


def main(argv=None):
    common.run_main(
        __doc__, run_experiment, argv, switches={"--abi": "ABI mode: ffi.dlopen on the shared library"}
    )


if __name__ == "__main__":
    main()
