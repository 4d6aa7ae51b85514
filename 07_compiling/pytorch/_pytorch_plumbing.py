"""The plumbing of the chapter 07 PyTorch scripts (not a book example).

Each script keeps its listing and its lesson; this module holds their flags,
tables, CSV and figure, and the checks that end a run with one line:

- ``run_compare``: compare.py's sizes, its table, ``compare.csv`` and ``compare.png``;
- ``run_diffusion_pytorch``: diffusion_pytorch.py's flags and printout;
- ``run_random_access``: random_access.py's flags;
- ``run_gpu_monitor``: gpu_monitor.py's flags, its table per phase, ``nvidia-smi`` and ``gpustat``.
"""

import csv
import shutil
import subprocess

# ---------------------------------------------------------------- compare.py


def compare_row(size, device, state, numpy_s, numpy_steps, torch_s, torch_steps, warmup_s):
    """One row of compare.csv: the times per step, the speedup and how far the two grids differ."""
    from hpp.diffusion import initial_mass

    difference = float(abs(state["torch"].cpu().numpy() - state["numpy"]).max())
    mass = abs(float(state["numpy"].sum()) - initial_mass(size))
    return {
        "size": size,
        "device": device.type,
        "steps": numpy_steps,
        "torch_steps": torch_steps,
        "numpy_s_per_step": numpy_s,
        "torch_s_per_step": torch_s,
        "torch_warmup_s": warmup_s,
        "speedup": numpy_s / torch_s,
        "max_abs_difference": difference,
        "mass_error": mass,
    }


def plot_compare(rows, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["size"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(sizes, [r["numpy_s_per_step"] * 1e3 for r in rows], "o-", label="NumPy (CPU)")
    left.plot(
        sizes, [r["torch_s_per_step"] * 1e3 for r in rows], "o-", label=f"PyTorch ({rows[0]['device']})"
    )
    left.set(xscale="log", yscale="log", xlabel="grid size N (N x N)", ylabel="time per step (ms)")
    right.plot(sizes, [r["speedup"] for r in rows], "o-", color="C1")
    right.set(xscale="log", yscale="log", xlabel="grid size N (N x N)", ylabel="PyTorch speedup over NumPy")
    for axis in (left, right):
        axis.set_xscale("log", base=2)
        axis.grid(True, which="both", alpha=0.3)
    left.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def run_compare(doc, measure, argv=None):
    """compare.py: ``measure`` each size (results checked equal), print the table, write CSV and plot."""
    from hpp.gpu import add_device_argument, describe, device_from_flag
    from hpp.script import example_parser, fail, output_dir, positive_float, positive_int, writable_dir

    parser = add_device_argument(example_parser(doc))
    sizes = [256, 512, 1024, 2048, 4096]
    parser.add_argument("--sizes", type=positive_int, nargs="+", default=sizes, help="grid sizes N (N x N)")
    parser.add_argument(
        "--iterations", type=positive_int, default=1000, help="at most this many steps per size"
    )
    parser.add_argument(
        "--max-seconds", type=positive_float, default=10.0, help="time limit per size for NumPy"
    )
    parser.add_argument("--threads", type=positive_int, help="CPU threads for PyTorch")
    parser.add_argument("--output-dir", type=writable_dir, help="where compare.csv and compare.png go")
    args = parser.parse_args(argv)
    device = device_from_flag(args.device)  # no torch: one line naming the gpu extra, exit 2
    folder = output_dir("07_compiling", args.output_dir)
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"device: {describe(device)}")
    print(f"{'size':>6} {'steps':>6} {'NumPy ms/step':>14} {'PyTorch ms/step':>16} {'speedup':>8}")
    rows = []
    for size in args.sizes:
        row = measure(size, device, args.iterations, args.max_seconds)
        if row["max_abs_difference"] > 1e-12:
            fail(f"PyTorch and NumPy disagree at size {size}: {row['max_abs_difference']:.3g}")
        rows.append(row)
        print(
            f"{size:>6} {row['steps']:>6} {row['numpy_s_per_step'] * 1e3:>14.4f} "
            f"{row['torch_s_per_step'] * 1e3:>16.4f} {row['speedup']:>7.1f}x"
        )
    with open(folder / "compare.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {folder / 'compare.csv'}")
    print(f"wrote {plot_compare(rows, folder / 'compare.png')}")
    return rows


# ---------------------------------------------------------------- diffusion_pytorch.py


def run_diffusion_pytorch(doc, run, argv=None):
    """diffusion_pytorch.py: warm up, ``run`` on the device, print the copy times, the grid and the time."""
    from hpp.diffusion import grid_summary
    from hpp.gpu import add_device_argument, describe, device_from_flag
    from hpp.printout import print_diffusion_time, print_grid_sum
    from hpp.script import example_parser, positive_int

    parser = add_device_argument(example_parser(doc))
    parser.add_argument("--size", type=positive_int, default=4096, help="grid points along each side")
    parser.add_argument("--iterations", type=positive_int, default=100, help="time steps to run")
    parser.add_argument(
        "--threads", type=positive_int, help="CPU threads for PyTorch (default: one per core)"
    )
    args = parser.parse_args(argv)
    device = device_from_flag(args.device)  # no torch: one line naming the gpu extra, exit 2
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"device: {describe(device)}")
    run(min(args.size, 64), 2, device)  # warm-up: CUDA context, kernels
    grid, copy_in, compute, copy_out = run(args.size, args.iterations, device)
    total, largest = grid_summary(grid)
    print(f"grid = {args.size} x {args.size}, iterations = {args.iterations}, device = {device.type}")
    print(f"copy to device: {copy_in * 1e3:.2f} ms")
    print(f"copy back: {copy_out * 1e3:.2f} ms")
    print_grid_sum(total)
    print(f"max(grid) = {largest:.6e}")
    print_diffusion_time(compute, args.iterations)
    return grid


