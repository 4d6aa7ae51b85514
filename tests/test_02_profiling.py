"""Chapter 02: the Julia set and every profiler the book runs on it, run for real."""

import importlib
import json
import os
import pstats
import re
import select
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from hpp.julia import KNOWN_SUMS, axis_coordinates, julia_inputs
from hpp.loader import REPO_ROOT, load_example

CHAPTER = REPO_ROOT / "02_profiling"
BIN = Path(sys.executable).parent

nopil = load_example(CHAPTER / "julia1_nopil.py")
julia1 = load_example(CHAPTER / "julia1.py")
decorator = load_example(CHAPTER / "julia1_decorator.py")
lineprofiler = load_example(CHAPTER / "julia1_lineprofiler.py")
lineprofiler2 = load_example(CHAPTER / "julia1_lineprofiler2.py")
lineprofiler3 = load_example(CHAPTER / "julia1_lineprofiler3.py")
originalif = load_example(CHAPTER / "julia1_nopil_originalif.py")
swappedif = load_example(CHAPTER / "julia1_nopil_swappedif.py")
memoryprofiler = load_example(CHAPTER / "julia1_memoryprofiler.py")
memoryprofiler2 = load_example(CHAPTER / "julia1_memoryprofiler2.py")
with_labels = load_example(CHAPTER / "julia1_memoryprofiler_with_labels.py")
viztracer_script = load_example(CHAPTER / "julia1_viztracer.py")
nonconvergence = load_example(CHAPTER / "nonconvergence.py")
dis_bytecode = load_example(CHAPTER / "dis_bytecode.py")
print_pstats = load_example(CHAPTER / "print_pstats.py")
utility = load_example(CHAPTER / "noop_profile_decorator" / "utility.py")
with_labels.SLEEP_SECONDS = 0  # the pause between mprof's labelled blocks: not needed here

LIST_VARIANTS = [
    nopil,
    julia1,
    lineprofiler,
    lineprofiler2,
    lineprofiler3,
    originalif,
    swappedif,
    memoryprofiler,
    with_labels,
    viztracer_script,
]
# every file the book names defines the book's driver itself (Example 2-2)
DRIVERS = [
    nopil,
    julia1,
    decorator,
    lineprofiler,
    lineprofiler2,
    lineprofiler3,
    originalif,
    swappedif,
    memoryprofiler,
    memoryprofiler2,
    with_labels,
    viztracer_script,
]
SMALL = [(10, 300), (100, 300)]
# KNOWN_SUMS plus two more widths from the reference catalog's table
SUMS = {**KNOWN_SUMS, (20, 300): 12982, (50, 300): 83654}


def tool(name):
    """The path of a profiler's command in this environment (make install puts them all there)."""
    path = shutil.which(name, path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if path is None:
        package = {"kernprof": "line_profiler", "mprof": "memory_profiler"}.get(name, name)
        pytest.fail(f"{name} is missing although make install installs it ({package})")
    return path


def run_tool(command, cwd, timeout=300, tmpdir=None, check=True):
    """Run a profiler's command; ``tmpdir`` becomes its TMPDIR (Scalene leaves a folder there)."""
    env = dict(
        os.environ,
        MPLBACKEND="Agg",
        PYTHONUNBUFFERED="1",
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    completed = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    if check:
        assert completed.returncode == 0, f"{command}\n{completed.stdout}\n{completed.stderr}"
    return completed


def run_scalene(rerun_on_the_import_lock_race, command, **kwargs):
    """``run_tool`` for Scalene, run once more if Python 3.11's import-lock race killed it (conftest)."""
    completed = rerun_on_the_import_lock_race(lambda: run_tool(command, check=False, **kwargs))
    assert completed.returncode == 0, f"{command}\n{completed.stdout}\n{completed.stderr}"
    return completed


def line_number(module, text):
    """The number of the first line of ``module``'s file whose code is ``text``."""
    for number, line in enumerate(Path(module.__file__).read_text().splitlines(), start=1):
        if line.strip() == text:
            return number
    raise AssertionError(f"{text!r} not in {module.__file__}")


# ---------------------------------------------------------------- the Julia sums


def test_the_grid_is_built_by_float_accumulation():
    x, y = axis_coordinates(10)
    assert len(x) == len(y) == 11  # the catalog's gotcha: width 10 gives an 11 x 11 grid
    assert len(axis_coordinates(100)[0]) == 100


@pytest.mark.parametrize(("width", "iterations"), SMALL)
@pytest.mark.parametrize("module", LIST_VARIANTS, ids=lambda m: Path(m.__file__).stem)
def test_every_variant_gives_the_known_sum(module, width, iterations):
    zs, cs = julia_inputs(width)
    assert sum(module.calculate_z_serial_purepython(iterations, zs, cs)) == KNOWN_SUMS[(width, iterations)]


def test_the_variants_agree_point_by_point_and_the_decorated_one_times_itself(capsys):
    zs, cs = julia_inputs(50)
    expected = nopil.calculate_z_serial_purepython(300, zs, cs)
    for module in LIST_VARIANTS:
        assert module.calculate_z_serial_purepython(300, zs, cs) == expected
    assert decorator.calculate_z_serial_purepython(300, zs, cs) == expected
    assert capsys.readouterr().out.startswith("@timefn: calculate_z_serial_purepython took ")
    assert decorator.calculate_z_serial_purepython.__name__ == "calculate_z_serial_purepython"
    assert max(expected) == 300
    assert min(expected) == 0


def test_the_on_the_fly_variant_gives_the_same_output():
    x, y = axis_coordinates(100)
    zs, cs = julia_inputs(100)
    output = memoryprofiler2.calculate_z_serial_purepython(300, x, y)
    assert output == nopil.calculate_z_serial_purepython(300, zs, cs)
    assert sum(memoryprofiler2.calculate_z_serial_purepython(300, *axis_coordinates(10))) == 3098


def test_the_on_the_fly_variant_needs_far_less_memory():
    """Example 2-12: no zs and cs lists, so the peak of Python allocations drops several times."""
    import tracemalloc

    def peak(work):
        tracemalloc.start()
        try:
            work()
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    def with_lists():
        zs, cs = julia_inputs(200)
        return nopil.calculate_z_serial_purepython(1, zs, cs)

    def on_the_fly():
        return memoryprofiler2.calculate_z_serial_purepython(1, *axis_coordinates(200))

    assert peak(on_the_fly) * 3 < peak(with_lists)


@pytest.mark.parametrize("module", DRIVERS, ids=lambda m: Path(m.__file__).stem)
def test_every_file_defines_the_books_driver_and_prints_the_books_lines(module, capsys):
    """`import julia1; julia1.calc_pure_python(desired_width=..., max_iterations=...)` in every file."""
    import inspect

    assert module.calc_pure_python.__module__ == module.__name__  # defined there, not imported
    assert module.calculate_z_serial_purepython.__module__ == module.__name__
    assert list(inspect.signature(module.calc_pure_python).parameters) == ["desired_width", "max_iterations"]
    assert (module.x1, module.x2, module.y1, module.y2) == (-1.8, 1.8, -1.8, 1.8)
    assert (module.c_real, module.c_imag) == (-0.62772, -0.42193)
    output = module.calc_pure_python(desired_width=20, max_iterations=300)
    assert sum(output) == 12982
    out = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("@timefn")]
    assert out[:2] == ["Length of x: 21", "Total elements: 441"]
    assert re.fullmatch(r"calculate_z_serial_purepython took \d+\.\d\d seconds", out[2]), out


def test_the_driver_prints_thousands_separators(capsys):
    assert sum(nopil.calc_pure_python(desired_width=200, max_iterations=300)) == 1329666
    assert capsys.readouterr().out.splitlines()[:2] == ["Length of x: 200", "Total elements: 40,000"]


def test_the_decorator_prints_both_functions(capsys):
    """Example 2-5: `@timefn: calculate_z_serial_purepython took ...`, then the driver's lines."""
    assert sum(decorator.calc_pure_python(desired_width=10, max_iterations=300)) == 3098
    out = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"@timefn: calculate_z_serial_purepython took \d+\.\d{4} seconds", out[2]), out
    assert re.fullmatch(r"calculate_z_serial_purepython took \d+\.\d\d seconds", out[3]), out
    assert re.fullmatch(r"@timefn: calc_pure_python took \d+\.\d{4} seconds", out[4]), out
    assert decorator.calc_pure_python.__name__ == "calc_pure_python"
    assert decorator.timefn.__module__ == decorator.__name__


