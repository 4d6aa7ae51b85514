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

import ctypes
import functools

import _build as build
import _common as common
import numpy as np

from hpp.diffusion import DT, D

SMOKE_ARGS = ["--size", "64", "--iterations", "20"]
REQUIRES_TOOLS = ("gcc",)

GRID = np.ctypeslib.ndpointer(dtype=np.float64, ndim=2, flags="C_CONTIGUOUS")
WRITEABLE_GRID = np.ctypeslib.ndpointer(dtype=np.float64, ndim=2, flags=("C_CONTIGUOUS", "WRITEABLE"))


def load_library(path):
    """Open the shared library and declare the C signatures."""
    # book: 2nd ed., "ctypes" (the library opened, evolve's signature declared)
    library = ctypes.CDLL(str(path))
    library.evolve.argtypes = [GRID, WRITEABLE_GRID, ctypes.c_long, ctypes.c_double, ctypes.c_double]
    library.evolve.restype = None
    # book: end
    library.evolve_steps.argtypes = [
        WRITEABLE_GRID,
        WRITEABLE_GRID,
        ctypes.c_long,
        ctypes.c_long,
        ctypes.c_double,
        ctypes.c_double,
    ]
    library.evolve_steps.restype = None
    return library


@functools.cache
def diffusion_library():
    """The shared library, built on first use and opened once (the book opens it at import)."""
    path, _seconds = build.built_or_exit(build.shared_library)
    return load_library(path)


# book: 2nd ed., "ctypes"
def evolve(grid, out, dt, D=D, library=None):
    """One C step from ``grid`` into ``out``; ``library`` defaults to ``diffusion_library()``."""
    # ndpointer in the argtypes converts and checks the arrays (the book casts them to double **)
    (library or diffusion_library()).evolve(grid, out, grid.shape[0], D, dt)


# book: end


def make_step(library, dt=DT, D=D):
    """A Python function for one step, calling C through ctypes."""

    def step(grid, out):
        evolve(grid, out, dt, D, library)

    return step


def run_experiment(num_iterations, size=512):
    """Build the shared library, then time ``num_iterations`` C steps through ctypes."""
    path, seconds = build.built_or_exit(build.shared_library)
    print(f"shared library: {path.name} (built in {seconds:.2f} s)")
    step = make_step(load_library(path))
    return common.drive_diffusion(step, size, num_iterations, "ctypes, one call per step")


def main(argv=None):
    common.run_main(__doc__, run_experiment, argv)


if __name__ == "__main__":
    main()
