"""Helpers shared by the chapter 11 examples (not an example itself).

- ``deep_sizeof(obj)``: the bytes an object and everything it holds take
  (``sys.getsizeof`` only counts the outer object);
- ``rss_bytes()``: this process's resident set size (psutil);
- the word list: ``read_words(path)``, ``default_word_file()`` (Debian's
  ``wamerican``: ``apt-get install wamerican``), ``generated_words(n, seed)`` (a
  seeded fallback so every script runs anywhere), ``words_source(args)``;
- ``generated_tokens(n, vocabulary, seed)``: a token stream with repeats.

Scripts in sub-folders import it after putting this folder on ``sys.path``.
"""

import gc
import os
import random
import sys
import types
from pathlib import Path

CHAPTER = Path(__file__).resolve().parent
WORD_FILES = (Path("/usr/share/dict/words"), Path("/usr/share/dict/american-english"),
              Path("/usr/share/dict/british-english"))
GENERATED_WORDS = 100_000
BOOK_WORDS = 11_000_000  # the 3rd edition's list: about 11 million unique Wikipedia tokens

# Shared machinery, not part of a data structure: a deep size skips them.
_SKIP_TYPES = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType,
               types.MethodType, random.Random)


def deep_sizeof(obj):
    """Bytes taken by ``obj`` and every object it refers to, each counted once.

    Like Pympler's ``asizeof``: walk the references with ``gc.get_referents``
    and sum ``sys.getsizeof`` (plus a dict's keys, which the GC does not list
    when they are all strings). Buffers owned by ``array``, ``bitarray``,
    ``bytearray`` and NumPy arrays are part of their ``getsizeof``. Classes,
    modules, functions and random generators are shared, so they are skipped.
    """
    seen = set()
    total = 0
    stack = [obj]
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, _SKIP_TYPES):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, (str, bytes, int, float, bool)):
            continue
        if isinstance(item, dict):
            # A dict whose keys are all str does not report its keys to the GC
            # (strings cannot form cycles), so ask for them.
            stack.extend(item.keys())
        stack.extend(gc.get_referents(item))
    return total


def rss_bytes():
    """The resident set size of this process, in bytes."""
    import psutil

    return psutil.Process(os.getpid()).memory_info().rss


def default_word_file():
    """The system word list (Debian's ``wamerican``/``wbritish``), or None."""
    for path in WORD_FILES:
        if path.is_file():
            return path
    return None


def read_words(path, encoding="utf-8"):
    """Yield each non-empty line of ``path``, stripped (one word per line)."""
    with open(path, encoding=encoding, errors="replace") as handle:
        for line in handle:
            word = line.strip()
            if word:
                yield word


def generated_words(count=GENERATED_WORDS, seed=0):
    """Yield ``count`` distinct pseudo-words (7 letters a-z), seeded, each a fresh ``str``.

    Word i is a seeded permutation of i written in base 26, so words never
    repeat (for count < 26**7) and no set is needed to deduplicate them.
    """
    letters = "abcdefghijklmnopqrstuvwxyz"
    modulus = 26 ** 7
    multiplier = 2_654_435_761 + 2 * seed  # odd and not a multiple of 13: a bijection mod 26**7
    if multiplier % 13 == 0:
        multiplier += 2
    for index in range(count):
        value = (index * multiplier + seed) % modulus
        chars = []
        for _ in range(7):
            value, digit = divmod(value, 26)
            chars.append(letters[digit])
        yield "".join(chars)


def add_word_arguments(parser):
    """``--input FILE`` (one word per line), ``--generated N``, ``--size quick|book``."""
    from hpp.script import existing_file, positive_int

    parser.add_argument("--input", type=existing_file,
                        help="a word list, one word per line (default: /usr/share/dict/words "
                             "when installed, else generated words)")
    parser.add_argument("--generated", type=positive_int, metavar="N",
                        help=f"use N generated unique words instead of a file "
                             f"(the fallback uses {GENERATED_WORDS:,})")
    parser.add_argument("--size", choices=("quick", "book"), default="quick",
                        help=f"book: {BOOK_WORDS:,} generated unique words, the scale of the "
                             f"book's RAM table (several GB for the set; --input wins)")


def words_source(args):
    """(description, iterable factory) for the words the arguments choose."""
    if args.input:
        return str(args.input), lambda: read_words(args.input)
    count = args.generated or (BOOK_WORDS if getattr(args, "size", "quick") == "book" else None)
    if count:
        return f"{count} generated words", lambda: generated_words(count)
    path = default_word_file()
    if path is None:
        return (f"{GENERATED_WORDS} generated words (no word list: apt-get install wamerican)",
                lambda: generated_words(GENERATED_WORDS))
    return str(path), lambda: read_words(path)


def word_flags(args):
    """The word flags of ``args`` again, for a script that runs another one."""
    if args.input:
        return ["--input", args.input]
    if args.generated:
        return ["--generated", args.generated]
    return ["--size", args.size] if getattr(args, "size", "quick") != "quick" else []


def generated_tokens(count, vocabulary, seed=0):
    """A list of ``count`` tokens drawn from ``vocabulary`` distinct words (Zipf-like repeats).

    Every word of the vocabulary appears at least once when ``count >= vocabulary``,
    so the exact number of distinct tokens is ``min(count, vocabulary)``.
    """
    rng = random.Random(seed)
    words = [f"w{index}" for index in range(vocabulary)]
    tokens = words[:count]
    remaining = count - len(tokens)
    if remaining > 0:
        # Heavier on the first words, as in natural text.
        tokens.extend(words[min(int(rng.paretovariate(1.2)) - 1, vocabulary - 1)]
                      for _ in range(remaining))
        rng.shuffle(tokens)
    return tokens


def traced_peak(function, *args):
    """(result, peak bytes) of ``function(*args)`` as tracemalloc sees it.

    NumPy reports its array buffers to tracemalloc, so the peak counts the
    temporaries an expression makes; memory allocated by C code that does not
    report itself (numexpr's small per-thread chunk buffers) is not counted.
    """
    import tracemalloc

    gc.collect()
    started = not tracemalloc.is_tracing()
    if started:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    try:
        result = function(*args)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        if started:
            tracemalloc.stop()
    return result, peak


def peak_rss_growth(function, *args, interval=0.001):
    """(result, peak RSS growth in bytes) of ``function(*args)``, sampled by a thread.

    What ``memory_profiler.memory_usage(..., max_usage=True)`` reports, without
    the monitoring child process (forking a multi-threaded process is unsafe).
    Only meaningful for allocations large enough to reach the OS (mmap).
    """
    import threading

    gc.collect()
    base = rss_bytes()
    peak = [base]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_bytes())
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        result = function(*args)
        peak[0] = max(peak[0], rss_bytes())
    finally:
        done.set()
        sampler.join()
    return result, peak[0] - base
