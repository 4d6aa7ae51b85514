"""The 2-D diffusion grid drawn at several steps: the block of heat spreads and flattens.

Chapter 6, "Understanding the Problem" (the diffusion example, the 2-D
version of the chapter's opening figure): the initial square of 0.005 on a
periodic grid, drawn with ``imshow`` after 0, 100, 500, 1000 and 2000 steps of
the in-place NumPy step (``diffusion_numpy_memory2.evolve``). Each panel's
total is the same (diffusion moves heat, it makes none: 3.38 at 256 x 256) while
its peak falls from one snapshot to the next. Writes
``diffusion_snapshots.csv`` (step, sum, max) and ``diffusion_snapshots.png``.

Run:
    python figure_diffusion_snapshots.py
    python figure_diffusion_snapshots.py --size 128 --steps 0 50 200 800
"""

import csv

import numpy as np
from diffusion_numpy_memory2 import evolve

from hpp.diffusion import DT, initial_grid

SMOKE_ARGS = ["--size", "32", "--steps", "0", "5", "20"]


# book: 2nd ed. code, "figures/diffusion.py" (the grid drawn at several steps)
def snapshots(size, steps):
    """``{step: copy of the grid after that many steps}`` for each of ``steps`` (in increasing order)."""
    grid, scratch = initial_grid(size), np.zeros((size, size))
    taken, done = {}, 0
    for target in sorted(set(steps)):
        for _ in range(target - done):
            evolve(grid, DT, scratch)
            grid, scratch = scratch, grid
        done = target
        taken[target] = grid.copy()
    return taken


def plot(taken, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(taken), figsize=(3.2 * len(taken), 3.4), squeeze=False)
    for ax, (step, grid) in zip(axes[0], taken.items()):
        image = ax.imshow(grid, cmap="inferno", vmin=0, vmax=grid.max())
        ax.set_title(f"step {step}\nsum {grid.sum():.4g}, max {grid.max():.2e}", fontsize=9)
        ax.set_xticks([])
        ax.set_yticks([])
        fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    fig.suptitle("2-D diffusion: the same heat, spread wider and lower at each step")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# book: end


def draw_snapshots(size, steps, folder):
    """Take the snapshots, print and write each one's sum and peak, draw the figure."""
    taken = snapshots(size, steps)
    with open(folder / "diffusion_snapshots.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["step", "sum", "max"])
        for step, grid in taken.items():
            writer.writerow([step, repr(float(grid.sum())), repr(float(grid.max()))])
            print(f"step {step}: sum(grid) = {grid.sum():.6g}, max(grid) = {grid.max():.6e}")
    plot(taken, folder / "diffusion_snapshots.png")
    print(f"saved {folder / 'diffusion_snapshots.png'}")
    return taken


def main(argv=None):
    from hpp.script import example_parser, non_negative_int, output_dir, positive_int, writable_dir

    parser = example_parser(__doc__)
    parser.add_argument("--size", type=positive_int, default=256, help="the grid is SIZE x SIZE")
    parser.add_argument(
        "--steps", type=non_negative_int, nargs="+", default=[0, 100, 500, 1000, 2000], help="snapshot steps"
    )
    parser.add_argument("--output-dir", type=writable_dir, help="where the CSV and PNG go")
    args = parser.parse_args(argv)
    draw_snapshots(args.size, args.steps, output_dir("06_matrix", args.output_dir))


if __name__ == "__main__":
    main()
