"""Store a word list in ``pygtrie``: a trie written in pure Python.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (pygtrie, 3rd edition).
A trie shares prefixes, but in pure Python each node is a Python object with
its own dict of children, so it costs far more RAM than the set: the idea only
pays when the nodes are compact (MARISA, DAWG, in C++).

Run:
    python 11_less_ram/compressing_text/text_example_pygtrie.py
"""

# book: 3rd ed. code, "text_example_pygtrie.py"
import pygtrie


def build(words):
    trie = pygtrie.CharTrie()
    for word in words:
        trie[word] = True
    return trie


def contains(structure, word):
    return word in structure


# book: end


def main(argv=None):
    from _text_family import run

    run("pygtrie (pure Python)", build, contains, __doc__, argv)


if __name__ == "__main__":
    main()
