"""Watch the cores while pi is estimated: a per-core CPU-usage trace (psutil) as a plot.

Chapter 9, "Using Python Objects" (the CPU-usage figures): ``psutil.cpu_percent(
percpu=True)`` is sampled every ``--interval`` seconds while
``pi_lists_parallel.py`` runs in a child process. With processes, ``--workers``
cores are busy; with ``--pool threads``, one core's worth of work in total (the GIL),
spread over the cores by the OS scheduler. The machine's total includes other
programs; the run's own CPU (its process and children, also from psutil) does not.
It prints the run's peak CPU and the most of its processes busy at once (10 %
of a core or more in one sample): the workers with processes, one with threads.
Writes ``cpu_usage_<kind>_<N>.png``, a heat map of cores by time.

Run:
    python 09_multiprocessing/pi_estimation/profile_cpu_usage.py --workers 2 --samples 2e7
    python 09_multiprocessing/pi_estimation/profile_cpu_usage.py --workers 2 --samples 2e7 --pool threads
"""

# book: 3rd ed. code, "pi_lists_parallel/cpu_usage/profile_cpu_usage.py"
import subprocess
import time

import numpy as np
import psutil


def trace_cpu_usage(command, interval):
    """Run ``command``; return (exit code, output, per-core samples, the run's own CPU %, its
    processes busy), the last two one per sample."""
    from _pi_figures import run_cpu_percent

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


def main(argv=None):
    from _pi_figures import run_cpu_trace

    run_cpu_trace(__doc__, trace_cpu_usage, plot, argv)


if __name__ == "__main__":
    main()
