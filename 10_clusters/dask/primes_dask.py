"""Count the primes in a range with ``client.map`` on a Dask cluster (book chapter 10, "Dask").

``client.map`` sends one task per item. One task per number would spend far more
time in scheduling than in ``check_prime``, so the range is cut into
``--blocks`` blocks and each task counts the primes of one block (the benchmark
measures that per-task overhead). The futures are gathered and summed; the
count equals the serial one (78,498 primes below 1,000,000).

By default a ``LocalCluster`` on 127.0.0.1 is started with ``--workers``
processes; ``--scheduler tcp://HOST:8786`` uses an existing cluster.

Run:
    python 10_clusters/dask/primes_dask.py                      # primes below 1,000,000
    python 10_clusters/dask/primes_dask.py --stop 100000 --blocks 20 --verify
"""

# taught: Dask's Futures: client.map runs a function on the cluster, one task per block (2nd ed., "Dask")
import math


def check_prime(number):
    """True when ``number`` is prime (integer trial division: exact for any size)."""
    if number < 2:
        return False
    if number % 2 == 0:
        return number == 2
    for i in range(3, math.isqrt(number) + 1, 2):
        if number % i == 0:
            return False
    return True


def count_primes(start, stop):
    """The task: how many primes in [start, stop)."""
    return sum(1 for number in range(start, stop) if check_prime(number))


def blocks(start, stop, nbr_blocks):
    """``nbr_blocks`` consecutive [low, high) pairs covering [start, stop)."""
    size, extra = divmod(stop - start, nbr_blocks)
    bounds, low = [], start
    for i in range(nbr_blocks):
        high = low + size + (1 if i < extra else 0)
        bounds.append((low, high))
        low = high
    return bounds


def count_primes_on_cluster(client, start, stop, nbr_tasks):
    lows, highs = zip(*blocks(start, stop, nbr_tasks))
    futures = client.map(count_primes, lows, highs)
    return sum(client.gather(futures))


# taught: end


def main(argv=None):
    from _dask_lazy import primes_main

    primes_main(__doc__, argv, on_client=count_primes_on_cluster)


if __name__ == "__main__":
    main()