@pytest.mark.slow
def test_the_book_size(run_example):
    """`python julia1_nopil.py` prints the book's three lines; its assert checks sum(output) == 33219980."""
    completed = run_example("02_profiling/julia1_nopil.py", check=True)
    lines = completed.stdout.splitlines()
    assert lines[:2] == ["Length of x: 1,000", "Total elements: 1,000,000"]
    assert re.fullmatch(r"calculate_z_serial_purepython took \d+\.\d\d seconds", lines[2])
    assert len(lines) == 3
    completed = run_example("02_profiling/julia1_nopil.py", "--width", "1000", check=True)
    assert "sum(output) = 33219980 (matches the known 33219980)" in completed.stdout.splitlines()


@pytest.mark.slow
def test_the_condition_order_script_at_width_5000(run_example):
    """The book's width-5000 experiment (about 2.5 minutes, 2 GB): sum(output) = 831027380.

    The two orders agree point by point at every smaller width (tests above)."""
    completed = run_example("02_profiling/julia1_nopil_swappedif.py", check=True, timeout=1200)
    assert "Total elements: 25,000,000" in completed.stdout
    assert "sum(output) = 831027380 (matches the known 831027380)" in completed.stdout.splitlines()


@pytest.mark.parametrize(
    "script", ["julia1_nopil.py", "julia1_memoryprofiler2.py", "julia1_nopil_swappedif.py"]
)
def test_a_script_prints_the_sum_at_a_small_width(script, run_example):
    completed = run_example(f"02_profiling/{script}", "--width", "10", check=True)
    assert re.search(r"^sum\(output\) = 3098\b", completed.stdout, re.M), completed.stdout
    assert re.search(r"^Total elements: 121$", completed.stdout, re.M), completed.stdout


@pytest.mark.parametrize(
    "script",
    ["julia1_nopil.py", "julia1.py", "julia1_lineprofiler3.py", "julia1_memoryprofiler_with_labels.py"],
)
@pytest.mark.parametrize(
    "args", [["--width", "0"], ["--width", "-3"], ["--max-iterations", "x"], ["--bogus"]]
)
def test_bad_input(script, args, run_example, assert_bad_input):
    line = assert_bad_input(run_example(f"02_profiling/{script}", *args))
    assert script in line


def test_print_pstats_rejects_a_file_that_is_not_a_profile(run_example, assert_bad_input, tmp_path):
    (tmp_path / "bad.stats").write_text("not a profile")
    line = assert_bad_input(run_example("02_profiling/print_pstats.py", "--stats", tmp_path / "bad.stats"))
    assert "is not a profile saved by cProfile" in line
    assert "no such file" in assert_bad_input(
        run_example("02_profiling/print_pstats.py", "--stats", tmp_path / "missing.stats")
    )


# ---------------------------------------------------------------- images and plots


def test_julia1_saves_both_images(run_example, tmp_path):
    from PIL import Image

    run_example("02_profiling/julia1.py", "--width", "10", "--output-dir", tmp_path / "img", check=True)
    zs, cs = julia_inputs(10)
    output = julia1.calculate_z_serial_purepython(300, zs, cs)
    rows = [output[row * 11 : (row + 1) * 11] for row in range(11)]
    with Image.open(tmp_path / "img" / "julia_greyscale.png") as grey:
        assert grey.size == (11, 11)
        assert grey.mode == "L"
        pixels = list(grey.tobytes())
    # written bottom-up: the image's first row is the grid's last row
    expected = [int(o / max(output) * 255) for row in reversed(rows) for o in row]
    assert pixels == expected
    with Image.open(tmp_path / "img" / "julia_false_greyscale.png") as false_grey:
        assert false_grey.mode == "RGB"
        raw = false_grey.tobytes()
        rgb = [tuple(raw[i : i + 3]) for i in range(0, len(raw), 3)]
    assert rgb == [(o & 255, (o >> 8) & 255, (o >> 16) & 255) for row in reversed(rows) for o in row]


def test_nonconvergence():
    bounded = nonconvergence.orbit(0j, 50)
    assert max(bounded) < 2
    assert nonconvergence.first_escape(bounded) is None
    escaping = nonconvergence.orbit(-0.82 + 0j, 30)
    assert nonconvergence.first_escape(escaping) == 10
    assert escaping[9] == pytest.approx(2.1510, abs=5e-5)
    assert all(value < 2 for value in escaping[:9])
    # the escape loop agrees: from 0 it runs to maxiter, from -0.82 it stops after 10 updates
    assert nopil.calculate_z_serial_purepython(300, [0j, -0.82 + 0j], [nonconvergence.c] * 2) == [300, 10]


