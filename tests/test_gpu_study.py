"""The GPU study (chapter 06's PyTorch section, 07's pytorch/): parity, precision, transfer, profile.

Every PyTorch variant agrees with float64 NumPy within its dtype's stated
tolerance (diffusion_pytorch_highmem.TOLERANCE: float64 1e-12, float32 1e-8,
float16 2e-4, max abs difference, initial block 0.005). Tests that need torch
carry the ``gpu`` marker and run on the CPU, and on CUDA where PyTorch sees a
GPU; the CUDA-only ones skip without one, saying so. No test asserts a timing:
the lessons are asserted through counts (bytes moved, kernels called, steps).
"""

import csv
import os
import subprocess
import sys

import numpy as np
import pytest

from hpp.diffusion import initial_mass
from hpp.loader import REPO_ROOT, load_example

DIFFUSION = REPO_ROOT / "06_matrix" / "diffusion_2d"
PYTORCH_07 = REPO_ROOT / "07_compiling" / "pytorch"
SIZE, STEPS = 64, 200

TORCH_SCRIPTS = [
    "06_matrix/diffusion_2d/diffusion_pytorch_compute.py",
    "06_matrix/diffusion_2d/diffusion_pytorch_conv.py",
    "06_matrix/diffusion_2d/diffusion_pytorch_highmem.py",
    "06_matrix/diffusion_2d/diffusion_pytorch_transfer.py",
    "06_matrix/diffusion_2d/diffusion_pytorch_conv_profile.py",
    "06_matrix/diffusion_2d/figure_pytorch_naive_precision.py",
    "06_matrix/diffusion_2d/figure_pytorch_naive_vs_conv.py",
    "06_matrix/diffusion_2d/figure_pytorch_vs_numpy.py",
    "07_compiling/pytorch/diffusion_pytorch.py",
    "07_compiling/pytorch/random_access.py",
    "07_compiling/pytorch/compare.py",
]


def torch_or_skip():
    """torch, or a skip naming the extra (in CI, where .ci/run installs torch, a failure)."""
    try:
        import torch
    except ImportError:
        if os.environ.get("CI") == "true" and os.environ.get("HPP_CI_EXPECT_TORCH"):
            pytest.fail("torch is missing although CI installs the gpu extra for this Python")
        pytest.skip("needs torch: pip install -e '.[gpu]'")
    torch.set_num_threads(1)  # a shared machine: PyTorch's spinning threads slow every test
    return torch


def devices():
    """cpu always; cuda as its own parameter that skips, naming CUDA, where there is none."""
    return ["cpu", pytest.param("cuda", marks=pytest.mark.gpu)]


def device_or_skip(name):
    torch = torch_or_skip()
    if name == "cuda" and not torch.cuda.is_available():
        pytest.skip("needs a CUDA GPU visible to PyTorch (torch.cuda.is_available() is False)")
    return torch.device(name)


@pytest.fixture(scope="module")
def reference():
    return load_example(DIFFUSION / "diffusion_numpy.py").run_experiment(STEPS, SIZE)


def max_error(grid, reference):
    if hasattr(grid, "detach"):
        grid = grid.detach().cpu().double().numpy()
    return float(np.abs(np.asarray(grid, dtype=np.float64) - reference).max())


# ---------------------------------------------------------------- torch missing: one line, exit 2


@pytest.mark.parametrize("script", TORCH_SCRIPTS)
def test_missing_torch_is_one_line_naming_the_gpu_extra(script, tmp_path, assert_bad_input):
    """With ``import torch`` blocked, each script ends with one line naming the extra, exit 2."""
    path = REPO_ROOT / script
    code = (
        "import runpy, sys; sys.modules['torch'] = None; "
        f"sys.path.insert(0, {str(path.parent)!r}); sys.argv = [{str(path)!r}]; "
        f"runpy.run_path({str(path)!r}, run_name='__main__')"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), HPP_OUTPUT_DIR=str(tmp_path), MPLBACKEND="Agg")
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    line = assert_bad_input(completed)
    assert "pip install -e '.[gpu]'" in line and "gpu extra" in line, line


def test_hpp_gpu_needs_no_torch_to_import():
    code = (
        "import sys; sys.modules['torch'] = None; import hpp.gpu as g; "
        "print(g.torch_available(), g.cuda_available())"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        timeout=60,
    )
    assert completed.stdout.split() == ["False", "False"], completed.stderr


# ---------------------------------------------------------------- hpp.gpu


