"""memray on the two Julia memory variants: the peak with and without ``zs`` and ``cs`` (beyond the book).

memray (Bloomberg's memory profiler) records every allocation of a run:
``memray run -o FILE.bin script.py`` writes the record, ``memray stats FILE.bin``
summarises it (peak memory, allocations by size and by place) and
``memray flamegraph FILE.bin`` writes an HTML flame graph of who allocated the
memory at the peak. Unlike memory_profiler it reads the allocator rather than
the process's size, so its numbers change little from run to run.

This script runs both of chapter 2's memory variants under memray:
``julia1_memoryprofiler.py`` (builds ``zs`` and ``cs``, a complex number per
point in each) and ``julia1_memoryprofiler2.py`` (Example 2-12: builds each
complex number on the fly), then prints each peak, the difference, and where
it saved the ``.bin``, the ``stats`` JSON and the flame graph. At width 300 the
difference is about 7 MB: 90,000 points x 2 lists x (a 32-byte complex number
and an 8-byte list slot).

Run:
    python 02_profiling/memray_julia.py --width 300
    cd 02_profiling && memray run -o julia1.bin julia1_memoryprofiler.py --width 300
    memray stats julia1.bin && memray flamegraph julia1.bin
"""

# taught: creating the coordinates on the fly (Example 2-12) lowers the peak, measured with memray
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VARIANTS = ("julia1_memoryprofiler.py", "julia1_memoryprofiler2.py")


def memray(*args):
    """Run ``python -m memray ARGS``; its output, or an error with memray's last line."""
    completed = subprocess.run(
        [sys.executable, "-m", "memray", *map(str, args)], capture_output=True, text=True, timeout=1800
    )
    if completed.returncode != 0:
        last = (completed.stderr.strip() or completed.stdout.strip() or "no output").splitlines()[-1]
        raise RuntimeError(f"memray {args[0]} failed: {last}")
    return completed.stdout


def profile_variant(script, width, max_iterations, folder):
    """memray run + stats + flamegraph for one variant; returns the peak in bytes and the files."""
    stem = Path(script).stem
    record, stats, flamegraph = (folder / f"{stem}.bin", folder / f"{stem}.json", folder / f"{stem}.html")
    output = memray(
        "run", "-q", "-f", "-o", record, HERE / script, "--width", width, "--max-iterations", max_iterations
    )
    memray("stats", "--json", "-f", "-o", stats, record)
    memray("flamegraph", "-f", "-o", flamegraph, record)
    peak = json.loads(stats.read_text())["metadata"]["peak_memory"]
    return {
        "script": script,
        "peak_bytes": peak,
        "output": output,
        "record": record,
        "stats": stats,
        "flamegraph": flamegraph,
    }


# taught: end


def main(argv=None):
    from _profiling_tools import run_memray_julia

    run_memray_julia(__doc__, profile_variant, VARIANTS, argv)


if __name__ == "__main__":
    main()
