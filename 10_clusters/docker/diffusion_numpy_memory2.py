"""The 2-D diffusion benchmark that the chapter's Docker image runs (book chapter 10, "Docker").

The in-place NumPy version of chapter 06 (``diffusion_numpy_memory2.py``: ``roll_add``
adds each shifted neighbour without a temporary, every step writes into
preallocated arrays with ``out=``), timed with ``timeit`` as
the official container does (256 x 256 grid, 100 steps per run, best of 25
runs). The container shows that the same code and the same library
versions run identically anywhere; the printed mass is the check (a periodic
diffusion step conserves it).

Run (here, or in the container: ``make -C 10_clusters/docker run``):
    python 10_clusters/docker/diffusion_numpy_memory2.py
    python 10_clusters/docker/diffusion_numpy_memory2.py --size 64 --iterations 10
"""

# book: 2nd ed. code, "docker/diffusion_numpy_memory2.py"
import timeit

import numpy as np

from hpp.diffusion import DT, D, initial_grid  # the chapter's constants and initial condition


def roll_add(rollee, shift, axis, out):
    """``out += np.roll(rollee, shift, axis)`` for a 2-D array and shift +1 or -1, with no temporary."""
    if shift == 1 and axis == 0:
        out[1:, :] += rollee[:-1, :]
        out[0, :] += rollee[-1, :]
    elif shift == -1 and axis == 0:
        out[:-1, :] += rollee[1:, :]
        out[-1, :] += rollee[0, :]
    elif shift == 1 and axis == 1:
        out[:, 1:] += rollee[:, :-1]
        out[:, 0] += rollee[:, -1]
    elif shift == -1 and axis == 1:
        out[:, :-1] += rollee[:, 1:]
        out[:, -1] += rollee[:, 0]
    else:
        raise ValueError("roll_add handles shift +1 or -1 along axis 0 or 1")


def laplacian(grid, out):
    """The periodic 5-point Laplacian of ``grid``, written into ``out``."""
    np.copyto(out, grid)
    np.multiply(out, -4.0, out=out)
    roll_add(grid, +1, 0, out)
    roll_add(grid, -1, 0, out)
    roll_add(grid, +1, 1, out)
    roll_add(grid, -1, 1, out)


def evolve(grid, dt, out, D=D):
    """One explicit Euler step into ``out``: grid + D * dt * laplacian(grid)."""
    laplacian(grid, out)
    np.multiply(out, D * dt, out=out)
    np.add(out, grid, out=out)


def run_experiment(num_iterations, grid_size):
    grid = initial_grid(grid_size)
    next_grid = np.zeros_like(grid)
    for _ in range(num_iterations):
        evolve(grid, DT, next_grid)
        grid, next_grid = next_grid, grid
    return grid


def time_experiment(num_iterations, grid_size, repeat=25):
    """The container's run: ``timeit`` of ``repeat`` runs; the last grid and the best time."""
    grids = []
    times = timeit.repeat(
        lambda: grids.append(run_experiment(num_iterations, grid_size)), number=1, repeat=repeat
    )
    return grids[-1], min(times)


# book: end


def main(argv=None):
    from hpp.diffusion import run_diffusion

    run_diffusion(__doc__, time_experiment, argv, times_itself=True, size=256, iterations=100)


if __name__ == "__main__":
    main()
