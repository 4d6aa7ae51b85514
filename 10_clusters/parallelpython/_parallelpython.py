"""Start or join Parallel Python servers for the chapter 10 pp examples (not a book example).

- ``ppserver_addresses``: the argparse type of ``--servers``: ``HOST:PORT,...`` (a bare
  ``HOST`` means pp's default port 60000), each answering a TCP connection, checked
  before any work; ``secret_text`` checks ``--secret``;
- ``local_ppservers(nodes, workers, secret)``: ``ppserver -p PORT -s SECRET -i 127.0.0.1
  -w WORKERS`` on free loopback ports, the command one runs on each worker machine;
  every server is stopped and waited for on exit;
- ``servers_or_local``: the servers given on the command line, or local ones;
- ``split_darts``, ``print_pi``: the shares of the darts and the result lines that the
  chapter's other pi scripts print (pi itself through ``hpp.printout``);
- ``local_main``, ``cluster_main``: the drivers of ``pi_pp_local.py`` and
  ``pi_pp_local_cluster.py`` (their flags, the servers, one line on an error).
"""

import argparse
import contextlib
import math
import secrets
import shutil
import socket
import sys
from pathlib import Path

from hpp.script import example_parser, non_negative_int, positive_int
from hpp.service import ServiceError, running_service

DEFAULT_PORT = 60000  # pp.Server.default_port
PROBE_TIMEOUT_S = 2


class ClusterUnreachable(RuntimeError):
    """The servers do not answer, or do not accept the secret."""


def ppserver_addresses(text):
    """argparse type: ``HOST:PORT[,HOST:PORT...]`` of servers that answer now (bare HOST: port 60000)."""
    addresses = []
    for item in (part.strip() for part in text.split(",")):
        host, _, port = item.partition(":")
        port = int(port) if port.isdigit() else DEFAULT_PORT if not port else -1
        if not host or "/" in item or not 0 < port < 65536:
            raise argparse.ArgumentTypeError(f"expected HOST:PORT[,HOST:PORT...], got {text!r}")
        try:
            with socket.create_connection((host, port), timeout=PROBE_TIMEOUT_S):
                pass
        except OSError as error:
            raise argparse.ArgumentTypeError(
                f"cannot reach a ppserver at {host}:{port} ({error.strerror or error})"
            ) from None
        addresses.append(f"{host}:{port}")
    return addresses


def secret_text(text):
    """argparse type: a pp secret: printable, no spaces, not starting with '-' (ppserver's -s reads
    such a secret as a flag)."""
    if not text or not text.isprintable() or any(char.isspace() for char in text) or text.startswith("-"):
        raise argparse.ArgumentTypeError(
            f"expected printable characters without spaces, not starting with '-', got {text!r}"
        )
    return text


def cluster_parser(doc, default_samples):
    """The flags of the cluster example: the darts, the seed, and the servers to join or start."""
    parser = example_parser(doc)
    parser.add_argument("--samples", type=positive_int, default=default_samples, help="total darts")
    parser.add_argument("--seed", type=non_negative_int, help="seed (default: each job seeds itself)")
    parser.add_argument("--servers", type=ppserver_addresses, help="ppservers to join: HOST:PORT,...")
    parser.add_argument("--secret", type=secret_text, help="the ppservers' -s SECRET (default: a random one)")
    parser.add_argument("--workers", type=positive_int, default=2, help="ppservers to start (no --servers)")
    parser.add_argument(
        "--server-workers", type=positive_int, default=1, help="worker processes of each ppserver started"
    )
    return parser


def ppserver_program():
    """The ``ppserver`` command of this interpreter's environment (else the PATH's), or None."""
    beside = Path(sys.executable).parent / "ppserver"
    return str(beside) if beside.is_file() else shutil.which("ppserver")


@contextlib.contextmanager
def local_ppservers(nodes, workers=1, secret=None):
    """Start ``nodes`` ppservers on 127.0.0.1; yield their ``HOST:PORT`` list; stop them on exit."""
    program = ppserver_program()
    if program is None:
        raise ClusterUnreachable("the ppserver command is missing: pip install 'pp>=1.7'")
    with contextlib.ExitStack() as stack:
        addresses = []
        for _ in range(nodes):
            command = [program, "-p", "{port}", "-s", secret, "-i", "{host}", "-w", str(workers), "-q"]
            try:
                service = stack.enter_context(running_service(command))
            except ServiceError as error:
                raise ClusterUnreachable(f"could not start a local ppserver: {error}") from None
            addresses.append(f"{service.host}:{service.port}")
        yield addresses


@contextlib.contextmanager
def servers_or_local(servers, secret, nodes, workers):
    """``(servers, secret)``: the ones given, or ``nodes`` local ppservers started (and stopped) here."""
    if servers:
        yield servers, secret
        return
    secret = secret or secrets.token_hex(16)
    with local_ppservers(nodes, workers, secret) as addresses:
        print(f"started {nodes} ppservers: ppserver -p PORT -s SECRET -i 127.0.0.1 -w {workers}")
        yield addresses, secret


def split_darts(total, parts):
    """``parts`` dart counts that add up to exactly ``total`` (the first ones get the remainder)."""
    base, extra = divmod(int(total), int(parts))
    return [base + (1 if i < extra else 0) for i in range(parts)]


def job_seeds(seed, parts):
    """One seed per job (None when ``seed`` is None: each job seeds itself from the OS)."""
    return [None if seed is None else seed * 1_000_003 + i for i in range(parts)]


def pi_standard_error(total):
    """The standard error of the Monte Carlo estimate: 4 * sqrt(p(1-p)/N), p = pi/4."""
    p = math.pi / 4
    return 4.0 * math.sqrt(p * (1 - p) / total)


def print_pi(nbr_in_unit_circles, nbr_samples_in_total, seconds):
    """The counts, pi, its error and the time, one per line; return pi."""
    from hpp.printout import print_pi_estimate

    pi = 4.0 * sum(nbr_in_unit_circles) / nbr_samples_in_total
    print("Estimates made:", nbr_in_unit_circles)
    print(f"darts inside = {sum(nbr_in_unit_circles)} of {nbr_samples_in_total}")
    print_pi_estimate(pi)
    print(
        f"standard error = {pi_standard_error(nbr_samples_in_total):.2g}, "
        f"|pi estimate - pi| = {abs(pi - math.pi):.2g}"
    )
    print(f"calculation = {seconds:.2f} s")
    return pi


def local_main(doc, run_pi_local, default_workers, default_samples, argv=None):
    """pi_pp_local.py's ``main``: ``run_pi_local(workers, samples, seed)``."""
    parser = example_parser(doc)
    parser.add_argument(
        "--workers", type=positive_int, default=default_workers, help="local worker processes"
    )
    parser.add_argument("--samples", type=positive_int, default=int(default_samples), help="total darts")
    parser.add_argument("--seed", type=non_negative_int, help="seed (default: each job seeds itself)")
    args = parser.parse_args(argv)
    return run_pi_local(args.workers, args.samples, args.seed)


def cluster_main(doc, run_pi_cluster, default_samples, argv=None):
    """pi_pp_local_cluster.py's ``main``: join or start ppservers, then ``run_pi_cluster``."""
    from hpp.script import fail

    args = cluster_parser(doc, int(default_samples)).parse_args(argv)
    try:
        with servers_or_local(args.servers, args.secret, args.workers, args.server_workers) as (
            servers,
            secret,
        ):
            return run_pi_cluster(servers, secret, args.samples, args.seed)
    except (ClusterUnreachable, ConnectionError) as error:
        fail(error)
