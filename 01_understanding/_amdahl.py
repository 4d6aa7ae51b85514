"""The machinery of ``amdahl.py``: its table, its plot and its command line.

Not a book example: ``amdahl.py`` holds the law and the book's survey; this module prints
them as a table and draws the speedup curves.
"""

import numpy as np

PARALLEL_FRACTIONS = (0.5, 0.75, 0.9, 0.95, 0.99, 1.0)


def plot(amdahl_speedup, max_cores, folder):
    """Speedup against cores for each of ``PARALLEL_FRACTIONS``, saved as ``amdahl.png``."""
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


def amdahl_table(amdahl_speedup, survey_minutes, max_cores, folder):
    """Print the survey example and the speedup table (the script's two functions), save the plot."""
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
    path = plot(amdahl_speedup, max_cores, folder)
    print(f"\nplot saved to {path}")


def run_amdahl(doc, amdahl_speedup, survey_minutes, argv=None):
    """``amdahl.py``'s command line: --max-cores and --output-dir, then the table and the plot."""
    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--max-cores", type=positive_int, default=64, help="cores on the plot's axis")
    parser.add_argument("--output-dir", type=writable_dir, help="where to save amdahl.png")
    args = parser.parse_args(argv)
    amdahl_table(
        amdahl_speedup, survey_minutes, args.max_cores, output_dir("01_understanding", args.output_dir)
    )
