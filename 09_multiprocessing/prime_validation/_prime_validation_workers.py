"""Checking one big number with many processes: the range checkers and their shared flags.

Each checker tests the odd factors of one slice of [3, sqrt(n)] (from
``create_range.create``). The variants differ in how a worker that finds a
factor tells the others to stop early: not at all, a ``Manager().Value``, a
Redis key, a ``RawValue``, or a byte in a shared ``mmap``.

Everything a worker needs is here, in a module that children started with
``spawn`` or ``forkserver`` can import, and every shared flag reaches the
workers through the Pool's ``initializer`` or the task itself, never through a
global set in the parent (which only a forked child would inherit).
"""

import math
import mmap

FLAG_CLEAR = b"0"
FLAG_SET = b"1"
CHECK_EVERY = 1000  # how many trial divisions between two looks at the flag
SERIAL_CHECK_CUTOFF = 21  # pool_per_number2 onwards try the factors below this serially first

# The book's five numbers: a trivial non-prime, two 18-digit non-primes with large
# factors, two 18-digit primes (sqrt about 3.16e8: seconds of trial division each).
BOOK_NUMBERS = (112272535095295, 100109100129100369, 100109100129101027,
                100109100129100151, 100109100129162907)
BOOK_ANSWERS = (False, False, False, True, True)
# Smaller numbers of the same kinds (sqrt about 1e7): a trivial non-prime,
# 3000017 x 33333161 and 5400001 x 18518531, and the primes 100000000000031, 400000000000063.
SMALL_NUMBERS = (112272535095295, 100000049663737, 100000085918531, 100000000000031,
                 400000000000063)
SMALL_ANSWERS = (False, False, False, True, True)


