"""Build the word list the examples load: every distinct word of some word files, one per line.

Chapter 11, "Efficiently Storing Lots of Text in RAM" (the data). The book's
first list came from the Moby Words lists (Project Gutenberg ebook 3201,
``mword10.zip``): several files in Windows-1252, words repeated across them. This
reads each file with the book's ``read_words``, keeps one
copy of each word in a ``set`` and writes them sorted, one per line, to
``all_unique_words.txt`` (the book had about 500,000 Moby words), ready for
``text_example_set.py --input all_unique_words.txt`` and the others.

``--input`` is a file or a folder of files (default: ``mword10/`` in this folder
when you have unzipped it here, else the system word list, else the 10-line
``trivial_words.txt`` beside this script).

Run (from this folder):
    python text_example_clean_list.py --input mword10          # the Moby lists, cp1252
    python text_example_clean_list.py --input /usr/share/dict/words
"""

# book: 2nd ed. code, "text_example_clean_list.py"
import text_example


def read_words(filename, codec="cp1252"):
    """Yield every word of ``filename``, a line at a time; the Moby lists are Windows-1252.

    The reading itself is ``text_example.read_words`` (where the 3rd edition moved it),
    which replaces an undecodable byte instead of stopping at it as the book's did.
    """
    yield from text_example.read_words(filename, codec)


# book: end


# book: 2nd ed. code, "text_example_clean_list.py" (continued)
def clean_list(filenames, codec):
    """(the set of distinct words of all ``filenames``, the number of words read)."""
    all_words = set()
    nbr_words_read = 0
    for filename in filenames:
        for word in read_words(filename, codec):
            all_words.add(word)
            nbr_words_read += 1
    return all_words, nbr_words_read


def write_words(words, filename):
    """Write ``words`` sorted, one per line (UTF-8)."""
    with open(filename, "w", encoding="utf-8") as f:
        for word in sorted(words):
            f.write(word + "\n")


# book: end


def main(argv=None):
    import sys

    from _text_family import build_clean_list

    build_clean_list(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
