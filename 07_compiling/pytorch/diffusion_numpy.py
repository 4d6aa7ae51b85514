"""The NumPy step that compare.py races PyTorch against (book 7, "GPUs", pytorch/diffusion_numpy.py).

The periodic ``np.roll`` Laplacian of chapter 06, a new grid each step, on the
CPU. The official file's ``__main__`` printed an undefined ``grid_shape``
(NameError); this one runs.

Run:
    python 07_compiling/pytorch/diffusion_numpy.py                 # 2048 x 2048, 100 steps
"""

# book: 2nd ed. code, "pytorch/diffusion_numpy.py"
import numpy as np


def laplacian(grid):
    return (
        np.roll(grid, +1, 0) + np.roll(grid, -1, 0) + np.roll(grid, +1, 1) + np.roll(grid, -1, 1) - 4 * grid
    )


def evolve(grid, dt=0.1, D=1.0):
    return grid + dt * D * laplacian(grid)


def run_experiment(num_iterations, size=2048):
    grid = np.zeros((size, size))
    block_low = int(size * 0.4)
    block_high = int(size * 0.5)
    grid[block_low:block_high, block_low:block_high] = 0.005
    for _ in range(num_iterations):
        grid = evolve(grid)
    return grid


# book: end


def main(argv=None):
    from hpp.diffusion import run_diffusion

    run_diffusion(__doc__, run_experiment, argv, size=2048, iterations=100)


if __name__ == "__main__":
    main()
