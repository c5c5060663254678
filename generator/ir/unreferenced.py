"""Object tables no row refers to, placed by their name and the page's samples.

A page may document an object's members in a table of their own (`Table 4 Detail`, "detail
field description", a `## RuleList` members table) and never write the row that holds the
object. The table is not lost: where a sample shows a key named like the table whose objects
hold the table's fields, that key is the object (a list of them when the sample lists them);
where a sample shows a key whose objects hold only the table's fields, under another name,
that key is. An object row of that name that points at no table takes it too. A table neither
finds a place for is reported with its page:line and the line of every row, never dropped in
silence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .model import Diagnostic, FieldTable, PageExtract, Schema
from .refs import inline_refs
from .sampleindex import objects_in, unwrap_list

_COLLECTION_SUFFIXES = ("", "s", "es", "list", "lists", "set", "sets", "info", "infos")
"""How a key holding a list of the table's objects may extend its name (`Rule` -> `Rules`,
`RuleList`, `rule_set`)."""


def _norm(name: str) -> str:
    """A name without case and separators: `IkePolicy`, `ike_policy`, `ike-policy` agree."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def _refs(schema: Schema | None, depth: int = 0) -> set[str]:
    if schema is None or depth > 32:
        return set()
    found = {schema.ref} if schema.ref else set()
    for _, sub in schema.properties:
        found |= _refs(sub, depth + 1)
    for inner in (schema.items, schema.additional_properties, schema.content_schema):
        found |= _refs(inner, depth + 1)
    return found


def unreferenced_tables(extract: PageExtract) -> list[FieldTable]:
    """The page's named type tables that no row of another table refers to."""
    used: set[str] = set()
    for table in (*extract.request, *extract.responses):
        for row in table.rows:
            used |= _refs(row.schema)
    for table in extract.types:
        for row in table.rows:
            used |= _refs(row.schema) - {table.name}
    found: dict[str, FieldTable] = {}
    for table in extract.types:
        if table.name and table.name not in used and table.name not in found and table.rows:
            found[table.name] = table
    return list(found.values())


class UnreferencedTypes:
    """Places a page's unreferenced type tables, side by side (request body, responses), and
    reports the ones no side placed."""

    def __init__(self, extract: PageExtract) -> None:
        self.tables = unreferenced_tables(extract)
        self.placed: set[str] = set()
        self._types: dict[str, Schema] = {}
        self._diagnostics: list[Diagnostic] = []

    def place(self, root: Schema, values: list[Any], types: dict[str, Schema],
              diagnostics: list[Diagnostic]) -> Schema:
        """`root` with the unreferenced tables the samples place in it."""
        if not self.tables or len(self.placed) == len(self.tables):
            return root
        self._types = types
        self._diagnostics = diagnostics
        return self._walk(root, [v for v in values if isinstance(v, dict)], "")

    def _open(self) -> list[FieldTable]:
        return [t for t in self.tables if t.name not in self.placed]

    def _walk(self, schema: Schema, values: list[Any], where: str) -> Schema:
        if schema.kind == "array" and schema.items is not None:
            items = [i for v in values for i in objects_in(v)]
            inner = self._walk(schema.items, items, f"{where}[]")
            return schema if inner is schema.items else replace(schema, items=inner)
        if not schema.properties:
            return schema
        objects = [v for v in values if isinstance(v, dict)]
        props: list[tuple[str, Schema]] = []
        changed = False
        for name, sub in schema.properties:
            path = f"{where}.{name}" if where else name
            shown = [o[name] for o in objects if name in o]
            new = self._bare_row(name, sub, shown, path)
            if new is sub:
                new = self._walk(sub, shown, path)
            changed = changed or new is not sub
            props.append((name, new))
        known = {name for name, _ in schema.properties}
        for key in dict.fromkeys(k for o in objects for k in o):
            if key in known:
                continue
            shown = [o[key] for o in objects if key in o]
            placed = self._match(key, shown, f"{where}.{key}" if where else key, schema)
            if placed is not None:
                props.append((key, placed))
                changed = True
        return replace(schema, properties=tuple(props)) if changed else schema

    def _bare_row(self, name: str, sub: Schema, shown: list[Any], path: str) -> Schema:
        """An object row of the table's name that points at no table of members: the row the
        table was written for."""
        target = sub.items if sub.kind == "array" and sub.items is not None else sub
        if target.kind not in ("object", "any") or target.ref or target.properties or \
                target.additional_properties is not None:
            return sub
        table = next((t for t in self._open() if _norm(t.name) == _norm(name)), None)
        if table is None or (shown and not self._fits(table, shown, by_name=True)):
            return sub
        inlined = self._inline(table, replace(target, kind="object"))
        self._report(table, path, "an object row of its name points at no table")
        return replace(sub, items=inlined) if target is not sub else inlined

    def _match(self, key: str, shown: list[Any], path: str, parent: Schema) -> Schema | None:
        by_name = [t for t in self._open() if _named(key, t.name)]
        others = [t for t in self._open() if t not in by_name]
        for table, named in [*((t, True) for t in by_name), *((t, False) for t in others)]:
            if not self._fits(table, shown, by_name=named):
                continue
            listed = any(isinstance(unwrap_list(v), list) for v in shown)
            item = self._inline(table, Schema(kind="object", loc=parent.loc))
            schema = Schema(kind="array", items=item, loc=parent.loc) if listed else item
            self._report(table, path, "a sample shows " + (
                f"{key!r} holding its fields" if named else
                f"{key!r} holding only its fields"))
            return schema
        return None

    @staticmethod
    def _fits(table: FieldTable, shown: list[Any], by_name: bool) -> bool:
        """Whether the sample objects under a key are the table's: named like it, their keys
        are mostly its rows (or the sample shows no object to say otherwise); under another
        name, two or more keys, all of them its rows, covering half of them."""
        rows = {r.name for r in table.rows if r.name}
        objects = [o for v in shown for o in objects_in(v)]
        keys = {k for o in objects for k in o}
        if any(v is not None and not isinstance(v, (dict, list)) for v in shown):
            return False
        if by_name:
            return not keys or 2 * len(keys & rows) >= len(keys) > 0
        return len(keys) >= 2 and keys <= rows and 2 * len(keys) >= len(rows)

    def _inline(self, table: FieldTable, use: Schema) -> Schema:
        ref = replace(use, kind="object", ref=table.name, properties=())
        return inline_refs(ref, self._types, self._diagnostics)

    def _report(self, table: FieldTable, path: str, why: str) -> None:
        self.placed.add(table.name)
        self._diagnostics.append(Diagnostic(
            "info", "type-placed", f"the table of {table.name} ({len(table.rows)} rows) is "
            f"referred to by no row; placed at {path}: {why}", table.loc))

    def report_unplaced(self, diagnostics: list[Diagnostic]) -> None:
        for table in self._open():
            diagnostics.append(Diagnostic(
                "warning", "type-unplaced", f"the table of {table.name} ({len(table.rows)} "
                "rows) is referred to by no row, and no sample shows where its fields are: its "
                "rows are in no parameter or field", table.loc,
                tuple(r.loc for r in table.rows if r.loc is not None)))


def _named(key: str, name: str) -> bool:
    """A key named like the table (`detail` for `Detail`), or like a collection of it
    (`Rules`, `RuleList` for `Rule`)."""
    key, name = _norm(key), _norm(name)
    return bool(name) and key.startswith(name) and key[len(name):] in _COLLECTION_SUFFIXES
