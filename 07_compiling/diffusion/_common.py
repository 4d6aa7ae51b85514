"""Code the chapter 07 diffusion examples share and that is not what they teach.

- the 2-D diffusion reference: a NumPy step that works in place on two
  buffers, like the book's ``diffusion_numpy_memory2.py``, with periodic
  boundaries; every compiled stencil in the chapter is checked against it;
- the time loop that drives a one-step function and what every script prints;
- a clear message when an extension has not been built yet.

The scripts import it by its plain name (``import _common``) from this folder.
"""

import time

import numpy as np

from hpp import diffusion

NOT_BUILT = "run `make install` (pip install -e .) to build it"


def passive_openmp():
    """Let idle OpenMP threads sleep instead of spin (unless the reader set ``OMP_WAIT_POLICY``).

    On a machine busy with other work, threads that spin-wait at the end of
    each parallel region steal the cores the working threads need. It must run
    before the OpenMP runtime loads (before importing an OpenMP module).
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


def run_numpy(n, num_iterations, dt=diffusion.DT, D=diffusion.D):
    """The reference result: ``num_iterations`` NumPy steps from the initial grid."""
    grid = diffusion.initial_grid(n)
    scratch = np.empty_like(grid)
    for _ in range(num_iterations):
        evolve_numpy(grid, scratch, dt, D)
        grid, scratch = scratch, grid
    return grid


def report_grid(grid, n):
    """Print the total (the mass, which every correct periodic step keeps) and the peak."""
    total = float(np.sum(grid))
    print(f"sum(grid) = {total:.2f} (initial mass {diffusion.initial_mass(n):.2f})")
    print(f"max(grid) = {float(np.max(grid)):.6g}")
    return total


def diffusion_parser(doc, size=512, num_iterations=500):
    """The parser of every diffusion script: ``--size`` (N x N grid) and ``--iterations`` (512, 500)."""
    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--size", type=positive_int, default=size, help="grid points along each side")
    parser.add_argument(
        "--iterations", dest="num_iterations", type=positive_int, default=num_iterations, help="time steps"
    )
    return parser


def run_main(doc, run_experiment, argv=None, switches=None):
    """Parse the flags and call ``run_experiment(num_iterations, size, **on_off)``.

    ``switches`` maps on/off flags to their help (``{"--parallel": "use prange"}``);
    each reaches ``run_experiment`` as a keyword argument (``parallel=True``).
    """
    parser = diffusion_parser(doc)
    for flag, text in (switches or {}).items():
        parser.add_argument(flag, action="store_true", help=text)
    args = vars(parser.parse_args(argv))
    return run_experiment(args.pop("num_iterations"), args.pop("size"), **args)


def evolve_loop(step, n, num_iterations, order="C"):
    """Run ``num_iterations`` calls of ``step(grid, out)`` from the initial grid, swapping the buffers.

    Returns the final grid and the seconds the loop took (set-up excluded).
    """
    grid = np.array(diffusion.initial_grid(n), order=order)
    scratch = np.zeros_like(grid, order=order)
    start = time.perf_counter()
    for _ in range(num_iterations):
        step(grid, scratch)
        grid, scratch = scratch, grid
    return grid, time.perf_counter() - start


def drive_diffusion(step, size, num_iterations, label, order="C"):
    """What every diffusion script prints: time per step, then the mass and the peak."""
    grid, secs = evolve_loop(step, size, num_iterations, order)
    print(
        f"{label}: {num_iterations} steps on {size}x{size} took {secs:.3f} seconds "
        f"({secs / num_iterations * 1e6:.1f} us per step)"
    )
    report_grid(grid, size)
    return grid
