"""Start and stop an IPython Parallel cluster the way the book does (not a book example).

``ipcluster(n)`` runs ``ipcluster start -n N`` in a throw-away profile folder
(controller on 127.0.0.1), connects a ``Client`` once the N engines have
registered, and on exit, whatever happened, runs ``ipcluster stop``, waits for
the processes to end (killing the process group if they do not) and removes the
folder. ``join(profile=..., url_file=...)`` connects to a cluster that is
already running, failing in a few seconds when it is not there; ``start_or_join``
picks one of the two. ``add_cluster_arguments`` adds the flags that choose.

``pi_main`` and ``recipe_main`` are the drivers of ``pi_ipython_cluster.py`` and
``chapter_recipe.py``: their flags, the cluster, and pi printed once, by
``hpp.printout``.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

START_TIMEOUT_S = 120
CONNECT_TIMEOUT_S = 10


def profile_name(text):
    """argparse type: an IPython profile name (letters, digits, ``_.-``) whose folder exists."""
    import argparse
    import re

    if not re.fullmatch(r"[A-Za-z0-9_.-]+", text):
        raise argparse.ArgumentTypeError(f"not a profile name: {text!r}")
    from IPython.paths import get_ipython_dir

    folder = Path(get_ipython_dir()) / f"profile_{text}"
    if not (folder / "security" / "ipcontroller-client.json").is_file():
        raise argparse.ArgumentTypeError(
            f"no running cluster in profile {text!r} (start one: ipcluster start --profile={text})"
        )
    return text


def add_cluster_arguments(parser, join=False):
    """``--workers``: engines to start; with ``join``, also ``--profile`` or ``--url-file`` to join."""
    from hpp.script import existing_file, positive_int

    parser.add_argument(
        "--workers", type=positive_int, default=4, help="engines to start (ipcluster start -n)"
    )
    if join:
        where = parser.add_mutually_exclusive_group()
        where.add_argument("--profile", type=profile_name, help="join the running cluster of this profile")
        where.add_argument("--url-file", type=existing_file, help="join the cluster of this connection file")


class ClusterUnreachable(RuntimeError):
    """The cluster did not start, or the one named does not answer."""


def _ipcluster_command(*args):
    return [sys.executable, "-m", "ipyparallel.cluster", *args]


def ipcluster_start(nbr_engines, profile_dir):
    """``ipcluster start -n nbr_engines`` as a background process (its own process group)."""
    command = _ipcluster_command(
        "start",
        "-n",
        str(nbr_engines),
        f"--profile-dir={profile_dir}",
        "--log-level=WARN",
        "--IPController.ip=127.0.0.1",
        "--IPController.location=127.0.0.1",
    )
    with open(Path(profile_dir) / "ipcluster.log", "wb") as log:
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def ipcluster_stop(process, profile_dir, timeout=30):
    """``ipcluster stop``; then every process ipcluster started is made to end."""
    import psutil

    try:
        started = psutil.Process(process.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        started = []
    try:
        subprocess.run(
            _ipcluster_command("stop", f"--profile-dir={profile_dir}", "--log-level=ERROR"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        _gone, alive = psutil.wait_procs(started, timeout=timeout)
        for leftover in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                leftover.kill()
        psutil.wait_procs(alive, timeout=5)


def connect(process, profile_dir, nbr_engines, timeout=START_TIMEOUT_S):
    """``Client()`` to the cluster of ``profile_dir``, once ``nbr_engines`` engines registered."""
    import ipyparallel as ipp

    url_file = Path(profile_dir) / "security" / "ipcontroller-client.json"
    deadline = time.monotonic() + timeout
    while not url_file.is_file():
        if process.poll() is not None:
            log = (Path(profile_dir) / "ipcluster.log").read_text(errors="replace")
            raise ClusterUnreachable(
                f"ipcluster exited with status {process.returncode}: {log.strip().splitlines()[-1:] or ''}"
            )
        if time.monotonic() > deadline:
            raise ClusterUnreachable("the controller did not start in time")
        time.sleep(0.2)
    try:
        client = ipp.Client(str(url_file), timeout=timeout)
        client.wait_for_engines(nbr_engines, timeout=max(1.0, deadline - time.monotonic()))
    except (OSError, TimeoutError, ipp.error.TimeoutError) as error:
        raise ClusterUnreachable(f"the engines did not register: {error}") from None
    return client


@contextlib.contextmanager
def ipcluster(nbr_engines, echo=False):
    """A ``Client`` of a cluster started with ``ipcluster start -n nbr_engines``, stopped on exit."""
    profile_dir = tempfile.mkdtemp(prefix="hpp-ipcluster-")
    if echo:
        print(f"$ ipcluster start -n {nbr_engines}")
    process = ipcluster_start(nbr_engines, profile_dir)
    try:
        client = connect(process, profile_dir, nbr_engines)
        try:
            yield client
        finally:
            client.close()
    finally:
        if echo:
            print("$ ipcluster stop")
        ipcluster_stop(process, profile_dir)
        shutil.rmtree(profile_dir, ignore_errors=True)


@contextlib.contextmanager
def join(profile=None, url_file=None):
    """A ``Client`` of a cluster that is already running (by profile name or connection file)."""
    import ipyparallel as ipp

    try:
        client = ipp.Client(str(url_file) if url_file else None, profile=profile, timeout=CONNECT_TIMEOUT_S)
        client.wait_for_engines(1, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ipp.error.TimeoutError) as error:
        where = url_file or f"profile {profile!r}"
        raise ClusterUnreachable(f"cannot reach the IPython cluster of {where}: {error}") from None
    try:
        yield client
    finally:
        client.close()


def ship_by_value(module_name):
    """Send this module's functions to the engines by value, so they need no copy of its file.

    Run as a script, the module is ``__main__`` and already travels by value.
    """
    import cloudpickle

    if module_name != "__main__":
        cloudpickle.register_pickle_by_value(sys.modules[module_name])


def start_or_join(nbr_engines, profile=None, url_file=None, echo=False):
    """``join`` the cluster named by ``profile`` or ``url_file``, else ``ipcluster(nbr_engines, echo)``."""
    if profile or url_file:
        return join(profile=profile, url_file=url_file)
    return ipcluster(nbr_engines, echo=echo)


def pi_main(doc, run_pi, default_samples, argv=None):
    """pi_ipython_cluster.py's ``main``: start or join a cluster, ``run_pi(c, samples, seed)``, print pi."""
    from hpp.printout import print_pi_estimate
    from hpp.script import example_parser, fail, non_negative_int, positive_int

    parser = example_parser(doc)
    parser.add_argument("--samples", type=positive_int, default=int(default_samples), help="total darts")
    add_cluster_arguments(parser, join=True)
    parser.add_argument("--seed", type=non_negative_int, help="seed (default: each engine seeds itself)")
    args = parser.parse_args(argv)
    ship_by_value(run_pi.__module__)  # engines need no copy of the file
    try:
        with start_or_join(args.workers, args.profile, args.url_file) as c:
            pi = run_pi(c, args.samples, args.seed)
    except ClusterUnreachable as error:
        fail(error)
    print_pi_estimate(pi)


def recipe_main(doc, recipe, argv=None):
    """chapter_recipe.py's ``main``: start (echoing ipcluster) or join a cluster, type the session."""
    from hpp.printout import print_pi_estimate
    from hpp.script import example_parser, fail, positive_int

    parser = example_parser(doc)
    add_cluster_arguments(parser, join=True)
    parser.add_argument(
        "--samples", type=positive_int, default=1_000_000, help="darts for the pi task at the end"
    )
    args = parser.parse_args(argv)
    try:
        with start_or_join(args.workers, args.profile, args.url_file, echo=True) as c:
            results = recipe(c, args.samples)
    except ClusterUnreachable as error:
        fail(error)
    print_pi_estimate(results["pi"])
