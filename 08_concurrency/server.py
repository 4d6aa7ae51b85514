"""The slow local HTTP server every chapter 8 example talks to (aiohttp).

Chapter 8 ("Asynchronous I/O") measures crawlers against a server whose every
answer takes a known time, so that the only thing that changes between the
crawlers is how they wait. This server has the book's endpoints:

- ``GET /add?name=NAME&delay=MS``: sleeps ``MS`` milliseconds, answers ``NAME``
  (the book answers ``.``; echoing the name lets a crawler check that every
  response arrived exactly once), and records when the request started and
  ended on the server;
- ``GET /metrics``: the recorded requests as JSON (``[{"name", "start",
  "end"}, ...]``, times in seconds since the epoch); ``GET /metrics?reset=1``
  returns them and starts a new record (the book's ``?flush=True``);
- ``POST /add?delay=MS``: the workload's slow "database": it sleeps ``MS``
  milliseconds (default 100, the book's 0.1 s), keeps the JSON it was sent and
  answers ``{"saved": ID}``; ``GET /saved`` returns how many items it holds
  and the most saves it has had in flight at once (``{"saved": N,
  "most_in_flight": M}``: 1 for a serial client; ``?reset=1`` starts both again);
- ``GET /``: ``ok``, the readiness probe.

A sleeping request costs the server nothing but a timer, so it answers a
thousand concurrent requests at once; the listen backlog is raised for that.

Run (it serves until Ctrl-C; the crawlers start their own copy when given no
``--url``):
    python 08_concurrency/server.py --port 8080
    curl 'http://127.0.0.1:8080/add?name=hello&delay=100'
"""

# book: 3rd ed. code, "crawler/server.py" and 2nd ed. code, "workload/server.py" (Tornado there)
import asyncio
import time

from _concurrency_family import delay_seconds, index, saved_handler  # ours: delay check, GET / and /saved
from aiohttp import web

METRICS = web.AppKey("metrics", list)
SAVED = web.AppKey("saved", list)
IN_FLIGHT = web.AppKey("in_flight", dict)  # POST /add: {"now": N, "most": M}
DEFAULT_DELAY_MS = web.AppKey("default_delay_ms", int)


class AddMetric(web.View):
    """``GET /add?name=NAME&delay=MS``, the crawler endpoint: sleep, record the span, echo the name."""

    async def get(self):
        request = self.request
        name = request.query.get("name", ".")
        delay = delay_seconds(request, request.app[DEFAULT_DELAY_MS])
        start = time.time()
        await asyncio.sleep(delay)
        request.app[METRICS].append({"name": name, "start": start, "end": time.time()})
        return web.Response(text=name)


class Addresult(web.View):
    """``POST /add?delay=MS``, the workload's slow "database": a slow save of a JSON document."""

    async def post(self):
        request = self.request
        delay = delay_seconds(request, 100)
        try:
            document = await request.json()
        except ValueError:
            raise web.HTTPBadRequest(text="the body must be JSON") from None
        in_flight = request.app[IN_FLIGHT]
        in_flight["now"] += 1
        in_flight["most"] = max(in_flight["most"], in_flight["now"])
        try:
            await asyncio.sleep(delay)
        finally:
            in_flight["now"] -= 1
        saved = request.app[SAVED]
        saved.append(document)
        return web.json_response({"saved": len(saved) - 1})


async def metrics(request):
    data = list(request.app[METRICS])
    if request.query.get("reset") or request.query.get("flush"):
        request.app[METRICS].clear()
    return web.json_response(data)


def make_app(default_delay_ms=100):
    app = web.Application()
    app[METRICS] = []
    app[SAVED] = []
    app[IN_FLIGHT] = {"now": 0, "most": 0}
    app[DEFAULT_DELAY_MS] = default_delay_ms
    app.add_routes(
        [
            web.get("/", index),
            web.get("/add", AddMetric),
            web.post("/add", Addresult),
            web.get("/metrics", metrics),
            web.get("/saved", saved),
        ]
    )
    return app


async def serve(app, port, backlog):
    """Serve ``app`` on 127.0.0.1:``port`` until the process is stopped."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", port, backlog=backlog)
        await site.start()
        await asyncio.Event().wait()  # forever
    finally:
        await runner.cleanup()


def run_server(port=8080, delay=100, backlog=4096, loop_factory=None):
    """Serve the app on 127.0.0.1:``port`` (``delay`` ms by default per GET /add) until stopped."""
    print(f"serving on http://127.0.0.1:{port} (Ctrl-C to stop)", flush=True)
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        runner.run(serve(make_app(delay), port, backlog))


# book: end

saved = saved_handler(SAVED, IN_FLIGHT)  # GET /saved: how many saves, the most in flight at once


def main(argv=None):
    from _concurrency_family import server_main

    server_main(__doc__, run_server, argv)


if __name__ == "__main__":
    main()
