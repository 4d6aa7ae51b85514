"""Watch the cores while pi is estimated: a per-core CPU-usage trace (psutil) as a plot.

Chapter 9, "Using Python Objects" (the CPU-usage figures): ``psutil.cpu_percent(
percpu=True)`` is sampled every ``--interval`` seconds while
``pi_lists_parallel.py`` runs in a child process. With processes, ``--workers``
cores are busy; with ``--threads``, one core's worth of work in total (the GIL),
spread over the cores by the OS scheduler. The machine's total includes other
programs; the run's own CPU (its process and children, also from psutil) does not.
It prints the run's peak CPU and the most of its processes busy at once (10 %
of a core or more in one sample): the workers with processes, one with threads.
Writes ``cpu_usage_<kind>_<N>.png``, a heat map of cores by time.

Run:
    python 09_multiprocessing/pi_estimation/profile_cpu_usage.py --workers 2 --samples 2e7
    python 09_multiprocessing/pi_estimation/profile_cpu_usage.py --workers 2 --samples 2e7 --threads
"""

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import psutil

from hpp.script import fail

SMOKE_ARGS = ["--workers", "2", "--samples", "500000", "--interval", "0.1"]
REQUIRES = ("psutil",)

HERE = Path(__file__).resolve().parent


BUSY_PERCENT = 10  # a process using this much of a core in a sample counts as busy


def run_cpu_percent(watched, root):
    """CPU % used now by ``root`` and its children (100 % = one busy core), and how many are busy."""
    total, busy = 0.0, 0
    try:
        family = [root] + root.children(recursive=True)
    except psutil.Error:
        return total, busy
    for process in family:
        try:
            if process.pid not in watched:
                watched[process.pid] = process
                process.cpu_percent(None)  # the first call only starts the measurement
            else:
                percent = watched[process.pid].cpu_percent(None)
                total += percent
                busy += percent >= BUSY_PERCENT
        except psutil.Error:
            pass
    return total, busy


# book: 3rd ed. code, "pi_lists_parallel/cpu_usage/profile_cpu_usage.py"
def trace_cpu_usage(command, interval):
    """Run ``command``; return (exit code, output, per-core samples, the run's own CPU %, its
    processes busy), the last two one per sample."""
    psutil.cpu_percent(percpu=True)  # the first call only starts the measurement
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    root, watched = psutil.Process(process.pid), {}
    samples, own, busy = [], [], []
    while process.poll() is None:
        time.sleep(interval)
        samples.append(psutil.cpu_percent(percpu=True))
        percent, processes = run_cpu_percent(watched, root)
        own.append(percent)
        busy.append(processes)
    output = process.stdout.read()
    process.stdout.close()
    return (
        process.returncode,
        output,
        np.array(samples, dtype=float).reshape(len(samples), -1),
        np.array(own),
        np.array(busy, dtype=int),
    )


def plot(samples, interval, title, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 1 + 0.4 * samples.shape[1]))
    image = ax.imshow(
        samples.T,
        aspect="auto",
        cmap="viridis",
        vmin=0,
        vmax=100,
        interpolation="nearest",
        extent=(0, len(samples) * interval, samples.shape[1] - 0.5, -0.5),
    )
    ax.set_xlabel("seconds")
    ax.set_ylabel("core")
    ax.set_title(title)
    fig.colorbar(image, ax=ax, label="CPU %")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# book: end


def watch_cpu_usage(nbr_workers, nbr_samples, threads, interval, folder):
    """Run ``pi_lists_parallel.py`` under the trace, plot the cores into ``folder`` and print the summary."""
    kind = "threads" if threads else "processes"
    command = [
        sys.executable,
        str(HERE / "pi_lists_parallel.py"),
        "--workers",
        str(nbr_workers),
        "--samples",
        str(nbr_samples),
        f"--{kind}",
    ]
    code, output, samples, own, busy = trace_cpu_usage(command, interval)
    if code != 0:
        last = (output.strip().splitlines() or ["no output"])[-1]
        fail(f"pi_lists_parallel.py failed (exit {code}): {last}")
    if len(samples) == 0:
        fail("the run ended before the first CPU sample: use more --samples or a shorter --interval")
    path = folder / f"cpu_usage_{kind}_{nbr_workers}.png"
    plot(samples, interval, f"{nbr_workers} {kind}: CPU % per core", path)
    print(output.strip())
    print(f"cores = {samples.shape[1]}")
    print(f"cpu samples = {len(samples)}")
    print(f"machine CPU, mean = {samples.sum(axis=1).mean():.0f} %  (100 % = one busy core)")
    print(f"this run's CPU, peak = {own.max():.0f} %  (its processes only)")
    print(f"this run's processes busy at once, most = {busy.max()}")
    print(f"figure = {path}")


def main(argv=None):
    from _pi_common import add_samples_argument

    from hpp.script import example_parser, output_dir, positive_float, positive_int, writable_dir

    parser = example_parser(__doc__)
    parser.add_argument("--workers", type=positive_int, default=4, help="number of workers")
    add_samples_argument(parser)
    parser.add_argument("--threads", action="store_true", help="threads instead of processes")
    parser.add_argument(
        "--interval", type=positive_float, default=0.5, help="seconds between samples (the book: 2)"
    )
    parser.add_argument("--output-dir", type=writable_dir, help="where the PNG goes")
    args = parser.parse_args(argv)
    folder = output_dir("09_multiprocessing", args.output_dir)
    watch_cpu_usage(args.workers, args.samples, args.threads, args.interval, folder)


if __name__ == "__main__":
    main()
