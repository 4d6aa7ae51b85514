"""Run a plan of benchmark cases: set up, warm up, verify, time; with a progress bar.

For every case: ``setup`` (untimed), one call timed and reported as ``first``,
its result verified by ``check``, then more timed calls until the case has
``repeat`` of them or has used the workload's time budget. The first call
counts as one of the timed runs (a case slower than the budget is timed once),
except for a JIT (``jit=True``), whose first call includes the compile: it gets
``repeat`` calls after the first. A failing case is reported and the run goes on.

The progress bar is ``rich``'s, one line updated in place on a terminal;
when the output is a file, a pipe or CI (``CI`` set), one plain line per case.
"""

import gc
import os
import statistics
import sys
import time
import traceback
from pathlib import Path

from hpp.bench import label
from hpp.discover import case_count, close_chapter
from hpp.results import FAILED, PASSED, SKIPPED, CaseResult
from hpp.timing import repeat_timer


def run_case(case, params, workload, repeat=None, budget_seconds=None):
    """Set up, warm up, verify and time one case; returns a CaseResult (chapter left empty).

    ``repeat`` and ``budget_seconds`` override the workload's (the test suite
    runs each case once: ``repeat=1, budget_seconds=0``).
    """
    repeat = workload.repeat if repeat is None else repeat
    budget = workload.budget_seconds if budget_seconds is None else budget_seconds
    result = CaseResult("", workload.name, case.name, dict(params), note=case.note)
    started = time.perf_counter()
    reason = case.requires(params) if case.requires else None
    if reason:
        result.status, result.message = SKIPPED, reason
        result.wall_s = time.perf_counter() - started
        return result
    try:
        state = case.setup(params) if case.setup else params
        first_timing, output = repeat_timer(lambda: case.run(state), repeat=1, warmup=False)
        verdict = case.check(output, params) if case.check else None
        if verdict is False:
            raise AssertionError("the result did not pass its check")
        if isinstance(verdict, dict):
            result.metrics = dict(verdict)
        del output
        first = first_timing.first
        if case.jit:  # the first call compiled: time the calls after it
            timing, _ = repeat_timer(
                lambda: case.run(state), repeat=max(repeat, 1), warmup=False, budget_seconds=budget
            )
            times = timing.times
        else:  # the first call is one of the timed runs, and counts against the budget
            times = list(first_timing.times)
            if repeat > 1 and first < budget:
                more, _ = repeat_timer(
                    lambda: case.run(state), repeat=repeat - 1, warmup=False, budget_seconds=budget - first
                )
                times += more.times
        result.first_s, result.runs = first, len(times)
        result.min_s, result.median_s = min(times), statistics.median(times)
    except Exception as error:  # a failing case is reported, the tour goes on
        result.status, result.message = FAILED, describe(error)
    finally:
        result.wall_s = time.perf_counter() - started
    return result


def describe(error):
    """One line for a failed case: the exception, or where a bare ``assert`` failed."""
    text = f"{type(error).__name__}: {error}".strip()
    if isinstance(error, AssertionError) and not str(error):
        frame = traceback.extract_tb(error.__traceback__)[-1]
        text = f"AssertionError at {Path(frame.filename).name}:{frame.lineno}: {frame.line}"
    return text.splitlines()[0][:300] if text else type(error).__name__


class Progress:
    """A live one-line bar (``rich``) on a terminal; a plain line per case otherwise."""

    def __init__(self, total, stream=None):
        self.stream = stream or sys.stderr
        self.total, self.done = total, 0
        self.live = self.stream.isatty() and not os.environ.get("CI")
        self._bar = None
        if self.live:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(
                BarColumn(bar_width=24),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}", markup=False),
                console=Console(file=self.stream),
                transient=True,
            )
            self._task = self._bar.add_task("", total=total)

    def __enter__(self):
        if self._bar:
            self._bar.start()
        return self

    def __exit__(self, *exc):
        if self._bar:
            self._bar.stop()

    def start(self, text):
        if self._bar:
            self._bar.update(self._task, description=text)

    def finish(self, text, outcome, failed=False):
        self.done += 1
        if self._bar:
            self._bar.update(self._task, advance=1)
            if failed:  # failures stay on screen above the bar
                self._bar.console.print(f"{text}: {outcome}", markup=False, highlight=False)
        else:
            self.stream.write(f"[{self.done:>3}/{self.total}] {text}: {outcome}\n")
            self.stream.flush()


def run_plan(plan, stream=None):
    """Run every case of ``plan`` (a list of ``hpp.discover.PlanItem``); returns CaseResults.

    Each chapter's ``close()`` runs after its last case.
    """
    results = []
    with Progress(case_count(plan), stream) as progress:
        for index, item in enumerate(plan):
            group = []
            for case in item.cases:
                text = f"{item.chapter_name} · {item.workload.name} · {case.name} [{label(item.params)}]"
                progress.start(text)
                collect_garbage()
                result = run_case(case, item.params, item.workload)
                result.chapter = item.chapter_name
                result.baseline = case.name == item.workload.baseline
                figure = item.book.get(case.name)
                if figure:
                    result.book_speedup, result.book_source = figure.speedup, figure.source
                outcome = (
                    f"{result.min_s:.4g} s"
                    if result.status == PASSED
                    else f"{result.status} {result.message}"
                )
                progress.finish(text, outcome, failed=result.status == FAILED)
                group.append(result)
            base = next((r for r in group if r.baseline and r.status == PASSED), None)
            for result in group:
                if base and result.status == PASSED and result.min_s > 0:
                    result.speedup = base.min_s / result.min_s
            results.extend(group)
            last_of_chapter = index + 1 == len(plan) or plan[index + 1].chapter != item.chapter
            if last_of_chapter:
                close_chapter(item.chapter)
    gc.unfreeze()
    return results


def collect_garbage():
    """Collect the garbage of the case before, so the next one's timings do not pay for it.

    A full ``gc.collect()`` walks every object (0.2-0.8 s once NumPy, pandas,
    Dask and Numba are loaded: more than many cases take); ``gc.freeze()``
    after it moves the survivors out of the collector's sight, so the next
    collection walks only what was made since.
    """
    gc.collect()
    gc.freeze()
