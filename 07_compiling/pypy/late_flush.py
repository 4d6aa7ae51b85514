"""A file written without ``close()`` or ``with``: complete at once under CPython, late under PyPy.

Chapter 7, "PyPy" / "Garbage collection differences": CPython frees an object
the moment its last reference goes (reference counting), so a file object
dropped at the end of a function is closed, and its buffer flushed, right
there. PyPy's garbage collector frees it later, at its next collection, so
until then the bytes sit in the file object's buffer and the file on disk is
empty (or holds only the full buffers written so far). ``with`` closes the
file in both. Run it with both interpreters and compare::

    without close(): 4390 bytes written, 4390 on disk before gc.collect(), 4390 after   (CPython)
    without close(): 4390 bytes written, 0 on disk before gc.collect(), 4390 after      (PyPy)
    with: 4390 bytes written, 4390 on disk at once

The files go to a temporary folder, removed at the end.

Run:
    python 07_compiling/pypy/late_flush.py
    pypy3 07_compiling/pypy/late_flush.py
"""

# taught: the book's warning in code: a file left to the garbage collector to close
import gc
import os
import platform


def write_without_close(path, lines):
    """Write ``lines`` lines and drop the file object: no ``close()``, no ``with``."""
    f = open(path, "w")  # noqa: SIM115 (the point: no with, no close)
    for i in range(lines):
        f.write(f"line {i}\n")


def write_with(path, lines):
    """The same lines in a ``with`` block: closed (and flushed) on leaving it, in any Python."""
    with open(path, "w") as f:
        for i in range(lines):
            f.write(f"line {i}\n")


def compare_flushes(lines, folder):
    """Write both files; print each one's size on disk before and after ``gc.collect()``."""
    print(f"interpreter: {platform.python_implementation()}")
    without = os.path.join(folder, "without_close.txt")
    written = sum(len(f"line {i}\n") for i in range(lines))
    write_without_close(without, lines)
    before = os.path.getsize(without)
    gc.collect()
    after = os.path.getsize(without)
    print(f"without close(): {written} bytes written, {before} on disk before gc.collect(), {after} after")
    closed = os.path.join(folder, "with.txt")
    write_with(closed, lines)
    print(f"with: {written} bytes written, {os.path.getsize(closed)} on disk at once")
    return written, before, after


# taught: end


def main(argv=None):
    from _pypy_scaffold import run_late_flush

    run_late_flush(__doc__, compare_flushes, argv)


if __name__ == "__main__":
    main()
