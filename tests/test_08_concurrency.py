"""Chapter 08: the slow server, the five crawlers, the toy event loop, the bcrypt workload.

Every crawler runs against a real server.py on loopback. The server echoes
each request's name and records when it held each request, so the tests check
exactly: every response arrived once, the server saw each request once, and
it never held more requests at once than the crawler's concurrency limit
(one at a time for the serial crawler).
"""

import contextlib
import io
import json
import sys
import time
import urllib.error
import urllib.request

import pytest

from hpp.loader import REPO_ROOT, load_example
from hpp.service import free_port, http_ready, running_service

CHAPTER = REPO_ROOT / "08_concurrency"
common = load_example(CHAPTER / "crawler" / "_crawler_common.py")
event_loop = load_example(CHAPTER / "event_loop.py")
family = load_example(CHAPTER / "_concurrency_family.py")

CONCURRENT = ["gevent_crawler.py", "tornado_crawler.py", "aiohttp_crawler.py", "callback_crawler.py"]
CRAWLERS = ["serial.py"] + CONCURRENT


def start_server():
    return running_service(
        [sys.executable, str(CHAPTER / "server.py"), "--port", "{port}"], ready=http_ready("/")
    )


@pytest.fixture(scope="module")
def server():
    with start_server() as service:
        yield service.url


@pytest.fixture
def own_server():
    """A server of the test's own: no request left over from another test shows in its metrics."""
    with start_server() as service:
        yield service.url


