"""Store a word list in a DAWG: shared prefixes and shared suffixes.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (DAWG). A directed acyclic
word graph merges common endings as well as common beginnings ("-ing",
"-ation"), and like MARISA it is static once built. The ``DAWG`` package did
not build for the book's authors; its maintained fork ``DAWG2``
(``pip install DAWG2``, imported as ``dawg``) does.

Run:
    python 11_less_ram/compressing_text/text_example_dawg.py
"""

# book: 2nd ed. code, "text_example_dawg.py"
import dawg


def build(words):
    return dawg.DAWG(words)


def contains(structure, word):
    return word in structure


# book: end


def main(argv=None):
    from _text_family import run

    run("DAWG", build, contains, __doc__, argv)


if __name__ == "__main__":
    main()
