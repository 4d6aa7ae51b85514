"""The tour's report: headline, tables, plots, book figures, the HTML page, ``hpp compare``, the estimate."""

import html
import json
import re
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

    def no_gpu(params):
        return "needs PyTorch: pip install -e '.[gpu]' (the gpu extra; the CPU-only build works too)"

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
                Case("on the GPU", run=lambda p: None, requires=no_gpu),
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
        'sum of a range,on the GPU,"{""n"": 16000}",40,3e,Table 98 (invented for the test)\n'
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
    assert "| RAM MB | status | note |" in text
    # a skipped case: the headline says why in short, the chapter's table in full, beside the status
    assert "|  | on the GPU |  | 40x | skipped | - | needs PyTorch |" in text
    assert (
        "| skipped | needs PyTorch: pip install -e '.[gpu]' (the gpu extra; the CPU-only build works too) |"
        in text
    )
    # the verdict first, then the contents (linked to the sections), then the headline table
    verdict = "**12 cases: 9 verified, 0 failed, 3 skipped.**"
    assert text.index("# Benchmark report") < text.index(verdict) < text.index("Contents:")
    assert text.index("Contents:") < text.index("## The book's ladders and this machine's")
    assert "Why skipped: needs PyTorch (3) (in full in the chapters' tables)." in text
    assert "- [01_toy](#01_toy): [sum of a range](#sum-of-a-range)" in text
    assert "\n## 01_toy\n" in text
    assert "\n### sum of a range\n" in text
    assert "threads: {" not in text
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


# Measures the page as laid out, then writes what it found into the page for --dump-dom to show.
LAYOUT_PROBE = """<script>
(() => {
  const box = (element) => element && element.getBoundingClientRect();
  const where = (id) => { const b = box(document.getElementById(id)); return b && [b.top, b.bottom]; };
  const lines = (cell) => { const r = document.createRange(); r.selectNodeContents(cell);
    return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size; };
  const reason = [...document.querySelectorAll("#headline-table td")].find(
    (td) => td.textContent.trim() === "needs PyTorch");
  const wrapped = [...document.querySelectorAll("td:not(.note):not(.text)")].filter((td) => lines(td) > 1);
  const layout = {
    height: innerHeight, width: innerWidth,
    verdict: where("verdict"), contents: where("contents"), headline: where("headline-table"),
    reason: reason && [box(reason).top, box(reason).bottom, box(reason).right],
    wrapped: wrapped.map((td) => td.textContent),
    links: [...document.querySelectorAll("#contents a")].map((a) => a.getAttribute("href")),
    targets: [...document.querySelectorAll("#contents a")].map(
      (a) => !!document.getElementById(a.getAttribute("href").slice(1))),
  };
  const out = document.createElement("pre"); out.id = "layout";
  out.textContent = JSON.stringify(layout); document.body.appendChild(out);
})();
</script>"""


def chromium_command(chromium, tmp_path):
    """Headless Chromium at its default window size, with a throwaway profile and no network."""
    return [
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
    ]


