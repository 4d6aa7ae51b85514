"""Find the primes in a range with worker processes fed through queues, ended by poison pills.

Chapter 9, "Queues of Work": the parent puts every candidate on a job queue,
then one poison pill (``FLAG_ALL_DONE``) per worker; each worker checks
candidates until it takes a pill, sends the primes back on a results queue, and
answers the pill with ``FLAG_WORKER_FINISHED_PROCESSING``. The parent reads
results until every worker has said it is finished. The book's queues come
from a ``Manager`` (a server process: every put and get is a round trip to it),
and each message carries one number: the messaging costs more than the work, so
the book's 1, 2, 4, 8 workers take 69-91 s on range C against 16 s serially.
``--queue multiprocessing`` uses pipe-based ``multiprocessing.Queue`` instead.

Run:
    python 09_multiprocessing/prime_generation/primes_queue.py --workers 4 --range A
"""

import multiprocessing
import queue
import time

from _prime_generation_workers import (FLAG_ALL_DONE, FLAG_WORKER_FINISHED_PROCESSING,
                                       add_range_arguments, add_start_method_argument,
                                       check_prime_worker, chosen_range, report)
from hpp.script import example_parser, positive_int

SMOKE_ARGS = ["--range", "A", "--workers", "2"]


def make_queues(context, kind):
    """Two queues (jobs, results) and the manager to shut down afterwards (or None)."""
    if kind == "manager":
        manager = context.Manager()
        return manager.Queue(), manager.Queue(), manager
    return context.Queue(), context.Queue(), None


def collect_results(results_queue, nbr_workers, processes=()):
    """Read primes until every worker has answered its poison pill.

    If every worker process has died without answering, stop with an error
    instead of waiting for ever.
    """
    primes = []
    processors_indicating_they_have_finished = 0
    while processors_indicating_they_have_finished < nbr_workers:
        try:
            new_result = results_queue.get(timeout=1)
        except queue.Empty:
            if processes and not any(p.is_alive() for p in processes):
                raise RuntimeError("every worker process ended before finishing its work")
            continue
        if new_result == FLAG_WORKER_FINISHED_PROCESSING:
            processors_indicating_they_have_finished += 1
        else:
            primes.append(new_result)
    assert processors_indicating_they_have_finished == nbr_workers
    return primes


def find_primes(numbers, nbr_workers, kind="manager", start_method=None):
    context = multiprocessing.get_context(start_method)
    job_queue, results_queue, manager = make_queues(context, kind)
    try:
        processes = [context.Process(target=check_prime_worker, args=(job_queue, results_queue))
                     for _ in range(nbr_workers)]
        for process in processes:
            process.start()
        for candidate in numbers:
            job_queue.put(candidate)
        for _ in range(nbr_workers):
            job_queue.put(FLAG_ALL_DONE)
        primes = collect_results(results_queue, nbr_workers, processes)
        for process in processes:
            process.join()
    finally:
        if manager is not None:
            manager.shutdown()
    return sorted(primes)


def main(argv=None):
    parser = example_parser(__doc__)
    add_range_arguments(parser)
    parser.add_argument("--workers", type=positive_int, default=4, help="worker processes")
    parser.add_argument("--queue", choices=("manager", "multiprocessing"), default="manager",
                        help="Manager().Queue() as in the book, or multiprocessing.Queue")
    add_start_method_argument(parser)
    args = parser.parse_args(argv)
    start, stop, expected = chosen_range(args)
    t0 = time.perf_counter()
    primes = find_primes(range(start, stop), args.workers, args.queue, args.start_method)
    report(primes, start, stop, expected, time.perf_counter() - t0)


if __name__ == "__main__":
    main()
