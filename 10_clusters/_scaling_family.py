"""cluster_scaling.py's driver (not a book example): the engines joined, the table, the figure, the flags.

``scaling_main(doc, start, measure, argv)`` parses the flags, makes ``start``
join a running cluster where one is named (``--scheduler``, ``--url-file``,
``--servers``/``--secret``), prints the table row by row as ``measure`` reports
each, pi once (``hpp.printout``), and draws ``cluster_scaling.png`` beside the
book's numbers.
"""

import argparse
import multiprocessing
import time

from hpp import clusters as common
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
    common.ship_by_value(common)
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


def start_or_join(start, joined):
    """``start(engine, workers, stack)``, or, for an engine in ``joined``, ``join`` its cluster."""

    def start_engine(engine, workers, stack):
        if engine in joined:
            return join(engine, joined[engine], workers, stack)
        return start(engine, workers, stack)

    return start_engine


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


def _servers(text):
    """argparse type: ``HOST:PORT,...`` of ppservers that answer."""
    return [reachable_address(item.strip()) for item in text.split(",")]


def _secret(text):
    """argparse type: a pp secret: printable, no spaces."""
    if not text or not text.isprintable() or any(char.isspace() for char in text):
        raise argparse.ArgumentTypeError(f"expected printable characters without spaces, got {text!r}")
    return text


def scaling_main(doc, start, measure, argv=None):
    """cluster_scaling.py's ``main``: ``measure`` each engine ``start`` makes (or joins), print, plot."""
    from hpp.printout import print_pi_estimate

    parser = example_parser(doc)
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

    def show(engine, workers, seconds, start_s, serial_s):
        label = JOINED_LABELS[engine] if engine in joined else LABELS[engine]
        speedup = serial_s / seconds
        print(f"{label:<22} {workers:>7} {seconds:>9.3f} {speedup:>8.2f} {start_s:>8.2f}", flush=True)
        return label

    print(f"{'engine':<22} {'workers':>7} {'seconds':>9} {'speed-up':>8} {'start s':>8}")
    try:
        sizes = (args.engines, args.workers, args.samples, args.repeat, args.seed)
        serial_s, rows, pi = measure(*sizes, start_or_join(start, joined), show)
    except (ClusterTooSmall, OSError, TimeoutError) as error:
        fail(error)
    print(f"{'one process':<22} {1:>7} {serial_s:>9.3f} {1:>8.2f}")
    print_pi_estimate(pi)
    path = output_dir("10_clusters", args.output_dir) / "cluster_scaling.png"
    plot(path, serial_s, rows, args.samples)
    print(f"saved {path}")
