"""The drivers of chapter 8's scripts at the top: server.py's, event_loop.py's and workload.py's.

Each script keeps the book's code; its ``main`` hands that code to a driver
here, which owns the flags, the timing, the checks and the result lines.
"""

import argparse
import hashlib
import importlib.util
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from types import SimpleNamespace

from hpp.script import (
    example_parser,
    fail,
    loopback_url,
    non_negative_int,
    output_dir,
    positive_float,
    positive_int,
    seed,
    writable_dir,
)
from hpp.service import server_or_given

#: The chapter's slow server, started when no --url is given.
SERVER = Path(__file__).resolve().parent / "server.py"


# ---------------------------------------------------------------- server.py


MAX_DELAY_MS = 60_000


def delay_seconds(request, default_ms):
    """The ``delay`` query parameter in seconds (milliseconds on the wire)."""
    from aiohttp import web

    text = request.query.get("delay", str(default_ms))
    try:
        delay_ms = float(text)
    except ValueError:
        raise web.HTTPBadRequest(text=f"delay must be a number of milliseconds, got {text!r}") from None
    if not 0 <= delay_ms <= MAX_DELAY_MS:
        raise web.HTTPBadRequest(text=f"delay must be between 0 and {MAX_DELAY_MS} ms")
    return delay_ms / 1000


def saved_handler(saved_key, in_flight_key):
    """``GET /saved`` (``?reset=1``): how many documents ``POST /add`` keeps, and the most saves
    it had in flight at once; the app holds them under ``saved_key`` and ``in_flight_key``."""
    from aiohttp import web

    async def saved(request):
        count, most = len(request.app[saved_key]), request.app[in_flight_key]["most"]
        if request.query.get("reset"):
            request.app[saved_key].clear()
            request.app[in_flight_key]["most"] = request.app[in_flight_key]["now"]
        return web.json_response({"saved": count, "most_in_flight": most})

    return saved


async def index(request):
    """``GET /``: ``ok``, the readiness probe."""
    from aiohttp import web

    return web.Response(text="ok")


def tcp_port(text):
    """argparse type: a TCP port number, 1 to 65535."""
    value = positive_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 1 to 65535, got {text!r}")
    return value


def loop_factory(name):
    """uvloop's event loop when asked for (and installed), else asyncio's own (``None``)."""
    if name == "uvloop":
        import uvloop

        return uvloop.new_event_loop
    return None


def server_main(doc, run_server, argv=None):
    """server.py's ``main``: parse the flags, serve until Ctrl-C, one line if the port is taken."""
    default_loop = "uvloop" if have_uvloop() else "asyncio"
    parser = example_parser(doc)
    parser.add_argument("--port", type=tcp_port, default=8080, help="TCP port on 127.0.0.1, 1 to 65535")
    parser.add_argument("--delay-ms", type=non_negative_int, default=100, help="default GET /add delay, ms")
    parser.add_argument("--backlog", type=positive_int, default=4096, help="the listen backlog")
    parser.add_argument("--loop", choices=("asyncio", "uvloop"), default=default_loop, help="the event loop")
    args = parser.parse_args(argv)
    if args.delay_ms > MAX_DELAY_MS:
        fail(f"server.py: --delay-ms must be at most {MAX_DELAY_MS} ms")
    try:
        run_server(args.port, args.delay_ms, args.backlog, loop_factory(args.loop))
    except KeyboardInterrupt:
        pass
    except OSError as error:
        fail(f"server.py: cannot listen on 127.0.0.1:{args.port}: {error.strerror}")


# ---------------------------------------------------------------- event_loop.py


def event_loop_main(doc, run_event_loop, argv=None):
    """event_loop.py's ``main``: ``--steps``, then the book's loop for that many functions."""
    parser = example_parser(doc)
    parser.add_argument("--steps", type=positive_int, default=10, help="functions to run (the book: forever)")
    run_event_loop(parser.parse_args(argv).steps)


# ---------------------------------------------------------------- workload.py

MODES = ("serial", "batches", "aiohttp", "uvloop", "file", "no-io")
IO_MODES = ("serial", "batches", "aiohttp", "uvloop")


BCRYPT_BASE64 = b"./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def task_inputs(i, difficulty, seed=0):
    """Task ``i``'s password and bcrypt salt, both fixed by ``seed`` (bcrypt.gensalt is random)."""
    digest = hashlib.sha512(f"{seed}-{i}".encode()).digest()
    password = digest[:12].hex().encode()
    salt_chars = bytes(BCRYPT_BASE64[b % 64] for b in digest[12:33])
    salt_chars += bytes([b".Oeu"[digest[0] % 4]])  # the 22nd character holds only 2 bits
    return password, b"$2b$%02d$" % difficulty + salt_chars


def have_uvloop():
    return importlib.util.find_spec("uvloop") is not None


