"""What GPUs are bad at: chasing pointers, one dependent lookup after another (book 7, "GPUs").

A random permutation is a chain of "next" indices. Following it from a start
until a target needs each lookup's answer before the next one can start: no
parallelism at all. On a GPU every step is a kernel launch plus a copy back of
one number (to decide whether to stop), so it is far slower than NumPy or
plain Python on the CPU. Both follow the same chain and take the same number
of steps.

Run:
    python 07_compiling/pytorch/random_access.py                 # the book's N=1000, target 500
    python 07_compiling/pytorch/random_access.py --device cpu
"""

# taught: GPUs are bad at dependent lookups: chasing pointers one step at a time
import time

import numpy as np


def chase(next_index, start, target):
    """Follow ``next_index`` from ``start`` until ``target``; returns the number of steps."""
    steps, i = 0, start
    while i != target:
        i = int(next_index[i])
        steps += 1
    return steps


def compare_chases(size=1000, target=500, seed=0, device="cpu"):
    """Chase a random chain of ``size`` indices to ``target`` with NumPy, then with torch on ``device``.

    Returns both step counts (the driver checks they agree)."""
    import torch

    # One cycle through every index (a random cyclic permutation), so the target is always reached.
    order = np.random.default_rng(seed).permutation(size)
    next_index = np.empty(size, dtype=np.int64)
    next_index[order] = np.roll(order, -1)

    start = time.perf_counter()
    steps_numpy = chase(next_index, 0, target)
    numpy_secs = time.perf_counter() - start

    tensor = torch.from_numpy(next_index).to(device)
    chase(tensor, 0, min(target, 1))  # warm-up
    start = time.perf_counter()
    steps_torch = chase(tensor, 0, target)  # int() copies to the host: a sync per step
    torch_secs = time.perf_counter() - start

    print(f"steps to reach {target} = {steps_numpy}")
    print(f"NumPy on the CPU: {numpy_secs * 1e3:.2f} ms")
    print(
        f"torch on {device}: {torch_secs * 1e3:.2f} ms "
        f"({torch_secs / max(numpy_secs, 1e-9):.1f}x the NumPy time)"
    )
    return steps_numpy, steps_torch


# taught: end


def main(argv=None):
    from _pytorch_plumbing import run_random_access

    run_random_access(__doc__, compare_chases, argv)


if __name__ == "__main__":
    main()
