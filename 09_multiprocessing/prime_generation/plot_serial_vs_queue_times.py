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

# taught: 3rd ed., "Queues of Work": one Manager-queue message per number costs more than its check
import time

import primes
import primes_queue


def queue_messages(nbr_numbers, nbr_primes, nbr_workers):
    """Messages through the queues: each number and each pill out, each prime and each reply back."""
    return nbr_numbers + nbr_workers + nbr_primes + nbr_workers


def serial_vs_queues(start, stop, max_workers, kind="manager", start_method=None):
    """Rows ``(label, workers, seconds, messages)``: serial, then queues with 1, 2, 4 ... workers."""
    from _prime_generation_common import worker_counts

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


# book: 3rd ed. code, "plot_serial_vs_queue_times.py" (its timings, range C)
BOOK_SERIAL = 16
BOOK_QUEUE_TIMES = {1: 69, 2: 72, 4: 86, 8: 91}
# book: end


def main(argv=None):
    from _prime_generation_common import run_serial_vs_queues

    run_serial_vs_queues(__doc__, serial_vs_queues, BOOK_SERIAL, BOOK_QUEUE_TIMES, argv)


if __name__ == "__main__":
    main()
