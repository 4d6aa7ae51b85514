"""The copies between host and GPU inside the timed region, beside the compute-only time.

Chapter 6 (third edition), "GPUs and PyTorch": the biggest speed consideration
for a GPU is moving the data to it and back. For each grid size this times,
with the GPU synchronized (hpp.gpu):

- compute only: the grid already on the device, ``--iterations`` steps;
- the book's transfer run: NumPy grid -> device, the steps, device -> NumPy,
  all inside the timed region (copies once per run);
- copies every step: the grid brought back to the host after each step (to
  plot or save it, or to call a NumPy-only routine), the worst case.

It prints the bytes each moves per step and the time split. On a GPU the
copies dominate small grids and a per-step copy erases the GPU's advantage;
on the CPU ``tensor.to("cpu")`` and ``.numpy()`` share memory, so 0 bytes move.

Needs PyTorch: pip install -e '.[gpu]'.

Run:
    python 06_matrix/diffusion_2d/diffusion_pytorch_transfer.py                  # 256 ... 4096, 1000 steps
    python 06_matrix/diffusion_2d/diffusion_pytorch_transfer.py --sizes 64 256 --iterations 100 --device cpu
"""

# book: 3rd ed. code, "diffusion_pytorch_transfer.py"
from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op
from hpp.diffusion import DT, D, initial_grid
from hpp.gpu import choose_device, roll, torch  # None without PyTorch: main() says which extra to install


def laplacian(grid):
    return roll(grid, +1, 0) + roll(grid, -1, 0) + roll(grid, +1, 1) + roll(grid, -1, 1) - 4 * grid


@profile
def evolve(grid, dt, D=D):
    return grid + dt * D * laplacian(grid)


def run_experiment(num_iterations, size=512, device=None):
    """The book's transfer version: a NumPy grid in, NumPy grid out, the steps on ``device``."""
    device = device or choose_device("auto")
    grid = initial_grid(size)
    grid_device = torch.from_numpy(grid).to(device)  # host -> device
    for _ in range(num_iterations):
        grid_device = evolve(grid_device, DT)
    return grid_device.cpu().numpy()  # device -> host (waits for the GPU)


# book: end


# taught: 2nd ed., "Performance considerations of GPUs": the transfer to GPU memory is the biggest cost
def run_experiment_copy_every_step(num_iterations, size=512, device=None):
    """The worst case: the grid goes to the host and back at every step."""
    device = device or choose_device("auto")
    grid = initial_grid(size)
    for _ in range(num_iterations):
        grid = evolve(torch.from_numpy(grid).to(device), DT).cpu().numpy()
    return grid


def copies_move_bytes(device):
    """False on the CPU: ``.to("cpu")`` and ``.numpy()`` share the NumPy grid's memory."""
    host = torch.zeros(4, dtype=torch.float64)
    return host.to(device).data_ptr() != host.data_ptr()


def bytes_per_step(size, num_iterations, device, every_step=False, itemsize=8):
    """Bytes moved between host and device per step: 2 grids per run, or 2 per step."""
    if not copies_move_bytes(device):
        return 0.0
    grid_bytes = size * size * itemsize
    return 2 * grid_bytes if every_step else 2 * grid_bytes / num_iterations


def time_split(size, num_iterations, device):
    """A dict of the timings (seconds) and bytes for one grid size."""
    from hpp.gpu import timed

    host = initial_grid(size)
    run_experiment(2, min(size, 32), device)  # warm-up: CUDA context, kernels
    on_device, copy_in = timed(lambda: torch.from_numpy(host).to(device), device)

    def steps():
        grid = on_device
        for _ in range(num_iterations):
            grid = evolve(grid, DT)
        return grid

    result, compute = timed(steps, device)
    _, copy_out = timed(lambda: result.cpu().numpy(), device)
    grid, whole = timed(lambda: run_experiment(num_iterations, size, device), device)
    each = min(num_iterations, 100)
    _, per_step = timed(lambda: run_experiment_copy_every_step(each, size, device), device)
    return {
        "size": size,
        "iterations": num_iterations,
        "device": device.type,
        "copy_in_s": copy_in,
        "compute_s": compute,
        "copy_out_s": copy_out,
        "with_transfer_s": whole,
        "transfer_share": (copy_in + copy_out) / (copy_in + compute + copy_out),
        "bytes_per_step_once": bytes_per_step(size, num_iterations, device),
        "copy_every_step_s_per_step": per_step / each,
        "bytes_per_step_every": bytes_per_step(size, num_iterations, device, every_step=True),
        "sum": float(grid.sum()),
    }


# taught: end


def main(argv=None):
    from _pytorch_figures import run_transfer_study

    run_transfer_study(__doc__, time_split, argv)


if __name__ == "__main__":
    main()
