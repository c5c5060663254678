"""Two pages' schemas of one field -> one schema: union of fields, both languages kept.

The first schema is the primary page's and wins where the two disagree; every disagreement
(kind, fields in one page only) becomes a diagnostic that names both pages.
"""

from __future__ import annotations

from dataclasses import fields, replace

from .model import Diagnostic, Schema, localized_add

_FILLABLE = ("format", "enum", "minimum", "maximum", "min_length", "max_length", "min_items",
             "max_items", "forbidden_prefixes", "content_media_type", "content_schema",
             "items", "ref")
_EMPTY = {f.name: f.default for f in fields(Schema)}


def merge_schemas(a: Schema, b: Schema, where: str, diagnostics: list[Diagnostic], operation: str,
                  report_fields: bool = False) -> Schema:
    description = a.description
    for lang, text in b.description:
        description = localized_add(description, lang, text)
    extra_locs = tuple(loc for loc in ((b.loc,) if b.loc else ()) + b.also_locs
                       if loc != a.loc and loc not in a.also_locs)
    merged = replace(a, description=description, also_locs=a.also_locs + extra_locs)
    if a.kind != b.kind and "any" not in (a.kind, b.kind):
        diagnostics.append(Diagnostic(
            "warning", "merge-type", f"{where or 'response'}: {a.type_text or a.kind} in one page, "
            f"{b.type_text or b.kind} in another; keeping {a.type_text or a.kind}", a.loc,
            (b.loc,) if b.loc else (), operation))
        return merged
    if a.kind == "any":
        merged = replace(merged, kind=b.kind)
    fill = {name: getattr(b, name) for name in _FILLABLE
            if getattr(a, name) == _EMPTY.get(name) and getattr(b, name) != _EMPTY.get(name)}
    if not a.has_default and b.has_default:
        fill.update(default=b.default, has_default=True)
    if fill:
        merged = replace(merged, **fill)
    if a.items is not None and b.items is not None:
        merged = replace(merged, items=merge_schemas(a.items, b.items, f"{where}[]", diagnostics,
                                                     operation, report_fields))
    if a.properties or b.properties:
        props = dict(a.properties)
        order = [name for name, _ in a.properties]
        other = dict(b.properties)
        for name, sub in b.properties:
            if name in props:
                props[name] = merge_schemas(props[name], sub, f"{where}.{name}".lstrip("."),
                                            diagnostics, operation, report_fields)
            else:
                props[name] = sub
                order.append(name)
        only_a = [n for n in props if n not in other and n in dict(a.properties)]
        only_b = [n for n, _ in b.properties if n not in dict(a.properties)]
        if report_fields and (only_a or only_b):
            diagnostics.append(Diagnostic(
                "info", "merge-fields", f"{where or 'response'}: fields only in one page: "
                f"{sorted(only_a) or 'none'} (first page), {sorted(only_b) or 'none'} "
                "(second page); the schema has both", a.loc, (b.loc,) if b.loc else (),
                operation))
        own = dict(a.properties)
        required = tuple(dict.fromkeys((*a.required, *(r for r in b.required if r not in own))))
        merged = replace(merged, properties=tuple((n, props[n]) for n in order),
                         required=required)
    return merged