def bcrypt_cost(text):
    """argparse type: bcrypt's cost, a whole number from 4 to 31."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected bcrypt's cost, 4 to 31, got {text!r}") from None
    if not 4 <= value <= 31:
        raise argparse.ArgumentTypeError(f"expected bcrypt's cost, 4 to 31, got {text!r}")
    return value


def results_digest(results):
    """A short fingerprint of a list of hashes, to compare the modes."""
    return hashlib.sha256("\n".join(results).encode()).hexdigest()[:16]


def run_mode(
    book,
    mode,
    num_iter,
    difficulty,
    url=None,
    seed=0,
    timeout=10.0,
    concurrency=100,
    chunksize=100,
    folder=None,
):
    """Run one mode of workload.py's functions (``book``: the module); returns the hashes in task order."""
    if mode == "no-io":
        return book.calculate_task_noio(num_iter, difficulty, seed)
    if mode == "file":
        return book.calculate_task_fileio(num_iter, difficulty, seed, folder)
    if mode == "serial":
        return book.calculate_task_serial(num_iter, difficulty, url, seed, timeout)
    if mode == "batches":
        return book.calculate_task_batch(num_iter, difficulty, url, seed, timeout, chunksize)
    if mode in ("aiohttp", "uvloop"):
        use_uvloop = mode == "uvloop"
        return book.run_aiohttp(num_iter, difficulty, url, seed, timeout, concurrency, use_uvloop=use_uvloop)
    raise ValueError(f"unknown mode {mode!r}")


def saved_count(base_url, timeout=10.0):
    import requests

    with requests.get(f"{base_url}/saved", timeout=timeout) as response:
        response.raise_for_status()
        return response.json()["saved"]


def run_workload(book, args, folder=None):
    """Run each mode against one server, time it, check its saves and hashes; plot the call graph."""
    items, difficulty, delay_ms, timeout = args.items, args.difficulty, args.delay_ms, args.timeout
    modes = list(dict.fromkeys(args.modes))
    if "uvloop" in modes and not have_uvloop():
        print("uvloop is not installed (pip install uvloop): skipping the uvloop mode")
        modes.remove("uvloop")

    needs_server = args.callgraph or any(mode in IO_MODES for mode in modes)
    with server_or_given(SERVER, args.url, "workload.py") if needs_server else nullcontext() as base_url:
        save_url = f"{base_url}/add?delay={delay_ms}" if base_url else None
        print(f"items = {items}, difficulty = {difficulty}, io delay = {delay_ms} ms")
        digests = {}
        for mode in modes:
            before = saved_count(base_url, timeout) if mode in IO_MODES else 0
            start = time.perf_counter()
            try:
                options = (args.seed, timeout, args.concurrency, args.chunksize)
                results = run_mode(book, mode, items, difficulty, save_url, *options)
            except Exception as error:  # a network failure: one line, not a traceback
                while isinstance(error, BaseExceptionGroup):
                    error = error.exceptions[0]
                fail(f"workload.py: the {mode} mode failed: {type(error).__name__}: {error}")
            elapsed = time.perf_counter() - start
            if mode in IO_MODES:
                saved = saved_count(base_url, timeout) - before
                if saved != items:
                    print(f"workload.py: the {mode} mode saved {saved} results, not {items}", file=sys.stderr)
                    raise SystemExit(1)
            digests[mode] = results_digest(results)
            print(f"{mode}: {elapsed:.3f} s  ({elapsed / items * 1000:.2f} ms per task)")
        if digests:
            print(f"results digest = {next(iter(digests.values()))}")
            same = len(set(digests.values())) == 1
            print(f"every mode computed the same results = {same}")
            if not same:
                print(f"workload.py: the modes disagree: {digests}", file=sys.stderr)
                raise SystemExit(1)
        if args.callgraph:
            path = folder / "workload_callgraph.png"
            title = f"aiohttp: {items} bcrypt tasks at difficulty {difficulty}, each saved in {delay_ms} ms"
            options = (args.seed, timeout, args.concurrency, title)
            book.async_callgraph(items, difficulty, save_url, path, *options)
            print(f"saved the call graph to {path}")
    return digests


def workload_main(doc, book, argv=None):
    """workload.py's ``main``: its flags, then ``run_workload`` (``book``: its functions, by name)."""
    book = SimpleNamespace(**book) if isinstance(book, dict) else book
    parser = example_parser(doc)
    parser.add_argument("--items", type=positive_int, default=600, help="how many tasks (the book: 600)")
    parser.add_argument(
        "--difficulty", type=bcrypt_cost, default=8, help="bcrypt cost, 4 to 31 (the book: 8 to 12)"
    )
    parser.add_argument(
        "--delay-ms", type=non_negative_int, default=100, help="server delay per save, ms (the book: 100)"
    )
    parser.add_argument(
        "--modes",
        nargs="+",
        choices=MODES,
        default=list(MODES),
        metavar="MODE",
        help=f"modes to run, of: {' '.join(MODES)}",
    )
    parser.add_argument(
        "--concurrency", type=positive_int, default=100, help="most saves in flight (aiohttp, uvloop)"
    )
    parser.add_argument("--chunksize", type=positive_int, default=100, help="AsyncBatcher's batch size")
    parser.add_argument("--seed", type=seed, default=0, help="fixes every password and salt")
    parser.add_argument("--timeout", type=positive_float, default=10.0, help="seconds per save")
    parser.add_argument("--url", type=loopback_url, help="a server.py already running (default: start one)")
    parser.add_argument(
        "--callgraph", action="store_true", help="also plot the aiohttp mode's CPU and I/O spans"
    )
    parser.add_argument("--output-dir", type=writable_dir, help="where the plot goes")
    args = parser.parse_args(argv)
    folder = output_dir("08_concurrency", args.output_dir) if args.callgraph else None
    return run_workload(book, args, folder)
