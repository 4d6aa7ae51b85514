"""Store a word list in a ``dict`` (word -> its index): a set's cost plus the values.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (dict, 3rd edition).
A dict maps each word to something (here its position in the list); it costs
more than the set of the same words.

Run:
    python 11_less_ram/compressing_text/text_example_dict.py
"""


# book: 3rd ed. code, "text_example_dict.py"
def build(words):
    return {word: index for index, word in enumerate(words)}


def contains(structure, word):
    return word in structure


# book: end


def main(argv=None):
    from _text_family import run

    run("dict", build, contains, __doc__, argv)


if __name__ == "__main__":
    main()
