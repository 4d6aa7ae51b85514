"""More worker processes than physical cores: hyperthreads add little to CPU-bound work.

Chapter 9, "An Overview of the multiprocessing Module" / "Using Python
Objects": the book's 4-core laptop runs 8 hyperthreads, and its processes
chart stops improving at 4: 18.1 s with 4 processes, 18.7 s with 8 (71.0 s
with 1). Two hyperthreads of one core share its execution units, so a
CPU-bound pure-Python loop gains little from the second. This script throws
``--samples`` pure-Python darts (``pi_lists_parallel.estimate_pi``) with 1 ...
``--max-workers`` processes (default: twice the logical CPUs), prints the
physical cores and logical CPUs ``psutil`` reports, each run's time, speedup
and CPU seconds in the workers, writes ``more_workers_than_cores.csv`` and
draws ``more_workers_than_cores.png``: our speedup against the workers, with the
physical and logical counts marked, beside the book's.

Run:
    python pi_more_workers_than_cores.py --samples 1e7
"""

import csv
import os
import time

SMOKE_ARGS = ["--samples", "100000", "--max-workers", "2"]

# The book's processes chart (2nd edition, 1e8 darts, 4 cores with 8 hyperthreads).
BOOK_PHYSICAL, BOOK_LOGICAL = 4, 8
BOOK_TIMES = {1: 71.0, 2: 37.1, 4: 18.1, 8: 18.7}


def core_counts():
    """``(physical cores, logical CPUs)`` as psutil reports them (physical may be unknown: then logical)."""
    import psutil

    logical = psutil.cpu_count(logical=True) or os.cpu_count() or 1
    return psutil.cpu_count(logical=False) or logical, logical


# taught: 2nd ed., "Using Python Objects": processes past the physical cores add little
def time_by_workers(nbr_samples, max_workers, repeat=1, seed=0):
    """Rows ``(workers, best wall seconds, CPU seconds in the workers, darts inside)``, 1 ... max_workers."""
    import pi_lists_parallel

    rows = []
    for workers in range(1, max_workers + 1):
        best = None
        for _ in range(repeat):
            before = os.times()
            start = time.perf_counter()
            inside = pi_lists_parallel.estimate_pi(nbr_samples, workers, processes=True, seed=seed)
            wall = time.perf_counter() - start
            after = os.times()
            children = after.children_user + after.children_system
            children -= before.children_user + before.children_system
            if best is None or wall < best[1]:
                best = (workers, wall, max(children, 0.0), inside)
        rows.append(best)
    return rows


# taught: end


def plot(rows, physical, logical, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    one = rows[0][1]
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.plot([r[0] for r in rows], [one / r[1] for r in rows], marker="o", label="this machine")
    ax.plot(
        list(BOOK_TIMES),
        [BOOK_TIMES[1] / t for t in BOOK_TIMES.values()],
        marker="s",
        linestyle="--",
        alpha=0.6,
        label=f"the book ({BOOK_PHYSICAL} cores, {BOOK_LOGICAL} hyperthreads)",
    )
    ax.axvline(physical, color="grey", linestyle="--")
    ax.text(physical, ax.get_ylim()[1], f" {physical} physical", va="top", fontsize=8)
    if logical != physical:
        ax.axvline(logical, color="grey", linestyle=":")
        ax.text(logical, ax.get_ylim()[1], f" {logical} logical", va="top", fontsize=8)
    at_physical = one / rows[min(physical, len(rows)) - 1][1]
    best = max(one / r[1] for r in rows)
    ax.set_title(
        f"Pure-Python pi by worker processes: {at_physical:.2f}x at {physical} physical cores, "
        f"best {best:.2f}x up to {len(rows)} workers",
        fontsize=10,
    )
    ax.set_xlabel("worker processes")
    ax.set_ylabel("speedup over 1 process")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def compare_worker_counts(nbr_samples, max_workers, repeat, folder):
    """Print the core counts and one line per worker count; write the CSV; draw the figure."""
    physical, logical = core_counts()
    print(f"physical cores = {physical}, logical CPUs = {logical} ({logical / physical:g} per core)")
    rows = time_by_workers(nbr_samples, max_workers or 2 * logical, repeat)
    for workers, wall, cpu, inside in rows:
        print(
            f"workers = {workers}: {wall:.3f} s ({rows[0][1] / wall:.2f}x), "
            f"CPU {cpu:.2f} s in workers, pi estimate = {4 * inside / nbr_samples:.4f}"
        )
    with open(folder / "more_workers_than_cores.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["workers", "seconds", "cpu_in_workers", "inside", "physical", "logical"])
        writer.writerows(row + (physical, logical) for row in rows)
    plot(rows, physical, logical, folder / "more_workers_than_cores.png")
    print(f"saved {folder / 'more_workers_than_cores.png'}")
    return rows


def main(argv=None):
    from _pi_common import add_samples_argument

    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(__doc__)
    add_samples_argument(parser, help="darts per run (the book: 1e8)")
    parser.add_argument(
        "--max-workers", type=positive_int, help="time 1 ... this many (default: 2 x logical)"
    )
    parser.add_argument("--repeat", type=positive_int, default=1, help="runs per point, best kept")
    parser.add_argument("--output-dir", type=writable_dir, help="where the CSV and PNG go")
    args = parser.parse_args(argv)
    folder = output_dir("09_multiprocessing", args.output_dir)
    compare_worker_counts(args.samples, args.max_workers, args.repeat, folder)


if __name__ == "__main__":
    main()
