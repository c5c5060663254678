"""Readers for API pages saved as plain text: three forms seen in the wild.

People copy a rendered reference page out of a browser or a PDF viewer, and the table structure
survives differently depending on the tool:

- text-runon (`sniff_runon`/`read_runon`): the cells of a row run together (`RegionIdstringYes`),
  the header too (`ParameterTypeRequiredDescriptionExample`); descriptions follow in blank-line
  separated paragraphs and the example value is the line right before the next row.
- text-pipes (`sniff_pipes`/`read_pipes`): one row per line, cells closed by ` | `, a
  `---|---|` line under the header; malformed rows are kept as the page has them.
- text-cells (`sniff_cells`/`read_cells`): one cell per line closed by ` |`, or no pipes at all
  under a `Table N <caption> Parameter` line (Huawei pages).

All three share the scaffolding at the top of this module: line splitting, known section titles,
JSON samples, prose clean-up. The form-specific table parsers follow, one section per form.
Nothing here knows what a parameter means; cells are copied, never interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from ..errors import InputError
from ..location import SourceLoc
from .tree import CodeBlock, Document, Heading, Node, Paragraph, Row, Table

# ---------------------------------------------------------------------------- shared scaffolding


def looks_binary(text: str) -> bool:
    """True for text that is not a page at all (NULs, many control or undecodable characters)."""
    sample = text[:8192]
    if "\x00" in sample:
        return True
    bad = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    return bad > len(sample) * 0.05


def split_lines(path: str, text: str, form: str) -> list[str]:
    """The page's lines without BOM or line ends; line N of the page is index N-1.

    Only CR/LF count as line breaks (not the other characters `str.splitlines` splits on) so
    that the numbers match what an editor or `grep -n` shows.
    """
    if looks_binary(text):
        raise InputError(f"not a text page, cannot read it as {form}", SourceLoc(path, 1),
                         hint="is this a binary file?")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def foreign_suffix(path: str) -> bool:
    """HTML and reStructuredText files belong to their own readers."""
    return path.lower().endswith((".html", ".htm", ".xhtml", ".rst", ".rest"))


def blank_separated(lines: list[str]) -> list[list[str]]:
    """The runs of non-blank lines (paragraphs) in reading order."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _sniffed(path: str, text: str, sure: float, found: Callable[[list[str]], bool]) -> float:
    """`sure` when `found` sees the form's signature in the lines, half of it for a Markdown
    file name, 0 for HTML/RST names and for binary junk."""
    if foreign_suffix(path) or looks_binary(text) or not found(text.splitlines()):
        return 0.0
    return sure / 2 if path.lower().endswith((".md", ".markdown")) else sure


_SECTION_TITLES: dict[str, int] = {
    title: 2 for title in (
        "authorization information", "calling method", "change history", "constraints",
        "debugging", "error codes", "examples", "example requests", "example responses",
        "function", "operation description", "request", "request parameters", "response",
        "response parameters", "status codes", "uri",
    )
} | {title: 3 for title in ("sample requests", "sample success responses",
                            "sample error responses")}
"""Section titles that text pages share; a text reader cannot see heading markup, so only lines
that say one of these exactly (optionally as a `- ` item, as Huawei pages do) become headings."""

_PRODUCT_OPERATION = re.compile(r"^[A-Z][\w ]{1,60}:[A-Z][A-Za-z0-9]{2,80}$")
"""`Virtual Private Cloud:ListIpsecServers`, the title line of a saved Alibaba page."""


def _section_level(line: str) -> int:
    """Heading level of a known section title, 0 for any other line."""
    text = line.strip()
    listed = text.startswith("- ")
    level = _SECTION_TITLES.get(text.removeprefix("- ").strip().lower(), 0)
    return max(level, 3) if level and listed else level


_BULLET = re.compile(r"^(\s*)(?:[•·▪◦‣●]|[-*+])\s+(\S.*)$")


