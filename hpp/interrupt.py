"""Ctrl-C ends a run with one line, ``interrupted``, and exit status 130.

Python answers Ctrl-C with a ``KeyboardInterrupt`` traceback from the program
and one from each of its worker processes (the terminal sends SIGINT to the
whole process group): 24 to 93 lines for a Pool or a Dask cluster.
``quiet_interrupt()``, which ``hpp.script`` calls once the program's own parser
has read its arguments, replaces that with one SIGINT handler:

- in the program it prints ``interrupted`` on stderr (once) and raises
  :class:`Interrupted`, a ``SystemExit`` with status 130. That unwinds like any
  exception (``with Pool()``, ``finally``, a Dask cluster's context and a
  temporary folder clean up), prints no traceback, and Python exits with 130
  after its normal shutdown, which stops the daemonic worker processes (an
  ``except KeyboardInterrupt`` no longer sees Ctrl-C: ``finally`` does);
- in its worker processes (a Pool's, a Dask cluster's, a ``Process``) it
  raises the same exception without the line, which ``multiprocessing`` turns
  into a quiet exit.

In every process, from the first SIGINT on, log records of ERROR level and
below are dropped (``logging.disable``): what libraries log as they are torn
down mid-flight (a Dask cluster stopped while it starts logs its scratch
folders, already removed) is noise; CRITICAL records and tracebacks still show.

A forked child inherits the handler. A spawned or forkserver child gets it when
it unpickles its ``Process`` object: the hook rides in
``current_process()._config``, the dict every ``Process`` copies from its parent
and carries into its child, so the pools the book's code creates itself, and a
Dask cluster's workers, need no initializer. Such a child starts with SIGINT
blocked until the hook has run (``multiprocessing.util.spawnv_passfds`` is
wrapped to block it; CPython starts its resource tracker the same way), so a
Ctrl-C while it imports waits for the handler instead of printing a traceback.

Python runs signal handlers in the main thread, but the kernel may hand a
process' SIGINT to any of its threads (a Pool's result thread, a Dask client's
loop): the main thread, asleep in ``pool.map`` or ``compute``, then never wakes
and the run hangs (plain Python hangs the same way, now and then). So the
program also keeps a relay thread on the signal wake-up fd: when a SIGINT has
not reached the main thread's handler within a moment, the relay sends it there
with ``pthread_kill``.

A second Ctrl-C during the clean-up raises again, without a second line.
"""

import contextlib
import os
import signal
import sys
import threading
import time

EXIT_STATUS = 130
MESSAGE = "interrupted"
RELAY_DELAY_S = 0.1  # how long the main thread may take to run the handler itself

_program_pid = None  # the process that installed the handler and speaks for the run
_said = False  # the line has been printed
_handled = False  # the handler has run in this process


class Interrupted(SystemExit):
    """Raised by Ctrl-C: a ``SystemExit`` with status 130 (no traceback, clean-up runs)."""

    def __init__(self, *args):
        super().__init__(EXIT_STATUS)


def _quiet_logs():
    """Drop log records of ERROR level and below: what libraries log as they are torn down."""
    logging = sys.modules.get("logging")
    if logging is not None:
        logging.disable(logging.ERROR)


def _on_sigint(signum, frame):
    global _said, _handled
    _handled = True
    _quiet_logs()
    if os.getpid() != _program_pid:  # a child process: quiet
        raise Interrupted
    if not _said:
        _said = True
        # no stderr, or a closed or busy one: the exit status still says it
        with contextlib.suppress(OSError, ValueError, RuntimeError, AttributeError):
            print(MESSAGE, file=sys.stderr, flush=True)
    raise Interrupted


class _ChildHook:
    """Unpickled in a spawned or forkserver child: installs the handler there."""

    def __reduce__(self):
        return (_install_in_child, ())


def _install_in_child():
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _on_sigint)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # see _spawn_with_sigint_blocked
    return _ChildHook()  # carried on to the child's own children


def _spawn_with_sigint_blocked(spawnv_passfds):
    """``multiprocessing.util.spawnv_passfds`` whose child starts with SIGINT blocked."""

    def spawn(path, args, passfds):
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            return spawnv_passfds(path, args, passfds)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)

    spawn.hpp_blocks_sigint = True
    return spawn


def _relay(read_fd, main_ident):
    """Wait for SIGINT on the wake-up fd; make sure the main thread's handler runs."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # never take it here
    while True:
        try:
            received = os.read(read_fd, 512)
        except OSError:
            return
        if not received:
            return
        if signal.SIGINT not in received:
            continue
        time.sleep(RELAY_DELAY_S)
        if not _handled:
            try:
                signal.pthread_kill(main_ident, signal.SIGINT)
            except (OSError, ValueError):
                return


def _start_relay():
    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    previous = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    if previous != -1:  # someone else's: leave it theirs
        signal.set_wakeup_fd(previous)
        os.close(read_fd)
        os.close(write_fd)
        return

    def forget_in_child():  # a forked child: the pipe and the relay are the parent's
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(-1)
        for fd in (read_fd, write_fd):
            with contextlib.suppress(OSError):
                os.close(fd)

    os.register_at_fork(after_in_child=forget_in_child)
    main_ident = threading.main_thread().ident
    threading.Thread(target=_relay, args=(read_fd, main_ident), name="hpp-interrupt", daemon=True).start()


def quiet_interrupt():
    """Make Ctrl-C end this program, and its worker processes, quietly with status 130.

    Only from the main thread, and only when SIGINT still has Python's default
    handler (a program started with SIGINT ignored, or a tool that handles it,
    keeps its behaviour). Returns True when installed (or already installed).
    """
    global _program_pid
    if threading.current_thread() is not threading.main_thread():
        return False
    current = signal.getsignal(signal.SIGINT)
    if current is _on_sigint and _program_pid == os.getpid():
        return True
    if current is not signal.default_int_handler:
        return False
    from multiprocessing import process, util

    _program_pid = os.getpid()
    signal.signal(signal.SIGINT, _on_sigint)
    process.current_process()._config["hpp_quiet_interrupt"] = _ChildHook()
    if not getattr(util.spawnv_passfds, "hpp_blocks_sigint", False):
        util.spawnv_passfds = _spawn_with_sigint_blocked(util.spawnv_passfds)
    _start_relay()
    return True
