"""Declare only the struct members you use, and let the compiler fill in the rest (book 7, "cffi").

``complicated.h`` defines ``struct Point`` with five members; this caller
needs ``x`` and ``y``. In the declaration given to ``ffi.cdef`` the rest is
``...;``: cffi cannot know the struct's size or offsets from that, so it
needs API mode: ``ffi.set_source`` with ``#include "complicated.h"`` and
``ffi.compile()``, and the C compiler works the layout out (the book uses the
old ``ffi.verify``, deprecated since cffi 1.0). ABI mode (``ffi.dlopen``)
refuses such a struct. The module is built on first use into build/07_compiling.

Run:
    python 07_compiling/diffusion/cffi_partial_struct.py
"""

# book: 2nd ed., "cffi" (the partial struct)
CDEF = r"""
    struct Point {
        double x;
        double y;
        ...;
    };
    struct Point do_calculation(void);
"""
# book: end


# taught: API mode asks the compiler for the struct's layout; the undeclared members stay hidden
def show_partial_struct(module):
    """Show the point, its layout (the compiler's, not the declaration's) and the hidden member."""
    ffi, lib = module.ffi, module.lib
    point = lib.do_calculation()
    print(f"do_calculation(): x = {point.x}, y = {point.y}")
    print(
        f"sizeof(struct Point) = {ffi.sizeof('struct Point')} bytes "
        f"(the compiler's figure: the declaration names 2 doubles, 16 bytes)"
    )
    print(f"offsetof(struct Point, y) = {ffi.offsetof('struct Point', 'y')}")
    try:
        getattr(point, "isActive")  # noqa: B009 (the attribute lookup is the lesson)
    except AttributeError:
        print("point.isActive: not declared, so not reachable from Python")


# taught: end


def main(argv=None):
    from _compiled_diffusion import run_built

    run_built(__doc__, "cffi_point_module", show_partial_struct, argv, CDEF)


if __name__ == "__main__":
    main()
