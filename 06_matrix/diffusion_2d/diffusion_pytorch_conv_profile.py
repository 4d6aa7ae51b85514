"""``torch.profiler`` on the convolution step: which kernels take the time, as a table.

Chapter 6 (third edition), "GPUs and PyTorch": the convolution version
(diffusion_pytorch_conv.py: circular padding, the Laplacian kernel, in place)
run under ``torch.profiler.profile`` for CPU and, on a GPU, CUDA activity. The
table of ``key_averages()``, sorted by device time (CUDA) or CPU time, is
printed and saved as ``diffusion_pytorch_conv_profile.txt``; on a GPU it shows
the padding copy and the convolution kernel sharing the time, and how little
of it the CPU spends launching them.

Needs PyTorch: pip install -e '.[gpu]'.

Run:
    python 06_matrix/diffusion_2d/diffusion_pytorch_conv_profile.py               # 4096 x 4096, 5000 steps
    python 06_matrix/diffusion_2d/diffusion_pytorch_conv_profile.py --size 256 --iterations 20 --device cpu
"""

import os

try:
    import torch
    from torch.profiler import ProfilerActivity, profile
except ImportError:  # main() says which extra to install
    torch = None

from diffusion_pytorch_conv import evolve, laplacian_kernel

from hpp.diffusion import DT, initial_grid

REQUIRES = ("torch",)
SMOKE_ARGS = ["--size", "32", "--iterations", "5", "--device", "cpu", "--row-limit", "5"]


# book: 3rd ed. code, "diffusion_pytorch_conv_profile.py" (the loop under torch.profiler)
def run_experiment(num_iterations, size=4096, device="cpu", dtype=None):
    """The convolution loop; returns the grid on ``device``."""
    dtype = dtype or torch.float64
    grid = torch.from_numpy(initial_grid(size)).to(device=device, dtype=dtype)
    next_grid = torch.zeros_like(grid)
    kernel = laplacian_kernel(device, dtype)
    with torch.no_grad():
        for _ in range(num_iterations):
            evolve(grid, DT, next_grid, kernel)
            grid, next_grid = next_grid, grid
    return grid


def profile_experiment(num_iterations, size, device):
    """``(grid, profiler)`` for the loop run under ``torch.profiler`` (after a warm-up)."""
    from hpp.gpu import synchronize

    run_experiment(2, min(size, 64), device)  # warm-up: CUDA context, kernel choice
    synchronize(device)
    activities = [ProfilerActivity.CPU]
    if device.type == "cuda":
        activities.append(ProfilerActivity.CUDA)
    with profile(activities=activities, acc_events=True) as prof:  # one cycle: keep its events
        grid = run_experiment(num_iterations, size, device)
        synchronize(device)
    return grid, prof


# book: end


def print_profile(num_iterations, size, device, row_limit, folder):
    """Profile the loop, print the profiler's table and ``sum(grid)``, and save the table in ``folder``."""
    from hpp.gpu import describe

    grid, prof = profile_experiment(num_iterations, size, device)
    sort_by = "cuda_time_total" if device.type == "cuda" else "cpu_time_total"
    table = prof.key_averages().table(sort_by=sort_by, row_limit=row_limit)
    header = (
        f"grid = {size} x {size}, iterations = {num_iterations}, "
        f"device = {describe(device)}, sorted by {sort_by}"
    )
    print(header)
    print(table)
    print(f"sum(grid) = {float(grid.double().sum()):.6g}")
    path = folder / "diffusion_pytorch_conv_profile.txt"
    path.write_text(header + "\n" + table + "\n")
    print(f"wrote {path}")
    return grid


def main(argv=None):
    from hpp.diffusion import diffusion_parser
    from hpp.gpu import add_device_argument, device_from_flag
    from hpp.script import output_dir, positive_int, writable_dir

    parser = diffusion_parser(__doc__, size=4096, iterations=5000)
    parser.add_argument("--row-limit", type=positive_int, default=12, help="rows of the table")
    add_device_argument(parser)
    parser.add_argument("--output-dir", type=writable_dir, help="where the table goes")
    args = parser.parse_args(argv)
    device = device_from_flag(args.device)
    folder = output_dir("06_matrix", args.output_dir)
    # The profiler makes a compiler cache folder, by default in /tmp: keep it beside the table.
    os.environ.setdefault("TORCHINDUCTOR_CACHE_DIR", str(folder / "torchinductor_cache"))
    print_profile(args.iterations, args.size, device, args.row_limit, folder)


if __name__ == "__main__":
    main()
