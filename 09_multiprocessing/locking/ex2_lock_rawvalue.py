"""Four processes increment a ``RawValue`` guarded by a separate ``multiprocessing.Lock``.

Chapter 9, "Synchronizing File and Variable Access": a ``RawValue`` has no lock
of its own; an explicit ``Lock`` passed to each process does the job: always
exactly 4000 (the book: 5-18 ms).

Run:
    python ex2_lock_rawvalue.py
    python -m timeit -s "import ex2_lock_rawvalue" "ex2_lock_rawvalue.run_workers()"
"""

# book: 2nd ed. code, "ex2_lock_rawvalue.py"
import multiprocessing


def work(value, max_count, lock):
    for n in range(max_count):
        with lock:
            value.value += 1


def run_workers(nbr_processes=4, max_count_per_process=1000, start_method=None):
    """Start the workers on a ``RawValue`` of 0; returns the final count."""
    from _locking_common import join_all

    total_expected_count = nbr_processes * max_count_per_process
    context = multiprocessing.get_context(start_method)
    lock = context.Lock()
    value = context.RawValue("i", 0)
    processes = []
    for process_nbr in range(nbr_processes):
        p = context.Process(target=work, args=(value, max_count_per_process, lock))
        p.start()
        processes.append(p)
    join_all(processes)
    print(f"Expecting to see a count of {total_expected_count}")
    print(f"We have counted to {value.value}")
    return value.value


# book: end


def main(argv=None):
    from _locking_common import run_counter

    run_counter(__doc__, run_workers, argv)


if __name__ == "__main__":
    main()
