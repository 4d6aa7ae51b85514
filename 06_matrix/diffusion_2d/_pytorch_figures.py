"""Scaffolding shared by the PyTorch figure scripts of the GPU study (not an example).

The flags (``--sizes``, ``--max-steps``, ``--max-seconds``, ``--device``,
``--threads``, ``--output-dir``), a step function per method, the CSV writer
and the two-panel plot (time per step; speedup) with the book's GPU numbers
beside ours. The steps themselves are the examples' own ``evolve`` functions.
The name is unique in the repository: tests load examples of several chapters
into one process.
"""

import csv

import diffusion_numpy_memory
import diffusion_pytorch_compute
import diffusion_pytorch_conv
import numpy as np

from hpp.diffusion import DT, initial_grid, initial_mass
from hpp.script import example_parser, positive_float, positive_int, writable_dir

SIZES = (256, 512, 1024, 2048, 4096)
BOOK_SIZES = (512, 1024, 2048, 4096, 8192)

# The third edition's GPU numbers (official 06_matrix/diffusion_2d/_benchmark.csv, seconds per
# step; unsynchronized, so the small sizes show the ~0.13 ms launch time, not the work).
BOOK_SECONDS = {
    "numpy+memory": {256: 0.375e-3, 512: 1.38e-3, 2048: 52.9e-3, 4096: 213e-3, 8192: 864e-3},
    "pytorch roll": {256: 0.131e-3, 512: 0.133e-3, 2048: 0.910e-3, 4096: 3.57e-3, 8192: 14.2e-3},
    # The official convolution threw its result away (see diffusion_pytorch_conv.py).
    "pytorch conv2d": {256: 0.097e-3, 512: 0.097e-3, 2048: 0.241e-3, 4096: 0.945e-3, 8192: 3.80e-3},
}


def figure_parser(doc, max_steps=2500, max_seconds=10.0, dtype=None):
    """The flags every figure script of the study takes (``--dtype`` when ``dtype`` is given)."""
    from hpp.gpu import add_device_argument

    parser = example_parser(doc)
    parser.add_argument(
        "--sizes",
        type=positive_int,
        nargs="+",
        default=list(SIZES),
        help="grid sizes N (N x N); the book's figures go to 8192: --sizes " + " ".join(map(str, BOOK_SIZES)),
    )
    parser.add_argument(
        "--max-steps",
        type=positive_int,
        default=max_steps,
        help="at most this many timed steps per point (the book's N)",
    )
    parser.add_argument(
        "--max-seconds",
        type=positive_float,
        default=max_seconds,
        help="stop timing a point after this many seconds (at least one step)",
    )
    add_device_argument(parser)
    if dtype:
        parser.add_argument(
            "--dtype",
            choices=("float64", "float32", "float16"),
            default=dtype,
            help="PyTorch's dtype (the book's: float32, torch's default; NumPy stays float64)",
        )
    parser.add_argument(
        "--threads",
        type=positive_int,
        help="CPU threads for PyTorch (default: its own choice); use 1 on a busy machine",
    )
    parser.add_argument(
        "--output-dir", type=writable_dir, help="where the CSV and PNG go (default: results/06_matrix)"
    )
    return parser


def prepare(args):
    """``(device, output folder)`` from the parsed flags: torch checked, threads set."""
    from hpp.gpu import device_from_flag
    from hpp.script import output_dir

    device = device_from_flag(args.device)
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    return device, output_dir("06_matrix", args.output_dir)


# ---------------------------------------------------------------- one step of each method


