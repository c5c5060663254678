"""CPU-time limits: one per page read, one per product built (merging and every output).

The readers avoid regular expressions that backtrack catastrophically, but pages come from the
web and the limits are the guarantee: a page whose reading takes more than `PAGE_SECONDS` is
abandoned with a diagnostic, and a product whose merging and emission take more than
`product_seconds(pages)` is refused with one error line, instead of hanging the run.

The limits count CPU time (`ITIMER_PROF`: user + system time of the process), not wall-clock
time: a suspended, swapped or heavily loaded process gets the same verdict as an idle one, so
the output does not depend on the machine's load. They use a POSIX interval timer, so they apply
in the main thread of a process (the CLI and every worker process); elsewhere they are no-ops
rather than errors. Limits nest: an inner one never outlasts the outer one's remaining time.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

PAGE_SECONDS = 20.0
"""CPU seconds to read one page."""
PRODUCT_SECONDS = 60.0
PRODUCT_SECONDS_PER_PAGE = 2.0


def product_seconds(pages: int) -> float:
    """CPU seconds to merge a product's pages and write every output: a fixed part plus a part
    per page (the 201-page development corpus takes about 4 s in all)."""
    return PRODUCT_SECONDS + PRODUCT_SECONDS_PER_PAGE * pages


class PageTimeout(Exception):
    """Raised inside the work when its CPU time is up."""


def _expire(signum, frame):  # noqa: ARG001 - signal handler signature
    raise PageTimeout


@contextmanager
def time_limit(seconds: float = PAGE_SECONDS) -> Iterator[None]:
    """Raise `PageTimeout` in the block once it has used `seconds` of CPU time."""
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is
              threading.main_thread() and seconds > 0)
    if not usable:
        yield
        return
    outer, _ = signal.getitimer(signal.ITIMER_PROF)
    started = time.process_time()
    previous = signal.signal(signal.SIGPROF, _expire)
    signal.setitimer(signal.ITIMER_PROF, min(seconds, outer) if outer > 0 else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        if outer > 0:  # the enclosing limit goes on with what is left of it (fires at once if none)
            signal.setitimer(signal.ITIMER_PROF,
                             max(outer - (time.process_time() - started), 1e-6))
