"""Reader for reStructuredText pages (Sphinx sources such as the Open Telekom Cloud API reference).

docutils does the parsing, so grid and simple tables, nested lists and directives are read the
way Sphinx reads them. What this module adds is what a bare docutils parse lacks for our purpose:

* Sphinx roles and directives read as text instead of errors (`rst_docutils` sets docutils up).
* docutils gives table rows no line numbers; diagnostics must point at a row, so rows get the line
  of their first text line, found from the table's border lines in the page.
* docutils' system messages are silenced; the errors among them (a malformed table, an unknown
  construct) become `Document.notes`, and a malformed grid table is still read cell by cell.
"""

from __future__ import annotations

import re

import docutils.utils
from docutils import nodes
from docutils.parsers.rst import Parser

from ..errors import InputError
from ..location import SourceLoc
from ..timebox import PageTimeout
from . import rst_speed
from .layout import NodeCollector, SpanGrid, is_json, labelled
from .rst_docutils import adopt_unknown, settings
from .tree import CodeBlock, Document, Heading, Paragraph, Row, Table, link_key

rst_speed.install()

# --- sniffing -------------------------------------------------------------------------------

_STRONG_SIGNS = re.compile(
    r"^\s*\.\. (?:table|code-block|sourcecode|toctree|note|list-table|csv-table)::"
    r"|^\s*\.\. _[^:\n]+:\s*$"
    r"|:(?:ref|doc|numref):`"
    r"|^\s*\+(?:-{3,}\+)+\s*$"
    r"|^:original_name:",
    re.MULTILINE)
_RST_ONLY_UNDERLINE = re.compile(r"^([^\s].*)\n(([~^\"'#*+])\3{2,})[ \t]*$", re.MULTILINE)


def sniff(path: str, text: str) -> float:
    """High for `.rst`, or for RST-only constructs (directives, labels, grid tables, `:ref:`)."""
    lower = path.lower()
    if lower.endswith((".rst", ".rest")):
        return 0.95
    if lower.endswith((".md", ".markdown", ".html", ".htm", ".xhtml")):
        return 0.0
    head = text[:200_000]
    if head.lstrip().startswith("<"):
        return 0.0
    strong = len(_STRONG_SIGNS.findall(head))
    if strong >= 2:
        return 0.9
    if strong == 1:
        return 0.6
    # `=` and `-` underlines are also Markdown (setext headings): only the other characters count.
    titles = [m for m in _RST_ONLY_UNDERLINE.finditer(head)
              if len(m.group(2)) >= len(m.group(1).rstrip())]
    return 0.3 if len(titles) >= 2 else 0.0



MAX_GRID_LINES = 5_000
"""Lines of one grid table given to docutils. It needs tens of seconds for a table of 100,000
rows, and the dialects read at most 1,000 rows of a table (`dialects.MAX_ROWS`); a longer table
is cut at a row border before it (the lines after become blank: line numbers stay right)."""


def _cut_long_grids(path: str, text: str) -> tuple[str, list[tuple[SourceLoc, str]]]:
    if text.count("\n") < MAX_GRID_LINES:
        return text, []
    lines = text.split("\n")
    notes: list[tuple[SourceLoc, str]] = []
    start = None
    for index, line in enumerate([*lines, ""]):
        if line.lstrip()[:1] in ("+", "|"):
            start = index if start is None else start
            continue
        if start is not None and index - start > MAX_GRID_LINES:
            cut = next((at for at in range(start + MAX_GRID_LINES, start, -1)
                        if _FULL_BORDER.match(lines[at].strip())), None)
            if cut is not None:
                lines[cut + 1:index] = [""] * (index - cut - 1)
                notes.append((SourceLoc(path, start + 1), f"grid table of {index - start} lines "
                              f"cut after line {cut + 1} (only the first rows are read)"))
        start = None
    return ("\n".join(lines), notes) if notes else (text, [])