def _prose(lines: list[str]) -> str:
    """One paragraph's lines as tree text: trimmed, bullets as `- `, nesting as two spaces."""
    found = [(_BULLET.match(line), line) for line in lines]
    indents = [len(m.group(1)) for m, _ in found if m]
    base = min(indents, default=0)
    out = []
    for m, line in found:
        if m:
            depth = max(0, len(m.group(1)) - base) // 2
            out.append("  " * depth + "- " + m.group(2).strip())
        else:
            out.append(line.strip())
    return "\n".join(out)


def _paragraphs(lines: list[str]) -> str:
    """Blank-line separated blocks as prose joined by an empty line."""
    return "\n\n".join(_prose(block) for block in blank_separated(lines))


_JSON_START = re.compile(r"^\s*(?:\{|\[)\s*(?:$|[\"{\[])")


def _json_end(lines: list[str], start: int) -> int | None:
    """Index of the line closing the JSON value that opens at `start`, None if it never closes."""
    depth, in_string, escaped = 0, False, False
    for index in range(start, len(lines)):
        for ch in lines[index]:
            if in_string:
                if escaped:
                    escaped = False
                elif ch == "\\":
                    escaped = True
                elif ch == '"':
                    in_string = False
            elif ch == '"':
                in_string = True
            elif ch in "{[":
                depth += 1
            elif ch in "}]":
                depth -= 1
                if depth == 0:
                    return index
    return None


@dataclass
class _Page:
    """A page being read: its lines, the nodes so far, and the paragraph being collected."""

    path: str
    lines: list[str]
    nodes: list[Node] = field(default_factory=list)
    notes: list[tuple[SourceLoc, str]] = field(default_factory=list)
    pending: list[int] = field(default_factory=list)
    titled: bool = False
    """Whether a heading has been read (only the first can be the page title)."""

    def loc(self, index: int) -> SourceLoc:
        return SourceLoc(self.path, index + 1)

    def note(self, index: int, message: str) -> None:
        self.notes.append((self.loc(index), message))

    def flush(self) -> None:
        if self.pending:
            text = _prose([self.lines[i] for i in self.pending])
            self.nodes.append(Paragraph(text, self.loc(self.pending[0])))
            self.pending = []

    def add(self, node: Node) -> None:
        self.flush()
        self.nodes.append(node)
        self.titled = self.titled or isinstance(node, Heading)

    def blank(self, index: int) -> bool:
        return index >= len(self.lines) or not self.lines[index].strip()

    def title_at(self, index: int) -> bool:
        """A page title: `Product:Operation`, or the first line when a known section follows."""
        line = self.lines[index].strip()
        if self.titled or not line:
            return False
        if _PRODUCT_OPERATION.match(line):
            return True
        if self.nodes or self.pending or len(line) > 100 or line[-1] in ".:;,!?" \
                or _section_level(line):
            return False
        following = index + 1
        while following < len(self.lines) and self.blank(following):
            following += 1
        return following < len(self.lines) and bool(_section_level(self.lines[following]))


_TableParser = Callable[[_Page, int], int | None]
"""Tries to read a table starting at a line; returns the index after it, None if there is none."""


def _code_or_heading(page: _Page, index: int) -> int | None:
    """Read a heading or a JSON sample at `index`; None when the line is neither."""
    line = page.lines[index]
    if page.title_at(index):
        page.add(Heading(line.strip(), 1, page.loc(index)))
        return index + 1
    level = _section_level(line)
    if level:
        page.add(Heading(line.strip().removeprefix("- ").strip(), level, page.loc(index)))
        return index + 1
    if _JSON_START.match(line):
        end = _json_end(page.lines, index)
        if end is None:
            end = index
            while not page.blank(end + 1) and not _section_level(page.lines[end + 1]):
                end += 1
            page.note(index, "JSON sample does not close; kept up to the next blank line")
        text = "\n".join(page.lines[index:end + 1])
        page.add(CodeBlock(text, page.loc(index), "json"))
        return end + 1
    return None


