"""Precision on the GPU: the diffusion step in float64, float32 and float16, and under autocast.

Chapter 6 (third edition), "GPUs and PyTorch": halving the bytes per value
halves the memory traffic of a bandwidth-bound step (the book's figure: 27.9,
14.0 and 8.3 ms per step at 8192 x 8192 for float64, float32 and float16). What
it costs is accuracy, measured here against float64 NumPy after the same steps:

- the naive roll step (``evolve``, a new grid every step) stored in each dtype;
- the book's "highmem" step, ``out[:] = grid + D * dt * conv(grid)`` (the
  right-hand side allocates, then is copied into ``out``), with the grid in
  float32 and ``torch.autocast`` lowering the convolution to float16.

Autocast only lowers the operations on its list (convolutions, matrix
products): ``roll`` and ``+`` are not on it, so the roll step under autocast is
bit for bit the float32 step. The official highmem used the Laplacian with its
sign flipped; this one uses the Laplacian.

Stated tolerances (max abs difference from float64 NumPy at 64 x 64 after 200 steps, the
tests' size; initial block 0.005): float64 1e-12, float32 1e-8, float16 (stored or autocast)
2e-4. Over the book's 5000 steps at 512 x 512 float16 storage drifts far outside it (on an
H200: max error 3.3e-3, the total mass 18.8 instead of 13.52): each step's small update is
rounded away or up, and the errors do not cancel.

Needs PyTorch: pip install -e '.[gpu]' (the CPU build works too).

Run:
    python 06_matrix/diffusion_2d/diffusion_pytorch_highmem.py               # 512 x 512, 5000 steps
    python 06_matrix/diffusion_2d/diffusion_pytorch_highmem.py --size 128 --iterations 500 --device cpu
"""

# book: 3rd ed. code, "diffusion_pytorch_highmem.py"
from contextlib import nullcontext

from hpp import profile  # kernprof's and memory_profiler's @profile, else a no-op
from hpp.diffusion import DT, D, initial_grid
from hpp.gpu import choose_device, roll, torch  # None without PyTorch: main() says which extra to install

STENCIL = [[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]


def laplacian(grid):
    return roll(grid, +1, 0) + roll(grid, -1, 0) + roll(grid, +1, 1) + roll(grid, -1, 1) - 4 * grid


@profile
def evolve(grid, dt, D=D):
    return grid + dt * D * laplacian(grid)


def make_conv(device, dtype="float32"):
    """The book's ``Conv2d`` with circular padding, holding the Laplacian stencil."""
    conv = torch.nn.Conv2d(
        1, 1, 3, padding=1, padding_mode="circular", bias=False, device=device, dtype=getattr(torch, dtype)
    )
    conv.requires_grad_(False)
    conv.weight[0, 0] = torch.tensor(STENCIL)
    return conv


@profile
def evolve_conv(grid, out, conv, dt, D=D):
    out[:] = grid + D * dt * conv(grid[None, None])[0, 0]


def run_experiment(num_iterations, size=512, device=None, dtype="float64", autocast=None, step="roll"):
    """``num_iterations`` steps of ``step`` ("roll" or "conv") with the grid stored as ``dtype``,
    inside ``torch.autocast(dtype=autocast)`` when given; returns the grid on the device."""
    device = torch.device(device or choose_device("auto"))
    grid = torch.from_numpy(initial_grid(size)).to(device=device, dtype=getattr(torch, dtype))
    context = torch.autocast(device.type, dtype=getattr(torch, autocast)) if autocast else nullcontext()
    with torch.no_grad(), context:
        if step == "roll":
            for _ in range(num_iterations):
                grid = evolve(grid, DT)
        else:
            conv = make_conv(device, dtype)
            out = torch.empty_like(grid)
            for _ in range(num_iterations):
                evolve_conv(grid, out, conv, DT)
                grid, out = out, grid
    return grid


# book: end


# taught: 3rd ed., "GPUs and PyTorch": fewer bytes per value cost digits; autocast lowers only the convolution
TOLERANCE = {"float64": 1e-12, "float32": 1e-8, "float16": 2e-4}

# (label, step, storage dtype, autocast dtype or None): the rows of the study.
VARIANTS = [
    ("roll float64", "roll", "float64", None),
    ("roll float32", "roll", "float32", None),
    ("roll float16", "roll", "float16", None),
    ("roll float32, autocast float16", "roll", "float32", "float16"),
    ("conv float32", "conv", "float32", None),
    ("conv float32, autocast float16", "conv", "float32", "float16"),
]


def effective_dtype(step, dtype, autocast=None):
    """The precision the arithmetic runs in: autocast lowers the convolution, not roll or +."""
    return autocast if autocast and step == "conv" else dtype


def precision_study(num_iterations, size, device, variants=VARIANTS, reference=None):
    """One row per variant: its error against float64 NumPy after ``num_iterations`` steps."""
    import diffusion_numpy
    from _pytorch_figures import error_against

    from hpp.gpu import timed

    if reference is None:
        reference = diffusion_numpy.run_experiment(num_iterations, size)
    rows = []
    for label, step, dtype, autocast in variants:
        run_experiment(1, min(size, 32), device, dtype, autocast, step)  # warm-up, untimed
        grid, seconds = timed(
            lambda: run_experiment(num_iterations, size, device, dtype, autocast, step), device
        )
        max_error, relative = error_against(grid, reference)
        precision = effective_dtype(step, dtype, autocast)
        rows.append(
            {
                "variant": label,
                "step": step,
                "dtype": dtype,
                "autocast": autocast or "",
                "bytes_per_value": grid.element_size(),
                "max_abs_error": max_error,
                "relative_error": relative,
                "tolerance": TOLERANCE[precision],
                "sum": float(grid.double().sum()),
                "seconds_per_step": seconds / num_iterations,
            }
        )
    return rows


# taught: end


def main(argv=None):
    from _pytorch_figures import run_precision_study

    run_precision_study(__doc__, precision_study, argv)


if __name__ == "__main__":
    main()
