"""Four processes increment a ``multiprocessing.Value`` inside ``with value.get_lock():``.

Chapter 9, "Synchronizing File and Variable Access": taking the value's own
lock around ``+= 1`` makes the read and the write one step: always exactly
4000 (the book: 19-21 ms).

Run:
    python ex2_lock.py
    python -m timeit -s "import ex2_lock" "ex2_lock.run_workers()"
"""

# book: 2nd ed. code, "ex2_lock.py"
import multiprocessing


def work(value, max_count):
    for n in range(max_count):
        with value.get_lock():
            value.value += 1


def run_workers(nbr_processes=4, max_count_per_process=1000, start_method=None):
    """Start the workers on a ``Value`` of 0; returns the final count."""
    from _locking_common import join_all

    total_expected_count = nbr_processes * max_count_per_process
    context = multiprocessing.get_context(start_method)
    value = context.Value("i", 0)
    processes = []
    for process_nbr in range(nbr_processes):
        p = context.Process(target=work, args=(value, max_count_per_process))
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
