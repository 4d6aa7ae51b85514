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

# book: 3rd ed. code, "text_example_marisa_trie_load_only.py"
import marisa_trie


def load(path):
    trie = marisa_trie.Trie()
    trie.load(str(path))
    return trie


def contains(structure, word):
    return word in structure


# book: end


def main(argv=None):
    from _text_family import measure_loaded_trie

    measure_loaded_trie(load, contains, __doc__, argv)


if __name__ == "__main__":
    main()
