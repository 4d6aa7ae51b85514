"""The book's ``utils.trailing_zeros`` (chapter 11, "LogLog Counter"), as its doctests define it.

It returns the 1-based position of the lowest set bit of a 32-bit number: the
LogLog "rank" (the count of trailing zeros plus one), and 32 for 0. So
``trailing_zeros(0b1000)`` is 4, not 3. ``llregister.trailing_zeros`` is the
true count (3 here); the registers of ``ll.py`` store the rank.

    >>> trailing_zeros(0)
    32
    >>> trailing_zeros(0b1000)
    4
    >>> trailing_zeros(0b10000000)
    8

Run:
    python -m doctest -v 11_less_ram/probabilistic_datastructures/utils.py
"""


# book: 2nd ed. code, "utils.py"
def trailing_zeros(number):
    """The position (from 1) of the lowest set bit of ``number``; 32 when it is 0."""
    if number == 0:
        return 32
    index = 0
    while (number >> index) & 1 == 0:
        index += 1
    return index + 1


# book: end
