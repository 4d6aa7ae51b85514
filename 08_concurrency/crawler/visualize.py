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
    python 08_concurrency/crawler/visualize.py --requests 200 --delay-ms 50 --crawlers aiohttp gevent
    python 08_concurrency/crawler/visualize.py --metrics results/08_concurrency/crawler_metrics.json
"""


# book: 3rd ed. code, "crawler/visualize.py" (each crawler's request timeline)
def plot(records, figures, path):
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
        ax.set_title(
            f"{name}: {figures[name]['requests']} requests in {figures[name]['span_s']:.2f} s, "
            f"at most {figures[name]['max_in_flight']} in flight"
        )
        ax.set_ylabel("request")
    axes[-1, 0].set_xlabel("time since the first request (s)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# book: end


def main(argv=None):
    from _crawler_common import visualize_main

    visualize_main(__doc__, plot, argv)


if __name__ == "__main__":
    main()
