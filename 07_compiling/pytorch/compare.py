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

# book: 2nd ed. code, "compare.py"
import diffusion_numpy
import diffusion_pytorch


def get_timings(fxn, device="cpu"):
    """Seconds one call of ``fxn()`` takes. The official version read the clock as soon as the
    call returned, while the GPU could still be running the work it had queued; this one
    synchronizes ``device`` before reading the clock (``hpp.gpu.timed``)."""
    from hpp.gpu import timed

    return timed(fxn, device)[1]


# book: end


# taught: a GPU pays off on large grids: the same steps in NumPy and PyTorch, timed per size
def measure(size, device, iterations, max_seconds):
    """compare.csv's row for ``size``: NumPy's and PyTorch's seconds per step, how far they differ."""
    import torch
    from _pytorch_plumbing import compare_row

    from hpp.diffusion import initial_grid
    from hpp.gpu import seconds_per_step

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
    return compare_row(size, device, state, numpy_s, numpy_steps, torch_s, torch_steps, warmup_s)


# taught: end


def main(argv=None):
    from _pytorch_plumbing import run_compare

    run_compare(__doc__, measure, argv)


if __name__ == "__main__":
    main()
