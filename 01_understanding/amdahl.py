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

import numpy as np

from hpp.script import example_parser, output_dir, positive_int, writable_dir

SMOKE_ARGS = ["--max-cores", "16"]

PARALLEL_FRACTIONS = (0.5, 0.75, 0.9, 0.95, 0.99, 1.0)


# taught: Amdahl's law: the serial part bounds the speedup, however many cores
def amdahl_speedup(parallel_fraction, cores):
    """The speedup of a program whose ``parallel_fraction`` runs on ``cores`` cores."""
    if not 0.0 <= parallel_fraction <= 1.0:
        raise ValueError("the parallel fraction must be between 0 and 1")
    cores = np.asarray(cores, dtype=float)
    if np.any(cores < 1):
        raise ValueError("the number of cores must be at least 1")
    return 1.0 / ((1.0 - parallel_fraction) + parallel_fraction / cores)


# taught: end


# taught: the survey example: 100 one-minute surveys, no faster past one questioner each
def survey_minutes(surveys, questioners):
    """The book's example: one-minute surveys shared out among questioners."""
    return -(-surveys // questioners)  # whole rounds of surveys: ceil(surveys / questioners)


# taught: end


def plot(max_cores, folder):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cores = np.arange(1, max_cores + 1)
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for fraction in PARALLEL_FRACTIONS:
        ax.plot(cores, amdahl_speedup(fraction, cores), label=f"p = {fraction:g}")
    ax.set_xlabel("cores")
    ax.set_ylabel("speedup")
    ax.set_title("Amdahl's law: speedup = 1 / ((1 - p) + p / n)")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    path = folder / "amdahl.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def amdahl_table(max_cores, folder):
    """Print the survey example and the speedup table, and save the plot in ``folder``."""
    print("The survey: 100 one-minute surveys")
    for questioners in (1, 2, 100, 200):
        print(f"  {questioners:>3} questioners: {survey_minutes(100, questioners)} minutes")
    shown = [n for n in (1, 2, 4, 8, 16, 64, 1024) if n <= max_cores]
    print("\nspeedup by cores (columns) for parallel fraction p (rows)")
    print("p     " + "".join(f"{n:>8}" for n in shown) + "     limit")
    for fraction in PARALLEL_FRACTIONS:
        limit = "inf" if fraction == 1.0 else f"{1 / (1 - fraction):.1f}"
        row = "".join(f"{amdahl_speedup(fraction, n):8.2f}" for n in shown)
        print(f"{fraction:<6g}{row}  {limit:>8}")
    path = plot(max_cores, folder)
    print(f"\nplot saved to {path}")


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--max-cores", type=positive_int, default=64, help="cores on the plot's axis")
    parser.add_argument("--output-dir", type=writable_dir, help="where to save amdahl.png")
    args = parser.parse_args(argv)
    amdahl_table(args.max_cores, output_dir("01_understanding", args.output_dir))


if __name__ == "__main__":
    main()
