"""Reader for Markdown pages (Alibaba Cloud's documentation sources and the like).

Only the blocks API reference pages use are recognised: ATX headings (with `{#anchor .class}`
suffixes), pipe tables, fenced code blocks, and paragraphs/lists. On Alibaba pages a table row
continues over several lines, blank ones included, until it holds all its pipes (header cells + 1)
and a line ends with a pipe, so rows are assembled by counting unescaped pipes, not by lines. The
same pages sometimes put a bare `|` inside a cell (`**0**|**100**`); such extra cells are joined
back into the last cell, with a note. Inline markup is reduced to the text a reader sees: links and
images keep their text, `**`/code ticks/HTML tags go, `\\*` escapes are undone, `<br>` breaks a
line. Older pages exported from DITA underline their titles (setext headings, `Title {#id}` then
`=====`) and indent their samples by four spaces instead of fencing them; both are read (an
indented block only after a blank line and not under a list item, where indentation continues the
item). Not recognised (read as paragraphs): HTML blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .lines import LinePage
from .text import blank_separated, foreign_suffix, looks_binary, split_lines
from .tree import CodeBlock, Document, Heading, Paragraph, Row, Table

# ------------------------------------------------------------------------------------ inline text

_CODE_SPAN = re.compile(r"``([^\n]{1,2000}?)``|`([^`\n]{1,2000})`")
_ESCAPE = re.compile(r"(?:\\[!-/:-@\[-`{-~])+")
"""A run of backslash escapes (one match per run, not per character)."""
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)")
"""Link text holds no `[` and the target no `(`: each try stops at the next opener, so a line of
`[[[[` or `[a](` costs linear time, not 500-2000 steps per character."""
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]{1,2000})>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(?:a|b|code|div|em|font|i|li|ol|p|pre|section|span|strong|sub|sup"
                       r"|table|tbody|td|th|thead|tr|u|ul)\b[^<>\n]{0,500}>", re.IGNORECASE)
_HOLE = re.compile("\ue000(\\d+)\ue001")
_MARKUP = re.compile("[`\\\\\\[<*\ue000\ue001]")
"""A character some rule above needs: text without one is returned as it is."""


def _inline(text: str) -> str:
    """Markdown inline markup -> the plain text a reader sees.

    Code spans and backslash escapes are set aside first so that the markup rules below cannot
    touch what they protect (`\\*\\*\\*\\*` stays four stars). All patterns are bounded, so no
    input can make them backtrack for long.
    """
    if not _MARKUP.search(text):
        return text
    kept: list[str] = []

    def keep(literal: str) -> str:
        kept.append(literal)
        return f"\ue000{len(kept) - 1}\ue001"

    text = text.replace("\ue000", "").replace("\ue001", "")
    text = _CODE_SPAN.sub(lambda m: keep(m[1] if m[1] is not None else m[2]), text)
    text = _ESCAPE.sub(lambda m: keep(m[0][1::2]), text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _BREAK.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    text = text.replace("**", "")
    return _HOLE.sub(lambda m: kept[int(m[1])], text)


_LIST_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])[ \t]+(\S.*)$")


def _block_line(line: str) -> str:
    """One source line as tree text: list items as `- x` (two spaces per nesting level)."""
    line = line.expandtabs(4)
    item = _LIST_ITEM.match(line)
    if item:
        marker = "-" if item[2] in "-*+" else item[2]
        return "  " * (len(item[1]) // 4) + f"{marker} {_inline(item[3]).strip()}"
    return _inline(line.strip())


def _cell_text(raw: str) -> str:
    """A cell's source (maybe several lines) as text: lines trimmed, blank lines -> `\\n\\n`."""
    paragraphs = blank_separated(raw.split("\n"))
    return "\n\n".join("\n".join(map(_block_line, p)) for p in paragraphs).strip()


# ------------------------------------------------------------------------------------ blocks

_FENCE = re.compile(r"^( *)(`{3,}|~{3,})[ \t]*([^`]*)$")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_ANCHOR = re.compile(r"[ \t]*\{[ \t]*[#.][^{}]*\}[ \t]*$")
_SEPARATOR = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_ROW_START = re.compile(r"^[ \t]*\|")
_BARE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
"""The line under a setext heading: `===` (level 1) or `---` (level 2)."""
_INDENTED = re.compile(r"^(?: {4}|\t)")
_LIST_LINE = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_LABEL = re.compile(r"^(json|xml|yaml|html|http)\s*(?:格式|format)?\s*[:\uff1a]?$", re.IGNORECASE)
_NESTING = "└"
_MAX_HEADER_LINES = 40


_PIPE_OR_ESCAPE = re.compile(r"(?:\\.)+|\|", re.DOTALL)


