"""float64, float32, float16: time per step over grid sizes, and the error each one costs.

Chapter 6 (third edition), "GPUs and PyTorch" figure: the naive roll step
(diffusion_pytorch_highmem.py) with the grid stored in each dtype, timed on
the device hpp.gpu picks (synchronized); the book's GPU figure (8192: 27.9,
14.0 and 8.3 ms per step) is drawn hollow beside ours. The second panel is
what the book's figure leaves out: the max abs difference from float64 NumPy
after 1, 2, 4, ... steps for every variant of the precision study (float16
loses about 4 digits of the 0.005 block at once; autocast leaves roll alone).
Writes ``figure_pytorch_naive_precision.csv`` and ``.png``.

Needs PyTorch: pip install -e '.[gpu]'.

Run:
    python 06_matrix/diffusion_2d/figure_pytorch_naive_precision.py                # 256 ... 4096
    python 06_matrix/diffusion_2d/figure_pytorch_naive_precision.py --sizes 512 1024 2048 4096 8192
"""

import diffusion_numpy
import diffusion_pytorch_highmem as highmem
from _pytorch_figures import SIZES, as_device, figure_parser, prepare, write_csv

from hpp.script import positive_int

REQUIRES = ("torch",)
SMOKE_ARGS = [
    "--sizes",
    "32",
    "--max-steps",
    "5",
    "--error-size",
    "32",
    "--error-iterations",
    "8",
    "--device",
    "cpu",
    "--threads",
    "1",
]

DTYPES = ("float64", "float32", "float16")
# The book's figure_pytorch_naive_precision.csv (GPU, seconds per step; 512 is launch-bound,
# "about 0.13-0.14 ms for all").
BOOK_SECONDS = {
    "float64": {512: 0.135e-3, 4096: 6.97e-3, 8192: 27.9e-3},
    "float32": {512: 0.135e-3, 4096: 3.50e-3, 8192: 14.0e-3},
    "float16": {512: 0.135e-3, 4096: 2.09e-3, 8192: 8.3e-3},
}


def time_rows(sizes, device, max_steps, max_seconds):
    import torch

    from hpp.diffusion import DT, initial_grid
    from hpp.gpu import seconds_per_step

    rows = []
    for size in sizes:
        for dtype in DTYPES:
            state = {"grid": torch.from_numpy(initial_grid(size)).to(device, getattr(torch, dtype))}

            def step():
                state["grid"] = highmem.evolve(state["grid"], DT)

            seconds, steps = seconds_per_step(step, device, max_steps, max_seconds)
            rows.append(
                {
                    "panel": "time",
                    "variant": f"roll {dtype}",
                    "dtype": dtype,
                    "size": size,
                    "steps": steps,
                    "seconds_per_step": seconds,
                    "max_abs_error": "",
                }
            )
    return rows


def error_rows(error_size, error_iterations, device):
    checkpoints = sorted(
        {2**p for p in range(error_iterations.bit_length()) if 2**p <= error_iterations} | {error_iterations}
    )
    rows = []
    for steps in checkpoints:
        reference = diffusion_numpy.run_experiment(steps, error_size)
        for label, step, dtype, autocast in highmem.VARIANTS:
            grid = highmem.run_experiment(steps, error_size, device, dtype, autocast, step)
            error, _ = highmem.error_against(grid, reference)
            rows.append(
                {
                    "panel": "error",
                    "variant": label,
                    "dtype": dtype,
                    "size": error_size,
                    "steps": steps,
                    "seconds_per_step": "",
                    "max_abs_error": error,
                }
            )
    return rows


# book: 3rd ed. code, "figure_pytorch_naive_precision.py"
def workload(
    sizes=SIZES, device="auto", max_steps=2500, max_seconds=10.0, error_size=512, error_iterations=1024
):
    """The roll step stored in float64, float32 and float16: its time per step at each size
    (rows of panel "time"), then its max abs error from float64 NumPy after 1, 2, 4, ...
    ``error_iterations`` steps for every variant of the precision study (panel "error")."""
    device = as_device(device)
    return time_rows(sizes, device, max_steps, max_seconds) + error_rows(error_size, error_iterations, device)


# book: end


def draw(rows, path, device):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for i, dtype in enumerate(DTYPES):
        mine = sorted(
            (r["size"], r["seconds_per_step"]) for r in rows if r["panel"] == "time" and r["dtype"] == dtype
        )
        left.plot(
            [m[0] for m in mine],
            [m[1] * 1e3 for m in mine],
            "o-",
            color=f"C{i}",
            label=f"{dtype} (measured, {device.type})",
        )
        book = BOOK_SECONDS[dtype]
        left.plot(
            sorted(book),
            [book[s] * 1e3 for s in sorted(book)],
            "s--",
            mfc="none",
            color=f"C{i}",
            alpha=0.7,
            label=f"{dtype} (book 3e, GPU)",
        )
    left.set(xscale="log", yscale="log", xlabel="grid size N (N x N)", ylabel="time per step (ms)")
    left.set_xscale("log", base=2)
    variants = list(dict.fromkeys(r["variant"] for r in rows if r["panel"] == "error"))
    styles = ["o-", "s-", "^-", "x--", "d-", "v--"]
    for i, variant in enumerate(variants):
        mine = sorted(
            (r["steps"], r["max_abs_error"])
            for r in rows
            if r["panel"] == "error" and r["variant"] == variant
        )
        right.plot([m[0] for m in mine], [max(m[1], 1e-18) for m in mine], styles[i % 6], label=variant)
    size = next((r["size"] for r in rows if r["panel"] == "error"), "")
    right.set(
        xscale="log",
        yscale="log",
        xlabel="steps",
        ylabel=f"max |grid - float64 NumPy| ({size} x {size}; 0 drawn at 1e-18)",
    )
    right.set_xscale("log", base=2)
    for axis in (left, right):
        axis.grid(True, which="both", alpha=0.3)
        axis.legend(fontsize=7)
    fig.suptitle("The naive roll step in three precisions: speed and error", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_precision(args, device, folder):
    """Time roll per dtype and track its error per step; print the table, write the CSV and the PNG."""
    from hpp.gpu import describe

    print(f"device: {describe(device)}")
    rows = workload(
        args.sizes, device, args.max_steps, args.max_seconds, args.error_size, args.error_iterations
    )
    print(f"{'variant':32} {'size':>6} {'steps':>6} {'ms per step':>12} {'max |error|':>12}")
    for row in rows:
        ms = f"{row['seconds_per_step'] * 1e3:.4f}" if row["panel"] == "time" else ""
        error = f"{row['max_abs_error']:.2e}" if row["panel"] == "error" else ""
        if row["panel"] == "time" or row["steps"] == args.error_iterations:
            print(f"{row['variant']:32} {row['size']:>6} {row['steps']:>6} {ms:>12} {error:>12}")
    csv_path = write_csv(rows, folder / "figure_pytorch_naive_precision.csv")
    png = draw(rows, folder / "figure_pytorch_naive_precision.png", device)
    print(f"wrote {csv_path}")
    print(f"wrote {png}")
    return rows


def main(argv=None):
    parser = figure_parser(__doc__, max_steps=2500)
    parser.add_argument("--error-size", type=positive_int, default=512, help="grid size of the error panel")
    parser.add_argument(
        "--error-iterations", type=positive_int, default=1024, help="steps of the error panel"
    )
    args = parser.parse_args(argv)
    device, folder = prepare(args)
    plot_precision(args, device, folder)


if __name__ == "__main__":
    main()
