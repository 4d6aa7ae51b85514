"""Pi with threads, with and without the GIL ("Where did the GIL go?", 3rd edition).

The GIL lets one thread at a time run Python bytecode, so a CPU-bound
pure-Python job split over threads takes as long as on one thread. PEP 703's
free-threaded build of CPython (3.13+, ``python3.13t``) drops the GIL;
``sys._is_gil_enabled()`` says which one is running. The job is the Monte Carlo
pi of chapter 9: each thread throws its share of darts at the unit square with
its own seeded generator, so the count (and ``pi estimate``) is the same
whatever the threads' order, and only the time changes.

The script runs the job on 1 thread and on ``--threads`` threads in this
interpreter (GIL: about the same time), then, if a free-threaded CPython is on
the PATH (``python3.14t``, ``python3.13t``) or named with ``--python PATH``,
runs it there too (no GIL: close to ``--threads`` times faster on as many
cores). Without one it says in one line what to install.

Run (section "The future of Python"):
    python 01_understanding/free_threaded_pi.py
    python 01_understanding/free_threaded_pi.py --python ~/.pyenv/versions/3.13.0t/bin/python3.13t
"""

import random
import sys
import threading
import time

SMOKE_ARGS = ["--samples", "20000", "--threads", "2", "--here-only"]


# taught: the GIL: CPU-bound Python threads take turns; PEP 703's build runs them at once
def estimate_nbr_points_in_quarter_circle(nbr_estimates, seed=0):
    """How many of ``nbr_estimates`` random darts in the unit square land in the quarter circle."""
    rng = random.Random(seed)
    nbr_trials_in_quarter_unit_circle = 0
    for _ in range(int(nbr_estimates)):
        x = rng.uniform(0, 1)
        y = rng.uniform(0, 1)
        is_in_unit_circle = x * x + y * y <= 1.0
        nbr_trials_in_quarter_unit_circle += is_in_unit_circle
    return nbr_trials_in_quarter_unit_circle


def estimate_pi_with_threads(nbr_samples, nbr_threads, seed=0):
    """Split the darts over ``nbr_threads`` threads (thread i seeded ``seed + i``); (pi, hits)."""
    per_thread = nbr_samples // nbr_threads
    hits = [0] * nbr_threads

    def work(index):
        hits[index] = estimate_nbr_points_in_quarter_circle(per_thread, seed + index)

    threads = [threading.Thread(target=work, args=(index,)) for index in range(nbr_threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return 4 * sum(hits) / (per_thread * nbr_threads), sum(hits)


def gil_enabled():
    """``sys._is_gil_enabled()`` where it exists (3.13+); before 3.13 the GIL is always on."""
    return getattr(sys, "_is_gil_enabled", lambda: True)()


# taught: end


def run_here(samples, threads, seed):
    """Time the job on one thread and on ``threads`` threads in this interpreter."""
    version = ".".join(map(str, sys.version_info[:3]))
    print(f"Python {version}, GIL enabled: {gil_enabled()}")
    timings = {}
    for count in (1, threads):
        start = time.perf_counter()
        pi, hits = estimate_pi_with_threads(samples, count, seed)
        timings[count] = time.perf_counter() - start
        print(f"{count} thread(s): {timings[count]:.2f} s, darts inside = {hits}, pi estimate = {pi:.5f}")
    print(f"{threads} threads ran {timings[1] / timings[threads]:.2f}x as fast as 1")


def compare_interpreters(samples, threads, seed, python=None, here_only=False):
    """Run the job here; then, unless ``here_only`` or already without the GIL, in a free-threaded CPython.

    Returns the exit status (the other interpreter's, when it ran).
    """
    import os
    import subprocess
    from pathlib import Path

    import _future

    run_here(samples, threads, seed)
    if here_only or not gil_enabled():
        return 0
    python = python or _future.find(_future.FREE_THREADED_NAMES, _future.is_free_threaded)
    if python is None:
        print(
            "No free-threaded CPython found: install python3.13t or python3.14t "
            "(pyenv install 3.13t, or python.org's free-threaded build) or pass --python PATH"
        )
        return 0
    print(f"\nThe same job in {python}:", flush=True)
    repo = str(Path(__file__).resolve().parent.parent)
    path = os.pathsep.join(filter(None, [repo, os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, PYTHON_GIL="0", PYTHONPATH=path)
    command = [python, __file__, "--here-only", "--samples", str(samples), "--threads", str(threads)]
    return subprocess.run([*command, "--seed", str(seed)], env=env).returncode


def main(argv=None):
    import _future

    from hpp.script import example_parser, positive_int, seed

    free_threaded = _future.interpreter_type(_future.is_free_threaded, "a free-threaded CPython 3.13+")
    parser = example_parser(__doc__)
    parser.add_argument("--samples", type=positive_int, default=4_000_000, help="darts in all")
    parser.add_argument("--threads", type=positive_int, default=4, help="threads for the split run")
    parser.add_argument("--seed", type=seed, default=0, help="seed of the first thread's generator")
    parser.add_argument(
        "--python", type=free_threaded, help="a free-threaded interpreter to run the job in too"
    )
    parser.add_argument("--here-only", action="store_true", help="run in this interpreter only")
    args = parser.parse_args(argv)
    status = compare_interpreters(args.samples, args.threads, args.seed, args.python, args.here_only)
    if status:
        raise SystemExit(status)


if __name__ == "__main__":
    main()
