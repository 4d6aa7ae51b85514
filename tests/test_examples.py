"""Every example script in every chapter: ``--help`` works and a small run succeeds.

A new script is covered the day it lands. It declares ``SMOKE_ARGS`` (the flags
for a run of a few seconds), and ``REQUIRES`` / ``REQUIRES_TOOLS`` when it needs
an optional package or a program outside Python, so the run skips with the
reason on a machine without them.
"""

import ast
import importlib.util
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from hpp.bench import chapter_folders, load_workloads
from hpp.examples import NOT_SET, all_example_scripts, smoke_args
from hpp.loader import REPO_ROOT

SCRIPTS = all_example_scripts()


def script_id(path):
    return str(path.relative_to(REPO_ROOT))


def module_constant(path, name, default=()):
    for node in ast.parse(Path(path).read_text()).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    return default


def optional_modules():
    """Import names of the packages that ``make install`` leaves out (the ``gpu`` extra).

    Every other package a script needs is installed by ``make install``: if it is
    missing the test fails, so a forgotten install step cannot hide behind a skip.
    """
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    names = project["optional-dependencies"]["gpu"]
    return {re.split(r"[<>=!~;\[ ]", name)[0].lower().replace("-", "_") for name in names}


def skip_if_requirements_missing(path):
    optional = optional_modules()
    for module in module_constant(path, "REQUIRES"):
        if importlib.util.find_spec(module) is None:
            if module not in optional:
                pytest.fail(f"{module!r} is missing although make install installs it")
            pytest.skip(f"needs the Python package {module!r}: pip install -e '.[gpu]'")
    for tool in module_constant(path, "REQUIRES_TOOLS"):
        if shutil.which(tool) is None:
            pytest.skip(f"needs the program {tool!r} (apt-get install it; see the chapter README)")


def test_every_chapter_has_a_readme():
    for chapter in chapter_folders():
        assert (chapter / "README.md").is_file(), chapter


@pytest.mark.parametrize("script", SCRIPTS, ids=script_id)
def test_help(script, run_example):
    skip_if_requirements_missing(script)
    completed = run_example(script.relative_to(REPO_ROOT), "--help", timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert "usage:" in completed.stdout


@pytest.mark.parametrize("script", SCRIPTS, ids=script_id)
def test_small_run(script, run_example):
    args = smoke_args(script)
    assert args is not NOT_SET, f"{script_id(script)} must declare SMOKE_ARGS"
    if args is None:
        pytest.skip("a long-running service: its chapter's tests start and check it")
    skip_if_requirements_missing(script)
    completed = run_example(script.relative_to(REPO_ROOT), *args, timeout=300)
    assert completed.returncode == 0, f"{completed.stdout}\n{completed.stderr}"
    assert completed.stdout.strip(), "an example prints its result"
    assert "Traceback" not in completed.stderr


@pytest.mark.parametrize("chapter", [c for c in chapter_folders() if (c / "_benchmark.py").exists()],
                         ids=lambda c: c.name)
def test_benchmark_declarations(chapter):
    """Each workload names a baseline among its cases and has a quick size."""
    workloads = load_workloads(chapter)
    assert workloads, f"{chapter.name}/_benchmark.py declares no WORKLOADS"
    names = set()
    for workload in workloads:
        assert workload.name not in names, f"two workloads named {workload.name!r}"
        names.add(workload.name)
        case_names = [case.name for case in workload.cases]
        assert len(case_names) == len(set(case_names)), f"duplicate case names in {workload.name}"
        assert workload.baseline in case_names, f"{workload.name}: baseline not among the cases"
        assert workload.sizes.get("quick"), f"{workload.name}: no quick size"


@pytest.mark.parametrize("script", SCRIPTS, ids=script_id)
def test_an_unknown_flag_is_one_line_and_exit_2(script, run_example, assert_bad_input):
    skip_if_requirements_missing(script)
    completed = run_example(script.relative_to(REPO_ROOT), "--no-such-flag", timeout=120)
    assert_bad_input(completed)
