"""Where something came from in an input page.

Every stage (reader, dialect, IR, emitter, validator) reports findings against the page a user
can open, so the location type lives outside all of them and each may import it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class SourceLoc:
    """A page and a 1-based line in it; line 0 means "the page as a whole"."""

    path: str
    """The page's path as given to the tool (relative to `specs/` when regenerating)."""
    line: int = 0
    """1-based line number, 0 when the finding concerns the whole page."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def at(self, line: int) -> SourceLoc:
        """The same page at another line."""
        return SourceLoc(self.path, line)
