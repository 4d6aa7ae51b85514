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

# book: 2nd ed. code, "figures/diffusion.py" (the grid drawn at several steps)
import numpy as np
from diffusion_numpy_memory2 import evolve

from hpp.diffusion import DT, initial_grid


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


def main(argv=None):
    from _diffusion_figures import run_snapshots

    run_snapshots(__doc__, snapshots, plot, argv)


if __name__ == "__main__":
    main()
