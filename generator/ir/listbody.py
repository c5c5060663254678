"""A body that is a JSON array, documented by one row that stands for its items; and a body
that is one bare value, documented by one row with no name.

Pages document a body sent or returned as a bare list (`[{"event_name": ...}, ...]`) with a
table of a single row whose name is no key but a stand-in for the list's items: `[items]`,
`[Array element]`, `*[Array]*`, `Array elements`, typed `Array of X objects`. That row is not a
field named "[items]": the body itself is the array, and the row's type (its items) is the
body's. Found on several products' pages (container, monitoring and image services), in
request and response tables alike.
"""

from __future__ import annotations

import re

from .model import Diagnostic, Schema

_ITEMS_ROW = re.compile(
    r"^(?:\[[^\[\]]{1,40}\]|array(?:\s+elements?)?|(?:array|list)\s+(?:items?|members?))$",
    re.IGNORECASE)
"""Names that stand for the items of a bare list: a bracketed word (`[items]`, `[Array
element]`), or `Array`, `Array elements`, `List items`."""


def is_items_row(name: str) -> bool:
    """True for a row name that stands for a bare list's items, its emphasis stripped."""
    return bool(_ITEMS_ROW.match(" ".join(name.strip("*`_ \t").split())))


def list_body(root: Schema, diagnostics: list[Diagnostic], operation: str) -> Schema:
    """`root` (an object built from a body table) as the array its only row stands for, or
    `root` unchanged when its table documents fields."""
    if len(root.properties) != 1:
        return root
    name, schema = root.properties[0]
    if schema.kind != "array" or not is_items_row(name):
        return root
    diagnostics.append(Diagnostic(
        "info", "body-array", f"the row {name!r} stands for the items of a body that is a JSON "
        "array; the body is that array", schema.loc or root.loc, operation=operation))
    return schema


_NO_NAME = frozenset({"-", "--", "\u2014", "n/a", "none"})
"""What a name cell holds when the row names no key (`-`, `N/A`), its literal markup stripped."""


def unnamed_body(root: Schema, diagnostics: list[Diagnostic], operation: str) -> Schema:
    """`root` as the bare value its only row documents when that row has no name: a response
    table of one row ``-`` typed `String` (or `File`) documents a body that is that value
    (`success`, a file), not an object with a key `-`. Found on several products' pages
    (message, log and container services). `root` unchanged otherwise."""
    if len(root.properties) != 1:
        return root
    name, schema = root.properties[0]
    if name.strip("*`_ \t").lower() not in _NO_NAME:
        return root
    diagnostics.append(Diagnostic(
        "info", "body-unnamed", f"the only row is named {name!r}, which names no key: the body "
        f"is that row's value ({schema.type_text or schema.kind}), not an object",
        schema.loc or root.loc, operation=operation))
    return schema
