"""``python -m hpp``: the same as the ``hpp`` command (see ``hpp.cli``)."""

from hpp.cli import main

main()
