"""The mmap3 flag with its methods bound to local names: the micro-optimised version.

Chapter 9, "Using mmap as a Flag Redux" (the 2nd edition's
``primes_pool_per_number_mmap4.py``): the same sub-ranges of ``CHECK_EVERY`` as
``primes_pool_per_number_mmap3.py``, with ``sh_mem.seek``, ``sh_mem.read_byte``,
``sh_mem.write_byte`` and ``min`` bound to local names before the loop, so the
flag check does no global or attribute look-up. The book's lesson: such tweaks
buy little beside the algorithmic ones (time both with ``hpp bench 09``).

Only those lines are here: ``check_prime`` and ``make_pool`` are mmap3's own
code, run against this module's globals (its ``sh_mem`` flag, its range checker
and its ``init_worker``), so the workers run this module's loop.

Run:
    python primes_pool_per_number_mmap4.py --workers 4
"""

# book: 2nd ed. code, "primes_pool_per_number_mmap4.py"
import mmap

import primes_pool_per_number_mmap3 as mmap3
from primes_pool_per_number_mmap3 import CHECK_EVERY, FLAG_CLEAR, FLAG_SET, SERIAL_CHECK_CUTOFF  # noqa: F401

sh_mem = None  # the one-byte flag, an mmap: set by init_worker in every process


def init_worker(path):
    """Pool initializer (and the parent's own call): map the flag file's byte as ``sh_mem``."""
    global sh_mem
    with open(path, "r+b") as handle:
        sh_mem = mmap.mmap(handle.fileno(), 1)


def check_prime_in_range(n_from_i_to_i):
    """``(n, (from_i, to_i))``: mmap3's loop, the flag's methods held in local names."""
    (n, (from_i, to_i)) = n_from_i_to_i
    if n % 2 == 0:
        return False
    assert from_i % 2 != 0
    check_every = CHECK_EVERY
    flag_set = FLAG_SET
    seek = sh_mem.seek
    read_byte = sh_mem.read_byte
    write_byte = sh_mem.write_byte
    local_min = min
    to_i = int(to_i)
    for outer_counter in range(from_i, to_i, check_every):
        upper_bound = local_min(to_i, outer_counter + check_every)
        for i in range(outer_counter, upper_bound, 2):
            if n % i == 0:
                seek(0)
                write_byte(flag_set)
                return False
        seek(0)
        if read_byte() == flag_set:
            return False
    return True


# book: end


def _with_these_globals(function):
    """mmap3's ``function``, its names looked up in this module (``sh_mem``, the range checker)."""
    from types import FunctionType

    return FunctionType(function.__code__, globals(), function.__name__, function.__defaults__)


math, create_range = mmap3.math, mmap3.create_range  # what mmap3's check_prime uses
check_prime = _with_these_globals(mmap3.check_prime)
make_pool = _with_these_globals(mmap3.make_pool)


def main(argv=None):
    from _prime_validation_common import run_validator

    run_validator(__doc__, check_prime, argv, make_pool, flag="mmap")


if __name__ == "__main__":
    main()
