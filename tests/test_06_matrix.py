"""Chapter 06: diffusion (1-D, 2-D: pure Python to numexpr, SciPy, PyTorch), measurement, norms, pandas."""

import re

import numpy as np
import pandas as pd
import pytest

from hpp.diffusion import initial_mass
from hpp.loader import REPO_ROOT, load_example

CHAPTER = REPO_ROOT / "06_matrix"
DIFFUSION = CHAPTER / "diffusion_2d"
NUMPY_REFERENCE = load_example(DIFFUSION / "diffusion_numpy.py")

PERIODIC_VARIANTS = [
    "diffusion_python.py",
    "diffusion_python_memory.py",
    "diffusion_numpy_naive.py",
    "diffusion_numpy_memory.py",
    "diffusion_numpy_memory2.py",
    "diffusion_numpy_memory2_numexpr.py",
    "diffusion_numpy_memory2_numexpr_single.py",
    "diffusion_scipy.py",
    "diffusion_scipy_conv.py",
]
TORCH_VARIANTS = ["diffusion_pytorch_compute.py", "diffusion_pytorch_conv.py"]
SIZE, STEPS = 64, 200
ORACLE_MAX = 8.846134e-04  # max(grid) after 200 steps at 64 x 64


@pytest.fixture(scope="module")
def reference():
    return NUMPY_REFERENCE.run_experiment(STEPS, SIZE)


# ---------------------------------------------------------------- diffusion 2-D


def test_the_reference_conserves_mass_and_matches_the_oracle(reference):
    assert reference.sum() == pytest.approx(initial_mass(SIZE), abs=1e-12)
    assert initial_mass(SIZE) == pytest.approx(0.245)
    assert initial_mass(512) == pytest.approx(13.52)
    assert reference.max() == pytest.approx(ORACLE_MAX, rel=1e-6)


@pytest.mark.parametrize("script", PERIODIC_VARIANTS)
def test_every_periodic_variant_agrees_with_numpy(script, reference):
    grid = np.asarray(load_example(DIFFUSION / script).run_experiment(STEPS, SIZE))
    assert grid.shape == (SIZE, SIZE)
    assert np.abs(grid - reference).max() <= 1e-12
    assert grid.sum() == pytest.approx(initial_mass(SIZE), abs=1e-12)


@pytest.mark.parametrize("script", TORCH_VARIANTS)
def test_pytorch_variants_agree_with_numpy(script, reference, needs):
    torch = needs.torch()

    module = load_example(DIFFUSION / script)
    cpu = torch.device("cpu")
    grid64 = module.run_experiment(STEPS, SIZE, device=cpu, dtype="float64")
    assert grid64.dtype == torch.float64
    assert np.abs(grid64.numpy() - reference).max() <= 1e-12
    grid32 = module.run_experiment(STEPS, SIZE, device=cpu, dtype="float32")
    assert grid32.dtype == torch.float32
    assert np.abs(grid32.double().numpy() - reference).max() <= 1e-7
    assert float(grid32.double().sum()) == pytest.approx(initial_mass(SIZE), rel=1e-5)


@pytest.mark.gpu
@pytest.mark.parametrize("script", TORCH_VARIANTS)
def test_pytorch_variants_on_cuda(script, reference, needs):
    torch = needs.torch()

    if not torch.cuda.is_available():
        pytest.skip("needs a CUDA GPU visible to PyTorch")
    grid = load_example(DIFFUSION / script).run_experiment(STEPS, SIZE, device=torch.device("cuda"))
    assert np.abs(grid.cpu().numpy() - reference).max() <= 1e-12


def test_the_official_convolution_kernel_diverges():
    conv = load_example(DIFFUSION / "diffusion_scipy_conv.py")
    assert np.array_equal(conv.BOOK_KERNEL, -conv.LAPLACIAN_KERNEL)
    assert conv.LAPLACIAN_KERNEL.sum() == 0
    with np.errstate(over="ignore", invalid="ignore"):
        grid = conv.run_experiment(STEPS, SIZE, kernel=conv.BOOK_KERNEL)
    assert grid.max() > 1e40  # about 2.35e46: the heat equation run backwards


def test_roll_add_is_np_roll_without_the_temporary():
    memory2 = load_example(DIFFUSION / "diffusion_numpy_memory2.py")
    rng = np.random.default_rng(0)
    grid = rng.random((7, 5))
    for shift in (1, -1):
        for axis in (0, 1):
            out = rng.random((7, 5))
            expected = out + np.roll(grid, shift, axis)
            memory2.roll_add(grid, shift, axis, out)
            assert np.array_equal(out, expected)
    with pytest.raises(ValueError):
        memory2.roll_add(grid, 2, 0, out)


def test_numexpr_single_restores_the_thread_count():
    import numexpr

    single = load_example(DIFFUSION / "diffusion_numpy_memory2_numexpr_single.py")
    before = numexpr.get_num_threads()
    single.run_experiment(2, 16)
    assert numexpr.get_num_threads() == before


def test_in_place_steps_allocate_far_less_than_the_naive_one():
    measure = load_example(DIFFUSION / "measure.py")

    def mb(script):
        return measure.step_allocations(load_example(DIFFUSION / script), 256) / 2**20

    naive, numpy_roll = mb("diffusion_numpy_naive.py"), mb("diffusion_numpy.py")
    memory, memory2 = mb("diffusion_numpy_memory.py"), mb("diffusion_numpy_memory2.py")
    grid_mb = 256 * 256 * 8 / 2**20
    assert naive >= 2 * grid_mb
    assert numpy_roll >= 2 * grid_mb
    assert memory == pytest.approx(grid_mb, rel=0.1)  # one np.roll temporary at a time
    assert memory2 < naive / 5  # no temporaries: numpy's small ufunc buffers only
    assert mb("diffusion_scipy_conv.py") < 0.1 * grid_mb


