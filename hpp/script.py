"""The command-line scaffolding every example shares.

Bad input ends with one clear line on stderr and exit status 2: never a
traceback, never a hang::

    parser = example_parser(__doc__)
    parser.add_argument("--width", type=positive_int, default=1000)
    args = parser.parse_args(argv)
    ...
    fail("cannot reach the server at http://127.0.0.1:9")  # one line, exit 2

Ctrl-C ends the program the same way: one line, ``interrupted``, exit status
130, no traceback from it or its worker processes (``hpp.interrupt``; installed
once the program's own parser has read its arguments).
"""

import argparse
import os
import sys
from pathlib import Path

from hpp.loader import REPO_ROOT


class ExampleParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one line and exit status 2.

    When it is the running program's parser (``program``), a successful parse
    also makes Ctrl-C quiet: ``hpp.interrupt.quiet_interrupt``.
    """

    program = False

    def error(self, message):
        fail(f"{self.prog}: {message} (see --help)")

    def parse_known_args(self, args=None, namespace=None):
        parsed = super().parse_known_args(args, namespace)
        if self.program:
            from hpp.interrupt import quiet_interrupt

            quiet_interrupt()
        return parsed


class DefaultsHelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """``--help`` shows each default, unless it is ``None``/``False`` or the help already says it."""

    def _get_help_string(self, action):
        text = action.help or ""
        if action.default in (None, False) or "(default" in text:
            return text
        return super()._get_help_string(action)


def example_parser(doc, **kwargs):
    """The parser for an example: its description is the first paragraph of ``doc``.

    ``doc`` is the script's ``__doc__``: when it is the docstring of ``__main__``,
    the script is the running program (not imported by a test or the benchmark,
    whose Ctrl-C is left alone), and its parser installs the quiet Ctrl-C.
    """
    description = (doc or "").strip().split("\n\n")[0]
    parser = ExampleParser(description=description, formatter_class=DefaultsHelpFormatter, **kwargs)
    parser.program = doc is not None and getattr(sys.modules.get("__main__"), "__doc__", None) is doc
    return parser


def fail(message):
    """Print ``message`` as one line on stderr and exit with status 2."""
    print(" ".join(str(message).split()), file=sys.stderr)
    raise SystemExit(2)


def positive_int(text):
    """argparse type: an integer greater than zero."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def non_negative_int(text):
    """argparse type: an integer of zero or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer >= 0, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected an integer >= 0, got {text!r}")
    return value


def positive_float(text):
    """argparse type: a finite number greater than zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


def existing_file(text):
    """argparse type: the path of a file that exists."""
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"no such file: {text}")
    return path


#: The multiprocessing start methods a ``--start-method`` flag offers.
START_METHODS = ("fork", "spawn", "forkserver")


def add_start_method_argument(parser, default=None, help="how workers start (default: the platform's)"):
    """``--start-method fork|spawn|forkserver``: the one place the flag is declared."""
    action = parser.add_argument("--start-method", choices=START_METHODS, default=default, help=help)
    action.hpp_shared = True  # the vocabulary test checks the flag came from here
    return action


def output_dir(chapter, given=None):
    """The folder an example writes its figures and files to, created if needed.

    ``given`` (an ``--output-dir`` flag) wins; else ``$HPP_OUTPUT_DIR/CHAPTER``;
    else ``results/CHAPTER`` under the repository root (git ignores it).
    """
    if given is not None:
        folder = Path(given)
    elif os.environ.get("HPP_OUTPUT_DIR"):
        folder = Path(os.environ["HPP_OUTPUT_DIR"]) / chapter
    else:
        folder = REPO_ROOT / "results" / chapter
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        fail(f"cannot create the output folder {folder}: {error.strerror}")
    return folder


def finite_float(text):
    """argparse type: any finite number (no ``nan``, no ``inf``, no ``1e400``)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
    return value


def fraction(text):
    """argparse type: a number between 0 and 1 inclusive."""
    value = finite_float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, got {text!r}")
    return value


def probability(text):
    """argparse type: a number strictly between 0 and 1 (a rate, such as a false-positive rate)."""
    value = finite_float(text)
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1 (exclusive), got {text!r}")
    return value


def seed(text):
    """argparse type: a random seed, an integer from 0 to 2**32 - 1 (what NumPy accepts)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer seed, got {text!r}") from None
    if not 0 <= value < 2**32:
        raise argparse.ArgumentTypeError(f"expected a seed from 0 to 2**32-1, got {text!r}")
    return value


