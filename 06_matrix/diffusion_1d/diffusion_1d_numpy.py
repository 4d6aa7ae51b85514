"""1-D diffusion with NumPy: the neighbours come from ``np.roll``.

Chapter 6, the 1-D diffusion with vectors: the same step as
``diffusion_1d_python.py`` on a whole array at once,
``grid + D * dt * (roll(grid, 1) + roll(grid, -1) - 2 * grid)``.
It agrees with the pure-Python version to rounding; it also saves a picture of
the evolution (one line per snapshot) to ``diffusion_1d.png``.

Run:
    python 06_matrix/diffusion_1d/diffusion_1d_numpy.py --size 512 --iterations 1000
"""

import time

import numpy as np

from hpp.diffusion import BLOCK_VALUE, DT, D, block_bounds
from hpp.script import example_parser, output_dir, positive_int, writable_dir

SMOKE_ARGS = ["--size", "64", "--iterations", "50"]


def initial_grid_1d(size):
    grid = np.zeros(size)
    low, high = block_bounds(size)
    grid[low:high] = BLOCK_VALUE
    return grid


# book: 1st ed. code, "06_matrix/diffusion_1d" (the 1-D diffusion with np.roll)
def evolve(grid, dt, D=D):
    return grid + D * dt * (np.roll(grid, +1) + np.roll(grid, -1) - 2.0 * grid)


def run_experiment(num_iterations, size=512, snapshots=0):
    """The final grid, and ``snapshots`` evenly spaced grids along the way (with the first)."""
    grid = initial_grid_1d(size)
    every = max(1, num_iterations // snapshots) if snapshots else 0
    history = [grid]
    for step in range(1, num_iterations + 1):
        grid = evolve(grid, DT)
        if every and step % every == 0:
            history.append(grid)
    return grid, history


# book: end


def plot(history, iterations, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    colours = plt.cm.viridis(np.linspace(0, 1, len(history)))
    step = max(1, iterations // max(1, len(history) - 1))
    for k, (grid, colour) in enumerate(zip(history, colours)):
        ax.plot(grid, color=colour, label=f"step {k * step}" if k in (0, len(history) - 1) else None)
    ax.set_xlabel("cell")
    ax.set_ylabel("quantity")
    ax.set_title("1-D diffusion, periodic boundaries")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def time_experiment(num_iterations, size, snapshots, path):
    """Time ``run_experiment``, print its cells, sums and time, and plot the snapshots to ``path``."""
    start = time.perf_counter()
    grid, history = run_experiment(num_iterations, size, snapshots)
    seconds = time.perf_counter() - start
    print(f"cells = {size}, iterations = {num_iterations}")
    print(f"sum(grid) = {grid.sum():.6g}")
    print(f"max(grid) = {grid.max():.6e}")
    print(f"time = {seconds:.4f} s")
    plot(history, num_iterations, path)
    print(f"saved {path}")
    return grid


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--size", type=positive_int, default=512)
    parser.add_argument("--iterations", type=positive_int, default=1000)
    parser.add_argument("--snapshots", type=positive_int, default=10, help="states drawn in the PNG")
    parser.add_argument("--output-dir", type=writable_dir, help="where to save diffusion_1d.png")
    args = parser.parse_args(argv)
    path = output_dir("06_matrix", args.output_dir) / "diffusion_1d.png"
    time_experiment(args.iterations, args.size, args.snapshots, path)


if __name__ == "__main__":
    main()