def read(path: str, text: str) -> Document:
    """Parse with docutils and walk the doctree into a Document."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text, cut_notes = _cut_long_grids(path, text)
    notes = cut_notes + adopt_unknown(path, text)
    document = docutils.utils.new_document(path, settings())
    messages: list[nodes.system_message] = []
    document.reporter.attach_observer(messages.append)
    parser = Parser()
    failure = None
    try:
        parser.parse(text, document)
    except PageTimeout:
        raise
    except Exception as error:  # noqa: BLE001 - docutils bug or recursion: keep what was read
        failure = error
    walker = _Walker(path, text.split("\n"))
    try:
        walker.walk_body(document.children, level=0)
    except PageTimeout:
        raise
    except Exception as error:  # noqa: BLE001 - a walker bug must not lose the page
        failure = failure or error
    notes += walker.notes
    for message in messages:
        if (message["level"] >= 3 or "directive disabled" in message.astext()) \
                and not walker.consumed(message):
            notes.append((SourceLoc(path, message.get("line") or 0), _message_text(message)))
    if failure is not None:
        line = _failure_line(parser)
        if not walker.nodes:
            raise InputError(f"cannot read reStructuredText: {failure}", SourceLoc(path, line))
        notes.append((SourceLoc(path, line), f"reading stopped early: {failure}"))
    notes.sort(key=lambda note: note[0].line)
    return Document(path=path, form="rst", nodes=tuple(walker.nodes), notes=tuple(notes))


def _failure_line(parser: Parser) -> int:
    try:
        return max(parser.statemachine.abs_line_number(), 1)
    except Exception:  # noqa: BLE001 - only a better line for the message
        return 1


def _message_text(message: nodes.system_message) -> str:
    parts = [child.astext() for child in message.children if isinstance(child, nodes.paragraph)]
    return " ".join(" ".join(parts).split()) or "reStructuredText error"


# --- text of blocks (cells, list items) -----------------------------------------------------

_BLOCKISH = (nodes.table, nodes.literal_block, nodes.doctest_block, nodes.section)
_SKIP = (nodes.system_message, nodes.target, nodes.comment, nodes.substitution_definition,
         nodes.pending, nodes.raw, nodes.image, nodes.transition, nodes.colspec, nodes.docinfo)


def _inline(node: nodes.Node) -> str:
    """Running text with markup removed and line breaks folded (RST reflows paragraphs)."""
    return " ".join(node.astext().split())


def _indent(text: str) -> str:
    return "\n".join("  " + line if line else line for line in text.split("\n"))


def _item(label: str, blocks: list[str]) -> str:
    body = "\n".join(block for block in blocks if block)
    first, _, rest = body.partition("\n")
    return f"{label}{first}" + (f"\n{_indent(rest)}" if rest else "")


def block_text(node: nodes.Node) -> str:
    """One block as plain text: lists as "- " lines, nested items indented by two spaces."""
    if isinstance(node, (nodes.paragraph, nodes.rubric, nodes.caption, nodes.title,
                         nodes.attribution, nodes.term)):
        return _inline(node)
    if isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
        return "\n".join(_item("- ", [block_text(c) for c in item.children])
                         for item in node.children if isinstance(item, nodes.list_item))
    if isinstance(node, (nodes.literal_block, nodes.doctest_block)):
        return node.astext().rstrip()
    if isinstance(node, nodes.line_block):
        return "\n".join(_inline(line) for line in node.findall(nodes.line))
    if isinstance(node, nodes.definition_list):
        lines = []
        for item in node.children:
            terms = [_inline(c) for c in item.children if isinstance(c, nodes.term)]
            body = [block_text(c) for d in item.children if isinstance(d, nodes.definition)
                    for c in d.children]
            lines.append(" : ".join(terms) + ("\n" + _indent("\n".join(b for b in body if b))
                                              if any(body) else ""))
        return "\n".join(lines)
    if isinstance(node, (nodes.field_list, nodes.option_list)):
        lines = []
        for item in node.children:
            name, *rest = item.children
            body = "\n".join(b for c in rest for b in [block_text(c)] if b)
            lines.append(_item(f"{_inline(name)}: ", [body]))
        return "\n".join(lines)
    if isinstance(node, nodes.table):
        rows = list(node.findall(nodes.row))
        return "\n".join(" | ".join(" ".join(block_text(c) for c in e.children)
                                    for e in row.children) for row in rows)
    if isinstance(node, nodes.Admonition):
        label = _admonition_label(node)
        inner = [block_text(c) for c in node.children if not isinstance(c, nodes.title)]
        return labelled(label, "\n\n".join(b for b in inner if b))
    if isinstance(node, nodes.figure):
        return "\n\n".join(_inline(c) for c in node.children
                           if isinstance(c, (nodes.caption, nodes.legend)))
    if isinstance(node, _SKIP):
        return ""
    if isinstance(node, nodes.Element) and any(isinstance(c, nodes.Body) for c in node.children):
        return "\n\n".join(b for c in node.children for b in [block_text(c)] if b)
    return _inline(node)


def cell_text(entry: nodes.Element) -> str:
    """A table cell: its blocks joined by blank lines."""
    return "\n\n".join(b for c in entry.children for b in [block_text(c)] if b)


def _admonition_label(node: nodes.Element) -> str:
    for child in node.children:
        if isinstance(child, nodes.title):
            return _inline(child)
    return type(node).__name__.replace("_", " ").capitalize()


# --- walking the doctree --------------------------------------------------------------------

_TARGET_LABEL = re.compile(r"^\.\.\s+_(?P<label>.+?):\s*$", re.DOTALL)
_GRID_BORDER = re.compile(r"^[+|].*\+[-=]+\+")
_FULL_BORDER = re.compile(r"^\+(?:[-=]+\+)+$")
_SIMPLE_BORDER = re.compile(r"^=+(?: +=+)*$")


def _first_line(node: nodes.Node) -> int | None:
    """The smallest line docutils recorded in `node` or below it."""
    lines = [n.line for n in node.findall(include_self=True) if getattr(n, "line", None)]
    return min(lines) if lines else None


class _Walker(NodeCollector):
    """Turns body elements into tree nodes, carrying heading levels and pending labels."""

    def __init__(self, path: str, lines: list[str]) -> None:
        super().__init__(path)
        self.lines = lines
        self.highlight = ""
        self._consumed: set[int] = set()

    def consumed(self, message: nodes.system_message) -> bool:
        return id(message) in self._consumed

    def loc(self, line: int | None) -> SourceLoc:
        return self.at(line)

    # bodies

    def walk_body(self, children, level: int) -> None:
        for child in children:
            if isinstance(child, nodes.field_list) and level == 0 and not self.nodes:
                continue  # page metadata such as `:original_name:`, as Sphinx treats it
            self.walk(child, level)

    def walk(self, node: nodes.Node, level: int) -> None:
        if isinstance(node, nodes.section):
            self.section(node, level + 1)
        elif isinstance(node, nodes.table):
            self.table(node)
        elif isinstance(node, (nodes.literal_block, nodes.doctest_block)):
            self.code(node)
        elif isinstance(node, nodes.target):
            self.target(node)
        elif isinstance(node, nodes.comment):
            if node.get("highlight"):
                self.highlight = node["highlight"]
        elif isinstance(node, nodes.system_message):
            self.system_message(node)
        elif isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
            self.listing(node, level)
        elif isinstance(node, nodes.rubric):
            self.emit(Heading(_inline(node), level + 1, self.loc(node.line)))
        elif isinstance(node, nodes.Admonition) and _has_blocks(node):
            self.prefix = ("label", _admonition_label(node))
            self.walk_body([c for c in node.children if not isinstance(c, nodes.title)], level)
        elif isinstance(node, (nodes.container, nodes.block_quote, nodes.compound,
                               nodes.topic, nodes.sidebar)) or (
                isinstance(node, nodes.Element) and _has_blocks(node)
                and not isinstance(node, nodes.Admonition)):
            self.walk_body(node.children, level)
        elif isinstance(node, (*_SKIP, nodes.Text)):
            return
        else:
            text = block_text(node)
            if text:
                self.emit(Paragraph(text, self.loc(_first_line(node)), links=_links(node)))

    def section(self, node: nodes.section, level: int) -> None:
        title = node.children[0] if node.children else None
        if isinstance(title, nodes.title):
            self.emit(Heading(_inline(title), level, self.loc(self._title_line(title))))
            rest = node.children[1:]
        else:
            rest = node.children
        self.walk_body(rest, level)

    def _title_line(self, title: nodes.title) -> int | None:
        line = title.line
        if not line:
            return _first_line(title)
        wanted = _inline(title)
        for candidate in (line - 1, line, line - 2):
            if 1 <= candidate <= len(self.lines) and self.lines[candidate - 1].strip() and \
                    " ".join(self.lines[candidate - 1].split()).startswith(wanted[:10]):
                return candidate
        return line - 1 if line > 1 else line

    def listing(self, node: nodes.Element, level: int) -> None:
        if not _has_blocks(node):
            self.emit(Paragraph(block_text(node), self.loc(node.line or _first_line(node)),
                                links=_links(node)))
            return
        for item in node.children:
            self.prefix = ("item", "- ")
            self.walk_body(item.children, level)
        self.prefix = None

    def target(self, node: nodes.target) -> None:
        if node.get("refuri") or node.get("anonymous") or not node.get("names"):
            return
        match = _TARGET_LABEL.match(node.rawsource or "")
        self.label(match.group("label").strip() if match else node["names"][0])

    def code(self, node: nodes.Element) -> None:
        text = node.astext().rstrip("\n")
        language = node.get("language", "")
        classes = node.get("classes", [])
        if not language and len(classes) >= 2 and classes[0] == "code":
            language = classes[1]
        if not language:
            language = "json" if is_json(text) else self.highlight
        self.emit(CodeBlock(text, self.loc(node.line or _first_line(node)), language))

    # tables

    def table(self, node: nodes.table) -> None:
        title = next((c for c in node.children if isinstance(c, nodes.title)), None)
        caption = _inline(title) if title is not None else ""
        groups = [c for c in node.children if isinstance(c, nodes.tgroup)]
        parts = [part for group in groups for part in group.children]
        head = [r for part in parts if isinstance(part, nodes.thead) for r in part.children
                if isinstance(r, nodes.row)]
        body = [r for part in parts if isinstance(part, nodes.tbody) for r in part.children
                if isinstance(r, nodes.row)]
        grid = SpanGrid()
        cells = [grid.row([(cell_text(e), e.get("morecols", 0), e.get("morerows", 0))
                           for e in r.children if isinstance(e, nodes.entry)])
                 for r in head + body]
        row_lines = self._row_lines(head + body)
        table_line = title.line if title is not None and title.line else None
        if table_line is None and row_lines:
            table_line = max(row_lines[0] - 1, 1)
        header = tuple(cells[len(head) - 1]) if head else ()
        rows = tuple(Row(tuple(c), self.loc(line), links=_links(r))
                     for c, line, r in zip(cells[len(head):], row_lines[len(head):], body,
                                           strict=True))
        anchor = self.labels[-1] if self.labels else ""
        ids = node.get("ids") or []
        if not anchor and ids:
            anchor = ids[0]
        self.emit(Table(header, rows, self.loc(table_line), caption=caption, anchor=anchor))
        self.labels.clear()

    def _row_lines(self, rows: list[nodes.row]) -> list[int]:
        """Each row's first text line: from the page's borders, else from its cells' lines."""
        known = [_first_line(r) for r in rows]
        scanned = self._scan_rows(known)
        if scanned is not None:
            return scanned
        lines: list[int] = []
        previous = None
        for line in known:
            line = line or ((previous + 2) if previous else self.last_line)
            lines.append(line)
            previous = line
        return lines

    def _scan_rows(self, known: list[int | None]) -> list[int] | None:
        anchor = next((line for line in known if line), None)
        if anchor is None:
            return None
        top = anchor - 1
        while top >= 1 and not _is_border(self.lines[top - 1].strip()):
            top -= 1
            if anchor - top > 200:
                return None
        if top < 1:
            return None
        border = self.lines[top - 1].strip()
        starts = (self._grid_starts(top) if border.startswith("+")
                  else self._simple_starts(top, border))
        if len(starts) != len(known):
            return None
        for index, line in enumerate(known):
            end = starts[index + 1] if index + 1 < len(starts) else 1 << 30
            if line and not starts[index] <= line < end:
                return None
        return starts

    def _grid_starts(self, top: int) -> list[int]:
        starts = []
        number = top + 1
        while number <= len(self.lines):
            line = self.lines[number - 1].strip()
            if not line or line[0] not in "+|":
                break
            below = self.lines[number].strip()[:1] if number < len(self.lines) else ""
            if (_GRID_BORDER.match(line) or _FULL_BORDER.match(line)) and below == "|":
                starts.append(number + 1)
            number += 1
        return starts

    def _simple_starts(self, top: int, border: str) -> list[int]:
        indent = len(self.lines[top - 1]) - len(self.lines[top - 1].lstrip())
        first_width = len(border.split(" ")[0])
        starts = []
        number, borders = top + 1, 1
        while number <= len(self.lines):
            raw = self.lines[number - 1]
            line = raw.strip()
            if _SIMPLE_BORDER.match(line):
                borders += 1
                if number >= len(self.lines) or not self.lines[number].strip():
                    break
            elif line and raw[indent:indent + first_width].strip() and \
                    not re.fullmatch(r"-+(?: +-+)*", line):
                starts.append(number)
            number += 1
        return starts

    # malformed tables

    def system_message(self, node: nodes.system_message) -> None:
        text = _message_text(node)
        literal = next((c for c in node.children if isinstance(c, nodes.literal_block)), None)
        if literal is None:
            return
        block = literal.astext().split("\n")
        caption = ""
        if text.startswith('Error parsing content block for the "table" directive'):
            match = re.match(r"\s*\.\.\s+table::(.*)", block[0])
            caption = _plain(match.group(1)) if match else ""
            block = block[1:]
            self._consumed.add(id(node))
        elif not text.startswith("Malformed table"):
            return
        line = node.get("line") or self.last_line
        table = _lenient_grid(block)
        if table is None:
            return
        start = self._find_block(block, line)
        header, rows = table
        self.emit(Table(tuple(header[0]) if header else (),
                        tuple(Row(tuple(cells), SourceLoc(self.path, start + offset))
                              for offset, cells in rows),
                        SourceLoc(self.path, line), caption=caption,
                        anchor=self.labels[-1] if self.labels else ""))
        self.labels.clear()
        self.notes.append((SourceLoc(self.path, line),
                           f"malformed table read leniently ({len(rows)} rows); check its cells"))

    def _find_block(self, block: list[str], near: int) -> int:
        """The page line of the block's first border line (0 offset base for lenient rows)."""
        first = next((b.strip() for b in block if b.strip().startswith("+")), None)
        if first is None:
            return near
        for number in range(max(near - 3, 1), min(near + 60, len(self.lines)) + 1):
            if self.lines[number - 1].strip() == first:
                return number
        return near


