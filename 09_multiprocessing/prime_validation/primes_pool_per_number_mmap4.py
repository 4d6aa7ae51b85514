"""The mmap3 flag with its methods bound to local names: the micro-optimised version.

Chapter 9, "Using mmap as a Flag Redux" (the 2nd edition's
``primes_pool_per_number_mmap4.py``): the same sub-ranges of ``CHECK_EVERY`` as
``primes_pool_per_number_mmap3.py``, with ``sh_mem.seek``, ``sh_mem.read_byte``,
``sh_mem.write_byte`` and ``min`` bound to local names before the loop, so the
flag check does no global or attribute look-up. The book's lesson: such tweaks
buy little beside the algorithmic ones (time both with ``hpp bench 09``).

``check_prime`` and ``make_pool`` are mmap3's, repeated here as in the book's file,
so that they use this module's flag and loop.

Run:
    python primes_pool_per_number_mmap4.py --workers 4
"""

# book: 2nd ed. code, "primes_pool_per_number_mmap4.py"
import math
import mmap

import create_range

SERIAL_CHECK_CUTOFF = 21
CHECK_EVERY = 1000
FLAG_CLEAR = 0
FLAG_SET = 1

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


def check_prime(n, pool, nbr_processes):
    from _prime_validation_common import is_prime_serially

    if n < SERIAL_CHECK_CUTOFF**2:
        return is_prime_serially(n)
    # cheaply check high probability set of possible factors
    from_i = 3
    to_i = SERIAL_CHECK_CUTOFF
    sh_mem.seek(0)
    sh_mem.write_byte(FLAG_CLEAR)
    if not check_prime_in_range((n, (from_i, to_i))):
        return False
    sh_mem.seek(0)
    sh_mem.write_byte(FLAG_CLEAR)

    from_i = to_i
    to_i = math.isqrt(n) + 1
    ranges_to_check = create_range.create(from_i, to_i, nbr_processes)
    ranges_to_check = list(zip(len(ranges_to_check) * [n], ranges_to_check))
    results = pool.map(check_prime_in_range, ranges_to_check)
    if False in results:
        return False
    return True


def make_pool(nbr_processes, path, start_method=None):
    """A Pool whose workers map the flag file at ``path``, as this process does."""
    import multiprocessing

    init_worker(path)
    context = multiprocessing.get_context(start_method)
    return context.Pool(processes=nbr_processes, initializer=init_worker, initargs=(path,))


# book: end


def main(argv=None):
    from _prime_validation_common import run_validator

    run_validator(__doc__, check_prime, argv, make_pool, flag="mmap")


if __name__ == "__main__":
    main()
