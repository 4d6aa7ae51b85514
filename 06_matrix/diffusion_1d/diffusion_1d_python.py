"""1-D diffusion in pure Python: the book's first look at the heat equation.

Chapter 6, "Understanding the Problem" (the 1-D diffusion): a row of cells,
each step moves every cell toward the mean of its two neighbours,
``new[i] = grid[i] + D * dt * (grid[i+1] + grid[i-1] - 2 * grid[i])``, with
periodic boundaries (``% N``). The initial condition is the chapter's block
of 0.005 on [0.4N, 0.5N); the total is conserved.

Run:
    python 06_matrix/diffusion_1d/diffusion_1d_python.py --size 512 --iterations 1000
"""

import time

from hpp.diffusion import BLOCK_VALUE, DT, D, block_bounds
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--size", "64", "--iterations", "50"]


def initial_grid_1d(size):
    low, high = block_bounds(size)
    return [BLOCK_VALUE if low <= i < high else 0.0 for i in range(size)]


# book: 1st ed. code, "06_matrix/diffusion_1d" (the pure-Python 1-D diffusion)
def evolve(grid, dt, D=D):
    N = len(grid)
    new_grid = [0.0] * N
    for i in range(N):
        new_grid[i] = grid[i] + D * dt * (grid[(i + 1) % N] + grid[(i - 1) % N] - 2.0 * grid[i])
    return new_grid


def run_experiment(num_iterations, size=512):
    grid = initial_grid_1d(size)
    for _ in range(num_iterations):
        grid = evolve(grid, DT)
    return grid


# book: end


def time_experiment(num_iterations, size):
    """Time ``run_experiment`` and print the cells, ``sum(grid)``, ``max(grid)`` and the time."""
    start = time.perf_counter()
    grid = run_experiment(num_iterations, size)
    seconds = time.perf_counter() - start
    print(f"cells = {size}, iterations = {num_iterations}")
    print(f"sum(grid) = {sum(grid):.6g}")
    print(f"max(grid) = {max(grid):.6e}")
    print(f"time = {seconds:.4f} s")
    return grid


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--size", type=positive_int, default=512)
    parser.add_argument("--iterations", type=positive_int, default=1000)
    args = parser.parse_args(argv)
    time_experiment(args.iterations, args.size)


if __name__ == "__main__":
    main()
