"""Tests of the shared toolbox: timer, profile shim, loader, services, script helpers, bench, figures."""

import argparse
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import urllib.request
from pathlib import Path

import pytest

from hpp import discover, figures, leftovers, results, runner, service
from hpp.loader import REPO_ROOT, load_example, module_name_for
from hpp.profiling import profile
from hpp.script import positive_int
from hpp.service import ServiceError, free_port, http_ready, port_is_open, redis_server, running_service
from hpp.timing import repeat_timer, timefn

# ---------------------------------------------------------------- timing


def test_timefn_prints_and_keeps_the_name(capsys):
    @timefn
    def square(x):
        return x * x

    assert square(7) == 49
    assert square.__name__ == "square"
    assert "@timefn: square took" in capsys.readouterr().out


def test_repeat_timer_counts_runs_and_keeps_the_warm_up_apart():
    calls = []
    timing, result = repeat_timer(lambda: calls.append(1) or len(calls), repeat=4)
    assert len(calls) == 5  # one warm-up + four timed
    assert result == 5
    assert len(timing.times) == 4
    assert timing.min <= timing.median
    assert timing.first >= 0


def test_repeat_timer_without_warm_up_and_with_a_budget():
    calls = []
    timing, _ = repeat_timer(lambda: calls.append(1), repeat=100, warmup=False, budget_seconds=0)
    assert len(calls) == 1
    assert len(timing.times) == 1
    with pytest.raises(ValueError):
        repeat_timer(lambda: None, repeat=0)


# ---------------------------------------------------------------- profile shim

PROFILED_SCRIPT = textwrap.dedent("""
    from hpp import profile

    @profile
    def add_squares(n):
        total = 0
        for i in range(n):
            total += i * i
        return total

    if __name__ == "__main__":
        print("name:", add_squares.__name__, "result:", add_squares(2000))
""")


def test_profile_shim_is_a_no_op_that_keeps_the_function():
    def f(x):
        return x + 1

    assert profile(f) is f


def test_profile_shim_under_plain_python(tmp_path):
    script = tmp_path / "profiled.py"
    script.write_text(PROFILED_SCRIPT)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    assert "name: add_squares result: 2664667000" in out.stdout


