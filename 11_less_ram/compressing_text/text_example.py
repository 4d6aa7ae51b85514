"""The book's shared names of the word-list examples (chapter 11, "Efficiently Storing Lots of Text in RAM").

Each ``text_example_*.py`` script gives a ``build(words)`` (from an iterator of
fresh strings, as the book reads them from a file) and a ``contains(structure,
word)``; ``run`` measures, in the script's own fresh process:

- RAM used: the growth of the resident set size (psutil) across ``build``,
  the strings included;
- the build time;
- the time of ``--lookups`` lookups of words from the list (each must be found)
  and that a word not in the list is not found.

It prints one result per line (``RAM used = 12.3 MiB``); ``plot_example.py``
and the chapter benchmark run each script in a fresh subprocess and read them.
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
