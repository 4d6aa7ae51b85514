"""Start chapter 8's server.py, or check the one a reader points at with --url (the crawlers' copy).

Used by the crawlers (through ``crawler/_crawler_common.py``), the workload and
the benchmark. Only loopback addresses are accepted; every probe has a timeout,
so a server that is not there ends the example with one line, quickly.
"""

import argparse
import sys
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from hpp.script import fail
from hpp.service import ServiceError, http_ready, running_service

SERVER = Path(__file__).resolve().parent.parent / "server.py"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def check_url(url, prog):
    """Fail with one line unless ``url`` is an http:// URL on a loopback address."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        fail(f"{prog}: --url must look like http://127.0.0.1:8080, got {url!r}")
    if parts.hostname not in LOOPBACK_HOSTS and not parts.hostname.startswith("127."):
        fail(f"{prog}: --url must be a loopback address (127.0.0.1), got {parts.hostname!r}")
    return url.rstrip("/")


def probe(url, prog, timeout=3.0):
    """Fail with one line, quickly, when nothing answers at ``url``."""
    try:
        with urllib.request.urlopen(url + "/", timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as error:
        error.close()  # something answered
    except (OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        fail(f"{prog}: cannot reach the server at {url}: {reason}")


def loopback_url(text):
    """argparse type: an http:// URL on a loopback address where something answers (checked now)."""
    parts = urlsplit(text)
    if parts.scheme != "http" or not parts.hostname:
        raise argparse.ArgumentTypeError(f"expected a URL like http://127.0.0.1:8080, got {text!r}")
    if parts.hostname not in LOOPBACK_HOSTS and not parts.hostname.startswith("127."):
        raise argparse.ArgumentTypeError(f"expected a loopback address (127.0.0.1), got {parts.hostname!r}")
    url = text.rstrip("/")
    try:
        with urllib.request.urlopen(url + "/", timeout=3) as response:
            response.read()
    except urllib.error.HTTPError as error:
        error.close()  # something answered
    except (OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise argparse.ArgumentTypeError(f"cannot reach the server at {url}: {reason}") from None
    return url


@contextmanager
def server_url(url, prog):
    """The base URL to crawl: ``url`` after a quick probe, or a fresh local server.py."""
    if url:
        url = check_url(url, prog)
        probe(url, prog)
        yield url
        return
    try:
        with running_service(
            [sys.executable, str(SERVER), "--port", "{port}"], ready=http_ready("/")
        ) as service:
            yield service.url
    except ServiceError as error:
        fail(f"{prog}: could not start the local server: {error}")
