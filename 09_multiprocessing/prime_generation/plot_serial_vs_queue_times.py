"""Serial against queues of work with 1, 2, 4 ... processes: the figure, measured here beside the book's.

Chapter 9, "Queues of Work" (the 3rd edition's ``plot_serial_vs_queue_times.py``,
which drew hard-coded timings): ``primes.find_primes`` in this process against
``primes_queue.find_primes`` with ``Manager`` queues and 1 ... ``--workers``
processes, every run's primes checked against the serial ones. One message per
number (and one more per prime found) goes through the manager's server
process, a round trip each: the queues cost more than the work, so more
processes do not help. The book (3rd edition, range C): serial 16 s against
69, 72, 86, 91 s with 1, 2, 4, 8 processes (2nd edition: 24 s against 97, 97,
109, 111 s). Writes ``serial_vs_queue_times.csv`` (seconds and messages per run)
and ``serial_vs_queue_times.png`` (each as a multiple of its serial time).

Run:
    python plot_serial_vs_queue_times.py --range A --workers 4
    python plot_serial_vs_queue_times.py                       # range C, the book's (minutes)
"""

import csv
import time

import primes
import primes_queue

SMOKE_ARGS = ["--start", "100000000", "--stop", "100001000", "--workers", "2"]

# book: 3rd ed. code, "plot_serial_vs_queue_times.py" (its timings, range C)
BOOK_SERIAL = 16
BOOK_QUEUE_TIMES = {1: 69, 2: 72, 4: 86, 8: 91}
# book: end


def worker_counts(max_workers):
    """1, 2, 4 ... up to ``max_workers`` (and ``max_workers`` itself), as the book's 1, 2, 4, 8."""
    counts, n = [], 1
    while n < max_workers:
        counts.append(n)
        n *= 2
    return counts + [max_workers]


def queue_messages(nbr_numbers, nbr_primes, nbr_workers):
    """Messages through the queues: each number and each pill out, each prime and each reply back."""
    return nbr_numbers + nbr_workers + nbr_primes + nbr_workers


# taught: 3rd ed., "Queues of Work": one Manager-queue message per number costs more than its check
def serial_vs_queues(start, stop, max_workers, kind="manager", start_method=None):
    """Rows ``(label, workers, seconds, messages)``: serial, then queues with 1, 2, 4 ... workers."""
    t0 = time.perf_counter()
    expected = primes.find_primes(start, stop)
    rows = [("serial", 1, time.perf_counter() - t0, 0)]
    for workers in worker_counts(max_workers):
        t0 = time.perf_counter()
        found = primes_queue.find_primes(range(start, stop), workers, kind, start_method)
        seconds = time.perf_counter() - t0
        assert found == expected, f"{workers} queue workers found {len(found)} primes, not {len(expected)}"
        messages = queue_messages(stop - start, len(found), workers)
        rows.append((f"{workers} processes", workers, seconds, messages))
    return rows, expected


# taught: end


def plot(rows, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    serial = rows[0][2]
    fig, ax = plt.subplots(figsize=(8, 4.5))
    labels = [row[0] for row in rows]
    ax.bar(range(len(rows)), [row[2] / serial for row in rows], label="this machine")
    book = [BOOK_SERIAL] + [BOOK_QUEUE_TIMES.get(row[1]) for row in rows[1:]]
    ax.plot(
        [i for i, t in enumerate(book) if t],
        [t / BOOK_SERIAL for t in book if t],
        "s",
        color="tab:orange",
        label="the book (3e, range C)",
    )
    ax.axhline(1, color="grey", linewidth=0.8)
    ax.set_xticks(range(len(rows)), labels)
    ax.set_ylabel("time / serial time")
    slowest = max(row[2] for row in rows[1:]) / serial
    ax.set_title(
        f"Primes through Manager queues, one message per number: up to {slowest:.1f}x the serial time"
    )
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def compare_serial_and_queues(start, stop, max_workers, kind, start_method, folder):
    """Measure, print, write the CSV and draw the figure."""
    rows, found = serial_vs_queues(start, stop, max_workers, kind, start_method)
    print(f"range = [{start}, {stop}), primes found = {len(found)} by every run")
    for label, _, seconds, messages in rows:
        extra = f", {messages} queue messages" if messages else ""
        print(f"{label}: {seconds:.3f} s ({seconds / rows[0][2]:.1f}x serial){extra}")
    with open(folder / "serial_vs_queue_times.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["label", "workers", "seconds", "messages"])
        writer.writerows(rows)
    plot(rows, folder / "serial_vs_queue_times.png")
    print(f"saved {folder / 'serial_vs_queue_times.png'}")
    return rows


def main(argv=None):
    from _prime_generation_common import chosen_range, queue_parser

    from hpp.script import output_dir, writable_dir

    parser = queue_parser(__doc__)
    parser.add_argument("--output-dir", type=writable_dir, help="where the CSV and PNG go")
    args = parser.parse_args(argv)
    start, stop, _ = chosen_range(args)
    workers = args.nbr_workers or args.workers
    folder = output_dir("09_multiprocessing", args.output_dir)
    compare_serial_and_queues(start, stop, workers, args.queue, args.start_method, folder)


if __name__ == "__main__":
    main()
