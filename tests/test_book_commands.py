"""The commands the book prints, replayed as a reader types them.

Each chapter README has a section "As the book prints it": fenced blocks whose
info string is ``book``, written as a terminal session a reader compares with
the page by eye. In a block, an optional first line ``cd DIR`` (from the
repository root; default the chapter folder), then ``$ COMMAND`` lines run in
order under bash with the project's environment first on PATH, and the lines
our run prints: each must appear in the combined output, ``…`` standing for
any text (a timing, an address) and a run of spaces for any white space.
``# ...`` lines are comments.

Checks a reader need not read follow the block in an HTML comment, which
Markdown does not show::

    <!-- expect
    ~ REGEX     the regular expression matches somewhere in the output
    ! TEXT      TEXT does not appear
    > TEXT      TEXT appears (as a shown line does)
    -->

``$TMPDIR`` is a folder of the block's own, removed after it.

Every command must exit 0 (or the block's ``rc=N``). ``book slow`` marks a
block that runs for more than a few seconds (the ``slow`` tier). Never a
timing. A block whose command runs a system tool (``pypy3``, ``perf``,
``/usr/bin/time``: a program of ``.ci/system-tools.txt``) skips where that tool
is missing, through ``needs``.
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

FENCE = re.compile(
    r"^```book(?P<info>[^\n]*)\n(?P<body>.*?)^```[ \t]*\n(?:[ \t]*\n)*?(?:<!-- expect\n(?P<expect>.*?)^-->)?",
    re.S | re.M,
)
BIN = Path(sys.executable).parent


@dataclass
class BookBlock:
    readme: Path
    line: int
    folder: Path
    commands: list = field(default_factory=list)
    shown: list = field(default_factory=list)
    present: list = field(default_factory=list)
    patterns: list = field(default_factory=list)
    absent: list = field(default_factory=list)
    returncode: int = 0
    slow: bool = False

    @property
    def id(self):
        where = "README" if self.readme.parent == REPO_ROOT else self.readme.parent.name
        return f"{where}:{self.line}"


def parse_blocks(readme):
    """The ``book`` blocks of one README."""
    text = readme.read_text()
    blocks = []
    for match in FENCE.finditer(text):
        info = match.group("info").split()
        line = text.count("\n", 0, match.start()) + 1
        block = BookBlock(readme, line, readme.parent, slow="slow" in info)
        for word in info:
            if word.startswith("rc="):
                block.returncode = int(word[3:])
        lines = match.group("body").splitlines()
        if lines and lines[0].startswith("cd "):
            block.folder = REPO_ROOT / lines.pop(0)[3:].strip()
        for entry in lines:
            if entry.startswith("$ "):
                block.commands.append(entry[2:])
            elif entry.strip() and not entry.lstrip().startswith("#"):
                block.shown.append(entry.strip())
        for entry in (match.group("expect") or "").splitlines():
            kind, _, rest = entry.partition(" ")
            if kind == ">":
                block.present.append(rest)
            elif kind == "~":
                block.patterns.append(rest)
            elif kind == "!":
                block.absent.append(rest)
            elif entry.strip():
                raise ValueError(f"{readme}:{line}: an expect line starts with >, ~ or !: {entry!r}")
        blocks.append(block)
    return blocks


def shown_pattern(line):
    """The regular expression a shown line stands for: ``…`` is any text, spaces any white space."""
    parts = [r"\s+".join(map(re.escape, piece.split())) for piece in line.split("…")]
    return ".*?".join(parts)


def all_blocks():
    return [
        block
        for readme in [REPO_ROOT / "README.md", *sorted(REPO_ROOT.glob("[0-9][0-9]_*/README.md"))]
        for block in parse_blocks(readme)
    ]


BLOCKS = all_blocks()


def test_every_chapter_replays_the_book():
    """Each chapter README lists the book's commands in an "As the book prints it" section."""
    missing = []
    for readme in sorted(REPO_ROOT.glob("[0-9][0-9]_*/README.md")):
        if "## As the book prints it" not in readme.read_text() or not parse_blocks(readme):
            missing.append(readme.parent.name)
    assert not missing, f"chapters without book command blocks: {missing}"


def test_the_block_parser_reads_every_kind_of_line(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "## As the book prints it\n\n```book slow rc=2\ncd 02_profiling\n"
        "$ python -c 'print(1)'\n# a comment\n  took … seconds\n```\n"
        "<!-- expect\n> 1\n~ ^1$\n! Traceback\n-->\n\n```book\n$ true\n```\n"
    )
    first, second = parse_blocks(readme)
    assert first.folder == REPO_ROOT / "02_profiling"
    assert first.commands == ["python -c 'print(1)'"]
    assert first.shown == ["took … seconds"]
    assert (first.present, first.patterns, first.absent) == (["1"], ["^1$"], ["Traceback"])
    assert first.slow and first.returncode == 2
    assert (second.commands, second.shown, second.patterns) == (["true"], [], [])


