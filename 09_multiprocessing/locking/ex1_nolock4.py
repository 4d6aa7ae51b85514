"""Four processes increment the counter file with no lock: updates are lost.

Chapter 9, "Synchronizing File and Variable Access": two processes read the
same number and both write number + 1, so one increment is lost; a reader can
even catch the file empty while another rewrites it (counted as 0). The total
is below 4000 and differs from run to run (the book: 629).

How many are lost depends on the scheduler. ``--lockstep`` takes the luck
out: ``work_lockstep`` reads, then waits at a ``Barrier`` until every process
has read the same number (the longest possible sleep between read and write),
then writes number + 1. Every round of four increments adds one, so the count
is exactly 1000 of 4000, every time.

The counter is count.txt in a temporary folder unless --count-file names a new file.

Run:
    python ex1_nolock4.py
    python ex1_nolock4.py --lockstep          # exactly 1000 of 4000
    python -m timeit -s "import ex1_nolock4" "ex1_nolock4.run_workers()"
"""

# book: 2nd ed. code, "ex1_nolock4.py"
import multiprocessing

FILENAME = "count.txt"


def read_counter(filename):
    with open(filename) as f:
        try:
            return int(f.read())
        except ValueError as err:
            print("File is empty, starting to count from 0, error: " + str(err))
            return 0


def work(filename, max_count):
    for n in range(max_count):
        nbr = read_counter(filename)
        with open(filename, "w") as f:
            f.write(str(nbr + 1) + "\n")


# book: end


# taught: without a lock, a read then a write loses updates (the race made certain)
def work_lockstep(filename, max_count, barrier):
    """``work`` with the worst timing made certain: every process reads before any writes."""
    for n in range(max_count):
        nbr = read_counter(filename)
        barrier.wait()  # the "sleep" between read and write: until everyone has read
        with open(filename, "w") as f:  # every process writes the same nbr + 1
            f.write(str(nbr + 1) + "\n")
        barrier.wait()  # every write is done before anyone reads again


# taught: end


# book: 2nd ed. code, "ex1_nolock4.py" (continued)
def run_workers(
    nbr_processes=4, max_count_per_process=1000, filename=None, start_method=None, lockstep=False
):
    """Start the workers on a counter file reset to 0; returns the final count."""
    from _locking_common import counter_file, join_all, read_count

    total_expected_count = nbr_processes * max_count_per_process
    print(f"Starting {nbr_processes} process(es) to count to {total_expected_count}")
    context = multiprocessing.get_context(start_method)
    if lockstep:
        target, extra = work_lockstep, (context.Barrier(nbr_processes),)
    else:
        target, extra = work, ()
    with counter_file(filename) as path:
        path.write_text("0")  # reset counter
        processes = []
        for process_nbr in range(nbr_processes):
            p = context.Process(target=target, args=(str(path), max_count_per_process, *extra))
            p.start()
            processes.append(p)
        join_all(processes)
        print(f"Expecting to see a count of {total_expected_count}")
        print(f"{FILENAME} contains:")
        print(path.read_text().strip())
        return read_count(path)


# book: end


def main(argv=None):
    from _locking_common import run_counter

    run_counter(__doc__, run_workers, argv)


if __name__ == "__main__":
    main()