def test_nonconvergence_script(run_example, tmp_path):
    completed = run_example("02_profiling/nonconvergence.py", "--output-dir", tmp_path, check=True)
    assert "0: z=-0.62772-0.42193j, abs(z)=0.756, c=-0.62772-0.42193j" in completed.stdout
    assert "8: z=-0.41295+0.10910j, abs(z)=0.427, c=-0.62772-0.42193j" in completed.stdout
    assert "first exceeds 2 at update 10 (abs(z) = 2.1510)" in completed.stdout
    assert (tmp_path / "julia_nonconvergence.png").stat().st_size > 5000


# ---------------------------------------------------------------- dis


def test_fn_expressive_and_fn_terse():
    assert dis_bytecode.fn_expressive() == dis_bytecode.fn_terse() == 499999500000
    for upper in (0, 1, 10, 12345):
        assert dis_bytecode.fn_expressive(upper) == dis_bytecode.fn_terse(upper) == sum(range(upper))
    expressive = dis_bytecode.instruction_count(dis_bytecode.fn_expressive)
    terse = dis_bytecode.instruction_count(dis_bytecode.fn_terse)
    assert terse < expressive
    if sys.version_info[:2] in ((3, 12), (3, 13)):
        assert (expressive, terse) == (17, 7)  # the book's counts (CPython 3.12)
    elif sys.version_info[:2] == (3, 11):
        assert (expressive, terse) == (17, 9)


def test_dis_script_prints_both_results_and_the_julia_bytecode(run_example):
    completed = run_example("02_profiling/dis_bytecode.py", check=True)
    assert "fn_expressive(1000000) = 499999500000" in completed.stdout
    assert "fn_terse(1000000) = 499999500000" in completed.stdout
    out = completed.stdout
    counts = {m.group(1): int(m.group(2)) for m in re.finditer(r"^(\w+): (\d+) instructions", out, re.M)}
    assert counts == {
        "fn_expressive": dis_bytecode.instruction_count(dis_bytecode.fn_expressive),
        "fn_terse": dis_bytecode.instruction_count(dis_bytecode.fn_terse),
        "calculate_z_serial_purepython": dis_bytecode.instruction_count(nopil.calculate_z_serial_purepython),
    }
    assert counts["fn_terse"] < counts["fn_expressive"] < counts["calculate_z_serial_purepython"]
    julia = out[out.index("calculate_z_serial_purepython:") :]
    # the while test, compiled once or (3.11-3.12) twice: each copy has one abs call and two `<`
    abs_calls = len(re.findall(r"LOAD_GLOBAL .*\babs\b", julia))
    assert abs_calls in (1, 2)
    assert len(re.findall(r"\bCOMPARE_OP\b.*\(<\)", julia)) == 2 * abs_calls


@pytest.mark.parametrize("module", ["julia1", "julia1_nopil"])
def test_the_timeit_command_line(module):
    """The book's `python -m timeit -n 5 -r 1 -s "import julia1" ...`, from the chapter folder."""
    completed = run_tool(
        [
            sys.executable,
            "-m",
            "timeit",
            "-n",
            "2",
            "-r",
            "1",
            "-s",
            f"import {module}",
            f"{module}.calc_pure_python(desired_width=20, max_iterations=300)",
        ],
        cwd=CHAPTER,
    )
    assert re.search(r"^2 loops, best of 1: [\d.]+ \w+ per loop$", completed.stdout, re.M), completed.stdout
    assert completed.stdout.count("Total elements: 441\n") == 2  # the driver ran once per loop


def test_usr_bin_time_verbose(tmp_path, needs):
    gnu_time = needs.tool("time")
    completed = run_tool(
        [gnu_time, "--verbose", sys.executable, CHAPTER / "julia1_nopil.py", "--width", "20"],
        cwd=tmp_path,
    )
    assert "sum(output) = 12982" in completed.stdout
    small_kib = max_rss_kib(completed.stderr)
    # a grid 30 times as wide holds 900 times the points: its zs and cs lists (a 32-byte complex
    # and an 8-byte slot per point, each) must show in the peak RSS; one iteration is enough
    width = 600
    time_verbose_python = completed.args[:3]
    larger = run_tool(
        [*time_verbose_python, CHAPTER / "julia1_nopil.py", "--width", width, "--max-iterations", 1],
        cwd=tmp_path,
    )
    lists_kib = 2 * width * width * (sys.getsizeof(0j) + 8) / 1024
    assert max_rss_kib(larger.stderr) - small_kib >= 0.8 * lists_kib, (small_kib, lists_kib)


def max_rss_kib(stderr):
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    assert rss, stderr
    return int(rss.group(1))


# ---------------------------------------------------------------- cProfile and pstats


def julia_calls(width, iterations=300):
    """(abs calls, append calls) that the book's driver makes."""
    points = len(julia_inputs(width)[0])
    x, y = axis_coordinates(width)
    return SUMS[(width, iterations)] + points, 2 * points + len(x) + len(y)


def calls_of(stats, name):
    return sum(v[1] for k, v in stats.stats.items() if k[2] == name)


def test_cprofile_command_line_on_a_small_width(tmp_path):
    """`python -m cProfile -o profile.stats julia1_nopil.py --width 100`, read back with pstats."""
    run_tool(
        [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            "profile.stats",
            CHAPTER / "julia1_nopil.py",
            "--width",
            "100",
        ],
        cwd=tmp_path,
    )
    stats = pstats.Stats(str(tmp_path / "profile.stats"))
    abs_calls, append_calls = julia_calls(100)
    assert calls_of(stats, "<built-in method builtins.abs>") == abs_calls == 344236
    assert calls_of(stats, "<method 'append' of 'list' objects>") >= append_calls
    assert calls_of(stats, "calc_pure_python") == 1
    assert calls_of(stats, "calculate_z_serial_purepython") == 1
    # print_callers: every abs call comes from the escape loop
    abs_key = next(k for k in stats.stats if k[2] == "<built-in method builtins.abs>")
    callers = stats.stats[abs_key][4]
    assert {k[2]: v[1] for k, v in callers.items()} == {"calculate_z_serial_purepython": abs_calls}


def cprofile_rows(text):
    """{function: ncalls} from the table `python -m cProfile -s cumulative` prints."""
    rows = {}
    for match in re.finditer(r"^\s*(\d+)(?:/\d+)?\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(.+)$", text, re.M):
        rows[match.group(2).strip()] = int(match.group(1))
    return rows


