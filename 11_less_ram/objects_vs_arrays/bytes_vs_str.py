"""Bytes versus Unicode: what a ``str`` costs per character, and what its UTF-8 bytes cost.

Chapter 11, "Bytes Versus Unicode". Since Python 3.3 (PEP 393) a ``str`` stores
each character in 1, 2 or 4 bytes: the width its widest character needs
(Latin-1, the Basic Multilingual Plane, or beyond). One '€' in a long ASCII
text doubles the whole string. UTF-8 ``bytes`` use 1 byte per ASCII character
and 2 to 4 for the rest. Then a word list both ways: a list of ``str`` against
a list of UTF-8 ``bytes`` (deep sizes), where the per-object overhead
dominates short words.

Run:
    python 11_less_ram/objects_vs_arrays/bytes_vs_str.py
    python 11_less_ram/objects_vs_arrays/bytes_vs_str.py --chars 1000 --input words.txt
"""

# taught: 2nd ed., "Bytes versus Unicode": str stores 1, 2 or 4 bytes a character, UTF-8 1 for ASCII
import sys

from hpp.memory import deep_sizeof


def str_bytes_per_char(text):
    """Bytes per character of ``text`` in memory, the fixed header taken off.

    Measured as the slope of ``sys.getsizeof`` between ``text`` and ``text * 2``.
    """
    return (sys.getsizeof(text * 2) - sys.getsizeof(text)) / len(text)


def utf8_bytes_per_char(text):
    return len(text.encode("utf-8")) / len(text)


def widest_char_effect(chars):
    """(bytes per char of ``chars`` ASCII letters, the same with one '€' at the end)."""
    ascii_text = "a" * chars
    return sys.getsizeof(ascii_text) / chars, sys.getsizeof(ascii_text[:-1] + "€") / chars


def word_list_sizes(words):
    """Deep sizes of the words as a list of ``str`` and as a list of UTF-8 ``bytes``."""
    as_str = list(words)
    as_bytes = [word.encode("utf-8") for word in as_str]
    return deep_sizeof(as_str), deep_sizeof(as_bytes), len(as_str)


# taught: end


def main(argv=None):
    import sys

    from _objects_family import compare_str_and_bytes

    compare_str_and_bytes(sys.modules[__name__], argv)


if __name__ == "__main__":
    main()
