"""The driver of the word-list family (chapter 11, "Efficiently Storing Lots of Text in RAM").

Each ``text_example_*.py`` script gives the book's container: a ``build(words)``
(from an iterator of fresh strings, as the book reads them from a file) and a
``contains(structure, word)``; ``run`` loads the words and measures, in the
script's own fresh process:

- RAM used: the growth of the resident set size (psutil) across ``build``,
  the strings included;
- the build time;
- the time of ``--lookups`` lookups of words from the list (each must be found)
  and that a word not in the list is not found.

It prints one result per line (``RAM used = 12.3 MiB``); ``plot_example.py``
and the chapter benchmark run each script in a fresh subprocess and read them
(``measure_in_subprocess``). The MARISA scripts save and load the trie through
``build_and_save`` and ``measure_loaded_trie``; ``text_example_clean_list.py``
and ``plot_example.py`` have their drivers at the end.
"""

import gc
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from text_example import ABSENT_WORD, MARISA_TRIE_FILENAME, NUMBER_LOOKUPS

from hpp.memory import rss_bytes
from hpp.script import example_parser, fail, output_dir, positive_int, writable_file
from hpp.words import add_word_arguments, default_word_file, word_flags, words_source

HERE = Path(__file__).resolve().parent
MIB = 2**20


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


# ------------------------------------------------ the MARISA trie, built and saved, then loaded


def build_and_save(build, contains, doc, argv=None):
    """``text_example_marisa_trie.py``: build the trie (figures printed), then save it (``--save``)."""
    parser = parser_for(doc)
    default = f"{MARISA_TRIE_FILENAME} under results/11_less_ram"
    parser.add_argument("--save", type=writable_file, help=f"where to save the trie (default: {default})")
    args = parser.parse_args(argv)
    path = args.save or output_dir("11_less_ram") / MARISA_TRIE_FILENAME
    trie = measure_and_report("MARISA trie (built)", build, contains, *words_source(args), args.lookups)
    try:
        trie.save(str(path))
    except OSError as error:
        fail(f"cannot save the trie to {path}: {error.strerror or error}")
    print(f"saved {path}")
    return trie


