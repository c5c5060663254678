"""Operations -> a Product, with named types shared only where every use agrees.

A type name (Huawei `IkePolicy`) becomes one shared component only when every inlined copy of
it is identical after samples were checked; a copy that differs (a constraint a sample broke in
one place only, a same-named table on another page that says something else) stays inline, and
a diagnostic says so.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Diagnostic, Operation, Product, Schema


def _unplaced(schema: Schema) -> Schema:
    """The schema without where it was written: the same table on two pages is the same type."""
    changes: dict = {"loc": None, "also_locs": ()}
    if schema.properties:
        changes["properties"] = tuple((n, _unplaced(s)) for n, s in schema.properties)
    if schema.items is not None:
        changes["items"] = _unplaced(schema.items)
    if schema.additional_properties is not None:
        changes["additional_properties"] = _unplaced(schema.additional_properties)
    if schema.one_of:
        changes["one_of"] = tuple(_unplaced(b) for b in schema.one_of)
    return replace(schema, **changes)


def _strip(schema: Schema) -> Schema:
    """The type as a component: its use's own description is not part of it."""
    return replace(schema, description=())


def _shape(schema: Schema) -> Schema:
    """What must agree between two uses of a type: everything but the use's own description
    and the places it was read from."""
    return _unplaced(_strip(schema))


def _collect(schema: Schema, found: dict[str, list[Schema]]) -> None:
    if schema.ref and schema.properties:
        found.setdefault(schema.ref, []).append(_strip(schema))
    for _, sub in schema.properties:
        _collect(sub, found)
    if schema.items is not None:
        _collect(schema.items, found)
    for branch in schema.one_of:
        _collect(branch, found)


def _unlabel(schema: Schema, keep: set[str], types: dict[str, Schema]) -> Schema:
    changes = {}
    if schema.ref and (schema.ref not in keep or _shape(schema) != _shape(types[schema.ref])):
        changes["ref"] = ""
    if schema.properties:
        changes["properties"] = tuple((n, _unlabel(s, keep, types)) for n, s in schema.properties)
    if schema.items is not None:
        changes["items"] = _unlabel(schema.items, keep, types)
    if schema.additional_properties is not None:
        changes["additional_properties"] = _unlabel(schema.additional_properties, keep, types)
    if schema.one_of:
        changes["one_of"] = tuple(_unlabel(b, keep, types) for b in schema.one_of)
    return replace(schema, **changes) if changes else schema


def _schemas(op: Operation):
    for param in op.parameters:
        yield param.schema
    if op.request_body is not None:
        yield op.request_body
    for response in op.responses:
        yield response.schema


def shared_types(operations: list[Operation], diagnostics: list[Diagnostic],
                 documented: frozenset[str]) -> tuple[list[Operation], dict[str, Schema]]:
    """Types documented in tables of their own become shared; a type name that only appears in
    a type cell (`Array of IpsecServer` over flat rows) stays inline."""
    found: dict[str, list[Schema]] = {}
    for op in operations:
        for schema in _schemas(op):
            _collect(schema, found)
    found = {name: copies for name, copies in found.items() if name in documented}
    types: dict[str, Schema] = {}
    for name, copies in sorted(found.items()):
        first = copies[0]
        types[name] = first
        if any(_shape(copy) != _shape(first) for copy in copies[1:]):
            diagnostics.append(Diagnostic(
                "info", "type-variants", f"type {name} is used with different contents; the "
                "variants that differ from its first use are kept inline", first.loc))
    keep = set(types)
    # A shared type's own fields may name types whose shared copy differs (a page's response
    # `PolicyRule` vs another page's request `PolicyRule`): inline those inside it too.
    shared = {name: _unlabel(schema, keep, types) for name, schema in types.items()}
    result = []
    for op in operations:
        result.append(replace(
            op, parameters=tuple(replace(p, schema=_unlabel(p.schema, keep, types))
                                 for p in op.parameters),
            request_body=_unlabel(op.request_body, keep, types) if op.request_body else None,
            responses=tuple(replace(r, schema=_unlabel(r.schema, keep, types))
                            for r in op.responses)))
    return result, shared


def build_product(provider: str, name: str, title: str, version: str, style: str,
                  servers: tuple, operations: list[Operation], diagnostics: list[Diagnostic],
                  pages: tuple[str, ...], documented: frozenset[str]) -> Product:
    operations, types = shared_types(operations, diagnostics, documented)
    return Product(provider=provider, name=name, title=title, version=version,
                   style=style,  # type: ignore[arg-type]
                   servers=servers, operations=tuple(operations),
                   types=tuple(sorted(types.items())), diagnostics=tuple(diagnostics),
                   pages=pages)
