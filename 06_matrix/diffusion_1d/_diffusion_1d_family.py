"""The driver of the 1-D diffusion scripts (not an example): flags, clock, printout, picture.

``diffusion_1d_python.py`` and ``diffusion_1d_numpy.py`` keep the book's step;
the command line, the timing and the result lines come from ``hpp.diffusion``
(``cells = N, iterations = K``, ``sum(grid) = ...``, ``max(grid) = ...``,
``time = ...``), and the NumPy one also draws its snapshots here.
"""

import time

from hpp.diffusion import diffusion_parser, report, run_diffusion


def run_line(doc, run_experiment, argv=None):
    """Parse ``--size``/``--iterations``, time ``run_experiment`` on a row of cells and report it."""
    return run_diffusion(doc, run_experiment, argv, dims=1, iterations=1000)


def run_line_with_picture(doc, run_experiment, argv=None):
    """``run_line`` for ``run_experiment(iterations, size, snapshots) -> (grid, history)``, and a picture."""
    from hpp.script import output_dir, positive_int, writable_dir

    parser = diffusion_parser(doc, iterations=1000)
    parser.add_argument("--snapshots", type=positive_int, default=10, help="states drawn in the PNG")
    parser.add_argument("--output-dir", type=writable_dir, help="where to save diffusion_1d.png")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    grid, history = run_experiment(args.iterations, args.size, args.snapshots)
    seconds = time.perf_counter() - start
    report(grid, seconds, args.size, args.iterations, dims=1)
    path = output_dir("06_matrix", args.output_dir) / "diffusion_1d.png"
    plot(history, args.iterations, path)
    print(f"saved {path}")
    return grid


def plot(history, iterations, path):
    """One line per snapshot, from the first (dark) to the last (yellow)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

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
