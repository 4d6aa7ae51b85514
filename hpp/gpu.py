"""PyTorch's device, chosen in one place, and GPU timings that wait for the GPU.

Every PyTorch example and benchmark case goes through here::

    torch = require_torch()              # no torch: one line naming the gpu extra, exit 2
    add_device_argument(parser)          # --device auto|cpu|cuda
    device = device_from_flag(args.device)
    grid, seconds = timed(lambda: run_experiment(100, 512, device=device), device)

GPU calls are asynchronous: a kernel is queued and Python moves on. A clock read
right after the calls measures the queueing, not the work (the official code's
~0.13 ms per step at every size up to 512 x 512). ``timed`` synchronizes before
starting the clock and before stopping it.
"""

import importlib.util
import time

DEVICES = ("auto", "cpu", "cuda")
MISSING_TORCH = "needs PyTorch: pip install -e '.[gpu]' (the gpu extra; the CPU-only build works too)"


# ``from hpp.gpu import torch`` (or roll, F, profiler): the module, or None without PyTorch, so a
# script imports its listing's names in one line and its main() says which extra to install.
_TORCH_NAMES = {"torch": "", "roll": "roll", "F": "nn.functional", "profiler": "profiler"}


def __getattr__(name):
    if name not in _TORCH_NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        import torch
    except ImportError:
        return None
    value = torch
    for part in filter(None, _TORCH_NAMES[name].split(".")):
        value = getattr(value, part)
    return value


def torch_available():
    """True when ``import torch`` would find the package (it is not imported)."""
    return importlib.util.find_spec("torch") is not None


def require_torch():
    """``import torch`` and return it, or end with one line naming the ``gpu`` extra (exit 2)."""
    torch = __getattr__("torch")
    if torch is None:
        from hpp.script import fail

        fail(MISSING_TORCH)
    return torch


def cuda_available():
    """True when torch is installed and sees a CUDA GPU."""
    if not torch_available():
        return False
    import torch

    return torch.cuda.is_available()


def add_device_argument(parser, default="auto"):
    """``--device auto|cpu|cuda`` (auto: CUDA when PyTorch sees a GPU, else the CPU)."""
    parser.add_argument(
        "--device",
        choices=DEVICES,
        default=default,
        help="where the tensors live (auto: cuda when PyTorch sees a GPU, else cpu)",
    )
    return parser


def choose_device(name="auto"):
    """The ``torch.device`` for ``auto``, ``cpu`` or ``cuda``; ValueError if CUDA is asked and absent."""
    import torch

    if name not in DEVICES:
        raise ValueError(f"--device must be one of {', '.join(DEVICES)}, got {name!r}")
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    if name == "cuda" and not torch.cuda.is_available():
        raise ValueError("--device cuda: no CUDA GPU is available to PyTorch here (use --device cpu or auto)")
    return torch.device(name)


def device_from_flag(name="auto"):
    """``choose_device`` for a script: torch missing or CUDA absent is one line and exit 2."""
    from hpp.script import fail

    require_torch()
    try:
        return choose_device(name)
    except ValueError as error:
        fail(str(error))


def synchronize(device):
    """Wait until the device has finished the work queued so far (a no-op on the CPU)."""
    if str(device) == "cpu":
        return  # nothing is queued on the CPU, and no torch is needed to say so
    import torch

    device = torch.device(device)
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def timed(fn, device):
    """``(fn(), seconds)``, the clock read only after the device has finished ``fn``'s work."""
    synchronize(device)
    start = time.perf_counter()
    result = fn()
    synchronize(device)
    return result, time.perf_counter() - start


def describe(device):
    """One line naming the device: ``cuda (NVIDIA H100 80GB HBM3), torch 2.11.0``."""
    import torch

    device = torch.device(device)
    if device.type == "cuda":
        name = torch.cuda.get_device_name(device)
    else:
        name = f"{torch.get_num_threads()} CPU threads"
    return f"{device.type} ({name}), torch {torch.__version__}"


def seconds_per_step(step, device, max_steps=1000, max_seconds=10.0, warmup=2):
    """Time ``step()`` (one time step, any device): ``(seconds per step, steps timed)``.

    ``warmup`` untimed steps first (CUDA context, kernel selection), then steps
    in batches, synchronized around each batch, until ``max_steps`` steps or
    ``max_seconds`` seconds (the official figures' time limit; at least one
    step). Synchronizing once per batch, not per step, keeps the GPU's queue
    full, as a real run would.
    """
    for _ in range(warmup):
        step()
    synchronize(device)
    done, spent, batch = 0, 0.0, 1
    while done < max_steps and (done == 0 or spent < max_seconds):
        batch = min(batch, max_steps - done)
        start = time.perf_counter()
        for _ in range(batch):
            step()
        synchronize(device)
        spent += time.perf_counter() - start
        done += batch
        batch *= 2
    return spent / done, done
