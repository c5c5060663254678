"""text-cells: one cell per line closed by ` |`, or no pipes at all under a
`Table N <caption> Parameter` line (what Huawei pages become when copied out of a browser).
"""

from __future__ import annotations

import re

from ..tree import Document, Row, Table
from .page import (
    JSON_START,
    TYPE_WORD,
    Page,
    paragraphs,
    read_lines,
    section_level,
    sniff_ceiling,
    sniffed,
)
from .pipes import PIPE_SEPARATOR, pipes_header_at

_CELL_LINE = re.compile(r"^[^|]*\|\s*$")
"""`project_id |` or a lone `|`: one cell, closed by its pipe."""


def _cells_header(page: Page, index: int) -> tuple[str, ...] | None:
    """Header cells when one-cell lines from `index` run straight into a matching `---|` line."""
    lines, end = page.lines, index
    while end < len(lines) and _CELL_LINE.match(lines[end]) and end - index < 30:
        end += 1
    if end >= len(lines) or not PIPE_SEPARATOR.match(lines[end]):
        return None
    width = lines[end].count("|") + (not lines[end].rstrip().endswith("|"))
    if end - index != width or width < 2:
        return None
    return tuple(line.strip().removesuffix("|").strip() for line in lines[index:end])


def _piped_cells_table(page: Page, start: int) -> int | None:
    """Header cells, `---|…`, then rows of as many cells; a cell may wrap over pipe-less lines."""
    header = _cells_header(page, start)
    if header is None:
        return None
    lines = page.lines
    rows = []
    index = start + len(header) + 1
    while index < len(lines) and _CELL_LINE.match(lines[index]) \
            and _cells_header(page, index) is None:
        first, cells, pending = index, [], []
        while len(cells) < len(header) and index < len(lines):
            line = lines[index]
            if _CELL_LINE.match(line):
                pending.append(line.strip().removesuffix("|").strip())
                cells.append("\n".join(filter(None, pending)))
                pending = []
            elif section_level(line) or _caption(line) or JSON_START.match(line) \
                    or PIPE_SEPARATOR.match(line) or not line.strip():
                break
            else:
                pending.append(line.strip())
            index += 1
        if pending:
            cells.append("\n".join(pending))
        if len(cells) != len(header):
            page.note(first, f"row has {len(cells)} cells, the header has {len(header)}")
        rows.append(Row(tuple(cells), page.loc(first)))
    page.add(Table(header, tuple(rows), page.loc(start)))
    return index


_HEADER_WORDS = frozenset(("parameter", "name", "field", "attribute", "property"))
_MORE_HEADER_WORDS = frozenset(("type", "mandatory", "required", "description", "example",
                                "example value", "default value", "value range", "remarks"))
_CELL_NAME = re.compile(r"^[A-Za-z_$@][\w.\-\[\]$@]*$")
_CELL_TYPE = re.compile(
    r"^(?:(?:Array|List) of(?: .*)?|[A-Z]\w*(?:<[\w ,]*>)? objects?|"
    rf"{TYPE_WORD})$", re.IGNORECASE)
"""`String`, `Array of`, `Array of PolicyRule objects`, `IkePolicy object`, `Map<String,String>`."""


def _caption(line: str) -> tuple[str, str] | None:
    """`Table 3 Parameters in the response body Parameter` -> (caption, first header cell).

    The header cell is empty when the caption line holds only the caption.
    """
    text = line.strip()
    if not re.match(r"Table\s+\d+\b", text):
        return None
    head, _, last = text.rpartition(" ")
    if last.lower() in _HEADER_WORDS and re.match(r"Table\s+\d+", head):
        return head.strip(), last
    return text, ""


def _ends_captioned(page: Page, index: int) -> bool:
    line = page.lines[index]
    return bool(_caption(line) or section_level(line) or JSON_START.match(line)
                or _cells_header(page, index) is not None or pipes_header_at(page, index))


def _captioned_table(page: Page, start: int) -> int | None:
    """A pipe-less table: caption line, one header cell per line, then rows of
    name / type (maybe over two lines) / Yes-No when there is such a column / description lines.
    """
    found = _caption(page.lines[start])
    if found is None:
        return None
    lines = page.lines
    caption, first = found
    header, index = [first] if first else [], start + 1
    words = _HEADER_WORDS | _MORE_HEADER_WORDS
    while index < len(lines) and lines[index].strip().lower() in words \
            and lines[index].strip() not in header:
        header.append(lines[index].strip())
        index += 1
    if len(header) < 2:
        return None  # a caption of something else (a figure, a prose table reference)
    folded = [h.lower() for h in header]
    with_required = "mandatory" in folded or "required" in folded
    found_rows: list[tuple[int, list[str], list[str]]] = []
    while index < len(lines) and not _ends_captioned(page, index):
        line = lines[index].strip()
        if _CELL_NAME.match(line) and index + 1 < len(lines) \
                and _CELL_TYPE.match(lines[index + 1].strip()):
            row_start, kind = index, lines[index + 1].strip()
            index += 2
            if kind.endswith(" of") and index < len(lines):
                kind += " " + lines[index].strip()
                index += 1
            required = ""
            if with_required and index < len(lines) and lines[index].strip() in ("Yes", "No"):
                required = lines[index].strip()
                index += 1
            found_rows.append((row_start, [line, kind, required], []))
            continue
        if found_rows:
            found_rows[-1][2].append(lines[index])
        elif line:
            page.note(index, f"text before the first row of {caption!r}: {line!r}")
        index += 1
    rows = []
    for row_start, (name, kind, required), body in found_rows:
        values = {"type": kind, "mandatory": required, "required": required}
        cells = [values.get(h, "") for h in folded]
        cells[0] = name
        target = folded.index("description") if "description" in folded else len(cells) - 1
        cells[target] = paragraphs(body)
        rows.append(Row(tuple(cells), page.loc(row_start)))
    page.add(Table(tuple(header), tuple(rows), page.loc(start), caption=caption))
    return index


SURE = 0.9
"""What `sniff` returns for a page that shows this form's signature."""


def ceiling(path: str) -> float:
    """The most `sniff` can return for a file of this name."""
    return sniff_ceiling(path, SURE)


def sniff(path: str, text: str) -> float:
    """Sure when one-cell lines run into a `---|` line, or a `Table N … Parameter` caption shows."""

    def found(lines: list[str]) -> bool:
        page = Page(path, lines)
        return any(
            (PIPE_SEPARATOR.match(line) and i >= line.count("|") and _CELL_LINE.match(lines[i - 1])
             and _cells_header(page, i - line.count("|")) is not None)
            or ((cap := _caption(line)) is not None and bool(cap[1]))
            for i, line in enumerate(lines))

    return sniffed(path, text, SURE, found)


def read(path: str, text: str) -> Document:
    """Read a page whose table cells stand one per line."""
    return read_lines(path, text, "text-cells", (_piped_cells_table, _captioned_table),
                 line_paragraphs=True)
