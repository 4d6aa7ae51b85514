"""CPU work mixed with I/O: bcrypt hashes, each saved to a slow server.

Chapter 8 ("Asynchronous I/O"), the closing workload. Each task hashes a
password with bcrypt (CPU work; ``--difficulty`` is bcrypt's cost, 2**cost
rounds) and then saves the hash with a ``POST /add`` that the server takes
0.1 s to answer (I/O). The same tasks run six ways:

- ``serial``: ``requests`` posts each result and waits: CPU time + tasks x 0.1 s;
- ``batches``: ``AsyncBatcher`` keeps serial-looking code but saves the results
  100 at a time, concurrently (the book's "pipelining": a compromise between
  asynchronous speed and serial simplicity);
- ``aiohttp``: a coroutine hashes and hands each save to a task in a
  ``TaskGroup`` (at most ``--concurrency`` saves in flight); the ``TaskGroup``
  is *inside* the ``ClientSession`` block, so the session outlives every save
  (the book's 3rd-edition code has them the other way round, and the session
  closes under the running saves); ``await asyncio.sleep(0)`` after each hash
  lets the loop send the saves while the CPU keeps hashing;
- ``uvloop``: the same coroutine on uvloop's faster event loop, where installed;
- ``file``: each result written to a file instead (local I/O);
- ``no-io``: the hashes alone, the floor every mode is measured against.

With asynchronous saves the I/O hides behind the CPU work: the book measured
600 tasks at difficulty 8 in 9.8 s (no I/O 9.4 s, serial 71 s). Each task's
password and salt come from ``--seed``, so every mode computes the same hashes;
the script checks that, and that the server saved each result once.

Run (it starts its own server.py on a free port unless given --url):
    python 08_concurrency/workload.py                          # 600 items, difficulty 8, every mode
    python 08_concurrency/workload.py --items 50 --difficulty 6 --modes serial aiohttp no-io
    python 08_concurrency/workload.py --items 100 --difficulty 8 --callgraph   # CPU vs I/O plot
"""

# book: 3rd ed. code, "workload.py" (its imports)
import asyncio
import json
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

import aiohttp
import bcrypt
import requests
from _concurrency_family import task_inputs  # ours: each task's password and salt, from --seed

# book: end


# book: 3rd ed. code, "workload.py" (the CPU task)
def do_task(i, difficulty, seed=0):
    """The CPU-bound part: one bcrypt hash."""
    password, salt = task_inputs(i, difficulty, seed)  # the book: a random password, bcrypt.gensalt
    return bcrypt.hashpw(password, salt).decode()


# book: end


# ---------------------------------------------------------------- the six modes


# book: 3rd ed. code, "workload.py" (the modes without a server)
def calculate_task_noio(num_iter, task_difficulty, seed=0):
    """The hashes alone: the floor every mode is measured against."""
    return [do_task(i, task_difficulty, seed) for i in range(num_iter)]


def calculate_task_fileio(num_iter, task_difficulty, seed=0, folder=None):
    """Each hash written to a temporary file (local I/O) as it is made."""
    results = []
    with tempfile.TemporaryDirectory(dir=folder) as tmp, open(Path(tmp) / "results.txt", "w") as handle:
        for i in range(num_iter):
            result = do_task(i, task_difficulty, seed)
            handle.write(json.dumps({"id": i, "hash": result}) + "\n")
            handle.flush()
            results.append(result)
    return results


# book: end


# book: 3rd ed. code, "workload.py" (the modes with a server)
def save_result_serial(session, url, i, result, timeout=10.0):
    response = session.post(url, json={"id": i, "hash": result}, timeout=timeout)
    response.raise_for_status()
    return response.json()


def calculate_task_serial(num_iter, difficulty, url, seed=0, timeout=10.0):
    results = []
    with requests.Session() as session:
        for i in range(num_iter):
            result = do_task(i, difficulty, seed)
            save_result_serial(session, url, i, result, timeout)
            results.append(result)
    return results


class AsyncBatcher:
    """Collects results and saves them ``batch_size`` at a time, concurrently.

    The calling code stays serial: ``batcher.save(...)`` returns at once until
    the batch is full, then one ``flush`` sends the whole batch at the same
    time and waits for all of it. Use it as a context manager so that the last
    partial batch is flushed.
    """

    def __init__(self, url, batch_size=100, timeout=10.0):
        self.url, self.batch_size, self.timeout = url, batch_size, timeout
        self.batch = []
        self.saved = 0

    def save(self, document):
        self.batch.append(document)
        if len(self.batch) == self.batch_size:
            self.flush()

    def flush(self):
        if self.batch:
            asyncio.run(self._send(self.batch))
            self.saved += len(self.batch)
            self.batch = []

    async def _send(self, batch):
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        connector = aiohttp.TCPConnector(limit=self.batch_size)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
            async with asyncio.TaskGroup() as group:
                for document in batch:
                    group.create_task(post_json(session, self.url, document))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            self.flush()


