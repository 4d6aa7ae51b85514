"""The crawlers' driver, and what they share that the book does not teach.

``crawl_main`` is every crawler's ``main``: the flags, the server, the timing,
the check and the result lines. Each crawler asks the chapter's ``server.py``
for ``--requests`` URLs that each take ``--delay-ms`` ms to answer. With no
``--url`` it starts its own server on a free loopback port and stops it
afterwards. The server echoes each request's name, so the check is exact:
every name sent came back exactly once.
"""

import asyncio
import functools
import inspect
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
    """``--requests``, ``--delay-ms`` and (``concurrency``) ``--concurrency``, the book's values."""
    parser.add_argument("--requests", type=positive_int, default=1000, help="URLs to fetch (the book: 1000)")
    parser.add_argument(
        "--delay-ms", type=positive_int, default=100, help="server delay per URL, ms (the book: 100)"
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


def arrived_exactly_once(names, bodies):
    """True when the response bodies are exactly the names sent, each once."""
    return Counter(names) == Counter(bodies)


def report(prog, names, bodies, elapsed, delay_ms, concurrency=None):
    """Print the crawler's verifiable result; exit 1 if responses are missing or repeated."""
    ok = arrived_exactly_once(names, bodies)
    serial_bound = len(names) * delay_ms / 1000
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


def run_crawler(prog, generate, crawl, requests, delay_ms, timeout, url=None, concurrency=None):
    """Start or probe the server, time the crawler's ``crawl``, check and print the result.

    ``generate(base_url, num)`` is the crawler's own ``generate_urls``;
    ``crawl(urls, concurrency, timeout)`` (``crawl(urls, timeout=...)`` for the
    serial one, which has no ``concurrency``) returns the response bodies (as
    text), in URL order. The book's line comes first: ``Result: N, Time: T``
    (N responses: the book's server answers one byte each, so its N is the byte
    count). A network error ends with one line and exit status 2.
    """
    with server_or_given(SERVER, url, prog) as server:
        urls = list(generate(book_base_url(server, delay_ms), requests))
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
    return report(prog, [name_of(url) for url in urls], bodies, end - start, delay_ms, concurrency)


def blocking(crawl):
    """``crawl`` itself, or, for a coroutine function, one that runs it on a fresh event loop."""
    if not inspect.iscoroutinefunction(crawl):
        return crawl

    @functools.wraps(crawl)
    def run(*args, **kwargs):
        return asyncio.run(crawl(*args, **kwargs))

    return run


def crawl_main(doc, generate, crawl, argv=None, before=None):
    """A crawler's ``main``: parse the flags, call ``before()`` (gevent's patch), crawl, report.

    ``crawl(urls, [concurrency,] timeout)`` returns the bodies in URL order (a
    coroutine function is run on a fresh loop); a crawl without a
    ``concurrency`` parameter (the serial one) gets no ``--concurrency`` flag.
    """
    concurrency = "concurrency" in inspect.signature(crawl).parameters
    args = crawler_parser(doc, concurrency).parse_args(argv)
    if before is not None:
        before()
    prog = Path(crawl.__code__.co_filename).name
    return run_crawler(prog, generate, blocking(crawl), **vars(args))


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


# ---------------------------------------------------------------- visualize.py's driver

CRAWLERS = {
    "serial": "serial.py",
    "gevent": "gevent_crawler.py",
    "tornado": "tornado_crawler.py",
    "aiohttp": "aiohttp_crawler.py",
    "callback": "callback_crawler.py",
}


def take_metrics(base_url, timeout=10.0):
    """The server's request records since the last call (it starts a new record)."""
    import json
    import urllib.request

    with urllib.request.urlopen(f"{base_url}/metrics?reset=1", timeout=timeout) as response:
        return json.loads(response.read())


def run_crawler_script(name, base_url, requests, delay_ms, concurrency, timeout=600):
    """Run one crawler script against ``base_url``; fail with its error line if it fails."""
    import subprocess

    script = Path(__file__).resolve().parent / CRAWLERS[name]
    command = [sys.executable, str(script), "--url", base_url]
    command += ["--requests", str(requests), "--delay-ms", str(delay_ms)]
    if name != "serial":
        command += ["--concurrency", str(concurrency)]
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["no message"])[-1]
        fail(f"visualize.py: the {name} crawler failed: {last}")