def test_seconds_per_step_counts_the_steps_it_times():
    from hpp.gpu import seconds_per_step

    calls = []
    seconds, steps = seconds_per_step(lambda: calls.append(1), "cpu", max_steps=10, max_seconds=60, warmup=3)
    assert steps == 10 and len(calls) == 13  # 3 untimed warm-up steps, then exactly 10
    _, steps = seconds_per_step(lambda: None, "cpu", max_steps=1, max_seconds=1e-9, warmup=0)
    assert steps == 1  # at least one step, however small the budget


@pytest.mark.gpu
def test_choose_device():
    torch = torch_or_skip()
    from hpp.gpu import choose_device

    assert choose_device("cpu") == torch.device("cpu")
    assert choose_device("auto").type == ("cuda" if torch.cuda.is_available() else "cpu")
    with pytest.raises(ValueError):
        choose_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(ValueError, match="no CUDA GPU"):
            choose_device("cuda")


@pytest.mark.gpu
def test_cuda_flag_without_a_gpu_is_one_line(run_example, assert_bad_input):
    torch = torch_or_skip()
    if torch.cuda.is_available():
        pytest.skip("a CUDA GPU is present")
    for script in ("06_matrix/diffusion_2d/diffusion_pytorch_highmem.py", "07_compiling/pytorch/compare.py"):
        assert "no CUDA GPU" in assert_bad_input(run_example(script, "--device", "cuda"))


# ---------------------------------------------------------------- parity, every variant


@pytest.mark.gpu
@pytest.mark.parametrize("device_name", devices())
@pytest.mark.parametrize("script", ["diffusion_pytorch_compute.py", "diffusion_pytorch_conv.py"])
@pytest.mark.parametrize("dtype", ["float64", "float32", "float16"])
def test_roll_and_conv_agree_with_numpy_within_the_dtype_tolerance(script, dtype, device_name, reference):
    device = device_or_skip(device_name)
    highmem = load_example(DIFFUSION / "diffusion_pytorch_highmem.py")
    grid = load_example(DIFFUSION / script).run_experiment(STEPS, SIZE, device=device, dtype=dtype)
    assert str(grid.dtype) == f"torch.{dtype}" and grid.device.type == device.type
    assert max_error(grid, reference) <= highmem.TOLERANCE[dtype]


@pytest.mark.gpu
@pytest.mark.parametrize("device_name", devices())
def test_precision_study(device_name, reference):
    device = device_or_skip(device_name)
    highmem = load_example(DIFFUSION / "diffusion_pytorch_highmem.py")
    rows = {row["variant"]: row for row in highmem.precision_study(STEPS, SIZE, device, reference=reference)}
    assert len(rows) == len(highmem.VARIANTS)
    for row in rows.values():
        assert row["max_abs_error"] <= row["tolerance"], row
    error = {d: rows[f"roll {d}"]["max_abs_error"] for d in ("float16", "float32", "float64")}
    assert error["float16"] > error["float32"] > error["float64"] or (
        error["float16"] > error["float32"] and error["float64"] == 0.0
    )
    assert error["float64"] <= 1e-12
    assert error["float32"] > 1e-12 and error["float16"] > 1e-7  # the precision lost is real
    assert [rows[f"roll {d}"]["bytes_per_value"] for d in ("float64", "float32", "float16")] == [8, 4, 2]
    # autocast lowers the convolution, not roll or +: the roll step under autocast is float32
    assert rows["roll float32, autocast float16"]["max_abs_error"] == error["float32"]
    assert (
        rows["conv float32, autocast float16"]["max_abs_error"] > 10 * rows["conv float32"]["max_abs_error"]
    )
    assert abs(rows["roll float64"]["sum"] - initial_mass(SIZE)) <= 1e-12


@pytest.mark.gpu
@pytest.mark.parametrize("device_name", devices())
def test_autocast_leaves_roll_alone_bit_for_bit(device_name):
    torch = torch_or_skip()
    device = device_or_skip(device_name)
    highmem = load_example(DIFFUSION / "diffusion_pytorch_highmem.py")
    plain = highmem.run_experiment(50, 32, device, "float32")
    autocast = highmem.run_experiment(50, 32, device, "float32", autocast="float16")
    assert torch.equal(plain, autocast)
    with torch.autocast(device.type, dtype=torch.float16):
        conv = highmem.make_conv(device)
        assert conv(torch.ones(1, 1, 8, 8, device=device)).dtype == torch.float16


