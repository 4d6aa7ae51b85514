"""Find the primes in a range with worker processes, each fed through a Pipe of its own.

Chapter 9, "An Overview of the multiprocessing Module": a ``Pipe`` is "a uni-
or bidirectional communication channel between two processes". Where
``primes_queue.py`` shares one job queue and one results queue among all the
workers, here each worker holds one end of its own duplex pipe and the parent
the other: the parent sends a chunk of ``--chunksize`` candidates, the worker
sends back that chunk's primes, and the parent answers whichever worker
replied first (``multiprocessing.connection.wait``) with the next chunk, then
with ``None``, the poison pill. A pipe has just two ends, so it needs no lock
and no feeder thread; each message is one pickled list. A worker that dies
closes its end, and the parent's ``recv`` raises ``EOFError`` instead of
waiting for ever.

Run:
    python primes_pipe.py --workers 4                   # range C
    python primes_pipe.py --range A --workers 2 --chunksize 100 --start-method spawn
"""

# taught: 1st ed., "An Overview of the multiprocessing Module": Pipe, a channel between two processes
import multiprocessing
from multiprocessing.connection import wait

from primes_pool import check_prime


def check_prime_worker(connection):
    """Receive chunks of candidates on ``connection`` until ``None``; send back each chunk's primes."""
    while (candidates := connection.recv()) is not None:
        connection.send([n for n in candidates if check_prime(n)])


def find_primes(numbers, nbr_workers=4, chunksize=1000, start_method=None):
    """The primes among ``numbers`` (sorted) and the number of chunks sent over the pipes."""
    context = multiprocessing.get_context(start_method)
    numbers = list(numbers)
    chunks = (numbers[i : i + chunksize] for i in range(0, len(numbers), chunksize))
    processes, idle, busy, primes, nbr_chunks = [], [], [], [], 0
    for _ in range(nbr_workers):
        parent_end, worker_end = context.Pipe()  # duplex: each end sends and receives
        process = context.Process(target=check_prime_worker, args=(worker_end,))
        process.start()
        worker_end.close()  # the worker holds it now; closed here, its death is an EOFError
        processes.append(process)
        idle.append(parent_end)
    while idle or busy:
        for connection in idle:
            chunk = next(chunks, None)
            connection.send(chunk)  # a chunk of work, or None: the poison pill
            if chunk is not None:
                busy.append(connection)
                nbr_chunks += 1
        idle = wait(busy) if busy else []  # the workers that have answered
        for connection in idle:
            primes.extend(connection.recv())
            busy.remove(connection)
    for process in processes:
        process.join()
    return sorted(primes), nbr_chunks


# taught: end


def main(argv=None):
    from _prime_generation_common import run_finder

    run_finder(__doc__, find_primes, argv)


if __name__ == "__main__":
    main()
