"""Store a word list in a ``set``: fast lookups, a lot of RAM per word.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (set). Every word is a
full ``str`` object (about 50 bytes plus its letters) and the hash table adds
more; in exchange a lookup costs one hash. The book's baseline.

Run:
    python 11_less_ram/compressing_text/text_example_set.py     # /usr/share/dict/words
    python 11_less_ram/compressing_text/text_example_set.py --input my_words.txt
    python -m memory_profiler 11_less_ram/compressing_text/text_example_set.py
"""


# book: 2nd ed. code, "text_example_set.py"
def build(words):
    return set(words)


def contains(structure, word):
    return word in structure


# book: end


def main(argv=None):
    from _text_family import run

    run("set", build, contains, __doc__, argv)


if __name__ == "__main__":
    main()
