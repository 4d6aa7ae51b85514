"""Chapter 01: check_prime (book, exact, vectorised, Cython), the searches, Amdahl's law."""

import random
import sys

import numpy as np
import pytest

from hpp.loader import REPO_ROOT, load_example

CHAPTER = REPO_ROOT / "01_understanding"
primes = load_example(CHAPTER / "check_prime.py")
vectorised = load_example(CHAPTER / "check_prime_vectorised.py")
searches = load_example(CHAPTER / "reducing_operations.py")
amdahl = load_example(CHAPTER / "amdahl.py")


def sieve(limit):
    is_prime = np.ones(limit, dtype=bool)
    is_prime[:2] = False
    for i in range(2, int(limit**0.5) + 1):
        if is_prime[i]:
            is_prime[i * i :: i] = False
    return is_prime


def test_the_books_two_numbers():
    assert primes.check_prime(10_000_000) is False
    assert primes.check_prime(10_000_019) is True
    assert primes.check_prime_exact(10_000_000) is False
    assert primes.check_prime_exact(10_000_019) is True


def test_every_version_agrees_with_a_sieve_below_20000():
    truth = sieve(20_000)
    for n in range(2, 20_000):
        expected = bool(truth[n])
        assert primes.check_prime(n) is expected, n
        assert primes.check_prime_exact(n) is expected, n
    for n in range(0, 2):
        assert primes.check_prime_exact(n) is False


def test_the_float_version_fails_above_2_pow_53_and_the_exact_one_does_not():
    n = primes.FIRST_PRIME_ABOVE_2_POW_53
    assert n == 2**53 + 5
    assert float(n) == float(n - 1)  # the float cannot hold it
    assert primes.check_prime(n) is False  # wrong: it is prime
    assert primes.check_prime_exact(n) is True


@pytest.mark.parametrize("vector_size", [1, 3, 8, 1024])
def test_vectorised_agrees_with_exact(vector_size):
    truth = sieve(3000)
    for n in range(0, 3000):
        assert vectorised.check_prime_vectorised(n, vector_size) is bool(truth[n]), n
    assert vectorised.check_prime_vectorised(10_000_019, vector_size) is True
    assert vectorised.check_prime_vectorised(10_000_019 * 3, vector_size) is False


def test_the_cython_build_agrees_with_exact():
    sys.path.insert(0, str(CHAPTER))
    from check_prime_cy import check_prime_cy

    truth = sieve(5000)
    for n in range(0, 5000):
        assert check_prime_cy(n) is bool(truth[n]), n
    assert check_prime_cy(primes.FIRST_PRIME_ABOVE_2_POW_53) is True
    assert check_prime_cy(100109100129100369) is False  # 10^17-sized, not prime (chapter 9)


def test_the_four_searches_agree():
    rng = random.Random(0)
    for _ in range(200):
        haystack = [rng.randrange(100) for _ in range(rng.randrange(0, 50))]
        needle = rng.randrange(100)
        answers = {search(haystack, needle) for search in searches.SEARCHES}
        assert answers == {needle in haystack}


def test_amdahl():
    cores = np.array([1, 2, 4, 100])
    assert np.allclose(amdahl.amdahl_speedup(1.0, cores), cores)
    assert np.allclose(amdahl.amdahl_speedup(0.0, cores), 1.0)
    assert amdahl.amdahl_speedup(0.95, 10**9) == pytest.approx(20.0, rel=1e-6)
    assert amdahl.amdahl_speedup(0.5, 2) == pytest.approx(4 / 3)
    with pytest.raises(ValueError):
        amdahl.amdahl_speedup(1.5, 2)
    assert [amdahl.survey_minutes(100, q) for q in (1, 2, 100, 200)] == [100, 50, 1, 1]


def test_check_prime_script_prints_the_books_values(run_example):
    completed = run_example("01_understanding/check_prime.py", check=True)
    lines = completed.stdout.splitlines()
    assert lines[:2] == ["check_prime(10,000,000) = False", "check_prime(10,000,019) = True"]
    assert any(line.startswith("check_prime(9007199254740997) = False") for line in lines)
    assert any(line.startswith("check_prime_exact(9007199254740997) = True") for line in lines)


@pytest.mark.parametrize("args", [["--number", "-5"], ["--number", "0"], ["--number", "x"], ["--bogus"]])
def test_check_prime_bad_input(args, run_example, assert_bad_input):
    line = assert_bad_input(run_example("01_understanding/check_prime.py", *args))
    assert "check_prime.py" in line


def test_vectorised_script_rejects_a_number_too_large(run_example, assert_bad_input):
    completed = run_example("01_understanding/check_prime_vectorised.py", "--number", str(2**64))
    assert "2**63" in assert_bad_input(completed)


def test_amdahl_script_saves_its_plot(run_example, tmp_path):
    completed = run_example("01_understanding/amdahl.py", "--output-dir", tmp_path / "plots", check=True)
    assert "100 questioners: 1 minutes" in completed.stdout
    assert (tmp_path / "plots" / "amdahl.png").stat().st_size > 1000


def test_reducing_operations_script(run_example):
    completed = run_example(
        "01_understanding/reducing_operations.py", "--haystack-size", "50", "--number", "10", check=True
    )
    assert "needle 5 in list(range(50)): found = True" in completed.stdout
    assert "search_unknown2" in completed.stdout


def test_the_chapter_benchmark_cases_pass_their_checks():
    from hpp.discover import load_workloads
    from hpp.results import PASSED
    from hpp.runner import run_case

    for workload in load_workloads(CHAPTER):
        for case in workload.cases:
            params = dict(workload.params_for("quick")[0], calls=1)
            result = run_case(case, params, workload, repeat=1, budget_seconds=0)
            assert result.status == PASSED, (case.name, result.message)
