"""Estimate pi with pure-Python darts submitted as futures to a ProcessPoolExecutor or a ThreadPoolExecutor.

Chapter 9, "An Overview of the multiprocessing Module": beside ``multiprocessing``
the book names ``concurrent.futures`` ("introduced in Python 3.2"), a simpler
interface to the same two kinds of pool. ``pi_lists_parallel.py``'s dart thrower
runs as one future per block, ``executor.submit(f, *args)`` then
``future.result()``; swapping ``ThreadPoolExecutor`` for ``ProcessPoolExecutor``
is the whole difference between threads and processes.

Each block also reports where it ran: the PID of the process that threw its
darts and the CPU seconds its thread spent. With threads every block runs in
this process, and their CPU seconds add up to at most one core's worth of the
run (the GIL lets one thread run Python at a time); with processes the blocks
run in worker processes of their own, one interpreter and one GIL each.

Run:
    python pi_lists_parallel_futures.py 4                   # 4 threads
    python pi_lists_parallel_futures.py 4 --processes       # 4 processes
    python pi_lists_parallel_futures.py 2 --processes --nbr_samples_in_total 1e6 --seed 0 --start-method spawn
"""

# taught: 1st ed., "An Overview of the multiprocessing Module": concurrent.futures, threads or processes
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from pi_lists_parallel import estimate_nbr_points_in_quarter_circle


def estimate_nbr_points_and_where(nbr_estimates, seed=None):
    """The block's darts inside, the PID that threw them and its thread's CPU seconds."""
    cpu_before = time.thread_time()
    inside = estimate_nbr_points_in_quarter_circle(nbr_estimates, seed)
    return inside, os.getpid(), time.thread_time() - cpu_before


def estimate_pi_blocks(
    nbr_samples_in_total, nbr_parallel_blocks, processes=True, seed=None, start_method=None
):
    """``(inside, pid, CPU s)`` of each block, one future per block, in the blocks' order."""
    from _pi_common import child_seeds, split

    if processes:
        context = multiprocessing.get_context(start_method)
        executor = ProcessPoolExecutor(max_workers=nbr_parallel_blocks, mp_context=context)
    else:
        executor = ThreadPoolExecutor(max_workers=nbr_parallel_blocks)
    jobs = zip(split(nbr_samples_in_total, nbr_parallel_blocks), child_seeds(seed, nbr_parallel_blocks))
    with executor:
        futures = [executor.submit(estimate_nbr_points_and_where, n, s) for n, s in jobs]
        return [future.result() for future in futures]


def estimate_pi(nbr_samples_in_total, nbr_parallel_blocks, processes=True, seed=None, start_method=None):
    """Darts inside the quarter circle, as ``pi_lists_parallel.estimate_pi`` counts them."""
    blocks = estimate_pi_blocks(nbr_samples_in_total, nbr_parallel_blocks, processes, seed, start_method)
    return sum(inside for inside, _, _ in blocks)


def where_the_darts_were_thrown(blocks, delta):
    """Which processes threw the darts and their CPU seconds (threads: one core's worth, the GIL)."""
    pids = {pid for _, pid, _ in blocks}
    print(f"processes that threw darts = {len(pids)}")
    print(f"darts thrown in this process = {os.getpid() in pids}")
    cpu = [seconds for _, _, seconds in blocks]
    print(f"CPU seconds per block = {', '.join(f'{s:.3f}' for s in cpu)}")
    print(f"cores busy = {sum(cpu) / delta:.2f} (CPU {sum(cpu):.3f} s in {delta:.3f} s)")
    return sum(inside for inside, _, _ in blocks)


# taught: end


def main(argv=None):
    from _pi_common import run_pool

    names = ("ThreadPoolExecutor", "ProcessPoolExecutor")
    run_pool(__doc__, estimate_pi_blocks, argv, names, where=where_the_darts_were_thrown)


if __name__ == "__main__":
    main()
