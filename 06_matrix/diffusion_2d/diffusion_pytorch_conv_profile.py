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

# book: 3rd ed. code, "diffusion_pytorch_conv_profile.py" (the loop under torch.profiler)
from diffusion_pytorch_conv import evolve, laplacian_kernel

from hpp.diffusion import DT, initial_grid
from hpp.gpu import profiler, torch  # None without PyTorch: main() says which extra to install


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
    activities = [profiler.ProfilerActivity.CPU]
    if device.type == "cuda":
        activities.append(profiler.ProfilerActivity.CUDA)
    with profiler.profile(activities=activities, acc_events=True) as prof:  # one cycle: keep its events
        grid = run_experiment(num_iterations, size, device)
        synchronize(device)
    return grid, prof


# book: end


def main(argv=None):
    from _pytorch_figures import run_conv_profile

    run_conv_profile(__doc__, profile_experiment, argv)


if __name__ == "__main__":
    main()
