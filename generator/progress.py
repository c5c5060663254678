"""One status line on stderr while long work runs: done out of total, the current item, findings.

Shown only when stderr is a terminal and the user did not ask for `--quiet`: piped or
redirected output (CI logs, `2> log`) stays exactly what it was. The line is redrawn in place
(`\\r`), at most ten times a second, cut to the terminal's width, and erased when the work ends,
so the summary printed afterwards reads as before.

Written here rather than taken from tqdm or rich: one line with a counter is all that is needed,
and either would be one more dependency to pin, imported on a start-up path that must stay
under 0.3 s.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from .location import printable

REDRAW_SECONDS = 0.1


class Progress:
    """`advance(label)` once per item done; `expect(n)` when more work is found; `close()`.

    A disabled Progress (not a terminal, `--quiet`) does nothing, so callers never test."""

    def __init__(self, total: int = 0, what: str = "pages", *, stream: TextIO | None = None,
                 enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = _is_terminal(self.stream)
        self.enabled = enabled
        self.total = total
        self.what = what
        self.done = 0
        self.findings: int | None = None
        self._label = ""
        self._drawn = 0.0
        self._shown = False

    @classmethod
    def for_terminal(cls, total: int = 0, what: str = "pages", quiet: bool = False) -> Progress:
        return cls(total, what, enabled=False if quiet else None)

    def expect(self, more: int) -> None:
        self.total += more

    def advance(self, label: str = "", findings: int | None = None, count: int = 1) -> None:
        """One item (`label`, e.g. the page just read) done; `findings` so far, when counted."""
        self.done += count
        if findings is not None:
            self.findings = findings
        self._label = label
        self._draw()

    def note(self, label: str) -> None:
        """A step that is not one of the counted items (e.g. "writing models for vpc")."""
        self._label = label
        self._draw(force=True)

    def close(self) -> None:
        if self.enabled and self._shown:
            self._write("\r\x1b[K")
            self._shown = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def line(self, width: int) -> str:
        """The status line, at most `width` characters."""
        if self.total:  # known in advance (pages)
            total = max(self.total, self.done)
            text = f"[{self.done}/{total}] {100 * self.done // total:3d}% {self.what}"
        else:  # streamed (capture entries): a count
            text = f"{self.done} {self.what}"
        if self.findings is not None:
            text += f", {self.findings} finding{'s' if self.findings != 1 else ''}"
        if self._label:
            room = width - len(text) - 2
            label = printable(self._label)
            if room > 8:
                text += ": " + (label if len(label) <= room else "…" + label[-(room - 1):])
        return text[:width]

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._drawn < REDRAW_SECONDS and self.done < self.total:
            return
        self._drawn = now
        width = shutil.get_terminal_size((80, 24)).columns - 1
        self._write("\r\x1b[K" + self.line(width))
        self._shown = True

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: the work goes on silently
            self.enabled = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
