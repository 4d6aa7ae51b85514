"""2-D diffusion with PyTorch on the CPU or a CUDA GPU (book 7, "GPUs" / "PyTorch").

The same periodic step as chapter 06's NumPy version, written with
``torch.roll``; on a GPU every operation is a kernel launch. GPU work is
asynchronous, so the timing calls ``torch.cuda.synchronize()`` before reading
the clock (the official code's timings do not always). Copying the grid to the
device and back is timed apart, so the transfer cost is visible: for a few
steps it dominates.

Run:
    python 07_compiling/pytorch/diffusion_pytorch.py                    # CUDA when available, else CPU
    python 07_compiling/pytorch/diffusion_pytorch.py --device cpu --size 512 --iterations 500 --threads 1

On a busy machine (more runnable processes than cores) PyTorch's CPU threads
spin-wait on each other and a step can take 20x longer: ``--threads 1``.
"""

import time
from pathlib import Path

from hpp.diffusion import DT, D, initial_grid, initial_mass
from hpp.gpu import add_device_argument, describe, device_from_flag, synchronize
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--size", "64", "--iterations", "10", "--device", "cpu", "--threads", "1"]
REQUIRES = ("torch",)

HERE = Path(__file__).resolve().parent


# book: 2nd ed. code, "pytorch/diffusion_pytorch.py"
def laplacian(grid):
    import torch

    return (
        torch.roll(grid, +1, 0)
        + torch.roll(grid, -1, 0)
        + torch.roll(grid, +1, 1)
        + torch.roll(grid, -1, 1)
        - 4 * grid
    )


def evolve(grid, dt=DT, D=D):
    return grid + dt * D * laplacian(grid)


# book: end


def run(size, num_iterations, device):
    """Returns (final grid as NumPy, seconds to copy in, seconds for the steps, seconds to copy out)."""
    import torch

    # taught: copies to and from the GPU cost time; synchronize before reading the clock
    host = torch.from_numpy(initial_grid(size))
    synchronize(device)
    start = time.perf_counter()
    grid = host.to(device)
    synchronize(device)
    copy_in = time.perf_counter() - start

    start = time.perf_counter()
    for _ in range(num_iterations):
        grid = evolve(grid)
    synchronize(device)
    compute = time.perf_counter() - start

    start = time.perf_counter()
    result = grid.cpu().numpy()
    copy_out = time.perf_counter() - start
    # taught: end
    return result, copy_in, compute, copy_out


def report_run(size, num_iterations, device, threads=None):
    """Warm up, then run on ``device`` and print the copy times, the time per step, the mass and the peak."""
    import torch

    if threads:
        torch.set_num_threads(threads)
    print(f"device: {describe(device)}")
    run(min(size, 64), 2, device)  # warm-up: CUDA context, kernels
    grid, copy_in, compute, copy_out = run(size, num_iterations, device)
    print(f"copy to device: {copy_in * 1e3:.2f} ms")
    print(f"{num_iterations} steps: {compute:.3f} seconds ({compute / num_iterations * 1e6:.1f} us per step)")
    print(f"copy back: {copy_out * 1e3:.2f} ms")
    print(f"sum(grid) = {float(grid.sum()):.2f} (initial mass {initial_mass(size):.2f})")
    print(f"max(grid) = {float(grid.max()):.6g}")
    return grid


def main(argv=None):
    parser = add_device_argument(example_parser(__doc__))
    parser.add_argument("--size", type=positive_int, default=4096, help="grid points along each side")
    parser.add_argument("--iterations", type=positive_int, default=100, help="time steps to run")
    parser.add_argument(
        "--threads", type=positive_int, help="CPU threads for PyTorch (default: one per core)"
    )
    args = parser.parse_args(argv)
    report_run(args.size, args.iterations, device_from_flag(args.device), args.threads)


if __name__ == "__main__":
    main()
