"""Object tables no row refers to, placed by their name and the page's samples.

A page may document an object's members in a table of their own (`Table 4 Detail`, "detail
field description", a `## RuleList` members table) and never write the row that holds the
object. The table is not lost. The places it could go are the object rows that point at no
members table and the keys a sample shows that no row documents. A place named like the table
(`detail` for `Detail`, `Rules` for `Rule`) whose sample objects hold mostly its fields takes
it (a list of them when the sample lists them); else the one place whose sample objects hold
only the table's fields, under another name, when no other place fits as well (two tables'
worth of one shape cannot be told apart). A table no place takes is reported with its
page:line and the line of every row, never dropped in silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .model import Diagnostic, FieldTable, PageExtract, Parameter, Response, Schema
from .refs import inline_refs
from .sampleindex import objects_in, unwrap_list

_SCALARS = frozenset({"string", "integer", "number", "boolean"})
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
    """The page's named type tables that no row of another table refers to. A name is looked
    up on the row's side (request or response) first, as the IR reads types: a response table
    named like a request one that the request rows use is unreferenced when no response row
    refers to it."""
    used: set[tuple[str, bool]] = set()
    for table in (*extract.request, *extract.responses):
        for row in table.rows:
            used |= {(name, table.status == 0) for name in _refs(row.schema)}
    for table in extract.types:
        for row in table.rows:
            used |= {(name, table.status == 0) for name in _refs(row.schema) - {table.name}}
    sides = {(t.name, t.status == 0) for t in extract.types if t.name}

    def referred(name: str, request: bool) -> bool:
        # a row on the other side uses this table when its own side has none of the name
        return (name, request) in used or (name, not request) in used and \
            (name, not request) not in sides

    found: dict[str, FieldTable] = {}
    for table in extract.types:
        if table.name and not referred(table.name, table.status == 0) and \
                table.name not in found and table.rows:
            found[table.name] = table
    return list(found.values())


@dataclass(frozen=True, slots=True)
class _Site:
    """A place a table could go."""

    path: str
    """Where it is (`a.b[].c`)."""
    name: str
    shown: list[Any]
    """What the samples show there."""
    bare: bool
    """An object row without members (else a key only a sample shows)."""
    scalar: str = ""
    """The documented type of a row typed as a scalar that every sample shows as an object
    (`quota | String`, the sample `"quota": {"member": 500, ...}`): taken only by a table
    named like it."""


class UnreferencedTypes:
    """Places a page's unreferenced type tables, side by side (request body, responses), and
    reports the ones no side placed."""

    def __init__(self, extract: PageExtract) -> None:
        self.tables = unreferenced_tables(extract)
        self.by_name = {t.name: t for t in reversed(extract.types) if t.name}
        self.copies: dict[str, list[FieldTable]] = {}
        for table in extract.types:
            if table.name:
                self.copies.setdefault(table.name, []).append(table)
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
        sites: list[_Site] = []
        self._collect(root, [v for v in values if isinstance(v, dict)], "", sites)
        chosen = self._choose(sites)
        return self._apply(root, "", chosen) if chosen else root

    def _open(self) -> list[FieldTable]:
        return [t for t in self.tables if t.name not in self.placed]

    def _collect(self, schema: Schema, values: list[Any], where: str,
                 sites: list[_Site]) -> None:
        """Every place a table could go: object rows without members, and keys a sample shows
        in a documented object that no row documents."""
        if schema.kind == "array" and schema.items is not None:
            self._collect(schema.items, [i for v in values for i in objects_in(v)],
                          f"{where}[]", sites)
            return
        if not schema.properties:
            return
        objects = [v for v in values if isinstance(v, dict)]
        for name, sub in schema.properties:
            path = f"{where}.{name}" if where else name
            shown = [o[name] for o in objects if name in o]
            target = sub.items if sub.kind == "array" and sub.items is not None else sub
            if target.kind in ("object", "any") and not target.ref and not target.properties \
                    and target.additional_properties is None:
                sites.append(_Site(path, name, shown, True))
            elif sub.kind in _SCALARS and shown and all(isinstance(v, dict) and v for v in shown):
                # The type cell says a scalar, the samples an object: a slip of the type cell
                # when a table named like the row documents the sample's keys.
                sites.append(_Site(path, name, shown, False, sub.kind))
            else:
                self._collect(sub, shown, path, sites)
        known = {name for name, _ in schema.properties}
        for key in dict.fromkeys(k for o in objects for k in o):
            if key not in known:
                sites.append(_Site(f"{where}.{key}" if where else key, key,
                                   [o[key] for o in objects if key in o], False))

    def _choose(self, sites: list[_Site]) -> dict[str, tuple[FieldTable, _Site]]:
        """{site path: (table, site)}. A site named like the table takes it (the first such);
        otherwise the one site whose sample objects hold only the table's fields, when no
        other site fits it as well (tables of one shape, `volumes_SATA` and `volumes_SSD`,
        cannot be told apart by their fields)."""
        chosen: dict[str, tuple[FieldTable, _Site]] = {}
        for table in self._open():
            free = [s for s in sites if s.path not in chosen]
            named = [s for s in free if (_norm(s.name) == _norm(table.name) if s.bare
                                         else _named(s.name, table.name))
                     and (s.bare and not s.shown or self._fits(table, s.shown, by_name=True))]
            if named:
                site = named[0]
                why = ("an object row of its name points at no table" if site.bare else
                       f"the row {site.name!r} is typed {site.scalar}, but the samples show it "
                       "as an object holding the table's fields" if site.scalar else
                       f"a sample shows {site.name!r} holding its fields")
            else:
                fitting = [s for s in free if s.shown and not s.scalar
                           and self._fits(table, s.shown, False)]
                if len(fitting) != 1:
                    continue
                site = fitting[0]
                why = f"a sample shows {site.name!r} holding only its fields"
            chosen[site.path] = (table, site)
            self._report(table, site.path, why)
        return chosen

    def _apply(self, schema: Schema, where: str,
               chosen: dict[str, tuple[FieldTable, _Site]]) -> Schema:
        if schema.kind == "array" and schema.items is not None:
            inner = self._apply(schema.items, f"{where}[]", chosen)
            return schema if inner is schema.items else replace(schema, items=inner)
        if not schema.properties:
            return schema
        props: list[tuple[str, Schema]] = []
        changed = False
        for name, sub in schema.properties:
            path = f"{where}.{name}" if where else name
            if path in chosen:
                target = sub.items if sub.kind == "array" and sub.items is not None else sub
                if chosen[path][1].scalar:
                    # Nothing of the scalar's type cell holds for the object (a length, a
                    # format): only what the row says of the field.
                    new = self._inline(chosen[path][0], Schema(
                        kind="object", description=sub.description, type_text=sub.type_text,
                        see=sub.see, loc=sub.loc))
                else:
                    inlined = self._inline(chosen[path][0], replace(target, kind="object"))
                    new = replace(sub, items=inlined) if target is not sub else inlined
            else:
                new = self._apply(sub, path, chosen)
            changed = changed or new is not sub
            props.append((name, new))
        known = {name for name, _ in schema.properties}
        for path, (table, site) in chosen.items():
            parent, _, key = path.rpartition(".")
            if parent == where and key not in known and not site.bare:
                item = self._inline(table, Schema(kind="object", loc=schema.loc))
                listed = any(isinstance(unwrap_list(v), list) for v in site.shown)
                props.append((key, Schema(kind="array", items=item, loc=schema.loc)
                              if listed else item))
                changed = True
        return replace(schema, properties=tuple(props)) if changed else schema

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
            # The rows of the tables only it refers to are nowhere either (a row placed
            # elsewhere too counts as placed: the consistency check looks there first).
            # A table printed again under the same name (each error status repeating its
            # `ErrorDetail`) is the same type: its rows are nowhere either.
            reached = list(self.copies.get(table.name, [table]))
            for current in reached:
                for row in current.rows:
                    for name in sorted(_refs(row.schema)):
                        for inner in self.copies.get(name, []):
                            if inner not in reached:
                                reached.append(inner)
            diagnostics.append(Diagnostic(
                "warning", "type-unplaced", f"the table of {table.name} ({len(table.rows)} "
                "rows) is referred to by no row, and no sample shows where its fields are: its "
                "rows are in no parameter or field", table.loc,
                tuple(r.loc for t in reached for r in t.rows if r.loc is not None)))


def _named(key: str, name: str) -> bool:
    """A key named like the table (`detail` for `Detail`), or like a collection of it
    (`Rules`, `RuleList` for `Rule`)."""
    key, name = _norm(key), _norm(name)
    return bool(name) and key.startswith(name) and key[len(name):] in _COLLECTION_SUFFIXES


def _built_refs(schema: Schema | None, found: set[str], depth: int = 0) -> None:
    if schema is None or depth > 64:
        return
    if schema.ref:
        found.add(schema.ref)
    for _, sub in schema.properties:
        _built_refs(sub, found, depth + 1)
    for inner in (schema.items, schema.additional_properties, schema.content_schema,
                  *schema.one_of):
        _built_refs(inner, found, depth + 1)


def report_unused_types(extract: PageExtract, params: list[Parameter], body: Schema | None,
                        responses: list[Response], unreferenced: UnreferencedTypes,
                        diagnostics: list[Diagnostic]) -> None:
    """A type table a row refers to, whose type still ends in no field of the operation: the
    rows that referred to it were not kept (a second row of one name in one object, the first
    row used), so its rows are nowhere. Reported with the line of every row."""
    built: set[str] = set()
    for param in params:
        _built_refs(param.schema, built)
    _built_refs(body, built)
    for response in responses:
        _built_refs(response.schema, built)
    handled = {t.name for t in unreferenced.tables}
    for name, tables in unreferenced.copies.items():
        if name in built or name in handled:
            continue
        rows = tuple(r.loc for t in tables for r in t.rows if r.loc is not None)
        if not rows:
            continue
        users = sorted({r.loc.line for t in (*extract.request, *extract.responses,
                                             *extract.types) if t.name != name
                        for r in t.rows if r.loc is not None and name in _refs(r.schema)})
        diagnostics.append(Diagnostic(
            "warning", "type-unused", f"the table of {name} ({len(rows)} rows) is referred to "
            "only by rows the output does not keep" + (
                f" (line {', '.join(map(str, users[:8]))}; see the findings there)" if users
                else "") + ": its rows are in no parameter or field", tables[0].loc,
            rows, extract.operation_id))