async def post_json(session, url, document):
    async with session.post(url, json=document) as response:
        response.raise_for_status()
        return await response.json()


def calculate_task_batch(num_iter, difficulty, url, seed=0, timeout=10.0, batch_size=100):
    results = []
    with AsyncBatcher(url, batch_size, timeout) as batcher:
        for i in range(num_iter):
            result = do_task(i, difficulty, seed)
            batcher.save({"id": i, "hash": result})
            results.append(result)
    return results


CPU, IO = 0, 1  # the kinds of span in a call graph, as the book's timer records them


async def save_result_aiohttp(session, semaphore, url, i, result, spans=None):
    async with semaphore:
        start = time.perf_counter()
        answer = await post_json(session, url, {"id": i, "hash": result})
        if spans is not None:
            spans.append((IO, start, time.perf_counter()))
        return answer


async def calculate_task_aiohttp(
    num_iter, difficulty, url, seed=0, timeout=10.0, concurrency=100, spans=None
):
    """Hash in the coroutine, save in tasks; ``spans`` (a list) collects the call graph."""
    results = []
    semaphore = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency)
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    async with aiohttp.ClientSession(connector=connector, timeout=client_timeout) as session:
        async with asyncio.TaskGroup() as group:  # inside the session: it closes after the saves
            for i in range(num_iter):
                start = time.perf_counter()
                result = do_task(i, difficulty, seed)
                if spans is not None:
                    spans.append((CPU, start, time.perf_counter()))
                group.create_task(save_result_aiohttp(session, semaphore, url, i, result, spans))
                results.append(result)
                await asyncio.sleep(0)  # let the loop send the saves made so far
    return results


def run_aiohttp(
    num_iter, difficulty, url, seed=0, timeout=10.0, concurrency=100, use_uvloop=False, spans=None
):
    """``asyncio.run`` of the aiohttp mode, on uvloop's loop when ``use_uvloop``."""
    coroutine = calculate_task_aiohttp(num_iter, difficulty, url, seed, timeout, concurrency, spans)
    loop_factory = None
    if use_uvloop:
        import uvloop

        loop_factory = uvloop.new_event_loop
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        return runner.run(coroutine)


# book: end


# ---------------------------------------------------------------- the call graph


# book: 3rd ed. code, "workload.py" (the call graph)
async def calculate_task_aiohttp_timer(num_iter, task_difficulty, url, seed=0, timeout=10.0, concurrency=100):
    """The aiohttp mode, timed: ``[(kind, start, end)]``, kind 0 for a hash (CPU), 1 for a save (I/O)."""
    times = []
    await calculate_task_aiohttp(num_iter, task_difficulty, url, seed, timeout, concurrency, spans=times)
    return times


def async_callgraph(
    num_iter=25, task_difficulty=12, url=None, path=None, seed=0, timeout=10.0, concurrency=100, title=None
):
    """Time ``num_iter`` aiohttp tasks and draw their CPU and I/O spans to ``path``; returns the spans.

    ``url`` is where the saves go (a server.py's ``/add``); without it, this starts its own
    server.py. Without ``path`` the figure goes to ``async_callgraph.png`` in the chapter's
    output folder.
    """
    from _concurrency_family import SERVER, output_dir, server_or_given

    with server_or_given(SERVER, None, "workload.py") if url is None else nullcontext() as base_url:
        save_url = url or f"{base_url}/add"
        times = asyncio.run(
            calculate_task_aiohttp_timer(num_iter, task_difficulty, save_url, seed, timeout, concurrency)
        )
    times.sort(key=lambda span: span[1])
    path = path or output_dir("08_concurrency") / "async_callgraph.png"
    plot_callgraph(times, path, title or f"aiohttp: {num_iter} bcrypt tasks at difficulty {task_difficulty}")
    return times


# book: end


# book: 3rd ed. code, "workload.py" (the call graph, continued)
def plot_callgraph(spans, path, title):
    """CPU spans on one row, each save on its own row below: the I/O hides behind the CPU."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    origin = min(start for _, start, _ in spans)
    cpu = [(s - origin, e - s) for kind, s, e in spans if kind == CPU]
    io = sorted((s - origin, e - s) for kind, s, e in spans if kind == IO)
    fig, ax = plt.subplots(figsize=(10, 5))
    ax.broken_barh(cpu, (0, 0.8), color="tab:red", label="CPU (bcrypt)")
    for row, (start, width) in enumerate(io, start=1):
        ax.broken_barh(
            [(start, width)], (row, 0.8), color="tab:blue", label="I/O (save)" if row == 1 else None
        )
    ax.set_xlabel("time (s)")
    ax.set_ylabel("CPU row, then one row per save")
    ax.set_title(title)
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# book: end


def main(argv=None):
    from _concurrency_family import workload_main

    workload_main(__doc__, globals(), argv)


if __name__ == "__main__":
    main()