def test_profile_shim_under_kernprof_gives_a_line_report(tmp_path):
    kernprof = shutil.which("kernprof") or str(__import__("pathlib").Path(sys.executable).parent / "kernprof")
    script = tmp_path / "profiled.py"
    script.write_text(PROFILED_SCRIPT)
    out = subprocess.run(
        [kernprof, "-l", "-v", str(script)], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert "Function: add_squares" in out.stdout
    # the loop body ran 2000 times: the report has real hit counts
    body = [line for line in out.stdout.splitlines() if "total += i * i" in line]
    assert body, out.stdout
    assert body[0].split()[1] == "2000", out.stdout


def test_profile_shim_under_memory_profiler(tmp_path):
    script = tmp_path / "profiled.py"
    script.write_text(PROFILED_SCRIPT)
    out = subprocess.run(
        [sys.executable, "-m", "memory_profiler", str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Mem usage" in out.stdout
    assert "total += i * i" in out.stdout


# ---------------------------------------------------------------- loader


def test_load_example_gives_a_unique_name_and_loads_once(tmp_path):
    (tmp_path / "neighbour_for_loader_test.py").write_text("VALUE = 41\n")
    example = tmp_path / "example.py"
    example.write_text("from neighbour_for_loader_test import VALUE\nANSWER = VALUE + 1\n")
    module = load_example(example)
    assert module.ANSWER == 42
    assert module.__name__ == module_name_for(example)
    assert load_example(example) is module


def test_load_example_of_a_chapter_file():
    module = load_example("01_understanding/check_prime.py")
    assert module.__name__ == "hpp_example.01_understanding.check_prime"
    with pytest.raises(FileNotFoundError):
        load_example("01_understanding/no_such_file.py")


# ---------------------------------------------------------------- services


@pytest.mark.server
def test_running_service_starts_answers_and_stops(tmp_path):
    (tmp_path / "hello.txt").write_text("hello")
    command = [
        sys.executable,
        "-m",
        "http.server",
        "{port}",
        "--bind",
        "{host}",
        "--directory",
        str(tmp_path),
    ]
    with running_service(command, ready=http_ready("/")) as service:
        with urllib.request.urlopen(f"{service.url}/hello.txt", timeout=5) as answer:
            assert answer.read() == b"hello"
        process = service.process
    assert process.poll() is not None
    assert not port_is_open(service.host, service.port)


def test_a_service_that_dies_raises_with_its_output():
    command = [sys.executable, "-c", "import sys; print('bad config'); sys.exit(3)"]
    with pytest.raises(ServiceError, match="exited"), running_service(command, timeout=5):
        pass


def test_free_port_is_free():
    port = free_port()
    assert 0 < port < 65536
    assert not port_is_open("127.0.0.1", port)


@pytest.mark.redis
def test_redis_server_answers_ping(needs):
    needs.redis_server()
    import socket

    with redis_server() as service, socket.create_connection((service.host, service.port), timeout=2) as sock:
        sock.sendall(b"PING\r\n")
        assert sock.recv(16).startswith(b"+PONG")
    assert service.process.poll() is not None


# ---------------------------------------------------------------- script helpers


def test_positive_int():
    import argparse

    assert positive_int("3") == 3
    for bad in ("0", "-5", "x", "1.5"):
        with pytest.raises(argparse.ArgumentTypeError):
            positive_int(bad)


# ---------------------------------------------------------------- bench

TOY_BENCHMARK = textwrap.dedent("""
    from hpp.bench import Case, Workload

    def slow(n):
        return sum([i for i in range(n)])

    def fast(n):
        return n * (n - 1) // 2

    def check(result, params):
        assert result == params["n"] * (params["n"] - 1) // 2

    WORKLOADS = [
        Workload(
            name="triangle numbers",
            baseline="loop",
            sizes={"test": [{"n": 200}], "quick": [{"n": 20000}], "book": [{"n": 40000}]},
            repeat=3,
            cases=[
                Case("loop", run=lambda p: slow(p["n"]), check=check),
                Case("formula", run=lambda p: fast(p["n"]), check=check),
                Case("wrong", run=lambda p: fast(p["n"]) + 1, check=check),
                Case("needs a tool", run=lambda p: 0,
                     requires=lambda p: "no such tool here"),
            ],
        )
    ]
""")


@pytest.fixture
def toy_repo(tmp_path, monkeypatch):
    chapter = tmp_path / "01_toy"
    chapter.mkdir()
    (chapter / "_benchmark.py").write_text(TOY_BENCHMARK)
    (chapter / "_book_figures.csv").write_text(
        "workload,case,params,book_speedup,edition,source\n"
        "triangle numbers,formula,,1000,3e,an invented table for the test\n"
    )
    monkeypatch.setenv("HPP_ROOT", str(tmp_path))
    return tmp_path


def run_toy(size="quick"):
    return runner.run_plan(discover.plan_benchmarks(discover.resolve_chapters(["01"]), size))


@pytest.mark.usefixtures("toy_repo")
def test_run_plan_verifies_times_and_compares():
    outcome = {r.case: r for r in run_toy()}
    assert outcome["loop"].status == results.PASSED
    assert outcome["loop"].speedup == 1.0
    assert outcome["formula"].status == results.PASSED
    assert outcome["formula"].speedup > 1
    assert outcome["formula"].book_speedup == 1000
    assert outcome["formula"].runs == 3
    assert outcome["formula"].params == {"n": 20000}  # the parameters stay data
    assert outcome["wrong"].status == results.FAILED
    assert "assert" in outcome["wrong"].message.lower()
    assert outcome["needs a tool"].status == results.SKIPPED


@pytest.mark.usefixtures("toy_repo")
def test_plan_is_a_list_of_plan_items():
    plan = discover.plan_benchmarks(discover.resolve_chapters(["01"]), "test", case_filter="formula")
    assert [type(item) for item in plan] == [discover.PlanItem]
    item = plan[0]
    assert item.params == {"n": 200}
    assert item.chapter_name == "01_toy"
    assert [c.name for c in item.cases] == ["loop", "formula"]  # the baseline stays
    assert item.book["formula"].speedup == 1000
    assert "loop" not in item.book


def test_book_figures_match_parameters_as_data(tmp_path):
    chapter = tmp_path / "01_toy"
    chapter.mkdir()
    (chapter / "_book_figures.csv").write_text(
        "# a comment\n"
        "workload,case,params,book_speedup,edition,source\n"
        "w,c,,2,3e,any size\n"
        'w,c,"{""n"": 10, ""mode"": ""C""}",5,3e,n 10 range C\n'
    )
    rows = discover.load_book_figures(chapter)
    assert rows[1].params == {"n": 10, "mode": "C"}
    assert discover.book_figure(rows, "w", "c", {"n": 10, "mode": "C", "extra": 1}).speedup == 5
    assert discover.book_figure(rows, "w", "c", {"n": 11, "mode": "C"}).speedup == 2
    assert discover.book_figure(rows, "w", "other", {"n": 10}) is None
    (chapter / "_book_figures.csv").write_text(
        "workload,case,size,book_speedup,edition,source\nw,c,n=10,2,3e,old format\n"
    )
    with pytest.raises(ValueError, match="params a JSON object"):
        discover.load_book_figures(chapter)


def test_first_call_counts_as_a_timed_run_unless_jit():
    from hpp.bench import Case, Workload

    calls = []
    case = Case("c", run=lambda state: calls.append(1))
    workload = Workload("w", "c", [case], {}, repeat=4, budget_seconds=60)
    result = runner.run_case(case, {}, workload)
    assert len(calls) == 4
    assert result.runs == 4
    calls.clear()
    jit = Case("j", run=lambda state: calls.append(1), jit=True)
    result = runner.run_case(jit, {}, Workload("w", "j", [jit], {}, repeat=4, budget_seconds=60))
    assert len(calls) == 5
    assert result.runs == 4
    calls.clear()
    result = runner.run_case(case, {}, workload, repeat=1, budget_seconds=0)
    assert len(calls) == 1
    assert result.runs == 1


def test_progress_is_plain_lines_when_not_a_terminal():
    import io

    stream = io.StringIO()
    with runner.Progress(2, stream) as progress:
        progress.start("a")
        progress.finish("a", "1 s")
        progress.finish("b", "FAILED x", failed=True)
    assert stream.getvalue() == "[  1/2] a: 1 s\n[  2/2] b: FAILED x\n"


@pytest.mark.usefixtures("toy_repo")
def test_resolve_chapters_rejects_an_unknown_name():
    assert [c.name for c in discover.resolve_chapters(["toy"])] == ["01_toy"]
    with pytest.raises(ValueError, match="unknown chapter"):
        discover.resolve_chapters(["99"])


@pytest.mark.usefixtures("toy_repo")
def test_hpp_bench_command_writes_the_report_and_fails_on_a_failed_case(tmp_path):
    out = tmp_path / "run"
    hpp = [sys.executable, "-m", "hpp"]
    completed = subprocess.run(hpp + ["bench", "01", "--output", str(out)], capture_output=True, text=True)
    assert completed.returncode == 1, completed.stderr
    assert "FAILED" in completed.stdout
    assert "rerun: hpp bench 01_toy --workload 'triangle numbers' --case wrong" in completed.stdout
    assert "[  2/4] 01_toy · triangle numbers · formula [n=20000]: " in completed.stderr
    data = json.loads((out / "run.json").read_text())
    assert data["machine"]["python"].startswith("CPython")
    assert {r["case"] for r in data["results"]} == {"loop", "formula", "wrong", "needs a tool"}
    assert all(r["params"] == {"n": 20000} for r in data["results"])
    text = (out / "report.md").read_text()
    assert "| formula |" in text
    assert "an invented table for the test" in text
    assert list((out / "plots").glob("*.png"))
    info, saved = results.load_run(out)
    assert info["size"] == "quick"
    assert len(saved) == 4

    completed = subprocess.run(
        hpp + ["bench", "01", "--case", "formula", "--size", "test", "--output", str(out)],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "[n=200]" in completed.stdout
    assert "left behind: nothing (temp folder empty, no process still running)" in completed.stdout

    completed = subprocess.run(hpp + ["bench", "42"], capture_output=True, text=True)
    assert completed.returncode == 2
    assert "unknown chapter" in completed.stderr


def test_python_m_hpp_help_lists_the_commands():
    completed = subprocess.run(
        [sys.executable, "-m", "hpp", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("bench", "figures", "list", "compare", "report"):
        assert command in completed.stdout


def test_hpp_list_shows_the_examples():
    completed = subprocess.run(
        [sys.executable, "-m", "hpp", "list", "01"], capture_output=True, text=True, check=True
    )
    assert "01_understanding/check_prime.py" in completed.stdout


def hpp_command(*args, cwd=None):
    completed = subprocess.run([sys.executable, "-m", "hpp", *args], capture_output=True, text=True, cwd=cwd)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_hpp_version_is_the_installed_package_version():
    from importlib.metadata import version

    assert hpp_command("--version").strip() == f"hpp (hpp-companion) {version('hpp-companion')}"


def test_hpp_help_is_plain_text_with_examples():
    text = hpp_command("--help")
    assert "``" not in text and ":class:" not in text  # no reST left for the terminal to show
    assert "examples:\n  hpp bench" in text
    for command in ("bench", "figures", "list", "compare", "report"):
        assert re.search(rf"^    {command} +\w", text, re.M), f"{command} has no one-line summary"


@pytest.mark.parametrize("command", ["bench", "figures", "list", "compare", "report"])
def test_each_hpp_command_has_a_description_and_an_example(command):
    from hpp.cli import build_parser

    subcommands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    text = subcommands.choices[command].format_help()
    usage, description, *_ = text.split("\n\n")
    assert usage.startswith(f"usage: hpp {command}")
    assert len(description.split()) >= 15, f"hpp {command} --help: no description"
    assert re.search(rf"^examples:\n  hpp {command}\b", text, re.M), f"hpp {command} --help: no example"
    assert "``" not in text


def test_hpp_compare_help_says_what_is_compared_and_what_noise_means():
    text = " ".join(hpp_command("compare", "--help").split())
    assert '"A min" and "B min" are the fastest of its timed repeats in each run' in text
    assert '"B / A" is their ratio' in text
    assert "noise: how much a case's timings varied between its repeats" in text
    assert "median / min - 1" in text and "at least 5%" in text


def test_readme_and_hpp_bench_help_offer_the_same_sizes():
    from hpp.bench import SIZES

    readme = (Path(__file__).parents[1] / "README.md").read_text()
    offered = re.findall(r"`hpp bench \[CHAPTER \.\.\.\] \[--size ([a-z|]+)\]`", readme)
    assert offered == ["|".join(SIZES)]
    assert all(f"`--size {size}`" in readme for size in SIZES), "the README says what each size is"
    text = " ".join(hpp_command("bench", "--help").split())
    assert "{" + ",".join(SIZES) + "}" in text
    assert "test is the tiny size the test suite uses" in text


def test_hpp_list_shows_each_scripts_book_section_within_100_columns():
    lines = hpp_command("list").splitlines()
    nopil = next(line for line in lines if line.strip().startswith("02_profiling/julia1_nopil.py "))
    assert nopil.split("julia1_nopil.py", 1)[1].strip() == "Examples 2-1 to 2-4"  # its docstring's
    resizing = next(line for line in lines if line.strip().startswith("04_dicts_sets/dict_resizing.py "))
    assert '"Resizing", Figure 4-2' in resizing  # the chapter README's "book section" cell
    cython = next(line for line in lines if line.strip().startswith("07_compiling/cython/julia1.py "))
    assert cython.endswith('  "Cython"')  # "book 7, " dropped under the chapter's own heading
    too_long = [line for line in lines if len(line) > 100]
    assert not too_long, too_long
    scripts = [line for line in lines if line.startswith("  ")]
    assert all(len(line.split("  ")) >= 3 for line in scripts), "a script without its section"


def test_book_section_from_the_docstring_then_the_readme_then_the_summary(tmp_path):
    from hpp.examples import book_section

    chapter = tmp_path / "03_toy"
    (chapter / "sub").mkdir(parents=True)
    (chapter / "README.md").write_text(
        "| script | book section | run |\n|---|---|---|\n"
        '| `sub/from_readme.py` | **"Tuples"**, `Example 3-9` | `python from_readme.py` |\n'
    )
    docstrings = {
        "numbered.py": "Binary search (Example 3-3).",
        "named.py": 'Lists (book chapter 3, "Lists Versus Tuples").\n\nMore.',
        "sub/from_readme.py": "What a tuple caches (an aside).",
        "plain.py": "A tour of ``bisect``,\non two lines.\n\nRun: ...",
    }
    for name, doc in docstrings.items():
        (chapter / name).write_text(f'"""{doc}"""\n')
    sections = {name: book_section(chapter / name) for name in docstrings}
    assert sections == {
        "numbered.py": "Example 3-3",
        "named.py": '"Lists Versus Tuples"',
        "sub/from_readme.py": '"Tuples", Example 3-9',
        "plain.py": "A tour of `bisect`, on two lines",
    }


def saved_run(folder, factor, *, failed=False, only=""):
    """A small run.json as ``hpp bench`` saves it, with the longest names the chapters have."""
    from hpp.results import CaseResult, machine_info, save_run

    locking = ("09_multiprocessing", "locking, 4 processes x 1000 increments")
    rows = [
        CaseResult(*locking, case, {"processes": 4, "increments": 1000}, results.PASSED, None, t, t * 1.05, 5)
        for case, t in (("Value, no lock, lock-step", 0.01 * factor), ("RawValue + Lock", 0.02))
    ]
    rows.append(
        CaseResult(
            "02_profiling",
            "profiler overhead: cProfile and line_profiler",
            "line_profiler (LineProfiler) on a case whose name is far too long for any column",
            {"width": 1000, "max_iterations": 300},
            results.FAILED if failed else results.PASSED,
            None,
            1.5,
            1.6,
            3,
        )
    )
    rows.append(
        CaseResult("11_less_ram", "only in one run", only or "x", {"n": 1}, results.PASSED, None, 1e-6)
    )
    folder.mkdir(parents=True)
    save_run(folder, rows, {"date": "2026-01-01 00:00:00 UTC", "size": "quick", "machine": machine_info()})
    return folder


def test_hpp_compare_output_fits_100_columns(tmp_path):
    saved_run(tmp_path / "a", 1)
    saved_run(
        tmp_path / "b", 3, failed=True, only="a case of the second run only, named at very great length"
    )
    out = hpp_command("compare", "a", "b", cwd=tmp_path)
    too_long = [line for line in out.splitlines() if len(line) > 100]
    assert not too_long, out
    words = " ".join(out.split())
    assert (
        "09_multiprocessing · locking, 4 processes x 1000 increments [processes=4, increments=1000]" in words
    )
    assert re.search(r"Value, no lock, lock-step .* SLOWER", out)
    assert re.search(r"RawValue \+ Lock .* same within noise", out)
    assert "far too long for any column" in words  # wrapped, not cut
    assert "not comparable (ok / FAILED)" in out
    assert (
        "only in B: 11_less_ram · only in one run · a case of the second run only, named at very great"
        in words
    )
    assert "3 cases compared, 1 changed beyond the noise." in out
    assert "noise: a change counts beyond it" in out


def test_hpp_report_names_both_files_it_writes(tmp_path):
    run = saved_run(tmp_path / "run", 1)
    out = hpp_command("report", str(run))
    for name in ("report.md", "report.html"):
        assert str(run / name) in out
        assert (run / name).is_file()


def test_loader_gives_each_folder_its_own_neighbour_module(tmp_path):
    for name, value in (("chapter_a", 1), ("chapter_b", 2)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "_shared_neighbour.py").write_text(f"VALUE = {value}\n")
        (folder / "example.py").write_text("import _shared_neighbour\nVALUE = _shared_neighbour.VALUE\n")
    assert load_example(tmp_path / "chapter_a" / "example.py").VALUE == 1
    assert load_example(tmp_path / "chapter_b" / "example.py").VALUE == 2


# ---------------------------------------------------------------- figures

TOY_FIGURES = textwrap.dedent("""
    from hpp.figures import Figure

    FIGURES = [
        Figure(number="1-3", slug="squares", script="draw.py", args=["--points", "5"],
               output="squares.png", caption="Squares of the first points"),
        Figure(number="1-10", slug="broken", script="broken.py", output="never.png",
               caption="A figure whose script fails"),
    ]
""")

TOY_DRAW = textwrap.dedent("""
    import argparse
    from pathlib import Path

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int)
    parser.add_argument("--output-dir", type=Path)
    args = parser.parse_args()
    fig, ax = plt.subplots()
    ax.plot([i * i for i in range(args.points)])
    fig.savefig(args.output_dir / "squares.png")
""")


def test_hpp_figures_draws_copies_and_indexes(tmp_path):
    chapter = tmp_path / "repo" / "01_toy"
    chapter.mkdir(parents=True)
    (chapter / "_figures.py").write_text(TOY_FIGURES)
    (chapter / "draw.py").write_text(TOY_DRAW)
    (chapter / "broken.py").write_text("import sys\nsys.exit('no data for this figure')\n")
    out = tmp_path / "gallery"
    completed = subprocess.run(
        [sys.executable, "-m", "hpp", "figures", "01", "--output", str(out), "--jobs", "2"],
        capture_output=True,
        text=True,
        env=dict(os.environ, HPP_ROOT=str(tmp_path / "repo")),
    )
    assert completed.returncode == 1, completed.stdout + completed.stderr
    png = out / "fig-01-03-squares.png"
    assert png.read_bytes().startswith(b"\x89PNG")
    assert png.stat().st_size > 1000
    assert not (out / "fig-01-10-broken.png").exists()
    assert "FAILED figure 1-10 (exit status 1: no data for this figure)" in completed.stderr
    assert "rerun: cd 01_toy && python broken.py --output-dir DIR" in completed.stderr
    page = (out / "index.html").read_text()
    assert 'src="fig-01-03-squares.png"' in page
    assert "Squares of the first points" in page
    assert "cd 01_toy &amp;&amp; python draw.py --points 5 --output-dir DIR" in page
    assert "FAILED: exit status 1" in page
    assert "A figure whose script fails" in page
    assert "2 figures: 1 drawn, 1 failed." in (out / "index.md").read_text()


def test_a_figure_that_times_out_fails_and_leaves_no_process(tmp_path):
    chapter = tmp_path / "01_toy"
    chapter.mkdir()
    (chapter / "sleepy.py").write_text("import time\ntime.sleep(60)\n")
    figure = figures.Figure(
        number="1-1", slug="sleepy", script="sleepy.py", output="x.png", caption="never drawn"
    )
    drawn = figures.draw(chapter, figure, tmp_path, timeout=0.5)
    assert not drawn.ok
    assert drawn.message.startswith("timed out after 0.5 s")


# ---------------------------------------------------------------- the test suite's own checks

LEAVES_THINGS_BEHIND = textwrap.dedent("""
    import subprocess
    import sys
    import tempfile


    def test_leaves_a_file_and_a_process():
        handle, _ = tempfile.mkstemp(prefix="forgotten-")
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"],
                         start_new_session=True)  # daemonized: no longer our child
""")


def test_a_run_that_leaves_files_or_processes_fails(tmp_path):
    import psutil

    (tmp_path / "conftest.py").write_text(Path(__file__).with_name("conftest.py").read_text())
    (tmp_path / "test_leaky.py").write_text(LEAVES_THINGS_BEHIND)
    env = {k: v for k, v in os.environ.items() if k not in ("HPP_TEST_SESSION", "PYTEST_ADDOPTS")}
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "--rootdir",
            str(tmp_path),
            "-c",
            os.devnull,
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "1 passed" in completed.stdout
    assert "left in the temp folder: forgotten-" in completed.stdout
    assert re.search(r"process \d+ still running: .*time\.sleep\(120\)", completed.stdout)
    sleepers = [
        p for p in psutil.process_iter(["cmdline"]) if "time.sleep(120)" in " ".join(p.info["cmdline"] or [])
    ]
    assert not sleepers, "the leftover process was stopped"


def test_import_plain_gives_each_folder_its_own_module(tmp_path, import_plain):
    for name, value in (("chapter_a", 1), ("chapter_b", 2)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "_plain_neighbour.py").write_text(f"VALUE = {value}\n")
        (folder / "plain_example.py").write_text("import _plain_neighbour\nVALUE = _plain_neighbour.VALUE\n")
    assert import_plain(tmp_path / "chapter_a", "plain_example").VALUE == 1
    assert import_plain(tmp_path / "chapter_b", "plain_example").VALUE == 2
    assert sys.path[0] == str(tmp_path / "chapter_b")  # monkeypatch takes it off after the test


def test_a_figure_without_a_known_number_is_named_by_its_chapter(tmp_path):
    from hpp.figures import Figure, draw

    known = Figure(number="2-6", slug="mprof", script="s.py", output="o.png", caption="c")
    unknown = Figure(number="6", slug="norms", script="s.py", output="o.png", caption="c")
    assert (known.file_name, known.title) == ("fig-02-06-mprof.png", "Figure 2-6")
    assert unknown.file_name == "fig-06-norms.png"
    assert unknown.title.startswith("Chapter 6 figure")
    needs = Figure(
        number="6", slug="gpu", script="s.py", output="o.png", caption="c", requires=("no_such_module_hpp",)
    )
    drawn = draw(tmp_path, needs, tmp_path)
    assert drawn.skipped and not drawn.ok
    assert "no_such_module_hpp" in drawn.message and ".[gpu]" in drawn.message


# ---------------------------------------------------------------- hpp.leftovers


def test_leftovers_finds_a_temp_file_and_a_running_child(monkeypatch):
    monkeypatch.setattr(leftovers, "GRACE_SECONDS", 1)
    with leftovers.watch() as left:
        folder = tempfile.gettempdir()
        Path(folder, "kept.txt").write_text("x")
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    assert left.files == ["kept.txt"]
    assert len(left.processes) == 1 and "time.sleep(60)" in left.processes[0]
    assert child.wait(timeout=10) != 0  # stopped by the check
    assert not Path(folder).exists()  # the private temp folder is removed


def test_leftovers_is_empty_after_a_tidy_run_and_spares_the_resource_tracker(monkeypatch):
    import multiprocessing

    monkeypatch.setattr(leftovers, "GRACE_SECONDS", 5)
    with leftovers.watch() as left:
        with tempfile.TemporaryDirectory() as scratch:
            Path(scratch, "a.txt").write_text("x")
        with multiprocessing.get_context("spawn").Pool(1) as pool:  # starts a resource tracker
            assert pool.apply(abs, (-2,)) == 2
    assert not left and left.lines() == []


def test_quiet_heartbeat_at_close_drops_that_line_only(monkeypatch):
    logger = logging.getLogger("distributed.worker")
    monkeypatch.setattr(logger, "filters", [])
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger.addHandler(handler)
    try:
        service.quiet_heartbeat_at_close()
        logger.error("Failed to communicate with scheduler during heartbeat.")
        logger.error("Compute Failed")
    finally:
        logger.removeHandler(handler)
    assert [record.getMessage() for record in records] == ["Compute Failed"]


# ---------------------------------------------------------------- outside the project's environment

#: The scripts the README's "Reading along" runs: each imports ``_environment`` before ``hpp``.
GUARDED_SCRIPTS = {
    "01_understanding/check_prime.py": ["--number", "97"],
    "02_profiling/julia1_nopil.py": ["--width", "50"],  # with no flag it runs without hpp, as profiled
    "02_profiling/julia1_lineprofiler.py": ["--width", "50"],
    "02_profiling/julia1_memoryprofiler.py": ["--width", "50"],
}
SYSTEM_PYTHON = Path("/usr/bin/python3")


def test_the_environment_guard_is_one_file_beside_each_script_that_uses_it():
    copies = sorted(REPO_ROOT.glob("[0-9][0-9]_*/**/_environment.py"))
    assert len({copy.read_text() for copy in copies}) == 1, f"the copies differ: {copies}"
    users = sorted(
        str(path.relative_to(REPO_ROOT))
        for path in REPO_ROOT.glob("[0-9][0-9]_*/**/*.py")
        if re.search(r"^\s*import _environment\b", path.read_text(), re.M)
    )
    assert users == sorted(GUARDED_SCRIPTS)
    assert all((REPO_ROOT / script).parent / "_environment.py" in copies for script in users)


@pytest.mark.parametrize("interpreter", ["python -S", "/usr/bin/python3"])
@pytest.mark.parametrize("script", GUARDED_SCRIPTS)
def test_a_script_run_outside_the_environment_says_how_to_enter_it_in_one_line(script, interpreter, tmp_path):
    """``python -S`` (no site-packages) stands for any interpreter without the project's packages."""
    if interpreter == "python -S":
        command = [sys.executable, "-S"]
    else:
        if not SYSTEM_PYTHON.is_file():
            pytest.skip(f"no {SYSTEM_PYTHON} on this machine")
        command = [str(SYSTEM_PYTHON)]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    has_hpp = subprocess.run([*command, "-c", "import hpp"], cwd=tmp_path, env=env, capture_output=True)
    if has_hpp.returncode == 0:
        pytest.skip(f"{interpreter} has the project's packages (installed outside .venv)")
    completed = subprocess.run(
        [*command, str(REPO_ROOT / script), *GUARDED_SCRIPTS[script]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 2, completed.stderr
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        f"{Path(script).name} needs the project's environment: run 'make install' and "
        "'source .venv/bin/activate' (or use .venv/bin/python)"
    ]