def test_the_numpy_step_page_faults_and_the_in_place_steps_do_not():
    """The book's perf lesson (508k faults vs 13.5k), counted by the kernel in a fresh process."""
    measure = load_example(DIFFUSION / "measure.py")
    grid_pages = 512 * 512 * 8 // 4096  # 512 pages per 512 x 512 grid
    numpy_faults = measure.page_faults_per_step("diffusion_numpy", 512, steps=100)
    for in_place in ("diffusion_numpy_memory", "diffusion_numpy_memory2"):
        # About 490 against 0 on a quiet machine. Where the kernel reclaims idle pages (a
        # busy CI box), every variant re-faults its grids each step; the NumPy step still
        # faults about one fresh grid more, so the lesson is asserted as that difference.
        extra = numpy_faults - measure.page_faults_per_step(in_place, 512, steps=100)
        assert extra > grid_pages / 5


def test_diffusion_script_prints_its_result(run_example):
    completed = run_example(
        "06_matrix/diffusion_2d/diffusion_numpy_memory2.py", "--size", "64", "--iterations", "200", check=True
    )
    lines = completed.stdout.splitlines()
    assert "grid = 64 x 64, iterations = 200" in lines
    assert "sum(grid) = 0.245" in lines
    assert "max(grid) = 8.846134e-04" in lines


def test_pytorch_script_rejects_cuda_without_a_gpu(run_example, assert_bad_input, needs):
    torch = needs.torch()

    if torch.cuda.is_available():
        pytest.skip("a GPU is present")
    completed = run_example(
        "06_matrix/diffusion_2d/diffusion_pytorch_compute.py",
        "--device",
        "cuda",
        "--size",
        "16",
        "--iterations",
        "1",
    )
    assert "no CUDA GPU" in assert_bad_input(completed)


@pytest.mark.parametrize(
    ("script", "args"),
    [
        ("diffusion_2d/diffusion_numpy.py", ["--size", "0"]),
        ("diffusion_2d/diffusion_python.py", ["--iterations", "-3"]),
        ("diffusion_2d/diffusion_scipy_conv.py", ["--kernel", "nope"]),
        ("diffusion_2d/measure.py", ["--variants", "diffusion_nope"]),
        ("diffusion_2d/measure.py", ["--tools", "valgrind"]),
        ("norm/figure_compare_norms.py", ["--min-power", "9", "--max-power", "8"]),
        ("pandas/time_iteration_methods.py", ["--methods", "telepathy"]),
        ("pandas/str_operation.py", ["--people", "x"]),
    ],
)
def test_bad_input(script, args, run_example, assert_bad_input):
    line = assert_bad_input(run_example(f"06_matrix/{script}", *args))
    assert line


BOOK_NAMES = {  # file: {function: the book's parameters, in order (ours may add defaults after)}
    "diffusion_2d/diffusion_python.py": {"evolve": "grid dt D", "run_experiment": "num_iterations"},
    "diffusion_2d/diffusion_python_memory.py": {
        "evolve": "grid dt out D",
        "run_experiment": "num_iterations",
    },
    "diffusion_2d/diffusion_numpy_naive.py": {"evolve": "grid dt D"},
    "diffusion_2d/diffusion_numpy.py": {
        "laplacian": "grid",
        "evolve": "grid dt D",
        "run_experiment": "num_iterations",
    },
    "diffusion_2d/diffusion_numpy_memory.py": {"laplacian": "grid out", "evolve": "grid dt out D"},
    "diffusion_2d/diffusion_numpy_memory2.py": {
        "roll_add": "rollee shift axis out",
        "laplacian": "grid out",
        "evolve": "grid dt out D",
    },
    "diffusion_2d/diffusion_numpy_memory2_numexpr.py": {
        "roll_add": "rollee shift axis out",
        "laplacian": "grid out",
        "evolve": "grid dt out D",
    },
    "diffusion_2d/diffusion_numpy_memory2_numexpr_single.py": {"evolve": "grid dt out D"},
    "diffusion_2d/diffusion_scipy.py": {"laplacian": "grid out", "evolve": "grid dt out D"},
    "diffusion_1d/diffusion_1d_python.py": {"evolve": "grid dt D"},
    "diffusion_1d/diffusion_1d_numpy.py": {"evolve": "grid dt D"},
    "norm/norm_python.py": {"norm_square_list": "vector", "run_experiment": "size num_iter"},
    "norm/norm_python_comprehension.py": {
        "norm_square_list_comprehension": "vector",
        "run_experiment": "size num_iter",
    },
    "norm/norm_python_generator.py": {
        "norm_square_list_generator": "vector",
        "run_experiment": "size num_iter",
    },
    "norm/norm_array.py": {"norm_square_array": "vector", "run_experiment": "size num_iter"},
    "norm/norm_numpy.py": {"norm_square_numpy": "vector", "run_experiment": "size num_iter"},
    "norm/norm_numpy_dot.py": {"norm_square_numpy_dot": "vector", "run_experiment": "size num_iter"},
    "pandas/utility.py": {"ols_sklearn": "row", "ols_lstsq": "row", "ols_lstsq_raw": "row", "ols_sm": "row"},
    "pandas/str_operation.py": {"find_9": "text"},
}


