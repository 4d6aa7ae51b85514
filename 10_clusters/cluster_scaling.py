"""Pi on 1 ... N workers of a Pool, Dask, IPython Parallel and Parallel Python, measured.

Chapter 10, "Clusters and Job Queues": a cluster pays for starting its
processes and for every task it ships; the work must be large enough to hide
both. The same seeded pure-Python dart task (``_clusters_common.darts_inside``)
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

import argparse
import math
import multiprocessing
import time

import _clusters_common as common

from hpp.script import (
    comma_choices,
    example_parser,
    existing_file,
    fail,
    output_dir,
    positive_int,
    reachable_address,
    seed,
    writable_dir,
)
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
JOINED_LABELS = {"dask": "Dask scheduler", "ipython": "IPython Parallel", "pp": "Parallel Python"}
CONNECT_TIMEOUT_S = 30
# (label, workers, darts, seconds low, seconds high)
BOOK = [
    ("the book (3e): IPython Parallel, 4 engines", 4, 1e8, 20.7, 24.5),
    ("the book (1e): Parallel Python, 2 + 2 CPUs", 4, 4e8, 346.0, 346.0),
]


class ClusterTooSmall(RuntimeError):
    """A cluster given on the command line has fewer workers than ``--workers``."""


def join(engine, address, workers, stack):
    """``run(darts, seeds) -> counts`` on ``workers`` workers of the running cluster at ``address``."""
    darts_inside = common.darts_inside
    if engine == "dask":
        from dask.distributed import Client

        client = stack.enter_context(Client(address, timeout=CONNECT_TIMEOUT_S))
        chosen = sorted(client.scheduler_info()["workers"])[:workers]
        if len(chosen) < workers:
            raise ClusterTooSmall(f"--workers {workers}: the Dask cluster at {address} has {len(chosen)}")

        def task(nbr_darts, seed):  # a local function: distributed sends it with cloudpickle, as code
            return darts_inside(nbr_darts, seed)

        return lambda darts, seeds: client.gather(
            client.map(task, darts, seeds, pure=False, workers=chosen, allow_other_workers=False)
        )
    if engine == "ipython":
        import ipyparallel as ipp

        client = stack.enter_context(ipp.Client(str(address), timeout=CONNECT_TIMEOUT_S))
        if len(client.ids) < workers:
            raise ClusterTooSmall(
                f"--workers {workers}: the IPython cluster of {address} has {len(client.ids)}"
            )
        client[:].use_cloudpickle()
        view = client.load_balanced_view(targets=client.ids[:workers])
        return lambda darts, seeds: view.map_sync(darts_inside, darts, seeds)
    import logging

    import pp

    servers, secret = address
    job_server = pp.Server(ncpus=0, ppservers=tuple(servers), secret=secret, loglevel=logging.CRITICAL)
    stack.callback(job_server.destroy)
    deadline = time.monotonic() + CONNECT_TIMEOUT_S
    while sum(job_server.get_active_nodes().values()) < workers and time.monotonic() < deadline:
        time.sleep(0.05)
    found = sum(job_server.get_active_nodes().values())
    if found < workers:
        raise ClusterTooSmall(f"--workers {workers}: the ppservers {','.join(servers)} answered with {found}")
    return lambda darts, seeds: [
        job() for job in [job_server.submit(darts_inside, (n, s)) for n, s in zip(darts, seeds)]
    ]


def start(engine, workers, stack, joined=None):
    """A function ``run(darts, seeds) -> counts`` on ``workers`` workers of ``engine``.

    ``joined`` maps an engine to the address of a running cluster to use instead.
    """
    darts_inside = common.darts_inside
    if joined and engine in joined:
        common.ship_by_value(common)
        return join(engine, joined[engine], workers, stack)
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


# taught: add workers and test whether the jobs go that many times faster than one process
def measure(engines, max_workers, total_darts, repeat, seed_value, joined=None):
    """Rows (engine's label, workers, seconds, start seconds) and the serial seconds; counts checked."""
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
                run = start(engine, workers, stack, joined)
                run(darts[:1], seeds[:1])  # the workers are up and have the task
                start_s = time.perf_counter() - started
                seconds, counts = best_of(repeat, run, darts, seeds)
            if list(counts) != expected:
                raise AssertionError(
                    f"{engine} with {workers} workers: counts {counts} differ from this process's {expected}"
                )
            label = JOINED_LABELS[engine] if joined and engine in joined else LABELS[engine]
            rows.append((label, workers, seconds, start_s))
            print(
                f"{label:<22} {workers:>7} {seconds:>9.3f} {serial_s / seconds:>8.2f} {start_s:>8.2f}",
                flush=True,
            )
    return serial_s, rows, common.pi_from_counts(counts, total_darts)


# taught: end


def plot(path, serial_s, rows, total_darts):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (rate_axes, speed_axes) = plt.subplots(1, 2, figsize=(11, 4.5))
    for label in dict.fromkeys(row[0] for row in rows):
        mine = [(workers, seconds) for name, workers, seconds, _ in rows if name == label]
        workers = [w for w, _ in mine]
        rate_axes.plot(workers, [total_darts / s / 1e6 for _, s in mine], marker="o", label=f"{label} (here)")
        speed_axes.plot(workers, [serial_s / s for _, s in mine], marker="o", label=label)
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


def scaling_table(engines, max_workers, total_darts, repeat, seed_value, joined=None):
    """Print seconds and speed-ups per engine and number of workers, and pi; return (serial_s, rows)."""
    print(f"{'engine':<22} {'workers':>7} {'seconds':>9} {'speed-up':>8} {'start s':>8}")
    serial_s, rows, pi = measure(engines, max_workers, total_darts, repeat, seed_value, joined)
    print(f"{'one process':<22} {1:>7} {serial_s:>9.3f} {1:>8.2f}")
    print(f"pi estimate = {pi:.5f}")
    return serial_s, rows


def _servers(text):
    """argparse type: ``HOST:PORT,...`` of ppservers that answer."""
    return [reachable_address(item.strip()) for item in text.split(",")]


def _secret(text):
    """argparse type: a pp secret: printable, no spaces."""
    if not text or not text.isprintable() or any(char.isspace() for char in text):
        raise argparse.ArgumentTypeError(f"expected printable characters without spaces, got {text!r}")
    return text


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
    parser.add_argument(
        "--scheduler", type=reachable_address, help="join this Dask scheduler, tcp://HOST:PORT"
    )
    parser.add_argument(
        "--url-file", type=existing_file, help="join the IPython cluster of this connection file"
    )
    parser.add_argument("--servers", type=_servers, help="join these ppservers, HOST:PORT,...")
    parser.add_argument("--secret", type=_secret, help="the ppservers' -s SECRET (with --servers)")
    args = parser.parse_args(argv)
    if (args.servers is None) != (args.secret is None):
        fail("--servers and --secret go together")
    joined = {
        "dask": args.scheduler,
        "ipython": args.url_file,
        "pp": args.servers and (args.servers, args.secret),
    }
    joined = {engine: address for engine, address in joined.items() if address}
    for engine, flag in (("dask", "--scheduler"), ("ipython", "--url-file"), ("pp", "--servers")):
        if engine in joined and engine not in args.engines:
            fail(f"{flag} names a cluster for the {engine} engine, which --engines leaves out")
    try:
        serial_s, rows = scaling_table(
            args.engines, args.workers, args.samples, args.repeat, args.seed, joined
        )
    except (ClusterTooSmall, OSError, TimeoutError) as error:
        fail(error)
    path = output_dir("10_clusters", args.output_dir) / "cluster_scaling.png"
    plot(path, serial_s, rows, args.samples)
    print(f"saved {path}")


if __name__ == "__main__":
    main()