def _links(row: nodes.Element) -> tuple[str, ...]:
    """Internal link targets in a row or a paragraph (`:ref:` to a table label)."""
    walk = row.findall if hasattr(row, "findall") else row.traverse
    return tuple(dict.fromkeys(link_key(ref["refid"]) for ref in walk(nodes.reference)
                               if ref.get("refid")))


def _is_border(line: str) -> bool:
    return bool(_FULL_BORDER.match(line) or _SIMPLE_BORDER.match(line))


def _has_blocks(node: nodes.Node) -> bool:
    """Whether `node` holds something that becomes its own tree node (a table, a sample)."""
    return any(isinstance(n, _BLOCKISH) or (isinstance(n, nodes.system_message) and
                                            next(n.findall(nodes.literal_block), None) is not None)
               for n in node.findall(include_self=False))


def _plain(markup: str) -> str:
    """Inline markup stripped the cheap way, for text outside any doctree."""
    return " ".join(re.sub(r"\*\*|\*|``|`", "", markup).split())


# --- lenient grid tables --------------------------------------------------------------------


def _lenient_grid(block: list[str]):
    """Split a broken grid table on `|` characters: (header rows, [(line offset, cells)])."""
    lines = [line.strip() for line in block]
    while lines and not lines[0]:
        lines.pop(0)
    if not lines or not lines[0].startswith("+"):
        return None
    header: list[list[str]] = []
    rows: list[tuple[int, list[str]]] = []
    current: list[list[str]] | None = None
    start = 0
    for offset, line in enumerate(lines):
        if not line:
            break
        if line.startswith("+") and re.fullmatch(r"[+=\-| ]+", line):
            if current is not None:
                cells = [_fragment_text(col) for col in current]
                if set(line) <= {"+", "="} and not header and not rows:
                    header.append(cells)
                else:
                    rows.append((start, cells))
            current = None
            continue
        parts = line.strip("|").split("|")
        if current is None:
            current, start = [[] for _ in parts], offset
        for index, part in enumerate(parts):
            if index >= len(current):
                current.append([])
            current[index].append(part.rstrip())
    if current is not None:
        rows.append((start, [_fragment_text(col) for col in current]))
    if not header and not rows:
        return None
    return header, rows


def _fragment_text(lines: list[str]) -> str:
    """A cell's lines parsed as RST on their own, so its lists read like any other cell."""
    width = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
    source = "\n".join(x[width:] for x in lines).strip("\n")
    if not source:
        return ""
    document = docutils.utils.new_document("<cell>", settings())
    try:
        Parser().parse(source, document)
    except PageTimeout:
        raise
    except Exception:  # noqa: BLE001 - fall back to the cell's raw text
        return " ".join(source.split())
    return "\n\n".join(b for c in document.children for b in [block_text(c)] if b)
