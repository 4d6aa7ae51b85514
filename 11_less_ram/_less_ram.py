"""The helpers the chapter's benchmark (``_benchmark.py``) uses, under the name it loads.

They live in ``hpp.memory`` (deep size, RSS, tracemalloc peak) and ``hpp.words``
(word lists, generated words and tokens); the examples import them from there.
"""

from hpp.memory import deep_sizeof, peak_rss_growth, rss_bytes, traced_peak  # noqa: F401
from hpp.words import (  # noqa: F401
    BOOK_WORDS,
    GENERATED_WORDS,
    add_word_arguments,
    default_word_file,
    generated_tokens,
    generated_words,
    read_words,
    word_flags,
    words_source,
)