class Stepper:
    """Holds a grid (and its scratch) and advances it one step per ``step()`` call."""

    def __init__(self, method, size, device="cpu", dtype="float64"):
        self.method, self.size, self.device, self.dtype = method, size, device, dtype
        if method == "numpy+memory":
            self.module = diffusion_numpy_memory
            self.grid = initial_grid(size)
            self.scratch = np.zeros_like(self.grid)
            return
        import torch

        self.grid = torch.from_numpy(initial_grid(size)).to(device=device, dtype=getattr(torch, dtype))
        if method == "pytorch roll":
            self.module = diffusion_pytorch_compute
        elif method == "pytorch conv2d":
            self.module = diffusion_pytorch_conv
            self.scratch = torch.zeros_like(self.grid)
            self.kernel = diffusion_pytorch_conv.laplacian_kernel(device, self.grid.dtype)
        else:
            raise ValueError(f"unknown method {method!r}")

    def step(self):
        if self.method == "pytorch roll":
            self.grid = self.module.evolve(self.grid, DT)
        elif self.method == "pytorch conv2d":
            import torch

            with torch.no_grad():
                self.module.evolve(self.grid, DT, self.scratch, self.kernel)
            self.grid, self.scratch = self.scratch, self.grid
        else:
            self.module.evolve(self.grid, DT, self.scratch)
            self.grid, self.scratch = self.scratch, self.grid

    def mass_error(self):
        """How far the grid's total is from the initial mass (every correct step keeps it)."""
        total = float(self.grid.sum())
        return abs(total - initial_mass(self.size))


def measure(method, size, device, dtype, max_steps, max_seconds):
    """One point of a figure: a dict with the time per step and the check."""
    from hpp.gpu import seconds_per_step

    stepper = Stepper(method, size, device, dtype)
    device_name = "cpu" if method == "numpy+memory" else str(device.type)
    seconds, steps = seconds_per_step(
        stepper.step,
        "cpu" if device_name == "cpu" else device,
        max_steps=max_steps,
        max_seconds=max_seconds,
    )
    return {
        "method": method,
        "size": size,
        "device": device_name,
        "dtype": dtype,
        "seconds_per_step": seconds,
        "steps": steps,
        "mass_error": stepper.mass_error(),
    }


def as_device(device):
    """A ``torch.device`` from one or from a name (``"auto"``, ``"cpu"``, ``"cuda"``)."""
    from hpp.gpu import choose_device

    return choose_device(device) if isinstance(device, str) else device


def measure_methods(methods, baseline, sizes, device, dtype, max_steps, max_seconds):
    """Every method at every size (NumPy in float64, PyTorch in ``dtype``), with speedups."""
    device = as_device(device)
    rows = [
        measure(
            method, size, device, "float64" if method == "numpy+memory" else dtype, max_steps, max_seconds
        )
        for size in sizes
        for method in methods
    ]
    return add_speedups(rows, baseline)


def add_speedups(rows, baseline):
    """Each row's speedup over ``baseline`` (a method name) at the same size."""
    base = {row["size"]: row["seconds_per_step"] for row in rows if row["method"] == baseline}
    for row in rows:
        row["speedup"] = base[row["size"]] / row["seconds_per_step"] if row["size"] in base else ""
    return rows


def write_csv(rows, path):
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def print_rows(rows, baseline):
    print(
        f"{'method':16} {'dtype':8} {'device':6} {'size':>6} {'ms per step':>12} {'steps':>6} {'speedup':>8}"
    )
    for row in rows:
        speedup = f"{row['speedup']:.1f}x" if row.get("speedup") != "" else ""
        print(
            f"{row['method']:16} {row['dtype']:8} {row['device']:6} {row['size']:>6} "
            f"{row['seconds_per_step'] * 1e3:>12.4f} {row['steps']:>6} {speedup:>8}"
        )
    print(f"(speedup over {baseline} at the same size, measured in this run)")


