"""Amdahl's law: how much faster can more cores make a program?

If a fraction ``p`` of the work can run in parallel and the rest cannot, then
with ``n`` cores the run time is ``(1 - p) + p / n`` of the serial time, so the
speedup is ``1 / ((1 - p) + p / n)``, and it can never exceed ``1 / (1 - p)``
however many cores you add. The book's survey example is the p = 1 case: 100
one-minute surveys take 100 minutes with one questioner, 50 with two and 1
with a hundred, and no more questioners help after that, because there are
only 100 surveys.

This script prints the speedup table and saves a PNG plot of speedup against
cores for several parallel fractions.

Run:
    python 01_understanding/amdahl.py --max-cores 64 --output-dir results/01_understanding
"""

# taught: "Amdahl's law" (chapter 1): the serial part bounds the speedup, however many cores
import numpy as np


def amdahl_speedup(parallel_fraction, cores):
    """The speedup of a program whose ``parallel_fraction`` runs on ``cores`` cores."""
    if not 0.0 <= parallel_fraction <= 1.0:
        raise ValueError("the parallel fraction must be between 0 and 1")
    cores = np.asarray(cores, dtype=float)
    if np.any(cores < 1):
        raise ValueError("the number of cores must be at least 1")
    return 1.0 / ((1.0 - parallel_fraction) + parallel_fraction / cores)


def survey_minutes(surveys, questioners):
    """The book's example: one-minute surveys shared out among questioners."""
    return -(-surveys // questioners)  # whole rounds of surveys: ceil(surveys / questioners)


# taught: end


def main(argv=None):
    from _amdahl import run_amdahl

    run_amdahl(__doc__, amdahl_speedup, survey_minutes, argv)


if __name__ == "__main__":
    main()
