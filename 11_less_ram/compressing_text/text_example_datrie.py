"""Store a word list in ``datrie``: a double-array trie (1st edition).

Chapter 11, "Efficiently Storing Lots of Text in RAM" (datrie, 1st edition). A
double-array trie (libdatrie) can be modified after it is built, but it needs
its alphabet up front and inserting is slow: the book calls its build times
"pathological". The alphabet is taken from the words in a first pass.

Run:
    python 11_less_ram/compressing_text/text_example_datrie.py
"""

# book: 1st ed. code, "compressing_text" (datrie)
import datrie


def build(words):
    words = list(words)
    alphabet = "".join(sorted(set("".join(words))))
    trie = datrie.Trie(alphabet)
    for word in words:
        trie[word] = True
    return trie


def contains(structure, word):
    try:
        return word in structure
    except Exception:  # a character outside the alphabet cannot be in the trie
        return False


# book: end


def main(argv=None):
    from _text_family import run

    run("datrie", build, contains, __doc__, argv)


if __name__ == "__main__":
    main()
