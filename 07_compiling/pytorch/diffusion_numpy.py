"""The NumPy step that compare.py races PyTorch against (book 7, "GPUs", pytorch/diffusion_numpy.py).

The periodic ``np.roll`` Laplacian of chapter 06, a new grid each step, on the
CPU. The official file's ``__main__`` printed an undefined ``grid_shape``
(NameError); this one runs.

Run:
    python 07_compiling/pytorch/diffusion_numpy.py                 # 2048 x 2048, 100 steps
"""

import time

import numpy as np

from hpp.diffusion import DT, D, initial_grid, initial_mass

SMOKE_ARGS = ["--size", "64", "--iterations", "10"]


# book: 2nd ed. code, "pytorch/diffusion_numpy.py"
def laplacian(grid):
    return (
        np.roll(grid, +1, 0) + np.roll(grid, -1, 0) + np.roll(grid, +1, 1) + np.roll(grid, -1, 1) - 4 * grid
    )


def evolve(grid, dt=DT, D=D):
    return grid + dt * D * laplacian(grid)


def run_experiment(num_iterations, size=2048):
    grid = initial_grid(size)
    for _ in range(num_iterations):
        grid = evolve(grid)
    return grid


# book: end


def report_experiment(num_iterations, size=2048):
    """Time ``run_experiment`` and print the grid's shape, its mass and the time per step."""
    start = time.perf_counter()
    grid = run_experiment(num_iterations, size)
    seconds = time.perf_counter() - start
    print(f"grid_shape = ({size}, {size}), steps = {num_iterations}")
    print(f"sum(grid) = {grid.sum():.6g} (initial mass {initial_mass(size):.6g})")
    print(f"{num_iterations} steps: {seconds:.3f} seconds ({seconds / num_iterations * 1e3:.3f} ms per step)")
    return grid


def main(argv=None):
    from hpp.script import example_parser, positive_int

    parser = example_parser(__doc__)
    parser.add_argument("--size", type=positive_int, default=2048, help="the grid is SIZE x SIZE")
    parser.add_argument("--iterations", type=positive_int, default=100, help="number of time steps")
    args = parser.parse_args(argv)
    report_experiment(args.iterations, args.size)


if __name__ == "__main__":
    main()
