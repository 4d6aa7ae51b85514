"""Build the word list the examples load: every distinct word of some word files, one per line.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (the data). The book's
first list came from the Moby Words lists (Project Gutenberg ebook 3201,
``mword10.zip``): several files in Windows-1252, words repeated across them. This
reads each file with the book's ``read_words``, keeps one
copy of each word in a ``set`` and writes them sorted, one per line, to
``all_unique_words.txt`` (the book had about 500,000 Moby words), ready for
``text_example_set.py --input all_unique_words.txt`` and the others.

``--input`` is a file or a folder of files (default: ``mword10/`` in this folder
when you have unzipped it here, else the system word list, else the 10-line
``trivial_words.txt`` beside this script).

Run (from this folder):
    python text_example_clean_list.py --input mword10          # the Moby lists, cp1252
    python text_example_clean_list.py --input /usr/share/dict/words
"""

import argparse
import codecs
from pathlib import Path

import text_example

from hpp.script import example_parser, fail, output_dir, writable_dir
from hpp.words import default_word_file

SMOKE_ARGS = []  # mword10/ here, the system word list, or trivial_words.txt

HERE = Path(__file__).resolve().parent
MOBY_FOLDER = HERE / "mword10"
TRIVIAL_WORDS = HERE / "trivial_words.txt"  # 10 lines in the Moby lists' format (cp1252, CRLF)
OUTPUT_FILENAME = "all_unique_words.txt"


def existing_path(text):
    """argparse type: a file, or a folder holding at least one file."""
    path = Path(text)
    if path.is_file() or (path.is_dir() and any(p.is_file() for p in path.iterdir())):
        return path
    raise argparse.ArgumentTypeError(f"no file or folder of files at {text!r}")


def codec_name(text):
    """argparse type: a text encoding Python knows (cp1252, utf-8, latin-1, ...)."""
    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown text encoding {text!r}") from None


def word_files(path):
    """The file itself, or every file of the folder (sorted: the same order on any machine)."""
    path = Path(path)
    return [path] if path.is_file() else sorted(p for p in path.iterdir() if p.is_file())


# book: 2nd ed. code, "text_example_clean_list.py"
def read_words(filename, codec="cp1252"):
    """Yield every word of ``filename``, a line at a time; the Moby lists are Windows-1252.

    The reading itself is ``text_example.read_words`` (where the 3rd edition moved it),
    which replaces an undecodable byte instead of stopping at it as the book's did.
    """
    yield from text_example.read_words(filename, codec)


# book: end


# book: 2nd ed. code, "text_example_clean_list.py" (continued)
def clean_list(filenames, codec):
    """(the set of distinct words of all ``filenames``, the number of words read)."""
    all_words = set()
    nbr_words_read = 0
    for filename in filenames:
        for word in read_words(filename, codec):
            all_words.add(word)
            nbr_words_read += 1
    return all_words, nbr_words_read


def write_words(words, filename):
    """Write ``words`` sorted, one per line (UTF-8)."""
    with open(filename, "w", encoding="utf-8") as f:
        for word in sorted(words):
            f.write(word + "\n")


# book: end


def default_input():
    for candidate in (MOBY_FOLDER, default_word_file(), TRIVIAL_WORDS):
        if candidate is not None and candidate.exists():
            return candidate
    fail("no word list: unzip mword10.zip here, or apt-get install wamerican, or pass --input")


def build_clean_list(source, codec, output):
    """Read every word of ``source``, write the distinct ones sorted to ``output``, print the counts."""
    codec = codec or ("cp1252" if Path(source).name in ("mword10", TRIVIAL_WORDS.name) else "utf-8")
    filenames = word_files(source)
    all_words, nbr_words_read = clean_list(filenames, codec)
    write_words(all_words, output)
    print(f"words from = {source} ({len(filenames)} file{'s' * (len(filenames) != 1)}, {codec})")
    print(f"words read = {nbr_words_read:,}")
    print(f"unique words = {len(all_words):,}")
    print(f"wrote {output}")
    return all_words


def main(argv=None):
    parser = example_parser(__doc__)
    parser.add_argument(
        "--input",
        type=existing_path,
        help="word file or folder (default: mword10/, system list, trivial_words.txt)",
    )
    parser.add_argument("--codec", type=codec_name, help="encoding (default: cp1252 for Moby, else utf-8)")
    parser.add_argument("--output-dir", type=writable_dir, help=f"folder for {OUTPUT_FILENAME}")
    args = parser.parse_args(argv)
    source = args.input or default_input()
    build_clean_list(source, args.codec, output_dir("11_less_ram", args.output_dir) / OUTPUT_FILENAME)


if __name__ == "__main__":
    main()