def test_cprofile_sort_cumulative_prints_the_table(tmp_path):
    completed = run_tool(
        [sys.executable, "-m", "cProfile", "-s", "cumulative", CHAPTER / "julia1_nopil.py", "--width", "20"],
        cwd=tmp_path,
    )
    out = completed.stdout
    assert "Ordered by: cumulative time" in out
    rows = cprofile_rows(out)
    abs_calls, append_calls = julia_calls(20)
    assert rows["{built-in method builtins.abs}"] == abs_calls == 12982 + 441
    assert rows["{method 'append' of 'list' objects}"] >= append_calls
    # sorted by cumulative time: the script, then the driver, before the escape loop and abs
    names = list(rows)
    driver = next(i for i, name in enumerate(names) if name.endswith("(calc_pure_python)"))
    loop = next(i for i, name in enumerate(names) if name.endswith("(calculate_z_serial_purepython)"))
    assert driver < loop < names.index("{built-in method builtins.abs}")


def test_print_pstats_at_a_small_width(tmp_path):
    completed = run_tool(
        [sys.executable, CHAPTER / "print_pstats.py", "--width", "50", "--output-dir", tmp_path], cwd=tmp_path
    )
    assert "was called by" in completed.stdout
    assert "called..." in completed.stdout
    stats = pstats.Stats(str(tmp_path / "profile.stats"))
    abs_calls, append_calls = julia_calls(50)
    # exec, <module>, the driver, the loop, 4 len, 3 print, 2 time.time, disable: 14 more
    # (sum, the 15th of the book's listing, checks the total only at the book's size)
    assert stats.total_calls == abs_calls + append_calls + 14
    assert f"function calls = {stats.total_calls}" in completed.stdout
    # --stats reads a saved profile back
    again = run_tool(
        [sys.executable, CHAPTER / "print_pstats.py", "--stats", tmp_path / "profile.stats", "--limit", "3"],
        cwd=tmp_path,
    )
    assert f"function calls = {stats.total_calls}" in again.stdout


BOOK_CPROFILE_ROWS = {  # the book's listing, row by row (section "Using the cProfile Module")
    "{built-in method builtins.exec}": 1,
    "julia1_nopil.py:1(<module>)": 1,
    "(calc_pure_python)": 1,
    "(calculate_z_serial_purepython)": 1,
    "{built-in method builtins.abs}": 34219980,
    "{method 'append' of 'list' objects}": 2002000,
    "{built-in method builtins.sum}": 1,
    "{built-in method builtins.print}": 3,
    "{method 'disable' of '_lsprof.Profiler' objects}": 1,
    "{built-in method time.time}": 2,
    "{built-in method builtins.len}": 4,
}


@pytest.mark.slow
def test_cprofile_at_the_books_size_counts_the_books_calls():
    """`python -m cProfile -s cumulative julia1_nopil.py`, as printed: 36221995 calls, the book's 11 rows."""
    completed = run_tool(
        [sys.executable, "-m", "cProfile", "-s", "cumulative", "julia1_nopil.py"], cwd=CHAPTER, timeout=900
    )
    out = completed.stdout
    assert out.splitlines()[:2] == ["Length of x: 1,000", "Total elements: 1,000,000"]
    assert re.search(r"^\s*36221995 function calls in [\d.]+ seconds$", out, re.M), out[:500]
    rows = cprofile_rows(out)
    assert len(rows) == len(BOOK_CPROFILE_ROWS), rows
    for suffix, ncalls in BOOK_CPROFILE_ROWS.items():
        matches = [count for name, count in rows.items() if name.endswith(suffix)]
        assert matches == [ncalls], (suffix, rows)
    assert sum(rows.values()) == 36221995


# ---------------------------------------------------------------- line_profiler


def load_lprof(path):
    from line_profiler import load_stats

    return {
        key[2]: dict((line, hits) for line, hits, _ in timings)
        for key, timings in load_stats(str(path)).timings.items()
    }


def test_kernprof_counts_the_while_line_and_the_body(tmp_path):
    kernprof = tool("kernprof")
    completed = run_tool(
        [kernprof, "-l", "-v", CHAPTER / "julia1_lineprofiler.py", "--width", "100"], cwd=tmp_path
    )
    total, points = KNOWN_SUMS[(100, 300)], 10_000
    assert f"sum(output) = {total}" in completed.stdout
    hits = load_lprof(tmp_path / "julia1_lineprofiler.py.lprof")
    loop = hits["calculate_z_serial_purepython"]
    assert loop[line_number(lineprofiler, "while abs(z) < 2 and n < maxiter:")] == total + points
    assert loop[line_number(lineprofiler, "z = z * z + c")] == total
    assert loop[line_number(lineprofiler, "n += 1")] == total
    assert loop[line_number(lineprofiler, "output[i] = n")] == points
    driver = hits["calc_pure_python"]  # the driver is decorated too, in this file
    assert driver[line_number(lineprofiler, "zs.append(complex(xcoord, ycoord))")] == points
    assert driver[line_number(lineprofiler, "cs.append(complex(c_real, c_imag))")] == points
    # the -v report is printed too, with the same count on the while line
    assert re.search(
        rf"^\s*\d+\s+{total + points}\s.*while abs\(z\) < 2 and n < maxiter:", completed.stdout, re.M
    )


@pytest.mark.parametrize("module", [lineprofiler2, lineprofiler3], ids=["split", "swapped"])
def test_kernprof_on_the_split_and_swapped_tests(module, tmp_path):
    kernprof = tool("kernprof")
    script = Path(module.__file__)
    run_tool([kernprof, "-l", "-v", script, "--width", "20"], cwd=tmp_path)
    total, points = SUMS[(20, 300)], 441
    loop = load_lprof(tmp_path / f"{script.name}.lprof")["calculate_z_serial_purepython"]
    if module is lineprofiler2:
        for text in (
            "while True:",
            "not_yet_escaped = abs(z) < 2",
            "iterations_left = n < maxiter",
            "if not_yet_escaped and iterations_left:",
        ):
            assert loop[line_number(module, text)] == total + points, text
        assert loop[line_number(module, "break")] == points
    else:
        assert loop[line_number(module, "while n < maxiter and abs(z) < 2:")] == total + points
    assert loop[line_number(module, "z = z * z + c")] == total


