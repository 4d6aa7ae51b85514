"""What every crawler shares and the book does not teach: flags, the server, the check.

Each crawler asks the chapter's ``server.py`` for ``--requests`` URLs that each
take ``--delay`` ms to answer. With no ``--url`` it starts its own server on a
free loopback port and stops it afterwards. The server echoes each request's
name, so the check is exact: every name sent came back exactly once.
"""

import random
import string
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from hpp.script import example_parser, fail, loopback_url, positive_float, positive_int
from hpp.service import server_or_given

#: The chapter's slow server, started when no --url is given.
SERVER = Path(__file__).resolve().parent.parent / "server.py"


def crawler_parser(doc, concurrency=True):
    """The example parser with the flags every crawler takes; the defaults are the book's run."""
    return add_server_arguments(add_crawl_arguments(example_parser(doc), concurrency))


def add_crawl_arguments(parser, concurrency=True):
    """``--requests``, ``--delay`` and (``concurrency``) ``--concurrency``, the book's values."""
    parser.add_argument("--requests", type=positive_int, default=1000, help="URLs to fetch (the book: 1000)")
    parser.add_argument(
        "--delay", type=positive_int, default=100, help="server delay per URL, ms (the book: 100)"
    )
    if concurrency:
        parser.add_argument(
            "--concurrency", type=positive_int, default=100, help="most requests in flight (the book: 100)"
        )
    return parser


def add_server_arguments(parser, timeout=True):
    """``--timeout`` (per request; when ``timeout``) and ``--url`` (a server.py already running)."""
    if timeout:
        parser.add_argument("--timeout", type=positive_float, default=10.0, help="seconds per request")
    parser.add_argument("--url", type=loopback_url, help="a server.py already running (default: start one)")
    return parser


def generate_urls(base_url, num_iter, delay):
    """``[(name, url), ...]``: unique names (the book adds random letters against caching)."""
    tag = "".join(random.choices(string.ascii_lowercase, k=10))
    names = [f"{tag}-{i}" for i in range(num_iter)]
    return [(name, f"{base_url}/add?name={name}&delay={delay}") for name in names]


def book_base_url(server, delay):
    """The book's base URL: the crawler's ``generate_urls`` appends ten random letters, the name."""
    return f"{server}/add?delay={delay}&name="


def name_of(url):
    """The ``name`` the server will echo for ``url``."""
    return parse_qs(urlsplit(url).query).get("name", ["."])[0]


def check_responses(urls, bodies):
    """The number of responses, once each body is checked to be its URL's name, in order."""
    names = [name_of(url) for url in urls]
    if list(bodies) != names:
        raise RuntimeError("responses were missing, repeated or out of order")
    return len(bodies)


def arrived_exactly_once(names, bodies):
    """True when the response bodies are exactly the names sent, each once."""
    return Counter(names) == Counter(bodies)


def report(prog, names, bodies, elapsed, delay, concurrency=None):
    """Print the crawler's verifiable result; exit 1 if responses are missing or repeated."""
    ok = arrived_exactly_once(names, bodies)
    serial_bound = len(names) * delay / 1000
    print(f"requests = {len(names)}")
    print(f"responses = {len(bodies)}")
    print(f"every response arrived exactly once = {ok}")
    if concurrency is not None:
        print(f"concurrency = {concurrency}")
    print(f"wall time = {elapsed:.3f} s")
    print(f"serial bound (requests x delay) = {serial_bound:.3f} s")
    print(f"speedup over the serial bound = {serial_bound / elapsed:.1f}x")
    if not ok:
        print(f"{prog}: responses were missing or repeated", file=sys.stderr)
        raise SystemExit(1)
    return ok


def run_crawler(prog, generate, crawl, requests, delay, timeout, url=None, concurrency=None):
    """Start or probe the server, time the crawler's ``crawl``, check and print the result.

    ``generate(base_url, num)`` is the crawler's own ``generate_urls``;
    ``crawl(urls, concurrency, timeout)`` (``crawl(urls, timeout=...)`` for the
    serial one, which has no ``concurrency``) returns the response bodies (as
    text), in URL order. The book's line comes first: ``Result: N, Time: T``
    (N responses: the book's server answers one byte each, so its N is the byte
    count). A network error ends with one line and exit status 2.
    """
    with server_or_given(SERVER, url, prog) as server:
        urls = list(generate(book_base_url(server, delay), requests))
        start = time.time()
        try:
            if concurrency is None:
                bodies = crawl(urls, timeout=timeout)
            else:
                bodies = crawl(urls, concurrency, timeout)
        except Exception as error:  # a network failure: one line, not a traceback
            while isinstance(error, BaseExceptionGroup):  # a TaskGroup's: its first real error
                error = error.exceptions[0]
            fail(f"{prog}: a request to {server} failed: {type(error).__name__}: {error}")
        end = time.time()
    print(f"Result: {len(bodies)}, Time: {end - start}")
    return report(prog, [name_of(url) for url in urls], bodies, end - start, delay, concurrency)


def max_in_flight(metrics):
    """The most requests the server held at once, from its ``/metrics`` records."""
    events = sorted(
        [(m["start"], 1) for m in metrics] + [(m["end"], -1) for m in metrics],
        key=lambda event: (event[0], event[1]),
    )
    most = current = 0
    for _, step in events:
        current += step
        most = max(most, current)
    return most