def _pipes(text: str) -> list[int]:
    """Positions of the pipes that separate cells (a backslash escapes one)."""
    return [m.start() for m in _PIPE_OR_ESCAPE.finditer(text) if m[0] == "|"]


def _split_cells(raw: str) -> list[str]:
    """The raw source of each cell: text between separating pipes, outer blanks dropped."""
    bounds = [-1, *_pipes(raw), len(raw)]
    parts = [raw[a + 1:b] for a, b in pairwise(bounds)]
    if parts and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return parts


def _is_separator(line: str) -> bool:
    return "|" in line and bool(_SEPARATOR.match(line))


@dataclass
class _Page(LinePage):
    """A Markdown page being read: where its blocks (headings, fences, tables) start."""

    def block_start(self, index: int) -> bool:
        """A line that starts a heading, a fence or a table: it cannot continue a paragraph."""
        line = self.lines[index]
        return bool(_ATX.match(line) or _FENCE.match(line) or self.table_at(index))

    def table_at(self, index: int) -> bool:
        return self.separator_of(index) > 0 or self.bare_table_at(index)

    def separator_of(self, index: int) -> int:
        """The index of the separator line when a table's header starts at `index`, else -1.

        The header is one line, or (pages exported with one cell per line) several lines that
        each start with a pipe, blank lines between them, the last closing with a pipe, holding
        exactly the separator's number of cells: `|Field`, ``, `|Type`, ``, `|Description |`."""
        lines = self.lines
        if "|" not in lines[index] or _is_separator(lines[index]):
            return -1
        if index + 1 < len(lines) and _is_separator(lines[index + 1]):
            return index + 1
        if not _ROW_START.match(lines[index]):
            return -1
        end = index + 1
        while end < min(len(lines), index + _MAX_HEADER_LINES):
            line = lines[end]
            if _is_separator(line):
                header = "\n".join(lines[index:end]).rstrip()
                width = len(_split_cells(line))
                if header.endswith("|") and len(_pipes(header)) == width + 1 and width > 1:
                    return end
                return -1
            if line.strip() and not _ROW_START.match(line):
                return -1
            end += 1
        return -1

    def bare_table_at(self, index: int) -> bool:
        """A table without its `|---|` line, as older exported pages write them: two or more
        lines each enclosed in pipes with the same number of cells, the first being the header."""
        lines = self.lines
        if index + 1 >= len(lines) or not _BARE_ROW.match(lines[index]) \
                or not _BARE_ROW.match(lines[index + 1]) or _is_separator(lines[index]) \
                or _is_separator(lines[index + 1]):
            return False
        if index > 0 and _BARE_ROW.match(lines[index - 1]):
            return False  # inside a run of rows, not its start
        width = len(_split_cells(lines[index]))
        return width >= 2 and len(_split_cells(lines[index + 1])) == width


def _setext(page: _Page, index: int) -> int:
    """The level of a setext heading whose text is the line at `index`, else 0."""
    if index + 1 >= len(page.lines) or not page.lines[index].strip() or \
            "|" in page.lines[index] or _LIST_LINE.match(page.lines[index]):
        return 0
    underline = _SETEXT.match(page.lines[index + 1])
    return (1 if underline[1][0] == "=" else 2) if underline else 0


def _indented_code(page: _Page, start: int) -> int:
    """A sample indented by four spaces (older exported pages): up to the first line that is
    neither blank nor indented; trailing blank lines are not part of it."""
    end = start
    last = start
    while end < len(page.lines) and (not page.lines[end].strip()
                                     or _INDENTED.match(page.lines[end])):
        if page.lines[end].strip():
            last = end
        end += 1
    body = [line.expandtabs(4)[4:] for line in page.lines[start:last + 1]]
    page.nodes.append(CodeBlock("\n".join(body), page.loc(start), _language(page, "")))
    return last + 1


def _after_list(page: _Page, index: int) -> bool:
    """True when the indented text at `index` continues a list item: going up over blank and
    indented lines, a list marker is met (at any indentation) before ordinary text."""
    above = index - 1
    while above >= 0:
        line = page.lines[above]
        if line.strip() and _LIST_LINE.match(line.lstrip(" \t")):
            return True
        if line.strip() and not _INDENTED.match(line):
            return False
        above -= 1
    return False


def _heading(page: _Page, index: int, match: re.Match[str]) -> int:
    text = _ANCHOR.sub("", match[2] or "")
    text = re.sub(r"[ \t]+#+[ \t]*$", "", text).strip()
    page.nodes.append(Heading(_inline(text).strip(), len(match[1]), page.loc(index)))
    return index + 1