def test_a_shown_line_stands_for_the_text_with_any_timing_and_spacing():
    pattern = shown_pattern("calculate_z took … seconds  (x)")
    assert re.search(pattern, "calculate_z  took 8.13 seconds (x)\n")
    assert re.search(pattern, "calculate_z took  seconds (x)")  # … may be empty
    assert not re.search(pattern, "calculate_z took 8.13 minutes (x)")
    assert not re.search(shown_pattern("a.b"), "axb")  # everything else is literal


def test_no_readme_shows_a_test_pattern():
    """What a reader sees is text: the regular expressions live in the hidden expect comments."""
    for block in BLOCKS:
        for line in block.shown:
            assert not re.match(r"[>~!] ", line), f"{block.id}: {line!r} belongs in <!-- expect -->"
            assert "\\d" not in line and "\\s" not in line and "[\\d" not in line, f"{block.id}: {line!r}"


RACE_OUTPUT = """Traceback (most recent call last):
  File "<frozen importlib._bootstrap>", line 1173, in _find_and_load
  File "<frozen importlib._bootstrap>", line 171, in __enter__
  File "<frozen importlib._bootstrap>", line 123, in acquire
KeyError: 139771500029888
"""


@pytest.mark.parametrize(
    "outputs, calls_on_3_11",
    [
        ([RACE_OUTPUT, "ok"], 2),  # the race, then a clean run
        ([RACE_OUTPUT, RACE_OUTPUT, "ok"], 2),  # the race twice: returned as it is
        (["KeyError: 'width'\n", "ok"], 1),  # any other failure: no second run
        (["ok"], 1),
    ],
)
def test_only_the_import_lock_race_is_run_twice(outputs, calls_on_3_11, rerun_on_the_import_lock_race):
    calls = []

    def run():
        calls.append(1)
        text = outputs[len(calls) - 1]
        return subprocess.CompletedProcess([], 0 if text == "ok" else 1, stdout="", stderr=text)

    completed = rerun_on_the_import_lock_race(run)
    expected_calls = calls_on_3_11 if sys.version_info < (3, 12) else 1
    assert len(calls) == expected_calls
    assert completed.stderr == outputs[expected_calls - 1]


def marked(block):
    return pytest.param(block, id=block.id, marks=[pytest.mark.slow] if block.slow else [])


@pytest.fixture
def block_tmpdir():
    """A temporary folder of the block's own, as ``TMPDIR``, removed afterwards.

    Short (under the system's temp folder, not pytest's nested one), because a
    multiprocessing Manager puts its socket there and a socket path has a
    108-character limit.
    """
    folder = tempfile.mkdtemp(prefix="hpp-book-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def system_tools_run(block):
    """The programs of ``.ci/system-tools.txt`` the block runs (``/usr/bin/time`` counts as ``time``)."""
    programs = {check for check in system_tools() if not check.startswith("/")}
    return sorted({Path(word).name for c in block.commands for word in shlex.split(c)} & programs)


@pytest.mark.parametrize("block", [marked(block) for block in BLOCKS])
def test_book_command(block, tmp_path, block_tmpdir, rerun_on_the_import_lock_race, needs):
    assert block.commands, f"{block.id}: a block runs at least one command"
    for program in system_tools_run(block):
        needs.tool(program)
    env = dict(
        os.environ,
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        VIRTUAL_ENV=str(BIN.parent),
        HPP_OUTPUT_DIR=str(tmp_path / "output"),
        MPLBACKEND="Agg",
        PYTHONUNBUFFERED="1",
        TMPDIR=block_tmpdir,
    )
    output = []
    for command in block.commands:
        completed = rerun_on_the_import_lock_race(
            lambda command=command: subprocess.run(
                ["bash", "-c", command],
                cwd=block.folder,
                env=env,
                capture_output=True,
                text=True,
                timeout=900,
                stdin=subprocess.DEVNULL,
            )
        )
        output.append(completed.stdout + completed.stderr)
        assert completed.returncode == block.returncode, (
            f"{block.id}: `{command}` exited {completed.returncode}:\n{output[-1][-3000:]}"
        )
    text = "\n".join(output)
    for shown in block.shown:
        assert re.search(shown_pattern(shown), text), (
            f"{block.id}: {shown!r} not in the output:\n{text[-3000:]}"
        )
    for expected in block.present:
        assert expected in text, f"{block.id}: {expected!r} not in the output:\n{text[-3000:]}"
    for pattern in block.patterns:
        assert re.search(pattern, text, re.M), f"{block.id}: /{pattern}/ not in:\n{text[-3000:]}"
    for unexpected in block.absent:
        assert unexpected not in text, f"{block.id}: {unexpected!r} in the output"


def test_commands_are_shell_words():
    """Each command parses as shell words, so the README shows what a reader can paste."""
    for block in BLOCKS:
        for command in block.commands:
            shlex.split(command)
