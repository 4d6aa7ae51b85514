"""This machine's memory tiers, measured: read bandwidth and access time against working-set size.

The book's Figure 1-2 compares memory units by speed and capacity (values
from 2014): the smaller the tier, the faster. This script measures the tiers
of the machine it runs on with NumPy. For working sets from a few KiB (fits in
L1) to a few hundred MiB (only RAM holds it) it times

- a sequential read, ``a.sum()`` over a float64 array (bytes read per second);
- random reads, ``a[idx]`` with random indices into the same array (ns per
  read; independent reads, so the CPU overlaps some of their latency).

Each size is marked with the tier it fits in (the cache sizes come from
``/sys/devices/system/cpu`` on Linux). Expect the bandwidth to fall and the
access time to rise at each cache boundary, most clearly past L3 into RAM.
The plot is saved as ``memory_tiers.png`` (its title states the ratios
measured, largest set against smallest) and the rows as ``memory_tiers.csv``.

Run (section "Memory Units"):
    python 01_understanding/memory_tiers.py                       # 4 KiB to 256 MiB, about 20 s
    python 01_understanding/memory_tiers.py --max-mib 32 --output-dir /tmp/tiers
"""

# taught: "Memory Units" (Figure 1-2): two measurements of this machine's tiers
import time

import numpy as np


def read_bandwidth(nbytes, read_bytes=256 * 1024**2, repeat=3):
    """Bytes per second read from a float64 array of ``nbytes``, summed ``read_bytes / nbytes`` times."""
    a = np.ones(max(nbytes // 8, 1))
    passes = max(1, read_bytes // a.nbytes)
    # one call reads the same array `passes` times (a zero stride repeats it), so a small array is
    # read enough times per call to amortise the call. einsum, not a.sum(): sum reduces rows shorter
    # than NumPy's 8192-element buffer through its buffered iterator, a copy per row that made every
    # set up to 32 KiB read slower than L2-sized ones; einsum reads each row in its own inner loop
    repeated = np.lib.stride_tricks.as_strided(a, shape=(passes, len(a)), strides=(0, 8), writeable=False)
    np.einsum("ij->", repeated[:1])  # warm-up: the array's pages touched, einsum's loop chosen
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        np.einsum("ij->", repeated)
        best = min(best, time.perf_counter() - start)
    return a.nbytes * passes / best


def random_access_ns(nbytes, reads=1 << 15, rounds=16, repeat=5, seed=0):
    """Nanoseconds per read of ``a[idx]`` with ``reads`` random indices into an array of ``nbytes``."""
    a = np.arange(max(nbytes // 8, 1), dtype=np.int64)
    idx = np.random.default_rng(seed).integers(0, len(a), size=reads, dtype=np.intp)
    out = np.empty(reads, dtype=np.int64)
    np.take(a, idx, out=out)  # warm-up, outside the timing
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(rounds):
            np.take(a, idx, out=out)
        best = min(best, time.perf_counter() - start)
    return best / (reads * rounds) * 1e9


# taught: end


def main(argv=None):
    from _memory_tiers import run_memory_tiers

    run_memory_tiers(__doc__, read_bandwidth, random_access_ns, argv)


if __name__ == "__main__":
    main()
