"""What a capture path may be, and how much of it is read: bytes actually read, not `st_size`.

`st_size` is 0 for a device or a pipe, so a size check before reading lets `/dev/zero` through
(read without end) and a FIFO with no writer blocks forever. Here a capture must be a regular
file or a FIFO (`validate <(curl ...)` gives one); devices, sockets and the like are refused
with one line. A FIFO is opened without blocking, so one nobody writes to reads as empty
instead of hanging. Whatever the kind, at most `cap` bytes are read: one more means too large.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotACapture(OSError):
    """Not a regular file or FIFO (a device, socket, ...), or larger than the cap."""


def check_kind(path: Path) -> None:
    """Refuse what cannot be a saved capture (it would be read without end or block)."""
    mode = os.stat(path).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or stat.S_ISDIR(mode)):
        kind = ("a character device" if stat.S_ISCHR(mode) else "a block device"
                if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "not a regular file")
        raise NotACapture(f"{kind}, not a capture file")


READ_BUFFER = 256 * 1024
"""Read buffer of a capture: JSON Lines records are often longer than the default 8 KB, and a
line longer than the buffer is read in pieces and joined (twice the CPU for `readline`). Not
larger: while a run validates, a 1 MiB buffer falls out of the processor's cache between two
reads, and `readline` took twice the CPU of a 256 KiB one (0.20 s against 0.10-0.13 s on the
20,000 records of `benchmarks/bench_validate.py`)."""


def open_capture(path: Path):
    """A binary stream of the capture at `path` (see the module docstring)."""
    check_kind(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # O_NONBLOCK was for the open only
        return os.fdopen(fd, "rb", buffering=READ_BUFFER)
    except BaseException:
        os.close(fd)
        raise


def read_capped(path: Path, cap: int) -> bytes:
    """The bytes of the capture, at most `cap`; `NotACapture` when there are more."""
    with open_capture(path) as stream:
        data = stream.read(cap + 1)
    if len(data) > cap:
        raise NotACapture(f"larger than {cap // (1024 * 1024)} MiB")
    return data
