"""Every option of every example script refuses a bad value at once: one line, exit 2.

The script is imported in this process and its ``main`` is called with the
flags of its test run (``tests/example_scripts.toml``); ``ArgumentParser.parse_args``
is intercepted, so the parser is captured and no work starts. Then, after those
flags (so that required options are present), every option that takes a value is parsed
with values that are wrong for it (``abc``, ``-1``, ``1e400``, ``nan``, a folder
that cannot be written, a missing file, an address where nothing answers, an
unknown choice). Each must end in ``SystemExit(2)`` with one line on stderr
that names the flag, never a traceback: validation lives in the parser's types,
so it happens before any work.
"""

import argparse
import contextlib
import importlib.util
import io
import math
import re
from pathlib import Path

import pytest

from hpp.examples import NOT_SET, all_example_scripts, requirements, smoke_args
from hpp.loader import REPO_ROOT, load_example

SCRIPTS = all_example_scripts()

UNWRITABLE = "/proc/hpp-cannot-write-here/folder"  # /proc refuses mkdir, even for root
MISSING_FILE = "/proc/hpp-no-such-file.txt"  # absent, and nothing can create it
DEAD_ADDRESS = "http://127.0.0.1:9"  # the discard port: nothing listens there
GENERIC_BAD = ["abc", "-1", "0", "1e400", "nan", "", UNWRITABLE, MISSING_FILE, DEAD_ADDRESS]


REAL_PARSE_ARGS = argparse.ArgumentParser.parse_args


class ParserCaptured(Exception):
    def __init__(self, parser):
        self.parser = parser


