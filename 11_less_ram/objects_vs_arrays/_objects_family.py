"""The drivers of chapter 11's "objects versus arrays" scripts: their flags and result lines.

``list_array_numpy.py`` (bytes per item of a list, an ``array`` and a NumPy
array, RSS measured in a fresh process), ``getsizeof_vs_deep.py`` and
``bytes_vs_str.py`` keep their lesson and a two-line ``main`` that calls one
of these.
"""

import argparse
import array
import subprocess
import sys
from pathlib import Path

from hpp.memory import rss_bytes
from hpp.script import comma_choices, example_parser, fail, positive_int

HERE = Path(__file__).resolve().parent
KINDS = ("list", "array", "numpy")


# ---------------------------------------------------------------- list_array_numpy.py


def rss_growth_here(makers, kind, size):
    """RSS growth (bytes) of building ``kind`` in this process (NumPy imported before)."""
    if kind == "numpy":
        import numpy  # noqa: F401  (the import's own RAM is not the array's)
    before = rss_bytes()
    numbers = makers[kind](size)
    grown = rss_bytes() - before
    del numbers
    return grown


def rss_growth(kind, size, timeout=300):
    """RSS growth of building ``kind`` in a fresh interpreter (nothing left over from earlier)."""
    script = HERE / "list_array_numpy.py"
    command = [sys.executable, str(script), "--rss-only", kind, "--size", str(size)]
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )
    if completed.returncode != 0:
        last = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        fail(f"measuring {kind} in a fresh process failed: {last}")
    return int(completed.stdout.split("=")[1].split()[0])


def compare_kinds(example, argv=None):
    """Print the bytes per item of each of ``--kinds`` holding ``--size`` numbers (three measures)."""
    parser = example_parser(example.__doc__)
    parser.add_argument("--size", type=positive_int, default=10**7, help="numbers stored")
    parser.add_argument("--kinds", type=comma_choices(*KINDS), default=list(KINDS), help="list, array, numpy")
    parser.add_argument("--rss-only", choices=KINDS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rss_only:
        print(f"rss growth = {rss_growth_here(example.MAKERS, args.rss_only, args.size)} bytes")
        return
    print(f"items = {args.size}")
    print(f"array('l').itemsize = {array.array('l').itemsize}")
    for kind in args.kinds:
        figures = example.measure(kind, args.size)
        print(
            f"{kind}: getsizeof = {figures['getsizeof']:.2f} bytes/item, "
            f"deep = {figures['deep']:.2f} bytes/item, "
            f"RSS growth = {figures['rss']:.2f} bytes/item"
        )


# ---------------------------------------------------------------- getsizeof_vs_deep.py


def print_sizes(example, argv=None):
    """Print each container's ``getsizeof`` and deep size, and their ratio."""
    parser = example_parser(example.__doc__)
    parser.add_argument("--items", type=positive_int, default=10_000, help="entries in each large container")
    items = parser.parse_args(argv).items
    for name, obj in example.containers(items):
        shallow, deep = example.sizes(obj)
        print(
            f"{name}: getsizeof = {shallow} bytes, deep = {deep} bytes, deep/getsizeof = {deep / shallow:.1f}"
        )


# ---------------------------------------------------------------- bytes_vs_str.py

SAMPLES = {"ASCII 'a'": "a", "Latin-1 'é'": "é", "BMP '€'": "€", "astral '🐍'": "🐍"}


def compare_str_and_bytes(example, argv=None):
    """Print bytes per character of each sample as ``str`` and UTF-8, then a word list's two sizes."""
    from hpp.words import add_word_arguments, words_source

    parser = example_parser(example.__doc__)
    parser.add_argument(
        "--chars", type=positive_int, default=1_000_000, help="characters in each sample text"
    )
    add_word_arguments(parser)
    args = parser.parse_args(argv)
    chars = args.chars
    description, words_factory = words_source(args)
    for name, char in SAMPLES.items():
        text = char * chars
        encoded = text.encode("utf-8")
        print(
            f"{name}: str = {example.str_bytes_per_char(text):.2f} bytes/char, "
            f"utf-8 = {example.utf8_bytes_per_char(text):.2f} bytes/char, "
            f"getsizeof(str) = {sys.getsizeof(text)}, getsizeof(bytes) = {sys.getsizeof(encoded)}"
        )
    plain, widened = example.widest_char_effect(chars)
    print(f"{chars} ASCII chars: {plain:.2f} bytes/char; with one '€': {widened:.2f} bytes/char")
    str_size, bytes_size, count = example.word_list_sizes(words_factory())
    if count == 0:
        fail("the word list is empty")
    print(f"words = {description} ({count})")
    print(
        f"list of str = {str_size} bytes ({str_size / count:.1f} per word), "
        f"list of bytes = {bytes_size} bytes ({bytes_size / count:.1f} per word)"
    )