def test_kernprof_on_julia1_lineprofiler3_shows_example_2_9(tmp_path):
    """`kernprof -l -v julia1_lineprofiler3.py`: the driver is profiled in the same run (Example 2-9)."""
    kernprof = tool("kernprof")
    lprof = tmp_path / "julia1_lineprofiler3.py.lprof"
    completed = run_tool(
        [kernprof, "-l", "-v", "-o", lprof, "julia1_lineprofiler3.py", "--width", "20"], cwd=CHAPTER
    )
    hits = load_lprof(lprof)
    out = completed.stdout
    assert out.count("File: julia1_lineprofiler3.py") == 2
    assert "Function: calc_pure_python at line" in out
    assert "Function: calculate_z_serial_purepython at line" in out
    points, x_len = 441, 21
    driver = hits["calc_pure_python"]
    assert driver[line_number(lineprofiler3, "for ycoord in y:")] == x_len + 1
    assert driver[line_number(lineprofiler3, "zs.append(complex(xcoord, ycoord))")] == points
    assert driver[line_number(lineprofiler3, "cs.append(complex(c_real, c_imag))")] == points
    assert (
        driver[line_number(lineprofiler3, "output = calculate_z_serial_purepython(max_iterations, zs, cs)")]
        == 1
    )
    assert re.search(
        r"^\s*\d+\s+1\s.*output = calculate_z_serial_purepython\(max_iterations, zs, cs\)", out, re.M
    )


# ---------------------------------------------------------------- memory_profiler and mprof


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_memory_profiler_reports_mem_usage(tmp_path):
    importlib.import_module("memory_profiler")
    completed = run_tool(
        [sys.executable, "-m", "memory_profiler", CHAPTER / "julia1_memoryprofiler.py", "--width", "10"],
        cwd=tmp_path,
    )
    out = completed.stdout
    assert "sum(output) = 3098" in out
    assert out.count("Mem usage") == 2  # the escape loop and the driver
    assert out.count("julia1_memoryprofiler.py") >= 2  # both functions are the file's own
    driver = re.search(
        r"^\s*\d+\s+([\d.]+) MiB\s+[-\d.]+ MiB\s+(\d+)\s+zs\.append\(complex\(xcoord, ycoord\)\)", out, re.M
    )
    assert driver, out
    assert int(driver.group(2)) == 121
    row = re.search(
        r"^\s*\d+\s+([\d.]+) MiB\s+[-\d.]+ MiB\s+(\d+)\s+while n < maxiter and abs\(z\) < 2:", out, re.M
    )
    assert row, out
    assert float(row.group(1)) > 1
    assert int(row.group(2)) == 3098 + 121


def test_memory_profiler_on_the_on_the_fly_variant(tmp_path):
    importlib.import_module("memory_profiler")
    completed = run_tool(
        [sys.executable, "-m", "memory_profiler", CHAPTER / "julia1_memoryprofiler2.py", "--width", "10"],
        cwd=tmp_path,
    )
    assert "sum(output) = 3098" in completed.stdout
    assert re.search(r"^\s*\d+\s+[\d.]+ MiB.*\s121\s+output\.append\(n\)", completed.stdout, re.M)


def test_mprof_labels_are_recorded_and_plotted(run_example, tmp_path):
    tool("mprof")
    completed = run_example(
        "02_profiling/julia1_memoryprofiler_with_labels.py",
        "--width",
        "20",
        "--delay",
        "1",
        "--mprof-plot",
        "--output-dir",
        tmp_path,
        check=True,
    )
    assert "sum(output) = 12982" in completed.stdout
    data = (tmp_path / "julia1_memoryprofiler_with_labels.dat").read_text().splitlines()
    labels = {
        line.split()[1]: [float(v) for v in line.split()[2:6]] for line in data if line.startswith("FUNC")
    }
    assert {".create_output_list", ".calculate_output"} <= set(labels)
    # calculate_output starts after create_output_list ends, past the 1 s sleep
    assert labels[".calculate_output"][1] - labels[".create_output_list"][3] >= 0.9
    assert sum(line.startswith("MEM") for line in data) >= 5
    assert (tmp_path / "julia1_memoryprofiler_with_labels.png").stat().st_size > 5000


# ---------------------------------------------------------------- Scalene, py-spy, VizTracer, SnakeViz


@pytest.mark.slow
def test_scalene_gives_the_while_line_the_biggest_share(tmp_path, rerun_on_the_import_lock_race):
    """Figure 2-9: the `while` line holds the biggest share of the time (the book: 85%)."""
    scalene = tool("scalene")
    run_scalene(
        rerun_on_the_import_lock_race,
        [
            scalene,
            "run",
            "--memory",
            "-o",
            "profile.json",
            CHAPTER / "julia1_memoryprofiler.py",
            "---",
            "--width",
            "400",
        ],
        cwd=tmp_path,
        timeout=600,
        tmpdir=tmp_path,
    )
    profile = json.loads((tmp_path / "profile.json").read_text())
    files = {Path(name).name: data for name, data in profile["files"].items()}
    lines = {line["lineno"]: line for line in files["julia1_memoryprofiler.py"]["lines"]}
    while_line = line_number(memoryprofiler, "while n < maxiter and abs(z) < 2:")
    cpu = {
        n: line["n_cpu_percent_python"] + line["n_cpu_percent_c"] + line["n_sys_percent"]
        for n, line in lines.items()
    }
    ranked = sorted(cpu, key=cpu.get, reverse=True)
    assert ranked[0] == while_line, {n: round(cpu[n], 1) for n in ranked[:5]}
    # the loop's three lines hold most of the run (the book: 85% on the while line alone)
    loop = sum(
        cpu[line_number(memoryprofiler, text)]
        for text in ("while n < maxiter and abs(z) < 2:", "z = z * z + c", "n += 1")
    )
    assert loop >= 50, loop


def test_py_spy_record_writes_a_flame_graph(tmp_path):
    py_spy = tool("py-spy")
    command = [
        py_spy,
        "record",
        "-r",
        "200",
        "-o",
        "profile.svg",
        "--",
        sys.executable,
        CHAPTER / "julia1_nopil.py",
        "--width",
        "150",
    ]
    completed = subprocess.run(
        [str(c) for c in command],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    if completed.returncode != 0 and re.search(
        r"permission|ptrace|Operation not permitted", completed.stderr, re.I
    ):
        pytest.skip(
            f"py-spy may not trace processes here (ptrace refused): {completed.stderr.strip()[-200:]}"
        )
    assert completed.returncode == 0, completed.stderr
    assert "sum(output) = " in completed.stdout
    svg = (tmp_path / "profile.svg").read_text()
    assert svg.lstrip().startswith("<?xml")
    assert "<svg" in svg
    assert "calculate_z_serial_purepython" in svg


def test_py_spy_top_shows_the_escape_loop(tmp_path):
    """`py-spy top` needs a terminal: give it a pseudo-terminal and read the screen."""
    import pty

    py_spy = tool("py-spy")
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [py_spy, "top", "--", sys.executable, str(CHAPTER / "julia1_nopil.py"), "--width", "700"],
        cwd=tmp_path,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        close_fds=True,
    )
    os.close(slave)
    screen = b""
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                screen += chunk
            elif process.poll() is not None:
                break
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        os.close(master)
    text = screen.decode(errors="replace")
    if re.search(r"permission denied|ptrace|Operation not permitted", text, re.I):
        pytest.skip("py-spy may not trace processes here (ptrace refused)")
    assert "calculate_z_serial_purepython" in text, text[-2000:]
    assert "Total Samples" in text


