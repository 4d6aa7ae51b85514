"""Pi on 1 ... N workers of a Pool, Dask, IPython Parallel and Parallel Python, measured.

Chapter 10, "Clusters and Job Queues": a cluster pays for starting its
processes and for every task it ships; the work must be large enough to hide
both. The same seeded pure-Python dart task (``_clusters_common.darts_inside``)
is split into one task per worker and run on a ``multiprocessing`` Pool, a Dask
``LocalCluster``, IPython Parallel engines and a Parallel Python ``pp.Server``
(which ships the task as source text), for 1 ... ``--workers`` workers.
Each time is the best of ``--repeat`` runs; starting the engine is not timed
but printed. Every engine must return the counts this process computes.

The book's numbers drawn beside ours, as darts per second: 10^8 darts on 4
IPython Parallel engines in 20.7-24.5 s (3rd edition's chapter_recipe), and
4 x 10^8 darts on a Parallel Python cluster of 2 + 2 CPUs over the network in
346 s (1st edition).

Run (from this folder):
    python cluster_scaling.py                          # 4,000,000 darts, 1-4 workers
    python cluster_scaling.py --samples 400000 --workers 2 --engines pool,dask,pp
    (writes cluster_scaling.png under results/10_clusters, or --output-dir)
"""

import math
import multiprocessing
import time

import _clusters_common as common

from hpp.script import comma_choices, example_parser, output_dir, positive_int, seed, writable_dir
from hpp.service import local_dask_client

REQUIRES = ("dask", "distributed", "ipyparallel", "pp")
SMOKE_ARGS = ["--engines", "pool,dask", "--workers", "2", "--samples", "20000", "--repeat", "1"]

ENGINES = ("pool", "dask", "ipython", "pp")
LABELS = {
    "pool": "multiprocessing Pool",
    "dask": "Dask LocalCluster",
    "ipython": "IPython Parallel",
    "pp": "Parallel Python",
}
# (label, workers, darts, seconds low, seconds high)
BOOK = [
    ("the book (3e): IPython Parallel, 4 engines", 4, 1e8, 20.7, 24.5),
    ("the book (1e): Parallel Python, 2 + 2 CPUs", 4, 4e8, 346.0, 346.0),
]


def start(engine, workers, stack):
    """A function ``run(darts, seeds) -> counts`` on ``workers`` workers of ``engine``."""
    darts_inside = common.darts_inside
    if engine == "pool":
        pool = stack.enter_context(multiprocessing.get_context("spawn").Pool(workers))
        return lambda darts, seeds: pool.starmap(darts_inside, zip(darts, seeds), chunksize=1)
    if engine == "pp":
        import pp

        job_server = pp.Server(ncpus=workers)
        stack.callback(job_server.destroy)
        return lambda darts, seeds: [
            job() for job in [job_server.submit(darts_inside, (n, s)) for n, s in zip(darts, seeds)]
        ]
    common.ship_by_value(common)
    if engine == "dask":
        client = stack.enter_context(local_dask_client(workers=workers))
        return lambda darts, seeds: client.gather(client.map(darts_inside, darts, seeds, pure=False))
    view = stack.enter_context(common.ipython_client(engines=workers)).load_balanced_view()
    return lambda darts, seeds: view.map_sync(darts_inside, darts, seeds)


def best_of(repeat, function, *args):
    """(best seconds, result) of ``repeat`` calls."""
    best, result = math.inf, None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - started)
    return best, result


def measure(engines, max_workers, total_darts, repeat, seed_value):
    """Rows (engine, workers, seconds, start seconds) and the serial seconds; counts checked."""
    import contextlib

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
            rows.append((engine, workers, seconds, start_s))
            print(
                f"{LABELS[engine]:<22} {workers:>7} {seconds:>9.3f} {serial_s / seconds:>8.2f} "
                f"{start_s:>8.2f}",
                flush=True,
            )
    return serial_s, rows, common.pi_from_counts(counts, total_darts)


def plot(path, serial_s, rows, total_darts):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (rate_axes, speed_axes) = plt.subplots(1, 2, figsize=(11, 4.5))
    for engine in dict.fromkeys(row[0] for row in rows):
        mine = [(workers, seconds) for name, workers, seconds, _ in rows if name == engine]
        workers = [w for w, _ in mine]
        rate_axes.plot(
            workers, [total_darts / s / 1e6 for _, s in mine], marker="o", label=f"{LABELS[engine]} (here)"
        )
        speed_axes.plot(workers, [serial_s / s for _, s in mine], marker="o", label=LABELS[engine])
    rate_axes.axhline(total_darts / serial_s / 1e6, color="grey", linestyle=":", label="one process (here)")
    for (label, workers, darts, low, high), marker in zip(BOOK, ("s", "D")):
        middle = darts / ((low + high) / 2) / 1e6
        rate_axes.errorbar(
            [workers],
            [middle],
            marker=marker,
            linestyle="none",
            capsize=4,
            yerr=[[middle - darts / high / 1e6], [darts / low / 1e6 - middle]],
            label=label,
        )
    top = max(row[1] for row in rows)
    speed_axes.plot([1, top], [1, top], color="grey", linestyle="--", label="ideal")
    rate_axes.set(
        xlabel="workers", ylabel="million darts per second", title=f"Pure-Python pi, {total_darts:,} darts"
    )
    speed_axes.set(
        xlabel="workers",
        ylabel="speed-up over one process",
        title=f"Speed-up ({multiprocessing.cpu_count()} CPUs here)",
    )
    for axes in (rate_axes, speed_axes):
        axes.legend(fontsize="small")
        axes.xaxis.get_major_locator().set_params(integer=True)
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)


def scaling_table(engines, max_workers, total_darts, repeat, seed_value):
    """Print seconds and speed-ups per engine and number of workers, and pi; return (serial_s, rows)."""
    print(f"{'engine':<22} {'workers':>7} {'seconds':>9} {'speed-up':>8} {'start s':>8}")
    serial_s, rows, pi = measure(engines, max_workers, total_darts, repeat, seed_value)
    print(f"{'one process':<22} {1:>7} {serial_s:>9.3f} {1:>8.2f}")
    print(f"pi estimate = {pi:.5f}")
    return serial_s, rows


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument("--samples", type=positive_int, default=4_000_000, help="darts per run")
    parser.add_argument("--workers", type=positive_int, default=4, help="each engine runs 1 ... N workers")
    parser.add_argument(
        "--engines", type=comma_choices(*ENGINES), default=list(ENGINES), help="comma-separated"
    )
    parser.add_argument("--repeat", type=positive_int, default=3, help="runs per point (best)")
    parser.add_argument("--seed", type=seed, default=1, help="random seed")
    parser.add_argument("--output-dir", type=writable_dir, help="folder for cluster_scaling.png")
    args = parser.parse_args(argv)
    serial_s, rows = scaling_table(args.engines, args.workers, args.samples, args.repeat, args.seed)
    path = output_dir("10_clusters", args.output_dir) / "cluster_scaling.png"
    plot(path, serial_s, rows, args.samples)
    print(f"saved {path}")


if __name__ == "__main__":
    main()
