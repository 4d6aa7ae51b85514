"""The pi family's measuring tools: the machinery behind the chapter's pi figures.

``profile_cpu_usage.py``, ``pi_graph_speed_tests.py`` and
``pi_more_workers_than_cores.py`` keep their lesson; the sampling, tables,
CSV files, titles and argument parsing they share live here.
"""

import csv
import os
import sys
import time
from pathlib import Path

from hpp.script import fail, positive_int

HERE = Path(__file__).resolve().parent

BUSY_PERCENT = 10  # a process using this much of a core in a sample counts as busy

# The book's processes chart (2nd edition, 1e8 darts, 4 cores with 8 hyperthreads).
BOOK_PHYSICAL, BOOK_LOGICAL = 4, 8
BOOK_TIMES = {1: 71.0, 2: 37.1, 4: 18.1, 8: 18.7}


def _figure_parser(doc, samples_help="darts per run (the book: 1e8)"):
    from _pi_common import add_samples_argument

    from hpp.script import example_parser, writable_dir

    parser = example_parser(doc)
    add_samples_argument(parser, help=samples_help)
    parser.add_argument("--output-dir", type=writable_dir, help="where the figure goes")
    return parser


def _folder(args):
    from hpp.script import output_dir

    return output_dir("09_multiprocessing", args.output_dir)


# ---------------------------------------------------------------- profile_cpu_usage.py


def run_cpu_percent(watched, root):
    """CPU % used now by ``root`` and its children (100 % = one busy core), and how many are busy."""
    import psutil

    total, busy = 0.0, 0
    try:
        family = [root] + root.children(recursive=True)
    except psutil.Error:
        return total, busy
    for process in family:
        try:
            if process.pid not in watched:
                watched[process.pid] = process
                process.cpu_percent(None)  # the first call only starts the measurement
            else:
                percent = watched[process.pid].cpu_percent(None)
                total += percent
                busy += percent >= BUSY_PERCENT
        except psutil.Error:
            pass
    return total, busy


def watch_cpu_usage(trace_cpu_usage, plot, nbr_workers, nbr_samples, kind, interval, folder):
    """Run ``pi_lists_parallel.py`` under the trace, plot the cores into ``folder`` and print the summary."""
    command = [
        sys.executable,
        str(HERE / "pi_lists_parallel.py"),
        str(nbr_workers),
        "--samples",
        str(nbr_samples),
        *(["--processes"] if kind == "processes" else []),
    ]
    code, output, samples, own, busy = trace_cpu_usage(command, interval)
    if code != 0:
        last = (output.strip().splitlines() or ["no output"])[-1]
        fail(f"pi_lists_parallel.py failed (exit {code}): {last}")
    if len(samples) == 0:
        fail("the run ended before the first CPU sample: use more --samples or a shorter --interval")
    path = folder / f"cpu_usage_{kind}_{nbr_workers}.png"
    plot(samples, interval, f"{nbr_workers} {kind}: CPU % per core", path)
    print(output.strip())
    print(f"cores = {samples.shape[1]}")
    print(f"cpu samples = {len(samples)}")
    print(f"machine CPU, mean = {samples.sum(axis=1).mean():.0f} %  (100 % = one busy core)")
    print(f"this run's CPU, peak = {own.max():.0f} %  (its processes only)")
    print(f"this run's processes busy at once, most = {busy.max()}")
    print(f"figure = {path}")


def run_cpu_trace(doc, trace_cpu_usage, plot, argv=None):
    """``profile_cpu_usage.py``: flags, then ``watch_cpu_usage``."""
    from hpp.script import positive_float

    parser = _figure_parser(doc, "darts in total (the book: 1e8)")
    parser.add_argument("--workers", type=positive_int, default=4, help="number of workers")
    parser.add_argument(
        "--pool", choices=("threads", "processes"), default="processes", help="who throws the darts"
    )
    parser.add_argument(
        "--interval", type=positive_float, default=0.5, help="seconds between samples (the book: 2)"
    )
    args = parser.parse_args(argv)
    watch_cpu_usage(
        trace_cpu_usage, plot, args.workers, args.samples, args.pool, args.interval, _folder(args)
    )


# ---------------------------------------------------------------- pi_graph_speed_tests.py


def best_time(function, repeat):
    return best_run(function, repeat)[0]


def best_run(function, repeat):
    """``(wall s, CPU s of this process, CPU s of its child processes)`` of the fastest run."""
    best = (float("inf"), 0.0, 0.0)
    for _ in range(repeat):
        before = os.times()
        t1 = time.perf_counter()
        function()
        wall = time.perf_counter() - t1
        after = os.times()
        here = after.user + after.system - before.user - before.system
        children = after.children_user + after.children_system - before.children_user - before.children_system
        best = min(best, (wall, max(here, 0.0), max(children, 0.0)))  # never -0.00 from rounding
    return best


