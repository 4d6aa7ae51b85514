"""Find what ``hpp bench`` will run: chapters, their ``WORKLOADS``, the book's figures, the plan.

- ``resolve_chapters(["06", "matrix"])``: chapter folders by number or name;
- ``benchmark_module(chapter)``: the chapter's ``_benchmark.py``, imported once;
- ``load_book_figures(chapter)``: the rows of ``_book_figures.csv``, parameters as data;
- ``plan_benchmarks(...)``: a list of :class:`PlanItem`, one per workload and parameter set.
"""

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from hpp.bench import Case, Workload
from hpp.examples import chapter_folders
from hpp.loader import load_example


def resolve_chapters(names, root=None):
    """Map ``["06", "matrix", "07_compiling"]`` to chapter folders; unknown names raise ValueError."""
    folders = chapter_folders(root)
    if not names:
        return folders
    chosen = []
    for name in names:
        name = name.strip("/").split("/")[-1]
        matches = [f for f in folders if f.name == name or f.name[:2] == name.zfill(2) or f.name[3:] == name]
        if not matches:
            known = ", ".join(f.name for f in folders)
            raise ValueError(f"unknown chapter {name!r} (chapters: {known})")
        chosen.extend(m for m in matches if m not in chosen)
    return chosen


def benchmark_module(chapter):
    """The chapter's ``_benchmark.py`` module (imported once), or None when it has none."""
    path = Path(chapter) / "_benchmark.py"
    return load_example(path) if path.is_file() else None


def load_workloads(chapter):
    """The ``WORKLOADS`` declared in ``CHAPTER/_benchmark.py`` (empty when there is none)."""
    module = benchmark_module(chapter)
    return list(module.WORKLOADS) if module else []


def close_chapter(chapter):
    """Call the chapter's ``close()`` (stop its servers and pools), if it declares one."""
    module = benchmark_module(chapter)
    close = getattr(module, "close", None)
    if callable(close):
        close()


@dataclass(frozen=True)
class BookFigure:
    """One row of ``_book_figures.csv``: the speedup the book reports for a case."""

    workload: str
    case: str
    params: dict  # the parameters it was measured at; {} = any
    speedup: float
    source: str

    def applies_to(self, workload, case, params):
        return (self.workload, self.case) == (workload, case) and all(
            params.get(key) == value for key, value in self.params.items()
        )


def load_book_figures(chapter):
    """The rows of ``CHAPTER/_book_figures.csv`` as :class:`BookFigure` (empty list if none)."""
    path = Path(chapter) / "_book_figures.csv"
    if not path.is_file():
        return []
    figures = []
    with open(path, newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in rows:
            try:
                params = json.loads(row["params"]) if (row["params"] or "").strip() else {}
                if not isinstance(params, dict):
                    raise ValueError("not a JSON object")
                speedup = float(row["book_speedup"])
            except (KeyError, ValueError) as error:
                raise ValueError(
                    f"{path}: bad row {row}: {error} (columns: workload,case,"
                    "params,book_speedup,edition,source; params a JSON object)"
                ) from None
            source = f"{(row.get('edition') or '').strip()} {(row.get('source') or '').strip()}"
            figures.append(BookFigure(row["workload"], row["case"], params, speedup, source.strip()))
    return figures


def book_figure(figures, workload, case, params):
    """The most specific row of ``figures`` that applies to this case at ``params``, or None."""
    rows = [f for f in figures if f.applies_to(workload, case, params)]
    return max(rows, key=lambda f: len(f.params)) if rows else None


@dataclass
class PlanItem:
    """One workload at one parameter set: the cases to run and the book's figures for them."""

    chapter: Path
    workload: Workload
    params: dict
    cases: list[Case]
    book: dict[str, BookFigure] = field(default_factory=dict)  # case name -> figure

    @property
    def chapter_name(self):
        return self.chapter.name


def _matches(text, pattern):
    return pattern is None or pattern.lower() in text.lower()


def plan_benchmarks(chapters, size="quick", workload_filter=None, case_filter=None):
    """What a run will do, in order: a :class:`PlanItem` per workload and parameter set.

    ``workload_filter`` and ``case_filter`` keep names containing that text
    (case-insensitive); a workload's baseline is always kept.
    """
    plan = []
    for chapter in map(Path, chapters):
        figures = load_book_figures(chapter)
        for workload in load_workloads(chapter):
            if not _matches(workload.name, workload_filter):
                continue
            cases = [
                c for c in workload.cases if _matches(c.name, case_filter) or c.name == workload.baseline
            ]
            for params in workload.params_for(size):
                book = {
                    c.name: f for c in cases if (f := book_figure(figures, workload.name, c.name, params))
                }
                plan.append(PlanItem(chapter, workload, params, cases, book))
    return plan


def case_count(plan):
    """How many cases ``plan`` runs."""
    return sum(len(item.cases) for item in plan)
