"""The shared driver of the word-list examples (chapter 11, "Efficiently Storing Lots of Text in RAM").

Each ``text_example_*.py`` script gives a ``build(words)`` (from an iterator of
fresh strings, as the book reads them from a file) and a ``contains(structure,
word)``; ``run`` measures, in the script's own fresh process:

- RAM used: the growth of the resident set size (psutil) across ``build``,
  the strings included;
- the build time;
- the time of ``--lookups`` lookups of words from the list (each must be found)
  and that a word not in the list is not found.

It prints one result per line (``RAM used = 12.3 MiB``); ``plot_example.py``
and the chapter benchmark run each script in a fresh subprocess and read them.
"""

import codecs
import gc
import re
import subprocess
import sys
import time
from pathlib import Path

from hpp.memory import rss_bytes
from hpp.script import example_parser, fail, positive_int
from hpp.words import add_word_arguments, default_word_file, words_source

HERE = Path(__file__).resolve().parent
MIB = 2**20

# The book's names. Its list was ~11 million Wikipedia tokens; ours is the system
# word list (apt-get install wamerican), --input FILE, or generated words
# (--generated N, --scale book for 11 million).
# book: 3rd ed. code, "text_example.py"
DEFAULT_INPUT_FILE = default_word_file()  # None: generated words are used
WE_EXPECT_TO_SEE_1 = "and"  # in any English word list
WE_EXPECT_TO_SEE_2 = "Zweibel"  # the 3rd edition's (the 2nd: "Zwiebel"); in its 11M list only
MARISA_TRIE_FILENAME = "words_trie.saved"
NUMBER_LOOKUPS = 100_000
ABSENT_WORD = "Zwiebel-is-not-a-word"


def read_words(filename, codec="utf-8"):
    """Yield every whitespace-separated word of ``filename``, a line at a time (a generator)."""
    with codecs.open(filename, "r", codec, errors="replace") as f:
        for line in f:
            yield from line.split()


# book: end


def parser_for(doc, lookups=NUMBER_LOOKUPS):
    parser = example_parser(doc)
    add_word_arguments(parser)
    parser.add_argument(
        "--lookups", type=positive_int, default=lookups, help="words looked up (taken in turn from the list)"
    )
    return parser


def lookup_words(words_factory, count):
    """``count`` words of the list, spread over all of it (a fixed stride, cycling)."""
    words = list(words_factory())
    if not words:
        fail("the word list is empty")
    stride = 7919  # a prime: the queries visit the whole list, not just its start
    return [words[(i * stride) % len(words)] for i in range(count)]


# book: 3rd ed. code, "text_example_list.py" and its siblings (RAM after the build, timed lookups)
def measure(build, contains, words_factory, lookups):
    """Build the structure and time the lookups; returns (structure, figures)."""
    gc.collect()
    rss_before = rss_bytes()
    start = time.perf_counter()
    structure = build(words_factory())
    build_s = time.perf_counter() - start
    gc.collect()
    ram = rss_bytes() - rss_before
    return structure, time_lookups(structure, contains, words_factory, lookups, ram, build_s)


def time_lookups(structure, contains, words_factory, lookups, ram=None, build_s=None):
    queries = lookup_words(words_factory, lookups)
    start = time.perf_counter()
    found = 0
    for word in queries:
        if contains(structure, word):
            found += 1
    lookup_s = time.perf_counter() - start
    return {
        "ram": ram,
        "build_s": build_s,
        "lookups": lookups,
        "lookup_s": lookup_s,
        "found": found,
        "absent_found": contains(structure, ABSENT_WORD),
    }


# book: end


def report(description, name, figures):
    print(f"words = {description}")
    print(f"structure = {name}")
    if figures["ram"] is not None:
        print(f"RAM used = {figures['ram'] / MIB:.2f} MiB")
    if figures["build_s"] is not None:
        print(f"build time = {figures['build_s']:.3f} s")
    print(f"lookups = {figures['lookups']}, time = {figures['lookup_s']:.4f} s")
    print(f"found = {figures['found']} of {figures['lookups']}")
    print(f"{ABSENT_WORD!r} found = {figures['absent_found']}")


def run(name, build, contains, doc, argv=None, lookups=NUMBER_LOOKUPS, extra_arguments=None):
    """The whole example: parse the flags, measure, print. Returns (structure, args)."""
    parser = parser_for(doc, lookups)
    if extra_arguments:
        extra_arguments(parser)
    args = parser.parse_args(argv)
    structure = measure_and_report(name, build, contains, *words_source(args), args.lookups)
    return structure, args


def measure_and_report(name, build, contains, description, words_factory, lookups):
    """Build the structure from the words, time the lookups, print the figures; returns the structure."""
    structure, figures = measure(build, contains, words_factory, lookups)
    report(description, name, figures)
    return structure


# ---------------------------------------------------------------- comparison


def parse_report(text):
    """The figures printed by ``report`` -> {"ram_mib", "build_s", "lookups", "lookup_s", "found"}."""
    figures = {}
    patterns = {
        "ram_mib": r"^RAM used = ([\d.+-e]+) MiB",
        "build_s": r"^build time = ([\d.]+) s",
        "lookups": r"^lookups = (\d+),",
        "lookup_s": r"^lookups = \d+, time = ([\d.]+) s",
        "found": r"^found = (\d+) of",
        "absent_found": r"found = (True|False)$",
    }
    for key, pattern in patterns.items():
        match = re.search(pattern, text, re.MULTILINE)
        if match:
            value = match.group(1)
            figures[key] = value == "True" if key == "absent_found" else float(value)
    return figures


def measure_in_subprocess(script, args=(), timeout=600):
    """Run ``script`` (a file in this folder) in a fresh interpreter and parse its figures."""
    command = [sys.executable, str(HERE / script), *map(str, args)]
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{script} failed: {last}")
    return parse_report(completed.stdout)