def _read(path: str, text: str, form: str, tables: tuple[_TableParser, ...],
          line_paragraphs: bool) -> Document:
    """The loop all text forms share: blank lines, tables, headings, JSON, else prose.

    `line_paragraphs`: the form has no blank lines, so every line is its own paragraph (a URL
    line next to its caption stays findable on its own).
    """
    page = _Page(path, split_lines(path, text, form))
    index = 0
    while index < len(page.lines):
        if page.blank(index):
            page.flush()
            index += 1
            continue
        after = next((end for parse in tables if (end := parse(page, index)) is not None), None)
        if after is None:
            after = _code_or_heading(page, index)
        if after is None:
            page.pending.append(index)
            if line_paragraphs:
                page.flush()
            after = index + 1
        index = after
    page.flush()
    return Document(path, form, tuple(page.nodes), tuple(page.notes))


# ------------------------------------------------------------------------------ text-runon form

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


_TYPE_WORD = (r"(?:string|integer|int32|int64|int|long|boolean|bool|object|array|number|float"
              r"|double|map|any|json|date|datetime|file|binary)(?:<[\w ,<>]*>)?(?: ?\[\])*")
_RUNON_ROW = re.compile(rf"^(?P<name>[\w.\-$@\[\]]*?)(?P<type>{_TYPE_WORD})(?P<req>Yes|No)?$",
                        re.IGNORECASE)
"""`RegionIdstringYes`, `IpsecServersobject []`, `stringNo`, `object`: name, type, required."""


def _runon_row(line: str, with_required: bool) -> re.Match[str] | None:
    match = _RUNON_ROW.match(line.strip())
    if match and with_required and not match["name"] and not match["req"]:
        return None  # a bare type word in a table with a Required column is a value, not a row
    return match


def _ends_runon_params(page: _Page, index: int) -> bool:
    line = page.lines[index]
    return bool(_section_level(line) or _runon_header(line) or page.title_at(index))


_SENTENCE_END = tuple(".:;,\u3002\uff1a\uff1b\uff0c")  # ASCII and full-width punctuation


def _looks_like_value(line: str) -> bool:
    """An example value rather than prose: one short token or phrase, not a sentence."""
    text = line.strip()
    return bool(text) and not _BULLET.match(line) and not text.endswith(_SENTENCE_END) \
        and len(text.split()) <= 3 and not line[:1].isspace()


def _runon_params(page: _Page, start: int, header: tuple[str, ...]) -> int:
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
        if with_example and body and body[-1].strip() and not _BULLET.match(body[-1]) \
                and not body[-1][:1].isspace() and (not last or _looks_like_value(body[-1])):
            example = body.pop().strip()
        values = {"parameter": match["name"], "type": match["type"], "required": match["req"] or "",
                  "description": _paragraphs(body), "example": example}
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
    rest = [_prose([line]) for line in lines[1:] if line.strip()]
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


def _runon_lines(page: _Page, start: int, header: tuple[str, ...]) -> int:
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


def _runon_table(page: _Page, index: int) -> int | None:
    header = _runon_header(page.lines[index])
    if header is None:
        return None
    if header[0].lower() == "parameter":
        return _runon_params(page, index, header)
    return _runon_lines(page, index, header)


def sniff_runon(path: str, text: str) -> float:
    """Sure when a line is a run-together table header (`ParameterTypeRequired…`)."""
    return _sniffed(path, text, 0.9, lambda lines: any(
        len(line) < 200 and _runon_header(line) for line in lines))


def read_runon(path: str, text: str) -> Document:
    """Read a page whose table cells run together."""
    return _read(path, text, "text-runon", (_runon_table,), line_paragraphs=False)


# ------------------------------------------------------------------------------ text-pipes form

