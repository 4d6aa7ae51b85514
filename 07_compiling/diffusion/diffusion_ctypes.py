"""Call the C diffusion step from Python with ctypes (book 7, "ctypes").

``diffusion.c`` is built as a plain shared library (``gcc -O3 -shared``, on
demand into build/07_compiling) and loaded with ``ctypes.CDLL``. The
argument types are declared once (``argtypes``), so ctypes checks and
converts each call; the arrays go in as ``double *`` through
``np.ctypeslib.ndpointer``, which also checks dtype, dimensions and layout.
(The book passes ``double **`` for ``double[][512]``: a type pun this
version avoids.)

Run:
    python 07_compiling/diffusion/diffusion_ctypes.py                 # 512 x 512, 500 steps
    python 07_compiling/diffusion/diffusion_ctypes.py --size 64 --iterations 10
"""

# book: 2nd ed., "ctypes" (the library opened, evolve's argument types declared: ndpointer for double **)
import ctypes
import functools

import numpy as np

GRID = np.ctypeslib.ndpointer(dtype=np.float64, ndim=2, flags="C_CONTIGUOUS")
WRITEABLE_GRID = np.ctypeslib.ndpointer(dtype=np.float64, ndim=2, flags=("C_CONTIGUOUS", "WRITEABLE"))


def load_library(path):
    """Open the shared library and declare the C signatures."""
    library = ctypes.CDLL(str(path))
    library.evolve.argtypes = [GRID, WRITEABLE_GRID, ctypes.c_long, ctypes.c_double, ctypes.c_double]
    library.evolve.restype = None
    return library


@functools.cache
def diffusion_library():
    """The shared library, built on first use and opened once (the book opens it at import)."""
    from _compiled_diffusion import built

    return load_library(built("shared_library"))


def evolve(grid, out, dt, D=1.0, library=None):
    """One C step from ``grid`` into ``out``; ``library`` defaults to ``diffusion_library()``."""
    # ndpointer in the argtypes converts and checks the arrays (the book casts them to double **)
    (library or diffusion_library()).evolve(grid, out, grid.shape[0], D, dt)


# book: end


def main(argv=None):
    from _compiled_diffusion import run_ctypes

    run_ctypes(__doc__, evolve, load_library, "shared_library", argv)


if __name__ == "__main__":
    main()
