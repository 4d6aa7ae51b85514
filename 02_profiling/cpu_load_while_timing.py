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

# taught: per-core load sampled in a thread while the timed function runs
import threading
import time

import psutil


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


# taught: end


def main(argv=None):
    from _profiling_tools import run_cpu_load_while_timing
    from julia1_nopil import calculate_z_serial_purepython

    run_cpu_load_while_timing(__doc__, sample_while, calculate_z_serial_purepython, argv)


if __name__ == "__main__":
    main()
