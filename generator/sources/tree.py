"""The format-neutral document tree every reader produces.

Readers (HTML, Markdown, reStructuredText, text scraped from a page) know the syntax of their
format and nothing about cloud APIs beyond how a table looks; dialects read this tree and know the
documentation conventions. Cells are plain text: inline markup is removed, paragraphs are separated
by blank lines and list items start with "- ", so that prose rules work the same on every format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..location import SourceLoc


@dataclass(frozen=True, slots=True)
class Heading:
    """A section title."""

    text: str
    level: int
    """1 for the page title, larger for subsections; text readers guess from known titles."""
    loc: SourceLoc


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Prose outside tables: a paragraph, a list, a note."""

    text: str
    loc: SourceLoc
    links: tuple[str, ...] = ()
    """Targets of the page-internal links in the paragraph (`For details about the x field,
    see Table 2`, the table a label names), normalised with `link_key`."""


@dataclass(frozen=True, slots=True)
class Row:
    """One table row as the page shows it."""

    cells: tuple[str, ...]
    loc: SourceLoc
    depth: int | None = None
    """Nesting level when the page shows it (HTML indentation, row classes); None when the
    page lists nested rows flat and the dialect must work it out."""
    links: tuple[str, ...] = ()
    """Targets of the page-internal links in the row (a type cell linking to the table that
    defines the type), normalised with `link_key`."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table with its header; rows keep the page's order."""

    header: tuple[str, ...]
    rows: tuple[Row, ...]
    loc: SourceLoc
    caption: str = ""
    """`Table 4 ResponseVpnConnection`, `.. table:: **Table 6** IkePolicy`, an HTML caption."""
    anchor: str = ""
    """A link target naming the table (RST `.. _x:` labels, HTML ids), for type cells that link."""


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A sample: JSON, XML, an HTTP request line, anything preformatted."""

    text: str
    loc: SourceLoc
    language: str = ""
    """What the page says the block is (`json`, `xml`, `text`), empty when it says nothing."""


Node = Heading | Paragraph | Table | CodeBlock


def link_key(label: str) -> str:
    """One spelling for a link target however the format wrote it: RST labels keep
    underscores, HTML ids (Sphinx, docutils) turn them into hyphens."""
    return "-".join(part for part in re.split(r"[^0-9a-z]+", label.lower()) if part)


@dataclass(frozen=True, slots=True)
class Document:
    """A whole page in reading order."""

    path: str
    form: str
    """Which reader produced it (`markdown`, `rst`, `html`, `text-runon`, ...)."""
    nodes: tuple[Node, ...] = field(default_factory=tuple)
    notes: tuple[tuple[SourceLoc, str], ...] = ()
    """What the reader could not place (a broken table, an unterminated code block)."""

    @property
    def title(self) -> str:
        for node in self.nodes:
            if isinstance(node, Heading):
                return node.text
        return ""
