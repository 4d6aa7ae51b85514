"""Start a local service on a free loopback port and wait until it answers.

Examples and tests that need a server (an HTTP server in chapter 08, Redis in
chapters 09 and 10) start a real one here and stop it afterwards::

    with running_service(["python", "server.py", "--port", "{port}"],
                         ready=http_ready("/")) as service:
        crawl(service.url)

Only loopback addresses are used. ``local_dask_client`` starts a Dask
``LocalCluster`` the same way for chapter 10's examples, benchmark and figure.
"""

import logging
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass

LOOPBACK = "127.0.0.1"


class ServiceError(RuntimeError):
    """A service did not start, or stopped before it answered."""


def free_port(host=LOOPBACK):
    """A TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def port_is_open(host, port, timeout=0.5):
    """True when something accepts TCP connections on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def http_ready(path="/"):
    """A readiness probe: the server answers an HTTP GET of ``path`` (any status)."""

    def probe(host, port):
        try:
            urllib.request.urlopen(f"http://{host}:{port}{path}", timeout=1)
        except urllib.error.HTTPError:
            return True  # it answered, even if with an error status
        except OSError:
            return False
        return True

    return probe


def redis_ready(host, port):
    """A readiness probe: the server answers Redis' PING with PONG."""
    try:
        with socket.create_connection((host, port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


@dataclass
class Service:
    """A running local service."""

    process: subprocess.Popen
    host: str
    port: int
    log: object = None  # the file that collects the process' output

    @property
    def url(self):
        return f"http://{self.host}:{self.port}"

    def stop(self, timeout=5.0):
        """Terminate the process, killing it if it does not end within ``timeout``."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log is not None:
            self.log.close()
            self.log = None


def start_service(command, *, host=LOOPBACK, port=None, ready=port_is_open, timeout=20.0, env=None, cwd=None):
    """Start ``command`` and return a :class:`Service` once ``ready(host, port)`` is true.

    ``command`` is a list of arguments in which ``{port}`` and ``{host}`` are
    replaced. If the process exits or does not answer within ``timeout``
    seconds, it is stopped and :class:`ServiceError` is raised with the end of
    its output.
    """
    port = port or free_port(host)
    argv = [str(arg).format(port=port, host=host) for arg in command]
    log = tempfile.TemporaryFile()  # noqa: SIM115 (the Service closes it in stop())
    try:
        process = subprocess.Popen(
            argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=cwd
        )
    except OSError as error:
        log.close()
        raise ServiceError(f"cannot start {argv[0]}: {error}") from error
    service = Service(process, host, port, log)
    deadline = time.monotonic() + timeout
    while not ready(host, port):
        if process.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            tail = log.read().decode(errors="replace").strip().splitlines()[-5:]
            service.stop()
            why = "exited" if process.returncode not in (None, -15) else f"did not answer in {timeout:g} s"
            raise ServiceError(f"{argv[0]} {why}: " + " | ".join(tail))
        time.sleep(0.05)
    return service


@contextmanager
def running_service(command, **kwargs):
    """Context manager around :func:`start_service` that always stops the service."""
    service = start_service(command, **kwargs)
    try:
        yield service
    finally:
        service.stop()


def redis_server_path():
    """The path of Debian's ``redis-server``, or None when it is not installed."""
    return shutil.which("redis-server")


@contextmanager
def redis_server():
    """A throw-away ``redis-server`` on a free loopback port (no persistence).

    Yields the :class:`Service`; its Redis URL is ``redis://HOST:PORT/0``.
    Raises :class:`ServiceError` when ``redis-server`` is missing
    (``apt-get install redis-server``).
    """
    path = redis_server_path()
    if path is None:
        raise ServiceError("redis-server is not installed (apt-get install redis-server)")
    command = [
        path,
        "--port",
        "{port}",
        "--bind",
        "{host}",
        "--save",
        "",
        "--appendonly",
        "no",
        "--daemonize",
        "no",
    ]
    with running_service(command, ready=redis_ready) as service:
        yield service


@contextmanager
def redis_url_or_own_server(url):
    """Yield ``url``, or the URL of a throw-away local redis-server when url is None.

    No redis-server to start is one line on stderr and exit status 2.
    """
    from hpp.script import fail

    if url is not None:
        yield url
        return
    try:
        with redis_server() as service:
            yield f"redis://{service.host}:{service.port}/0"
    except ServiceError as error:
        fail(f"cannot start a local redis-server: {error}")


@contextmanager
def server_or_given(script, url, prog):
    """The base URL to use: ``url`` when the reader gave one, else a fresh ``python SCRIPT --port N``.

    ``url`` has been checked by ``hpp.script.loopback_url`` when the arguments were parsed;
    a server that does not start ends the example with one line (exit 2).
    """
    import sys

    from hpp.script import fail

    if url:
        yield url
        return
    try:
        with running_service(
            [sys.executable, str(script), "--port", "{port}"], ready=http_ready("/")
        ) as service:
            yield service.url
    except ServiceError as error:
        fail(f"{prog}: could not start the local server: {error}")


DASK_CONNECT_TIMEOUT_S = 10
HEARTBEAT_AT_CLOSE = "Failed to communicate with scheduler during heartbeat"


@contextmanager
def local_dask_client(workers=2, threads_per_worker=1):
    """A ``distributed.Client`` to a new LocalCluster of ``workers`` processes on loopback.

    The workers' scratch space is a temporary folder; the cluster is closed and
    the folder removed on exit, whatever happens.
    """
    import dask
    from dask.distributed import Client, LocalCluster

    with (
        tempfile.TemporaryDirectory(prefix="hpp-dask-") as scratch,
        dask.config.set({"temporary-directory": scratch}),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=threads_per_worker,
            processes=True,
            host=LOOPBACK,
            dashboard_address=f"{LOOPBACK}:0",
            silence_logs=logging.ERROR,
            local_directory=scratch,
        ) as cluster,
        Client(cluster, timeout=DASK_CONNECT_TIMEOUT_S) as client,
    ):
        client.run(quiet_heartbeat_at_close)
        yield client


def quiet_heartbeat_at_close():
    """Drop one harmless Dask worker log line; run on each worker with ``client.run``.

    A worker whose heartbeat is in flight while its cluster closes logs the
    heartbeat's ``CommClosedError`` with a traceback (dask/distributed#7192): at
    random, and more often on a busy machine. Every other message still shows.
    """
    logging.getLogger("distributed.worker").addFilter(
        lambda record: not record.getMessage().startswith(HEARTBEAT_AT_CLOSE)
    )
