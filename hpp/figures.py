"""``hpp figures``: the book's figures that code can draw, drawn on this machine.

A chapter lists its figures in ``_figures.py`` as ``FIGURES = [Figure(...), ...]``.
For each one, ``hpp figures`` runs ``python SCRIPT ARGS --output-dir TMP`` from
the chapter folder (several at once, each with a time limit), copies the PNG
the script wrote to ``results/figures/fig-CC-NN-SLUG.png`` and writes
``index.html`` and ``index.md`` listing each figure, the command that draws it
and the book's caption. A figure whose script fails (or writes no PNG) is
listed as failed with its command and the end of its output, and the command
exits with status 1.
"""

import importlib.util
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from hpp.loader import REPO_ROOT, load_example

GALLERY = REPO_ROOT / "results" / "figures"


@dataclass(frozen=True)
class Figure:
    """One figure of the book and the script that draws it on this machine."""

    number: str  # the book's number, "2-6"; the chapter alone, "6", where our texts do not give it
    slug: str  # a short name for the file, "mprof"
    script: str  # relative to the chapter folder
    output: str  # the PNG the script writes, relative to its --output-dir
    caption: str  # the book's caption, in short
    args: list[str] = field(default_factory=list)  # sizes that run in well under a minute
    requires: tuple[str, ...] = ()  # optional modules (torch): without them it is skipped, not failed

    @property
    def file_name(self):
        """``fig-02-06-mprof.png`` for figure 2-6; ``fig-06-SLUG.png`` when only the chapter is known."""
        chapter, _, index = self.number.partition("-")
        if not index:
            return f"fig-{int(chapter):02d}-{self.slug}.png"
        return f"fig-{int(chapter):02d}-{index.zfill(2)}-{self.slug}.png"

    @property
    def title(self):
        """``Figure 2-6``, or ``Chapter 6 figure`` when the book's number is not known here."""
        if "-" in self.number:
            return f"Figure {self.number}"
        return f"Chapter {self.number} figure (its number in the book is not in our reference texts)"


@dataclass
class Drawn:
    """What happened when one figure's script ran."""

    chapter: Path
    figure: Figure
    ok: bool
    seconds: float
    message: str = ""  # why it failed: the exit status and the end of its output
    skipped: bool = False  # an optional package is missing; ``message`` names it

    @property
    def command(self):
        """The command a reader runs (from the repository root) to draw it."""
        args = " ".join(shlex.quote(a) for a in self.figure.args)
        return (
            f"cd {self.chapter.name} && python {shlex.quote(self.figure.script)}"
            f"{' ' + args if args else ''} --output-dir DIR"
        )


def load_figures(chapter):
    """The ``FIGURES`` of ``CHAPTER/_figures.py`` (empty list when it has none)."""
    path = Path(chapter) / "_figures.py"
    return list(load_example(path).FIGURES) if path.is_file() else []


def draw(chapter, figure, output, timeout=180.0):
    """Run one figure's script in a temporary folder and copy its PNG into ``output``."""
    chapter, target = Path(chapter), Path(output) / figure.file_name
    started = time.perf_counter()
    missing = [name for name in figure.requires if importlib.util.find_spec(name) is None]
    if missing:
        target.unlink(missing_ok=True)
        why = f"needs {', '.join(missing)}: pip install -e '.[gpu]'"
        return Drawn(chapter, figure, False, 0.0, why, skipped=True)
    with tempfile.TemporaryDirectory(prefix="hpp-figure-") as folder:
        command = [sys.executable, figure.script, *figure.args, "--output-dir", folder]
        env = dict(os.environ, MPLBACKEND="Agg", HPP_OUTPUT_DIR=folder, PYTHONUNBUFFERED="1")
        process = subprocess.Popen(
            command,
            cwd=chapter,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        try:
            text, _ = process.communicate(timeout=timeout)
            problem = f"exit status {process.returncode}" if process.returncode else ""
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the script and any workers it started
            text, _ = process.communicate()
            problem = f"timed out after {timeout:g} s"
        png = Path(folder) / figure.output
        if not problem and not (png.is_file() and png.stat().st_size > 0):
            problem = f"the script wrote no {figure.output}"
        if problem:
            target.unlink(missing_ok=True)  # no stale picture beside a failure
            tail = " | ".join(line for line in (text or "").strip().splitlines()[-3:])
            return Drawn(
                chapter,
                figure,
                False,
                time.perf_counter() - started,
                f"{problem}: {tail}" if tail else problem,
            )
        shutil.copyfile(png, target)
    return Drawn(chapter, figure, True, time.perf_counter() - started)


def draw_all(chapters, output, jobs=1, timeout=180.0, stream=None):
    """Draw every figure of ``chapters`` (``jobs`` scripts at once); returns Drawn in book order."""
    stream = stream or sys.stderr
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    work = [(chapter, figure) for chapter in chapters for figure in load_figures(chapter)]
    done = []

    def one(item):
        drawn = draw(*item, output, timeout)
        done.append(drawn)
        if drawn.ok:
            outcome = f"{drawn.seconds:.1f} s"
        else:
            outcome = f"{'skipped' if drawn.skipped else 'FAILED'} ({drawn.message})"
        stream.write(
            f"[{len(done):>2}/{len(work)}] figure {drawn.figure.number} {drawn.figure.slug}: {outcome}\n"
        )
        stream.flush()
        return drawn

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, work))


