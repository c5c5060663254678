"""What the three plain-text readers share: lines, known section titles, JSON samples, prose.

People copy a rendered reference page out of a browser or a PDF viewer, and the table structure
survives differently depending on the tool (one reader per form: `runon`, `pipes`, `cells`). The
loop over lines (`read_lines`) is the same for all three; each form brings its table parsers.
Nothing here knows what a parameter means; cells are copied, never interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...errors import InputError
from ...location import SourceLoc
from ..lines import LinePage
from ..tree import CodeBlock, Document, Heading, Node, Paragraph

_BAD = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
"""Control characters other than tab, line feed, vertical tab, form feed and carriage return,
and the replacement character (a regular expression: the text readers' sniffers ask this of
every page, and a loop over 8,192 characters was a few percent of reading a Markdown page)."""


def looks_binary(text: str) -> bool:
    """True for text that is not a page at all (NULs, many control or undecodable characters)."""
    sample = text[:8192]
    if "\x00" in sample:
        return True
    return len(_BAD.findall(sample)) > len(sample) * 0.05


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


def sniffed(path: str, text: str, sure: float, found: Callable[[list[str]], bool]) -> float:
    """`sure` when `found` sees the form's signature in the lines, half of it for a Markdown
    file name, 0 for HTML/RST names and for binary junk."""
    most = sniff_ceiling(path, sure)
    if not most or looks_binary(text) or not found(text.splitlines()):
        return 0.0
    return most


def sniff_ceiling(path: str, sure: float) -> float:
    """The most `sniffed(path, ..., sure, ...)` can return, known from the file name alone:
    `reader_for` does not ask a reader that could not beat the best score so far (a text
    reader never beats the Markdown reader on a `.md` page; scanning every line for nothing
    was a few percent of reading one)."""
    if foreign_suffix(path):
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


def section_level(line: str) -> int:
    """Heading level of a known section title, 0 for any other line."""
    text = line.strip()
    listed = text.startswith("- ")
    level = _SECTION_TITLES.get(text.removeprefix("- ").strip().lower(), 0)
    return max(level, 3) if level and listed else level


BULLET = re.compile(r"^(\s*)(?:[•·▪◦‣●]|[-*+])\s+(\S.*)$")


def prose(lines: list[str]) -> str:
    """One paragraph's lines as tree text: trimmed, bullets as `- `, nesting as two spaces."""
    found = [(BULLET.match(line), line) for line in lines]
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


def paragraphs(lines: list[str]) -> str:
    """Blank-line separated blocks as prose joined by an empty line."""
    return "\n\n".join(prose(block) for block in blank_separated(lines))


JSON_START = re.compile(r"^\s*(?:\{|\[)\s*(?:$|[\"{\[])")


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
class Page(LinePage):
    """A text page being read: also the paragraph being collected."""

    pending: list[int] = field(default_factory=list)
    titled: bool = False
    """Whether a heading has been read (only the first can be the page title)."""

    def flush(self) -> None:
        if self.pending:
            text = prose([self.lines[i] for i in self.pending])
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
                or section_level(line):
            return False
        following = index + 1
        while following < len(self.lines) and self.blank(following):
            following += 1
        return following < len(self.lines) and bool(section_level(self.lines[following]))


TableParser = Callable[[Page, int], int | None]
"""Tries to read a table starting at a line; returns the index after it, None if there is none."""


def _code_or_heading(page: Page, index: int) -> int | None:
    """Read a heading or a JSON sample at `index`; None when the line is neither."""
    line = page.lines[index]
    if page.title_at(index):
        page.add(Heading(line.strip(), 1, page.loc(index)))
        return index + 1
    level = section_level(line)
    if level:
        page.add(Heading(line.strip().removeprefix("- ").strip(), level, page.loc(index)))
        return index + 1
    if JSON_START.match(line):
        end = _json_end(page.lines, index)
        if end is None:
            end = index
            while not page.blank(end + 1) and not section_level(page.lines[end + 1]):
                end += 1
            page.note(index, "JSON sample does not close; kept up to the next blank line")
        text = "\n".join(page.lines[index:end + 1])
        page.add(CodeBlock(text, page.loc(index), "json"))
        return end + 1
    return None


def read_lines(path: str, text: str, form: str, tables: tuple[TableParser, ...],
          line_paragraphs: bool) -> Document:
    """The loop all text forms share: blank lines, tables, headings, JSON, else prose.

    `line_paragraphs`: the form has no blank lines, so every line is its own paragraph (a URL
    line next to its caption stays findable on its own).
    """
    page = Page(path, split_lines(path, text, form))
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


TYPE_WORD = (r"(?:string|integer|int32|int64|int|long|boolean|bool|object|array|number|float"
              r"|double|map|any|json|date|datetime|file|binary)(?:<[\w ,<>]*>)?(?: ?\[\])*")
"""Type words as text pages spell them (`string`, `Array`, `Map<String,String>`, `object []`)."""