def title_from(serial, times, cpu):
    """The figure's title: what this run measured, so it never claims what the data do not show.

    Processes "divide" the time where the most workers ran at least 1.3x faster than serially;
    otherwise the title says how many cores' worth of CPU they got (a busy machine gives less).
    """
    workers = max(times["processes"])
    speedup = serial / times["processes"][workers]
    threads = serial / times["threads"][max(times["threads"])]
    busy = sum(cpu["processes"][workers]) / times["processes"][workers]
    if speedup >= 1.3:
        verdict = f"processes divide it: {workers} run {speedup:.2f}x faster"
    else:
        verdict = (
            f"processes did not divide it here: {workers} ran at {speedup:.2f}x, "
            f"getting {busy:.2f} cores' worth of CPU (a busy machine)"
        )
    return f"Pure-Python pi on this machine: {max(times['threads'])} threads at {threads:.2f}x;\n{verdict}"


def run_speed_tests(doc, speed_tests, plot, argv=None):
    """Time serial, threads and processes, print each time and its speedup, write them beside the PNG
    (``pi_speed_tests.csv``) and plot them under a title that states what they show."""
    parser = _figure_parser(doc)
    cores = min(8, os.cpu_count() or 1)
    parser.add_argument("--workers", type=positive_int, default=cores, help="time 1 ... this many workers")
    parser.add_argument("--repeat", type=positive_int, default=1, help="runs per point, best kept")
    args = parser.parse_args(argv)
    path = _folder(args) / "pi_speed_tests.png"
    cpu = {}
    serial, times = speed_tests(args.samples, args.workers, args.repeat, cpu=cpu)
    print(f"serial: {serial:.3f} s")
    rows = []
    for kind, by_workers in times.items():
        for workers, seconds in by_workers.items():
            here, children = cpu[kind][workers]
            busy = (here + children) / seconds
            print(
                f"{kind}, {workers}: {seconds:.3f} s  ({serial / seconds:.2f}x); CPU {here:.2f} s here, "
                f"{children:.2f} s in worker processes: {busy:.2f} cores busy"
            )
            rows.append([kind, workers, seconds, serial / seconds, here, children, busy])
    with open(path.with_suffix(".csv"), "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kind", "workers", "seconds", "speedup", "cpu_here", "cpu_children", "cores_busy"])
        writer.writerow(["serial", 1, serial, 1.0, "", "", ""])
        writer.writerows(rows)
    title = title_from(serial, times, cpu)
    plot(serial, times, path, title)
    print(f"title = {' '.join(title.split())}")
    print(f"figure = {path}")


# ---------------------------------------------------------------- pi_more_workers_than_cores.py


def core_counts():
    """``(physical cores, logical CPUs)`` as psutil reports them (physical may be unknown: then logical)."""
    import psutil

    logical = psutil.cpu_count(logical=True) or os.cpu_count() or 1
    return psutil.cpu_count(logical=False) or logical, logical


def plot_more_workers(rows, physical, logical, path):
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


def _compare_worker_counts(time_by_workers, nbr_samples, max_workers, repeat, folder):
    """Print the core counts and one line per worker count; write the CSV; draw the figure."""
    physical, logical = core_counts()
    print(f"physical cores = {physical}, logical CPUs = {logical} ({logical / physical:g} per core)")
    rows = time_by_workers(nbr_samples, max_workers or 2 * logical, repeat)
    for workers, wall, cpu, inside in rows:
        print(
            f"workers = {workers}: {wall:.3f} s ({rows[0][1] / wall:.2f}x), "
            f"CPU {cpu:.2f} s in workers, pi {4 * inside / nbr_samples:.4f}"
        )
    with open(folder / "more_workers_than_cores.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["workers", "seconds", "cpu_in_workers", "inside", "physical", "logical"])
        writer.writerows(row + (physical, logical) for row in rows)
    plot_more_workers(rows, physical, logical, folder / "more_workers_than_cores.png")
    print(f"saved {folder / 'more_workers_than_cores.png'}")
    return rows


def run_more_workers(doc, time_by_workers, argv=None):
    """``pi_more_workers_than_cores.py``: flags, then the timings, the CSV and the figure."""
    parser = _figure_parser(doc)
    parser.add_argument(
        "--max-workers", type=positive_int, help="time 1 ... this many (default: 2 x logical)"
    )
    parser.add_argument("--repeat", type=positive_int, default=1, help="runs per point, best kept")
    args = parser.parse_args(argv)
    return _compare_worker_counts(time_by_workers, args.samples, args.max_workers, args.repeat, _folder(args))
