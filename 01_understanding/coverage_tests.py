"""`coverage run -m pytest`: which lines of a chapter the tests run (chapter 1, "Good Working Practices").

The book's working practices: add a ``tests/`` folder, run it with
``pytest``, then "progress to using the ``coverage`` tool, which will report
how many lines of your code are actually covered by the tests"; chapter 2
adds that coverage.py shows the code paths a benchmark uses but no test
checks. This script runs, in a fresh process,

    python -m coverage run --source CHAPTER -m pytest tests/test_CHAPTER.py [-k KEYWORD]
    python -m coverage report -m

and prints the report (statements, missed, percent and the missing line
numbers per file) and the total. Its companion practice, a pre-commit hook
that formats and lints each commit, is the repository's
``.pre-commit-config.yaml`` (ruff check and ruff format, as CI runs them).

Run:
    python 01_understanding/coverage_tests.py                          # chapter 01's tests
    python 01_understanding/coverage_tests.py --keyword check_prime
    python 01_understanding/coverage_tests.py --chapter 04_dicts_sets --keyword probing
"""

# taught: coverage run -m pytest on one chapter's tests, then coverage report
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def coverage(*args, data_file):
    """Run ``python -m coverage ARGS`` from the repository root with its data in ``data_file``."""
    return subprocess.run(
        [sys.executable, "-m", "coverage", *args],
        cwd=REPO,
        env={**os.environ, "COVERAGE_FILE": str(data_file)},
        capture_output=True,
        text=True,
    )


def measure_coverage(chapter, keyword, folder):
    """Run the chapter's tests under coverage, its data in ``folder``.

    Returns pytest's last line, coverage's text report and ``coverage json``'s
    per-file record (``executed_lines``, ``missing_lines``, ``summary``).
    """
    tests = REPO / "tests" / f"test_{chapter}.py"
    folder = Path(folder)
    data_file = folder / ".coverage"
    pytest_args = ["-q", "-p", "no:cacheprovider", "-m", "not slow", "-o", "addopts=--import-mode=importlib"]
    if keyword:
        pytest_args += ["-k", keyword]
    run = coverage("run", "--source", chapter, "-m", "pytest", str(tests), *pytest_args, data_file=data_file)
    if run.returncode not in (0, 5):  # 5: no test selected
        raise RuntimeError((run.stdout.strip() or run.stderr.strip() or "no output").splitlines()[-1])
    report = coverage("report", "-m", data_file=data_file)
    if report.returncode != 0:
        raise RuntimeError((report.stderr.strip() or report.stdout.strip() or "no output").splitlines()[-1])
    coverage("json", "-o", str(folder / "coverage.json"), data_file=data_file)
    files = json.loads((folder / "coverage.json").read_text())["files"]
    tests_line = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    return tests_line, report.stdout, files


# taught: end


def main(argv=None):
    from _understanding_tools import run_coverage_tests

    run_coverage_tests(__doc__, REPO, measure_coverage, argv)


if __name__ == "__main__":
    main()