def capture_parser(script):
    """The parser that ``script``'s ``main`` builds, before it parses anything."""
    module = load_example(script)
    assert hasattr(module, "main"), "an example script has a main(argv=None)"

    def intercept(self, *args, **kwargs):
        raise ParserCaptured(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(argparse.ArgumentParser, "parse_args", intercept)
        patch.setattr(argparse.ArgumentParser, "parse_known_args", intercept)
        base = smoke_args(script)
        try:
            module.main(list(base) if base not in (None, NOT_SET) else [])
        except ParserCaptured as captured:
            captured.parser.hpp_base_argv = list(base) if base not in (None, NOT_SET) else []
            return captured.parser
        except SystemExit as stop:
            pytest.fail(f"main exited ({stop.code}) before parsing its arguments")
    pytest.fail("main returned without parsing its arguments with argparse")


def parse(parser, argv):
    """Parse ``argv`` with the real parse_args: (exit code or None, stderr text)."""
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        try:
            REAL_PARSE_ARGS(parser, argv)
        except SystemExit as stop:
            return stop.code, stderr.getvalue()
    return None, stderr.getvalue()


def value_options(parser):
    """The optional arguments that take a value (not flags, not --help)."""
    for action in parser._actions:
        if not action.option_strings or action.nargs == 0:
            continue
        if isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            continue
        yield action


def must_refuse(action):
    """The values this option must refuse, from its type, choices and default."""
    name = getattr(action.type, "__name__", "") if action.type else ""
    flag = action.option_strings[-1]
    default = action.default
    if action.choices is not None:
        return ["no-such-choice-hpp"]
    refused = []
    if action.type is None or action.type is str:
        return refused  # free text: reported by test_no_option_takes_unchecked_text
    if isinstance(default, bool):
        return refused
    if isinstance(default, int) or "int" in name or name == "seed":
        refused += ["abc", "1e400", "nan"]
        if not (isinstance(default, int) and default < 0):
            refused.append("-1")
    elif isinstance(default, float) or "float" in name or name == "fraction":
        refused += ["abc", "nan", "1e400"]
        if not (isinstance(default, float) and default < 0) and name != "finite_float":
            refused.append("-1")
    if "dir" in name or "folder" in name or "output" in flag:
        refused.append(UNWRITABLE)
    if "file" in name:
        refused.append(MISSING_FILE)
    if "address" in name or "url" in name:
        refused.append(DEAD_ADDRESS)
    return refused


def script_id(path):
    return str(path.relative_to(REPO_ROOT))


@pytest.fixture
def script_parser(request, monkeypatch, tmp_path, needs):
    script = request.param
    monkeypatch.setenv("HPP_OUTPUT_DIR", str(tmp_path / "output"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.chdir(tmp_path)  # a value taken as a folder name is made here
    for module in requirements(script)[0]:
        if importlib.util.find_spec(module) is None:
            needs.torch() if module == "torch" else needs.module(module)
    return capture_parser(script)


@pytest.mark.parametrize("script_parser", SCRIPTS, ids=script_id, indirect=True)
def test_every_option_refuses_bad_values_in_one_line(script_parser):
    parser = script_parser
    problems = []
    for action in value_options(parser):
        flag = action.option_strings[-1]
        refused = set(must_refuse(action))
        for value in GENERIC_BAD + sorted(refused - set(GENERIC_BAD)):
            try:
                code, stderr = parse(parser, [*parser.hpp_base_argv, f"{flag}={value}"])
            except Exception as error:  # a traceback a reader would see
                problems.append(f"{flag} {value!r}: {type(error).__name__}: {error}")
                continue
            lines = [line for line in stderr.splitlines() if line.strip()]
            if code is None:
                if value in refused:
                    problems.append(f"{flag} {value!r} is accepted")
                continue
            if code != 2:
                problems.append(f"{flag} {value!r}: exit {code}, not 2")
            elif len(lines) != 1:
                problems.append(f"{flag} {value!r}: {len(lines)} lines on stderr, not 1")
            elif not any(option in lines[0] for option in action.option_strings):
                problems.append(f"{flag} {value!r}: the message does not name the flag: {lines[0]}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("script_parser", SCRIPTS, ids=script_id, indirect=True)
def test_no_option_takes_unchecked_text(script_parser):
    """Free text reaches the code unchecked: every value has a validating type or choices."""
    unchecked = [
        action.option_strings[-1]
        for action in value_options(script_parser)
        if action.choices is None and action.type in (None, str)
    ]
    assert not unchecked, f"options without a validating type or choices: {unchecked}"


def test_the_bad_values_are_bad():
    """The probes themselves: the folder cannot be made, the file and the server are absent."""
    with pytest.raises(OSError):
        Path(UNWRITABLE).mkdir(parents=True)
    assert not Path(MISSING_FILE).exists()
    assert math.isinf(float("1e400"))


# ---------------------------------------------------------------- one vocabulary

#: What a qualifier after a flag in CONTRIBUTING's "not" column means: the action it forbids.
QUALIFIERS = {
    "": lambda action: True,
    "N": lambda action: action.nargs != 0 and action.choices is None and _counts(action),
    "as a switch": lambda action: action.nargs == 0,
    "as a choice": lambda action: action.choices is not None,
    "in ms": lambda action: re.search(r"\bms\b|millisecond", action.help or "") is not None,
    "for anything else": lambda action: "timeit" not in (action.help or ""),
}


def _counts(action):
    """Whether an option takes one whole number (a count), not a list or a name."""
    return action.type is int or getattr(action.type, "__name__", "") in {"positive_int", "non_negative_int"}


def vocabulary_table(path=REPO_ROOT / "CONTRIBUTING.md"):
    """``{concept: (the flags, [(forbidden flag, qualifier), ...])}`` from the shared-flags table."""
    table = {}
    for line in Path(path).read_text().splitlines():
        row = line.strip().strip("|") if line.startswith("| ") else ""
        cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)] if row else []
        if len(cells) != 3 or cells[0] == "concept":
            continue
        forbidden = []
        for part in re.split(r",\s*(?=`)", cells[2]):
            for flag in re.findall(r"`(--[a-z-_]+)( N)?`", part):
                qualifier = "N" if flag[1] else part[part.rindex("`") + 1 :].strip()
                forbidden.append((flag[0], qualifier))
            if "/" in part and "`--" in part:  # "`--delay`/`--delays` in ms"
                qualifier = part[part.rindex("`") + 1 :].strip()
                forbidden = [(flag, qualifier) if flag in part else (flag, q) for flag, q in forbidden]
        table[cells[0]] = (cells[1], forbidden)
    return table


def test_the_vocabulary_table_is_read_whole():
    table = vocabulary_table()
    assert len(table) >= 15
    forbidden = dict(flag for _, flags in table.values() for flag in flags)
    assert forbidden["--tasks"] == "" and forbidden["--processes"] == "N"
    assert forbidden["--threads"] == "as a switch" and forbidden["--size"] == "as a choice"
    assert forbidden["--delays"] == "in ms" and forbidden["--number"] == "for anything else"
    assert set(forbidden.values()) <= set(QUALIFIERS), "a qualifier the test does not know"


@pytest.mark.parametrize("script_parser", SCRIPTS, ids=script_id, indirect=True)
def test_the_flags_follow_the_vocabulary(script_parser):
    """No flag is spelt as CONTRIBUTING's table says not to; ``--start-method`` comes from its helper."""
    rules = [
        (flag, qualifier, concept)
        for concept, (_, flags) in vocabulary_table().items()
        for flag, qualifier in flags
    ]
    problems = []
    for action in script_parser._actions:
        for flag, qualifier, concept in rules:
            if flag in action.option_strings and QUALIFIERS[qualifier](action):
                spelt = f"{flag} {qualifier}".strip()
                problems.append(f"{spelt}: '{concept}' has another flag (CONTRIBUTING.md's table)")
        if "--start-method" in action.option_strings and not getattr(action, "hpp_shared", False):
            problems.append("--start-method: declare it with hpp.script.add_start_method_argument")
    assert not problems, "\n".join(problems)
