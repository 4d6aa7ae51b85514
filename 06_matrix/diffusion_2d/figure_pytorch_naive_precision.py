"""float64, float32, float16: time per step over grid sizes, and the error each one costs.

Chapter 6 (third edition), "GPUs and PyTorch" figure: the naive roll step
(diffusion_pytorch_highmem.py) with the grid stored in each dtype, timed on
the device hpp.gpu picks (synchronized); the book's GPU figure (8192: 27.9,
14.0 and 8.3 ms per step) is drawn hollow beside ours. The second panel is
what the book's figure leaves out: the max abs difference from float64 NumPy
after 1, 2, 4, ... steps for every variant of the precision study (float16
loses about 4 digits of the 0.005 block at once; autocast leaves roll alone).
Writes ``figure_pytorch_naive_precision.csv`` and ``.png``.

Needs PyTorch: pip install -e '.[gpu]'.

Run:
    python 06_matrix/diffusion_2d/figure_pytorch_naive_precision.py                # 256 ... 4096
    python 06_matrix/diffusion_2d/figure_pytorch_naive_precision.py --sizes 512 1024 2048 4096 8192
"""

# book: 3rd ed. code, "figure_pytorch_naive_precision.py"
import diffusion_numpy
import diffusion_pytorch_highmem as highmem
from _pytorch_figures import SIZES, as_device, error_against

DTYPES = ("float64", "float32", "float16")


def time_rows(sizes, device, max_steps, max_seconds):
    import torch

    from hpp.diffusion import DT, initial_grid
    from hpp.gpu import seconds_per_step

    rows = []
    for size in sizes:
        for dtype in DTYPES:
            state = {"grid": torch.from_numpy(initial_grid(size)).to(device, getattr(torch, dtype))}

            def step():
                state["grid"] = highmem.evolve(state["grid"], DT)

            seconds, steps = seconds_per_step(step, device, max_steps, max_seconds)
            rows.append(
                {
                    "panel": "time",
                    "variant": f"roll {dtype}",
                    "dtype": dtype,
                    "size": size,
                    "steps": steps,
                    "seconds_per_step": seconds,
                    "max_abs_error": "",
                }
            )
    return rows


def workload(
    sizes=SIZES, device="auto", max_steps=2500, max_seconds=10.0, error_size=512, error_iterations=1024
):
    """The roll step stored in float64, float32 and float16: its time per step at each size
    (rows of panel "time"), then its max abs error from float64 NumPy after 1, 2, 4, ...
    ``error_iterations`` steps for every variant of the precision study (panel "error")."""
    device = as_device(device)
    return time_rows(sizes, device, max_steps, max_seconds) + error_rows(error_size, error_iterations, device)


# book: end


# taught: 3rd ed., "GPUs and PyTorch": a smaller dtype is faster and loses digits (the error panel)
def error_rows(error_size, error_iterations, device):
    checkpoints = sorted(
        {2**p for p in range(error_iterations.bit_length()) if 2**p <= error_iterations} | {error_iterations}
    )
    rows = []
    for steps in checkpoints:
        reference = diffusion_numpy.run_experiment(steps, error_size)
        for label, step, dtype, autocast in highmem.VARIANTS:
            grid = highmem.run_experiment(steps, error_size, device, dtype, autocast, step)
            error, _ = error_against(grid, reference)
            rows.append(
                {
                    "panel": "error",
                    "variant": label,
                    "dtype": dtype,
                    "size": error_size,
                    "steps": steps,
                    "seconds_per_step": "",
                    "max_abs_error": error,
                }
            )
    return rows


# taught: end


# fmt: off
# fmt: on


def main(argv=None):
    from _pytorch_figures import run_precision_figure

    run_precision_figure(__doc__, workload, argv)


if __name__ == "__main__":
    main()
