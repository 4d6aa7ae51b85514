"""The plumbing of ``diffusion_sweep_sizes.py`` (not an example): methods, steppers, check, table, figure.

``diffusion_sweep_sizes.py`` keeps the book's time-limited sweep; this module
knows how to step each method of the chapter one step at a time, checks them
against ``diffusion_numpy``, adds the speedups, prints and writes the table and
draws the figure.
"""

import csv
import importlib

import numpy as np

from hpp.diffusion import DT, initial_grid, initial_grid_lists

BOOK_SIZES = (64, 256, 512, 2048, 4096, 8192)
METHODS = {  # the label in the book's table: our script
    "python": "diffusion_python",
    "python+memory": "diffusion_python_memory",
    "numpy": "diffusion_numpy",
    "numpy+memory": "diffusion_numpy_memory",
    "numpy+memory2": "diffusion_numpy_memory2",
    "numpy+memory2+numexpr": "diffusion_numpy_memory2_numexpr",
    "scipy laplace": "diffusion_scipy",
    "pytorch roll": "diffusion_pytorch_compute",
    "pytorch conv2d": "diffusion_pytorch_conv",
}
CPU_METHODS = tuple(METHODS)[:7]


def make_stepper(method, size):
    """``(step, grid)``: ``step()`` advances one step of ``method``; ``grid()`` returns it as NumPy."""
    module = importlib.import_module(METHODS[method])
    if method == "python":
        state = [initial_grid_lists(size)]

        def step():
            state[0] = module.evolve(state[0], DT)

        return step, lambda: np.array(state[0])
    if method == "python+memory":
        state = [initial_grid_lists(size), initial_grid_lists(size)]

        def step():
            module.evolve(state[0], DT, state[1])
            state.reverse()

        return step, lambda: np.array(state[0])
    if method == "numpy":
        state = [initial_grid(size)]

        def step():
            state[0] = module.evolve(state[0], DT)

        return step, lambda: state[0]
    if method.startswith("pytorch"):
        import torch

        from hpp.gpu import choose_device

        device = choose_device("auto")
        state = [torch.from_numpy(initial_grid(size)).to(device)]
        state.append(torch.zeros_like(state[0]))
        if method == "pytorch roll":

            def step():
                state[0] = module.evolve(state[0], DT)

        else:
            kernel = module.laplacian_kernel(device, state[0].dtype)

            def step():
                with torch.no_grad():
                    module.evolve(state[0], DT, state[1], kernel)
                state[0], state[1] = state[1], state[0]

        return step, lambda: state[0].detach().cpu().numpy()
    state = [initial_grid(size), np.zeros((size, size))]

    def step():
        module.evolve(state[0], DT, state[1])
        state.reverse()

    return step, lambda: state[0]


def check_methods(methods, size, steps):
    """Run every method ``steps`` steps at ``size``: ``{method: largest difference from diffusion_numpy}``."""
    reference = importlib.import_module("diffusion_numpy").run_experiment(steps, size)
    differences = {}
    for method in methods:
        step, grid = make_stepper(method, size)
        for _ in range(steps):
            step()
        differences[method] = float(np.abs(grid() - reference).max())
    return differences


def add_speedups(rows):
    """Each timed row's speedup over pure Python at the same size (blank where Python was skipped)."""
    python = {r["size"]: r["seconds_per_step"] for r in rows if r["method"] == "python" and r["steps"]}
    for row in rows:
        ok = row["steps"] and row["size"] in python
        row["speedup"] = python[row["size"]] / row["seconds_per_step"] if ok else ""
    return rows


def plot(rows, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5))
    for method in dict.fromkeys(r["method"] for r in rows):
        points = [(r["size"], r["seconds_per_step"]) for r in rows if r["method"] == method and r["steps"]]
        ax.loglog(*zip(*points), marker="o", label=method)
    ax.set_xscale("log", base=2)
    ax.set_xlabel("grid size N (N x N)")
    ax.set_ylabel("seconds per step")
    ax.set_title("2-D diffusion: every method of the chapter, time per step by grid size")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def sweep_sizes(sweep, methods, sizes, max_steps, max_seconds, check_steps, folder):
    """Check every method, sweep the sizes, print and write the table, draw the figure."""
    differences = check_methods(methods, min(sizes), check_steps)
    worst = max(differences.values())
    assert worst <= 1e-12, f"a method differs from diffusion_numpy by {worst:.3g}"
    print(
        f"every method agrees with diffusion_numpy at {min(sizes)} x {min(sizes)} after "
        f"{check_steps} steps: largest difference = {worst:.3g}"
    )
    rows = add_speedups(sweep(methods, sizes, max_steps, max_seconds))
    print(f"{'method':22} {'size':>5} {'ms per step':>12} {'steps':>6} {'speedup':>9}")
    for row in rows:
        if not row["steps"]:
            print(f"{row['method']:22} {row['size']:>5} skipped: {row['skipped']}")
            continue
        speedup = f"{row['speedup']:.1f}x" if row["speedup"] != "" else ""
        ms = row["seconds_per_step"] * 1e3
        print(f"{row['method']:22} {row['size']:>5} {ms:>12.4f} {row['steps']:>6} {speedup:>9}")
    worst_mass = max(r["mass_error"] for r in rows if r["steps"])
    print(f"largest mass error = {worst_mass:.3g}")
    with open(folder / "diffusion_sweep_sizes.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    plot(rows, folder / "diffusion_sweep_sizes.png")
    print(f"saved {folder / 'diffusion_sweep_sizes.png'}")
    return rows


def run_sweep_sizes(doc, sweep, argv=None):
    """diffusion_sweep_sizes.py's flags; check, ``sweep``, print, write and draw."""
    from hpp.script import (
        comma_choices,
        example_parser,
        output_dir,
        positive_float,
        positive_int,
        writable_dir,
    )

    parser = example_parser(doc)
    parser.add_argument(
        "--sizes", type=positive_int, nargs="+", default=list(BOOK_SIZES), help="grid sizes N"
    )
    parser.add_argument(
        "--methods",
        type=comma_choices(*METHODS),
        default=list(CPU_METHODS),
        help="comma-separated; default: every CPU method (the PyTorch ones when named)",
    )
    parser.add_argument(
        "--max-steps", type=positive_int, default=5000, help="at most this many steps a point"
    )
    parser.add_argument(
        "--max-seconds", type=positive_float, default=60.0, help="stop a point after this long (>= 1 step)"
    )
    parser.add_argument(
        "--check-steps", type=positive_int, default=10, help="steps of the check against diffusion_numpy"
    )
    parser.add_argument("--output-dir", type=writable_dir, help="where the CSV and PNG go")
    args = parser.parse_args(argv)
    if any(m.startswith("pytorch") for m in args.methods):
        from hpp.gpu import device_from_flag

        device_from_flag("auto")  # no torch: one line naming the extra, exit 2
    folder = output_dir("06_matrix", args.output_dir)
    return sweep_sizes(
        sweep, args.methods, args.sizes, args.max_steps, args.max_seconds, args.check_steps, folder
    )
