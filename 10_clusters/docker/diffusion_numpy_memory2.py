"""The 2-D diffusion benchmark that the chapter's Docker image runs (book chapter 10, "Docker").

The in-place NumPy version of chapter 06 (``diffusion_numpy_memory2.py``: every
step writes into preallocated arrays with ``out=``), timed with ``timeit`` as
the official container does (256 x 256 grid, 100 steps per run, best of
``--repeat`` runs). The container shows that the same code and the same library
versions run identically anywhere; the printed mass is the check (a periodic
diffusion step conserves it).

Run (here, or in the container: ``make -C 10_clusters/docker run``):
    python 10_clusters/docker/diffusion_numpy_memory2.py
    python 10_clusters/docker/diffusion_numpy_memory2.py --size 64 --iterations 10 --repeat 2
"""

import timeit

import numpy as np

from hpp.diffusion import DT, D, initial_grid, initial_mass
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--size", "64", "--iterations", "20", "--repeat", "2"]


def laplacian(grid, out):
    """The periodic 5-point Laplacian of ``grid``, written into ``out``."""
    np.copyto(out, grid)
    out *= -4
    out += np.roll(grid, +1, 0)
    out += np.roll(grid, -1, 0)
    out += np.roll(grid, +1, 1)
    out += np.roll(grid, -1, 1)


def evolve(grid, dt, out, D=D):
    """One explicit Euler step into ``out``: grid + D * dt * laplacian(grid)."""
    laplacian(grid, out)
    out *= D * dt
    out += grid


def run_experiment(num_iterations, grid_size):
    grid = initial_grid(grid_size)
    next_grid = np.zeros_like(grid)
    for _ in range(num_iterations):
        evolve(grid, DT, next_grid)
        grid, next_grid = next_grid, grid
    return grid


def time_experiment(num_iterations, grid_size, repeat):
    """Check the mass after one run, then time ``repeat`` runs as the official container does."""
    grid = run_experiment(num_iterations, grid_size)
    print(f"grid = {grid_size} x {grid_size}, {num_iterations} steps")
    print(f"sum(grid) = {grid.sum():.6f} (initial {initial_mass(grid_size):.6f})")
    times = timeit.repeat(lambda: run_experiment(num_iterations, grid_size), number=1, repeat=repeat)
    print(f"best of {repeat} = {min(times):.4f} s per {num_iterations} steps")


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--size", type=positive_int, default=256, help="grid size N (N x N)")
    parser.add_argument("--iterations", type=positive_int, default=100, help="time steps per run")
    parser.add_argument("--repeat", type=positive_int, default=25, help="timed runs (best of)")
    args = parser.parse_args(argv)
    time_experiment(args.iterations, args.size, args.repeat)


if __name__ == "__main__":
    main()