@pytest.mark.gpu
@pytest.mark.parametrize("device_name", devices())
def test_transfer_versions_agree_and_count_their_bytes(device_name, reference):
    device = device_or_skip(device_name)
    transfer = load_example(DIFFUSION / "diffusion_pytorch_transfer.py")
    once = transfer.run_experiment(STEPS, SIZE, device)
    assert isinstance(once, np.ndarray) and max_error(once, reference) <= 1e-12
    every = transfer.run_experiment_copy_every_step(STEPS, SIZE, device)
    assert max_error(every, reference) <= 1e-12
    grid_bytes = SIZE * SIZE * 8
    if device.type == "cuda":
        assert transfer.copies_move_bytes(device)
        assert transfer.bytes_per_step(SIZE, STEPS, device) == 2 * grid_bytes / STEPS
        assert transfer.bytes_per_step(SIZE, STEPS, device, every_step=True) == 2 * grid_bytes
    else:  # the CPU "device" shares the NumPy grid's memory: nothing moves
        assert not transfer.copies_move_bytes(device)
        assert transfer.bytes_per_step(SIZE, STEPS, device, every_step=True) == 0
    row = transfer.time_split(32, 10, device)
    assert row["sum"] == pytest.approx(initial_mass(32), abs=1e-12)
    # the time split's transfer share is a timing; its bytes are counted: the copy-every-step
    # variant moves the grid both ways at every step, the book's version once per run of 10
    moved = 2 * 32 * 32 * 8 if device.type == "cuda" else 0  # the CPU "device" shares the memory
    assert row["bytes_per_step_every"] == moved
    assert row["bytes_per_step_once"] == moved / 10
    if device.type == "cuda":
        assert row["bytes_per_step_every"] > row["bytes_per_step_once"] > 0


@pytest.mark.gpu
@pytest.mark.parametrize("device_name", devices())
def test_conv_profile_counts_one_convolution_per_step(device_name, reference, tmp_path, monkeypatch):
    device = device_or_skip(device_name)
    monkeypatch.setenv("TORCHINDUCTOR_CACHE_DIR", str(tmp_path / "inductor"))  # not in /tmp
    profile = load_example(DIFFUSION / "diffusion_pytorch_conv_profile.py")
    grid, prof = profile.profile_experiment(12, 32, device)
    calls = {event.key: event.count for event in prof.key_averages()}
    assert calls["aten::conv2d"] == 12 and calls["aten::pad"] == 12
    grid = profile.run_experiment(STEPS, SIZE, device)
    assert max_error(grid, reference) <= 1e-12


@pytest.mark.gpu
@pytest.mark.parametrize("device_name", devices())
@pytest.mark.parametrize("method", ["numpy+memory", "pytorch roll", "pytorch conv2d"])
def test_figure_steppers_agree_with_numpy(method, device_name, reference):
    device = device_or_skip(device_name)
    figures = load_example(DIFFUSION / "_pytorch_figures.py")
    stepper = figures.Stepper(method, SIZE, device)
    for _ in range(STEPS):
        stepper.step()
    assert max_error(stepper.grid, reference) <= 1e-12
    assert stepper.mass_error() <= 1e-12


@pytest.mark.gpu
@pytest.mark.parametrize("device_name", devices())
def test_07_pytorch_diffusion_and_compare_agree_with_numpy(device_name, reference):
    device = device_or_skip(device_name)
    numpy_07 = load_example(PYTORCH_07 / "diffusion_numpy.py")
    assert max_error(numpy_07.run_experiment(STEPS, SIZE), reference) <= 1e-12
    compare = load_example(PYTORCH_07 / "compare.py")
    row = compare.measure(SIZE, device, iterations=STEPS, max_seconds=60)
    assert row["steps"] == row["torch_steps"] == STEPS
    assert row["max_abs_difference"] <= 1e-12 and row["mass_error"] <= 1e-12


# ---------------------------------------------------------------- the scripts, end to end


