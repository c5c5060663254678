"""A time limit for reading one page.

The readers avoid regular expressions that backtrack catastrophically, but pages come from the
web and the limit is the guarantee: a page that takes longer than `PAGE_SECONDS` is abandoned
with a diagnostic instead of hanging the run. It uses a POSIX interval timer, so it applies in
the main thread of a process (the CLI and every worker of the page pool); elsewhere it is a
no-op rather than an error.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

PAGE_SECONDS = 20.0


class PageTimeout(Exception):
    """Raised inside the work when the time is up."""


@contextmanager
def time_limit(seconds: float = PAGE_SECONDS) -> Iterator[None]:
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is
              threading.main_thread() and seconds > 0)
    if not usable:
        yield
        return

    def expire(signum, frame):  # noqa: ARG001 - signal handler signature
        raise PageTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
