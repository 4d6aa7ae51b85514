"""The tour's report: headline, tables, plots, book figures, the HTML page, ``hpp compare``, the estimate."""

import json
import subprocess
import sys
import textwrap

import pytest

from hpp import discover, report, results, runner
from hpp.compare import compare_runs

TOY_BENCHMARK = textwrap.dedent("""
    from hpp.bench import Case, Workload

    def check(result, params):
        assert result == sum(range(params["n"]))
        return {"RAM MB": params["n"] / 1e3}

    WORKLOADS = [
        Workload(
            name="sum of a range",
            baseline="loop",
            sizes={"test": [{"n": 100}], "quick": [{"n": 1000}, {"n": 4000}, {"n": 16000}],
                   "book": [{"n": 64000}]},
            headline="Sums, a ladder",
            repeat=3,
            book_factor=4.0,
            cases=[
                Case("loop", run=lambda p: sum([i for i in range(p["n"])]), check=check),
                Case("builtin", run=lambda p: sum(range(p["n"])), check=check),
                Case("formula", run=lambda p: p["n"] * (p["n"] - 1) // 2, check=check),
            ],
        )
    ]
""")


@pytest.fixture(scope="module")
def toy_run(tmp_path_factory):
    """One run of the toy chapter and its report, shared by the tests (they only read them)."""
    tmp_path = tmp_path_factory.mktemp("tour")
    chapter = tmp_path / "01_toy"
    chapter.mkdir()
    (chapter / "_benchmark.py").write_text(TOY_BENCHMARK)
    (chapter / "_book_figures.csv").write_text(
        "# a comment line\n"
        "workload,case,params,book_speedup,edition,source\n"
        'sum of a range,formula,"{""n"": 16000}",500,2e,Table 99 (invented for the test)\n'
    )
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("HPP_ROOT", str(tmp_path))
        chapters = discover.resolve_chapters(["01"])
        outcome = runner.run_plan(discover.plan_benchmarks(chapters, "quick"))
    info = {
        "date": "2026-01-01 00:00:00 UTC",
        "size": "quick",
        "chapters": ["01_toy"],
        "wall_seconds": 1.0,
        "machine": results.machine_info(),
        "headlines": [{"title": "Sums, a ladder", "chapter": "01_toy", "workload": "sum of a range"}],
    }
    folder = tmp_path / "runs" / "a"
    folder.mkdir(parents=True)
    results.save_run(folder, outcome, info)
    report.write_report(folder, outcome, info)
    return folder, outcome, info


@pytest.fixture
def toy_chapter(toy_run, monkeypatch):
    """The toy chapter as the repository's only chapter (``HPP_ROOT``)."""
    monkeypatch.setenv("HPP_ROOT", str(toy_run[0].parent.parent))
    return discover.resolve_chapters(["01"])


def test_report_has_tables_plots_and_book_figures(toy_run):
    folder, outcome, info = toy_run
    text = (folder / "report.md").read_text()
    assert "## 01_toy" in text
    assert "### sum of a range" in text
    # the headline table comes first: the ladder at the parameters with a book figure
    assert text.index("## The book's ladders and this machine's") < text.index("## 01_toy")
    assert "| Sums, a ladder | loop (baseline) | n=16000 |  | 1x |" in text
    assert "|  | formula |  | 500x |" in text
    assert text.count("| loop (baseline) |") == 3 + 1  # one table per size, and the headline
    assert "2e Table 99 (invented for the test)" in text
    assert "| RAM MB |" in text.replace(" | RAM MB | status |", " | RAM MB |")
    assert "9 cases: 9 verified, 0 failed, 0 skipped." in text
    plots = sorted(p.name for p in (folder / "plots").glob("*.png"))
    assert any(name.endswith("__scaling.png") for name in plots)  # speedup against n
    assert any(name.endswith("__memory.png") for name in plots)
    assert sum("__n-" in name and "memory" not in name for name in plots) == 3
    formula = next(r for r in outcome if r.case == "formula" and r.params == {"n": 16000})
    assert formula.book_speedup == 500
    assert next(r for r in outcome if r.case == "formula" and r.params == {"n": 1000}).book_speedup is None


