"""Named object types (Huawei `Table 6 IkePolicy`) inlined where a type cell names them.

The inlined copy keeps `ref`, so emitters can still write `$ref` to one shared component; the
copy is what samples are checked against, field by field.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Diagnostic, Schema

MAX_DEPTH = 32


def inline_refs(schema: Schema, types: dict[str, Schema], diagnostics: list[Diagnostic],
                seen: tuple[str, ...] = ()) -> Schema:
    if schema.ref and not schema.properties and schema.ref in types:
        if schema.ref in seen:
            diagnostics.append(Diagnostic("warning", "type-cycle",
                                          f"type {schema.ref} contains itself; the inner "
                                          "occurrence accepts any object", schema.loc))
            return replace(schema, kind="object")
        if len(seen) > MAX_DEPTH:
            diagnostics.append(Diagnostic("warning", "type-depth",
                                          f"types nest more than {MAX_DEPTH} deep at "
                                          f"{schema.ref}; from there it accepts any object",
                                          schema.loc))
            return replace(schema, kind="object")
        target = types[schema.ref]
        resolved = inline_refs(target, types, diagnostics, (*seen, schema.ref))
        # The copy stands where the row that names the type stands (its page:line): the
        # type's own table is the shared component's source.
        return replace(resolved, description=schema.description or resolved.description,
                       ref=schema.ref, loc=schema.loc or resolved.loc,
                       also_locs=tuple(dict.fromkeys((*schema.also_locs,
                                                      *resolved.also_locs))))
    changes = {}
    if schema.properties:
        changes["properties"] = tuple((name, inline_refs(sub, types, diagnostics, seen))
                                      for name, sub in schema.properties)
    if schema.items is not None:
        changes["items"] = inline_refs(schema.items, types, diagnostics, seen)
    if schema.additional_properties is not None:
        changes["additional_properties"] = inline_refs(schema.additional_properties, types,
                                                       diagnostics, seen)
    return replace(schema, **changes) if changes else schema