def _fence(page: _Page, index: int, match: re.Match[str]) -> int:
    """A fenced block; the language comes from the info string, else the label before it."""
    indent, fence, info = len(match[1]), match[2], match[3].strip()
    closing = re.compile(rf"^ *{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    end = index + 1
    while end < len(page.lines) and not closing.match(page.lines[end]):
        end += 1
    if end >= len(page.lines):
        # Never closed: it ends before the next heading rather than swallow the rest of the
        # page (its tables and samples).
        end = next((i for i in range(index + 1, len(page.lines)) if _ATX.match(page.lines[i])),
                   len(page.lines))
        page.note(index, "code block is not closed; it runs to the end of the page"
                  if end >= len(page.lines) else "code block is not closed; it ends before "
                  f"the heading on line {end + 1}")
        body = [line[min(indent, len(line) - len(line.lstrip(" "))):]
                for line in page.lines[index + 1:end]]
        page.nodes.append(CodeBlock("\n".join(body), page.loc(index), _language(page, info)))
        return end
    body = [line[min(indent, len(line) - len(line.lstrip(" "))):]
            for line in page.lines[index + 1:end]]
    page.nodes.append(CodeBlock("\n".join(body), page.loc(index), _language(page, info)))
    return end + 1


def _language(page: _Page, info: str) -> str:
    if info and not info.startswith("{"):
        return info.split()[0].lower()
    previous = page.nodes[-1] if page.nodes else None
    if isinstance(previous, Paragraph) and (label := _LABEL.match(previous.text.strip())):
        return label[1].lower()
    hint = re.search(r"json|xml", info, re.IGNORECASE)  # `{#json_return_success_demo}`
    return hint[0].lower() if hint else ""


def _table(page: _Page, start: int) -> int:
    """Header, separator, rows. With leading pipes a row runs on until it has all its pipes."""
    lines = page.lines
    separator = page.separator_of(start)
    if separator < 0:  # no separator line: rows start with a pipe and run on until they have them all
        header = tuple(_cell_text(cell) for cell in _split_cells(lines[start]))
        rows = []
        index = start + 1
        while index < len(lines) and _ROW_START.match(lines[index]):
            first = index
            index = _row_end(page, index, len(header))
            cells = _split_cells("\n".join(lines[first:index]))
            if len(cells) != len(header):
                index = first
                break
            rows.append((first, [_cell_text(cell) for cell in cells]))
        page.nodes.append(Table(header, _nest(page, rows), page.loc(start)))
        return index
    header = tuple(_cell_text(cell) for cell in _split_cells("\n".join(lines[start:separator])))
    width = len(_split_cells(lines[separator]))
    if width != len(header):
        page.note(separator, f"separator has {width} cells, the header has {len(header)}")
    leading = bool(_ROW_START.match(lines[start]))
    rows = []
    index = separator + 1
    while index < len(lines) and (_ROW_START.match(lines[index]) if leading
                                  else "|" in lines[index] and lines[index].strip()):
        first = index
        index = _row_end(page, index, len(header), header[-1:] == ("",)) if leading \
            else index + 1
        cells = _split_cells("\n".join(lines[first:index]))
        if header[-1:] == ("",) and len(cells) == len(header) - 1 and leading:
            cells.append("")  # the header's empty last column, left out by this row
        if len(cells) > len(header) > 0:
            page.note(first, f"row has {len(cells)} cells, the header has {len(header)}; "
                      "the extra pipes are kept in the last cell")
            cells[len(header) - 1:] = ["|".join(cells[len(header) - 1:])]
        elif len(cells) < len(header):
            page.note(first, f"row has {len(cells)} cells, the header has {len(header)}")
        rows.append((first, [_cell_text(cell) for cell in cells]))
    page.nodes.append(Table(header, _nest(page, rows), page.loc(start)))
    return index


def _row_end(page: _Page, first: int, width: int, open_last: bool = False) -> int:
    """Index after the last line of the row at `first`: the row is closed once it has
    `width` + 1 pipes and a line ends with a pipe. A line that starts a full row of its own,
    a heading or a fence ends an unclosed row (with a note).

    With `open_last` (the header's last cell is empty, `|Description| |`) a row may leave
    that column out: it is also closed by a line ending with a pipe once it has `width`
    pipes, when the next line that is not blank starts another row or ends the table."""
    lines = page.lines
    pipes, index = len(_pipes(lines[first])), first + 1
    # A fence opened inside a cell (`|Body|String|```json`) is closed inside it too: its
    # closing line belongs to the row, not a code block of its own that never ends.
    fences = lines[first].count("```")
    while not (pipes > width and lines[index - 1].rstrip().endswith("|")) and not (
            open_last and pipes == width and index - 1 > first
            and lines[index - 1].rstrip().endswith("|") and _next_starts_row(lines, index)):
        if index < len(lines) and fences % 2 and _FENCE.match(lines[index]):
            fences += 1
            index += 1
            continue
        if index < len(lines) and not fences % 2 and \
                (close := _cell_fence_end(lines, index)) is not None:
            index = close + 1  # its lines, pipes included, are the cell's text
            continue
        if index >= len(lines) or _ATX.match(lines[index]) or _FENCE.match(lines[index]) \
                or page.table_at(index):
            page.note(first, "table row ends before its closing pipe")
            break
        more = len(_pipes(lines[index]))
        if _ROW_START.match(lines[index]) and more > 1 and pipes + more > width + 1:
            page.note(first, "table row ends before its closing pipe")
            break
        pipes += more
        fences += lines[index].count("```")
        index += 1
    return index


def _next_starts_row(lines: list[str], index: int) -> bool:
    """True when the first line from `index` that is not blank starts a row, or there is none
    (or it is text after a blank line: the table has ended)."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index >= len(lines) or bool(_ROW_START.match(lines[index])) or \
        not lines[index - 1].strip()


def _cell_fence_end(lines: list[str], start: int) -> int | None:
    """The closing line of a code block opened at `start` inside a row that has not got its
    closing pipe yet (a description that shows the allowed characters in a fence), or None.
    The fence is the cell's when it closes and the row then ends with a pipe before any
    heading, other fence or new row: the block's lines, pipes included, are cell text."""
    opening = _FENCE.match(lines[start])
    if opening is None:
        return None
    fence = opening[2]
    closing = re.compile(rf"^ *{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    close = next((i for i in range(start + 1, min(len(lines), start + _MAX_CELL_FENCE))
                  if closing.match(lines[i])), None)
    if close is None:
        return None
    for line in lines[close + 1:close + _MAX_CELL_FENCE]:
        if _ATX.match(line) or _FENCE.match(line) or (
                _ROW_START.match(line) and len(_pipes(line)) > 1):
            return None
        if line.rstrip().endswith("|"):
            return close
    return None


