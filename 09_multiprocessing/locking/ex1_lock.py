"""Four processes increment the counter file inside a ``fasteners`` inter-process lock.

Chapter 9, "Synchronizing File and Variable Access": the book's ``work`` holds a
``fasteners`` inter-process lock around its whole loop, so the processes count
one after the other; ``work_smaller_chunks`` (``--smaller-chunks``) takes the lock
around each read-add-write instead, so their increments interleave. Either way
the count is always exactly 4000, at a price (the book: 400 ms against 71 ms
without the lock). The book's lock file is
``/tmp/tmp_lock``; here it sits beside the counter file (``count.txt.lock``),
so two runs never share a lock by accident.

The counter is count.txt in a temporary folder unless --count-file names a new file.

Run:
    python ex1_lock.py
    python -m timeit -s "import ex1_lock" "ex1_lock.run_workers()"
"""

# book: 2nd ed. code, "ex1_lock.py"
import multiprocessing

import fasteners

FILENAME = "count.txt"


def read_add_write(filename):
    """One increment of the counter file: read it, add one, write it back."""
    with open(filename) as f:
        try:
            nbr = int(f.read())
        except ValueError as err:
            print("File is empty, starting to count from 0, error: " + str(err))
            nbr = 0
    with open(filename, "w") as f:
        f.write(str(nbr + 1) + "\n")


# book: end


# book: 2nd ed. code, "ex1_lock.py"
def work_smaller_chunks(filename, max_count):
    """Take the lock around each read-add-write: the processes' increments interleave."""
    lock = fasteners.InterProcessLock(filename + ".lock")
    for n in range(max_count):
        with lock:
            read_add_write(filename)


def work(filename, max_count):
    """Take the lock around the whole loop (the book's decorator): one process counts at a time."""
    with fasteners.InterProcessLock(filename + ".lock"):
        for n in range(max_count):
            read_add_write(filename)


# book: end


# book: 2nd ed. code, "ex1_lock.py" (continued)
def run_workers(
    nbr_processes=4, max_count_per_process=1000, filename=None, start_method=None, smaller_chunks=False
):
    """Start the workers (``work``, or ``work_smaller_chunks``) on a counter file reset to 0;
    returns the final count."""
    from _locking_common import counter_file, join_all, read_count

    total_expected_count = nbr_processes * max_count_per_process
    print(f"Starting {nbr_processes} process(es) to count to {total_expected_count}")
    context = multiprocessing.get_context(start_method)
    with counter_file(filename) as path:
        path.write_text("0")  # reset counter
        processes = []
        for process_nbr in range(nbr_processes):
            target = work_smaller_chunks if smaller_chunks else work
            p = context.Process(target=target, args=(str(path), max_count_per_process))
            p.start()
            processes.append(p)
        join_all(processes)
        print(f"Expecting to see a count of {total_expected_count}")
        print(f"{FILENAME} contains:")
        print(path.read_text().strip())
        lock_file = path.with_name(path.name + ".lock")
        lock_file.unlink(missing_ok=True)
        return read_count(path)


# book: end


def main(argv=None):
    from _locking_common import run_counter

    run_counter(__doc__, run_workers, argv)


if __name__ == "__main__":
    main()
