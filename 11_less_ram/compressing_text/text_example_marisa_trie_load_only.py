"""Load a saved MARISA trie: the RAM the trie really needs.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (marisa-trie, load only).
Building a trie needs the words in Python first; a process that only loads the
saved trie holds just the compact structure. This is the figure to compare with
the set (the book: 39 MB for the trie against 1,251 MB for the set of 11 million
words). When the saved file is missing it is built first, in another process.

Run:
    python 11_less_ram/compressing_text/text_example_marisa_trie.py --save words.trie
    python 11_less_ram/compressing_text/text_example_marisa_trie_load_only.py --trie words.trie
"""

import gc
import subprocess
import sys
import time
from pathlib import Path

import marisa_trie
import text_example

from hpp.memory import rss_bytes
from hpp.script import fail, output_dir, writable_file
from hpp.words import word_flags, words_source

REQUIRES = ("marisa_trie",)
SMOKE_ARGS = ["--generated", "5000", "--lookups", "2000", "--trie", "smoke_words.trie"]


# book: 3rd ed. code, "text_example_marisa_trie_load_only.py"
def load(path):
    trie = marisa_trie.Trie()
    trie.load(str(path))
    return trie


def contains(structure, word):
    return word in structure


# book: end


def build_saved_trie(path, flags):
    """Save a trie of the words to ``path``, built by text_example_marisa_trie.py in another process."""
    builder = Path(__file__).with_name("text_example_marisa_trie.py")
    command = [sys.executable, str(builder), "--save", str(path), "--lookups", "1", *map(str, flags)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if completed.returncode != 0:
        fail(completed.stderr.strip() or f"could not build {path}")


# book: 3rd ed. code, "text_example_marisa_trie_load_only.py" (continued)
def measure_loaded_trie(path, flags, description, words_factory, lookups):
    """Load the saved trie (built first when missing): print its RAM, load time and lookup figures."""
    if not path.is_file():
        build_saved_trie(path, flags)
    gc.collect()
    rss_before = rss_bytes()
    start = time.perf_counter()
    try:
        trie = load(path)
    except Exception as error:  # marisa raises RuntimeError/OSError on a bad file
        fail(f"cannot load a MARISA trie from {path}: {error}")
    load_s = time.perf_counter() - start
    ram = rss_bytes() - rss_before
    figures = text_example.time_lookups(trie, contains, words_factory, lookups, ram, load_s)
    text_example.report(description, "MARISA trie (loaded)", figures)
    print(f"trie file = {path.stat().st_size} bytes, {len(trie)} words")
    return trie


# book: end


def main(argv=None):
    parser = text_example.parser_for(__doc__)
    default = f"{text_example.MARISA_TRIE_FILENAME} under results/11_less_ram, built when missing"
    parser.add_argument("--trie", type=writable_file, help=f"the saved trie (default: {default})")
    args = parser.parse_args(argv)
    path = args.trie or output_dir("11_less_ram") / text_example.MARISA_TRIE_FILENAME
    measure_loaded_trie(path, word_flags(args), *words_source(args), args.lookups)


if __name__ == "__main__":
    main()
