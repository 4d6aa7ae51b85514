"""Chapter 06 benchmark cases: 2-D diffusion, squared norms, pandas row-wise OLS (pandas,
Numba, Polars, and ``dask.dataframe`` on worker processes).

Diffusion: every case runs the same number of steps on the same grid (the
step counts are chosen so the pure-Python baseline takes a few seconds), is
checked against ``diffusion_numpy.py`` (max abs difference <= 1e-12) and for
mass conservation, and reports ``MB/step``: the peak memory one step
allocates above its input grids (tracemalloc; PyTorch's allocator is not
traced).
"""

import sys
from pathlib import Path

import numpy as np

from hpp.bench import Case, Workload
from hpp.diffusion import initial_mass
from hpp.gpu import MISSING_TORCH, torch_available
from hpp.loader import load_example

HERE = Path(__file__).parent
DIFFUSION = HERE / "diffusion_2d"
NORM = HERE / "norm"
PANDAS = HERE / "pandas"

# ---------------------------------------------------------------- diffusion

_references = {}


def reference_grid(size, iterations):
    key = (size, iterations)
    if key not in _references:
        _references[key] = load_example(DIFFUSION / "diffusion_numpy.py").run_experiment(iterations, size)
    return _references[key]


def torch_missing(params):
    return None if torch_available() else MISSING_TORCH


def diffusion_case(name, script, torch_kind=False, **kwargs):
    def setup(params):
        module = load_example(DIFFUSION / script)
        if torch_kind:
            from hpp.gpu import choose_device

            return module, params, choose_device("auto")
        return module, params, None

    def run(state):
        module, params, device = state
        if device is None:
            return module.run_experiment(params["iterations"], params["size"])
        from hpp.gpu import synchronize

        grid = module.run_experiment(params["iterations"], params["size"], device=device)
        synchronize(device)
        return grid

    def check(grid, params):
        if hasattr(grid, "detach"):
            grid = grid.detach().cpu().numpy()
        grid = np.asarray(grid, dtype=np.float64)
        size, iterations = params["size"], params["iterations"]
        difference = float(np.abs(grid - reference_grid(size, iterations)).max())
        assert difference <= 1e-12, f"max abs difference {difference:.3g} from diffusion_numpy"
        assert abs(grid.sum() - initial_mass(size)) <= 1e-9, "mass not conserved"
        measure = load_example(DIFFUSION / "measure.py")
        allocated = measure.step_allocations(load_example(DIFFUSION / script), size, steps=1)
        return {} if allocated is None else {"MB/step": allocated / 2**20}

    requires = torch_missing if torch_kind else None
    return Case(name, run=run, setup=setup, check=check, requires=requires, **kwargs)


DIFFUSION_CASES = [
    diffusion_case("python", "diffusion_python.py"),
    diffusion_case("python+memory", "diffusion_python_memory.py"),
    diffusion_case("numpy naive", "diffusion_numpy_naive.py"),
    diffusion_case("numpy", "diffusion_numpy.py"),
    diffusion_case("numpy+memory", "diffusion_numpy_memory.py"),
    diffusion_case("numpy+memory2", "diffusion_numpy_memory2.py"),
    diffusion_case("numpy+memory2+numexpr", "diffusion_numpy_memory2_numexpr.py"),
    diffusion_case("numexpr, 1 thread", "diffusion_numpy_memory2_numexpr_single.py"),
    diffusion_case("scipy laplace", "diffusion_scipy.py"),
    diffusion_case("scipy convolve", "diffusion_scipy_conv.py"),
    diffusion_case(
        "pytorch roll",
        "diffusion_pytorch_compute.py",
        torch_kind=True,
        note="float64, on CUDA when available else CPU; synchronised",
    ),
    diffusion_case(
        "pytorch conv2d",
        "diffusion_pytorch_conv.py",
        torch_kind=True,
        note="float64, circular padding, on CUDA when available else CPU",
    ),
]

# ---------------------------------------------------------------- norms

NORMS = [
    ("python loop", "norm_python.py", "norm_square_list"),
    ("list comprehension", "norm_python_comprehension.py", "norm_square_list_comprehension"),
    ("array loop", "norm_array.py", "norm_square_array"),
    ("numpy.sum(v*v)", "norm_numpy.py", "norm_square_numpy"),
    ("numpy.dot(v, v)", "norm_numpy_dot.py", "norm_square_numpy_dot"),
]


def norm_case(name, script, function):
    def setup(params):
        module = load_example(NORM / script)
        return getattr(module, function), module.make_vector(params["n"])

    def run(state):
        norm_square, vector = state
        return norm_square(vector)

    def check(result, params):
        n = params["n"]
        assert int(result) == (n - 1) * n * (2 * n - 1) // 6

    return Case(name, run=run, setup=setup, check=check)


# ---------------------------------------------------------------- pandas


def ols_methods():
    return load_example(PANDAS / "time_iteration_methods.py")