def get(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode()


def post(url, document, timeout=10):
    request = urllib.request.Request(
        url, data=json.dumps(document).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def take_metrics(server):
    return json.loads(get(f"{server}/metrics?reset=1"))


# ---------------------------------------------------------------- the server


@pytest.mark.server
def test_the_server_echoes_sleeps_and_records(server):
    take_metrics(server)
    assert get(f"{server}/add?name=abc&delay=30") == "abc"
    assert get(f"{server}/add?name=xyz&delay=0") == "xyz"
    records = take_metrics(server)
    assert [r["name"] for r in records] == ["abc", "xyz"]
    assert records[0]["end"] - records[0]["start"] >= 0.029  # it slept the 30 ms it was asked
    assert take_metrics(server) == []  # reset=1 started a new record


@pytest.mark.server
def test_the_server_saves_posted_documents(server):
    before = json.loads(get(f"{server}/saved"))["saved"]
    answer = post(f"{server}/add?delay=5", {"id": 1, "hash": "x"})
    assert answer == {"saved": before}
    assert json.loads(get(f"{server}/saved"))["saved"] == before + 1


@pytest.mark.server
@pytest.mark.parametrize("query", ["delay=x", "delay=-1", "delay=1e9"])
def test_the_server_rejects_a_bad_delay(server, query):
    with pytest.raises(urllib.error.HTTPError) as error:
        get(f"{server}/add?name=a&{query}")
    assert error.value.code == 400
    error.value.close()


@pytest.mark.server
def test_server_script_rejects_bad_flags(run_example, assert_bad_input):
    assert "--port" in assert_bad_input(run_example("08_concurrency/server.py", "--port", "70000"))
    assert_bad_input(run_example("08_concurrency/server.py", "--port", "-3"))


def test_max_in_flight():
    def span(start, end):
        return {"name": "n", "start": start, "end": end}

    assert common.max_in_flight([]) == 0
    assert common.max_in_flight([span(0, 1), span(1, 2), span(2, 3)]) == 1  # back to back
    assert common.max_in_flight([span(0, 3), span(1, 2), span(1.5, 4), span(5, 6)]) == 3


def test_arrived_exactly_once():
    assert common.arrived_exactly_once(["a", "b"], ["b", "a"])
    assert not common.arrived_exactly_once(["a", "b"], ["a", "a"])
    assert not common.arrived_exactly_once(["a", "b"], ["a"])


# ---------------------------------------------------------------- the crawlers


def result_lines(stdout):
    return dict(line.split(" = ", 1) for line in stdout.splitlines() if " = " in line)


@pytest.mark.server
@pytest.mark.parametrize("crawler", CRAWLERS)
def test_every_response_arrives_exactly_once(crawler, server, run_example):
    requests, delay, concurrency = 50, 50, 10
    take_metrics(server)
    args = ["--url", server, "--requests", requests, "--delay-ms", delay]
    if crawler != "serial.py":
        args += ["--concurrency", concurrency]
    completed = run_example(f"08_concurrency/crawler/{crawler}", *args, timeout=120, check=True)
    result = result_lines(completed.stdout)
    assert result["requests"] == result["responses"] == str(requests)
    assert result["every response arrived exactly once"] == "True"

    records = take_metrics(server)
    names = [r["name"] for r in records]
    assert len(names) == len(set(names)) == requests  # the server saw each request once
    in_flight = common.max_in_flight(records)
    wall, bound = float(result["wall time"].split()[0]), requests * delay / 1000
    if crawler == "serial.py":
        assert in_flight == 1
        assert wall >= bound  # it cannot beat the sum of the delays
    else:
        assert 2 <= in_flight <= concurrency  # concurrent, and the limit holds
        assert wall < bound / 2  # wide margin: the ideal is bound / concurrency


@pytest.mark.server
@pytest.mark.parametrize("crawler", CRAWLERS)
def test_an_unreachable_server_is_one_line_and_exit_2(crawler, run_example, assert_bad_input):
    url = f"http://127.0.0.1:{free_port()}"
    completed = run_example(f"08_concurrency/crawler/{crawler}", "--url", url, "--requests", "5", timeout=60)
    assert "cannot reach the server" in assert_bad_input(completed)


@pytest.mark.parametrize(
    "args",
    [
        ["--url", "http://example.com:80"],
        ["--url", "ftp://127.0.0.1"],
        ["--requests", "0"],
        ["--delay-ms", "x"],
        ["--timeout", "-1"],
    ],
)
def test_crawler_bad_input(args, run_example, assert_bad_input):
    assert_bad_input(run_example("08_concurrency/crawler/aiohttp_crawler.py", *args))


@pytest.mark.server
def test_a_slow_answer_times_out_with_one_line(server, run_example, assert_bad_input):
    for crawler in ("serial.py", "aiohttp_crawler.py", "callback_crawler.py"):
        completed = run_example(
            f"08_concurrency/crawler/{crawler}",
            "--url",
            server,
            "--requests",
            "3",
            "--delay-ms",
            "3000",
            "--timeout",
            "0.3",
            timeout=60,
        )
        assert "failed" in assert_bad_input(completed), crawler


@pytest.mark.server
def test_callback_and_aiohttp_crawlers_in_process(server):
    callback = load_example(CHAPTER / "crawler" / "callback_crawler.py")
    aiohttp_crawler = load_example(CHAPTER / "crawler" / "aiohttp_crawler.py")
    pairs = common.generate_urls(server, 30, 5)
    names, urls = [name for name, _ in pairs], [url for _, url in pairs]
    assert callback.crawl(urls, concurrency=7) == names  # in URL order
    assert common.blocking(aiohttp_crawler.fetch_all)(urls, concurrency=7) == names
    assert callback.crawl([], concurrency=7) == []
    with pytest.raises(TimeoutError):
        callback.crawl([f"{server}/add?name=a&delay=2000"], timeout=0.2)
    with pytest.raises(ConnectionError):
        callback.crawl([f"http://127.0.0.1:{free_port()}/add?name=a"], timeout=2)


@pytest.mark.server
def test_the_concurrency_sweep_respects_each_limit(server, run_example, tmp_path):
    sweep = load_example(CHAPTER / "crawler" / "parallel_requests.py")

    # Only the requests a sweep started: one left over from an earlier test (the shared server
    # records it when it ends) would overlap the sweep's first request.
    def requests_since(started):
        return [record for record in take_metrics(server) if record["start"] >= started]

    take_metrics(server)
    started = time.time()
    results = sweep.sweep(server, 12, [20], [1], progress=lambda line: None)
    assert list(results) == [20] and list(results[20]) == [1]
    assert results[20][1] >= 12 * 0.020  # limit 1 is serial: it cannot beat the sum of delays
    records = requests_since(started)
    assert len(records) >= 12 and common.max_in_flight(records) == 1
    started = time.time()
    sweep.sweep(server, 12, [20], [4], progress=lambda line: None)
    assert 2 <= common.max_in_flight(requests_since(started)) <= 4

    completed = run_example(
        "08_concurrency/crawler/parallel_requests.py",
        "--url",
        server,
        "--requests",
        "10",
        "--delays-ms",
        "5",
        "10",
        "--limits",
        "1",
        "5",
        "--output-dir",
        tmp_path / "out",
        timeout=120,
        check=True,
    )
    assert "delay 5 ms: limit 1 takes" in completed.stdout
    data = json.loads((tmp_path / "out" / "parallel_requests.json").read_text())
    assert data["requests"] == 10
    assert {d: sorted(t) for d, t in data["results"].items()} == {"5": ["1", "5"], "10": ["1", "5"]}
    assert (tmp_path / "out" / "parallel_requests.png").stat().st_size > 1000


@pytest.mark.server
def test_visualize_records_each_crawler_and_replots(own_server, run_example, assert_bad_input, tmp_path):
    out = tmp_path / "out"
    completed = run_example(
        "08_concurrency/crawler/visualize.py",
        "--url",
        own_server,
        "--requests",
        "15",
        "--delay-ms",
        "20",
        "--concurrency",
        "5",
        "--crawlers",
        "serial",
        "gevent",
        "--output-dir",
        out,
        timeout=120,
        check=True,
    )
    lines = completed.stdout.splitlines()
    assert "serial: requests = 15, most in flight = 1" in lines[0]
    gevent_line = lines[1]
    assert gevent_line.startswith("gevent: requests = 15, most in flight = ")
    assert 2 <= int(gevent_line.split("most in flight = ")[1].split(",")[0]) <= 5
    records = json.loads((out / "crawler_metrics.json").read_text())
    assert sorted(records) == ["gevent", "serial"] and len(records["serial"]) == 15
    assert (out / "crawler_timelines.png").stat().st_size > 1000

    replot = run_example(
        "08_concurrency/crawler/visualize.py",
        "--metrics",
        out / "crawler_metrics.json",
        "--output-dir",
        tmp_path / "again",
        check=True,
    )
    assert replot.stdout.splitlines()[0] == lines[0]
    (tmp_path / "bad.json").write_text("[1, 2]")
    assert_bad_input(run_example("08_concurrency/crawler/visualize.py", "--metrics", tmp_path / "bad.json"))


# ---------------------------------------------------------------- the toy event loop


def test_the_toy_event_loop_alternates_hello_and_world():
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        event_loop.main(["--steps", "5"])
    assert output.getvalue().split() == ["Hello", "world", "Hello", "world", "Hello"]


# ---------------------------------------------------------------- the bcrypt workload


@pytest.fixture(scope="module")
def workload():
    return load_example(CHAPTER / "workload.py")


def saved_on(server):
    return json.loads(get(f"{server}/saved"))["saved"]


def test_the_workload_tasks_are_fixed_by_the_seed_and_verify(workload):
    import bcrypt

    password, salt = workload.task_inputs(3, 4, seed=1)
    assert workload.task_inputs(3, 4, seed=1) == (password, salt)
    assert workload.task_inputs(3, 4, seed=2) != (password, salt)
    assert salt.startswith(b"$2b$04$") and len(salt) == 29
    hashed = workload.do_task(3, 4, seed=1)
    assert bcrypt.checkpw(password, hashed.encode())
    assert not bcrypt.checkpw(b"wrong", hashed.encode())


@pytest.mark.server
def test_every_workload_mode_computes_and_saves_the_same_results(workload, server, tmp_path):
    tasks, difficulty = 12, 4
    expected = workload.calculate_task_noio(tasks, difficulty)
    assert len(set(expected)) == tasks
    url = f"{server}/add?delay=10"
    for mode in family.MODES:
        before = saved_on(server)
        results = family.run_mode(
            workload, mode, tasks, difficulty, url, concurrency=5, chunksize=5, folder=tmp_path
        )
        assert results == expected, mode
        assert saved_on(server) - before == (tasks if mode in family.IO_MODES else 0), mode


@pytest.mark.server
def test_async_and_batched_saves_overlap_at_the_server(workload, own_server):
    """The I/O hidden, as a count: the most saves in flight at once, measured by the server.

    Serial code waits for each save (1 at a time); the batcher sends a batch together (its size)
    and the coroutine keeps hashing while up to ``concurrency`` saves wait (5 here).
    """
    modes = ["serial", "batches", "aiohttp"] + (["uvloop"] if family.have_uvloop() else [])
    most = {}
    for mode in modes:
        get(f"{own_server}/saved?reset=1")
        family.run_mode(workload, mode, 12, 4, f"{own_server}/add?delay=100", concurrency=5, chunksize=5)
        answer = json.loads(get(f"{own_server}/saved"))
        assert answer["saved"] == 12, mode
        most[mode] = answer["most_in_flight"]
    expected = {"serial": 1, "batches": 5, "aiohttp": 5, "uvloop": 5}
    assert most == {mode: expected[mode] for mode in modes}


@pytest.mark.server
def test_async_batcher_flushes_full_batches_and_the_rest(workload, server):
    before = saved_on(server)
    with workload.AsyncBatcher(f"{server}/add?delay=5", batch_size=5) as batcher:
        for i in range(12):
            batcher.save({"id": i, "hash": str(i)})
        assert batcher.saved == 10 and len(batcher.batch) == 2  # two full batches sent
    assert batcher.saved == 12 and batcher.batch == []
    assert saved_on(server) - before == 12


@pytest.mark.server
def test_the_workload_script_checks_its_modes_and_plots(workload, run_example, tmp_path):
    completed = run_example(
        "08_concurrency/workload.py",
        "--items",
        "12",
        "--difficulty",
        "4",
        "--delay-ms",
        "10",
        "--callgraph",
        "--output-dir",
        tmp_path / "out",
        timeout=120,
        check=True,
    )
    result = result_lines(completed.stdout)
    assert result["every mode computed the same results"] == "True"
    expected = family.results_digest(workload.calculate_task_noio(12, 4))
    assert result["results digest"] == expected
    for mode in family.MODES:
        assert any(line.startswith(f"{mode}: ") for line in completed.stdout.splitlines()), mode
    assert (tmp_path / "out" / "workload_callgraph.png").stat().st_size > 1000


@pytest.mark.parametrize(
    "args",
    [
        ["--difficulty", "3"],
        ["--difficulty", "32"],
        ["--modes", "bogus"],
        ["--items", "0"],
        ["--url", f"http://127.0.0.1:{free_port()}", "--items", "2"],
    ],
)
def test_workload_bad_input(args, run_example, assert_bad_input):
    assert_bad_input(run_example("08_concurrency/workload.py", *args, timeout=60))


# ---------------------------------------------------------------- the book's names in the book's files

BOOK_NAMES = {
    "serial.py": ["generate_urls", "run_experiment"],
    "gevent_crawler.py": ["generate_urls", "download", "chunked_requests", "run_experiment"],
    "tornado_crawler.py": ["generate_urls", "run_experiment"],
    "aiohttp_crawler.py": ["generate_urls", "chunked_http_client", "run_experiment"],
    "callback_crawler.py": ["generate_urls", "run_experiment"],
}


@pytest.mark.parametrize("crawler", sorted(BOOK_NAMES))
def test_each_crawler_defines_the_books_functions(crawler):
    import ast

    tree = ast.parse((CHAPTER / "crawler" / crawler).read_text())
    defined = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    assert not set(BOOK_NAMES[crawler]) - defined


@pytest.mark.server
def test_the_books_run_experiment_counts_every_response(server):
    import asyncio

    base_url = f"{server}/add?delay=5&name="
    for crawler in ("serial.py", "callback_crawler.py"):
        module = load_example(CHAPTER / "crawler" / crawler)
        assert module.run_experiment(base_url, 25) == 25, crawler
        urls = list(module.generate_urls(base_url, 3))
        assert all(url.startswith(base_url) and len(url) == len(base_url) + 10 for url in urls)
    for crawler in ("aiohttp_crawler.py", "tornado_crawler.py"):
        module = load_example(CHAPTER / "crawler" / crawler)
        assert asyncio.run(module.run_experiment(base_url, 25, concurrency=5)) == 25, crawler


@pytest.mark.server
def test_the_crawler_prints_the_books_result_line(server, run_example):
    completed = run_example(
        "08_concurrency/crawler/gevent_crawler.py",
        "--url",
        server,
        "--requests",
        "20",
        "--delay-ms",
        "5",
        check=True,
    )
    first = completed.stdout.splitlines()[0]
    assert first.startswith("Result: 20, Time: ")
    assert float(first.split("Time: ")[1]) >= 0.005  # 20 requests of 5 ms, 100 at a time


@pytest.mark.parametrize(
    "script, args, flag",
    [
        ("08_concurrency/workload.py", ["--output-dir", "/proc/hpp-no/folder"], "--output-dir"),
        ("08_concurrency/workload.py", ["--seed", "-1"], "--seed"),
        ("08_concurrency/workload.py", ["--difficulty", "1e400"], "--difficulty"),
        (
            "08_concurrency/crawler/parallel_requests.py",
            ["--output-dir", "/proc/hpp-no/folder"],
            "--output-dir",
        ),
        ("08_concurrency/crawler/visualize.py", ["--url", "http://127.0.0.1:9"], "--url"),
        ("08_concurrency/server.py", ["--port", "70000"], "--port"),
    ],
)
def test_a_bad_value_stops_before_any_work(run_example, assert_bad_input, tmp_path, script, args, flag):
    line = assert_bad_input(run_example(script, *args, timeout=60))
    assert flag in line
    assert not (tmp_path / "output").exists()  # nothing was written: no work started


def test_the_figures_name_scripts_that_exist():
    figures = load_example(CHAPTER / "_figures.py").FIGURES
    assert len({f.file_name for f in figures}) == len(figures)
    for figure in figures:
        assert (CHAPTER / figure.script).is_file(), figure.script
        assert figure.output.endswith(".png") and "--output-dir" not in figure.args


# ---------------------------------------------------------------- the book's names, imported by plain name


def test_server_add_metric_and_addresult_are_the_add_handlers(import_plain, own_server):
    server = import_plain("08_concurrency", "server")
    handlers = {
        (route.method, route.resource.canonical): route.handler for route in server.make_app().router.routes()
    }
    assert handlers[("GET", "/add")] is server.AddMetric
    assert handlers[("POST", "/add")] is server.Addresult
    # the running server answers through them: AddMetric echoes and records, Addresult saves
    assert get(f"{own_server}/add?name=book&delay=5") == "book"
    assert [m["name"] for m in take_metrics(own_server)] == ["book"]
    assert post(f"{own_server}/add?delay=5", {"hash": "x"}) == {"saved": 0}
    assert json.loads(get(f"{own_server}/saved")) == {"saved": 1, "most_in_flight": 1}


def test_parallel_requests_process_download_and_chunked_requests(import_plain, own_server):
    import asyncio

    import aiohttp

    crawler = import_plain("08_concurrency/crawler", "parallel_requests")
    pairs = common.generate_urls(own_server, 6, 5)
    names, urls = [name for name, _ in pairs], [url for _, url in pairs]

    async def sizes():
        async with aiohttp.ClientSession() as session:
            return await asyncio.gather(*(crawler.process(session, url) for url in urls))

    assert asyncio.run(sizes()) == [len(name) for name in names]  # the server echoes each name
    finished = list(crawler.chunked_requests(urls, chunk_size=2))
    assert all(greenlet.successful() for greenlet in finished)
    assert sorted(greenlet.value.decode() for greenlet in finished) == sorted(names)
    assert crawler.download(urls[0], contextlib.nullcontext()) == names[0].encode()


def test_workload_noio_fileio_and_the_timed_call_graph(import_plain, own_server, tmp_path):
    import asyncio

    workload = import_plain("08_concurrency", "workload")
    expected = [workload.do_task(i, 4) for i in range(4)]
    assert workload.calculate_task_noio(4, 4) == expected
    assert workload.calculate_task_fileio(4, 4) == expected
    url = f"{own_server}/add?delay=5"
    times = asyncio.run(workload.calculate_task_aiohttp_timer(4, 4, url))
    assert sorted(kind for kind, _, _ in times) == [0, 0, 0, 0, 1, 1, 1, 1]  # 4 hashes, 4 saves
    assert all(end >= start for _, start, end in times)
    spans = workload.async_callgraph(3, 4, url, tmp_path / "callgraph.png")
    assert [start for _, start, _ in spans] == sorted(start for _, start, _ in spans)
    assert len(spans) == 6 and (tmp_path / "callgraph.png").stat().st_size > 1000
    assert json.loads(get(f"{own_server}/saved"))["saved"] == 7
