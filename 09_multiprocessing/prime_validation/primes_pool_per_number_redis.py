"""Early exit with the flag in Redis: any process, on any machine, can read it.

Chapter 9, "Using Redis as a Flag": the polling of the Manager version, with
the flag in a Redis key; each worker opens its own connection in the Pool's
initializer (``init_worker``). Without ``--redis-url`` the example starts its
own throw-away ``redis-server`` on a free loopback port (Debian: ``apt-get
install redis-server``) and stops it at the end; the flag's key is new and is
deleted afterwards. The book: faster than the Manager (3.1 s against 5.6 s for
a prime), slower than shared memory.

Run:
    python primes_pool_per_number_redis.py --workers 4
    python primes_pool_per_number_redis.py --redis-url redis://127.0.0.1:6379/0
"""

# book: 2nd ed. code, "primes_pool_per_number_redis.py"
import math
import uuid

import create_range

SERIAL_CHECK_CUTOFF = 21
CHECK_EVERY = 1000
FLAG_CLEAR = b"0"
FLAG_SET = b"1"

rds = None  # this process's Redis connection, made by init_worker
FLAG_NAME = b"redis_primes_flag"  # the key; init_worker gives each run a key of its own


def init_worker(url, flag_name):
    """Pool initializer (and the parent's own call): connect to Redis, remember the flag's key."""
    global rds, FLAG_NAME
    import redis

    rds = redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5)
    FLAG_NAME = flag_name


def check_prime_in_range(n_from_i_to_i):
    """``(n, (from_i, to_i))``: trial division that asks Redis for the flag every CHECK_EVERY steps."""
    (n, (from_i, to_i)) = n_from_i_to_i
    if n % 2 == 0:
        return False
    assert from_i % 2 != 0
    check_every = CHECK_EVERY
    for i in range(from_i, int(to_i), 2):
        check_every -= 1
        if not check_every:
            flag = rds.get(FLAG_NAME)
            if flag == FLAG_SET:
                return False
            check_every = CHECK_EVERY

        if n % i == 0:
            rds.set(FLAG_NAME, FLAG_SET)
            return False
    return True


def check_prime(n, pool, nbr_processes):
    from _prime_validation_common import is_prime_serially

    if n < SERIAL_CHECK_CUTOFF**2:
        return is_prime_serially(n)
    # cheaply check high probability set of possible factors
    from_i = 3
    to_i = SERIAL_CHECK_CUTOFF
    rds.set(FLAG_NAME, FLAG_CLEAR)
    if not check_prime_in_range((n, (from_i, to_i))):
        return False
    rds.set(FLAG_NAME, FLAG_CLEAR)

    from_i = to_i
    to_i = math.isqrt(n) + 1
    ranges_to_check = create_range.create(from_i, to_i, nbr_processes)
    ranges_to_check = list(zip(len(ranges_to_check) * [n], ranges_to_check))
    results = pool.map(check_prime_in_range, ranges_to_check)
    if False in results:
        return False
    return True


def make_pool(nbr_processes, url, start_method=None):
    """A Pool whose workers, like this process, talk to the Redis at ``url`` under a new key."""
    import multiprocessing

    flag_name = f"hpp:prime_flag:{uuid.uuid4().hex}".encode()  # never touches other keys
    init_worker(url, flag_name)
    context = multiprocessing.get_context(start_method)
    return context.Pool(processes=nbr_processes, initializer=init_worker, initargs=(url, flag_name))


# book: end


def main(argv=None):
    from _prime_validation_common import run_validator

    run_validator(__doc__, check_prime, argv, make_pool, flag="redis")


if __name__ == "__main__":
    main()
