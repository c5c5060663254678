"""Rows whose members table is on another page of the product.

Sphinx labels are global to a documentation project: a type cell on one page links to a table
another page holds (`rootVolume | :ref:`Volume <cce_02_0242__table1359314517>` object`, the
label of a table on "Creating a Node"; `resource_detail | Object | For details, see
:ref:`Table 5 <kms_02_0018__...>`` on "Querying Key Details"). The dialect leaves such a link on
the row (`FieldRow.link`) and the label on every table (`FieldTable.anchor`); this pass copies
the linked table, with the named types its rows use on its own page, into the page that links
to it, as a named type of that page, and points the row at it. Without it the row's members
come only from the samples (untyped guesses) or are lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .model import Diagnostic, FieldRow, FieldTable, PageExtract, Schema

MAX_DEPTH = 8
"""Pages a chain of links may cross (a table on B linking to a table on C ...)."""


def _refer(schema: Schema, name: str) -> Schema:
    if schema.kind == "array":
        item = schema.items or Schema(kind="object")
        return replace(schema, items=replace(item, kind="object", ref=name))
    return replace(schema, kind="object", ref=name)


def _renamed(schema: Schema, names: dict[str, str]) -> Schema:
    """The schema with every type name it uses renamed by `names`."""
    changes = {}
    if schema.ref in names:
        changes["ref"] = names[schema.ref]
    if schema.items is not None:
        changes["items"] = _renamed(schema.items, names)
    if schema.additional_properties is not None:
        changes["additional_properties"] = _renamed(schema.additional_properties, names)
    if schema.properties:
        changes["properties"] = tuple((n, _renamed(s, names)) for n, s in schema.properties)
    return replace(schema, **changes) if changes else schema


def _used(schema: Schema) -> set[str]:
    found = {schema.ref} if schema.ref else set()
    if schema.items is not None:
        found |= _used(schema.items)
    if schema.additional_properties is not None:
        found |= _used(schema.additional_properties)
    for _, sub in schema.properties:
        found |= _used(sub)
    return found


class _Importer:
    """Copies linked tables into one page's extract (`types`), each under one name."""

    def __init__(self, extract: PageExtract, anchors: dict[str, tuple[PageExtract, FieldTable]],
                 diagnostics: list[Diagnostic]) -> None:
        self.extract = extract
        self.anchors = anchors
        self.diagnostics = diagnostics
        self.own = {(t.name, t.status == 0) for t in extract.types if t.name}
        self.taken = {t.name for t in extract.types if t.name}
        self.added: list[FieldTable] = []
        self.copied: dict[tuple[str, str], str] = {}
        """(page, table key) -> the name of its copy on this page."""

    def _name(self, wanted: str) -> str:
        name = wanted or "Linked"
        if name in self.taken:
            name = next(f"{name}{n}" for n in range(2, 10_000) if f"{name}{n}" not in self.taken)
        self.taken.add(name)
        return name

    def row(self, row: FieldRow, status: int, depth: int = 0) -> FieldRow:
        """The row pointed at the copy of its linked table (unchanged when the label is no
        table of another page)."""
        if not row.link:
            return row
        found = self.anchors.get(row.link)
        named = row.schema.ref or (row.schema.items.ref if row.schema.items else "")
        if found is None or found[0] is self.extract or depth > MAX_DEPTH or (
                depth == 0 and (named, status == 0) in self.own):
            # (the page itself documents a type of the name the row gives, on the row's side
            # (request or response): that one)
            return replace(row, link="")
        source, table = found
        wanted = table.name or row.schema.ref or (row.schema.items.ref if row.schema.items
                                                  else "") or "".join(
            w[:1].upper() + w[1:] for w in row.name.replace("-", "_").split("_") if w)
        name = self._copy(source, table, table.name or "@" + row.link, wanted, status, depth)
        self.diagnostics.append(Diagnostic(
            "info", "type-linked", f"{row.name or 'row'}: its members are the table its link "
            f"leads to on {source.page} (line {table.loc.line if table.loc else '?'}), read "
            f"as type {name}", row.loc, operation=self.extract.operation_id))
        return replace(row, schema=_refer(row.schema, name), link="")

    def _copy(self, source: PageExtract, table: FieldTable, key: str, wanted: str,
              status: int, depth: int) -> str:
        if (source.page, key) in self.copied:
            return self.copied[(source.page, key)]
        name = self._name(wanted)
        self.copied[(source.page, key)] = name
        # The named types the table's rows use on their own page come along, renamed when
        # this page already has a type of that name.
        own = {t.name: t for t in source.types if t.name}
        names: dict[str, str] = {}
        for used in sorted({u for r in table.rows for u in _used(r.schema)}):
            if used in own:
                names[used] = self._copy(source, own[used], used, used, status, depth)
        rows = tuple(self.row(replace(r, schema=_renamed(r.schema, names)), status, depth + 1)
                     for r in table.rows)
        self.added.append(FieldTable(rows=rows, name=name, status=status, loc=table.loc))
        return name


def _table(table: FieldTable, importer: _Importer) -> FieldTable:
    if not any(r.link for r in table.rows):
        return table
    return replace(table, rows=tuple(importer.row(r, table.status) for r in table.rows))


def resolve_links(extracts: list[PageExtract], diagnostics: list[Diagnostic],
                  models: Sequence[PageExtract] = ()) -> list[PageExtract]:
    """Each extract with the tables its rows link to on other pages copied in as types.
    `models` lend their labelled tables too (an object-model page: no operation, only the
    tables of the objects the operations' pages link to); they are not returned."""
    anchors: dict[str, tuple[PageExtract, FieldTable]] = {}
    for extract in (*extracts, *models):
        for table in (*extract.request, *extract.responses, *extract.types):
            if table.anchor and table.rows:
                anchors.setdefault(table.anchor, (extract, table))
    resolved = []
    for extract in extracts:
        if not any(r.link for t in (*extract.request, *extract.responses, *extract.types)
                   for r in t.rows):
            resolved.append(extract)
            continue
        importer = _Importer(extract, anchors, diagnostics)
        request = tuple(_table(t, importer) for t in extract.request)
        responses = tuple(_table(t, importer) for t in extract.responses)
        types = tuple(_table(t, importer) for t in extract.types)
        resolved.append(replace(extract, request=request, responses=responses,
                                types=(*types, *importer.added)))
    return resolved
