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

# taught: 2nd ed., "Using Python Objects": processes past the physical cores add little
import os
import time


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


def main(argv=None):
    from _pi_figures import run_more_workers

    run_more_workers(__doc__, time_by_workers, argv)


if __name__ == "__main__":
    main()
