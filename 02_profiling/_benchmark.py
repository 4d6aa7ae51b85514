"""Chapter 02 benchmark cases: the pure-Python Julia set, and what each profiler costs.

The first workload times the escape loop as the chapter writes it, the
swapped condition (``n < maxiter and abs(z) < 2``), the escape test split into
statements (Example 2-7) and the on-the-fly variant that builds each complex
number inside the loop (Example 2-12). Every case must give the known sum.

The other two measure profiler overhead as the time of the same call under
the profiler divided by the plain call, in one run: cProfile (the book: about
2x), line_profiler's ``LineProfiler`` (about 5x in the book's kernprof runs:
31 s against about 6 s) and memory_profiler's line-by-line ``LineProfiler``
(the book: "10 to 100 times slower"; the full size took two hours). Each
profiler is started through its Python API around the call, as kernprof and
``python -m memory_profiler`` do.
"""

import functools
import types
from pathlib import Path

from hpp.bench import Case, Workload
from hpp.julia import KNOWN_SUMS, axis_coordinates, julia_inputs
from hpp.loader import load_example

HERE = Path(__file__).parent


def example(name):
    return load_example(HERE / name)


@functools.cache
def expected_sum(width, max_iterations):
    if (width, max_iterations) in KNOWN_SUMS:
        return KNOWN_SUMS[(width, max_iterations)]
    zs, cs = julia_inputs(width)
    return sum(example("julia1_nopil.py").calculate_z_serial_purepython(max_iterations, zs, cs))


def check_sum(output, params):
    total = sum(output)
    assert total == expected_sum(params["width"], params["max_iterations"]), total


def fresh(function):
    """A new function object on the same code, so one profiler's hooks never see another's."""
    return types.FunctionType(
        function.__code__,
        function.__globals__,
        function.__name__,
        function.__defaults__,
        function.__closure__,
    )


def list_case(name, script, wrap=None, requires=None, note=""):
    """Time ``calculate_z_serial_purepython(maxiter, zs, cs)`` from ``script``, optionally wrapped."""

    def setup(params):
        function = fresh(example(script).calculate_z_serial_purepython)
        if wrap is not None:
            function = wrap(function)
        zs, cs = julia_inputs(params["width"])
        return function, params["max_iterations"], zs, cs

    def run(state):
        function, maxiter, zs, cs = state
        return function(maxiter, zs, cs)

    return Case(name, run=run, setup=setup, check=check_sum, requires=requires, note=note)


def on_the_fly_case():
    def setup(params):
        x, y = axis_coordinates(params["width"])
        return (
            example("julia1_memoryprofiler2.py").calculate_z_serial_purepython,
            params["max_iterations"],
            x,
            y,
        )

    def run(state):
        function, maxiter, x, y = state
        return function(maxiter, x, y)

    return Case(
        "complex numbers built on the fly",
        run=run,
        setup=setup,
        check=check_sum,
        note="julia1_memoryprofiler2.py",
    )


# ---------------------------------------------------------------- the profilers, through their APIs


def under_cprofile(function):
    import cProfile

    profiler = cProfile.Profile()

    @functools.wraps(function)
    def profiled(*args):
        return profiler.runcall(function, *args)

    return profiled


def under_line_profiler(function):
    from line_profiler import LineProfiler

    return LineProfiler()(function)


def under_memory_profiler(function):
    from memory_profiler import LineProfiler

    return LineProfiler(backend="psutil")(function)


def missing(module, package):
    def requires(params):
        import importlib.util

        if importlib.util.find_spec(module) is None:
            return f"needs {package}: pip install {package}"
        return None

    return requires


WORKLOADS = [
    Workload(
        name="julia set, pure Python",
        description="calculate_z_serial_purepython on the book's grid, 300 iterations",
        baseline="abs(z) < 2 and n < maxiter (book)",
        sizes={
            "test": [{"width": 20, "max_iterations": 300}],
            "quick": [{"width": 300, "max_iterations": 300}],
            "book": [{"width": 1000, "max_iterations": 300}],
        },
        cases=[
            list_case("abs(z) < 2 and n < maxiter (book)", "julia1_nopil.py"),
            list_case("n < maxiter and abs(z) < 2 (swapped)", "julia1_nopil_swappedif.py"),
            list_case(
                "escape test split into statements",
                "julia1_lineprofiler2.py",
                note="Example 2-7, without kernprof",
            ),
            on_the_fly_case(),
        ],
    ),
    Workload(
        name="profiler overhead: cProfile and line_profiler",
        description="the same escape loop, plain and under each profiler (ratio = overhead)",
        baseline="no profiler",
        sizes={
            "test": [{"width": 20, "max_iterations": 300}],
            "quick": [{"width": 200, "max_iterations": 300}],
            "book": [{"width": 1000, "max_iterations": 300}],
        },
        cases=[
            list_case("no profiler", "julia1_nopil.py"),
            list_case("cProfile", "julia1_nopil.py", wrap=under_cprofile),
            list_case(
                "line_profiler (LineProfiler)",
                "julia1_nopil.py",
                wrap=under_line_profiler,
                requires=missing("line_profiler", "line_profiler"),
            ),
        ],
    ),
    Workload(
        name="profiler overhead: memory_profiler",
        description="memory_profiler reads the process's memory after every line: a small grid",
        baseline="no profiler",
        sizes={
            "test": [{"width": 20, "max_iterations": 300}],
            "quick": [{"width": 20, "max_iterations": 300}],
            "book": [{"width": 50, "max_iterations": 300}],
        },
        repeat=3,
        cases=[
            list_case("no profiler", "julia1_nopil.py"),
            list_case(
                "memory_profiler (LineProfiler)",
                "julia1_nopil.py",
                wrap=under_memory_profiler,
                requires=missing("memory_profiler", "memory_profiler"),
            ),
        ],
    ),
]
