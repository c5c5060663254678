"""What the line-based readers (Markdown, text scraped from a page) share while they read: the
page's lines, the nodes found so far, and notes tied to a line number."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..location import SourceLoc
from .tree import Node


@dataclass
class LinePage:
    """A page being read line by line; `index` arguments are 0-based line indices."""

    path: str
    lines: list[str]
    nodes: list[Node] = field(default_factory=list)
    notes: list[tuple[SourceLoc, str]] = field(default_factory=list)

    def loc(self, index: int) -> SourceLoc:
        return SourceLoc(self.path, index + 1)

    def note(self, index: int, message: str) -> None:
        self.notes.append((self.loc(index), message))
