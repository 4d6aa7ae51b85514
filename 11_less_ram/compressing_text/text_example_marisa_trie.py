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

# book: 3rd ed. code, "text_example_marisa_trie.py"
import marisa_trie


def build(words):
    return marisa_trie.Trie(words)


def contains(structure, word):
    return word in structure


# book: end


def main(argv=None):
    from _text_family import build_and_save

    build_and_save(build, contains, __doc__, argv)


if __name__ == "__main__":
    main()
