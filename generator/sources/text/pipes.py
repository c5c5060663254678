"""text-pipes: one row per line, cells closed by ` | `, a `---|---|` line under the header.

Malformed rows are kept as the page has them, with a note; a row short of cells continues on the
next lines (a description that wrapped).
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..tree import Document, Row, Table
from .page import Page, read_lines, sniff_ceiling, sniffed

PIPE_SEPARATOR = re.compile(r"^\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
"""`---|---|---|`: under a header; the first cell has no leading pipe (unlike Markdown's)."""


def pipe_cells(raw: str) -> list[str]:
    """Cells of ` | `-separated text, each closed by a pipe; lines inside a cell are trimmed."""
    text = raw.strip()
    text = text.removesuffix("|")
    return ["\n".join(filter(None, (part.strip() for part in cell.split("\n")))).strip()
            for cell in text.split("|")]


def pipes_header_at(page: Page, index: int) -> bool:
    lines = page.lines
    return index + 1 < len(lines) and "|" in lines[index] \
        and bool(PIPE_SEPARATOR.match(lines[index + 1])) and len(pipe_cells(lines[index])) >= 2


def _pipes_table(page: Page, start: int) -> int | None:
    """A header, its `---|` line, then rows; a row short of cells continues on the next lines."""
    if not pipes_header_at(page, start):
        return None
    lines = page.lines
    header = tuple(pipe_cells(lines[start]))
    rows = []
    index = start + 2

    def continues(at: int) -> bool:
        return at < len(lines) and "|" in lines[at] and not pipes_header_at(page, at)

    while continues(index):
        first, raw = index, [lines[index]]
        index += 1
        while len(pipe_cells("\n".join(raw))) < len(header) and continues(index):
            raw.append(lines[index])
            index += 1
        cells = pipe_cells("\n".join(raw))
        if len(cells) != len(header):
            page.note(first, f"row has {len(cells)} cells, the header has {len(header)}")
        rows.append(Row(tuple(cells), page.loc(first)))
    page.add(Table(header, tuple(rows), page.loc(start)))
    return index


SURE = 0.85
"""What `sniff` returns for a page that shows this form's signature."""


def ceiling(path: str) -> float:
    """The most `sniff` can return for a file of this name."""
    return sniff_ceiling(path, SURE)


def sniff(path: str, text: str) -> float:
    """Sure when a `---|---|` line sits under a line of several ` | `-separated cells."""
    return sniffed(path, text, SURE, lambda lines: any(
        PIPE_SEPARATOR.match(below) and len(pipe_cells(line)) >= 2
        and not line.lstrip().startswith("|") for line, below in pairwise(lines)))


def read(path: str, text: str) -> Document:
    """Read a page whose rows are lines of ` | `-separated cells."""
    return read_lines(path, text, "text-pipes", (_pipes_table,), line_paragraphs=True)
