"""The tour's report: tables, plots, book figures, the HTML page, ``hpp compare``, the estimate."""

import json
import shutil
import subprocess
import sys
import textwrap

import pytest

from hpp import bench, report
from hpp.compare import compare_runs

TOY_BENCHMARK = textwrap.dedent('''
    from hpp.bench import Case, Workload

    def check(result, params):
        assert result == sum(range(params["n"]))
        return {"RAM MB": params["n"] / 1e3}

    WORKLOADS = [
        Workload(
            name="sum of a range",
            baseline="loop",
            sizes={"quick": [{"n": 1000}, {"n": 4000}, {"n": 16000}],
                   "book": [{"n": 64000}]},
            repeat=3,
            book_factor=4.0,
            cases=[
                Case("loop", run=lambda p: sum([i for i in range(p["n"])]), check=check),
                Case("builtin", run=lambda p: sum(range(p["n"])), check=check),
                Case("formula", run=lambda p: p["n"] * (p["n"] - 1) // 2, check=check),
            ],
        )
    ]
''')


@pytest.fixture
def toy_run(tmp_path, monkeypatch):
    chapter = tmp_path / "01_toy"
    chapter.mkdir()
    (chapter / "_benchmark.py").write_text(TOY_BENCHMARK)
    (chapter / "_book_figures.csv").write_text(
        "# a comment line\n"
        "workload,case,size,book_speedup,edition,source\n"
        "sum of a range,formula,n=16000,500,2e,Table 99 (invented for the test)\n")
    monkeypatch.setenv("HPP_ROOT", str(tmp_path))
    results = bench.run_benchmarks(bench.resolve_chapters(["01"]), size="quick")
    info = {"date": "2026-01-01 00:00:00 UTC", "size": "quick", "chapters": ["01_toy"],
            "wall_seconds": 1.0, "machine": bench.machine_info()}
    folder = tmp_path / "runs" / "a"
    folder.mkdir(parents=True)
    report.save_run(folder, results, info)
    return folder, results, info


def test_report_has_tables_plots_and_book_figures(toy_run):
    folder, results, info = toy_run
    report.write_report(folder, results, info)
    text = (folder / "report.md").read_text()
    assert "## 01_toy" in text and "### sum of a range" in text
    assert text.count("| loop (baseline) |") == 3  # one table per size
    assert "2e Table 99 (invented for the test)" in text
    assert "| RAM MB |" in text.replace(" | RAM MB | status |", " | RAM MB |")
    assert "9 cases: 9 verified, 0 failed, 0 skipped." in text
    plots = sorted(p.name for p in (folder / "plots").glob("*.png"))
    assert any(name.endswith("__scaling.png") for name in plots)  # speedup against n
    assert any(name.endswith("__memory.png") for name in plots)
    assert sum("__n-" in name and "memory" not in name for name in plots) == 3
    formula = next(r for r in results if r.case == "formula" and r.size == "n=16000")
    assert formula.book_speedup == 500
    assert next(r for r in results if r.case == "formula" and r.size == "n=1000").book_speedup is None


def test_html_report_embeds_its_plots(toy_run):
    folder, results, info = toy_run
    report.write_report(folder, results, info)
    page = (folder / "report.html").read_text()
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("data:image/png;base64,") >= 5
    assert "src='plots/" not in page  # nothing to fetch: it opens offline


def test_html_report_opens_in_headless_chromium(toy_run, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("needs Chromium for the browser check: apt-get install chromium")
    folder, results, info = toy_run
    report.write_report(folder, results, info)
    screenshot = tmp_path / "report.png"
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
               "--window-size=1200,2000", f"--screenshot={screenshot}",
               (folder / "report.html").as_uri()]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert screenshot.stat().st_size > 10_000
    dom = subprocess.run(command[:-2] + ["--dump-dom", (folder / "report.html").as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0
    assert "<h2 id=\"01-toy\">01_toy</h2>" in dom.stdout
    assert "Uncaught" not in dom.stderr


def test_compare_two_runs(toy_run, tmp_path):
    folder, results, info = toy_run
    data = json.loads((folder / "run.json").read_text())
    for row in data["results"]:
        if row["case"] == "loop" and row["min_s"]:
            row["min_s"] *= 3
            row["median_s"] = row["min_s"]
    other = tmp_path / "runs" / "b"
    other.mkdir()
    (other / "run.json").write_text(json.dumps(data))
    rows, only_a, only_b = compare_runs(folder, other)
    verdicts = {(key[2], key[3]): verdict for key, *_, verdict in rows}
    assert all(verdicts[(size, "loop")] == "SLOWER" for size in ("n=1000", "n=4000", "n=16000"))
    assert verdicts[("n=1000", "formula")] == "same within noise"
    assert not only_a and not only_b
    completed = subprocess.run([sys.executable, "-m", "hpp.cli", "compare", str(folder), str(other)],
                               capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert "SLOWER" in completed.stdout and "changed beyond the noise" in completed.stdout
    missing = subprocess.run([sys.executable, "-m", "hpp.cli", "compare", str(folder),
                              str(tmp_path / "nowhere")], capture_output=True, text=True)
    assert missing.returncode == 2 and "no saved run" in missing.stderr


def test_estimate_from_an_earlier_run(toy_run):
    folder, results, info = toy_run
    plan_quick = bench.plan_benchmarks(bench.resolve_chapters(["01"]), "quick")
    seconds, unknown = report.estimate_seconds(plan_quick, "quick", root=folder.parent)
    assert unknown == []
    assert seconds == pytest.approx(sum(r.wall_s for r in results))
    plan_book = bench.plan_benchmarks(bench.resolve_chapters(["01"]), "book")
    seconds, unknown = report.estimate_seconds(plan_book, "book", root=folder.parent)
    assert seconds == pytest.approx(4.0 * sum(r.wall_s for r in results))
    empty = folder.parent / "empty"
    empty.mkdir()
    assert report.estimate_seconds(plan_book, "book", root=empty) == (0.0, ["01_toy · sum of a range"])
