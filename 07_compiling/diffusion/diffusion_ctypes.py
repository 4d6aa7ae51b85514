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
    library = ctypes.CDLL(str(path))
    library.evolve.argtypes = [GRID, WRITEABLE_GRID, ctypes.c_long, ctypes.c_double, ctypes.c_double]
    library.evolve.restype = None
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


def make_step(library, dt=DT, D=D):
    """A Python function for one step, calling C through ctypes."""
    evolve = library.evolve

    def step(grid, out):
        evolve(grid, out, grid.shape[0], D, dt)

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
