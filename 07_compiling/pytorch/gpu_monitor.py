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

import shutil
import subprocess
import threading
import time

from diffusion_pytorch import evolve

from hpp.diffusion import initial_grid

REQUIRES = ("torch",)
REQUIRES_TOOLS = ("nvidia-smi",)
SMOKE_ARGS = ["--sizes", "64", "256", "--seconds", "1"]

QUERY = "utilization.gpu,power.draw,memory.used,temperature.gpu,clocks.sm"


# taught: basic GPU profiling: nvidia-smi's utilization and power draw, sampled as PyTorch works
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


# taught: end


def run_phase(size, seconds, device):
    """Steps of the diffusion on ``size`` for about ``seconds``; returns the steps taken."""
    import torch

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
    """Sample nvidia-smi while each grid size runs for ``seconds``; print the averages per phase."""
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
    print(
        f"{'phase':24} {'steps/s':>9} {'samples':>7} {'util %':>7} {'power W':>8} "
        f"{'memory MiB':>10} {'SM MHz':>7}"
    )
    for name, _size, rate, start, end in phases:
        rows = sampler.between(start + 0.3, end)  # skip the first sample of the phase
        if not rows:
            print(f"{name:24} no samples")
            continue
        mean = [sum(column) / len(rows) for column in zip(*rows)]
        rate_text = f"{rate:>9.0f}" if rate != "" else f"{'':>9}"
        print(
            f"{name:24} {rate_text} {len(rows):>7} {mean[0]:>7.0f} {mean[1]:>8.0f} "
            f"{mean[2]:>10.0f} {mean[4]:>7.0f}"
        )
    print("utilization = share of time with a kernel running; power = how hard the GPU works")
    print()
    print(subprocess.run(["nvidia-smi"], capture_output=True, text=True).stdout)
    if shutil.which("gpustat"):
        print(subprocess.run(["gpustat", "--no-color"], capture_output=True, text=True).stdout)
    else:
        print("(gpustat not installed: pip install gpustat)")
    return phases


def main(argv=None):
    from hpp.gpu import describe, device_from_flag
    from hpp.script import example_parser, fail, positive_float, positive_int

    parser = example_parser(__doc__)
    parser.add_argument(
        "--sizes", type=positive_int, nargs="+", default=[256, 8192], help="grid sizes, in turn"
    )
    parser.add_argument("--seconds", type=positive_float, default=5.0, help="seconds per phase")
    args = parser.parse_args(argv)
    if shutil.which("nvidia-smi") is None:
        fail("needs nvidia-smi: an NVIDIA GPU and its driver (gpustat and nvitop read the same counters)")
    device = device_from_flag("cuda")
    print(f"device: {describe(device)}")
    monitor(args.sizes, args.seconds, device)


if __name__ == "__main__":
    main()
