"""Store a word list in a MARISA trie: shared prefixes, a fraction of the set's RAM.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (marisa-trie). A trie
stores each shared prefix once; MARISA also compresses the trie recursively.
It is static: built once from all the words, then it cannot be changed. The
build itself needs the words in Python first (the process RAM after a build is
much more than the trie), so the book saves the trie to a file and measures a
process that only loads it: ``text_example_marisa_trie_load_only.py``.

Run:
    python 11_less_ram/compressing_text/text_example_marisa_trie.py
    (saves words_trie.saved under results/11_less_ram, or --save FILE)
"""

import marisa_trie
import text_example

from hpp.script import fail, output_dir, writable_file
from hpp.words import words_source

REQUIRES = ("marisa_trie",)
SMOKE_ARGS = ["--generated", "5000", "--lookups", "2000"]
TRIE_FILENAME = "words_trie.saved"


# book: 3rd ed. code, "text_example_marisa_trie.py"
def build(words):
    return marisa_trie.Trie(words)


def contains(structure, word):
    return word in structure


def build_and_save(path, description, words_factory, lookups):
    """Build the trie (its RAM, build time and lookups printed), then save it to ``path``."""
    trie = text_example.measure_and_report(
        "MARISA trie (built)", build, contains, description, words_factory, lookups
    )
    try:
        trie.save(str(path))
    except OSError as error:
        fail(f"cannot save the trie to {path}: {error.strerror or error}")
    print(f"saved {path}")
    return trie


# book: end


def main(argv=None):
    parser = text_example.parser_for(__doc__)
    default = f"{TRIE_FILENAME} under results/11_less_ram"
    parser.add_argument("--save", type=writable_file, help=f"where to save the trie (default: {default})")
    args = parser.parse_args(argv)
    build_and_save(args.save or output_dir("11_less_ram") / TRIE_FILENAME, *words_source(args), args.lookups)


if __name__ == "__main__":
    main()