def ols_case(name, method, jit=False, requires=None):
    def setup(params):
        module = ols_methods()
        utility = load_example(PANDAS / "utility.py")
        return getattr(module, method), utility.make_data(params["people"])

    def run(state):
        function, df = state
        return function(df)

    def check(slopes, params):
        utility = load_example(PANDAS / "utility.py")
        expected = utility.ols_slopes_reference(utility.make_data(params["people"]))
        np.testing.assert_allclose(slopes.to_numpy(), expected.to_numpy(), rtol=1e-9, atol=1e-12)

    return Case(name, run=run, setup=setup, check=check, jit=jit, requires=requires)


def polars_case(name, method):
    """A Polars method from time_iteration_methods_polars.py; the conversion is set-up, untimed."""

    def setup(params):
        module = load_example(PANDAS / "time_iteration_methods_polars.py")
        utility = load_example(PANDAS / "utility.py")
        return getattr(module, method), module.to_polars(utility.make_data(params["people"]))

    def run(state):
        function, pl_df = state
        return function(pl_df)

    def check(slopes, params):
        utility = load_example(PANDAS / "utility.py")
        expected = utility.ols_slopes_reference(utility.make_data(params["people"]))
        np.testing.assert_allclose(slopes.to_numpy(), expected.to_numpy(), rtol=1e-9, atol=1e-12)

    return Case(name, run=run, setup=setup, check=check)


def dask_case(name, method):
    """A ``dask.dataframe`` method of time_iteration_methods_dask.py, computed on 2 worker processes.

    Each run starts its process pool, as ``compute(scheduler="processes")`` does in the book.
    """

    def setup(params):
        import cloudpickle

        module = load_example(PANDAS / "time_iteration_methods_dask.py")
        # the functions the workers run come from utility.py and time_iteration_methods.py;
        # sent by value, a worker cannot import another chapter's utility.py by mistake
        for name in ("utility", "time_iteration_methods"):
            cloudpickle.register_pickle_by_value(sys.modules[name])
        df = load_example(PANDAS / "utility.py").make_data(params["people"])
        return getattr(module, method)(df, npartitions=4)

    def run(lazy):
        return lazy.compute(scheduler="processes", num_workers=2)

    def check(slopes, params):
        utility = load_example(PANDAS / "utility.py")
        expected = utility.ols_slopes_reference(utility.make_data(params["people"]))
        np.testing.assert_allclose(slopes.to_numpy(), expected.to_numpy(), rtol=1e-9, atol=1e-12)

    return Case(name, run=run, setup=setup, check=check)


STRING_METHODS = [
    ("str accessor", "find_9_str_accessor", False),
    ("apply(find_9)", "find_9_apply", False),
    ("polars eager", "find_9_polars", True),
    ("polars lazy", "find_9_polars_lazy", True),
]


def string_case(name, function, polars):
    """The first '9' after the point in day 0's hours as text, pandas or Polars."""

    def setup(params):
        module = load_example(PANDAS / "str_operation.py")
        df = load_example(PANDAS / "utility.py").make_data(params["people"])
        to_polars = load_example(PANDAS / "time_iteration_methods_polars.py").to_polars if polars else None
        data = to_polars(df[[0]]) if polars else df[0].astype(str)
        return getattr(module, function), data

    def run(state):
        function, data = state
        return function(data)

    def check(positions, params):
        module = load_example(PANDAS / "str_operation.py")
        df = load_example(PANDAS / "utility.py").make_data(params["people"])
        expected = module.find_9_apply(df[0].astype(str)).to_numpy(dtype="int64")
        assert (np.asarray(positions.to_numpy()).astype("int64") == expected).all()

    return Case(name, run=run, setup=setup, check=check)


def numba_engine_allowed(params):
    if not params.get("numba_engine"):
        return "skipped at this size: pandas' numba engine compiles for ~20 s; run hpp bench 06 --size book"
    return None


