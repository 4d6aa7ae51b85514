"""Four processes increment a ``multiprocessing.Value`` without its lock: updates are lost.

Chapter 9, "Synchronizing File and Variable Access": a ``Value('i')`` lives in
shared memory and comes with a lock, but ``value.value += 1`` does not take
it: it reads, adds and writes in separate steps, and concurrent increments
overwrite each other (the book: "We have counted to 2340" of 4000). How many
are lost depends on the scheduler; on a busy machine with few cores, maybe
none in a given run.

``--lockstep`` makes the loss certain: ``work_lockstep`` reads the value, waits
at a ``Barrier`` until every process has read it (the longest possible sleep
between read and write), then writes value + 1. Each round of four increments
adds one: exactly 1000 of 4000, every run, on any machine.

Run:
    python ex2_nolock.py
    python ex2_nolock.py --lockstep           # exactly 1000 of 4000
    python -m timeit -s "import ex2_nolock" "ex2_nolock.run_workers()"
"""

# book: 2nd ed. code, "ex2_nolock.py"
import multiprocessing


def work(value, max_count):
    for n in range(max_count):
        value.value += 1


# book: end


# taught: value.value += 1 is a read then a write: without a lock updates are lost
def work_lockstep(value, max_count, barrier):
    """``value.value += 1`` split into its read and its write, with everyone reading first."""
    for n in range(max_count):
        current = value.value  # read
        barrier.wait()  # the "sleep" between read and write: until every process has read
        value.value = current + 1  # write: every process writes the same number
        barrier.wait()  # every write is done before anyone reads again


# taught: end


# book: 2nd ed. code, "ex2_nolock.py" (continued)
def run_workers(nbr_processes=4, max_count_per_process=1000, start_method=None, lockstep=False):
    """Start the workers on a ``Value`` of 0; returns the final count."""
    from _locking_common import join_all

    total_expected_count = nbr_processes * max_count_per_process
    context = multiprocessing.get_context(start_method)
    value = context.Value("i", 0)
    if lockstep:
        target, extra = work_lockstep, (context.Barrier(nbr_processes),)
    else:
        target, extra = work, ()
    processes = []
    for process_nbr in range(nbr_processes):
        p = context.Process(target=target, args=(value, max_count_per_process, *extra))
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
