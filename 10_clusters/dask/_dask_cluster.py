"""Start or join a Dask cluster for the chapter 10 Dask examples (not a book example).

- ``dask_client(scheduler, workers)``: a ``distributed.Client`` to an existing
  scheduler, or to a new ``LocalCluster`` on 127.0.0.1 that is closed on exit;
- ``scheduler_address``: the argparse type of ``--scheduler``: ``tcp://HOST:PORT``
  (or ``HOST:PORT``) that answers within two seconds, checked before any work;
  ``add_cluster_arguments`` adds ``--workers`` and ``--scheduler`` to a parser;
- ``dashboard_line``, ``ship_by_value`` (cluster workers cannot import a chapter
  file, so the functions sent to them are pickled by value with cloudpickle);
- ``clusters_common``: ``hpp.clusters``, shipped by value (the seeded dart task
  every engine runs), one folder up, loaded once under its own name;
- ``make_ols_frame``: the generated phone-use data of the OLS example.
"""

import argparse
import contextlib
import socket
from urllib.parse import urlsplit

CONNECT_TIMEOUT_S = 10
PROBE_TIMEOUT_S = 2


def scheduler_address(text):
    """argparse type: a Dask scheduler address that answers (``tcp://HOST:PORT`` or ``HOST:PORT``)."""
    address = text if "://" in text else f"tcp://{text}"
    parts = urlsplit(address)
    if parts.scheme != "tcp":
        raise argparse.ArgumentTypeError(
            f"expected tcp://HOST:PORT (a Dask scheduler speaks tcp, not {parts.scheme}): {text!r}"
        )
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if not host or not port or parts.path not in ("", "/"):
        raise argparse.ArgumentTypeError(f"expected tcp://HOST:PORT, got {text!r}")
    try:
        with socket.create_connection((host, port), timeout=PROBE_TIMEOUT_S):
            pass
    except OSError as error:
        raise argparse.ArgumentTypeError(
            f"cannot reach a scheduler at {host}:{port} ({error.strerror or error})"
        ) from None
    return f"tcp://{host}:{port}"


def add_cluster_arguments(parser):
    """``--workers`` (of the local cluster) and ``--scheduler`` (an existing one, checked at once)."""
    from hpp.script import positive_int

    parser.add_argument(
        "--workers", type=positive_int, default=2, help="worker processes of the local cluster"
    )
    parser.add_argument("--scheduler", type=scheduler_address, help="an existing scheduler, tcp://HOST:PORT")


def ship_by_value(*modules):
    """``hpp.clusters.ship_by_value``: cloudpickle sends these modules' functions as code."""
    return clusters_common().ship_by_value(*modules)


def clusters_common():
    """``hpp.clusters`` (the chapter's seeded dart task), its functions sent to workers as code."""
    from hpp import clusters

    clusters.ship_by_value(clusters)
    return clusters


class ClusterUnreachable(RuntimeError):
    """The cluster named on the command line does not answer."""


@contextlib.contextmanager
def dask_client(scheduler=None, workers=2, threads_per_worker=1):
    """A ``distributed.Client``: to ``scheduler`` when given, else to a new LocalCluster.

    The local cluster (``hpp.service.local_dask_client``) has ``workers``
    worker processes on 127.0.0.1 and is closed on exit, whatever happens.
    """
    if not scheduler:
        from hpp.service import local_dask_client

        with local_dask_client(workers, threads_per_worker) as client:
            yield client
        return
    from dask.distributed import Client

    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError) as error:
        raise ClusterUnreachable(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    try:
        yield client
    finally:
        client.close()


def dashboard_line(client):
    """``dashboard = URL`` (and how to get it served when bokeh is missing)."""
    import importlib.util

    link = client.dashboard_link
    if importlib.util.find_spec("bokeh") is None:
        return f"dashboard = {link} (not served: pip install 'bokeh>=3.1')"
    return f"dashboard = {link}"


NBR_DAYS = 14


def make_ols_frame(nbr_people, seed=0):
    """Hours of phone use: one row per person, one column per day, Poisson(60)/60."""
    import numpy as np
    import pandas as pd

    rng = np.random.RandomState(seed)
    hours = rng.poisson(lam=60, size=(nbr_people, NBR_DAYS)) / 60
    return pd.DataFrame(hours, columns=list(range(NBR_DAYS)))