def read_csv(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.gpu
@pytest.mark.parametrize(
    "script, csv_name, methods",
    [
        ("figure_pytorch_vs_numpy.py", "figure_pytorch_vs_numpy.csv", {"numpy+memory", "pytorch roll"}),
        (
            "figure_pytorch_naive_vs_conv.py",
            "figure_pytorch_naive_vs_conv.csv",
            {"pytorch roll", "pytorch conv2d"},
        ),
    ],
)
def test_figure_scripts_write_their_csv_and_png(script, csv_name, methods, run_example, tmp_path):
    torch_or_skip()
    out = tmp_path / "figures"
    run_example(
        f"06_matrix/diffusion_2d/{script}",
        "--sizes",
        "32",
        "48",
        "--max-steps",
        "4",
        "--dtype",
        "float64",
        "--threads",
        "1",
        "--output-dir",
        out,
        check=True,
    )
    rows = read_csv(out / csv_name)
    assert {(r["method"], int(r["size"])) for r in rows} == {(m, s) for m in methods for s in (32, 48)}
    assert all(int(r["steps"]) == 4 and float(r["mass_error"]) <= 1e-12 for r in rows)
    assert (out / csv_name.replace(".csv", ".png")).stat().st_size > 10_000


@pytest.mark.gpu
def test_precision_figure_and_highmem_script(run_example, tmp_path):
    torch_or_skip()
    out = tmp_path / "figures"
    run_example(
        "06_matrix/diffusion_2d/figure_pytorch_naive_precision.py",
        "--sizes",
        "32",
        "--max-steps",
        "3",
        "--error-size",
        "32",
        "--error-iterations",
        "8",
        "--threads",
        "1",
        "--output-dir",
        out,
        check=True,
    )
    rows = read_csv(out / "figure_pytorch_naive_precision.csv")
    errors = {
        r["variant"]: float(r["max_abs_error"]) for r in rows if r["panel"] == "error" and r["steps"] == "8"
    }
    assert errors["roll float16"] > errors["roll float32"] >= errors["roll float64"]
    assert sorted({int(r["steps"]) for r in rows if r["panel"] == "error"}) == [1, 2, 4, 8]
    assert (out / "figure_pytorch_naive_precision.png").is_file()
    completed = run_example(
        "06_matrix/diffusion_2d/diffusion_pytorch_highmem.py",
        "--size",
        "32",
        "--iterations",
        "20",
        "--device",
        "cpu",
        check=True,
    )
    assert "error ordering float16 > float32 > float64: True" in completed.stdout


@pytest.mark.gpu
def test_transfer_and_profile_scripts_write_their_files(run_example, tmp_path):
    torch_or_skip()
    out = tmp_path / "out"
    run_example(
        "06_matrix/diffusion_2d/diffusion_pytorch_transfer.py",
        "--sizes",
        "16",
        "32",
        "--iterations",
        "5",
        "--device",
        "cpu",
        "--threads",
        "1",
        "--output-dir",
        out,
        check=True,
    )
    rows = read_csv(out / "diffusion_pytorch_transfer.csv")
    assert [int(r["size"]) for r in rows] == [16, 32]
    assert all(float(r["bytes_per_step_every"]) == 0 for r in rows)  # cpu: nothing moves
    completed = run_example(
        "06_matrix/diffusion_2d/diffusion_pytorch_conv_profile.py",
        "--size",
        "32",
        "--iterations",
        "5",
        "--device",
        "cpu",
        "--output-dir",
        out,
        check=True,
    )
    table = (out / "diffusion_pytorch_conv_profile.txt").read_text()
    assert "aten::conv2d" in table and "sorted by cpu_time_total" in table
    assert "sum(grid) = " in completed.stdout


@pytest.mark.gpu
@pytest.mark.parametrize(
    "script, args",
    [
        ("06_matrix/diffusion_2d/figure_pytorch_vs_numpy.py", ["--sizes", "0"]),
        ("06_matrix/diffusion_2d/figure_pytorch_vs_numpy.py", ["--max-seconds", "nan"]),
        ("06_matrix/diffusion_2d/diffusion_pytorch_highmem.py", ["--device", "tpu"]),
        ("06_matrix/diffusion_2d/diffusion_pytorch_transfer.py", ["--output-dir", "/proc/no"]),
        ("07_compiling/pytorch/compare.py", ["--iterations", "-1"]),
        ("07_compiling/pytorch/gpu_monitor.py", ["--seconds", "1e400"]),
    ],
)
def test_bad_values_are_one_line(script, args, run_example, assert_bad_input):
    torch_or_skip()
    assert_bad_input(run_example(script, *args))


# ---------------------------------------------------------------- CUDA only


@pytest.mark.gpu
def test_cuda_timing_waits_for_the_gpu():
    """``timed`` synchronizes: after it returns, no work is left queued on the GPU."""
    device = device_or_skip("cuda")
    import torch

    from hpp.gpu import timed

    a = torch.rand(4096, 4096, device=device)
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)

    def work():
        start.record()
        for _ in range(20):
            a @ a
        end.record()

    timed(work, device)
    assert end.query()  # the last kernel has finished by the time the clock was read


@pytest.mark.gpu
def test_gpu_monitor_samples_nvidia_smi(run_example):
    device_or_skip("cuda")
    import shutil

    if shutil.which("nvidia-smi") is None:
        pytest.skip("needs nvidia-smi (the NVIDIA driver's tool)")
    completed = run_example(
        "07_compiling/pytorch/gpu_monitor.py", "--sizes", "256", "2048", "--seconds", "1.5", check=True
    )
    assert "diffusion 2048 x 2048" in completed.stdout and "NVIDIA-SMI" in completed.stdout
