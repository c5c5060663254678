"""Tables that describe the members of one field, found by the words that introduce them.

Alibaba pages document a structure's members in a table of its own after the main tables:
under a heading that is the structure's name (`## RuleList`, which the `Rules` row names with
"see RuleList"), or after a label (`**phases字段数据结构说明**`, `**ScRules参数说明**`,
"Item parameters", "Data structure of Tag"). Such a table is a named type, never a list of
top-level parameters or response fields; the row that names it (by its own name, its type cell
or a "see X" in its description) refers to it, and the IR inlines it there.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..ir.model import FieldRow, FieldTable, Schema
from ..ir.nesting import KEY_ROW

_NAME = r"([A-Za-z_][A-Za-z0-9_.]{0,80})"
_SUFFIX = (r"字段数据结构说明|数据结构说明|参数说明|字段说明|结构体说明|结构说明|的参数|结构|"
           r"parameters|parameter description|fields|field description|members|structure|"
           r"data structure")
_LABELS = (
    re.compile(rf"^[-*•\s]*{_NAME}\s*(?:{_SUFFIX})\s*[:：]?$", re.I),
    re.compile(rf"^[-*•\s]*(?:(?:the\s+)?(?:data\s+)?structure|members|fields|parameters)\s+of\s+"
               rf"{_NAME}\s*[:：]?$", re.I),
)
_HEADING = re.compile(rf"^{_NAME}$")
_SEE = re.compile(r"参见|详见|请见|\bsee\b|\brefer to\b|\bdetails?\b", re.I)


def members_label(text: str, heading: bool) -> str:
    """The structure a line introduces the members of (`ScRules` for "ScRules参数说明"), or ''.
    A heading that is a bare identifier (`## RuleList`) names one too."""
    text = text.strip()
    for label in _LABELS:
        match = label.match(text)
        if match:
            return match.group(1)
    if heading:
        match = _HEADING.match(text)
        if match and any(c.isupper() for c in text):
            return match.group(1)
    return ""


def _mentions(text: str, name: str) -> bool:
    return bool(_SEE.search(text)) and bool(
        re.search(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", text))


def map_table(table: FieldTable) -> FieldTable | None:
    """A members table whose first row is a key placeholder (`{key}` | Struct | "the phase")
    describes a map: the table without that row is what every value holds. None otherwise."""
    if table.rows and KEY_ROW.match(table.rows[0].name.strip()):
        return replace(table, rows=table.rows[1:])
    return None


def refer(schema: Schema, name: str, is_map: bool = False) -> Schema:
    """Point an object (or a list's items) at a named type; scalars stay what they are. For a
    map type, every value of the object is of that type."""
    if is_map and schema.kind in ("object", "any"):
        return replace(schema, kind="object", properties=(),
                       additional_properties=Schema(kind="object", ref=name))
    if schema.kind == "array":
        item = schema.items or Schema(kind="object")
        if item.kind in ("object", "any"):
            return replace(schema, items=replace(item, kind="object", ref=name, properties=()))
        return schema
    if schema.kind in ("object", "any"):
        # A `Map` whose members table names its fields is an object of those fields.
        return replace(schema, kind="object", ref=name, properties=(),
                       additional_properties=None)
    return schema


def _line(row: FieldRow | FieldTable) -> int:
    return row.loc.line if row.loc is not None else 0


def link_members(tables: list[FieldTable], types: list[tuple[str, FieldTable]]) -> list[FieldTable]:
    """`tables` with each row that names a members table pointing at it: the first such table
    after the row (the one written for it), else the last one before it. A type table's own
    rows may point at other type tables (`actions` inside `phases`). `types` are (the name the
    page gives, the table under its unique name)."""
    if not types:
        return tables
    by_base: dict[str, list[FieldTable]] = {}
    maps: set[str] = set()
    for base, table in types:
        by_base.setdefault(base, []).append(table)
        if map_table(table) is not None:
            maps.add(table.name)

    def target(row: FieldRow, own: str) -> str:
        schema = row.schema
        names = [row.name, schema.ref, schema.items.ref if schema.items is not None else ""]
        text = " ".join(t for _, t in schema.description)
        names += [base for base in by_base if base not in names and _mentions(text, base)]
        for name in names:
            candidates = [t for t in by_base.get(name, ()) if t.name != own]
            after = [t for t in candidates if _line(t) > _line(row)]
            if after or candidates:
                return (after[0] if after else candidates[-1]).name
        return ""

    linked = []
    for table in tables:
        rows = []
        for row in table.rows:
            name = target(row, table.name)
            if name and row.schema.kind in ("object", "array", "any"):
                row = replace(row, schema=refer(row.schema, name, name in maps), container=False)
            rows.append(row)
        linked.append(replace(table, rows=tuple(rows)))
    return linked


def unique_name(name: str, types: list[tuple[str, FieldTable]]) -> str:
    """`items`, then `items_2` for a second table of the same name on the page."""
    count = sum(1 for base, _ in types if base == name)
    return name if count == 0 else f"{name}_{count + 1}"
