"""Store a word list in lexpy's DAWG, a pure-Python directed acyclic word graph (3rd edition).

Chapter 11, "Efficiently Storing Lots of Text in RAM". lexpy (``pip install
lexpy``) builds a DAWG from words added in sorted order (``add_all`` refuses
unsorted input), then ``reduce()`` merges the common suffixes. Every node is a
Python object, so although the graph has fewer nodes than a trie, it takes more
RAM than the set here: the lesson of pygtrie again. The C++-backed DAWG of
``text_example_dawg.py`` and the MARISA trie are the compact ones.

Run:
    python 11_less_ram/compressing_text/text_example_lexpy.py
    python 11_less_ram/compressing_text/text_example_lexpy.py --generated 20000
"""

# book: 3rd ed. code, "text_example_lexpy.py"
from lexpy import DAWG


def build(words):
    # note that a DAWG in lexpy needs the input to be sorted
    words_dawg = DAWG()
    words_dawg.add_all(sorted(words))
    words_dawg.reduce()  # for DAWG compaction
    return words_dawg


def contains(structure, word):
    return word in structure


# book: end


def main(argv=None):
    from _text_family import run

    words_dawg, _args = run("lexpy DAWG", build, contains, __doc__, argv)
    print(f"The DAWG contains {words_dawg.get_word_count()} words")


if __name__ == "__main__":
    main()