@pytest.mark.parametrize("script", sorted(BOOK_NAMES))
def test_the_books_names_are_defined_in_the_books_files(script):
    import inspect

    path = CHAPTER / script
    module = load_example(path)
    source = path.read_text()
    assert "load_example" not in source
    assert "sys.path" not in source
    for name, parameters in BOOK_NAMES[script].items():
        function = getattr(module, name)
        assert f"def {name}(" in source, name  # defined in the book's file, not imported
        signature = inspect.signature(function).parameters
        assert list(signature)[: len(parameters.split())] == parameters.split(), name
        if "D" in signature:
            assert signature["D"].default == 1.0
    if "norm/" in script:
        assert module.run_experiment.__defaults__ == (10,)  # the official main's num_iter


# ---------------------------------------------------------------- measurement


def test_the_measurement_command_writes_its_files(run_example, tmp_path):
    folder = tmp_path / "measured"
    completed = run_example(
        "06_matrix/diffusion_2d/measure.py",
        "--variants",
        "diffusion_numpy,diffusion_numpy_memory2",
        "--size",
        "64",
        "--iterations",
        "10",
        "--tools",
        "time,perf,tracemalloc,kernprof,memit",
        "--output-dir",
        folder,
        check=True,
    )
    for name in ("diffusion_numpy", "diffusion_numpy_memory2"):
        assert (
            "Maximum resident set size" in (folder / "time" / f"{name}.time").read_text()
            or "getrusage" in (folder / "time" / f"{name}.time").read_text()
        )
        assert "MiB" in (folder / "tracemalloc" / f"{name}.txt").read_text()
        kernprof = (folder / "kernprof" / f"{name}.kernprof").read_text()
        assert "Line #" in kernprof
        assert "def evolve" in kernprof
        memit = (folder / "memit" / f"{name}.memit").read_text()
        assert "Mem usage" in memit
        assert "def evolve" in memit
        if "perf is not available" not in completed.stdout:
            assert "page-faults" in (folder / "perf" / f"{name}.perf").read_text()
    summary = pd.read_csv(folder / "summary.csv")
    assert list(summary["variant"]) == ["diffusion_numpy", "diffusion_numpy_memory2"]
    # at 64 x 64 a grid is 32 KiB: each run's peak RSS and minor page faults are those of an
    # interpreter that imports NumPy, measured here the same way (rusage of a child)
    # (through sh, which forks it: a child exec'd straight from pytest would inherit pytest's peak)
    import subprocess
    import sys

    report = "import numpy, hpp.diffusion, resource; u = resource.getrusage(resource.RUSAGE_SELF); "
    report += "print(u.ru_maxrss, u.ru_minflt)"
    base = subprocess.run(["sh", "-c", f'"{sys.executable}" -c "{report}"; true'], capture_output=True)
    base_kib, base_faults = map(int, base.stdout.split())
    base_rss_mb = base_kib / 1024
    for row in summary.itertuples():
        assert 0.95 * base_rss_mb <= row.max_rss_MB <= base_rss_mb + 8, (row, base_rss_mb)
        assert 0.9 * base_faults <= row.minor_faults <= 1.5 * base_faults, (row, base_faults)
    per_step = dict(zip(summary["variant"], summary["MB_per_step"]))
    assert per_step["diffusion_numpy_memory2"] < per_step["diffusion_numpy"]


# ---------------------------------------------------------------- diffusion 1-D


def test_one_dimensional_versions_agree_and_conserve(run_example, tmp_path):
    python_1d = load_example(CHAPTER / "diffusion_1d" / "diffusion_1d_python.py")
    numpy_1d = load_example(CHAPTER / "diffusion_1d" / "diffusion_1d_numpy.py")
    grid_py = np.array(python_1d.run_experiment(300, 100))
    grid_np, history = numpy_1d.run_experiment(300, 100, snapshots=3)
    assert np.abs(grid_py - grid_np).max() <= 1e-15
    assert grid_np.sum() == pytest.approx(10 * 0.005)
    assert len(history) == 4
    assert history[0].max() == 0.005 > grid_np.max()
    completed = run_example(
        "06_matrix/diffusion_1d/diffusion_1d_numpy.py",
        "--size",
        "100",
        "--iterations",
        "300",
        "--output-dir",
        tmp_path / "png",
        check=True,
    )
    assert "sum(grid) = 0.05" in completed.stdout
    assert (tmp_path / "png" / "diffusion_1d.png").stat().st_size > 1000


# ---------------------------------------------------------------- norms

NORMS = [
    ("norm_python.py", "norm_square_list"),
    ("norm_python_comprehension.py", "norm_square_list_comprehension"),
    ("norm_python_generator.py", "norm_square_list_generator"),
    ("norm_array.py", "norm_square_array"),
    ("norm_numpy.py", "norm_square_numpy"),
    ("norm_numpy_dot.py", "norm_square_numpy_dot"),
]


@pytest.mark.parametrize(("script", "function"), NORMS)
def test_every_norm_gives_the_books_number(script, function):
    module = load_example(CHAPTER / "norm" / script)
    norm_square = getattr(module, function)
    assert int(norm_square(module.make_vector(10**6))) == 333332833333500000
    assert int(norm_square(module.make_vector(2**20))) == 384306618446643200
    assert int(norm_square(module.make_vector(1))) == 0


