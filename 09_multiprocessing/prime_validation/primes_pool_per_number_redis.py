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

import math
import uuid

import create_range

# book: 2nd ed. code, "primes_pool_per_number_redis.py"
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


SMOKE_ARGS = ["--size", "small", "--workers", "2"]
REQUIRES = ("redis",)
REQUIRES_TOOLS = ("redis-server",)


# book: 2nd ed. code, "primes_pool_per_number_redis.py" (continued)
def check_numbers(numbers, nbr_workers=4, repeat=1, start_method=None, url=None):
    """Check each of ``numbers`` with the Pool sharing the Redis flag: print each best time and answer."""
    from _prime_validation_common import redis_url_or_own_server, run_numbers

    print("CHECK_EVERY", CHECK_EVERY)
    print(f"Testing with {nbr_workers} processes")
    with redis_url_or_own_server(url) as url:
        try:
            with make_pool(nbr_workers, url, start_method) as pool:
                run_numbers(lambda n: check_prime(n, pool, nbr_workers), numbers, repeat)
        finally:
            rds.delete(FLAG_NAME)
            rds.close()


# book: end


def main(argv=None):
    from _prime_validation_common import chosen_numbers, redis_url, validation_parser

    parser = validation_parser(__doc__)
    parser.add_argument(
        "--redis-url", type=redis_url, help="a Redis server, redis://HOST:PORT/DB (default: our own)"
    )
    args = parser.parse_args(argv)
    check_numbers(chosen_numbers(args), args.workers, args.repeat, args.start_method, args.redis_url)


if __name__ == "__main__":
    main()
