"""Every chapter's benchmark cases, each run once at its workload's ``test`` size and checked.

One test per case (chapter / workload / case / parameter set), so a failure
names the case and a skip names what is missing. The workloads' declarations
are checked too: a ``test`` size, unique names, a baseline among the cases.
A chapter's ``close()`` (its servers, pools, clusters) runs when this module's
tests are done.
"""

import os
import sys

import pytest

from hpp.bench import label
from hpp.discover import benchmark_module, close_chapter, load_workloads
from hpp.examples import chapter_folders
from hpp.loader import module_name_for
from hpp.results import FAILED, PASSED, SKIPPED
from hpp.runner import run_case

CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHAPTERS = [c for c in chapter_folders() if (c / "_benchmark.py").is_file()]

#: Reasons a case may skip in CI too: what CI cannot have (a GPU). Every case runs at the test size.
CI_MAY_SKIP = ("CUDA", "GPU")


def declared(chapter):
    """The chapter's workloads, or the error that stops them loading."""
    try:
        return load_workloads(chapter), None
    except Exception as error:  # reported by the tests of that chapter, not at collection
        return [], error


def case_params():
    for chapter in CHAPTERS:
        workloads, error = declared(chapter)
        if error is not None:
            yield pytest.param(chapter, None, None, None, id=f"{chapter.name}/cannot load")
        for workload in workloads:
            for params in workload.params_for("test"):
                for case in workload.cases:
                    yield pytest.param(
                        chapter,
                        workload,
                        params,
                        case,
                        id=f"{chapter.name}/{workload.name}/{case.name}/{label(params)}",
                    )


def torch_expected():
    return bool(os.environ.get("HPP_CI_EXPECT_TORCH"))


@pytest.fixture(scope="module", autouse=True)
def close_chapters():
    yield
    for chapter in reversed(CHAPTERS):  # later chapters' clusters may hold earlier ones' resources
        if module_name_for(chapter / "_benchmark.py") in sys.modules:  # loaded by a test here
            close_chapter(chapter)


@pytest.mark.parametrize(("chapter", "workload", "params", "case"), list(case_params()))
def test_case_passes_its_check_at_the_test_size(chapter, workload, params, case):
    if workload is None:
        benchmark_module(chapter)  # raises the import error
    result = run_case(case, params, workload, repeat=1, budget_seconds=0)
    if result.status == SKIPPED:
        torch_reason = "torch" in result.message.lower() and not torch_expected()
        if CI and not torch_reason and not any(word in result.message for word in CI_MAY_SKIP):
            pytest.fail(f"skipped in CI, where it must run: {result.message}")
        pytest.skip(result.message)
    assert result.status != FAILED, result.message
    assert result.status == PASSED
    assert result.runs == 1


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.name)
def test_benchmark_declarations(chapter):
    """Each workload has a test size, unique case names and a baseline among its cases."""
    workloads = load_workloads(chapter)
    assert workloads, f"{chapter.name}/_benchmark.py declares no WORKLOADS"
    names = set()
    for workload in workloads:
        assert workload.name not in names, f"two workloads named {workload.name!r}"
        names.add(workload.name)
        case_names = [case.name for case in workload.cases]
        assert len(case_names) == len(set(case_names)), f"duplicate case names in {workload.name}"
        assert workload.baseline in case_names, f"{workload.name}: baseline not among the cases"
        for size in ("test", "quick"):
            assert workload.sizes.get(size), f"{workload.name}: no {size!r} size"
        for params in (p for sets in workload.sizes.values() for p in sets):
            assert all(isinstance(v, (int, float, str, bool)) for v in params.values()), (
                f"{workload.name}: parameters are plain data, got {params}"
            )