def test_the_generator_norm_equals_the_list_one_without_building_the_list():
    import tracemalloc

    generator = load_example(CHAPTER / "norm" / "norm_python_generator.py")
    comprehension = load_example(CHAPTER / "norm" / "norm_python_comprehension.py")
    vector = generator.make_vector(100_000)
    peaks = {}
    for name, norm_square in [
        ("generator", generator.norm_square_list_generator),
        ("list", comprehension.norm_square_list_comprehension),
    ]:
        tracemalloc.start()
        result = norm_square(vector)
        peaks[name] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert result == (100_000 - 1) * 100_000 * (2 * 100_000 - 1) // 6
    # the list of 100,000 squares is at least 800 kB of pointers; the generator holds one square at a time
    assert peaks["list"] > 800_000 > 100 * peaks["generator"]


def test_norm_figure_saves_its_plot(run_example, tmp_path):
    completed = run_example(
        "06_matrix/norm/figure_compare_norms.py",
        "--min-power",
        "7",
        "--max-power",
        "10",
        "--repeat",
        "1",
        "--output-dir",
        tmp_path,
        check=True,
    )
    assert "all versions agree" in completed.stdout
    rows = pd.read_csv(tmp_path / "compare_norms.csv")
    assert len(rows) == 5 * 4 and rows["version"].nunique() == 5  # five versions, N = 2^7 .. 2^10
    for version, n, norm_squared in zip(rows["version"], rows["N"], rows["norm_squared"]):
        assert n in (128, 256, 512, 1024)
        assert int(norm_squared) == (n - 1) * n * (2 * n - 1) // 6, version  # sum of squares below n
    assert (tmp_path / "compare_norms.png").stat().st_size > 1000


# ---------------------------------------------------------------- pandas

PANDAS = CHAPTER / "pandas"


@pytest.fixture(scope="module")
def ols():
    return load_example(PANDAS / "utility.py")


@pytest.fixture(scope="module")
def small_df(ols):
    return ols.make_data(300)


def test_generated_data_is_seeded_and_poisson_shaped(ols):
    df = ols.make_data(2000)
    assert df.shape == (2000, 14)
    pd.testing.assert_frame_equal(df, ols.make_data(2000))
    assert df.to_numpy().mean() == pytest.approx(1.0, abs=0.01)  # Poisson(60) / 60
    assert np.allclose(df.to_numpy() * 60, np.round(df.to_numpy() * 60))


def test_ols_slope_of_a_known_line(ols):
    row = pd.Series(3.0 + 0.5 * np.arange(14))
    assert ols.ols_lstsq(row) == pytest.approx(0.5)
    assert ols.ols_lstsq_raw(row.to_numpy()) == pytest.approx(0.5)
    assert ols.ols_slopes_vectorised(pd.DataFrame([row]))[0] == pytest.approx(0.5)


@pytest.mark.parametrize(
    "method",
    [
        "slopes_iloc",
        "slopes_iterrows",
        "slopes_apply",
        "slopes_apply_raw",
        "slopes_vectorised",
        "slopes_numba_jit",
    ],
)
def test_every_iteration_method_matches_lstsq(method, ols, small_df):
    methods = load_example(PANDAS / "time_iteration_methods.py")
    slopes = getattr(methods, method)(small_df)
    expected = ols.ols_slopes_reference(small_df)
    np.testing.assert_allclose(slopes.to_numpy(), expected.to_numpy(), rtol=1e-9, atol=1e-12)
    assert list(slopes.index) == list(small_df.index)


@pytest.mark.slow
def test_pandas_numba_engine_matches_lstsq(ols, small_df):
    methods = load_example(PANDAS / "time_iteration_methods.py")
    slopes = methods.slopes_numba_engine(small_df)
    np.testing.assert_allclose(
        slopes.to_numpy(), ols.ols_slopes_reference(small_df).to_numpy(), rtol=1e-9, atol=1e-12
    )


@pytest.mark.parametrize("method", ["slopes_dask_apply", "slopes_dask_map_partitions"])
def test_dask_dataframe_slopes_equal_pandas_in_this_process(method, ols, small_df):
    """The graph: one pandas apply per row block, in order; computed here, it equals pandas' result."""
    dask_methods = load_example(PANDAS / "time_iteration_methods_dask.py")
    lazy = getattr(dask_methods, method)(small_df, npartitions=3)
    assert lazy.npartitions == 3
    slopes = lazy.compute(scheduler="synchronous")
    pandas_slopes = load_example(PANDAS / "time_iteration_methods.py").slopes_apply_raw(small_df)
    pd.testing.assert_series_equal(slopes, pandas_slopes, check_names=False)
    np.testing.assert_allclose(slopes.to_numpy(), ols.ols_slopes_reference(small_df).to_numpy(), rtol=1e-9)


def test_dask_dataframe_script_on_worker_processes_equals_pandas(run_example, ols):
    completed = run_example(
        "06_matrix/pandas/time_iteration_methods_dask.py",
        "--people",
        "3000",
        "--blocks",
        "3",
        "--workers",
        "2",
        check=True,
        timeout=240,
    )
    out = completed.stdout
    expected = ols.ols_slopes_reference(ols.make_data(3000)).sum()
    sums = re.findall(
        r"^(pandas apply_raw|dask_apply|dask_map_partitions): .*sum\(slopes\) = (-?[\d.]+)$", out, re.M
    )
    assert [name for name, _ in sums] == ["pandas apply_raw", "dask_apply", "dask_map_partitions"]
    assert all(float(total) == pytest.approx(expected, abs=1e-9) for _, total in sums)
    assert "dask equals pandas = True" in out


