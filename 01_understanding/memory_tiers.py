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

import csv
import time
from pathlib import Path

import numpy as np

SMOKE_ARGS = ["--min-kib", "4", "--max-mib", "1", "--read-mib", "4"]


def cache_sizes(root="/sys/devices/system/cpu/cpu0/cache"):
    """``{"L1": bytes, "L2": bytes, "L3": bytes}`` for the data caches this machine reports (may be empty)."""
    sizes = {}
    for index in sorted(Path(root).glob("index*")):
        try:
            kind = (index / "type").read_text().strip()
            level = int((index / "level").read_text())
            text = (index / "size").read_text().strip()
        except (OSError, ValueError):
            continue
        if kind == "Instruction":
            continue
        units = {"K": 1024, "M": 1024**2, "G": 1024**3}
        size = int(text[:-1]) * units[text[-1]] if text[-1] in units else int(text)
        sizes[f"L{level}"] = size
    return sizes


def tier_of(nbytes, caches):
    """The smallest tier a working set of ``nbytes`` fits in: "L1", "L2", "L3" or "RAM"."""
    for name in sorted(caches):
        if nbytes <= caches[name]:
            return name
    return "RAM"


# taught: memory tiers: the smaller the working set, the faster each read (Figure 1-2)
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


def working_set_sizes(min_bytes, max_bytes):
    """Powers of two from ``min_bytes`` to ``max_bytes``."""
    sizes = []
    size = 1 << max(min_bytes - 1, 0).bit_length()
    while size <= max_bytes:
        sizes.append(size)
        size *= 2
    return sizes


def measure(sizes, read_bytes=256 * 1024**2, caches=None):
    """One row per working-set size: bytes, tier, read GB/s, ns per random read."""
    caches = cache_sizes() if caches is None else caches
    return [
        {
            "bytes": size,
            "tier": tier_of(size, caches),
            "read_gb_per_s": read_bandwidth(size, read_bytes) / 1e9,
            "random_read_ns": random_access_ns(size),
        }
        for size in sizes
    ]


def human(nbytes):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if nbytes < 1024 or unit == "GiB":
            return f"{nbytes:g} {unit}"
        nbytes /= 1024
    return f"{nbytes:g} GiB"


def tier_ratios(rows):
    """``(random-read ns, read GB/s)`` of the largest working set over those of the smallest.

    The figure's title says these, so it states what the data show: the smallest set sits in L1, and
    the largest in RAM when ``--max-mib`` is past the last cache.
    """
    small, large = rows[0], rows[-1]
    return (
        large["random_read_ns"] / small["random_read_ns"],
        small["read_gb_per_s"] / large["read_gb_per_s"],
    )


def plot(rows, caches, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [row["bytes"] for row in rows]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 7), sharex=True)
    top.plot(sizes, [row["read_gb_per_s"] for row in rows], marker="o")
    top.set_ylabel("sequential read (GB/s)")
    bottom.plot(sizes, [row["random_read_ns"] for row in rows], marker="o", color="tab:red")
    bottom.set_ylabel("random read (ns each)")
    bottom.set_xlabel("working set")
    bottom.set_xscale("log", base=2)
    bottom.set_xticks(sizes[::2], [human(size) for size in sizes[::2]], rotation=45)
    for ax in (top, bottom):
        ax.grid(alpha=0.3)
        for name, size in sorted(caches.items()):
            ax.axvline(size, color="grey", linestyle="--")
            ax.text(size, ax.get_ylim()[1], f" {name} {human(size)}", va="top", fontsize=8)
    slower_random, slower_read = tier_ratios(rows)
    small, large = rows[0], rows[-1]
    top.set_title(
        f"Memory tiers on this machine (Figure 1-2, measured): from {human(small['bytes'])} "
        f"({small['tier']}) to {human(large['bytes'])} ({large['tier']}),\n"
        f"a random read takes {slower_random:.1f}x as long, a sequential read is {slower_read:.1f}x slower",
        fontsize=10,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def measure_tiers(min_bytes, max_bytes, read_bytes, folder):
    """Print the caches and one row per working-set size, and save the plot in ``folder``."""
    caches = cache_sizes()
    print(
        "caches: "
        + (", ".join(f"{name} {human(size)}" for name, size in sorted(caches.items())) or "not reported")
    )
    rows = measure(working_set_sizes(min_bytes, max_bytes), read_bytes, caches)
    print(f"{'working set':>12} {'tier':>4} {'read GB/s':>10} {'random read ns':>15}")
    for row in rows:
        print(
            f"{human(row['bytes']):>12} {row['tier']:>4} {row['read_gb_per_s']:10.1f} "
            f"{row['random_read_ns']:15.2f}"
        )
    with open(folder / "memory_tiers.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    path = plot(rows, caches, folder / "memory_tiers.png")
    print(f"plot saved to {path}")
    return rows


def main(argv=None):
    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(__doc__)
    parser.add_argument("--min-kib", type=positive_int, default=4, help="smallest working set, KiB")
    parser.add_argument("--max-mib", type=positive_int, default=256, help="largest working set, MiB")
    parser.add_argument("--read-mib", type=positive_int, default=256, help="MiB read per bandwidth timing")
    parser.add_argument("--output-dir", type=writable_dir, help="where to save memory_tiers.png")
    args = parser.parse_args(argv)
    if args.min_kib * 1024 > args.max_mib * 1024**2 or args.max_mib > 16 * 1024:
        parser.error("need --min-kib <= --max-mib and --max-mib <= 16384")
    folder = output_dir("01_understanding", args.output_dir)
    measure_tiers(args.min_kib * 1024, args.max_mib * 1024**2, args.read_mib * 1024**2, folder)


if __name__ == "__main__":
    main()
