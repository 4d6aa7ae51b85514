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

# book: 2nd ed. code, "pi_graph_speed_tests.py" (the book's timings)
BOOK_SERIAL = 71.1
BOOK_TIMES = {
    "threads": {1: 71.1, 2: 71.0, 4: 70.7, 8: 71.0},
    "processes": {1: 71.0, 2: 37.1, 4: 18.1, 8: 18.7},
}


# book: end


# taught: 2nd ed., "Introduction" (chapter 9): threads share one GIL, processes each have their own
def speed_tests(nbr_samples, max_workers, repeat=1, seed=0, cpu=None):
    """``(serial seconds, {"threads": {n: s}, "processes": {n: s}})``; ``cpu`` (a dict) gets the
    CPU seconds of each run, ``cpu[kind][n] = (here, in child processes)``."""
    import pi_lists_parallel
    from _pi_figures import best_run, best_time

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


def main(argv=None):
    from _pi_figures import run_speed_tests

    run_speed_tests(__doc__, speed_tests, plot, argv)


if __name__ == "__main__":
    main()