_MAX_CELL_FENCE = 200
"""Lines a code block inside a cell, and the rest of its row after it, may span."""


def _nest(page: _Page, rows: list[tuple[int, list[str]]]) -> tuple[Row, ...]:
    """Rows; where names carry `└` tree marks, the marks become the row depth."""
    nested = any(cells and cells[0].startswith(_NESTING) for _, cells in rows)
    out = []
    for first, cells in rows:
        depth = None
        if nested and cells:
            name = cells[0].lstrip(_NESTING + " ")
            depth = len(cells[0]) - len(name)
            cells[0] = name
        out.append(Row(tuple(cells), page.loc(first), depth))
    return tuple(out)


def _paragraph(page: _Page, start: int) -> int:
    index = start + 1
    while index < len(page.lines) and page.lines[index].strip() and not page.block_start(index):
        index += 1
    text = "\n".join(_block_line(line) for line in page.lines[start:index])
    page.nodes.append(Paragraph(text, page.loc(start)))
    return index


def read(path: str, text: str) -> Document:
    """Read a Markdown page into the document tree."""
    page = _Page(path, split_lines(path, text, "markdown"))
    index = 0
    while index < len(page.lines):
        line = page.lines[index]
        if not line.strip():
            index += 1
        elif fence := _FENCE.match(line):
            index = _fence(page, index, fence)
        elif heading := _ATX.match(line):
            index = _heading(page, index, heading)
        elif page.table_at(index):
            index = _table(page, index)
        elif level := _setext(page, index):
            text = _ANCHOR.sub("", line).strip()
            page.nodes.append(Heading(_inline(text).strip(), level, page.loc(index)))
            index += 2
        elif _INDENTED.match(line) and (index == 0 or not page.lines[index - 1].strip()) \
                and not _after_list(page, index) and not _LIST_LINE.match(line.lstrip(" \t")):
            index = _indented_code(page, index)
        else:
            index = _paragraph(page, index)
    return Document(path, "markdown", tuple(page.nodes), tuple(page.notes))


def sniff(path: str, text: str) -> float:
    """Sure with ATX headings, `|--|` table separators and fences; a `.md` name helps."""
    if foreign_suffix(path) or looks_binary(text):
        return 0.0
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    suffix = path.lower().endswith((".md", ".markdown"))
    if head.startswith(("<!doctype", "<html", "<?xml")):
        return 0.1
    lines = text.splitlines()
    signs = (
        any(re.match(r"#{1,6} \S", line) for line in lines),
        any(line.startswith("|") and _is_separator(line) for line in lines),
        any(_FENCE.match(line) for line in lines),
    )
    score = (0.05, 0.6, 0.8, 0.9)[sum(signs)]
    return max(0.5, score + 0.1) if suffix else score
