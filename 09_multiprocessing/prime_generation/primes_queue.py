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
    python primes_queue.py 4 --range A
"""

# book: 2nd ed. code, "primes_queue.py"
import math
import multiprocessing
import queue

FLAG_ALL_DONE = b"WORK_FINISHED"
FLAG_WORKER_FINISHED_PROCESSING = b"WORKER_FINISHED_PROCESSING"


def check_prime(n):
    """True when ``n`` is prime: trial division by the odd numbers up to sqrt(n) (exact)."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    for i in range(3, math.isqrt(n) + 1, 2):
        if n % i == 0:
            return False
    return True


def check_prime_worker(job_queue, results_queue):
    """Take candidates from ``job_queue`` until the poison pill; put the primes in ``results_queue``.

    Each worker answers the pill with ``FLAG_WORKER_FINISHED_PROCESSING``, so the
    parent knows when every result has arrived.
    """
    while True:
        candidate = job_queue.get()
        if candidate == FLAG_ALL_DONE:
            results_queue.put(FLAG_WORKER_FINISHED_PROCESSING)
            break
        if check_prime(candidate):
            results_queue.put(candidate)


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
                raise RuntimeError("every worker process ended before finishing its work") from None
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
        processes = [
            context.Process(target=check_prime_worker, args=(job_queue, results_queue))
            for _ in range(nbr_workers)
        ]
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


# book: end


def main(argv=None):
    from _prime_generation_common import run_finder

    run_finder(__doc__, find_primes, argv)


if __name__ == "__main__":
    main()
