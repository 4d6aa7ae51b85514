"""The ``profile`` shim.

``kernprof -l`` and ``python -m memory_profiler`` put a ``profile`` decorator
into :mod:`builtins` before the script runs. Under plain ``python`` there is no
such name, so the book's examples guard it. Our shim looks the real one up when
it decorates, so::

    from hpp import profile

    @profile
    def calculate_z_serial_purepython(...): ...

gives a line-by-line report under kernprof and memory_profiler, and under plain
Python returns the function itself (same name, same speed).

The official code's guard (``if 'profile' not in dir(): def profile...``) hides
kernprof's decorator and silently empties its report; this one does not.
"""

import builtins


def profile(func):
    """Decorate ``func`` with the active profiler's ``profile``, or return it unchanged."""
    active_profiler = getattr(builtins, "profile", None)
    if active_profiler is None or active_profiler is profile:
        return func
    return active_profiler(func)