def test_viztracer_writes_a_trace(tmp_path):
    viztracer = tool("viztracer")
    completed = run_tool(
        [viztracer, "--min_duration", "0.1", "-o", tmp_path / "result.json", "julia1_viztracer.py"],
        cwd=CHAPTER,
    )
    assert "Total elements: 40,000" in completed.stdout  # the book's width 200
    assert "sum(output) = 1329666" in completed.stdout
    events = json.loads((tmp_path / "result.json").read_text())["traceEvents"]
    names = [event.get("name", "") for event in events if event.get("ph") == "X"]
    assert sum(name.startswith("calc_pure_python") for name in names) == 1
    assert sum(name.startswith("calculate_z_serial_purepython") for name in names) == 1
    # --min_duration drops the short calls: far fewer than the 1,369,666 abs calls are kept (how
    # many of them last longer than 0.1 us depends on the machine's load: at most half of them)
    assert sum("abs" in name for name in names) < 1_369_666 // 2


@pytest.mark.server
def test_snakeviz_serves_the_profile(tmp_path):
    snakeviz = tool("snakeviz")
    from hpp.service import http_ready, running_service

    print_pstats.profile_julia(20, 300, tmp_path / "profile.stats")
    with running_service(
        [snakeviz, "-s", "-H", "127.0.0.1", "-p", "{port}", tmp_path / "profile.stats"],
        ready=http_ready("/"),
        timeout=60,
    ) as service:
        url = f"{service.url}/snakeviz/{urllib.parse.quote(str(tmp_path / 'profile.stats'), safe='')}"
        with urllib.request.urlopen(url, timeout=30) as response:
            page = response.read().decode()
    assert "calculate_z_serial_purepython" in page


# ---------------------------------------------------------------- the no-op @profile decorator


def test_some_fn_squares():
    utility.SLEEP_SECONDS = 0
    for x in (-3, -1, 0, 1, 2, 7):
        assert utility.some_fn(x) == x**2


NOOP = CHAPTER / "noop_profile_decorator"


@pytest.mark.parametrize("target", ["utility.py", "test_utility.py"])
def test_the_books_pytest_command_collects_and_passes(target):
    """Example 2-22: `pytest utility.py` from the folder: the module's own test, "1 passed" (3 sleeps)."""
    pytest_bin = BIN / "pytest"
    completed = run_tool([pytest_bin, "-p", "no:cacheprovider", target], cwd=NOOP)
    assert re.search(r"^collected 1 item$", completed.stdout, re.M), completed.stdout
    assert re.search(r"=+ 1 passed in [\d.]+s =+", completed.stdout), completed.stdout


def test_kernprof_report_on_utility_is_not_empty(tmp_path):
    kernprof = tool("kernprof")
    completed = run_tool([kernprof, "-l", "-v", NOOP / "utility.py", "--delay", "0.2"], cwd=tmp_path)
    assert "Example call `some_fn(2)` == 4" in completed.stdout
    assert "Function: some_fn" in completed.stdout
    hits = load_lprof(tmp_path / "utility.py.lprof")["some_fn"]
    assert hits[line_number(utility, "time.sleep(SLEEP_SECONDS)")] == 1
    assert hits[line_number(utility, "return useful_input**2")] == 1


def test_memory_profiler_on_utility(tmp_path):
    importlib.import_module("memory_profiler")
    completed = run_tool(
        [sys.executable, "-m", "memory_profiler", NOOP / "utility.py", "--delay", "0.2"], cwd=tmp_path
    )
    assert "Example call `some_fn(2)` == 4" in completed.stdout
    assert re.search(r"MiB.*return useful_input\*\*2", completed.stdout)


# ---------------------------------------------------------------- the rest of the chapter's lessons

specialist_julia = load_example(CHAPTER / "specialist_julia.py")
scalene_numpy = load_example(CHAPTER / "julia1_scalene_numpy.py")
condition_order = load_example(CHAPTER / "condition_order.py")
system_state = load_example(CHAPTER / "system_state.py")
tools = load_example(CHAPTER / "_profiling_tools.py")  # the tool scripts' machinery
memray_julia = load_example(CHAPTER / "memray_julia.py")


def test_the_top_left_pixel_escapes_before_the_first_update(run_example, tmp_path):
    """abs(-1.8-1.8j) = 2.54558441227 >= 2, so the loop makes no update: output 0."""
    assert abs(complex(-1.8, -1.8)) == pytest.approx(2.54558441227, abs=1e-11)
    assert nonconvergence.escape_count(complex(-1.8, -1.8)) == 0
    zs, cs = julia_inputs(100)
    assert zs[0] == complex(-1.8, 1.8)  # the first point of the grid: the other corner, same distance
    assert nopil.calculate_z_serial_purepython(300, zs[:1], cs[:1]) == [0]
    completed = run_example("02_profiling/nonconvergence.py", "--output-dir", tmp_path, check=True)
    assert "abs(-1.8-1.8j) = 2.545584412271571" in completed.stdout.splitlines()
    assert "output = 0" in completed.stdout


