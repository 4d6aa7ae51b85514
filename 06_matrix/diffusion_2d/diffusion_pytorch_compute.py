"""2-D diffusion with PyTorch: the ``np.roll`` Laplacian as ``torch.roll``, on a GPU if there is one.

Chapter 6 (third edition), "GPUs and PyTorch": the NumPy code carries over
almost word for word; the arrays live on the device (``--device auto`` picks
CUDA when PyTorch sees a GPU, else the CPU; hpp.gpu chooses) and every step
runs there. GPU calls are asynchronous, so the clock is read only after
``torch.cuda.synchronize()`` (the official code did not, and timed only the
queueing). ``--dtype float32`` halves the memory traffic and agrees with the
float64 NumPy result to about 1e-7 instead of 1e-12; float16 halves it again
(diffusion_pytorch_highmem.py measures what that costs in accuracy).

Needs PyTorch: pip install -e '.[gpu]' (the CPU build works too).

Run:
    python 06_matrix/diffusion_2d/diffusion_pytorch_compute.py --size 512 --iterations 1000
    python 06_matrix/diffusion_2d/diffusion_pytorch_compute.py --device cpu --dtype float32
"""

# book: 3rd ed. code, "diffusion_pytorch_compute.py"
from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op
from hpp.diffusion import DT, D, initial_grid  # the book's grid, dt and D
from hpp.gpu import choose_device, roll, torch  # None without PyTorch: main() says which extra to install


def laplacian(grid):
    return roll(grid, +1, 0) + roll(grid, -1, 0) + roll(grid, +1, 1) + roll(grid, -1, 1) - 4 * grid


@profile
def evolve(grid, dt, D=D):
    return grid + dt * D * laplacian(grid)


def run_experiment(num_iterations, size=512, device=None, dtype="float64"):
    """The book's loop on ``device`` (None: CUDA if PyTorch sees a GPU, else CPU); returns the grid there."""
    device = device or choose_device("auto")
    grid = torch.from_numpy(initial_grid(size)).to(device=device, dtype=getattr(torch, dtype))
    for _ in range(num_iterations):
        grid = evolve(grid, DT)
    return grid


# book: end


def main(argv=None):
    from hpp.diffusion import run_torch_diffusion

    run_torch_diffusion(__doc__, run_experiment, argv, iterations=1000)


if __name__ == "__main__":
    main()
