"""text-runon: the cells of a row run together (`RegionIdstringYes`), the header too
(`ParameterTypeRequiredDescriptionExample`).

What a browser's copy of an Alibaba reference page looks like: descriptions follow the row in
blank-line separated paragraphs and the example value is the line right before the next row.
Error-code, change-history and authorization tables have one line per row and are split by what
their columns hold (a status number, a date, an access level).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..tree import Document, Row, Table
from .page import (
    BULLET,
    TYPE_WORD,
    Page,
    paragraphs,
    prose,
    read_lines,
    section_level,
    sniff_ceiling,
    sniffed,
)

_RUNON_COLUMNS = sorted((
    "Access level", "Associated operation", "Change content", "Change item", "Change time",
    "Condition key", "Default value", "Description", "Error code", "Error message", "Example",
    "HTTP status code", "Operation", "Parameter", "Required", "Resource type",
    "Summary of changes", "Type",
), key=len, reverse=True)
"""Column titles of the tables on Alibaba pages; the longest match wins while splitting."""


def _runon_header(line: str) -> tuple[str, ...] | None:
    """`ParameterTypeRequiredDescriptionExample` -> its column titles; None for other lines."""
    text, pos, columns = line.strip(), 0, []
    folded = text.lower()
    while pos < len(text):
        name = next((n for n in _RUNON_COLUMNS if folded.startswith(n.lower(), pos)), None)
        if name is None:
            return None
        columns.append(text[pos:pos + len(name)])
        pos += len(name)
    return tuple(columns) if len(columns) >= 2 else None




_RUNON_ROW = re.compile(rf"^(?P<name>[\w.\-$@\[\]]*?)(?P<type>{TYPE_WORD})(?P<req>Yes|No)?$",
                        re.IGNORECASE)
"""`RegionIdstringYes`, `IpsecServersobject []`, `stringNo`, `object`: name, type, required."""


def _runon_row(line: str, with_required: bool) -> re.Match[str] | None:
    match = _RUNON_ROW.match(line.strip())
    if match and with_required and not match["name"] and not match["req"]:
        return None  # a bare type word in a table with a Required column is a value, not a row
    return match


def _ends_runon_params(page: Page, index: int) -> bool:
    line = page.lines[index]
    return bool(section_level(line) or _runon_header(line) or page.title_at(index))


_SENTENCE_END = tuple(".:;,\u3002\uff1a\uff1b\uff0c")  # ASCII and full-width punctuation


def _looks_like_value(line: str) -> bool:
    """An example value rather than prose: one short token or phrase, not a sentence."""
    text = line.strip()
    return bool(text) and not BULLET.match(line) and not text.endswith(_SENTENCE_END) \
        and len(text.split()) <= 3 and not line[:1].isspace()


def _runon_params(page: Page, start: int, header: tuple[str, ...]) -> int:
    """Rows of a parameter table: a run-on `name type required` line, then its text block.

    The example is the block's last line when it touches the next row line (the page renders
    an empty line when there is no example); for the last row, a final line that looks like a
    value.
    """
    with_required = any(h.lower() == "required" for h in header)
    with_example = any(h.lower() == "example" for h in header)
    lines = page.lines
    found: list[tuple[int, re.Match[str], list[str]]] = []
    index = start + 1
    while index < len(lines) and not _ends_runon_params(page, index):
        match = _runon_row(lines[index], with_required)
        nxt = index + 1
        if match and (page.blank(nxt) or _ends_runon_params(page, nxt)
                      or _runon_row(lines[nxt], with_required)):
            found.append((index, match, []))
        elif found:
            found[-1][2].append(lines[index])
        elif lines[index].strip():
            page.note(index, f"text before the first row of the table: {lines[index].strip()!r}")
        index += 1
    rows = []
    for number, (line_index, match, body) in enumerate(found):
        last = number == len(found) - 1
        while last and body and not body[-1].strip():
            body.pop()
        example = ""
        if with_example and body and body[-1].strip() and not BULLET.match(body[-1]) \
                and not body[-1][:1].isspace() and (not last or _looks_like_value(body[-1])):
            example = body.pop().strip()
        values = {"parameter": match["name"], "type": match["type"], "required": match["req"] or "",
                  "description": paragraphs(body), "example": example}
        cells = tuple(values.get(h.lower(), "") for h in header)
        rows.append(Row(cells, page.loc(line_index)))
    page.add(Table(header, tuple(rows), page.loc(start)))
    return index


@dataclass(frozen=True)
class _LineTable:
    """A run-on table whose rows are one line each (plus indented continuation lines)."""

    starts: Callable[[str], bool]
    continues: Callable[[str], bool]
    split: Callable[[list[str]], tuple[tuple[str, ...], str]]
    """Row lines -> (cells, problem); a non-empty problem becomes a note."""


_ERROR_ROW = re.compile(r"^(\d{3})(\S+)(.*)$")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SENTENCE_BOUNDARY = re.compile(r"\.(?=[A-Z])")


def _split_error(lines: list[str]) -> tuple[tuple[str, ...], str]:
    """`400IllegalParam.NextTokenThe specified … invalid.NextToken is …` -> four cells.

    The code is the first space-free token up to its last lower-to-upper boundary (the message's
    first word is capitalised); message and description meet at the first `.` directly followed
    by a capital letter.
    """
    match = _ERROR_ROW.match(lines[0].strip())
    if not match:
        return (lines[0].strip(), "", "", ""), "cannot split the error row"
    status, token, rest = match.groups()
    cuts = [m.start() for m in _CAMEL_BOUNDARY.finditer(token)]
    if not cuts:
        return (status, token, rest.strip(), ""), "cannot tell the error code from its message"
    code, message = token[:cuts[-1]], token[cuts[-1]:] + rest
    split = _SENTENCE_BOUNDARY.search(message)
    extra = "\n".join(line.strip() for line in lines[1:])
    if not split:
        return (status, code, message.strip(), extra), "cannot tell the error message from its " \
            "description"
    description = "\n".join(filter(None, (message[split.end():].strip(), extra)))
    return (status, code, message[:split.end()].strip(), description), ""


_CHANGE_ROW = re.compile(r"^(\d{4}-\d{2}-\d{2})(.*?)(see changesets|view change details)?$",
                         re.IGNORECASE)


def _split_change(lines: list[str]) -> tuple[tuple[str, ...], str]:
    """`2023-10-19API Description Update…see changesets` -> date, summary, link text."""
    date, summary, link = _CHANGE_ROW.findall(lines[0].strip())[0]  # `starts` saw the date
    summary = "\n".join([summary.strip(), *(line.strip() for line in lines[1:])]).strip()
    return (date, summary, link), ""


def _split_change_item(lines: list[str]) -> tuple[tuple[str, ...], str]:
    """`Error CodesThe error codes … change.` -> item, content (indented lines join content)."""
    first = lines[0].strip()
    cut = _CAMEL_BOUNDARY.search(first)
    details = [line.strip() for line in lines[1:]]
    if not cut:
        return (first, "\n".join(details)), "cannot split the change item from its content"
    return (first[:cut.start()], "\n".join([first[cut.start():], *details])), ""


_ACCESS_LEVEL = re.compile(r"^(\S+?)(create|read|list|update|delete|write|get)$")


def _split_authorization(lines: list[str]) -> tuple[tuple[str, ...], str]:
    """`vpc:CreateIpsecServercreate` + resource lines + condition key + associated operation."""
    first = lines[0].strip()
    match = _ACCESS_LEVEL.match(first)
    operation, level = (match[1], match[2]) if match else (first, "")
    rest = [prose([line]) for line in lines[1:] if line.strip()]
    problem = "" if match else "cannot split the access level from the operation"
    if len(rest) < 3:
        return (operation, level, "\n".join(rest), "", ""), \
            problem or "cannot tell resource type, condition key and associated operation apart"
    return (operation, level, "\n".join(rest[:-2]), rest[-2], rest[-1]), problem


def _split_whole(lines: list[str]) -> tuple[tuple[str, ...], str]:
    return ("\n".join(line.strip() for line in lines),), "cannot split a row of an unknown table"


def _indented(line: str) -> bool:
    return line[:1].isspace()


_LINE_TABLES: dict[str, _LineTable] = {
    "http status code": _LineTable(lambda line: bool(_ERROR_ROW.match(line)), _indented,
                                   _split_error),
    "change time": _LineTable(lambda line: bool(re.match(r"\d{4}-\d{2}-\d{2}", line)), _indented,
                              _split_change),
    "change item": _LineTable(lambda line: not _indented(line), _indented, _split_change_item),
    "operation": _LineTable(lambda line: bool(re.match(r"[\w-]+:\S", line)),
                            lambda line: True, _split_authorization),
}
_UNKNOWN_TABLE = _LineTable(lambda line: not _indented(line), _indented, _split_whole)


def _runon_lines(page: Page, start: int, header: tuple[str, ...]) -> int:
    """Rows of a one-line-per-row table; it ends at a blank line or a line it does not know."""
    kind = _LINE_TABLES.get(header[0].lower(), _UNKNOWN_TABLE)
    groups: list[tuple[int, list[str]]] = []
    index = start + 1
    while not page.blank(index) and not _ends_runon_params(page, index):
        line = page.lines[index]
        if kind.starts(line):
            groups.append((index, [line]))
        elif groups and kind.continues(line):
            groups[-1][1].append(line)
        else:
            break
        index += 1
    rows = []
    for line_index, group in groups:
        cells, problem = kind.split(group)
        if problem:
            page.note(line_index, f"{problem}: {group[0].strip()!r}")
        rows.append(Row(cells, page.loc(line_index)))
    page.add(Table(header, tuple(rows), page.loc(start)))
    return index


def _runon_table(page: Page, index: int) -> int | None:
    header = _runon_header(page.lines[index])
    if header is None:
        return None
    if header[0].lower() == "parameter":
        return _runon_params(page, index, header)
    return _runon_lines(page, index, header)


SURE = 0.9
"""What `sniff` returns for a page that shows this form's signature."""


def ceiling(path: str) -> float:
    """The most `sniff` can return for a file of this name."""
    return sniff_ceiling(path, SURE)


def sniff(path: str, text: str) -> float:
    """Sure when a line is a run-together table header (`ParameterTypeRequired…`)."""
    return sniffed(path, text, SURE, lambda lines: any(
        len(line) < 200 and _runon_header(line) for line in lines))


def read(path: str, text: str) -> Document:
    """Read a page whose table cells run together."""
    return read_lines(path, text, "text-runon", (_runon_table,), line_paragraphs=False)