@pytest.mark.skipif(sys.version_info >= (3, 14), reason="the specialized opcode names are those of 3.11-3.13")
def test_abs_z_below_2_0_is_specialized_and_below_2_is_not():
    """Figure 2-13: `abs(z) < 2` (float < int) stays adaptive, `abs(z) < 2.0` is specialized;
    the complex `z * z + c` is specialized in neither; `n += 1` in both."""
    zs, cs = julia_inputs(20)
    report = {}
    for fn in (
        specialist_julia.calculate_z_serial_purepython,
        specialist_julia.calculate_z_serial_purepython_float_limit,
    ):
        assert sum(fn(300, zs, cs)) == 12982
        report[fn.__name__] = specialist_julia.specializations(fn)
    plain = report["calculate_z_serial_purepython"]
    floats = report["calculate_z_serial_purepython_float_limit"]

    def verdicts(rows, line, family):
        return {
            specialized for text, _, opname, specialized in rows if text == line and opname.startswith(family)
        }

    assert verdicts(plain, "while abs(z) < 2 and n < maxiter:", "COMPARE_OP") == {
        False,
        True,
    }  # abs: no; n: yes
    assert verdicts(floats, "while abs(z) < 2.0 and n < maxiter:", "COMPARE_OP") == {True}
    assert any(opname.startswith("COMPARE_OP_FLOAT") for _, _, opname, _ in floats)
    for rows in (plain, floats):
        assert verdicts(rows, "z = z * z + c", "BINARY_OP") == {False}
        assert verdicts(rows, "n += 1", "BINARY_OP") == {True}
    assert sum(row[3] for row in floats) == sum(row[3] for row in plain) + 2


def test_specialist_writes_its_html(tmp_path):
    if sys.version_info >= (3, 13):
        pytest.skip("Specialist supports Python 3.11 and 3.12 (the profiling extra installs it there)")
    specialist = tool("specialist")
    completed = run_tool([specialist, "-o", tmp_path, "specialist_julia.py", "--width", "20"], cwd=CHAPTER)
    assert "sum(output) = 12982" in completed.stdout
    page = (tmp_path / "specialist_julia.html").read_text()
    assert "abs(z) &lt; 2.0" in page
    assert page.count("background-color") > 10  # the coloured spans


def test_example_2_13_makes_two_16_mb_copies():
    """Each np.array(list of 1,000,000 complex) is complex128: 16,000,000 bytes (tracemalloc sees them)."""
    import tracemalloc

    import numpy as np

    assert np.dtype(complex).itemsize == 16
    tracemalloc.start()
    try:
        output, zs_np, cs_np = scalene_numpy.calc_pure_python(desired_width=100, max_iterations=300)
        snapshot = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    assert sum(output) == 334236
    assert zs_np.dtype == cs_np.dtype == np.complex128
    assert zs_np.nbytes == cs_np.nbytes == 10_000 * 16  # 16,000,000 bytes at the book's width 1000
    numpy_domain = snapshot.filter_traces([tracemalloc.DomainFilter(True, np.lib.tracemalloc_domain)])
    sizes = sorted(stat.size for stat in numpy_domain.statistics("traceback"))
    assert sizes.count(160_000) >= 2  # the two copies, as NumPy reports them to tracemalloc


@pytest.mark.slow
def test_scalene_shows_the_two_numpy_copies(tmp_path, rerun_on_the_import_lock_race):
    scalene = tool("scalene")
    run_scalene(
        rerun_on_the_import_lock_race,
        [scalene, "run", "--memory", "-o", tmp_path / "profile.json", "julia1_scalene_numpy.py"],
        cwd=CHAPTER,
        timeout=900,
        tmpdir=tmp_path,
    )
    profile = json.loads((tmp_path / "profile.json").read_text())
    files = {Path(name).name: data for name, data in profile["files"].items()}
    lines = {line["lineno"]: line for line in files["julia1_scalene_numpy.py"]["lines"]}
    for text in ("zs_np = np.array(zs)", "cs_np = np.array(cs)"):
        number = next(n for n, line in lines.items() if line["line"].strip().startswith(text))
        assert lines[number]["n_peak_mb"] >= 10, (text, lines[number]["n_peak_mb"])  # the book: 19M and 15M


def test_condition_order_counts_each_test():
    """Swapping saves exactly one abs call per point that reaches maxiter, nothing else."""
    zs, cs = julia_inputs(100)
    total, points = KNOWN_SUMS[(100, 300)], len(zs)
    abs_original, n_original, output = condition_order.count_evaluations(300, zs, cs, swapped=False)
    abs_swapped, n_swapped, output_swapped = condition_order.count_evaluations(300, zs, cs, swapped=True)
    assert output == output_swapped == nopil.calculate_z_serial_purepython(300, zs, cs)
    reached = output.count(300)
    assert reached == 1011
    assert abs_original == total + points == 344236  # the `while` line's hits in kernprof
    assert n_original == total + reached
    assert n_swapped == total + points
    assert abs_original - abs_swapped == reached


def test_condition_order_script(run_example):
    completed = run_example(
        "02_profiling/condition_order.py", "--width", "20", "--number", "1000", check=True
    )
    out = completed.stdout
    assert re.search(r"^\s+abs\(z\) < 2: [\d.]+ ns per evaluation$", out, re.M)
    assert "while abs(z) < 2 and n < maxiter: abs(z) < 2 evaluated 13,423 times" in out
    reached = sum(1 for n in nopil.calculate_z_serial_purepython(300, *julia_inputs(20)) if n == 300)
    assert f"swapping saves {reached:,} abs calls" in out


PYPERF_SHOW = """Show the system configuration

System state
============

CPU: use 2 logical CPUs: 0-1
ASLR: Full randomization

Advices
=======

Perf event: Set max sample rate to 1
Linux scheduler: Use isolcpus=<cpu list> kernel parameter to isolate CPUs

Warnings
========

Turbo Boost (MSR): Failed to read MSR 0x1a0 from /dev/cpu/0/msr

Run "python -m pyperf system tune" to tune the system configuration to run benchmarks
"""


def test_system_state_reads_pyperfs_report():
    sections = tools.parse_system_show(PYPERF_SHOW)
    assert sections == {
        "System state": ["CPU: use 2 logical CPUs: 0-1", "ASLR: Full randomization"],
        "Advices": [
            "Perf event: Set max sample rate to 1",
            "Linux scheduler: Use isolcpus=<cpu list> kernel parameter to isolate CPUs",
        ],
        "Warnings": ["Turbo Boost (MSR): Failed to read MSR 0x1a0 from /dev/cpu/0/msr"],
    }


def test_system_state_script_changes_nothing_and_gives_a_verdict(run_example):
    completed = run_example("02_profiling/system_state.py", check=True)
    sections = tools.parse_system_show(system_state.system_show())
    out = completed.stdout
    assert "What `python -m pyperf system tune` would change" in out
    for line in sections.get("Advices", []):
        assert line in out
    verdict = out.strip().splitlines()[-1]
    if sections.get("Advices"):
        assert verdict.startswith(
            f"WARNING: not stable for benchmarks: pyperf has {len(sections['Advices'])}"
        )
    else:
        assert verdict == "stable for benchmarks: yes"


