"""The machinery of ``memory_tiers.py``: cache sizes, working sets, the table, the CSV and the plot.

Not a book example: ``memory_tiers.py`` holds the two measurements (Figure 1-2's lesson);
this module sizes the working sets, names the tier each fits in, prints the rows and draws
the figure.
"""

import csv
from pathlib import Path


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


def working_set_sizes(min_bytes, max_bytes):
    """Powers of two from ``min_bytes`` to ``max_bytes``."""
    sizes = []
    size = 1 << max(min_bytes - 1, 0).bit_length()
    while size <= max_bytes:
        sizes.append(size)
        size *= 2
    return sizes


def measure(read_bandwidth, random_access_ns, sizes, read_bytes=256 * 1024**2, caches=None):
    """One row per working-set size: bytes, tier, read GB/s (``read_bandwidth``), ns per random read
    (``random_access_ns``): the script's two measurements."""
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


def measure_tiers(read_bandwidth, random_access_ns, min_bytes, max_bytes, read_bytes, folder):
    """Print the caches and one row per working-set size (measured with the script's two
    functions), save them as CSV and the plot in ``folder``."""
    caches = cache_sizes()
    print(
        "caches: "
        + (", ".join(f"{name} {human(size)}" for name, size in sorted(caches.items())) or "not reported")
    )
    sizes = working_set_sizes(min_bytes, max_bytes)
    rows = measure(read_bandwidth, random_access_ns, sizes, read_bytes, caches)
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


def run_memory_tiers(doc, read_bandwidth, random_access_ns, argv=None):
    """``memory_tiers.py``'s command line: parse the sizes, measure, print, save CSV and plot."""
    from hpp.script import example_parser, output_dir, positive_int, writable_dir

    parser = example_parser(doc)
    parser.add_argument("--min-kib", type=positive_int, default=4, help="smallest working set, KiB")
    parser.add_argument("--max-mib", type=positive_int, default=256, help="largest working set, MiB")
    parser.add_argument("--read-mib", type=positive_int, default=256, help="MiB read per bandwidth timing")
    parser.add_argument("--output-dir", type=writable_dir, help="where to save memory_tiers.png")
    args = parser.parse_args(argv)
    if args.min_kib * 1024 > args.max_mib * 1024**2 or args.max_mib > 16 * 1024:
        parser.error("need --min-kib <= --max-mib and --max-mib <= 16384")
    folder = output_dir("01_understanding", args.output_dir)
    mib = 1024**2
    measure_tiers(
        read_bandwidth, random_access_ns, args.min_kib * 1024, args.max_mib * mib, args.read_mib * mib, folder
    )
