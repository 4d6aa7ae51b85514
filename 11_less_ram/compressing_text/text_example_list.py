"""Store a word list in a ``list`` and search it with ``in``: a linear scan per lookup.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (list). The list holds one
pointer per word, but ``word in words`` compares against every entry until it
finds the word: a lookup costs O(n). The book timed 100 lookups and scaled them
up; here the default is 1,000 lookups (pass ``--lookups`` for more).

Run:
    python 11_less_ram/compressing_text/text_example_list.py
"""


# book: 2nd ed. code, "text_example_list.py"
def build(words):
    return list(words)


def contains(structure, word):
    return word in structure


# book: end


def main(argv=None):
    from _text_family import run

    run("list", build, contains, __doc__, argv, lookups=1000)


if __name__ == "__main__":
    main()
