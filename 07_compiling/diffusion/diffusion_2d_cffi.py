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

# book: 2nd ed., "cffi" (the module built and opened once; evolve hands C the arrays' memory)
import functools


@functools.cache
def api_module():
    """The API-mode module (``.ffi``, ``.lib``), built on first use (the book opens its library at import)."""
    from _compiled_diffusion import built

    return built("cffi_module")


def evolve(grid, dt, out, D=1.0, ffi=None, lib=None):
    """One C step from ``grid`` into ``out``; ``ffi`` and ``lib`` default to ``api_module()``'s."""
    if lib is None:
        ffi, lib = api_module().ffi, api_module().lib
    # from_buffer hands C the arrays' memory as double[] (the book casts their address to double **)
    pointer_grid = ffi.from_buffer("double[]", grid)
    pointer_out = ffi.from_buffer("double[]", out, require_writable=True)
    lib.evolve(pointer_grid, pointer_out, grid.shape[0], D, dt)


# book: end


def abi_library(build):
    """ABI mode: ``ffi.dlopen`` on the shared library, declarations from ``_build.CFFI_CDEF``."""
    # book: 2nd ed., "cffi" (ABI mode: cdef, then dlopen)
    import cffi

    ffi = cffi.FFI()
    ffi.cdef(build.CFFI_CDEF)
    path, seconds = build.shared_library()
    return ffi, ffi.dlopen(str(path)), seconds
    # book: end


def main(argv=None):
    from _compiled_diffusion import run_cffi

    run_cffi(__doc__, evolve, abi_library, argv)


if __name__ == "__main__":
    main()
