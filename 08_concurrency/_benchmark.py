"""Chapter 08 benchmark cases: the crawlers against a slow local server, the bcrypt workload.

One server.py (on a free loopback port) serves every case; it is started on
first use and stopped when the benchmark ends. gevent runs in a worker process
of its own (``crawler/_gevent_worker.py``), started once, so that its
monkey-patching never touches this process and its interpreter start is not
timed.
"""

import atexit
import json
import subprocess
import sys
from pathlib import Path

from hpp.bench import Case, Workload
from hpp.loader import load_example
from hpp.service import http_ready, start_service

HERE = Path(__file__).parent
CRAWLER = HERE / "crawler"
_services = {}


def _stop_all():
    worker = _services.pop("gevent", None)
    if worker is not None:
        worker.stdin.close()
        try:
            worker.wait(5)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    server = _services.pop("server", None)
    if server is not None:
        server.stop()


atexit.register(_stop_all)
close = _stop_all  # hpp bench calls it after the chapter


def server_url():
    """The shared server.py's base URL, starting it on first use."""
    if "server" not in _services:
        _services["server"] = start_service(
            [sys.executable, str(HERE / "server.py"), "--port", "{port}"], ready=http_ready("/")
        )
    return _services["server"].url


def common():
    return load_example(CRAWLER / "_crawler_common.py")


# ---------------------------------------------------------------- crawlers


def crawl_setup(params):
    pairs = common().generate_urls(server_url(), params["requests"], params["delay"])
    return [url for _, url in pairs], [name for name, _ in pairs], params["concurrency"]


def crawl_check(outcome, params):
    bodies, names = outcome
    assert len(names) == params["requests"]
    assert common().arrived_exactly_once(names, bodies), "responses missing or repeated"


def in_process_case(name, script):
    def run(state):
        urls, names, concurrency = state
        module = load_example(CRAWLER / script)
        crawl = common().blocking(getattr(module, "crawl", None) or module.fetch_all)
        if script == "serial.py":
            return crawl(urls), names
        return crawl(urls, concurrency), names

    return Case(name, run=run, setup=crawl_setup, check=crawl_check)


def gevent_crawl(urls, concurrency):
    if "gevent" not in _services:
        _services["gevent"] = subprocess.Popen(
            [sys.executable, str(CRAWLER / "_gevent_worker.py")],
            cwd=CRAWLER,
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
    worker = _services["gevent"]
    worker.stdin.write(json.dumps({"urls": urls, "concurrency": concurrency, "timeout": 30}) + "\n")
    worker.stdin.flush()
    answer = json.loads(worker.stdout.readline() or '{"error": "the gevent worker stopped"}')
    if "error" in answer:
        raise RuntimeError(answer["error"])
    return answer["bodies"]


def gevent_run(state):
    urls, names, concurrency = state
    return gevent_crawl(urls, concurrency), names


def gevent_setup(params):
    state = crawl_setup(params)
    gevent_crawl(state[0][:1], 1)  # start the worker and import gevent, untimed
    return state


# ---------------------------------------------------------------- workload


def family():
    return load_example(HERE / "_concurrency_family.py")


def workload_module():
    return load_example(HERE / "workload.py")


def workload_case(name, mode, requires=None):
    def setup(params):
        module = workload_module()
        url = f"{server_url()}/add?delay=100" if mode in family().IO_MODES else None
        return module, url, params["tasks"], params["difficulty"]

    def run(state):
        module, url, tasks, difficulty = state
        return family().run_mode(module, mode, tasks, difficulty, url)

    def check(results, params):
        key = (params["tasks"], params["difficulty"])
        if key not in EXPECTED:  # the no-I/O hashes, computed once per size
            EXPECTED[key] = workload_module().calculate_task_noio(*key)
        assert results == EXPECTED[key], f"{mode}: the hashes differ from the no-I/O run"

    return Case(name, run=run, setup=setup, check=check, requires=requires)


EXPECTED = {}


def uvloop_missing(params):
    return None if family().have_uvloop() else "uvloop is not installed (pip install uvloop)"


WORKLOADS = [
    Workload(
        name="crawl a slow server",
        description="GET /add sleeping `delay` ms on the server; every response checked once",
        baseline="serial (requests)",
        sizes={
            "test": [{"requests": 20, "delay": 5, "concurrency": 10}],
            "quick": [{"requests": 100, "delay": 20, "concurrency": 100}],
            "book": [{"requests": 1000, "delay": 100, "concurrency": 100}],
        },
        cases=[
            in_process_case("serial (requests)", "serial.py"),
            Case("gevent", run=gevent_run, setup=gevent_setup, check=crawl_check),
            in_process_case("tornado", "tornado_crawler.py"),
            in_process_case("aiohttp", "aiohttp_crawler.py"),
            in_process_case("callbacks (asyncio protocol)", "callback_crawler.py"),
        ],
        repeat=5,
        budget_seconds=2.0,
        headline="Crawler",
    ),
    Workload(
        name="bcrypt tasks saved over HTTP",
        description="bcrypt hash per task (cost = difficulty), each saved with a 100 ms POST",
        baseline="serial",
        sizes={
            "test": [{"difficulty": 4, "tasks": 4}],
            "quick": [{"difficulty": 5, "tasks": 15}, {"difficulty": 8, "tasks": 10}],
            "book": [
                {"difficulty": 8, "tasks": 600},
                {"difficulty": 10, "tasks": 600},
                {"difficulty": 11, "tasks": 600},
                {"difficulty": 12, "tasks": 400},
            ],
        },
        cases=[
            workload_case("serial", "serial"),
            workload_case("batches (AsyncBatcher)", "batches"),
            workload_case("aiohttp", "aiohttp"),
            workload_case("uvloop", "uvloop", requires=uvloop_missing),
            workload_case("file", "file"),
            workload_case("no I/O", "no-io"),
        ],
        repeat=3,
        budget_seconds=1.5,
    ),
]
