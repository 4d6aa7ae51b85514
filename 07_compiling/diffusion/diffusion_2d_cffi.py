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
from hpp.script import example_parser, fail

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


def main(argv=None):
    parser = example_parser(__doc__)
    common.add_diffusion_arguments(parser)
    parser.add_argument(
        "--abi",
        action="store_true",
        help="use ABI mode (ffi.dlopen on the shared library) instead of API mode",
    )
    args = parser.parse_args(argv)
    try:
        if args.abi:
            ffi, lib, seconds = abi_library(build)
        else:
            module, seconds = build.cffi_module()
            ffi, lib = module.ffi, module.lib
    except (build.ToolchainMissing, build.BuildFailed) as error:
        fail(build.toolchain_error(error))
    mode = "ABI mode (dlopen)" if args.abi else "API mode (compiled module)"
    print(f"cffi {mode}, built in {seconds:.2f} s")
    common.drive_diffusion(make_step(ffi, lib), args, f"cffi {mode}")


if __name__ == "__main__":
    main()