def writable_dir(text):
    """argparse type: a folder that exists or can be created, and can be written to.

    Checked when the arguments are parsed, so a bad ``--output-dir`` stops the
    script before any work rather than after it.
    """
    folder = Path(text)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise argparse.ArgumentTypeError(
            f"cannot create the folder {text}: {error.strerror or error}"
        ) from None
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise argparse.ArgumentTypeError(f"cannot write to the folder {text}")
    return folder


def add_output_dir_argument(parser, chapter, what="its files"):
    """``--output-dir``, checked by ``writable_dir``; pass the value to ``output_dir(chapter, ...)``."""
    parser.add_argument(
        "--output-dir", type=writable_dir, help=f"where to save {what} (default: results/{chapter})"
    )
    return parser


def reachable_address(text, timeout=2.0):
    """argparse type: ``host:port`` or a URL with a port, where a server answers a TCP connection."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(text if "://" in text else f"tcp://{text}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        host, port = None, None
    if not host or port is None:
        raise argparse.ArgumentTypeError(f"expected host:port or a URL with a port, got {text!r}")
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as error:
        raise argparse.ArgumentTypeError(f"nothing answers at {text} ({error.strerror or error})") from None
    return text


def comma_choices(*choices):
    """An argparse type: a comma-separated list of ``choices`` (in the order of ``choices``).

    ``type=comma_choices("list", "array", "numpy")`` turns ``"numpy,list"`` into
    ``["list", "numpy"]``; an empty list or a name not in ``choices`` is refused.
    """

    def parse(text):
        names = [name.strip() for name in text.split(",") if name.strip()]
        unknown = sorted(set(names) - set(choices))
        if not names or unknown:
            raise argparse.ArgumentTypeError(
                f"expected a comma-separated list of {', '.join(choices)}, got {text!r}"
            )
        return [name for name in choices if name in names]

    parse.__name__ = "comma_choices"
    return parse


def int_range(low, high=None):
    """An argparse type: an integer from ``low`` to ``high`` inclusive (no upper bound when None).

    ``type=int_range(4, 20)`` turns ``"16"`` into 16 and refuses ``"3"`` with one clear line.
    """

    def parse(text):
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < low or (high is not None and value > high):
            bound = f"from {low} to {high}" if high is not None else f"of {low} or more"
            raise argparse.ArgumentTypeError(f"expected an integer {bound}, got {text!r}")
        return value

    parse.__name__ = "int_range"
    return parse


def float_range(low, high):
    """An argparse type: a finite number from ``low`` to ``high`` inclusive: ``type=float_range(0, 60)``."""

    def parse(text):
        value = finite_float(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a number from {low} to {high}, got {text!r}")
        return value

    parse.__name__ = "float_range"
    return parse


def writable_file(text):
    """argparse type: a file path whose folder exists (or can be created) and can be written to."""
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder, not a file")
    writable_dir(str(path.parent))
    if path.exists():
        if not os.access(path, os.W_OK):
            raise argparse.ArgumentTypeError(f"cannot write to {text}")
        return path
    try:  # the only sure test (a root process passes os.access on /proc): create it, remove it
        path.open("x").close()
        path.unlink()
    except OSError as error:
        raise argparse.ArgumentTypeError(f"cannot write to {text}: {error.strerror or error}") from None
    return path


def loopback_url(text):
    """argparse type: an http:// URL on a loopback address where a server answers (checked now).

    Only loopback addresses: the examples' load is never sent to another machine.
    """
    import urllib.error
    import urllib.request
    from urllib.parse import urlsplit

    parts = urlsplit(text)
    if parts.scheme != "http" or not parts.hostname:
        raise argparse.ArgumentTypeError(f"expected a URL like http://127.0.0.1:8080, got {text!r}")
    if parts.hostname not in ("localhost", "::1") and not parts.hostname.startswith("127."):
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


def redis_url(text):
    """argparse type: a ``redis://`` URL where a Redis server answers PING."""
    if not text.startswith(("redis://", "rediss://", "unix://")):
        raise argparse.ArgumentTypeError(f"expected redis://HOST:PORT/DB, got {text!r}")
    try:
        import redis

        client = redis.Redis.from_url(text, socket_timeout=3, socket_connect_timeout=3)
        try:
            client.ping()
        finally:
            client.close()
    except ImportError:
        raise argparse.ArgumentTypeError("needs redis-py: pip install -e '.[multiprocessing]'") from None
    except Exception as error:  # redis.RedisError, ValueError for a malformed URL
        raise argparse.ArgumentTypeError(f"cannot reach Redis at {text}: {error}") from None
    return text
