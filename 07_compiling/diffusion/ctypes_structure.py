"""A C struct from ctypes, and the casting ctypes leaves to you (book 7, "ctypes").

``class cPoint(Structure)`` with ``_fields_`` lays out ``struct IntPoint {int x;
int y;}`` of ``complicated.h``, so ``cPoint(10, 5)`` can be passed by value
(``manhattan_length``) or by pointer (``scale_point`` changes it in place).
Nothing checks the layout against the C header: if the library changes the
struct, this class is silently wrong. The casting lesson: a Python float is
a C double; put into a ``c_float`` a value like ``1e5`` survives, ``1e300``
overflows to ``inf``, so it needs ``c_double``.

Run:
    python 07_compiling/diffusion/ctypes_structure.py
"""

# book: 2nd ed., "ctypes" (cPoint, and the C types a value is cast to)
import ctypes
from ctypes import Structure, c_double, c_float, c_int


class cPoint(Structure):
    _fields_ = ("x", c_int), ("y", c_int)


# book: end


# taught: a Structure crosses into C by value and by pointer; 1e300 overflows a C float
def load_library(path):
    """Open the library and declare the two functions that take the struct."""
    library = ctypes.CDLL(str(path))
    library.manhattan_length.argtypes = [cPoint]
    library.manhattan_length.restype = c_int
    library.scale_point.argtypes = [ctypes.POINTER(cPoint), c_int]
    library.scale_point.restype = None
    return library


def casting_lesson():
    """``{value: (as c_float, as c_double)}`` for the book's 1e5 and 1e300."""
    return {value: (c_float(value).value, c_double(value).value) for value in (1e5, 1e300)}


def show_struct_and_casting(library):
    """Pass ``cPoint(10, 5)`` to C by value and by pointer; show the float casting lesson."""
    import math

    # taught: end
    # book: 2nd ed., "ctypes" (continued)
    point = cPoint(10, 5)
    # book: end
    # taught: a Structure crosses into C by value and by pointer (continued)
    print(f"point = cPoint(10, 5): x = {point.x}, y = {point.y}, {ctypes.sizeof(cPoint)} bytes (two C ints)")
    print(f"manhattan_length(point) = {library.manhattan_length(point)}")
    library.scale_point(ctypes.byref(point), 3)
    print(f"after scale_point(&point, 3): x = {point.x}, y = {point.y}")
    for value, (as_float, as_double) in casting_lesson().items():
        verdict = "overflows a C float" if math.isinf(as_float) else "fits a C float"
        print(f"{value:g}: c_float -> {as_float!r}, c_double -> {as_double!r} ({verdict})")


# taught: end


def main(argv=None):
    from _compiled_diffusion import run_built

    run_built(__doc__, "point_library", lambda path: show_struct_and_casting(load_library(path)), argv)


if __name__ == "__main__":
    main()
