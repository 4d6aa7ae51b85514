"""NumPy on the CPU against PyTorch on the GPU (or CPU), over grid sizes, plotted (book 7, "GPUs").

The same periodic diffusion step, ``diffusion_numpy.evolve`` against
``diffusion_pytorch.evolve``, timed per step for each size (256 ... 4096, the
book's 1000 steps at most, or ``--max-seconds`` per point), PyTorch
synchronized (hpp.gpu). Prints the table, writes ``compare.csv`` and
``compare.png`` (time per step and PyTorch's speedup). The official script
saved its plot outside the repository; this one writes to ``--output-dir``.

Needs PyTorch: pip install -e '.[gpu]'.

Run:
    python 07_compiling/pytorch/compare.py                                  # 256 ... 4096
    python 07_compiling/pytorch/compare.py --sizes 64 128 256 --device cpu --threads 1
"""

import csv

import diffusion_numpy
import diffusion_pytorch

from hpp.diffusion import initial_grid, initial_mass
from hpp.gpu import add_device_argument, describe, device_from_flag, timed
from hpp.script import example_parser, fail, output_dir, positive_float, positive_int, writable_dir

SMOKE_ARGS = ["--sizes", "32", "64", "--iterations", "5", "--device", "cpu", "--threads", "1"]
REQUIRES = ("torch",)


# book: 2nd ed. code, "compare.py"
def get_timings(fxn, device="cpu"):
    """Seconds one call of ``fxn()`` takes. The official version read the clock as soon as the
    call returned, while the GPU could still be running the work it had queued; this one
    synchronizes ``device`` before reading the clock (``hpp.gpu.timed``)."""
    return timed(fxn, device)[1]


# book: end


def measure(size, device, iterations, max_seconds):
    """``(numpy seconds per step, torch seconds per step, max abs difference after the steps)``."""
    import torch

    from hpp.gpu import seconds_per_step

    # taught: a GPU pays off on large grids: the same steps in NumPy and PyTorch, timed per size
    state = {"numpy": initial_grid(size), "torch": torch.from_numpy(initial_grid(size)).to(device)}

    def numpy_step():
        state["numpy"] = diffusion_numpy.evolve(state["numpy"])

    def torch_step():
        state["torch"] = diffusion_pytorch.evolve(state["torch"])

    # warm-up: CUDA context, kernels (the first call's time goes in the CSV, not in the steps)
    warmup_s = get_timings(lambda: diffusion_pytorch.evolve(torch.zeros(8, 8, device=device)), device)
    # No warm-up steps on the grids: both take exactly the same steps, so their results compare.
    numpy_s, numpy_steps = seconds_per_step(numpy_step, "cpu", iterations, max_seconds, warmup=0)
    torch_s, torch_steps = seconds_per_step(torch_step, device, numpy_steps, float("inf"), warmup=0)
    # taught: end
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


def plot(rows, path):
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


def compare(sizes, device, iterations, max_seconds, folder, threads=None):
    """Time both steps at each size (results checked equal), print the table, write the CSV and the plot."""
    import torch

    if threads:
        torch.set_num_threads(threads)
    print(f"device: {describe(device)}")
    print(f"{'size':>6} {'steps':>6} {'NumPy ms/step':>14} {'PyTorch ms/step':>16} {'speedup':>8}")
    rows = []
    for size in sizes:
        row = measure(size, device, iterations, max_seconds)
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
    print(f"wrote {plot(rows, folder / 'compare.png')}")
    return rows


def main(argv=None):
    parser = add_device_argument(example_parser(__doc__))
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
    device = device_from_flag(args.device)
    folder = output_dir("07_compiling", args.output_dir)
    compare(args.sizes, device, args.iterations, args.max_seconds, folder, args.threads)


if __name__ == "__main__":
    main()
