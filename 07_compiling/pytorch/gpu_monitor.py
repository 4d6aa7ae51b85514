"""Watch the GPU as the book advises: nvidia-smi's utilization and power while PyTorch works.

Book 7, "Basic GPU Profiling": ``nvidia-smi`` shows GPU utilization (the share
of the last second in which at least one kernel ran, not the share of the GPU
in use) and power draw (a better proxy for how much of the GPU computes). This
samples both with ``nvidia-smi --query-gpu=... -lms 200`` while the diffusion
of diffusion_pytorch.py runs on a small grid (launch bound) and on a large
one, and prints the averages per phase: utilization reads high for both, the
power tells them apart. Then it prints ``nvidia-smi`` itself, and ``gpustat``
where it is installed (pip install gpustat; nvitop is the interactive
alternative: pip install nvitop, then nvitop).

Needs an NVIDIA GPU with its driver (nvidia-smi) and PyTorch with CUDA.

Run:
    python 07_compiling/pytorch/gpu_monitor.py                     # 256 and 8192, 5 s each
    python 07_compiling/pytorch/gpu_monitor.py --sizes 512 4096 --seconds 3
"""

# taught: basic GPU profiling: nvidia-smi's utilization and power draw, sampled as PyTorch works
import subprocess
import threading
import time

from diffusion_pytorch import evolve

QUERY = "utilization.gpu,power.draw,memory.used,temperature.gpu,clocks.sm"


class Sampler:
    """Runs ``nvidia-smi --query-gpu`` every ``interval_ms`` and keeps ``(time, values)`` rows."""

    def __init__(self, interval_ms=200):
        command = [
            "nvidia-smi",
            f"--query-gpu={QUERY}",
            "--format=csv,noheader,nounits",
            f"-lms={interval_ms}",
            "--id=0",
        ]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        self.rows = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stdout:
            try:
                values = [float(v) for v in line.split(",")]
            except ValueError:  # "[N/A]" for a field this card does not report
                continue
            self.rows.append((time.perf_counter(), values))

    def between(self, start, end):
        return [values for when, values in self.rows if start <= when <= end]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.reader.join(timeout=10)


def run_phase(size, seconds, device):
    """Steps of the diffusion on ``size`` for about ``seconds``; returns the steps taken."""
    import torch

    from hpp.diffusion import initial_grid
    from hpp.gpu import synchronize

    grid = torch.from_numpy(initial_grid(size)).to(device)
    steps, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        for _ in range(20):
            grid = evolve(grid)
        steps += 20
        synchronize(device)
    return steps


def monitor(sizes, seconds, device):
    """Sample nvidia-smi while idle, then while each grid size runs for ``seconds``.

    Returns the phases ``(name, size, steps per second, start, end)`` and the sampler."""
    sampler = Sampler()
    phases = []
    try:
        time.sleep(1.5)
        start = time.perf_counter()
        time.sleep(seconds / 2)
        phases.append(("idle", "", "", start, time.perf_counter()))
        run_phase(64, 0.2, device)  # warm-up: CUDA context, kernels
        for size in sizes:
            start = time.perf_counter()
            steps = run_phase(size, seconds, device)
            end = time.perf_counter()
            phases.append((f"diffusion {size} x {size}", size, steps / (end - start), start, end))
        time.sleep(0.5)
    finally:
        sampler.stop()
    return phases, sampler


# taught: end


def main(argv=None):
    from _pytorch_plumbing import run_gpu_monitor

    run_gpu_monitor(__doc__, monitor, argv)


if __name__ == "__main__":
    main()
