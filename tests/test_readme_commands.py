"""Every command a README gives a reader, run at the size written there.

``tests/test_book_commands.py`` replays the ``book`` blocks. This module runs
the rest: the commands of the chapter READMEs' tables of scripts and those of
the READMEs' other code blocks.

**Tables.** In a table whose header has a command column (its header starts
with ``run`` or ``command``), every backticked span of that column that starts
with a program (``python ...``, ``kernprof ...``, ``mprof ...``, ``hpp ...``,
``cd DIR && ...``) is a command; a cell may hold several (``A``, ``B`` or
``A``, then ``B``). A table with no command column gives the spans of any cell
that start with a program. ``[...]`` (optional flags) is left out. A cell that
says ``same`` runs the command above it with this row's script; ``… ARGS`` does
the same with ARGS; ``…/name.py`` is the chapter's one file of that name.
Where the table has a "prints" column, each backticked span of it that reads as
output (it has a space, ``=`` or ``:``, and is no flag, file name, command or
code) must appear in the output: ``…`` or ``...`` stands for any text, a run of
spaces for any white space, and ``N``, ``M``, ``FILE``, ``PORT`` ... (capitals
standing for a value) for one word. "same lines" repeats the row above's.

**Code blocks** (fenced ``bash``/``sh``/``text``/``console`` or indented): in a
block with ``$ `` prompts, each prompted line is a command and the ``In [N]:``
lines after it its standard input (an IPython session); otherwise, in a shell
block, each line (``# ...`` comments dropped; ``cd DIR`` sets the folder of the
lines after it).

**Where and how.** A command runs under bash from a temporary folder of its
own that stands for the folder the README implies (``cd DIR &&``; the
repository root for a path that starts with a chapter folder; else the folder
of the section or of the row's script, else the chapter's): it holds a link to
each of that folder's source files and folders (git's list), so the command
reads them by the names the README writes and whatever it writes (``.lprof``,
``mprofile_*.dat``, ``.coverage``) lands there, with ``HPP_OUTPUT_DIR`` and
``TMPDIR`` beside it: nothing lands in the tree. It must exit 0 within the
timeout. A program of ``.ci/system-tools.txt`` (``pypy3``, ``perf``,
``/usr/bin/time``) or one not installed (``nsqd``, ``docker``) goes through
``needs``, as does PyTorch for a script that requires it.

**What the test changes, in sight.** An HTML comment right after the table or
block (Markdown does not show it; whoever edits the table sees it) says what
the test does differently, one line per command::

    <!-- test
    pi_lists_parallel.py 4 --processes => --nbr_samples_in_total 100000
    serial.py => slow
    jit_julia.py --python PATH => skip: needs a JIT build of CPython (tests/test_01_understanding.py)
    golden_regression.py --write FILE => run: python golden_regression.py --write g.txt
    -->

(or ``<!-- test: KEY => ACTION -->`` for one line). KEY is a command as
written, or text of the commands it applies to (``*``: every command of the
table or block); it must match one at least. ACTION, parts separated by
`` ; ``: flags appended to the command (a smaller size: argparse keeps the last
value), ``slow`` (the ``slow`` tier, ``make test-all``), ``needs torch`` or
``needs PROGRAM``, ``run: COMMAND`` (run that instead, e.g. for a placeholder
such as ``FILE`` or ``HEAD``), ``labels: A | B`` (what the run must print
instead of the cell's labels, ``none`` for nothing), ``skip: REASON`` (not run
here, and why). A command with a placeholder and no ``run:`` or ``skip:``
fails the collector's test.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from hpp.examples import system_tools
from hpp.loader import REPO_ROOT

BIN = Path(sys.executable).parent
PROGRAMS = (
    "python",
    "python3",
    "pypy3",
    "kernprof",
    "mprof",
    "hpp",
    "pytest",
    "scalene",
    "specialist",
    "viztracer",
    "celery",
    "ipython",
    "ipcluster",
    "ipcontroller",
    "ipengine",
    "dask",
    "ppserver",
    "redis-server",
    "make",
    "bash",
    "source",
    "cd",
    "pip",
    "coverage",
)
#: Words that stand for a value the reader supplies: a command holding one needs ``run:`` or ``skip:``.
PLACEHOLDERS = ("PATH", "FILE", "DIR", "HEAD", "SECRET", "NODE", "node1", "PID", "PASSWORD", "BATCH")
#: In a "prints" label, capitals standing for a value: any one word.
LABEL_VALUES = ("N", "NN", "M", "P", "L", "C", "X", "K", "PORT", "FILE", "DIR", "SECRET", "PID")
FILE_NAME = re.compile(
    r"^[\w.*/…-]*\.(png|csv|json|dat|txt|html|bin|saved|svg|lprof|stats|pyx|py|so|log|pkl|pickle|zip|md)$"
)
SHELL_BUILTINS = {"cd", "source", "test", "rm", "grep", "sleep", "wait", "ps", "echo", "true", "ls"}
COMMENT = re.compile(r"^<!-- test(?::(?P<one>.*?)-->|\s*\n(?P<many>.*?)^-->)", re.S | re.M)


@dataclass
class Command:
    text: str  # as the README writes it
    folder: Path  # where its relative paths are read
    args: list = field(default_factory=list)  # flags the test appends (a smaller size)
    run: str = ""  # what the test runs instead
    skip: str = ""
    slow: bool = False
    needs: list = field(default_factory=list)
    labels: list = None  # what the test checks instead of the README's labels (``labels:``)
    stdin: str = ""

    @property
    def command(self):
        """The shell command the test runs (the folder's ``cd DIR &&`` left out)."""
        text = self.run or self.text
        text = re.sub(r"^cd \S+ && ", "", text)
        return " ".join([text, *self.args])

    def placeholders(self):
        words = re.findall(r"\w+", self.text)
        return sorted({w for w in words if w in PLACEHOLDERS})


@dataclass
class Run:
    """The commands of one table cell, or of one code block: run in order in one folder."""

    readme: Path
    line: int
    unit: int  # the table or block it comes from
    commands: list = field(default_factory=list)
    labels: list = field(default_factory=list)  # each must be in the output of the whole run

    @property
    def where(self):
        return "README" if self.readme.parent == REPO_ROOT else self.readme.parent.name

    @property
    def id(self):
        return f"{self.where}:{self.line}:{self.commands[0].text[:60]}"

    @property
    def slow(self):
        return any(c.slow for c in self.commands if not c.skip)

    def checked_labels(self):
        overrides = [c.labels for c in self.commands if c.labels is not None]
        return [label for labels in overrides for label in labels] if overrides else self.labels


# ---------------------------------------------------------------- reading a README


def split_row(line):
    cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
    return [cell.strip().replace("\\|", "|") for cell in cells]


def spans(cell):
    return re.findall(r"`([^`]+)`", cell)


#: The programs a table's span may start with (the cluster programs are commands in code blocks only).
TABLE_PROGRAMS = (
    "python",
    "python3",
    "pypy3",
    "kernprof",
    "mprof",
    "hpp",
    "pytest",
    "scalene",
    "specialist",
    "viztracer",
    "make",
    "ipython",
    "cd",
)


def starts_with_program(span, programs=PROGRAMS):
    words = span.split()
    if not words or (words[0] == "cd" and " && " not in span):
        return False
    return words[0] in programs or words[0].startswith(("python3.", "/usr/bin/", ".venv/bin/"))


def is_label(span):
    """A backticked span of a "prints" cell that reads as output, not as a name."""
    if span.startswith(("-", ".", "$")) or starts_with_program(span) or FILE_NAME.match(span):
        return False
    if span.split()[0].endswith(".py") or not re.search(r"[A-Za-z0-9]", span):
        return False  # a command's words, an operator
    if not re.search(r"[ =:]", span):
        return False  # a name: `zs`, `Hello`, `True`
    if re.match(r"^[\w.]+\(.*\)$", span) and "=" not in span.split(")")[-1]:
        return False  # a call: `np.sqrt(x)`
    return True


def label_pattern(label):
    """The regular expression a label stands for."""
    pieces = []
    for piece in re.split(r"…|\.\.\.", label):
        words = [re.escape(w) for w in piece.split()]
        piece_pattern = r"\s+".join(words)
        for value in LABEL_VALUES:
            piece_pattern = re.sub(rf"(?<![\w\\]){value}(?!\w)", r"\\S+?", piece_pattern)
        pieces.append(piece_pattern)
    return ".*?".join(pieces)


def chapter_of(readme):
    return readme.parent


def find_script(chapter, name):
    """The one file called ``name`` under the chapter folder (None if none or several)."""
    found = [p for p in chapter.rglob(name) if "build" not in p.parts and "__pycache__" not in p.parts]
    return found[0] if len(found) == 1 else None


#: ``python -m`` modules that are tools, not the reader's script.
TOOL_MODULES = (
    "memory_profiler",
    "cProfile",
    "timeit",
    "doctest",
    "coverage",
    "pytest",
    "unittest",
    "pyperf",
)


def script_word(text):
    """The command's first ``*.py`` word (or the module after ``-m``) and its position."""
    words = text.split()
    for index, word in enumerate(words):
        if word.endswith(".py"):
            return index, word
    for index, word in enumerate(words[:-1]):
        if word == "-m" and words[index + 1] not in TOOL_MODULES:
            return index + 1, words[index + 1]
    return None, None


def implied_folder(text, readme, section_folder, row_scripts):
    """The folder the README implies for ``text``'s relative paths."""
    root = REPO_ROOT
    match = re.match(r"^cd (\S+) && ", text)
    if match:
        return root / match.group(1)
    if readme.parent == root:
        return root
    chapter = chapter_of(readme)
    if re.search(r"(^|\s)([0-9][0-9]_\w+|tests)(/|\s|$)", text):
        return root
    _, word = script_word(text)
    if word is None:
        return section_folder or chapter
    name = word if word.endswith(".py") else word + ".py"
    candidates = [section_folder] if section_folder else []
    candidates += [(chapter / s).parent for s in row_scripts] + [chapter]
    for folder in candidates:
        if folder and (folder / name).exists():
            return folder
    found = find_script(chapter, Path(name).name)
    return found.parent if found else (section_folder or chapter)


def expand_ellipsis_path(text, chapter):
    """``python …/kmv.py`` -> ``python 11_less_ram/probabilistic_datastructures/kmv.py``."""

    def replace(match):
        found = find_script(chapter, match.group(1))
        return str(found.relative_to(REPO_ROOT)) if found else match.group(0)

    return re.sub(r"(?:…|\.\.\.)/(\S+\.py)", replace, text)


def expand_names(names):
    """``["a/text_example_dict.py", "…_list.py"]`` -> the abbreviated names written out."""
    full = []
    for name in names:
        match = re.match(r"^(?:…|\.\.\.)(_\S+)$", name)
        if match and full:
            first = full[0]
            stem = first[: first.rfind("_")]
            name = stem + match.group(1)
        full.append(name)
    return full


def row_script_names(cell):
    return expand_names([s for s in spans(cell) if s.endswith(".py")])


def same_as(previous, scripts):
    """The command above, with each of this row's scripts in place of its own."""
    index, word = script_word(previous)
    if word is None:
        return []
    words = previous.split()
    commands = []
    for script in scripts:
        new = list(words)
        new[index] = str(Path(word).parent / Path(script).name) if "/" in word else Path(script).name
        commands.append(" ".join(new))
    return commands


def strip_optional(text):
    return re.sub(r"\s*\[[^\]]*\]", "", text).strip()


def parse_readme(readme):
    """The runs of one README (its ``book`` blocks left out), the test's directives applied."""
    text = readme.read_text()
    lines = text.splitlines()
    chapter = chapter_of(readme)
    runs = []
    ends = []  # (unit, last line): a directive belongs to the unit that ends right before it
    section_folder = None
    unit = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            info = line[3:].strip().split()[:1]
            start = i
            i += 1
            body = []
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            if info in ([], ["bash"], ["sh"], ["shell"], ["text"], ["console"]):
                unit += 1
                runs += block_runs(readme, start + 2, body, info, section_folder, unit)
                ends.append((unit, i + 1))
            i += 1
            continue
        if line.startswith("#"):
            match = re.search(r"\(`([\w./]+)/`\)", line)
            if match:
                section_folder = chapter / match.group(1)
            elif line.startswith("## "):
                section_folder = None
        if line.startswith("|") and i + 1 < len(lines) and re.match(r"^\|[\s|:-]+\|$", lines[i + 1]):
            unit += 1
            header = [h.lower() for h in split_row(line)]
            i += 2
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                rows.append((i + 1, split_row(lines[i])))
                i += 1
            runs += table_runs(readme, header, rows, section_folder, unit)
            ends.append((unit, i))
            continue
        if (
            line.startswith("    ")
            and i > 0
            and not lines[i - 1].strip()
            and starts_with_program(line.strip())
        ):
            unit += 1
            start = i
            body = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                body.append(lines[i][4:])
                i += 1
            runs += block_runs(readme, start + 1, body, ["bash"], section_folder, unit)
            ends.append((unit, i))
            continue
        i += 1
    for match in COMMENT.finditer(text):
        apply_directives(readme, text, match, runs, ends)
    return runs


def block_runs(readme, first_line, body, info, section_folder, unit):
    """A code block: one run of its commands (``$ `` lines, or every line of a shell block)."""
    run = Run(readme, first_line, unit)
    prompted = any(line.startswith("$ ") for line in body)
    folder = None  # set by a ``cd DIR`` line
    for line in body:
        if prompted:
            if line.startswith("$ "):
                previous = run.commands[-1] if run.commands else None
                run.commands.append(block_command(line[2:].strip(), readme, folder, section_folder, previous))
            elif run.commands and re.match(r"^In \[\d+\]: ", line):
                run.commands[-1].stdin += re.sub(r"^In \[\d+\]: ", "", line) + "\n"
            continue
        if info == ["text"]:
            continue
        command = re.sub(r"(^|\s+)#.*$", "", line).strip()
        if not command:
            continue
        if re.match(r"^cd \S+$", command):
            folder = REPO_ROOT / command[3:]
            continue
        previous = run.commands[-1] if run.commands else None
        run.commands.append(block_command(command, readme, folder, section_folder, previous))
    return [run] if run.commands else []


def block_command(text, readme, folder, section_folder, previous=None):
    """A command of a code block; one that names no path runs where the one above it ran."""
    names_a_path = script_word(text)[1] or re.search(r"(^|\s)([0-9][0-9]_\w+|tests)(/|\s|$)", text)
    if folder is None and previous is not None and not names_a_path and not text.startswith("cd "):
        folder = previous.folder
    return Command(text, folder or implied_folder(text, readme, section_folder, []))


def table_runs(readme, header, rows, section_folder, unit):
    """A table: one run per cell that holds commands."""
    chapter = chapter_of(readme)
    run_column = next((n for n, h in enumerate(header) if h.startswith(("run", "command"))), None)
    prints_column = next(
        (n for n, h in enumerate(header) if h.startswith(("prints", "what it prints"))), None
    )
    runs = []
    previous = None  # the last command of the row above
    previous_labels = []
    for number, cells in rows:
        scripts = row_script_names(cells[0]) if cells else []
        labels = []
        if run_column is not None and prints_column is not None and prints_column < len(cells):
            cell = cells[prints_column]
            if re.match(r"^(the )?same lines", cell):
                labels += previous_labels
            labels += [s for s in spans(cell) if is_label(s)]
        cells_with_commands = (
            [cells[run_column]] if run_column is not None and run_column < len(cells) else cells
        )
        if run_column is None:
            labels = []
        for cell in cells_with_commands:
            texts = cell_commands(cell, previous, scripts, run_column is not None)
            if not texts:
                continue
            run = Run(readme, number, unit, labels=list(labels))
            for text in texts:
                text = strip_optional(expand_ellipsis_path(text, chapter))
                run.commands.append(Command(text, implied_folder(text, readme, section_folder, scripts)))
            runs.append(run)
            previous = texts[-1]
            previous_labels = labels
    return runs


def cell_commands(cell, previous, scripts, command_column):
    """The commands of one cell, in order (``same``, ``… ARGS`` and ``then --flag`` written out)."""
    texts = []
    if command_column and re.match(r"^same\b", cell) and previous:
        texts += same_as(previous, scripts)
    position = 0
    for match in re.finditer(r"`([^`]+)`", cell):
        span, between = match.group(1), cell[position : match.start()]
        position = match.end()
        if not command_column:
            if starts_with_program(span, TABLE_PROGRAMS):
                texts.append(span)
        elif re.match(r"^(…|\.\.\.) ", span) and previous:
            texts += [f"{t} {span[2:].strip()}" for t in same_as(previous, scripts[:1])]
        elif span.startswith("-") and texts and (re.search(r"\bthen\b", between) or len(span.split()) > 1):
            index, _ = script_word(texts[-1])  # `A`, then `--flag B`; or a variant `--flag B`
            texts.append(" ".join([*texts[-1].split()[: index + 1], span]))
        elif starts_with_program(span, TABLE_PROGRAMS):
            texts.append(span)
    return texts


def apply_directives(readme, text, match, runs, ends):
    line = text.count("\n", 0, match.start()) + 1
    before = [u for u, last in ends if last < line]
    if not before:
        raise ValueError(f"{readme}:{line}: a test comment comes after no table or block")
    unit = before[-1]
    commands = [c for run in runs if run.unit == unit for c in run.commands]
    body = match.group("one") if match.group("one") is not None else match.group("many")
    for entry in body.splitlines():
        if not entry.strip():
            continue
        key, arrow, action = entry.partition("=>")
        key, action = key.strip(), action.strip()
        if not arrow or not key or not action:
            raise ValueError(f"{readme}:{line}: a test line reads 'COMMAND TEXT => ACTION': {entry!r}")
        exact = [c for c in commands if c.text == key]  # a command that is a prefix of another
        targets = exact or [c for c in commands if key == "*" or key in c.text]
        if not targets:
            raise ValueError(f"{readme}:{line}: no command of the table or block above has {key!r}")
        for command in targets:
            apply_action(command, action, f"{readme}:{line}")


def apply_action(command, action, where):
    if action.startswith("skip:"):
        command.skip = action[5:].strip()
        return
    for part in action.split(" ; "):
        part = part.strip()
        if part == "slow":
            command.slow = True
        elif part.startswith("needs "):
            command.needs.append(part[6:].strip())
        elif part.startswith("run:"):
            command.run = part[4:].strip()
        elif part.startswith("labels:"):
            listed = part[7:].strip()
            command.labels = [] if listed == "none" else [label.strip() for label in listed.split(" | ")]
        elif part:
            command.args.append(part)
        else:
            raise ValueError(f"{where}: an empty action")


def readmes():
    return [REPO_ROOT / "README.md", *sorted(REPO_ROOT.glob("[0-9][0-9]_*/README.md"))]


def all_runs():
    return [run for readme in readmes() for run in parse_readme(readme)]


RUNS = all_runs()


# ---------------------------------------------------------------- running one


def source_paths(root=REPO_ROOT):
    """The repository's own files and folders (git's list): what a command may read from the tree.

    A file a command writes (``profile.stats``, ``*.lprof``) may lie in the tree from an earlier
    run, git-ignored: it is no source, and the command writes its own in the temporary folder.
    """
    try:
        listed = subprocess.run(
            ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return None  # not a checkout: every file counts
    paths = set()
    for name in listed:
        path = root / name
        paths.add(path)
        paths.update(path.parents)
    return paths


SOURCES = source_paths()


def link_sources(folder, work):
    """``work`` as the reader's ``folder``: a link to each of its source files and folders.

    The command reads them by the names the README writes; what it writes lands in ``work``.
    Python resolves a linked script, so its neighbours and built modules import from the tree.
    """
    work.mkdir(parents=True, exist_ok=True)
    for entry in sorted(folder.iterdir()):
        if SOURCES is None or entry in SOURCES or entry == BIN.parent:
            link = work / entry.name
            if not link.exists():
                link.symlink_to(entry)
    reader_venv = work / ".venv"  # the README's name for the environment this suite runs in
    if folder == REPO_ROOT and not reader_venv.exists():
        reader_venv.symlink_to(BIN.parent)
    return work


def programs_run(command):
    """Each program the shell command starts (the first word of each ``&&``/``;``/``|`` part)."""
    programs = []
    for part in re.split(r"&&|;|\|\|?|&", command):
        try:
            words = shlex.split(part)
        except ValueError:
            words = part.split()
        words = [w for w in words if not re.match(r"^\w+=", w)]
        if words:
            programs.append(words[0])
    return programs


def torch_required(command, folder):
    """True when the command's script (or a ``_`` helper it imports) requires PyTorch."""
    _, word = script_word(command)
    if word is None or not word.endswith(".py"):
        return False
    script = Path(word) if Path(word).is_absolute() else folder / word
    if not script.is_file():
        return False
    texts = [script.read_text()]
    for helper in re.findall(r"^(?:from|import) (_\w+)", texts[0], re.M):
        if (script.parent / f"{helper}.py").is_file():
            texts.append((script.parent / f"{helper}.py").read_text())
    return any(re.search(r"require_torch\(|device_from_flag\(", t) for t in texts)


def installed(program, folder):
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    return bool(shutil.which(program, path=path)) or (folder / program).exists()


def check_needs(command, needs):
    shell_command = command.command
    tools = {check for check in system_tools() if not check.startswith("/")}
    for name in command.needs:
        if name == "torch":
            needs.torch()
        else:
            needs.program(name)
    for program in programs_run(shell_command):
        name = Path(program).name
        if name in tools:
            needs.tool(name)
        elif name not in SHELL_BUILTINS and not installed(program, command.folder):
            needs.program(name)
    if torch_required(shell_command, command.folder):
        needs.torch()


TIMEOUT = 300  # seconds: a command of the first tier takes a few at most
SLOW_TIMEOUT = 1200


def marked(run):
    marks = [pytest.mark.slow, pytest.mark.timeout(SLOW_TIMEOUT * 2)] if run.slow else []
    return pytest.param(run, id=run.id, marks=marks)


@pytest.fixture
def run_tmpdir():
    """A short temporary folder (a multiprocessing Manager's socket path has a 108-character limit)."""
    folder = tempfile.mkdtemp(prefix="hpp-readme-")
    yield Path(folder)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("run", [marked(run) for run in RUNS])
def test_readme_command(run, run_tmpdir, rerun_on_the_import_lock_race, needs):
    commands = [c for c in run.commands if not c.skip]
    if not commands:
        pytest.skip(f"{run.id}: " + "; ".join(sorted({c.skip for c in run.commands})))
    for command in commands:
        check_needs(command, needs)
    temp = run_tmpdir / "tmp"
    temp.mkdir()
    output = []
    for command in commands:
        folder = command.folder.relative_to(REPO_ROOT)
        work = link_sources(command.folder, run_tmpdir / "work" / (str(folder).replace("/", "__") or "root"))
        env = dict(
            os.environ,
            PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            VIRTUAL_ENV=str(BIN.parent),
            HPP_OUTPUT_DIR=str(run_tmpdir / "output"),
            MPLBACKEND="Agg",
            PYTHONUNBUFFERED="1",
            TMPDIR=str(temp),
        )
        completed = rerun_on_the_import_lock_race(
            lambda command=command, work=work, env=env: subprocess.run(
                ["bash", "-c", command.command],
                cwd=work,
                env=env,
                capture_output=True,
                text=True,
                timeout=SLOW_TIMEOUT if command.slow else TIMEOUT,
                **({"input": command.stdin} if command.stdin else {"stdin": subprocess.DEVNULL}),
            )
        )
        output.append(completed.stdout + completed.stderr)
        assert completed.returncode == 0, (
            f"{run.id}: `{command.command}` (in {folder}) exited {completed.returncode}:\n"
            f"{output[-1][-3000:]}"
        )
    text = "\n".join(output)
    missing = [label for label in run.checked_labels() if not re.search(label_pattern(label), text)]
    assert not missing, f"{run.id}: the README's labels {missing} are not in the output:\n{text[-3000:]}"


# ---------------------------------------------------------------- the collector


#: How many commands each README gives (its book blocks left out): a row added or lost shows here.
EXPECTED_COUNTS = {
    "README": 6,
    "01_understanding": 11,
    "02_profiling": 29,
    "03_lists_tuples": 10,
    "04_dicts_sets": 13,
    "05_iterators": 6,
    "06_matrix": 10,
    "07_compiling": 4,
    "08_concurrency": 10,
    "09_multiprocessing": 38,
    "10_clusters": 42,
    "11_less_ram": 33,
}


def test_the_collector_finds_every_readmes_commands():
    counts = {}
    for run in RUNS:
        counts[run.where] = counts.get(run.where, 0) + len(run.commands)
    assert counts == EXPECTED_COUNTS


def test_every_placeholder_is_replaced_or_skipped():
    """A command with a value the reader supplies (``FILE``, ``HEAD``) says what the test runs instead."""
    unresolved = [
        f"{run.id}: {command.text}"
        for run in RUNS
        for command in run.commands
        if command.placeholders() and not (command.run or command.skip)
    ]
    advice = "give these a `run:` or `skip:` in a <!-- test --> comment"
    assert not unresolved, advice + ":\n" + "\n".join(unresolved)


def test_the_collector_reads_a_made_up_readme(tmp_path, monkeypatch):
    monkeypatch.setitem(globals(), "REPO_ROOT", tmp_path)  # the made-up repository
    chapter = tmp_path / "99_made_up"
    (chapter / "sub").mkdir(parents=True)
    for name in ("a.py", "b.py", "sub/c.py", "sub/c_two.py", "sub/c_three.py"):
        (chapter / name).write_text("")
    readme = chapter / "README.md"
    readme.write_text(
        "# Made up\n\n"
        "| script | book section | run | prints |\n"
        "|---|---|---|---|\n"
        "| `a.py` | one | `python a.py --size 10` (or `--size 20 --fast`) "
        "| `total = N`, `zs`, `a.png`, `--flag` |\n"
        "| `b.py` | two | `python b.py [--optional]`, then `--check FILE` | the same lines, `b: 1` |\n"
        "| `sub/c.py` | three | `cd 99_made_up/sub && python c.py 4` | `x = 1 ... y` |\n"
        "| `sub/c_two.py`, `…_three.py` | four | same | |\n"
        "| `sub/c.py` | five | `python …/c.py`; `kernprof -l -v c.py` | |\n"
        "<!-- test\n"
        "a.py --size 10 => --size 1 ; slow\n"
        "--check FILE => run: python b.py --check out.txt\n"
        "kernprof => skip: a reason\n"
        "-->\n\n"
        "```bash\n# a comment\ncd 99_made_up/sub\npython c.py   # trailing comment\n```\n\n"
        "```text\n$ cd 99_made_up && ipython\nIn [1]: import a\nIn [2]: %timeit a\n```\n"
        "<!-- test: ipython => needs torch -->\n\n"
        "```book\n$ python a.py\n```\n\n"
        "```python\nprint('not a command')\n```\n"
    )
    runs = parse_readme(readme)
    assert [(r.line, [c.text for c in r.commands]) for r in runs] == [
        (5, ["python a.py --size 10", "python a.py --size 20 --fast"]),
        (6, ["python b.py", "python b.py --check FILE"]),
        (7, ["cd 99_made_up/sub && python c.py 4"]),
        (8, ["cd 99_made_up/sub && python c_two.py 4", "cd 99_made_up/sub && python c_three.py 4"]),
        (9, ["python 99_made_up/sub/c.py", "kernprof -l -v c.py"]),
        (17, ["python c.py"]),
        (23, ["cd 99_made_up && ipython"]),
    ]
    first, second, third, _fourth, fifth, block, session = runs
    assert first.labels == ["total = N"]
    assert first.commands[0].command == "python a.py --size 10 --size 1" and first.slow
    assert not first.commands[1].slow
    assert second.labels == ["total = N", "b: 1"]
    assert second.commands[1].command == "python b.py --check out.txt"
    assert (
        third.commands[0].folder == tmp_path / "99_made_up/sub"
        and third.commands[0].command == "python c.py 4"
    )
    assert fifth.commands[0].folder == tmp_path and fifth.commands[1].folder == chapter / "sub"
    assert fifth.commands[1].skip == "a reason" and not fifth.commands[0].skip
    assert block.commands[0].folder == tmp_path / "99_made_up/sub"
    assert session.commands[0].stdin == "import a\n%timeit a\n" and session.commands[0].needs == ["torch"]
    assert session.commands[0].folder == chapter


def test_a_label_stands_for_its_text_with_any_value():
    assert re.search(label_pattern("total = N of M"), "total = 12 of 40")
    assert re.search(label_pattern("took … s (…x)"), "took 1.5 s (2.0x)")
    assert re.search(label_pattern("Estimated pi 3.14..."), "Estimated pi 3.14159")
    assert not re.search(label_pattern("total = N"), "total: 12")
    assert not re.search(label_pattern("a.b"), "axb")
    assert [
        s for s in ["`zs`", "`a.png`", "`--flag x`", "`python a.py`", "`x = 1`", "`==`"] if is_label(s[1:-1])
    ] == ["`x = 1`"]


def test_a_command_reads_the_folders_sources_and_writes_in_its_own(tmp_path, monkeypatch):
    folder = tmp_path / "chapter"
    folder.mkdir()
    (folder / "a.py").write_text("")
    (folder / "profile.stats").write_text("")  # an earlier run's output: the command writes its own
    monkeypatch.setitem(globals(), "SOURCES", {folder, folder / "a.py"})
    work = link_sources(folder, tmp_path / "work")
    assert sorted(p.name for p in work.iterdir()) == ["a.py"]
    assert (work / "a.py").resolve() == folder / "a.py"