def check_prime(n):
    """Serial trial division by the odd numbers up to sqrt(n) (integer, exact)."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    for i in range(3, math.isqrt(n) + 1, 2):
        if n % i == 0:
            return False
    return True


def check_prime_in_range(n_from_i_to_i):
    """``(n, (from_i, to_i))`` -> False if an odd number in [from_i, to_i) divides n."""
    n, (from_i, to_i) = n_from_i_to_i
    if n % 2 == 0:
        return False
    assert from_i % 2 != 0
    for i in range(from_i, to_i, 2):
        if n % i == 0:
            return False
    return True


# ------------------------------------------------------------ Manager().Value

def check_prime_in_range_manager(n_from_i_to_i_value):
    """``(n, (from, to), value)``: polls a Manager's Value proxy every CHECK_EVERY divisions.

    Each look is a round trip to the manager's server process.
    """
    n, (from_i, to_i), value = n_from_i_to_i_value
    if n % 2 == 0:
        return False
    assert from_i % 2 != 0
    check_every = CHECK_EVERY
    for i in range(from_i, to_i, 2):
        check_every -= 1
        if not check_every:
            if value.value == FLAG_SET:
                return False
            check_every = CHECK_EVERY
        if n % i == 0:
            value.value = FLAG_SET
            return False
    return True


# ------------------------------------------------------------ Redis

_redis = None
_redis_key = None


def init_redis(url, key):
    """Pool initializer: one Redis connection per worker process."""
    global _redis, _redis_key
    import redis

    _redis = redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5)
    _redis_key = key


def check_prime_in_range_redis(n_from_i_to_i):
    """Polls a Redis key every CHECK_EVERY divisions; sets it on finding a factor."""
    n, (from_i, to_i) = n_from_i_to_i
    if n % 2 == 0:
        return False
    assert from_i % 2 != 0
    check_every = CHECK_EVERY
    for i in range(from_i, to_i, 2):
        check_every -= 1
        if not check_every:
            if _redis.get(_redis_key) == FLAG_SET:
                return False
            check_every = CHECK_EVERY
        if n % i == 0:
            _redis.set(_redis_key, FLAG_SET)
            return False
    return True


# ------------------------------------------------------------ RawValue

_value = None


def init_value(value):
    """Pool initializer: keep the shared ``RawValue`` (inherited at process start)."""
    global _value
    _value = value


def check_prime_in_range_value(n_from_i_to_i):
    """Polls a ``RawValue('b')`` in shared memory: a read costs almost nothing."""
    n, (from_i, to_i) = n_from_i_to_i
    if n % 2 == 0:
        return False
    assert from_i % 2 != 0
    check_every = CHECK_EVERY
    for i in range(from_i, to_i, 2):
        check_every -= 1
        if not check_every:
            if _value.value == FLAG_SET[0]:
                return False
            check_every = CHECK_EVERY
        if n % i == 0:
            _value.value = FLAG_SET[0]
            return False
    return True


# ------------------------------------------------------------ mmap

_sh_mem = None


def init_mmap(path):
    """Pool initializer: map the one-byte flag file into this worker.

    The book maps an anonymous block, which only forked children share; a
    file-backed mapping is shared by every process that maps the same file.
    """
    global _sh_mem
    with open(path, "r+b") as handle:
        _sh_mem = mmap.mmap(handle.fileno(), 1)


def check_prime_in_range_mmap(n_from_i_to_i):
    """Polls a byte of shared memory (mmap) with a countdown, like the Value version."""
    n, (from_i, to_i) = n_from_i_to_i
    if n % 2 == 0:
        return False
    assert from_i % 2 != 0
    check_every = CHECK_EVERY
    for i in range(from_i, to_i, 2):
        check_every -= 1
        if not check_every:
            if _sh_mem[0] == FLAG_SET[0]:
                return False
            check_every = CHECK_EVERY
        if n % i == 0:
            _sh_mem[0] = FLAG_SET[0]
            return False
    return True


def check_prime_in_range_mmap2(n_from_i_to_i):
    """The mmap flag polled with a modulo of the loop counter instead of a countdown."""
    n, (from_i, to_i) = n_from_i_to_i
    if n % 2 == 0:
        return False
    assert from_i % 2 != 0
    for nbr_iterations, i in enumerate(range(from_i, to_i, 2)):
        if nbr_iterations % CHECK_EVERY == 0:
            if _sh_mem[0] == FLAG_SET[0]:
                return False
        if n % i == 0:
            _sh_mem[0] = FLAG_SET[0]
            return False
    return True


def check_prime_in_range_mmap3(n_from_i_to_i):
    """The mmap flag polled once per sub-range of CHECK_EVERY odd numbers.

    The inner loop does nothing but divide, so it runs fastest of all.
    """
    n, (from_i, to_i) = n_from_i_to_i
    if n % 2 == 0:
        return False
    assert from_i % 2 != 0
    for outer_counter in range(from_i, to_i, CHECK_EVERY * 2):
        upper_bound = min(to_i, outer_counter + CHECK_EVERY * 2)
        for i in range(outer_counter, upper_bound, 2):
            if n % i == 0:
                _sh_mem[0] = FLAG_SET[0]
                return False
        if _sh_mem[0] == FLAG_SET[0]:
            return False
    return True


# ------------------------------------------------------------ how often to look

def check_prime_in_range_counting(n_from_i_to_i_check_every):
    """``(n, (from, to), check_every)`` -> ``(no factor found, flag reads)``: the RawValue
    checker with the polling interval as a parameter, counting its looks at the flag."""
    n, (from_i, to_i), check_every_n = n_from_i_to_i_check_every
    if n % 2 == 0:
        return False, 0
    assert from_i % 2 != 0
    nbr_polls = 0
    check_every = check_every_n
    for i in range(from_i, to_i, 2):
        check_every -= 1
        if not check_every:
            nbr_polls += 1
            if _value.value == FLAG_SET[0]:
                return False, nbr_polls
            check_every = check_every_n
        if n % i == 0:
            _value.value = FLAG_SET[0]
            return False, nbr_polls
    return True, nbr_polls
