"""Faster equivalents of docutils' per-character column helpers, for the pages we read.

docutils measures every table line and section title character by character in Python, for
East Asian wide characters (`StringList.pad_double_width`, `utils.column_width`) and combining
characters (`utils.find_combining_chars`, `utils.column_indices`): about a fifth of the time
docutils spends on a reStructuredText API page, whose lines are almost all ASCII. An ASCII
character is neither wide nor combining, so for an ASCII line each helper's answer is known
without looking at the characters; any other line goes to docutils' own function. The results
are the same for every input (tests/test_rst_speed.py compares them), only faster.
"""

from __future__ import annotations

from collections.abc import Callable

import docutils.utils
from docutils import statemachine

_ORIGINAL: dict[str, Callable] = {}
"""docutils' own helpers, for the lines that are not ASCII (filled by `install`)."""


def find_combining_chars(text: str) -> list[int]:
    return [] if text.isascii() else _ORIGINAL["find_combining_chars"](text)


def column_indices(text: str) -> list[int]:
    return list(range(len(text))) if text.isascii() else _ORIGINAL["column_indices"](text)


def column_width(text: str) -> int:
    return len(text) if text.isascii() else _ORIGINAL["column_width"](text)


def pad_double_width(self: statemachine.StringList, pad_char: str) -> None:
    if all(not isinstance(line, str) or line.isascii() for line in self.data):
        return
    _ORIGINAL["pad_double_width"](self, pad_char)


def install() -> None:
    """Put the ASCII shortcuts in place of docutils' helpers, once per process. `column_width`
    is also bound by name in docutils' RST parser (`states.column_width`)."""
    from docutils.parsers.rst import states

    if getattr(docutils.utils, "_docs2spec_ascii_shortcuts", False):
        return
    _ORIGINAL.update(find_combining_chars=docutils.utils.find_combining_chars,
                     column_indices=docutils.utils.column_indices,
                     column_width=docutils.utils.column_width,
                     pad_double_width=statemachine.StringList.pad_double_width)
    docutils.utils.find_combining_chars = find_combining_chars
    docutils.utils.column_indices = column_indices
    docutils.utils.column_width = column_width
    states.column_width = column_width
    statemachine.StringList.pad_double_width = pad_double_width
    docutils.utils._docs2spec_ascii_shortcuts = True