def plot(rows, path, title, baseline, book=None, label_of=lambda row: row["method"]):
    """Two panels: time per step against N (log-log), speedup over ``baseline`` against N.

    ``book`` maps a label to ``{size: seconds}``: the book's numbers, drawn hollow.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    labels = list(dict.fromkeys(label_of(row) for row in rows))
    colours = {label: f"C{i}" for i, label in enumerate(labels)}
    for label in labels:
        mine = sorted(
            (r["size"], r["seconds_per_step"], r.get("speedup")) for r in rows if label_of(r) == label
        )
        sizes = [m[0] for m in mine]
        left.plot(sizes, [m[1] * 1e3 for m in mine], "o-", color=colours[label], label=f"{label} (measured)")
        if label != baseline and all(m[2] not in ("", None) for m in mine):
            right.plot(sizes, [m[2] for m in mine], "o-", color=colours[label], label=label)
    for label, points in (book or {}).items():
        sizes = sorted(points)
        colour = colours.get(label, "grey")
        left.plot(
            sizes,
            [points[s] * 1e3 for s in sizes],
            "s--",
            mfc="none",
            color=colour,
            alpha=0.7,
            label=f"{label} (book 3e, GPU)",
        )
        if label != baseline and baseline in (book or {}):
            common = [s for s in sizes if s in book[baseline]]
            right.plot(
                common,
                [book[baseline][s] / points[s] for s in common],
                "s--",
                mfc="none",
                color=colour,
                alpha=0.7,
                label=f"{label} (book 3e)",
            )
    for axis in (left, right):
        axis.set_xscale("log", base=2)
        axis.set_xlabel("grid size N (N x N)")
        axis.grid(True, which="both", alpha=0.3)
    left.set_yscale("log")
    left.set_ylabel("time per step (ms)")
    right.set_yscale("log")
    right.set_ylabel(f"speedup over {baseline}")
    left.legend(fontsize=7)
    if right.lines:
        right.legend(fontsize=7)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


# Each figure script's title (its file's stem names it and its files).
TITLES = {
    "figure_pytorch_vs_numpy": "NumPy (in place) vs PyTorch roll, PyTorch {dtype} on {device}",
    "figure_pytorch_naive_vs_conv": "PyTorch roll vs conv2d, {dtype}, on {device}",
}


def run_methods_figure(doc, workload, baseline, argv=None):
    """A figure of methods against sizes: flags, ``workload(sizes, device, dtype, ...)``, table, CSV, PNG.

    The files are named after the script that defines ``workload``; ``--max-steps`` defaults to
    ``workload``'s own ``max_steps``.
    """
    import inspect
    from pathlib import Path

    stem = Path(workload.__code__.co_filename).stem
    max_steps = inspect.signature(workload).parameters["max_steps"].default
    title = TITLES[stem]
    args = figure_parser(doc, max_steps=max_steps, dtype="float32").parse_args(argv)
    device, folder = prepare(args)
    rows = workload(args.sizes, device, args.dtype, args.max_steps, args.max_seconds)
    write_figure(rows, baseline, stem, title, device, args.dtype, folder)
    return rows


def write_figure(rows, baseline, stem, title, device, dtype, folder):
    """Print the table, write ``STEM.csv`` and ``STEM.png`` (the book's points drawn hollow beside ours)."""
    from hpp.gpu import describe

    print(f"device: {describe(device)}")
    print_rows(rows, baseline)
    csv_path = write_csv(rows, folder / f"{stem}.csv")
    methods = dict.fromkeys(row["method"] for row in rows)
    book = {name: BOOK_SECONDS[name] for name in methods}
    png = plot(rows, folder / f"{stem}.png", title.format(dtype=dtype, device=device.type), baseline, book)
    print(f"wrote {csv_path}")
    print(f"wrote {png}")


# ---------------------------------------------------------------- figure_pytorch_naive_precision.py

# The book's figure_pytorch_naive_precision.csv (GPU, seconds per step; 512 is launch-bound,
# "about 0.13-0.14 ms for all").
PRECISION_BOOK_SECONDS = {
    "float64": {512: 0.135e-3, 4096: 6.97e-3, 8192: 27.9e-3},
    "float32": {512: 0.135e-3, 4096: 3.50e-3, 8192: 14.0e-3},
    "float16": {512: 0.135e-3, 4096: 2.09e-3, 8192: 8.3e-3},
}


def run_precision_figure(doc, workload, argv=None):
    """figure_pytorch_naive_precision.py's flags; run ``workload``, print, write the CSV and the PNG."""
    parser = figure_parser(doc, max_steps=2500)
    parser.add_argument("--error-size", type=positive_int, default=512, help="grid size of the error panel")
    parser.add_argument(
        "--error-iterations", type=positive_int, default=1024, help="steps of the error panel"
    )
    args = parser.parse_args(argv)
    device, folder = prepare(args)
    return plot_precision(workload, args, device, folder)


def plot_precision(workload, args, device, folder):
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


def draw(rows, path, device):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for i, dtype in enumerate(dict.fromkeys(r["dtype"] for r in rows if r["panel"] == "time")):
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
        book = PRECISION_BOOK_SECONDS[dtype]
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


# ---------------------------------------------------------------- diffusion_pytorch_highmem.py


def error_against(grid, reference):
    """``(max abs difference, relative L2 difference)`` of a grid (tensor) from a NumPy grid."""
    import torch

    values = grid.detach().to("cpu", torch.float64).numpy()
    difference = values - reference
    return float(np.abs(difference).max()), float(np.linalg.norm(difference) / np.linalg.norm(reference))


def print_precision_rows(rows):
    print(
        f"{'variant':32} {'bytes':>5} {'max |error|':>11} {'relative':>9} {'tolerance':>9} "
        f"{'sum(grid)':>10} {'ms per step':>11}"
    )
    for row in rows:
        print(
            f"{row['variant']:32} {row['bytes_per_value']:>5} {row['max_abs_error']:>11.2e} "
            f"{row['relative_error']:>9.2e} {row['tolerance']:>9.0e} {row['sum']:>10.6g} "
            f"{row['seconds_per_step'] * 1e3:>11.4f}"
        )


def compare_precisions(precision_study, num_iterations, size, device):
    """Run the precision study; print its table, each variant against its tolerance, the error ordering."""
    from hpp.gpu import describe

    print(f"grid = {size} x {size}, iterations = {num_iterations}, device = {describe(device)}")
    rows = precision_study(num_iterations, size, device)
    print_precision_rows(rows)
    for row in rows:
        within = "within" if row["max_abs_error"] <= row["tolerance"] else "OUTSIDE"
        print(
            f"{row['variant']}: {within} the {row['tolerance']:g} the tests hold it to at "
            f"64 x 64, 200 steps; mass {row['sum']:.6g} (initial {initial_mass(size):.6g})"
        )
    errors = {
        row["dtype"]: row["max_abs_error"] for row in rows if row["step"] == "roll" and not row["autocast"]
    }
    print(
        "error ordering float16 > float32 > float64: "
        f"{errors['float16'] > errors['float32'] > errors['float64']}"
    )
    return rows


def run_precision_study(doc, precision_study, argv=None):
    """diffusion_pytorch_highmem.py's flags (the book's 512 x 512, 5000 steps); run and print the study."""
    from hpp.diffusion import diffusion_parser
    from hpp.gpu import add_device_argument, device_from_flag

    parser = add_device_argument(diffusion_parser(doc, size=512, iterations=5000))
    args = parser.parse_args(argv)
    return compare_precisions(precision_study, args.iterations, args.size, device_from_flag(args.device))


# ---------------------------------------------------------------- diffusion_pytorch_transfer.py


def compare_transfers(time_split, sizes, num_iterations, device, path):
    """Print the time split and the bytes moved for each grid size; write the rows to ``path`` (CSV)."""
    from hpp.gpu import describe

    print(f"device: {describe(device)}, iterations = {num_iterations}")
    print(
        f"{'size':>6} {'copy in ms':>10} {'compute ms':>11} {'copy out ms':>11} {'transfer':>9} "
        f"{'MB/step once':>12} {'ms/step':>9} {'ms/step, copy each':>18} {'MB/step each':>12}"
    )
    rows = []
    for size in sizes:
        row = time_split(size, num_iterations, device)
        rows.append(row)
        print(
            f"{size:>6} {row['copy_in_s'] * 1e3:>10.3f} {row['compute_s'] * 1e3:>11.3f} "
            f"{row['copy_out_s'] * 1e3:>11.3f} {row['transfer_share']:>9.1%} "
            f"{row['bytes_per_step_once'] / 1e6:>12.4f} "
            f"{row['compute_s'] / num_iterations * 1e3:>9.4f} "
            f"{row['copy_every_step_s_per_step'] * 1e3:>18.4f} "
            f"{row['bytes_per_step_every'] / 1e6:>12.3f}"
        )
    print("transfer = share of copy in + copy out in the run's time (copies once per run)")
    write_csv(rows, path)
    print(f"wrote {path}")
    return rows


def run_transfer_study(doc, time_split, argv=None):
    """diffusion_pytorch_transfer.py's flags; the time split per size, printed and written as CSV."""
    from hpp.gpu import add_device_argument, device_from_flag
    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(doc)
    parser.add_argument(
        "--sizes",
        type=positive_int,
        nargs="+",
        default=[256, 512, 1024, 2048, 4096],
        help="grid sizes N (N x N)",
    )
    parser.add_argument("--iterations", type=positive_int, default=1000, help="steps per run")
    add_device_argument(parser)
    parser.add_argument("--threads", type=positive_int, help="CPU threads for PyTorch")
    parser.add_argument("--output-dir", type=writable_dir, help="where the CSV goes")
    args = parser.parse_args(argv)
    device = device_from_flag(args.device)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    path = output_dir("06_matrix", args.output_dir) / "diffusion_pytorch_transfer.csv"
    return compare_transfers(time_split, args.sizes, args.iterations, device, path)


# ---------------------------------------------------------------- diffusion_pytorch_conv_profile.py


def print_profile(profile_experiment, num_iterations, size, device, row_limit, folder):
    """Profile the loop, print the profiler's table and ``sum(grid)``, and save the table in ``folder``."""
    from hpp.gpu import describe
    from hpp.printout import print_grid_sum

    grid, prof = profile_experiment(num_iterations, size, device)
    sort_by = "cuda_time_total" if device.type == "cuda" else "cpu_time_total"
    table = prof.key_averages().table(sort_by=sort_by, row_limit=row_limit)
    header = (
        f"grid = {size} x {size}, iterations = {num_iterations}, "
        f"device = {describe(device)}, sorted by {sort_by}"
    )
    print(header)
    print(table)
    print_grid_sum(float(grid.double().sum()))
    path = folder / "diffusion_pytorch_conv_profile.txt"
    path.write_text(header + "\n" + table + "\n")
    print(f"wrote {path}")
    return grid


def run_conv_profile(doc, profile_experiment, argv=None):
    """diffusion_pytorch_conv_profile.py's flags (the book's 4096 x 4096, 5000 steps); profile and print."""
    import os

    from hpp.diffusion import diffusion_parser
    from hpp.gpu import add_device_argument, device_from_flag
    from hpp.script import output_dir, positive_int, writable_dir

    parser = diffusion_parser(doc, size=4096, iterations=5000)
    parser.add_argument("--row-limit", type=positive_int, default=12, help="rows of the table")
    add_device_argument(parser)
    parser.add_argument("--output-dir", type=writable_dir, help="where the table goes")
    args = parser.parse_args(argv)
    device = device_from_flag(args.device)
    folder = output_dir("06_matrix", args.output_dir)
    # The profiler makes a compiler cache folder, by default in /tmp: keep it beside the table.
    os.environ.setdefault("TORCHINDUCTOR_CACHE_DIR", str(folder / "torchinductor_cache"))
    return print_profile(profile_experiment, args.iterations, args.size, device, args.row_limit, folder)