def test_html_report_opens_in_headless_chromium(toy_run, tmp_path, needs):
    chromium = needs.program("chromium")
    folder, outcome, info = toy_run
    screenshot = tmp_path / "report.png"
    command = chromium_command(chromium, tmp_path)
    completed = subprocess.run(
        command + [f"--screenshot={screenshot}", (folder / "report.html").as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert screenshot.stat().st_size > 10_000
    dom = subprocess.run(
        command + ["--dump-dom", (folder / "report.html").as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dom.returncode == 0
    assert '<h2 id="01-toy">01_toy' in dom.stdout
    assert '<h3 id="01-toy--sum-of-a-range">sum of a range</h3>' in dom.stdout
    assert "Uncaught" not in dom.stderr


def test_html_report_top_screen_shows_the_verdict_contents_and_headline(toy_run, tmp_path, needs):
    """At Chromium's default window size the first screen holds, in this order, the verdict,
    the contents (every link leads to a section) and the headline table, down to a skipped
    case's reason; no time, speedup or status wraps onto a second line (text columns may)."""
    chromium = needs.program("chromium")
    folder, outcome, info = toy_run
    page = tmp_path / "report.html"
    page.write_text((folder / "report.html").read_text().replace("</body>", LAYOUT_PROBE + "</body>"))
    dom = subprocess.run(
        chromium_command(chromium, tmp_path) + ["--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r'<pre id="layout">(.*?)</pre>', dom.stdout, re.DOTALL)
    assert found, dom.stdout[-2000:]
    layout = json.loads(html.unescape(found.group(1)))
    height = layout["height"]
    assert 0 <= layout["verdict"][0] < layout["contents"][0] < layout["headline"][0] < height, layout
    assert layout["verdict"][1] <= height and layout["contents"][1] <= height, layout
    assert layout["reason"] is not None, "the headline table gives no reason for the skipped case"
    assert layout["reason"][1] <= height, layout  # the reason is on the first screen
    assert layout["reason"][2] <= layout["width"], layout  # not behind a horizontal scroll bar
    assert layout["wrapped"] == [], layout
    assert "#01-toy--sum-of-a-range" in layout["links"]
    assert all(layout["targets"]), layout
    verdict_text = re.search(r'<div id="verdict"[^>]*>(.*?)</div>', dom.stdout, re.DOTALL).group(1)
    assert "12 cases: 9 verified, 0 failed, 3 skipped." in verdict_text
    assert "needs PyTorch (3)" in verdict_text


def test_compare_two_runs(toy_run, tmp_path):
    toy, outcome, info = toy_run
    # The same run twice with set timings (the toy run's own repeats could be noisier than 3x on
    # a busy machine): every case 1 ms, its median 1% above; then the loop 3x slower.
    data = json.loads((toy / "run.json").read_text())
    for row in data["results"]:
        if row["min_s"]:
            row["min_s"], row["median_s"] = 0.001, 0.00101
    folder = tmp_path / "runs" / "a"
    folder.mkdir(parents=True)
    (folder / "run.json").write_text(json.dumps(data))
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


# ---------------------------------------------------------------- the plots' axes


def case_results(workload, params, speedups):
    """CaseResults of one workload at one parameter set with these speedups (the first is the baseline)."""
    return [
        results.CaseResult(
            "01_toy", workload, f"case {i}", dict(params), min_s=1.0 / s, speedup=s, baseline=i == 0
        )
        for i, s in enumerate(speedups)
    ]


@pytest.fixture
def drawn(monkeypatch, tmp_path):
    """Draw a plot as the report does (``plot_speedups``, ``plot_scaling``...) and return its figure."""
    import matplotlib.pyplot as plt

    figures = []
    monkeypatch.setattr(report, "_save", lambda fig, *args, **kwargs: figures.append(fig) or tmp_path)

    def draw(plot, *args):
        figures.clear()
        plot(tmp_path, *args)
        fig = figures[-1]
        fig.canvas.draw()
        return fig

    yield draw
    plt.close("all")


def labels_in_view(axis):
    """``[(position, text)]`` of the labelled major ticks inside the axis's view."""
    low, high = sorted(axis.get_view_interval())
    return [
        (loc, t.get_text())
        for loc, t in zip(axis.get_majorticklocs(), axis.get_majorticklabels())
        if low - 1e-12 <= loc <= high + 1e-12 and t.get_text() and t.get_visible()
    ]


def assert_no_overlap(fig, axis):
    renderer = fig.canvas.get_renderer()
    texts = [t for _, t in labels_in_view(axis)]
    boxes = [t.get_window_extent(renderer) for t in axis.get_majorticklabels() if t.get_text() in texts]
    boxes.sort(key=lambda b: b.x0 if axis.axis_name == "x" else b.y0)
    for a, b in zip(boxes, boxes[1:]):
        assert not a.overlaps(b), f"tick labels overlap: {texts}"


def test_a_narrow_speedup_span_is_read_on_a_linear_axis_with_several_labels(drawn):
    """1x to 1.6x on a log axis labels only 1x (a 1.32x bar looked like 10x): it is linear now."""
    fig = drawn(report.plot_speedups, case_results("narrow", {"n": 1}, [1.0, 1.32, 1.6]))
    ax = fig.axes[0]
    assert ax.get_xscale() == "linear"
    labels = labels_in_view(ax.xaxis)
    assert len([x for x, _ in labels if 1.0 <= x <= 1.6]) >= 2, labels
    assert "1x" in [text for _, text in labels]
    assert_no_overlap(fig, ax.xaxis)
    # the same span against a size: speedups 1.19x to 1.45x have labelled ticks between them
    groups = [
        case_results("narrow", {"num_items": 30000}, [1.0, 1.45]),
        case_results("narrow", {"num_items": 60000}, [1.0, 1.19]),
    ]
    fig = drawn(report.plot_scaling, groups)
    inside = [text for y, text in labels_in_view(fig.axes[0].yaxis) if 1.0 <= y <= 1.45]
    assert len(inside) >= 3, inside
    assert report.value_scale([1.0, 1.32, 1.6]) == "linear"
    assert report.value_scale([1.0, 75389.5]) == "log"


@pytest.mark.parametrize(
    "speedups",
    [[1.0, 3.6, 22740.0, 75389.5], [1.0, 0.000472], [1.0, 0.0005, 0.002, 5e-05], [1.0, 2.0, 1e9]],
)
def test_a_wide_speedup_span_has_readable_labels_that_do_not_overlap(drawn, speedups):
    """``500x1000x2000x5000x...`` and ``5e-05x0.0001x`` ran together; now a few labels, plain numbers."""
    fig = drawn(report.plot_speedups, case_results("wide", {"n": 1}, speedups))
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    labels = labels_in_view(ax.xaxis)
    assert 3 <= len(labels) <= 9, labels
    assert_no_overlap(fig, ax.xaxis)
    assert not [text for _, text in labels if re.search(r"\de[-+]", text)], labels  # no 5e-05


def test_crowded_labels_are_dropped_before_saving():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 2))
    ax.set_xticks(range(10), [f"label {i}" for i in range(10)])
    report.drop_crowded_labels(fig, [ax.xaxis])
    fig.canvas.draw()
    kept = [text for _, text in report.tick_labels(ax.xaxis)]
    assert kept[0] == "label 0" and 1 < len(kept) < 10, kept
    assert_no_overlap(fig, ax.xaxis)
    plt.close(fig)


def test_tick_values_are_written_as_a_reader_writes_them():
    assert report.number_text(0.0005) == "0.0005"
    assert report.number_text(1.2000000000000002) == "1.2"
    assert report.number_text(10000) == "10,000"
    assert report.number_text(6660000) == "6,660,000"  # not 6.66e+06
    assert report.number_text(5e-05) == r"$5\times10^{-5}$"
    assert report.number_text(1e9) == "$10^{9}$"
    assert report.speedup_text(1.5) == "1.5x"
    assert report.seconds_text(0.012) == "12 ms"
    assert report.seconds_text(5e-4) == "500 µs"


def test_a_parameter_that_names_cases_is_a_categorical_axis(drawn):
    """Chapter 9's three numbers to test for primality are cases, not a scale: no 1e14 offset,
    no two at the same x, no line joining unlike cases."""
    numbers = [112272535095295, 25000000166123, 25000000000013]
    groups = [case_results("prime validation", {"number": n}, [1.0, 0.5, 2.0]) for n in numbers]
    ax = drawn(report.plot_scaling, groups).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(n) for n in numbers]
    assert list(ax.get_xticks()) == [0, 1, 2]
    assert ax.xaxis.get_offset_text().get_text() == ""
    assert all(line.get_linestyle() == "None" for line in ax.get_lines())
    # a size that grows is a scale: a line per case, ticks at the sizes
    sizes = [case_results("sizes", {"n": n}, [1.0, 3.0]) for n in (1000, 4000, 16000)]
    ax = drawn(report.plot_scaling, sizes).axes[0]
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1,000", "4,000", "16,000"]
    assert all(line.get_linestyle() == "-" for line in ax.get_lines())
    assert report.parameter_axis(numbers) == "category"
    assert report.parameter_axis(["A", "C"]) == "category"
    assert report.parameter_axis([100, 105, 10000]) == "category"  # two would sit on one another
    assert report.parameter_axis([1000, 4000, 16000]) == "log"
    assert report.parameter_axis([1, 2, 4]) == "linear"


def test_the_machine_is_described_in_words(toy_run):
    folder, outcome, info = toy_run
    machine = dict(
        info["machine"],
        threads={"OMP_WAIT_POLICY": "PASSIVE", "threadpools": [{"api": "openblas", "threads": 2}]},
        system_check=[
            "Perf event: Set max sample rate to 1",
            "Linux scheduler: Use isolcpus=<cpu list> kernel parameter to isolate CPUs",
            "Linux scheduler: Use rcu_nocbs=<cpu list> kernel parameter (with isolcpus) to not schedule RCU",
        ],
    )
    described = dict(info, machine=machine)
    headline = report.headline_rows(outcome, info["headlines"])
    text = report.render_markdown(described, headline, [], outcome)
    assert "- Threads: BLAS: OpenBLAS, 2 threads; idle OpenMP threads sleep (OMP_WAIT_POLICY=PASSIVE)" in text
    assert '{"' not in text
    assert "isolcpus" not in text  # the advice as one sentence, with where to read how to act on it
    stability = next(line for line in text.splitlines() if line.startswith("- Timing stability:"))
    assert "(perf's sampling rate, no CPU set apart for benchmarks)" in stability
    assert f"]({report.PYPERF_TUNING_URL})" in stability
    page = report.render_html(described, headline, [], outcome)
    assert f'<a href="{report.PYPERF_TUNING_URL}">' in page
    assert "isolcpus" not in page


def test_plots_are_saved_at_150_dpi_and_shown_at_their_size(toy_run):
    folder, outcome, info = toy_run
    plot = next((folder / "plots").glob("*__scaling.png"))
    width = int.from_bytes(plot.read_bytes()[16:20], "big")
    assert width >= 7.5 * 150 * 0.9  # a 7.5-inch figure at 150 dpi
    page = (folder / "report.html").read_text()
    assert f'width="{round(width / 1.5)}"' in page