def describe(metrics):
    """Figures for one crawler's record: count, most in flight, time spanned."""
    if not metrics:
        return {"requests": 0, "max_in_flight": 0, "span_s": 0.0}
    span = max(m["end"] for m in metrics) - min(m["start"] for m in metrics)
    return {"requests": len(metrics), "max_in_flight": max_in_flight(metrics), "span_s": span}


def record_timelines(url, crawlers, requests, delay_ms, concurrency, folder, metrics_file=None):
    """Each crawler's ``/metrics`` record against one server (or ``metrics_file``'s), saved as JSON."""
    import json

    if metrics_file:
        try:
            records = json.loads(metrics_file.read_text())
            assert isinstance(records, dict) and all(isinstance(v, list) for v in records.values())
        except (ValueError, AssertionError):
            fail(f"visualize.py: {metrics_file} is not a crawler_metrics.json file")
        return records
    records = {}
    with server_or_given(SERVER, url, "visualize.py") as base_url:
        take_metrics(base_url)  # start from an empty record
        for name in dict.fromkeys(crawlers):
            run_crawler_script(name, base_url, requests, delay_ms, concurrency)
            records[name] = take_metrics(base_url)
    (folder / "crawler_metrics.json").write_text(json.dumps(records))
    return records


def visualize_main(doc, plot, argv=None):
    """visualize.py's ``main``: record (or read) the timelines, print each one's figures, ``plot`` them."""
    from hpp.script import existing_file, output_dir, writable_dir

    parser = add_server_arguments(add_crawl_arguments(example_parser(doc)), timeout=False)
    parser.add_argument(
        "--crawlers",
        nargs="+",
        choices=list(CRAWLERS),
        default=list(CRAWLERS),
        metavar="CRAWLER",
        help=f"of: {' '.join(CRAWLERS)}",
    )
    parser.add_argument("--metrics", type=existing_file, help="plot this crawler_metrics.json instead")
    parser.add_argument("--output-dir", type=writable_dir, help="where the plot and the JSON go")
    args = parser.parse_args(argv)
    folder = output_dir("08_concurrency", args.output_dir)
    records = record_timelines(
        args.url, args.crawlers, args.requests, args.delay_ms, args.concurrency, folder, args.metrics
    )
    figures = {name: describe(metrics) for name, metrics in records.items()}
    for name, figure in figures.items():
        print(
            f"{name}: requests = {figure['requests']}, "
            f"most in flight = {figure['max_in_flight']}, span = {figure['span_s']:.3f} s"
        )
    plot(records, figures, folder / "crawler_timelines.png")
    print(f"saved crawler_timelines.png to {folder}")
    return records


# ---------------------------------------------------------------- parallel_requests.py's driver

BOOK_LIMITS = list(range(1, 500, 25))  # 1, 26, ..., 476
BOOK_DELAYS_MS = [50, 300, 550, 800]


def sweep_main(doc, sweep, plot, argv=None):
    """parallel_requests.py's ``main``: sweep against a server, print each delay's figures, save both."""
    import json

    from hpp.script import output_dir, writable_dir

    parser = add_server_arguments(example_parser(doc))
    parser.add_argument("--requests", type=positive_int, default=500, help="URLs per crawl (the book: 500)")
    parser.add_argument(
        "--delays-ms", type=positive_int, nargs="+", default=BOOK_DELAYS_MS, help="server delays, ms"
    )
    parser.add_argument("--limits", type=positive_int, nargs="+", default=BOOK_LIMITS, help="pool sizes")
    parser.add_argument("--output-dir", type=writable_dir, help="where the JSON and the plot go")
    args = parser.parse_args(argv)
    folder = output_dir("08_concurrency", args.output_dir)
    with server_or_given(SERVER, args.url, "parallel_requests.py") as base_url:
        try:
            results = sweep(base_url, args.requests, args.delays_ms, args.limits, args.timeout)
        except Exception as error:
            while isinstance(error, BaseExceptionGroup):
                error = error.exceptions[0]
            fail(f"parallel_requests.py: a crawl failed: {type(error).__name__}: {error}")
    for delay, times in results.items():
        best = min(times, key=times.get)
        print(
            f"delay {delay} ms: limit {min(times)} takes {times[min(times)]:.3f} s, "
            f"best {times[best]:.3f} s at limit {best}"
        )
    data = {
        "requests": args.requests,
        "results": {str(d): {str(l): t for l, t in times.items()} for d, times in results.items()},
    }
    (folder / "parallel_requests.json").write_text(json.dumps(data, indent=1))
    plot(results, args.requests, folder / "parallel_requests.png")
    print(f"saved parallel_requests.json and parallel_requests.png to {folder}")
    return results