def test_concat_in_a_loop_builds_the_same_frame(small_df):
    slow = load_example(PANDAS / "time_iteration_methods_slow_with_diagram.py")
    looped, chunk_times = slow.build_concat_in_loop(small_df)
    collected = slow.build_collect_then_concat(small_df)
    pd.testing.assert_frame_equal(looped, collected)
    assert len(chunk_times) == 10
    assert len(collected) == len(small_df)


def test_concat_script_saves_its_plot(run_example, tmp_path):
    run_example(
        "06_matrix/pandas/time_iteration_methods_slow_with_diagram.py",
        "--people",
        "200",
        "--output-dir",
        tmp_path,
        check=True,
    )
    assert (tmp_path / "concat_cost_per_iteration_chunk.png").stat().st_size > 1000


def test_string_methods_agree(ols):
    strings = load_example(PANDAS / "str_operation.py")
    column = pd.Series([0.95, 1.0, 1.19, 0.9]).astype(str)
    assert list(strings.find_9_apply(column)) == [0, -1, 1, 0]
    assert list(strings.find_9_str_accessor(column).astype("int64")) == [0, -1, 1, 0]
    text = ols.make_data(500)[0].astype(str)
    assert (
        strings.find_9_apply(text).to_numpy("int64") == strings.find_9_str_accessor(text).to_numpy("int64")
    ).all()


def test_generate_data_writes_pickle_and_png(run_example, tmp_path, ols):
    run_example("06_matrix/pandas/generate_data.py", "--people", "50", "--output-dir", tmp_path, check=True)
    df = pd.read_pickle(tmp_path / "generated_ols_data.pickle")
    pd.testing.assert_frame_equal(df, ols.make_data(50))
    assert (tmp_path / "generated_ols_data.png").stat().st_size > 1000


def test_every_ols_method_of_the_book_equals_lstsq(ols):
    df = ols.make_data(40, seed=3)
    expected = ols.ols_slopes_reference(df)
    for function in (ols.ols_sklearn, ols.ols_lstsq, ols.ols_sm):
        slopes = df.apply(function, axis=1)
        np.testing.assert_allclose(slopes.to_numpy(), expected.to_numpy(), rtol=1e-9, atol=1e-12)
    raw = df.apply(ols.ols_lstsq_raw, axis=1, raw=True)
    np.testing.assert_allclose(raw.to_numpy(), expected.to_numpy(), rtol=1e-9, atol=1e-12)
    row = pd.Series(2.0 - 0.25 * np.arange(14))
    for function in (ols.ols_sklearn, ols.ols_lstsq, ols.ols_sm):
        assert function(row) == pytest.approx(-0.25, abs=1e-12)


def test_compare_sklearn_lstsq_timing_checks_all_four(run_example):
    completed = run_example("06_matrix/pandas/compare_sklearn_lstsq_timing.py", "--number", "5", check=True)
    assert "slope of df.iloc[0] = 0.002454212454 (all four methods agree)" in completed.stdout
    for name in ("ols_sklearn", "ols_sm", "ols_lstsq", "ols_lstsq_raw"):
        assert f"\n{name}: " in "\n" + completed.stdout


def test_line_profiling_sklearn_sees_every_fit_and_its_validation(ols):
    profiler = load_example(PANDAS / "sklearn_line_profiler.py")
    hits = load_example(PANDAS / "_pandas_drivers.py").hits
    lp = profiler.profile_fit(ols.make_data(30), rows=12)
    # one single-row fit, then one per row of the apply: the library code ran 13 times
    assert hits(lp, "fit") == 13
    assert hits(lp, "_preprocess_data") == 13
    assert hits(lp, "validate_data") == 13
    timings = lp.get_stats().timings
    assert {name for (_, _, name) in timings} >= {"LinearRegression.fit", "_preprocess_data", "validate_data"}


def test_min_max_slopes_are_the_extremes_of_lstsq(ols, run_example, tmp_path):
    plotter = load_example(PANDAS / "plot_min_max_slopes.py")
    df = ols.make_data(500)
    results, idxmax, idxmin = plotter.min_max_slopes(df)
    expected = ols.ols_slopes_reference(df)
    assert idxmax == expected.idxmax()
    assert idxmin == expected.idxmin()
    assert results[idxmax] == pytest.approx(expected.max(), rel=1e-12)
    completed = run_example(
        "06_matrix/pandas/plot_min_max_slopes.py", "--people", "500", "--output-dir", tmp_path, check=True
    )
    assert f"largest slope: person {idxmax}, m = {expected.max():.6f}" in completed.stdout
    assert f"smallest slope: person {idxmin}, m = {expected.min():.6f}" in completed.stdout
    assert (tmp_path / "min_max_slopes.png").stat().st_size > 1000