def test_memray_peak_drops_without_the_zs_and_cs_lists(tmp_path):
    """memray's peak: the two lists of 90,000 complex numbers cost about 7 MB at width 300."""
    importlib.import_module("memray")
    with_lists = memray_julia.profile_variant("julia1_memoryprofiler.py", 300, 300, tmp_path)
    on_the_fly = memray_julia.profile_variant("julia1_memoryprofiler2.py", 300, 300, tmp_path)
    for result in (with_lists, on_the_fly):
        assert "sum(output) = 3004102" in result["output"]
        assert result["flamegraph"].stat().st_size > 10_000
    points = 300 * 300
    saved = with_lists["peak_bytes"] - on_the_fly["peak_bytes"]
    # each list holds a 32-byte complex number and an 8-byte slot per point
    # (a first run also compiles the .pyc files, which can lift either peak by a megabyte or so)
    assert 0.6 * 2 * points * 40 <= saved <= 1.5 * 2 * points * 40, saved
    assert with_lists["peak_bytes"] > 2.5 * on_the_fly["peak_bytes"]


def test_memray_script(run_example, tmp_path):
    completed = run_example(
        "02_profiling/memray_julia.py",
        "--width",
        "300",
        "--max-iterations",
        "1",
        "--output-dir",
        tmp_path,
        check=True,
    )
    assert completed.stdout.count("sum(output) = 80731") == 2
    saved = re.search(r"saves ([\d.]+) MB at the peak \(([\d.]+)x less\)", completed.stdout)
    assert saved, completed.stdout  # a positive saving: no minus sign
    # the two lists of 90,000 complex numbers: 7.2 MB (a 32-byte complex and an 8-byte slot each)
    assert float(saved.group(1)) >= 0.6 * 2 * 300 * 300 * 40 / 1e6, completed.stdout
    assert float(saved.group(2)) >= 2.5, completed.stdout
    assert (tmp_path / "julia1_memoryprofiler.html").is_file()


# ---------------------------------------------------------------- the book's figures (hpp figures)


@pytest.mark.parametrize("figure", load_example(CHAPTER / "_figures.py").FIGURES, ids=lambda f: f.number)
def test_every_figure_script_draws_its_png(figure, tmp_path):
    from PIL import Image

    env = dict(os.environ, MPLBACKEND="Agg", HPP_OUTPUT_DIR=str(tmp_path / "unused"))
    completed = subprocess.run(
        [sys.executable, figure.script, *figure.args, "--output-dir", str(tmp_path)],
        cwd=CHAPTER,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    png = tmp_path / figure.output
    assert png.stat().st_size > 10_000
    with Image.open(png) as image:
        assert image.format == "PNG"
        assert min(image.size) >= 200
        assert len(image.getcolors(maxcolors=1 << 16) or range(1 << 16)) > 2  # not blank
    assert figure.file_name.startswith(f"fig-{int(figure.number.split('-')[0]):02d}-")


# -------------------------------------- heapy, object growth, Figure 2-4, timeit's gc, golden file


def test_heapy_counts_two_complex_numbers_per_point(capsys):
    pytest.importorskip("guppy", reason="needs guppy3: pip install -e '.[profiling]'")
    guppy = load_example(CHAPTER / "julia1_guppy.py")
    output = guppy.calc_pure_python(desired_width=30, max_iterations=30)
    assert sum(output) == sum(nopil.calc_pure_python(desired_width=30, max_iterations=30))
    listings = capsys.readouterr().out.split("heapy after calculate_z_serial_purepython")
    rows = [
        dict(re.findall(r"^\s*\d+\s+(\d+)\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+(\S+)$", part, re.M))
        for part in listings
    ]
    complex_counts = [{kind: int(count) for count, kind in row.items()}.get("complex") for row in rows]
    assert complex_counts == [2 * 30 * 30, 2 * 30 * 30]  # zs and cs: one new complex each per point
    lists = [{kind: int(count) for count, kind in row.items()}["list"] for row in rows]
    assert lists[1] == lists[0] + 1  # output, the one list the loop adds (its small ints are cached)


def test_object_growth_finds_the_leaked_type():
    growth = load_example(CHAPTER / "object_growth.py")
    growth.growth(growth.handle, 1)  # caches filled
    leaky = growth.growth(growth.handle_leaky, 500)
    assert leaky["Request"] == 500
    assert "Request" not in growth.growth(growth.handle, 500)
    assert len(growth.history) == 500


def test_cpu_sampler_takes_one_load_per_core_per_sample(tmp_path):
    import psutil

    load = load_example(CHAPTER / "cpu_load_while_timing.py")
    zs, cs = julia_inputs(60)
    output, times, samples = load.sample_while(nopil.calculate_z_serial_purepython, 0.02, 50, zs, cs)
    assert output == nopil.calculate_z_serial_purepython(50, zs, cs)
    assert len(samples) == len(times) >= 1
    assert all(len(sample) == psutil.cpu_count() for sample in samples)
    assert times == sorted(times) and all(0 <= v <= 100 for sample in samples for v in sample)
    assert tools.draw_load(times, samples, tmp_path / "load.png").stat().st_size > 5_000


@pytest.mark.parametrize("setup, enabled", [("pass", False), ("gc.enable()", True)])
def test_timeit_turns_the_garbage_collector_off_unless_the_setup_enables_it(setup, enabled):
    import gc

    timing = load_example(CHAPTER / "timeit_gc.py")
    was_enabled = gc.isenabled()
    _, seen_enabled, collections = timing.time_with_gc(setup, 50)
    assert seen_enabled is enabled
    assert (collections > 0) is enabled  # 50,000 new lists: the collector runs only when enabled
    assert gc.isenabled() is was_enabled  # timeit restores the collector's state


def test_golden_file_check_passes_unchanged_and_fails_a_changed_result(tmp_path, capsys):
    golden = load_example(CHAPTER / "golden_regression.py")
    path = tmp_path / "golden.txt"
    assert golden.golden_regression(30, 50, write=path) == 0
    assert golden.golden_regression(30, 50, check=path) == 0
    rows = golden.julia_rows(30, 50)
    assert sum(int(re.search(r"sum\(output\) = (\d+)", r)[1]) for r in rows) == sum(
        nopil.calculate_z_serial_purepython(50, *julia_inputs(30))
    )
    assert golden.golden_regression(30, 49, check=path) == 1  # one iteration fewer: the check fails
    path.write_text(path.read_text().replace("2.", "2.000000000000001", 1))  # one rounding change
    assert golden.golden_regression(30, 50, check=path) == 1
    assert "golden file DIFFERS: 1 of 30 lines changed" in capsys.readouterr().out
