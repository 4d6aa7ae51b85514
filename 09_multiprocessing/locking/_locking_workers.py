"""The incrementing workers of the locking examples, importable by spawned children.

Each worker adds 1 to a shared counter ``max_count`` times; four of them should
make 4 x 1000 = 4000. "Read, add one, write back" is three steps: two processes
can read the same value and both write value + 1, losing an update, unless a
lock makes the three steps one.
"""

import fasteners


def read_count(filename):
    """The counter in the file (an empty file, caught mid-write by another process, reads as 0)."""
    with open(filename, "r") as f:
        text = f.read()
    return int(text) if text.strip() else 0


def work_file(filename, max_count):
    """Increment the number in ``filename`` with no lock: updates get lost."""
    for n in range(max_count):
        count = read_count(filename)
        count += 1
        with open(filename, "w") as f:
            f.write(f"{count}")


def work_file_locked(filename, max_count, lock_path):
    """The same, each read-add-write inside an inter-process file lock (fasteners)."""
    lock = fasteners.InterProcessLock(lock_path)
    for n in range(max_count):
        with lock:
            count = read_count(filename)
            count += 1
            with open(filename, "w") as f:
                f.write(f"{count}")


def work_value(value, max_count):
    """``value.value += 1`` on a ``multiprocessing.Value`` without taking its lock."""
    for n in range(max_count):
        value.value += 1


def work_value_locked(value, max_count):
    """The same inside ``with value.get_lock():``, so the read and the write are one step."""
    for n in range(max_count):
        with value.get_lock():
            value.value += 1


def work_rawvalue_locked(value, lock, max_count):
    """A ``RawValue`` (no lock of its own) guarded by a separate ``multiprocessing.Lock``."""
    for n in range(max_count):
        with lock:
            value.value += 1


def work_redis(url, key, max_count):
    """Redis ``INCR``: the server does the read-add-write as one atomic command."""
    import redis

    rds = redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5)
    try:
        for n in range(max_count):
            rds.incr(key)
    finally:
        rds.close()


START_METHODS = ("fork", "spawn", "forkserver")


def add_arguments(parser, processes=4):
    from hpp.script import positive_int

    parser.add_argument("--processes", type=positive_int, default=processes,
                        help="processes incrementing the counter")
    parser.add_argument("--increments", type=positive_int, default=1000,
                        help="increments per process")
    parser.add_argument("--start-method", choices=START_METHODS, default=None,
                        help="how the processes start (default: the platform's)")


def run_processes(context, target, args_for_each, nbr_processes):
    """Start ``nbr_processes`` processes running ``target(*args)`` and wait for them all."""
    processes = [context.Process(target=target, args=args_for_each) for _ in range(nbr_processes)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    failed = [p.exitcode for p in processes if p.exitcode != 0]
    if failed:
        raise RuntimeError(f"{len(failed)} worker process(es) failed (exit codes {failed})")


def report(count, nbr_processes, increments, locked):
    expected = nbr_processes * increments
    print(f"expected = {expected}")
    print(f"counter = {count}")
    if count != expected:
        print(f"lost updates = {expected - count}" + ("  (a locked counter never loses any!)"
                                                      if locked else ""))
