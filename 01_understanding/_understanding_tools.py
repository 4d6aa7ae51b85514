"""The drivers of two chapter 01 scripts that are ours (not book examples): flags and printed reports.

``numpy_simd.py`` and ``coverage_tests.py`` keep their lesson (the measurement); the
comparison they print and their command lines live here.
"""

import re

# ---------------------------------------------------------------- numpy_simd.py


def compare_simd(run_numpy, size, repeat):
    """Run the default and the disabled build; print the features, checksum and time of each."""
    default = run_numpy(size, repeat)
    print(f"baseline (always on): {' '.join(default['baseline'])}")
    runs = {"default": default}
    if default["enabled"]:
        runs["NPY_DISABLE_CPU_FEATURES"] = run_numpy(size, repeat, disable=default["enabled"])
    else:
        print("this CPU has none of NumPy's dispatched features: nothing to disable")
    for name, run in runs.items():
        print(
            f"{name}: dispatched features = {' '.join(run['enabled']) or 'none'}; "
            f"sum(np.sqrt(a)) = {run['checksum']:.6e}; best of {repeat}: {run['seconds'] * 1e3:.3f} ms"
        )
    return runs


def run_numpy_simd(doc, run_numpy, argv=None):
    """``numpy_simd.py``: --size, --repeat; the timings with NumPy's SIMD on and off."""
    from hpp.script import example_parser, positive_int

    parser = example_parser(doc)
    parser.add_argument("--size", type=positive_int, default=10_000_000, help="float32 numbers in the array")
    parser.add_argument("--repeat", type=positive_int, default=10, help="timed runs in each process")
    args = parser.parse_args(argv)
    compare_simd(run_numpy, args.size, args.repeat)


# ---------------------------------------------------------------- coverage_tests.py


def coverage_tests(measure_coverage, chapter, keyword=None):
    """Print the tests' verdict, coverage's report and the total."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        tests_line, report, _ = measure_coverage(chapter, keyword, folder)
    print(f"pytest: {tests_line}")
    print(report.rstrip())
    total = re.search(r"^TOTAL.*?(\d+)%", report, re.M)
    print(f"total coverage = {total[1] if total else 0}%")


def pytest_keyword(text):
    """argparse type: a pytest -k expression of names, and/or/not and brackets."""
    import argparse

    if not text.strip() or not re.fullmatch(r"[\w\s()\[\]\-.]+", text):
        raise argparse.ArgumentTypeError(
            f"expected a pytest -k expression such as 'check_prime', got {text!r}"
        )
    return text


def run_coverage_tests(doc, repo, measure_coverage, argv=None):
    """``coverage_tests.py``: --chapter (whose tests), --keyword (pytest -k)."""
    from hpp.script import example_parser

    chapters = sorted(
        p.name for p in repo.glob("[0-9][0-9]_*") if (repo / "tests" / f"test_{p.name}.py").exists()
    )
    parser = example_parser(doc)
    parser.add_argument("--chapter", choices=chapters, default="01_understanding", help="whose tests to run")
    parser.add_argument("--keyword", type=pytest_keyword, help="only the tests pytest -k selects")
    args = parser.parse_args(argv)
    coverage_tests(measure_coverage, args.chapter, args.keyword)
