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


def evolve(grid, dt=0.1, D=1.0):
    return grid + dt * D * laplacian(grid)


# book: end


# taught: copies to and from the GPU cost time; synchronize before reading the clock
def run(size, num_iterations, device):
    """Returns (final grid as NumPy, seconds to copy in, seconds for the steps, seconds to copy out)."""
    import time

    import torch

    from hpp.diffusion import initial_grid
    from hpp.gpu import synchronize

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
    return result, copy_in, compute, copy_out


# taught: end


def main(argv=None):
    from _pytorch_plumbing import run_diffusion_pytorch

    run_diffusion_pytorch(__doc__, run, argv)


if __name__ == "__main__":
    main()
