"""One process increments a counter kept in a file: the right answer, slowly.

Chapter 9, "Synchronizing File and Variable Access": open the file, read the
number, add one, write it back, 1000 times. With one process nothing can go
wrong: the counter ends at 1000.

The counter is count.txt in a temporary folder unless --count-file names a new file.

Run:
    python ex1_nolock1.py
    python -m timeit -s "import ex1_nolock1" "ex1_nolock1.run_workers()"
"""

# book: 2nd ed. code, "ex1_nolock1.py"
import multiprocessing

FILENAME = "count.txt"


def work(filename, max_count):
    for n in range(max_count):
        with open(filename) as f:
            try:
                nbr = int(f.read())
            except ValueError as err:
                print("File is empty, starting to count from 0, error: " + str(err))
                nbr = 0
        with open(filename, "w") as f:
            f.write(str(nbr + 1) + "\n")


def run_workers(nbr_processes=1, max_count_per_process=1000, filename=None, start_method=None):
    """Start the workers on a counter file reset to 0; returns the final count."""
    from _locking_common import counter_file, join_all, read_count

    total_expected_count = nbr_processes * max_count_per_process
    print(f"Starting {nbr_processes} process(es) to count to {total_expected_count}")
    context = multiprocessing.get_context(start_method)
    with counter_file(filename) as path:
        path.write_text("0")  # reset counter
        processes = []
        for process_nbr in range(nbr_processes):
            p = context.Process(target=work, args=(str(path), max_count_per_process))
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