WORKLOADS = [
    Workload(
        name="diffusion 2d",
        description="periodic heat equation, D=1, dt=0.1; every case the same steps; "
        "checked against diffusion_numpy (<= 1e-12) and mass conservation",
        baseline="python",
        sizes={
            "test": [{"size": 32, "iterations": 20}],
            "quick": [{"size": 256, "iterations": 50}, {"size": 512, "iterations": 15}],
            "book": [
                {"size": 256, "iterations": 50},
                {"size": 512, "iterations": 15},
                {"size": 1024, "iterations": 3},
                {"size": 2048, "iterations": 1},
            ],
        },
        cases=DIFFUSION_CASES,
        repeat=5,
        budget_seconds=1.0,
        headline="Diffusion, 2-D grid",
    ),
    Workload(
        name="squared norm",
        description="sum of v*v over range(n): Python loop, comprehension, array, numpy",
        baseline="python loop",
        sizes={
            "test": [{"n": 1000}],
            "quick": [{"n": 2**10}, {"n": 2**14}, {"n": 2**17}, {"n": 10**6}],
            "book": [{"n": 2**p} for p in range(7, 21)] + [{"n": 10**6}],
        },
        cases=[norm_case(*spec) for spec in NORMS],
        repeat=10,
        budget_seconds=0.5,
    ),
    Workload(
        name="pandas ols per row",
        description="slope of a least-squares line per person (x 14 days), every method "
        "checked against np.linalg.lstsq per row",
        baseline="iterrows",
        sizes={
            "test": [{"people": 100, "numba_engine": True}],  # the test runs every case
            "quick": [{"people": 5_000}],
            "book": [{"people": 100_000, "numba_engine": True}],
        },
        cases=[
            ols_case("iloc loop", "slopes_iloc"),
            ols_case("iterrows", "slopes_iterrows"),
            ols_case("apply", "slopes_apply"),
            ols_case("apply raw=True", "slopes_apply_raw"),
            ols_case("apply raw=True + numba.njit", "slopes_numba_jit", jit=True),
            ols_case("apply engine='numba'", "slopes_numba_engine", jit=True, requires=numba_engine_allowed),
            ols_case("vectorised", "slopes_vectorised"),
            polars_case("polars expression (eager)", "slopes_polars"),
            polars_case("polars expression (lazy)", "slopes_polars_lazy"),
            polars_case("polars map_rows", "slopes_polars_map_rows"),
            dask_case("dask apply (2 processes)", "slopes_dask_apply"),
            dask_case("dask map_partitions (2 processes)", "slopes_dask_map_partitions"),
        ],
        repeat=3,
        budget_seconds=2.0,
    ),
    Workload(
        name="pandas string find 9",
        description="position of the first '9' after the point in day 0's hours as text; "
        "every method checked against apply(find_9)",
        baseline="str accessor",
        sizes={"test": [{"people": 100}], "quick": [{"people": 20_000}], "book": [{"people": 100_000}]},
        cases=[string_case(*spec) for spec in STRING_METHODS],
        repeat=5,
        budget_seconds=1.0,
    ),
]


# ---------------------------------------------------------------- the GPU study (PyTorch)
# Precision, convolution and transfer against the in-place NumPy step, on the device hpp.gpu
# picks (CUDA when PyTorch sees a GPU, else the CPU), synchronized. Each case is checked
# against diffusion_numpy within its dtype's stated tolerance (diffusion_pytorch_highmem.py).


def gpu_study_case(name, step, dtype="float64", autocast=None, transfer=False, note=""):
    def setup(params):
        from hpp.gpu import choose_device

        if step == "numpy":
            return load_example(DIFFUSION / "diffusion_numpy_memory.py"), params, None
        script = "diffusion_pytorch_transfer.py" if transfer else "diffusion_pytorch_highmem.py"
        return load_example(DIFFUSION / script), params, choose_device("auto")

    def run(state):
        from hpp.gpu import synchronize

        module, params, device = state
        if device is None:
            return module.run_experiment(params["iterations"], params["size"])
        if transfer:  # the copies to and from the device are inside the timed call
            return module.run_experiment(params["iterations"], params["size"], device)
        grid = module.run_experiment(params["iterations"], params["size"], device, dtype, autocast, step)
        synchronize(device)
        return grid

    def check(grid, params):
        highmem = load_example(DIFFUSION / "diffusion_pytorch_highmem.py")
        precision = highmem.effective_dtype(step, dtype, autocast)
        if hasattr(grid, "detach"):
            grid = grid.detach().cpu().double().numpy()
        error = float(np.abs(grid - reference_grid(params["size"], params["iterations"])).max())
        tolerance = highmem.TOLERANCE[precision]
        assert error <= tolerance, f"max abs difference {error:.3g} above {tolerance:g} ({precision})"
        return {"max error": error}

    requires = None if step == "numpy" else torch_missing
    return Case(name, run=run, setup=setup, check=check, requires=requires, note=note)


WORKLOADS.append(
    Workload(
        name="pytorch gpu study",
        description="the roll and conv2d steps in float64/32/16 and under autocast, and with the "
        "host<->device copies timed, against in-place NumPy; each checked against "
        "diffusion_numpy within its dtype's tolerance (1e-12, 1e-8, 2e-4)",
        baseline="numpy+memory",
        sizes={
            "test": [{"size": 32, "iterations": 20}],
            "quick": [{"size": 256, "iterations": 50}, {"size": 512, "iterations": 20}],
            "book": [
                {"size": 512, "iterations": 100},
                {"size": 2048, "iterations": 20},
                {"size": 4096, "iterations": 10},
            ],
        },
        cases=[
            gpu_study_case("numpy+memory", "numpy"),
            gpu_study_case("pytorch roll float64", "roll", "float64"),
            gpu_study_case("pytorch roll float32", "roll", "float32"),
            gpu_study_case("pytorch roll float16", "roll", "float16"),
            gpu_study_case(
                "pytorch roll + transfer",
                "roll",
                transfer=True,
                note="float64; copies to the device and back inside the timing",
            ),
            gpu_study_case("pytorch conv2d float64", "conv", "float64"),
            gpu_study_case("pytorch conv2d float32", "conv", "float32"),
            gpu_study_case(
                "conv2d float32, autocast float16",
                "conv",
                "float32",
                "float16",
                note="the book's highmem step: out[:] = grid + D*dt*conv(grid)",
            ),
        ],
        repeat=5,
        budget_seconds=2.0,
    )
)