def test_plot_titles_are_wrapped_to_the_figure():
    title = report._title(
        "07_compiling · a workload with a very long name indeed, longer than a line "
        "[width=1000, iterations=300, size=book]"
    )
    assert len(title.splitlines()) > 1
    assert all(len(line) <= 64 for line in title.splitlines())


def test_the_report_links_the_gallery_when_there_is_one(toy_run, tmp_path):
    folder, outcome, info = toy_run
    headline = report.headline_rows(outcome, info["headlines"])
    gallery = tmp_path / "figures" / "index.html"
    assert report._gallery_link(folder, gallery) is None  # none drawn yet
    assert "the gallery" not in report.render_markdown(info, headline, [], outcome)
    gallery.parent.mkdir()
    gallery.write_text("<html></html>")
    link = report._gallery_link(folder, gallery)
    assert (folder / link).resolve() == gallery.resolve()
    assert f"[the gallery]({link})" in report.render_markdown(info, headline, [], outcome, link)
    assert f'<a href="{link}">the gallery</a>' in report.render_html(info, headline, [], outcome, link)


def test_html_report_embeds_its_plots(toy_run):
    folder, outcome, info = toy_run
    page = (folder / "report.html").read_text()
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("data:image/png;base64,") >= 5
    assert "src='plots/" not in page  # nothing to fetch: it opens offline


def test_html_report_opens_in_headless_chromium(toy_run, tmp_path, needs):
    chromium = needs.program("chromium")
    folder, outcome, info = toy_run
    screenshot = tmp_path / "report.png"
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1200,2000",
        f"--screenshot={screenshot}",
        (folder / "report.html").as_uri(),
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert screenshot.stat().st_size > 10_000
    dom = subprocess.run(
        command[:-2] + ["--dump-dom", (folder / "report.html").as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dom.returncode == 0
    assert '<h2 id="01-toy">01_toy</h2>' in dom.stdout
    assert "Uncaught" not in dom.stderr


def test_compare_two_runs(toy_run, tmp_path):
    folder, outcome, info = toy_run
    data = json.loads((folder / "run.json").read_text())
    for row in data["results"]:
        if row["case"] == "loop" and row["min_s"]:
            row["min_s"] *= 3
            row["median_s"] = row["min_s"]
    other = tmp_path / "runs" / "b"
    other.mkdir(parents=True)
    (other / "run.json").write_text(json.dumps(data))
    rows, only_a, only_b = compare_runs(folder, other)
    verdicts = {(a.params["n"], a.case): verdict for a, *_, verdict in rows}
    assert all(verdicts[(n, "loop")] == "SLOWER" for n in (1000, 4000, 16000))
    assert verdicts[(1000, "formula")] == "same within noise"
    assert not only_a
    assert not only_b
    completed = subprocess.run(
        [sys.executable, "-m", "hpp", "compare", str(folder), str(other)], capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
    assert "SLOWER" in completed.stdout
    assert "changed beyond the noise" in completed.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "hpp", "compare", str(folder), str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2
    assert "no saved run" in missing.stderr


def test_estimate_from_an_earlier_run(toy_run, toy_chapter):
    folder, outcome, info = toy_run
    plan_quick = discover.plan_benchmarks(toy_chapter, "quick")
    seconds, unknown = results.estimate_seconds(plan_quick, "quick", root=folder.parent)
    assert unknown == []
    assert seconds == pytest.approx(sum(r.wall_s for r in outcome))
    plan_book = discover.plan_benchmarks(toy_chapter, "book")
    seconds, unknown = results.estimate_seconds(plan_book, "book", root=folder.parent)
    assert seconds == pytest.approx(4.0 * sum(r.wall_s for r in outcome))
    empty = folder.parent / "empty"
    empty.mkdir(exist_ok=True)
    assert results.estimate_seconds(plan_book, "book", root=empty) == (0.0, ["01_toy · sum of a range"])