def test_smaller_dtypes_save_the_bytes_the_book_says():
    lessons = load_example(PANDAS / "memory_dtypes.py")
    n = 2000
    saved = {
        name: (lessons.column_bytes(before), lessons.column_bytes(after), before, after)
        for name, before, after in lessons.memory_lessons(n)
    }
    obj, cat, before, after = saved["strings -> category"]
    assert str(after.dtype) == "category"
    assert (after.astype(object) == before).all()
    assert cat < obj / 20  # one int8 code a row plus three strings, against a str object a row
    f64, f32, before, after = saved["float64 -> float32"]
    assert (f64, f32) == (8 * n, 4 * n)
    assert str(after.dtype) == "float32"
    np.testing.assert_allclose(after, before, rtol=1e-7)
    i64, i8, before, after = saved["int64 -> int8"]
    assert (i64, i8) == (8 * n, n)
    assert str(after.dtype) == "int8"
    assert (after == before).all()
    f64, nullable, before, after = saved["int64 with NaN -> Int64"]
    assert str(before.dtype) == "float64"  # NumPy's int64 has no missing value
    assert str(after.dtype) == "Int64"
    assert after.isna().sum() == n // 10
    assert (f64, nullable) == (8 * n, 9 * n)  # 8 bytes of integer + 1 byte of mask
    _, small, _, after = saved["Int64 -> Int8"]
    assert small == 2 * n
    assert str(after.dtype) == "Int8"


def test_query_groupby_and_mask_count_the_same_rows(ols):
    strings = load_example(PANDAS / "str_operation.py")
    positions = strings.find_9_apply(ols.make_data(3000)[0].astype(str))
    counted = pd.DataFrame({"find_9": positions.to_numpy("int64")})
    expected = int((positions == -1).sum())
    assert 0 < expected < 3000
    assert strings.count_query(counted) == strings.count_groupby(counted) == expected
    assert strings.count_mask(counted) == expected


def test_polars_string_task_equals_pandas(ols):
    strings = load_example(PANDAS / "str_operation.py")
    df = ols.make_data(3000)
    expected = strings.find_9_apply(df[0].astype(str)).to_numpy("int64")
    pl_df = load_example(PANDAS / "time_iteration_methods_polars.py").to_polars(df[[0]])
    for function in (strings.find_9_polars, strings.find_9_polars_lazy):
        assert (function(pl_df).to_numpy().astype("int64") == expected).all()


@pytest.mark.parametrize("method", ["slopes_polars", "slopes_polars_lazy", "slopes_polars_map_rows"])
def test_polars_ols_equals_pandas_and_lstsq(method, ols, small_df):
    polars_methods = load_example(PANDAS / "time_iteration_methods_polars.py")
    slopes = getattr(polars_methods, method)(polars_methods.to_polars(small_df))
    assert len(slopes) == len(small_df)
    np.testing.assert_allclose(
        slopes.to_numpy(), ols.ols_slopes_reference(small_df).to_numpy(), rtol=1e-9, atol=1e-12
    )
    pandas_methods = load_example(PANDAS / "time_iteration_methods.py")
    np.testing.assert_allclose(
        slopes.to_numpy(), pandas_methods.slopes_apply(small_df).to_numpy(), rtol=1e-9, atol=1e-12
    )


@pytest.mark.parametrize(
    ("script", "args"),
    [
        ("time_iteration_methods_polars.py", ["--methods", "polars,nope"]),
        ("plot_min_max_slopes.py", ["--data", "no-such.pickle"]),
        ("plot_min_max_slopes.py", ["--output-dir", "/proc/no-such-folder"]),
        ("compare_sklearn_lstsq_timing.py", ["--number", "0"]),
        ("sklearn_line_profiler.py", ["--rows", "-5"]),
        ("memory_dtypes.py", ["--people", "1e400"]),
        ("generate_data.py", ["--seed", "-1"]),
    ],
)
def test_pandas_scripts_refuse_bad_values(script, args, run_example, assert_bad_input):
    line = assert_bad_input(run_example(f"06_matrix/pandas/{script}", *args))
    assert args[0] in line


# ---------------------------------------------------------------- figures


def test_every_listed_figure_names_a_script_that_exists():
    from hpp.figures import load_figures

    figures = load_figures(CHAPTER)
    assert {f.slug for f in figures} >= {
        "compare-norms",
        "diffusion-speedups",
        "diffusion-snapshots",
        "diffusion-sweep-sizes",
        "pandas-methods",
        "min-max-slopes",
    }
    for figure in figures:
        assert (CHAPTER / figure.script).is_file(), figure.script


def test_the_diffusion_ladder_figure_checks_and_draws(run_example, tmp_path):
    completed = run_example(
        "06_matrix/diffusion_2d/figure_diffusion_speedups.py",
        "--size",
        "32",
        "--iterations",
        "3",
        "--repeat",
        "1",
        "--output-dir",
        tmp_path,
        check=True,
    )
    assert "every variant agrees with diffusion_numpy" in completed.stdout
    assert "numpy+memory2: " in completed.stdout
    assert "book 131x at 256^2" in completed.stdout
    rows = pd.read_csv(tmp_path / "diffusion_speedups.csv")
    assert rows["speedup"][rows["variant"] == "python"].item() == 1
    assert rows["book_speedup_256"][rows["variant"] == "numpy+memory2"].item() == 131
    # the results themselves: every variant's grid as diffusion_numpy's, and the mass conserved
    assert len(rows) == 7 and (rows["max_abs_difference"] <= 1e-12).all()
    assert np.allclose(rows["sum"], initial_mass(32), rtol=0, atol=1e-12), rows["sum"]
    assert (tmp_path / "diffusion_speedups.png").stat().st_size > 1000


