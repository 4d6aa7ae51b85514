"""argparse types for the job-queue examples' server addresses (not a book example).

Both check, before any work, that something answers at the address (within two
seconds), so a wrong or unreachable address is one line and exit status 2.
"""

import argparse
import socket
from urllib.parse import urlsplit

PROBE_TIMEOUT_S = 2


def _probe(host, port, what):
    try:
        with socket.create_connection((host, port), timeout=PROBE_TIMEOUT_S):
            pass
    except OSError as error:
        raise argparse.ArgumentTypeError(
            f"cannot reach {what} at {host}:{port} ({error.strerror or error})"
        ) from None


def nsqd_address(text):
    """argparse type: ``HOST:PORT`` of an nsqd TCP port that answers."""
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {text!r}")
    _probe(host, int(port), "nsqd")
    return text


def redis_url(text):
    """argparse type: a ``redis://HOST:PORT/DB`` URL whose server answers."""
    parts = urlsplit(text)
    try:
        port = parts.port or 6379
    except ValueError:
        port = None
    if parts.scheme not in ("redis", "rediss") or not parts.hostname or port is None:
        raise argparse.ArgumentTypeError(f"expected redis://HOST:PORT/DB, got {text!r}")
    _probe(parts.hostname, port, "Redis")
    return text


def non_negative_float(text):
    """argparse type: a finite number of zero or more."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number >= 0, got {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"expected a finite number >= 0, got {text!r}")
    return value


def consumer_name(text):
    """argparse type: free text naming a consumer: 1-64 printable characters, no spaces."""
    if not 0 < len(text) <= 64 or not text.isprintable() or " " in text:
        raise argparse.ArgumentTypeError(f"expected 1-64 printable characters without spaces, got {text!r}")
    return text


def checked_default(parser, flag, check, text):
    """``check(text)`` for a flag left at its default, after parsing; a bad one exits like a bad flag.

    A default address is not given to argparse as a string (argparse would probe
    it while parsing, and report it instead of a bad value given for another flag).
    """
    try:
        return check(text)
    except argparse.ArgumentTypeError as error:
        parser.error(f"argument {flag}: {error}")
