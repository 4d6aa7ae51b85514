"""The book's names shared by the word-list examples (chapter 11, "Efficiently Storing Lots of Text in RAM").

The 3rd edition's ``text_example.py`` holds the constants and the ``read_words``
generator its ``text_example_*.py`` scripts import; they are here under the
book's names. The family's driver (loading the words, measuring the RAM,
timing the lookups, printing one result per line) is ``_text_family.py``.
"""

import codecs

from hpp.words import default_word_file

# The book's names. Its list was ~11 million Wikipedia tokens; ours is the system
# word list (apt-get install wamerican), --input FILE, or generated words
# (--generated N, --scale book for 11 million).
# book: 3rd ed. code, "text_example.py"
DEFAULT_INPUT_FILE = default_word_file()  # None: generated words are used
WE_EXPECT_TO_SEE_1 = "and"  # in any English word list
WE_EXPECT_TO_SEE_2 = "Zweibel"  # the 3rd edition's (the 2nd: "Zwiebel"); in its 11M list only
MARISA_TRIE_FILENAME = "words_trie.saved"
NUMBER_LOOKUPS = 100_000
ABSENT_WORD = "Zwiebel-is-not-a-word"


def read_words(filename, codec="utf-8"):
    """Yield every whitespace-separated word of ``filename``, a line at a time (a generator)."""
    with codecs.open(filename, "r", codec, errors="replace") as f:
        for line in f:
            yield from line.split()


# book: end
