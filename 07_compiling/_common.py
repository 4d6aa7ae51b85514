"""Code the chapter 07 examples share and that is not what they teach.

- the Julia inputs as NumPy arrays, and the driver that times a ``calculate_z``
  and prints ``sum(output) = ...`` (the lists come from ``hpp.julia``);
- the 2-D diffusion reference: a NumPy step that works in place on two
  buffers, like the book's ``diffusion_numpy_memory2.py``, with periodic
  boundaries; every compiled stencil in the chapter is checked against it;
- a clear message when an extension has not been built yet.

The scripts load this file with ``hpp.loader.load_example`` (so its module
name is unique even when another chapter has a ``_common.py`` too).
"""

import time
from pathlib import Path

import numpy as np

from hpp import diffusion, julia
from hpp.loader import REPO_ROOT

CHAPTER = Path(__file__).resolve().parent
BUILD_DIR = REPO_ROOT / "build" / CHAPTER.name
NOT_BUILT = "run `make install` (pip install -e .) to build it"


# ---------------------------------------------------------------- Julia

def julia_arrays(width):
    """The book's inputs as NumPy complex128 arrays ``zs`` and ``cs``."""
    zs, cs = julia.julia_inputs(width)
    return np.array(zs, dtype=np.complex128), np.array(cs, dtype=np.complex128)


def time_julia(calculate_z, width, max_iterations, arrays=False, label=None):
    """Build the inputs (lists, or arrays when ``arrays``), time one call, print the sum."""
    zs, cs = julia_arrays(width) if arrays else julia.julia_inputs(width)
    start = time.perf_counter()
    output = calculate_z(max_iterations, zs, cs)
    secs = time.perf_counter() - start
    print(f"{label or calculate_z.__name__} took {secs:.3f} seconds")
    julia.report_sum(output, width, max_iterations)
    return output, secs


def passive_openmp():
    """Let idle OpenMP threads sleep instead of spin (unless the reader set ``OMP_WAIT_POLICY``).

    On a machine busy with other work, threads that spin-wait at the end of
    each parallel region steal the cores the working threads need: a 150 us
    diffusion step took 10 ms here. It must run before the OpenMP runtime
    loads (before importing an OpenMP module or a Numba parallel call).
    """
    import os

    os.environ.setdefault("OMP_WAIT_POLICY", "passive")


def import_compiled(name):
    """Import a module built by ``make install``; a missing one is one clear line, exit 2."""
    import importlib

    from hpp.script import fail

    try:
        return importlib.import_module(name)
    except ImportError as error:
        fail(f"the compiled module {name} is not available ({error}): {NOT_BUILT}")


# ---------------------------------------------------------------- diffusion

def evolve_numpy(grid, out, dt=diffusion.DT, D=diffusion.D):
    """One explicit Euler step with periodic boundaries, written into ``out``.

    No temporary arrays: the neighbours are added slice by slice (what
    ``np.roll`` would do, without its copies), like the book's memory2 version.
    """
    np.multiply(grid, -4.0, out=out)
    out[1:] += grid[:-1]
    out[:1] += grid[-1:]
    out[:-1] += grid[1:]
    out[-1:] += grid[:1]
    out[:, 1:] += grid[:, :-1]
    out[:, :1] += grid[:, -1:]
    out[:, :-1] += grid[:, 1:]
    out[:, -1:] += grid[:, :1]
    out *= D * dt
    out += grid
    return out


def run_numpy(n, steps, dt=diffusion.DT, D=diffusion.D):
    """The reference result: ``steps`` NumPy steps from the initial grid."""
    grid = diffusion.initial_grid(n)
    scratch = np.empty_like(grid)
    for _ in range(steps):
        evolve_numpy(grid, scratch, dt, D)
        grid, scratch = scratch, grid
    return grid


def report_grid(grid, n):
    """Print the total (the mass, which every correct periodic step keeps) and the peak."""
    total = float(np.sum(grid))
    print(f"sum(grid) = {total:.2f} (initial mass {diffusion.initial_mass(n):.2f})")
    print(f"max(grid) = {float(np.max(grid)):.6g}")
    return total


def add_diffusion_arguments(parser, size=512, steps=500):
    from hpp.script import positive_int

    parser.add_argument("--size", type=positive_int, default=size,
                        help="grid points along each side (the book: 512)")
    parser.add_argument("--steps", type=positive_int, default=steps,
                        help="time steps to run (the book: 500)")
    return parser


def evolve_loop(step, n, steps, order="C"):
    """Run ``steps`` calls of ``step(grid, out)`` from the initial grid, swapping the buffers.

    Returns the final grid and the seconds the loop took (set-up excluded).
    """
    grid = np.array(diffusion.initial_grid(n), order=order)
    scratch = np.zeros_like(grid, order=order)
    start = time.perf_counter()
    for _ in range(steps):
        step(grid, scratch)
        grid, scratch = scratch, grid
    return grid, time.perf_counter() - start


def drive_diffusion(step, args, label, order="C"):
    """What every diffusion script prints: time per step, then the mass and the peak."""
    grid, secs = evolve_loop(step, args.size, args.steps, order)
    print(f"{label}: {args.steps} steps on {args.size}x{args.size} took {secs:.3f} seconds "
          f"({secs / args.steps * 1e6:.1f} us per step)")
    report_grid(grid, args.size)
    return grid