def build_saved_trie(path, flags):
    """Save a trie of the words to ``path``, built by text_example_marisa_trie.py in another process."""
    builder = HERE / "text_example_marisa_trie.py"
    command = [sys.executable, str(builder), "--save", str(path), "--lookups", "1", *map(str, flags)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if completed.returncode != 0:
        fail(completed.stderr.strip() or f"could not build {path}")


def measure_loaded_trie(load, contains, doc, argv=None):
    """``..._load_only.py``: load the saved trie (built first when missing); print its RAM and lookups."""
    parser = parser_for(doc)
    default = f"{MARISA_TRIE_FILENAME} under results/11_less_ram, built when missing"
    parser.add_argument("--trie", type=writable_file, help=f"the saved trie (default: {default})")
    args = parser.parse_args(argv)
    path = args.trie or output_dir("11_less_ram") / MARISA_TRIE_FILENAME
    description, words_factory = words_source(args)
    if not path.is_file():
        build_saved_trie(path, word_flags(args))
    gc.collect()
    rss_before = rss_bytes()
    start = time.perf_counter()
    try:
        trie = load(path)
    except Exception as error:  # marisa raises RuntimeError/OSError on a bad file
        fail(f"cannot load a MARISA trie from {path}: {error}")
    load_s = time.perf_counter() - start
    ram = rss_bytes() - rss_before
    figures = time_lookups(trie, contains, words_factory, args.lookups, ram, load_s)
    report(description, "MARISA trie (loaded)", figures)
    print(f"trie file = {path.stat().st_size} bytes, {len(trie)} words")
    return trie


# ---------------------------------------------------------------- plot_example.py

# (script suffix, label, module it needs, lookups relative to --lookups)
STRUCTURES = [
    ("list", "list", None, 0.01),
    ("list_bisect", "sorted list + bisect", None, 1),
    ("set", "set", None, 1),
    ("dict", "dict", None, 1),
    ("marisa_trie", "MARISA trie (built)", "marisa_trie", 1),
    ("marisa_trie_load_only", "MARISA trie (loaded)", "marisa_trie", 1),
    ("dawg", "DAWG", "dawg", 1),
    ("lexpy", "lexpy DAWG (3rd edition)", "lexpy", 1),
    ("pygtrie", "pygtrie", "pygtrie", 1),
    ("datrie", "datrie", "datrie", 1),
]


def compare_structures(plot, doc, argv=None):
    """Run each structure's script (``--only``, or all) in a fresh process; print and ``plot`` its figures."""
    import importlib.util

    from hpp.script import comma_choices, writable_dir

    parser = example_parser(doc)
    add_word_arguments(parser)
    parser.add_argument("--lookups", type=positive_int, default=NUMBER_LOOKUPS)
    names = [s[0] for s in STRUCTURES]
    parser.add_argument("--only", type=comma_choices(*names), help=f"comma-separated: {', '.join(names)}")
    parser.add_argument("--output-dir", type=writable_dir, help="folder for compressing_text.png")
    args = parser.parse_args(argv)
    flags, lookups, folder = word_flags(args), args.lookups, output_dir("11_less_ram", args.output_dir)
    chosen = [s for s in STRUCTURES if s[0] in args.only] if args.only else STRUCTURES
    rows = []
    print(f"{'structure':<24} {'RAM MiB':>9} {'build s':>8} {'s per 100k lookups':>19}")
    for suffix, label, module, lookup_share in chosen:
        if module and importlib.util.find_spec(module) is None:
            print(f"{label:<24} skipped: pip install {module}")
            continue
        extra = ["--trie", folder / "words_trie.saved"] if suffix == "marisa_trie_load_only" else []
        if suffix == "marisa_trie":
            extra = ["--save", folder / "words_trie.saved"]
        share = max(1, int(lookups * lookup_share))
        try:
            figures = measure_in_subprocess(f"text_example_{suffix}.py", [*flags, "--lookups", share, *extra])
        except (RuntimeError, OSError) as error:
            fail(str(error))
        per_100k = figures["lookup_s"] * 100_000 / figures["lookups"]
        rows.append((label, figures["ram_mib"], figures["build_s"], per_100k))
        print(f"{label:<24} {figures['ram_mib']:>9.2f} {figures['build_s']:>8.3f} {per_100k:>19.4f}")
    plot(rows, folder / "compressing_text.png")
    return rows


# ---------------------------------------------------------------- text_example_clean_list.py

MOBY_FOLDER = HERE / "mword10"
TRIVIAL_WORDS = HERE / "trivial_words.txt"  # 10 lines in the Moby lists' format (cp1252, CRLF)
CLEAN_LIST_FILENAME = "all_unique_words.txt"


def existing_path(text):
    """argparse type: a file, or a folder holding at least one file."""
    import argparse

    path = Path(text)
    if path.is_file() or (path.is_dir() and any(p.is_file() for p in path.iterdir())):
        return path
    raise argparse.ArgumentTypeError(f"no file or folder of files at {text!r}")


def codec_name(text):
    """argparse type: a text encoding Python knows (cp1252, utf-8, latin-1, ...)."""
    import argparse
    import codecs

    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown text encoding {text!r}") from None


def word_files(path):
    """The file itself, or every file of the folder (sorted: the same order on any machine)."""
    path = Path(path)
    return [path] if path.is_file() else sorted(p for p in path.iterdir() if p.is_file())


def default_input():
    for candidate in (MOBY_FOLDER, default_word_file(), TRIVIAL_WORDS):
        if candidate is not None and candidate.exists():
            return candidate
    fail("no word list: unzip mword10.zip here, or apt-get install wamerican, or pass --input")


def build_clean_list(clean, argv=None):
    """Read every word of ``--input``, write the distinct ones sorted, print the counts."""
    from hpp.script import writable_dir

    parser = example_parser(clean.__doc__)
    parser.add_argument(
        "--input",
        type=existing_path,
        help="word file or folder (default: mword10/, system list, trivial_words.txt)",
    )
    parser.add_argument("--codec", type=codec_name, help="encoding (default: cp1252 for Moby, else utf-8)")
    parser.add_argument("--output-dir", type=writable_dir, help=f"folder for {CLEAN_LIST_FILENAME}")
    args = parser.parse_args(argv)
    source = args.input or default_input()
    output = output_dir("11_less_ram", args.output_dir) / CLEAN_LIST_FILENAME
    codec = args.codec or ("cp1252" if Path(source).name in ("mword10", TRIVIAL_WORDS.name) else "utf-8")
    filenames = word_files(source)
    all_words, nbr_words_read = clean.clean_list(filenames, codec)
    clean.write_words(all_words, output)
    print(f"words from = {source} ({len(filenames)} file{'s' * (len(filenames) != 1)}, {codec})")
    print(f"words read = {nbr_words_read:,}")
    print(f"unique words = {len(all_words):,}")
    print(f"wrote {output}")
    return all_words


# ---------------------------------------------------------------- aho_corasick_prefilter.py

WORDS = ("user", "login", "ok", "page", "served", "in", "ms", "from", "cache", "request", "GET", "POST")


def make_rules(patterns, seed=0):
    """``[(keyword, compiled regex)]``: each regex needs its keyword (``alertNNN``) and a number after it."""
    rng = random.Random(seed)
    rules = []
    for number in range(patterns):
        keyword = f"alert{number:04d}"
        rules.append((keyword, re.compile(rf"{keyword} code=(\d+){' level=' + str(rng.randrange(5))}")))
    return rules


def make_lines(lines, patterns, seed=0, alert_share=0.02):
    """Log lines; a share ``alert_share`` of them names one rule's keyword (half of those match it)."""
    rng = random.Random(seed)
    out = []
    for _ in range(lines):
        text = " ".join(rng.choices(WORDS, k=8))
        if rng.random() < alert_share:
            keyword = f"alert{rng.randrange(patterns):04d}"
            text += f" {keyword} code={rng.randrange(1000)} level={rng.randrange(5)}"
        out.append(text)
    return out


def compare_prefilter(prefilter, argv=None):
    """Match the lines both ways; print the regex evaluations, the matches and the time of each."""
    from hpp.script import seed as seed_type

    parser = example_parser(prefilter.__doc__)
    parser.add_argument("--lines", type=positive_int, default=20_000, help="log lines to match")
    parser.add_argument("--patterns", type=positive_int, default=300, help="regular expressions (rules)")
    parser.add_argument("--seed", type=seed_type, default=0, help="seed of the rules and the lines")
    args = parser.parse_args(argv)
    lines, patterns, seed = args.lines, args.patterns, args.seed
    rules, text = make_rules(patterns, seed), make_lines(lines, patterns, seed)
    start = time.perf_counter()
    naive, naive_evaluations = prefilter.match_all(text, rules)
    naive_seconds = time.perf_counter() - start
    start = time.perf_counter()
    automaton = prefilter.build_automaton(rules)
    filtered, filtered_evaluations = prefilter.match_prefiltered(text, rules, automaton)
    filtered_seconds = time.perf_counter() - start
    print(f"{lines:,} lines, {patterns:,} regular expressions")
    print(
        f"regex loop: {naive_evaluations:,} regex evaluations, {len(naive):,} matches, {naive_seconds:.3f} s"
    )
    print(
        f"Aho-Corasick pre-filter: {filtered_evaluations:,} regex evaluations, {len(filtered):,} matches, "
        f"{filtered_seconds:.3f} s"
    )
    print(
        f"same matches: {naive == filtered}; "
        f"regex evaluations saved: {naive_evaluations - filtered_evaluations:,}"
    )
