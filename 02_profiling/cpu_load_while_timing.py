"""Figure 2-4: each core's load while the Julia function is timed (chapter 2, "Simple Approaches to Timing").

The book shows Ubuntu's System Monitor while the Julia set is timed: one core
at 100% (pure Python runs on one core), the others lightly busy with
whatever else the machine does, which is why timings vary from run to run.
This script draws the same picture without a GUI: a thread samples
``psutil.cpu_percent(percpu=True)`` every ``--interval-ms`` while
``calculate_z_serial_purepython`` runs, then plots one line per core
(``cpu_load_while_timing.png``) and prints each core's mean and peak load.

Run:
    python 02_profiling/cpu_load_while_timing.py
    python 02_profiling/cpu_load_while_timing.py --width 300 --interval-ms 100
"""

import threading
import time

import psutil
from julia1_nopil import calculate_z_serial_purepython

SMOKE_ARGS = ["--width", "150", "--interval-ms", "50"]


# taught: per-core load sampled in a thread while the timed function runs
class CpuSampler(threading.Thread):
    """Samples ``psutil.cpu_percent(percpu=True)`` every ``interval`` seconds until stopped."""

    def __init__(self, interval):
        super().__init__(daemon=True)
        self.interval = interval
        self.times = []
        self.samples = []
        self._stop_event = threading.Event()

    def run(self):
        start = time.perf_counter()
        psutil.cpu_percent(percpu=True)  # the first call only sets the starting point
        while True:
            stopped = self._stop_event.wait(self.interval)
            self.samples.append(psutil.cpu_percent(percpu=True))  # the last one as it stops
            self.times.append(time.perf_counter() - start)
            if stopped:
                break

    def stop(self):
        self._stop_event.set()
        self.join()


def sample_while(function, interval, *args):
    """Run ``function(*args)`` while sampling every core; ``(result, times, samples)``."""
    sampler = CpuSampler(interval)
    sampler.start()
    try:
        result = function(*args)
    finally:
        sampler.stop()
    return result, sampler.times, sampler.samples


def draw_load(times, samples, path):
    """One line per core: its load (%) against time."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4))
    for core, loads in enumerate(zip(*samples)):
        ax.plot(times, loads, label=f"CPU{core + 1}")
    ax.set_xlabel("seconds")
    ax.set_ylabel("load (%)")
    ax.set_ylim(0, 105)
    ax.set_title("Per-core load while calculate_z_serial_purepython runs")
    ax.legend(loc="upper right", ncol=4, fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def time_with_load(width, max_iterations, interval, folder):
    """Time the Julia loop while sampling, print each core's load, draw the figure."""
    from hpp.julia import julia_inputs

    zs, cs = julia_inputs(width)
    start = time.perf_counter()
    output, times, samples = sample_while(calculate_z_serial_purepython, interval, max_iterations, zs, cs)
    print(f"calculate_z_serial_purepython took {time.perf_counter() - start:.2f} seconds")
    print(f"{len(samples)} samples of {len(samples[0])} cores, every {interval * 1000:.0f} ms")
    for core, loads in enumerate(zip(*samples)):
        print(f"CPU{core + 1}: mean {sum(loads) / len(loads):5.1f}%, peak {max(loads):5.1f}%")
    print(f"figure saved to {draw_load(times, samples, folder / 'cpu_load_while_timing.png')}")
    return output


# taught: end


def main(argv=None):
    from hpp.julia import add_julia_arguments, report_sum
    from hpp.script import add_output_dir_argument, example_parser, output_dir, positive_int

    parser = add_julia_arguments(example_parser(__doc__))
    parser.add_argument("--interval-ms", type=positive_int, default=250, help="milliseconds between samples")
    add_output_dir_argument(parser, "02_profiling", "the figure")
    args = parser.parse_args(argv)
    folder = output_dir("02_profiling", args.output_dir)
    output = time_with_load(args.width, args.max_iterations, args.interval_ms / 1000, folder)
    report_sum(output, args.width, args.max_iterations)


if __name__ == "__main__":
    main()