_PIPE_SEPARATOR = re.compile(r"^\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
"""`---|---|---|`: under a header; the first cell has no leading pipe (unlike Markdown's)."""


def _pipe_cells(raw: str) -> list[str]:
    """Cells of ` | `-separated text, each closed by a pipe; lines inside a cell are trimmed."""
    text = raw.strip()
    text = text.removesuffix("|")
    return ["\n".join(filter(None, (part.strip() for part in cell.split("\n")))).strip()
            for cell in text.split("|")]


def _pipes_header_at(page: _Page, index: int) -> bool:
    lines = page.lines
    return index + 1 < len(lines) and "|" in lines[index] \
        and bool(_PIPE_SEPARATOR.match(lines[index + 1])) and len(_pipe_cells(lines[index])) >= 2


def _pipes_table(page: _Page, start: int) -> int | None:
    """A header, its `---|` line, then rows; a row short of cells continues on the next lines."""
    if not _pipes_header_at(page, start):
        return None
    lines = page.lines
    header = tuple(_pipe_cells(lines[start]))
    rows = []
    index = start + 2

    def continues(at: int) -> bool:
        return at < len(lines) and "|" in lines[at] and not _pipes_header_at(page, at)

    while continues(index):
        first, raw = index, [lines[index]]
        index += 1
        while len(_pipe_cells("\n".join(raw))) < len(header) and continues(index):
            raw.append(lines[index])
            index += 1
        cells = _pipe_cells("\n".join(raw))
        if len(cells) != len(header):
            page.note(first, f"row has {len(cells)} cells, the header has {len(header)}")
        rows.append(Row(tuple(cells), page.loc(first)))
    page.add(Table(header, tuple(rows), page.loc(start)))
    return index


def sniff_pipes(path: str, text: str) -> float:
    """Sure when a `---|---|` line sits under a line of several ` | `-separated cells."""
    return _sniffed(path, text, 0.85, lambda lines: any(
        _PIPE_SEPARATOR.match(below) and len(_pipe_cells(line)) >= 2
        and not line.lstrip().startswith("|") for line, below in pairwise(lines)))


def read_pipes(path: str, text: str) -> Document:
    """Read a page whose rows are lines of ` | `-separated cells."""
    return _read(path, text, "text-pipes", (_pipes_table,), line_paragraphs=True)


# ------------------------------------------------------------------------------ text-cells form

_CELL_LINE = re.compile(r"^[^|]*\|\s*$")
"""`project_id |` or a lone `|`: one cell, closed by its pipe."""


def _cells_header(page: _Page, index: int) -> tuple[str, ...] | None:
    """Header cells when one-cell lines from `index` run straight into a matching `---|` line."""
    lines, end = page.lines, index
    while end < len(lines) and _CELL_LINE.match(lines[end]) and end - index < 30:
        end += 1
    if end >= len(lines) or not _PIPE_SEPARATOR.match(lines[end]):
        return None
    width = lines[end].count("|") + (not lines[end].rstrip().endswith("|"))
    if end - index != width or width < 2:
        return None
    return tuple(line.strip().removesuffix("|").strip() for line in lines[index:end])


def _piped_cells_table(page: _Page, start: int) -> int | None:
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
            elif _section_level(line) or _caption(line) or _JSON_START.match(line) \
                    or _PIPE_SEPARATOR.match(line) or not line.strip():
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
    rf"{_TYPE_WORD})$", re.IGNORECASE)
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


def _ends_captioned(page: _Page, index: int) -> bool:
    line = page.lines[index]
    return bool(_caption(line) or _section_level(line) or _JSON_START.match(line)
                or _cells_header(page, index) is not None or _pipes_header_at(page, index))


def _captioned_table(page: _Page, start: int) -> int | None:
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
        cells[target] = _paragraphs(body)
        rows.append(Row(tuple(cells), page.loc(row_start)))
    page.add(Table(tuple(header), tuple(rows), page.loc(start), caption=caption))
    return index


def sniff_cells(path: str, text: str) -> float:
    """Sure when one-cell lines run into a `---|` line, or a `Table N … Parameter` caption shows."""

    def found(lines: list[str]) -> bool:
        page = _Page(path, lines)
        return any(
            (_PIPE_SEPARATOR.match(line) and i >= line.count("|") and _CELL_LINE.match(lines[i - 1])
             and _cells_header(page, i - line.count("|")) is not None)
            or ((cap := _caption(line)) is not None and bool(cap[1]))
            for i, line in enumerate(lines))

    return _sniffed(path, text, 0.9, found)


def read_cells(path: str, text: str) -> Document:
    """Read a page whose table cells stand one per line."""
    return _read(path, text, "text-cells", (_piped_cells_table, _captioned_table),
                 line_paragraphs=True)