def write_index(output, drawn):
    """Write ``index.html`` and ``index.md`` in ``output``; returns the HTML page's path."""
    import jinja2

    output = Path(output)
    rows = [
        {
            "number": d.figure.number,
            "title": d.figure.title,
            "caption": d.figure.caption,
            "file": d.figure.file_name,
            "script": f"{d.chapter.name}/{d.figure.script}",
            "command": d.command,
            "ok": d.ok,
            "skipped": d.skipped,
            "message": d.message,
            "seconds": f"{d.seconds:.1f}",
        }
        for d in drawn
    ]
    failed = sum(not d.ok and not d.skipped for d in drawn)
    skipped = sum(d.skipped for d in drawn)
    summary = f"{len(drawn)} figures: {len(drawn) - failed - skipped} drawn, {failed} failed."
    if skipped:
        summary += f" {skipped} skipped (an optional package is missing)."
    page = jinja2.Environment(autoescape=True).from_string(INDEX_TEMPLATE).render(rows=rows, summary=summary)
    (output / "index.html").write_text(page)
    lines = ["# The book's figures, drawn on this machine", "", summary, ""]
    for row in rows:
        lines += [f"## {row['title']}: {row['caption']}", ""]
        if row["ok"]:
            lines += [f"![{row['title']}]({row['file']})", ""]
        elif row["skipped"]:
            lines += [f"**Not drawn**: {row['message']}", ""]
        else:
            lines += [f"**FAILED**: {row['message']}", ""]
        lines += [f"Drawn by `{row['script']}`: `{row['command']}`", ""]
    (output / "index.md").write_text("\n".join(lines))
    return output / "index.html"


INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The book's figures</title>
<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}
figure{margin:2em 0}img{max-width:100%;border:1px solid #ddd}
code{background:#f4f4f4;padding:1px 4px}.FAILED{color:#b00;font-weight:bold}</style></head><body>
<h1>The book's figures, drawn on this machine</h1>
<p>{{ summary }}</p>
{% for row in rows %}<figure id="fig-{{ row.number }}">
<h2>{{ row.title }}</h2>
{% if row.ok %}<img src="{{ row.file }}" alt="{{ row.title }}">
{% elif row.skipped %}<p>Not drawn: {{ row.message }}</p>
{% else %}<p class="FAILED">FAILED: {{ row.message }}</p>{% endif %}
<figcaption>{{ row.caption }}<br>Drawn by <code>{{ row.script }}</code> ({{ row.seconds }} s):
<code>{{ row.command }}</code></figcaption></figure>
{% endfor %}</body></html>
"""


def command(chapters, output=GALLERY, jobs=1, timeout=180.0):
    """``hpp figures``: draw, index, and return the exit status (1 if any figure failed)."""
    drawn = draw_all(chapters, output, jobs, timeout)
    if not drawn:
        print("hpp figures: no chapter lists figures (_figures.py)", file=sys.stderr)
        return 2
    index = write_index(output, drawn)
    failed = [d for d in drawn if not d.ok and not d.skipped]
    for d in failed:
        print(f"FAILED figure {d.figure.number} ({d.message})\n    rerun: {d.command}", file=sys.stderr)
    drawn_ok = sum(d.ok for d in drawn)
    print(f"gallery: {index} ({drawn_ok} of {len(drawn)} figures drawn)")
    return 1 if failed else 0
