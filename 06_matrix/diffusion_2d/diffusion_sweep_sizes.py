"""Every diffusion method of the chapter at every grid size from 64 to 8192: the 3rd edition's sweep.

Chapter 6 (third edition), the table that closes the diffusion story (the
official ``_benchmark.py`` and its ``_benchmark.csv``): each method, from pure
Python to SciPy, timed at 64^2, 256^2, 512^2, 2048^2, 4096^2 and 8192^2, the
time per step and the speedup over pure Python at the same size. The slow
methods are capped as the book's run was: each point stops after
``--max-steps`` steps or ``--max-seconds`` seconds (at least one step), and a
method whose single step at the next size would take longer than
``--max-seconds`` (a 4x bigger grid is 4x the work) is skipped there, as the
book's "One iteration too slow" (pure Python at 8192^2 needs about 75 s a step).
Before timing, every method runs ``--check-steps`` steps at the smallest size
and is checked against ``diffusion_numpy``; every timed grid keeps its mass.
Writes ``diffusion_sweep_sizes.csv`` and ``.png`` (time per step against size).
The PyTorch methods run when named in ``--methods`` (``pip install -e '.[gpu]'``).

Run:
    python diffusion_sweep_sizes.py                                  # the book's sizes (hours)
    python diffusion_sweep_sizes.py --sizes 64 256 512 --max-seconds 2
"""

# book: 3rd ed. code, "_benchmark.py" (the time-limited run, in our words)
import time

import numpy as np
from _diffusion_sweep_tools import make_stepper  # one step of each method, from its script

from hpp.diffusion import initial_mass


def run_experiment_time_limit(step, max_steps, max_seconds):
    """Steps until ``max_steps`` or ``max_seconds`` (at least one): ``(seconds per step, steps)``."""
    steps, spent = 0, 0.0
    while steps < max_steps and (steps == 0 or spent < max_seconds):
        start = time.perf_counter()
        step()
        spent += time.perf_counter() - start
        steps += 1
    return spent / steps, steps


def sweep(methods, sizes, max_steps, max_seconds):
    """One row per (method, size): seconds per step, steps, mass error; or skipped, with the reason."""
    rows = []
    for method in methods:
        last = None  # (size, seconds per step) of the method's previous point
        for size in sorted(sizes):
            row = {"method": method, "size": size}
            predicted = last[1] * (size / last[0]) ** 2 if last else 0.0
            if predicted > max_seconds:
                row.update(seconds_per_step="", steps=0, mass_error="")
                row["skipped"] = f"one step would take about {predicted:.3g} s"
            else:
                step, grid = make_stepper(method, size)
                seconds, steps = run_experiment_time_limit(step, max_steps, max_seconds)
                mass_error = abs(float(np.sum(grid())) - initial_mass(size))
                row.update(seconds_per_step=seconds, steps=steps, mass_error=mass_error, skipped="")
                last = (size, seconds)
            rows.append(row)
    return rows


# book: end


def main(argv=None):
    from _diffusion_sweep_tools import run_sweep_sizes

    run_sweep_sizes(__doc__, sweep, argv)


if __name__ == "__main__":
    main()
