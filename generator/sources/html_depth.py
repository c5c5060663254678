"""How deep a table row sits, from what the page shows: an explicit level (`data-level`,
`aria-level`, a class such as `level-2`), an indentation style on the first cell, or leading
non-breaking spaces and tree characters (`└`). Help-center pages rendered from Markdown show
nesting only visually; these signals are all a reader has."""

from __future__ import annotations

import re

from bs4 import Tag


def _first_tags(tag: Tag, limit: int) -> list[Tag]:
    """The first `limit` descendant elements (`find_all(True, limit=limit)`)."""
    found: list[Tag] = []
    for node in tag.descendants:
        if isinstance(node, Tag):
            found.append(node)
            if len(found) == limit:
                break
    return found


_LEVEL_ATTRS = ("data-level", "data-depth", "aria-level", "data-indent", "level")
_LEVEL_CLASS = re.compile(r"(?:^|[-_])(?:level|lvl|depth|indent|nest|tier)[-_]?(\d{1,2})$",
                          re.IGNORECASE)
_INDENT_STYLE = re.compile(r"(?:padding-left|margin-left|text-indent|padding-inline-start)\s*:"
                           r"\s*([\d.]+)\s*(px|em|rem|pt|%)?", re.IGNORECASE)
TREE_CHARS = "└├│┗┣┃╰╘╞─━"
_LEAD = re.compile(rf"^[\s\xa0\u3000\u2002\u2003{TREE_CHARS}]*")
_UNIT_PX = {"px": 1.0, "pt": 4 / 3, "em": 16.0, "rem": 16.0, "%": 1.0, None: 1.0}


def explicit_level(tr: Tag, first: Tag | None) -> int | None:
    probes = [tr] + ([first, *_first_tags(first, 3)] if first is not None else [])
    for tag in probes:
        for attr in _LEVEL_ATTRS:
            value = str(tag.get(attr) or "").strip()
            if value.isdigit():
                return int(value)
        for cls in tag.get("class") or ():
            match = _LEVEL_CLASS.search(cls)
            if match:
                return int(match.group(1))
    return None


def indent_px(first: Tag | None) -> float:
    if first is None:
        return 0.0
    total = 0.0
    for tag in [first, *_first_tags(first, 3)]:
        for match in _INDENT_STYLE.finditer(tag.get("style") or ""):
            total += float(match.group(1)) * _UNIT_PX[match.group(2) and match.group(2).lower()]
    return total


def marker_width(first: Tag | None) -> int:
    """Leading non-breaking spaces and tree characters: how far the name is pushed right."""
    if first is None:
        return 0
    lead = _LEAD.match(first.get_text()).group()
    return sum(1 for ch in lead if ch in "\xa0\u3000\u2002\u2003" or ch in TREE_CHARS)


def _ranks(values: list[float]) -> list[int]:
    order = {value: rank for rank, value in enumerate(sorted(set(values)))}
    return [order[value] for value in values]


def row_depths(signals: list[tuple[int | None, float, int]]) -> list[int] | None:
    """Per-row depth from the strongest signal the table shows, or None when it shows none."""
    explicit = [level for level, _, _ in signals if level is not None]
    if explicit:
        low = min(explicit)
        return [(level - low) if level is not None else 0 for level, _, _ in signals]
    indents = [indent for _, indent, _ in signals]
    if len(set(indents)) > 1:
        return _ranks(indents)
    markers = [marker for _, _, marker in signals]
    if len(set(markers)) > 1:
        return _ranks(markers)
    return None
