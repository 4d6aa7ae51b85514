"""Four processes increment a Redis counter with ``INCR``: atomic, no lock needed.

Chapter 9, "Synchronizing File and Variable Access": the Redis server runs
each command alone, and ``INCR`` is read-add-write in one command, so the
counter is always exactly 4000, whichever process or machine sends the
increments (the book: 81 ms, each increment a network round trip). Without
``--redis-url`` the example starts its own throw-away ``redis-server`` on a free
loopback port (Debian: ``apt-get install redis-server``) and stops it at the
end; the counter key is new and deleted afterwards. ``run_workers()`` with no
``url`` does the same, so the book's timeit command works.

Run:
    python ex3_redis.py
    python ex3_redis.py --redis-url redis://127.0.0.1:6379/0
    python -m timeit -s "import ex3_redis" "ex3_redis.run_workers()"
"""

# book: 2nd ed. code, "ex3_redis.py"
import multiprocessing
import uuid

REDIS_KEY = "ex3_redis_key"


def work(max_count, url, key=REDIS_KEY):
    import redis

    rds = redis.StrictRedis.from_url(url, socket_timeout=10, socket_connect_timeout=5)
    try:
        for n in range(max_count):
            rds.incr(key)
    finally:
        rds.close()


def run_workers(nbr_processes=4, max_count_per_process=1000, url=None, start_method=None):
    """Start the workers on a new key set to 0; returns the final count."""
    import redis
    from _locking_common import join_all

    from hpp.service import redis_url_or_own_server

    total_expected_count = nbr_processes * max_count_per_process
    context = multiprocessing.get_context(start_method)
    with redis_url_or_own_server(url) as url:
        rds = redis.StrictRedis.from_url(url, socket_timeout=10)
        key = f"{REDIS_KEY}:{uuid.uuid4().hex}"  # never touches the server's other keys
        rds[key] = 0
        try:
            processes = []
            for process_nbr in range(nbr_processes):
                p = context.Process(target=work, args=(max_count_per_process, url, key))
                p.start()
                processes.append(p)
            join_all(processes)
            count = int(rds[key])
        finally:
            rds.delete(key)
            rds.close()
    print(f"Expecting to see a count of {total_expected_count}")
    print(f"We have counted to {count}")
    return count


# book: end


def main(argv=None):
    from _locking_common import run_counter

    run_counter(__doc__, run_workers, argv)


if __name__ == "__main__":
    main()
