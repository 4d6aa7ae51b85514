"""Pi by threads and by processes, 1 to N workers: the speed chart, measured here beside the book's.

Chapter 9, "Using Python Objects" (the figure of serial, threads and processes):
``pi_lists_parallel.estimate_pi`` throws ``--samples`` pure-Python darts with
1 ... ``--workers`` threads and then processes; each time is the best of
``--repeat``. Threads share one GIL, so their time stays flat; processes
divide it by the number of cores. The book (2nd edition, 1e8 darts): serial
71.1 s; threads 71.1 / 71.0 / 70.7 / 71.0 s with 1 / 2 / 4 / 8 workers;
processes 71.0 / 37.1 / 18.1 / 18.7 s (4 cores). Writes ``pi_speed_tests.png``:
our times and the book's, each as a fraction of its serial time.

Beside each time it prints where the CPU time went (``os.times``): with threads
all of it is this process's, never more than one core's worth per second of
the run (the GIL); with processes the workers burn it, in parallel where there
are free cores.

Run:
    python pi_graph_speed_tests.py --samples 2e6 --workers 4
"""

import os
import time

# book: 2nd ed. code, "pi_graph_speed_tests.py" (the book's timings)
BOOK_SERIAL = 71.1
BOOK_TIMES = {
    "threads": {1: 71.1, 2: 71.0, 4: 70.7, 8: 71.0},
    "processes": {1: 71.0, 2: 37.1, 4: 18.1, 8: 18.7},
}


# book: end


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


# taught: 2nd ed., "Introduction" (chapter 9): threads share one GIL, processes each have their own
def speed_tests(nbr_samples, max_workers, repeat=1, seed=0, cpu=None):
    """``(serial seconds, {"threads": {n: s}, "processes": {n: s}})``; ``cpu`` (a dict) gets the
    CPU seconds of each run, ``cpu[kind][n] = (here, in child processes)``."""
    import pi_lists_parallel

    serial = best_time(
        lambda: pi_lists_parallel.estimate_nbr_points_in_quarter_circle(nbr_samples, seed), repeat
    )
    times = {"threads": {}, "processes": {}}
    for kind in times:
        for workers in range(1, max_workers + 1):
            wall, here, children = best_run(
                lambda: pi_lists_parallel.estimate_pi(
                    nbr_samples, workers, processes=kind == "processes", seed=seed
                ),
                repeat,
            )
            times[kind][workers] = wall
            if cpu is not None:
                cpu.setdefault(kind, {})[workers] = (here, children)
    return serial, times


# taught: end


# book: 2nd ed. code, "pi_graph_speed_tests.py" (the plot)
def plot(serial, times, path, title="Pure-Python pi: threads stay at the serial time, processes divide it"):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5))
    for kind, color in (("threads", "tab:red"), ("processes", "tab:blue")):
        ours = times[kind]
        ax.plot(
            list(ours),
            [t / serial for t in ours.values()],
            marker="o",
            color=color,
            label=f"{kind}, this machine",
        )
        book = BOOK_TIMES[kind]
        ax.plot(
            list(book),
            [t / BOOK_SERIAL for t in book.values()],
            marker="s",
            linestyle="--",
            color=color,
            alpha=0.5,
            label=f"{kind}, the book (4 cores)",
        )
    ax.axhline(1, color="grey", linewidth=0.8)
    ax.set_xlabel("workers")
    ax.set_ylabel("time / serial time")
    ax.set_title(title, fontsize=10)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# book: end


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


def compare_with_the_book(nbr_samples, max_workers, repeat, path):
    """Time serial, threads and processes, print each time and its speedup, write them beside the PNG
    (``pi_speed_tests.csv``) and plot them to ``path`` under a title that states what they show."""
    import csv

    cpu = {}
    serial, times = speed_tests(nbr_samples, max_workers, repeat, cpu=cpu)
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


SMOKE_ARGS = ["--samples", "40000", "--workers", "2"]


def main(argv=None):
    import os

    from _pi_common import add_samples_argument

    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(__doc__)
    add_samples_argument(parser, help="darts per run (the book: 1e8)")
    cores = min(8, os.cpu_count() or 1)
    parser.add_argument("--workers", type=positive_int, default=cores, help="time 1 ... this many workers")
    parser.add_argument("--repeat", type=positive_int, default=1, help="runs per point, best kept")
    parser.add_argument("--output-dir", type=writable_dir, help="where the PNG goes")
    args = parser.parse_args(argv)
    path = output_dir("09_multiprocessing", args.output_dir) / "pi_speed_tests.png"
    compare_with_the_book(args.samples, args.workers, args.repeat, path)


if __name__ == "__main__":
    main()
