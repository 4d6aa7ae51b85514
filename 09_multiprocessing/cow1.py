"""Copy-on-write: a forked child shares its parent's memory until it writes to it.

Chapter 9 (the 1st edition's ``cow1.py``, with a 10 GB array): ``fork`` gives
the child the parent's pages without copying them; the kernel copies a page
only when one of the two processes writes to it. The child here measures its
own private memory (``Private_Dirty`` in ``/proc/self/smaps_rollup``, Linux)
around three steps on data the parent made before the fork:

1. read every page of a ``bytearray`` of ``--size-mb``: nothing is copied;
2. write one byte in every page of it: every page is copied (about size MB);
3. read every item of a list of Python floats: pages are copied anyway,
   because touching a Python object writes its reference count. Sharing
   Python objects between forked processes is not free; NumPy arrays and
   bytes are.

Run:
    python cow1.py                    # 100 MB
    python cow1.py --size-mb 1000
"""

# taught: a forked child shares its parent's pages until it writes them (1st ed. code, "cow1.py")
import os

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def private_dirty_bytes():
    """This process's private, modified memory in bytes (Linux ``smaps_rollup``)."""
    with open("/proc/self/smaps_rollup") as handle:
        for line in handle:
            if line.startswith("Private_Dirty:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no Private_Dirty line in /proc/self/smaps_rollup")


def child_steps(data, floats, results):
    """In the forked child: the growth of private memory after each step, in bytes."""
    growth = {}
    before = private_dirty_bytes()
    total = sum(data[::PAGE])  # read one byte of every page
    growth["read the bytearray"] = private_dirty_bytes() - before

    before = private_dirty_bytes()
    data[::PAGE] = b"\x01" * len(range(0, len(data), PAGE))  # write one byte of every page
    growth["write the bytearray"] = private_dirty_bytes() - before

    before = private_dirty_bytes()
    for x in floats:  # only reads... but each item's reference count is written
        total += x > 2.0
    growth["read the list of floats"] = private_dirty_bytes() - before
    results.put(growth)


def copy_on_write(size_mb=100):
    """Fork a child over a ``size_mb`` bytearray and a list of as many bytes of floats; its report."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    data = bytearray(size_mb * 1024 * 1024)
    data[::PAGE] = b"\x02" * len(range(0, len(data), PAGE))  # make the parent's pages real
    floats = [float(i) for i in range(size_mb * 1024 * 1024 // 32)]  # about size_mb of float objects
    results = context.Queue()
    child = context.Process(target=child_steps, args=(data, floats, results))
    child.start()
    growth = results.get(timeout=120)
    child.join()
    return growth


# taught: end


def main(argv=None):
    from _cow1_common import run_copy_on_write

    run_copy_on_write(__doc__, copy_on_write, argv)


if __name__ == "__main__":
    main()