def test_the_diffusion_snapshots_keep_their_sum_and_lower_their_peak(run_example, tmp_path):
    run_example(
        "06_matrix/diffusion_2d/figure_diffusion_snapshots.py",
        "--size",
        "48",
        "--steps",
        "0",
        "10",
        "40",
        "160",
        "--output-dir",
        tmp_path,
        check=True,
    )
    rows = pd.read_csv(tmp_path / "diffusion_snapshots.csv")
    assert list(rows["step"]) == [0, 10, 40, 160]
    # the figure's own data: every snapshot holds the initial mass, and the peak falls at each one
    assert np.allclose(rows["sum"], initial_mass(48), rtol=0, atol=1e-12), rows["sum"]
    assert rows["max"][0] == 0.005
    assert (np.diff(rows["max"]) < 0).all(), rows["max"]
    assert (tmp_path / "diffusion_snapshots.png").stat().st_size > 1000


def test_the_size_sweep_runs_every_method_and_they_agree(run_example, tmp_path):
    completed = run_example(
        "06_matrix/diffusion_2d/diffusion_sweep_sizes.py",
        "--sizes",
        "16",
        "24",
        "--max-steps",
        "2",
        "--max-seconds",
        "100",
        "--output-dir",
        tmp_path,
        check=True,
    )
    assert re.search(r"^every method agrees with diffusion_numpy at 16 x 16", completed.stdout, re.M)
    rows = pd.read_csv(tmp_path / "diffusion_sweep_sizes.csv")
    tools = load_example(DIFFUSION / "_diffusion_sweep_tools.py")
    assert sorted(zip(rows["method"], rows["size"])) == sorted(
        (m, s) for m in tools.CPU_METHODS for s in (16, 24)
    )
    assert (rows["steps"] == 2).all() and (rows["mass_error"] <= 1e-12).all()
    assert (rows["speedup"][rows["method"] == "python"] == 1).all()
    assert (tmp_path / "diffusion_sweep_sizes.png").stat().st_size > 1000


def test_the_size_sweep_skips_a_method_whose_next_step_would_exceed_the_limit(monkeypatch):
    sweep = load_example(DIFFUSION / "diffusion_sweep_sizes.py")
    # a deterministic clock: one step costs 1 us per cell, so 0.001 s at 32^2 (1024 cells)
    costs = {}

    def fake(step, max_steps, max_seconds):
        return costs["size"] ** 2 * 1e-6, 1

    real = sweep.make_stepper

    def stepper(method, size):
        costs["size"] = size
        return real(method, size)

    monkeypatch.setattr(sweep, "make_stepper", stepper)
    monkeypatch.setattr(sweep, "run_experiment_time_limit", fake)
    rows = sweep.sweep(["numpy"], [32, 64, 128], max_steps=5, max_seconds=0.005)
    # 32^2: 1 ms; 64^2 predicted 4 ms (run); 128^2 predicted 16 ms > 5 ms: skipped, as the book's
    # pure Python at 8192^2 ("One iteration too slow")
    assert [r["steps"] for r in rows] == [1, 1, 0]
    assert rows[2]["skipped"].startswith("one step would take about 0.0164")


def test_the_pandas_methods_figure_checks_and_draws(run_example, tmp_path, ols):
    completed = run_example(
        "06_matrix/pandas/figure_pandas_methods.py",
        "--people",
        "100",
        "--repeat",
        "1",
        "--methods",
        "apply_raw,vectorised,polars,polars_lazy",
        "--output-dir",
        tmp_path,
        check=True,
    )
    assert "every method agrees with np.linalg.lstsq per row" in completed.stdout
    rows = pd.read_csv(tmp_path / "pandas_methods.csv")
    assert list(rows["method"]) == ["apply_raw", "vectorised", "polars", "polars_lazy"]
    # every method's slopes, summed, against lstsq's per row on the same seeded 100 people
    expected = ols.ols_slopes_reference(ols.make_data(100)).sum()
    assert np.allclose(rows["sum_of_slopes"], expected, rtol=1e-9, atol=1e-12), (rows, expected)
    assert (tmp_path / "pandas_methods.png").stat().st_size > 1000


# ---------------------------------------------------------------- the book's names, imported by plain name


@pytest.mark.parametrize("shift, axis", [(1, 0), (-1, 0), (1, 1), (-1, 1)])
def test_numexpr_single_roll_add_is_np_roll_added(shift, axis, import_plain):
    single = import_plain("06_matrix/diffusion_2d", "diffusion_numpy_memory2_numexpr_single")
    grid = np.arange(20.0).reshape(4, 5)
    out = np.ones_like(grid)
    single.roll_add(grid, shift, axis, out)
    assert np.array_equal(out, 1 + np.roll(grid, shift, axis))
    memory2 = import_plain("06_matrix/diffusion_2d", "diffusion_numpy_memory2")
    mine, theirs = np.empty_like(grid), np.empty_like(grid)
    single.laplacian(grid, mine)
    memory2.laplacian(grid, theirs)
    assert np.array_equal(mine, theirs)


def five_point_laplacian(grid):
    """The periodic five-point Laplacian, neighbour by neighbour (the test's own oracle)."""
    n, m = grid.shape
    out = np.empty_like(grid)
    for i in range(n):
        for j in range(m):
            out[i, j] = (
                grid[(i + 1) % n, j]
                + grid[(i - 1) % n, j]
                + grid[i, (j + 1) % m]
                + grid[i, (j - 1) % m]
                - 4 * grid[i, j]
            )
    return out


