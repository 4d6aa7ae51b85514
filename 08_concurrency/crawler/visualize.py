"""Per-request timelines: when the server held each request, crawler by crawler.

Chapter 8 ("Asynchronous I/O"): the book plots, for each crawler, one line per
request from the moment the server received it to the moment it answered.
The serial crawler draws a staircase, one request at a time; the concurrent
crawlers draw blocks of ``--concurrency`` requests side by side. This script
runs each crawler in ``--crawlers`` (as a separate process, so that gevent
patches only its own) against one server.py, takes the server's ``/metrics``
record after each, and plots them: ``crawler_timelines.png``, with the records
in ``crawler_metrics.json`` (``--metrics FILE`` plots such a file again).

Run (it starts its own server.py on a free port unless given --url):
    python 08_concurrency/crawler/visualize.py                # every crawler, 1000 x 100 ms (serial: ~100 s)
    python 08_concurrency/crawler/visualize.py --requests 200 --delay 50 --crawlers aiohttp gevent
    python 08_concurrency/crawler/visualize.py --metrics results/08_concurrency/crawler_metrics.json
"""

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

from _crawler_common import SERVER, add_crawl_arguments, add_server_arguments, max_in_flight, server_or_given

from hpp.script import example_parser, existing_file, fail, output_dir, writable_dir

SMOKE_ARGS = ["--requests", "20", "--delay", "10", "--crawlers", "serial", "aiohttp"]

HERE = Path(__file__).resolve().parent
CRAWLERS = {
    "serial": "serial.py",
    "gevent": "gevent_crawler.py",
    "tornado": "tornado_crawler.py",
    "aiohttp": "aiohttp_crawler.py",
    "callback": "callback_crawler.py",
}


def take_metrics(base_url, timeout=10.0):
    """The server's request records since the last call (it starts a new record)."""
    with urllib.request.urlopen(f"{base_url}/metrics?reset=1", timeout=timeout) as response:
        return json.loads(response.read())


def run_crawler(name, base_url, requests, delay, concurrency, timeout=600):
    """Run one crawler script against ``base_url``; fail with its error line if it fails."""
    command = [
        sys.executable,
        str(HERE / CRAWLERS[name]),
        "--url",
        base_url,
        "--requests",
        str(requests),
        "--delay",
        str(delay),
    ]
    if name != "serial":
        command += ["--concurrency", str(concurrency)]
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["no message"])[-1]
        fail(f"visualize.py: the {name} crawler failed: {last}")


# book: 3rd ed. code, "crawler/visualize.py" (each crawler's request timeline)
def describe(metrics):
    """Figures for one crawler's record: count, most in flight, time spanned."""
    if not metrics:
        return {"requests": 0, "max_in_flight": 0, "span_s": 0.0}
    span = max(m["end"] for m in metrics) - min(m["start"] for m in metrics)
    return {"requests": len(metrics), "max_in_flight": max_in_flight(metrics), "span_s": span}


def plot(records, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [name for name in records if records[name]]
    fig, axes = plt.subplots(len(names), 1, figsize=(9, 2.6 * len(names)), squeeze=False)
    for ax, name in zip(axes[:, 0], names):
        metrics = sorted(records[name], key=lambda m: m["start"])
        origin = metrics[0]["start"]
        for row, m in enumerate(metrics):
            ax.plot([m["start"] - origin, m["end"] - origin], [row, row], color="tab:blue", lw=0.8)
        figures = describe(metrics)
        ax.set_title(
            f"{name}: {figures['requests']} requests in {figures['span_s']:.2f} s, "
            f"at most {figures['max_in_flight']} in flight"
        )
        ax.set_ylabel("request")
    axes[-1, 0].set_xlabel("time since the first request (s)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# book: end


def run_experiment(url, crawlers, requests, delay, concurrency, folder, metrics_file=None):
    """Run each crawler against one server (or read ``metrics_file``), print its figures, plot them all."""
    if metrics_file:
        try:
            records = json.loads(metrics_file.read_text())
            assert isinstance(records, dict) and all(isinstance(v, list) for v in records.values())
        except (ValueError, AssertionError):
            fail(f"visualize.py: {metrics_file} is not a crawler_metrics.json file")
    else:
        records = {}
        with server_or_given(SERVER, url, "visualize.py") as base_url:
            take_metrics(base_url)  # start from an empty record
            for name in dict.fromkeys(crawlers):
                run_crawler(name, base_url, requests, delay, concurrency)
                records[name] = take_metrics(base_url)
        (folder / "crawler_metrics.json").write_text(json.dumps(records))

    for name, metrics in records.items():
        figures = describe(metrics)
        print(
            f"{name}: requests = {figures['requests']}, "
            f"most in flight = {figures['max_in_flight']}, span = {figures['span_s']:.3f} s"
        )
    plot(records, folder / "crawler_timelines.png")
    print(f"saved crawler_timelines.png to {folder}")
    return records


def main(argv=None):
    parser = add_server_arguments(add_crawl_arguments(example_parser(__doc__)), timeout=False)
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
    run_experiment(args.url, args.crawlers, args.requests, args.delay, args.concurrency, folder, args.metrics)


if __name__ == "__main__":
    main()