# ---------------------------------------------------------------- random_access.py


def run_random_access(doc, compare_chases, argv=None):
    """random_access.py: ``--size``, ``--target`` (below the size), ``--seed``, ``--device``."""
    from hpp.gpu import add_device_argument, device_from_flag
    from hpp.script import example_parser, fail, non_negative_int, positive_int, seed

    parser = add_device_argument(example_parser(doc))
    parser.add_argument("--size", type=positive_int, default=1000, help="length of the chain")
    parser.add_argument("--target", type=non_negative_int, default=500, help="index to find")
    parser.add_argument("--seed", type=seed, default=0, help="seed of the random chain")
    args = parser.parse_args(argv)
    if args.target >= args.size:
        fail(f"--target must be below --size ({args.size})")
    steps_numpy, steps_torch = compare_chases(
        args.size, args.target, args.seed, device_from_flag(args.device)
    )
    if steps_torch != steps_numpy:
        fail("the two chases disagree")
    return steps_numpy


# ---------------------------------------------------------------- gpu_monitor.py


def print_phases(phases, sampler):
    """The mean of each nvidia-smi column over each phase, then nvidia-smi and gpustat themselves."""
    print(
        f"{'phase':24} {'steps/s':>9} {'samples':>7} {'util %':>7} {'power W':>8} "
        f"{'memory MiB':>10} {'SM MHz':>7}"
    )
    for name, _size, rate, start, end in phases:
        rows = sampler.between(start + 0.3, end)  # skip the first sample of the phase
        if not rows:
            print(f"{name:24} no samples")
            continue
        mean = [sum(column) / len(rows) for column in zip(*rows)]
        rate_text = f"{rate:>9.0f}" if rate != "" else f"{'':>9}"
        print(
            f"{name:24} {rate_text} {len(rows):>7} {mean[0]:>7.0f} {mean[1]:>8.0f} "
            f"{mean[2]:>10.0f} {mean[4]:>7.0f}"
        )
    print("utilization = share of time with a kernel running; power = how hard the GPU works")
    print()
    print(subprocess.run(["nvidia-smi"], capture_output=True, text=True).stdout)
    if shutil.which("gpustat"):
        print(subprocess.run(["gpustat", "--no-color"], capture_output=True, text=True).stdout)
    else:
        print("(gpustat not installed: pip install gpustat)")


def run_gpu_monitor(doc, monitor, argv=None):
    """gpu_monitor.py: ``--sizes`` and ``--seconds``; one line and exit 2 without nvidia-smi."""
    from hpp.gpu import describe, device_from_flag
    from hpp.script import example_parser, fail, positive_float, positive_int

    parser = example_parser(doc)
    parser.add_argument(
        "--sizes", type=positive_int, nargs="+", default=[256, 8192], help="grid sizes, in turn"
    )
    parser.add_argument("--seconds", type=positive_float, default=5.0, help="seconds per phase")
    args = parser.parse_args(argv)
    if shutil.which("nvidia-smi") is None:
        fail("needs nvidia-smi: an NVIDIA GPU and its driver (gpustat and nvitop read the same counters)")
    device = device_from_flag("cuda")
    print(f"device: {describe(device)}")
    phases, sampler = monitor(args.sizes, args.seconds, device)
    print_phases(phases, sampler)
    return phases