def test_naive_laplacian_is_the_five_point_stencil_and_conserves_mass(import_plain):
    naive = import_plain("06_matrix/diffusion_2d", "diffusion_numpy_naive")
    grid = np.random.default_rng(0).random((6, 7))
    lap = naive.laplacian(grid)
    assert np.allclose(lap, five_point_laplacian(grid), rtol=0, atol=1e-12)
    assert abs(lap.sum()) <= 1e-12  # periodic: what leaves one cell enters another
    assert np.array_equal(naive.evolve(grid, 0.1), grid + 0.1 * 1.0 * lap)


def test_scipy_conv_laplacian_has_the_right_sign(import_plain):
    conv = import_plain("06_matrix/diffusion_2d", "diffusion_scipy_conv")
    grid = np.random.default_rng(1).random((6, 7))
    out = np.empty_like(grid)
    conv.laplacian(grid, out)
    assert np.allclose(out, five_point_laplacian(grid), rtol=0, atol=1e-12)
    assert abs(out.sum()) <= 1e-12
    conv.laplacian(grid, out, conv.BOOK_KERNEL)  # the official kernel: minus the Laplacian
    assert np.allclose(out, -five_point_laplacian(grid), rtol=0, atol=1e-12)


def test_diffusion_python_make_grid_gives_separate_zero_rows(import_plain):
    python = import_plain("06_matrix/diffusion_2d", "diffusion_python")
    grid = python.make_grid(3, 2)
    assert grid == [[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]]
    grid[0][1] = 5.0
    assert grid[1] == [0.0, 0.0]  # a new list per row, not three references to one
    stepped = python.evolve(python.make_grid(4, 4), 0.1)
    assert stepped == python.make_grid(4, 4)  # a zero grid stays zero


@pytest.mark.parametrize(
    "script, methods",
    [
        ("figure_pytorch_vs_numpy", {"numpy+memory", "pytorch roll"}),
        ("figure_pytorch_naive_vs_conv", {"pytorch roll", "pytorch conv2d"}),
    ],
)
def test_pytorch_figure_workload_rows(script, methods, import_plain, needs):
    needs.torch()
    figure = import_plain("06_matrix/diffusion_2d", script)
    rows = figure.workload(sizes=[16, 24], device="cpu", dtype="float64", max_steps=3, max_seconds=30)
    assert {(row["method"], row["size"]) for row in rows} == {(m, s) for m in methods for s in (16, 24)}
    assert all(row["steps"] == 3 and row["mass_error"] <= 1e-12 for row in rows)
    assert all(row["speedup"] == 1 for row in rows if row["method"] == figure.BASELINE)


def test_pytorch_precision_workload_rows(import_plain, needs):
    needs.torch()
    figure = import_plain("06_matrix/diffusion_2d", "figure_pytorch_naive_precision")
    rows = figure.workload(sizes=[16], device="cpu", max_steps=2, error_size=16, error_iterations=4)
    timed = [row for row in rows if row["panel"] == "time"]
    assert sorted(row["dtype"] for row in timed) == sorted(figure.DTYPES)
    assert all(row["steps"] == 2 and row["size"] == 16 for row in timed)
    errors = {
        row["variant"]: row["max_abs_error"] for row in rows if row["panel"] == "error" and row["steps"] == 4
    }
    assert sorted({row["steps"] for row in rows if row["panel"] == "error"}) == [1, 2, 4]
    assert errors["roll float64"] <= 1e-12 < errors["roll float16"]


def test_plot_min_max_slopes_variant_and_make_ys(import_plain, ols):
    slopes = import_plain("06_matrix/pandas", "plot_min_max_slopes")
    line = pd.Series(2.5 * np.arange(14) + 0.75)
    m, c = slopes.variant_ols_lstsq(line)
    assert m == pytest.approx(2.5) and c == pytest.approx(0.75)
    row = ols.make_data(5).iloc[3]
    assert slopes.variant_ols_lstsq(row)[0] == ols.ols_lstsq(row)  # the same slope, bit for bit
    assert np.array_equal(slopes.make_ys(2.0, 1.0, np.arange(4)), [1.0, 3.0, 5.0, 7.0])


def test_set_common_mpl_styles(import_plain):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    slow = import_plain("06_matrix/pandas", "time_iteration_methods_slow_with_diagram")
    fig, ax = plt.subplots()
    ax.bar([0, 1, 2], [1.0, 2.0, 3.0], label="chunks")
    slow.set_common_mpl_styles(
        ax, ylabel="Time (s)", xlabel="Iteration chunk", title="Concat", ymin=0, xmin=-1
    )
    assert (ax.get_ylabel(), ax.get_xlabel(), ax.get_title()) == ("Time (s)", "Iteration chunk", "Concat")
    assert ax.get_legend() is not None and ax.get_ylim()[0] == 0 and ax.get_xlim()[0] == -1
    assert not ax.spines["top"].get_visible() and not ax.spines["right"].get_visible()
    assert ax.yaxis.get_gridlines()[0].get_visible() and not ax.xaxis.get_gridlines()[0].get_visible()
    slow.set_common_mpl_styles(ax, legend=False)
    assert ax.get_legend() is None
    plt.close(fig)


def test_the_readme_gpu_numbers_are_the_committed_logs():
    readme = load_example(DIFFUSION / "_gpu_results_readme.py")
    assert readme.readme_section() == readme.section()  # else: run it with --write
    assert "| 4096 | 296 | 0.634 | 466x |" in readme.section()  # NumPy vs PyTorch roll, the H200 run
