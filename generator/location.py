"""Where something came from in an input page.

Every stage (reader, dialect, IR, emitter, validator) reports findings against the page a user
can open, so the location type lives outside all of them and each may import it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import PurePath


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


def path_label(path: PurePath | str) -> str:
    """A path as text any output can hold: `as_posix()`, with file-name bytes that are not
    UTF-8 (kept by Python as lone surrogates) shown as U+FFFD. Labels end up in report.json,
    generated files and a terminal that encodes strictly; a surrogate there is an exception."""
    text = path.as_posix() if isinstance(path, PurePath) else path
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = os.fsencode(text).decode("utf-8", "replace")
    return text


INVISIBLE = (0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F),
             *range(0x2066, 0x206A), 0xFEFF)
"""Characters beyond the C0/C1 controls that change how text around them is shown: bidi marks,
embeddings, overrides and isolates (U+202E reverses what follows), the Unicode line and
paragraph separators (a line break to some readers, not to others) and the BOM."""
_UNPRINTABLE = {c: f"\\x{c:02x}" for c in (*range(32), *range(127, 160))} | \
    {c: f"\\u{c:04x}" for c in INVISIBLE}
_UNPRINTABLE[ord("\n")] = _UNPRINTABLE[ord("\t")] = " "


def printable(text: str) -> str:
    """`text` for a terminal line: control characters (ESC sequences) and bidi overrides, which
    file names, pages and captures may hold, escaped (`\\x1b`, `\\u202e`); printed raw they
    would clear or restyle the terminal or reorder what a line shows. Newlines and tabs become
    spaces."""
    return text.translate(_UNPRINTABLE)


_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), *INVISIBLE)}
_JSON_ESCAPED = re.compile("[" + "".join(map(chr, _JSON_ESCAPES)) + "]")


def json_visible(text: str) -> str:
    """JSON text (as `json.dumps(..., ensure_ascii=False)` writes it) with C1 controls, bidi
    and line-separator characters written as `\\uXXXX` escapes: the same JSON value, but a
    terminal or editor showing the file is not restyled or reordered (C0 controls are escaped
    by `json.dumps` already; such characters occur only inside strings).

    A regular expression finds them: `str.translate` looks up every character of the text in
    the table, which made this a few percent of a build's CPU time on large documents that
    almost never hold one."""
    return _JSON_ESCAPED.sub(lambda found: _JSON_ESCAPES[ord(found.group())], text)
