"""Pi on 1 ... N workers of a Pool, Dask, IPython Parallel and Parallel Python, measured.

Chapter 10, "Clusters and Job Queues": a cluster pays for starting its
processes and for every task it ships; the work must be large enough to hide
both. The same seeded pure-Python dart task (``hpp.clusters.darts_inside``)
is split into one task per worker and run on a ``multiprocessing`` Pool, a Dask
``LocalCluster``, IPython Parallel engines and a Parallel Python ``pp.Server``
(which ships the task as source text), for 1 ... ``--workers`` workers.
Each time is the best of ``--repeat`` runs; starting the engine is not timed
but printed. Every engine must return the counts this process computes.

Each engine but the Pool can join a cluster that is already running, on this
machine or others, instead of starting one: ``--scheduler tcp://HOST:8786``
(``dask scheduler`` and ``dask worker``), ``--url-file
.../security/ipcontroller-client.json`` (``ipcontroller`` and ``ipengine``),
``--servers HOST:PORT,... --secret SECRET`` (``ppserver``). N workers are then N
of its workers (Dask's first N worker addresses, IPython's engines 0 ... N-1;
pp hands the N jobs to the servers' free workers), the "start s" column is the
time to connect, and nothing is stopped at the end.

The book's numbers drawn beside ours, as darts per second: 10^8 darts on 4
IPython Parallel engines in 20.7-24.5 s (3rd edition's chapter_recipe), and
4 x 10^8 darts on a Parallel Python cluster of 2 + 2 CPUs over the network in
346 s (1st edition).

Run (from this folder):
    python cluster_scaling.py                          # 4,000,000 darts, 1-4 workers
    python cluster_scaling.py --samples 400000 --workers 2 --engines pool,dask,pp
    python cluster_scaling.py --engines dask --scheduler tcp://HEAD:8786 --workers 8
    (writes cluster_scaling.png under results/10_clusters, or --output-dir)
"""

# taught: "Clusters and Job Queues": the same task on each engine the chapter names
import contextlib
import math
import multiprocessing
import time

from hpp import clusters as common


def start(engine, workers, stack):
    """A function ``run(darts, seeds) -> counts`` on ``workers`` new workers of ``engine``."""
    darts_inside = common.darts_inside
    if engine == "pool":
        pool = stack.enter_context(multiprocessing.get_context("spawn").Pool(workers))
        return lambda darts, seeds: pool.starmap(darts_inside, zip(darts, seeds), chunksize=1)
    if engine == "pp":  # Parallel Python ships the function's source text
        import pp

        job_server = pp.Server(ncpus=workers)
        stack.callback(job_server.destroy)
        return lambda darts, seeds: [
            job() for job in [job_server.submit(darts_inside, (n, s)) for n, s in zip(darts, seeds)]
        ]
    common.ship_by_value(common)  # Dask and IPython Parallel send it pickled, as code
    if engine == "dask":
        from hpp.service import local_dask_client

        client = stack.enter_context(local_dask_client(workers=workers))
        return lambda darts, seeds: client.gather(client.map(darts_inside, darts, seeds, pure=False))
    view = stack.enter_context(common.ipython_client(engines=workers)).load_balanced_view()
    return lambda darts, seeds: view.map_sync(darts_inside, darts, seeds)


# taught: end


# taught: add workers and test whether the jobs go that many times faster than one process
def best_of(repeat, function, *args):
    """(best seconds, result) of ``repeat`` calls."""
    best, result = math.inf, None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - started)
    return best, result


def measure(engines, max_workers, total_darts, repeat, seed_value, start, show):
    """Rows (engine's label, workers, seconds, start seconds), the serial seconds and pi; counts checked.

    ``show(engine, workers, seconds, start seconds, serial seconds)`` prints a row and returns its label.
    """
    serial_s, counts = best_of(repeat, lambda: [common.darts_inside(total_darts, seed_value)])
    rows = []
    for engine in engines:
        for workers in range(1, max_workers + 1):
            darts = common.split_darts(total_darts, workers)
            seeds = common.task_seeds(seed_value, workers)
            expected = [common.darts_inside(n, s) for n, s in zip(darts, seeds)]
            with contextlib.ExitStack() as stack:
                started = time.perf_counter()
                run = start(engine, workers, stack)
                run(darts[:1], seeds[:1])  # the workers are up and have the task
                start_s = time.perf_counter() - started
                seconds, counts = best_of(repeat, run, darts, seeds)
            if list(counts) != expected:
                raise AssertionError(
                    f"{engine} with {workers} workers: counts {counts} differ from this process's {expected}"
                )
            label = show(engine, workers, seconds, start_s, serial_s)
            rows.append((label, workers, seconds, start_s))
    return serial_s, rows, common.pi_from_counts(counts, total_darts)


# taught: end


def main(argv=None):
    from _scaling_family import scaling_main

    scaling_main(__doc__, start, measure, argv)


if __name__ == "__main__":
    main()
