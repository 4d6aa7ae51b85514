"""Word lists to store and count (chapter 11's text examples, and any chapter that needs words).

- ``default_word_file()``: the system word list (Debian's ``wamerican``:
  ``apt-get install wamerican``), or None;
- ``read_words(path)``: the words of a one-word-per-line file;
- ``generated_words(n, seed)``: n distinct seeded pseudo-words, so every example
  runs anywhere and at any scale (11 million at the book's scale);
- ``add_word_arguments(parser)``, ``words_source(args)``, ``word_flags(args)``:
  ``--input FILE``, ``--generated N``, ``--scale quick|book`` and what they choose;
- ``generated_tokens(n, vocabulary, seed)``: a token stream with repeats.
"""

import random
from pathlib import Path

WORD_FILES = (
    Path("/usr/share/dict/words"),
    Path("/usr/share/dict/american-english"),
    Path("/usr/share/dict/british-english"),
)
GENERATED_WORDS = 100_000
BOOK_WORDS = 11_000_000  # the 3rd edition's list: about 11 million unique Wikipedia tokens


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

    >>> list(generated_words(3)) == list(generated_words(3)) != list(generated_words(3, seed=1))
    True
    """
    letters = "abcdefghijklmnopqrstuvwxyz"
    modulus = 26**7
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
    """``--input FILE`` (one word per line), ``--generated N``, ``--scale quick|book``."""
    from hpp.script import existing_file, positive_int

    parser.add_argument(
        "--input",
        type=existing_file,
        help="a word list, one word per line (default: /usr/share/dict/words "
        "when installed, else generated words)",
    )
    parser.add_argument(
        "--generated",
        type=positive_int,
        metavar="N",
        help=f"use N generated unique words instead of a file (the fallback uses {GENERATED_WORDS:,})",
    )
    parser.add_argument(
        "--scale",
        choices=("quick", "book"),
        default="quick",
        help=f"book: {BOOK_WORDS:,} generated unique words, the scale of the "
        f"book's RAM table (several GB for the set; --input wins)",
    )


def words_source(args):
    """(description, iterable factory) for the words the arguments choose."""
    if args.input:
        return str(args.input), lambda: read_words(args.input)
    count = args.generated or (BOOK_WORDS if getattr(args, "scale", "quick") == "book" else None)
    if count:
        return f"{count} generated words", lambda: generated_words(count)
    path = default_word_file()
    if path is None:
        return (
            f"{GENERATED_WORDS} generated words (no word list: apt-get install wamerican)",
            lambda: generated_words(GENERATED_WORDS),
        )
    return str(path), lambda: read_words(path)


def word_flags(args):
    """The word flags of ``args`` again, for a script that runs another one."""
    if args.input:
        return ["--input", args.input]
    if args.generated:
        return ["--generated", args.generated]
    return ["--scale", args.scale] if getattr(args, "scale", "quick") != "quick" else []


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
        tokens.extend(words[min(int(rng.paretovariate(1.2)) - 1, vocabulary - 1)] for _ in range(remaining))
        rng.shuffle(tokens)
    return tokens
