"""Declare a chapter's benchmarks: the records ``NN_chapter/_benchmark.py`` builds.

This module holds only the declarations. Finding them is ``hpp.discover``,
running them ``hpp.runner``, storing runs ``hpp.results``, the report
``hpp.report``.

How to declare a benchmark
--------------------------
A chapter lists its benchmarks in ``_benchmark.py`` as ``WORKLOADS``: one
:class:`Workload` per task, each with the :class:`Case` objects that do the
task in different ways::

    from hpp.bench import Case, Workload

    def make_inputs(params):             # untimed; gets one parameter dict
        return julia_inputs(params["width"]), params["max_iterations"]

    def run_pure(state):                 # the timed call; returns what check verifies
        inputs, max_iterations = state
        return calculate_z(max_iterations, *inputs)

    def check_sum(output, params):       # raise (assert) or return False to fail;
        assert sum(output) == KNOWN[params["width"]]  # may return {"MB": 12.5}
                                                       # to add columns to the table
    WORKLOADS = [
        Workload(
            name="julia set",
            baseline="pure python",       # the case speedups are measured against
            sizes={
                "test": [{"width": 20, "max_iterations": 300}],   # tiny: the test suite
                "quick": [{"width": 300, "max_iterations": 300}], # hpp bench (default)
                "book": [{"width": 1000, "max_iterations": 300}], # hpp bench --size book
            },
            cases=[
                Case("pure python", setup=make_inputs, run=run_pure, check=check_sum),
                Case("numba", setup=make_inputs, run=run_numba, check=check_sum, jit=True),
            ],
            headline="Julia set",         # optional: a ladder in the report's first table
        ),
    ]

    def close():                          # optional: stop what the cases started
        ...                               # (servers, pools); called after the chapter

Rules the generic test (``tests/test_benchmark_cases.py``) holds every chapter to:

- every workload has a ``test`` size, small enough that all its cases run in a
  few seconds; the test runs each case once at that size and needs its check
  to pass (a case may skip through ``requires`` only for something the machine
  lacks: a GPU, a program; in CI only for what CI cannot install);
- parameters are plain data (numbers, strings, booleans): they are stored as
  they are in ``run.json`` and matched against ``_book_figures.csv`` as data;
- case names are unique within a workload and ``baseline`` is one of them.

The book's published speedups go in ``_book_figures.csv`` beside
``_benchmark.py``: columns ``workload,case,params,book_speedup,edition,source``,
``params`` a JSON object of the parameters the figure was measured at (``{}``
or empty: any parameters; a row applies to a run whose parameters include all
of its own). Lines starting with ``#`` are comments.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: The sizes a workload declares: ``test`` (the suite), ``quick`` (``hpp bench``), ``book``.
SIZES = ("test", "quick", "book")


@dataclass
class Case:
    """One variant of a workload.

    - ``run(state)`` is the timed call; it returns the result to verify.
    - ``setup(params)`` builds ``state`` untimed (default: ``params`` itself).
    - ``check(result, params)`` verifies the result: it fails by raising
      (``assert``) or returning False, and may return a dict of extra figures
      to show in the table (``{"MB": 12.5}``).
    - ``requires(params)`` returns the reason the case cannot run here (a
      missing toolchain, a size too large for it), or None.
    - ``jit=True`` always times at least one call after the first.
    """

    name: str
    run: Callable[[Any], Any]
    setup: Callable[[dict], Any] | None = None
    check: Callable[[Any, dict], Any] | None = None
    requires: Callable[[dict], str | None] | None = None
    jit: bool = False
    note: str = ""


@dataclass
class Workload:
    """A task, its sizes (``test``, ``quick``, ``book``), and the cases that do it."""

    name: str
    baseline: str
    cases: list
    sizes: dict
    description: str = ""
    repeat: int = 5
    budget_seconds: float = 2.0
    # Rough time of the whole workload at --size book over --size quick, used
    # for the estimate shown before a book-size run when no earlier one exists.
    book_factor: float | None = None
    # The title of this workload's ladder in the report's headline table, if it has one.
    headline: str = ""

    def params_for(self, size):
        """The parameter dicts to run at ``size``; ``quick`` stands in for a size not declared."""
        if size not in SIZES:
            raise ValueError(f"unknown size {size!r} (sizes: {', '.join(SIZES)})")
        params = self.sizes.get(size) or self.sizes.get("quick") or [{}]
        return [dict(p) for p in params]


def label(params):
    """How a parameter dict is shown to a reader: ``width=300, iterations=50``.

    For display only: the harness keeps, stores and matches the dict itself.
    """
    return ", ".join(f"{key}={value}" for key, value in params.items()) or "default"
