"""Several pages of one operation (languages, revisions) -> one operation; two pages' schemas
of one field -> one schema: union of fields, both languages kept.

The first schema is the primary page's and wins where the two disagree; every disagreement
(kind, fields in one page only) becomes a diagnostic that names both pages.
"""

from __future__ import annotations

from dataclasses import fields, replace

from .model import (
    Diagnostic,
    Localized,
    Operation,
    PageExtract,
    Schema,
    localized_add,
    schema_locs,
)

_FILLABLE = ("format", "enum", "minimum", "maximum", "min_length", "max_length", "min_items",
             "max_items", "forbidden_prefixes", "content_media_type", "content_schema",
             "items", "ref")
_EMPTY = {f.name: f.default for f in fields(Schema)}


def merge_schemas(a: Schema, b: Schema, where: str, diagnostics: list[Diagnostic], operation: str,
                  report_fields: bool = False) -> Schema:
    description = a.description
    for lang, text in b.description:
        description = localized_add(description, lang, text)
    known = {a.loc, *a.also_locs}
    extra_locs = tuple(dict.fromkeys(loc for loc in ((b.loc,) if b.loc else ()) + b.also_locs
                                     if loc not in known))
    merged = replace(a, description=description, also_locs=a.also_locs + extra_locs)
    if a.kind != b.kind and "any" not in (a.kind, b.kind):
        wrapped = _wrapped_list(b) if a.kind == "array" else None
        if wrapped is not None and a.items is not None and wrapped.items is not None:
            # One page writes the list bare, the other inside its XML element (`Events: Array`
            # then the element row `Event`): one list; the primary page's shape is kept, the
            # items are merged.
            element = b.properties[0][1]
            locs = tuple(dict.fromkeys(loc for loc in (element.loc, *element.also_locs)
                                       if loc is not None and loc not in known))
            return replace(merged, also_locs=merged.also_locs + locs, items=merge_schemas(
                a.items, wrapped.items, f"{where}[]", diagnostics, operation, report_fields))
        inner = _wrapped_list(a) if b.kind == "array" else None
        if inner is not None and inner.items is not None and b.items is not None:
            (element, _), = a.properties
            return replace(merged, properties=((element, replace(inner, items=merge_schemas(
                inner.items, b.items, f"{where}[]", diagnostics, operation, report_fields))),))
        # The second page's rows below this field are not in the output: each is named.
        dropped = tuple(dict.fromkeys(loc for loc in schema_locs(b) if loc not in known))
        diagnostics.append(Diagnostic(
            "warning", "merge-type", f"{where or 'response'}: {a.type_text or a.kind} in one page, "
            f"{b.type_text or b.kind} in another; keeping {a.type_text or a.kind} (the other "
            "page's rows below it are left out)", a.loc, dropped, operation))
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
        own = {name for name, _ in a.properties}  # built once: merging stays linear
        only_a = [n for n in props if n not in other and n in own]
        only_b = [n for n, _ in b.properties if n not in own]
        if report_fields and (only_a or only_b):
            diagnostics.append(Diagnostic(
                "info", "merge-fields", f"{where or 'response'}: fields only in one page: "
                f"{sorted(only_a) or 'none'} (first page), {sorted(only_b) or 'none'} "
                "(second page); the schema has both", a.loc, (b.loc,) if b.loc else (),
                operation))
        required = tuple(dict.fromkeys((*a.required, *(r for r in b.required if r not in own))))
        merged = replace(merged, properties=tuple((n, props[n]) for n in order),
                         required=required)
    return merged


def _wrapped_list(schema: Schema) -> Schema | None:
    """The list of an XML-style wrapper object (`{"Event": [...]}`), else None."""
    if schema.kind == "object" and len(schema.properties) == 1 and \
            schema.properties[0][1].kind == "array" and schema.additional_properties is None:
        return schema.properties[0][1]
    return None


def _row_names(extract: PageExtract) -> set[str]:
    return {r.name for t in (*extract.request, *extract.responses, *extract.types)
            for r in t.rows if r.name}


def superseded(pages: list[PageExtract], diagnostics: list[Diagnostic]) -> list[PageExtract]:
    """The pages of one operation worth merging. Where the dialect tells page layouts apart
    (`Conventions.newer_layout_columns`), pages of one language in an older layout than another
    page of that language are an earlier revision of the same page, not a translation: merging
    them would put back fields the operation no longer has (`RequestID` beside `RequestId`).
    They are left out, each with a diagnostic naming all its rows, samples and error codes."""
    newest: dict[str, int] = {}
    for page in pages:
        if page.conventions.newer_layout_columns:
            newest[page.language] = max(newest.get(page.language, 0), page.layout)
    kept = [p for p in pages if p.layout >= newest.get(p.language, 0)]
    if len(kept) == len(pages):
        return pages
    names = set().union(*(_row_names(p) for p in kept))
    for page in pages:
        if page in kept:
            continue
        newer = next(p for p in kept if p.language == page.language)
        tables = (*page.request, *page.responses, *page.types)
        related = tuple(dict.fromkeys(loc for loc in (
            *(t.loc for t in tables), *(r.loc for t in tables for r in t.rows),
            *(s.loc for s in page.samples), *(e.loc for e in page.errors)) if loc is not None))
        only = sorted(_row_names(page) - names)
        diagnostics.append(Diagnostic(
            "warning", "page-superseded", f"{page.page} is an older layout of {newer.page} "
            f"({page.operation_id}); the newer page is used and this one is not merged (rows "
            f"only here: {', '.join(only) if only else 'none'})", page.loc, related,
            page.operation_id))
    return kept


def _merge_localized(a: Localized, b: Localized) -> Localized:
    for lang, text in b:
        a = localized_add(a, lang, text)
    return a


def merge_operations(primary: Operation, other: Operation,
                     diagnostics: list[Diagnostic]) -> Operation:
    """Union of two pages of one operation; the primary page wins disagreements."""
    where = f"{primary.pages[0]} and {other.pages[0]}"
    params = list(primary.parameters)
    names = {p.name: i for i, p in enumerate(params)}
    only_primary = set(names) - {p.name for p in other.parameters}
    only_other = []
    for param in other.parameters:
        if param.name not in names:
            only_other.append(param.name)
            params.append(param)
            continue
        mine = params[names[param.name]]
        if mine.required != param.required:
            diagnostics.append(Diagnostic(
                "warning", "merge-required", f"{param.name}: required is {mine.required} in "
                f"{primary.pages[0]} but {param.required} in {other.pages[0]}; keeping "
                f"{mine.required}", mine.loc, (param.loc,) if param.loc else (), primary.id))
        merged = merge_schemas(mine.schema, param.schema, param.name, diagnostics, primary.id)
        params[names[param.name]] = replace(mine, schema=merged)
    if only_primary or only_other:
        diagnostics.append(Diagnostic(
            "info", "merge-fields", f"{primary.id} ({where}): request parameters only in "
            f"{primary.pages[0]}: {sorted(only_primary) or 'none'}; only in {other.pages[0]}: "
            f"{sorted(only_other) or 'none'}", primary.loc, (other.loc,) if other.loc else (),
            primary.id))
    responses = {r.status: r for r in primary.responses}
    for response in other.responses:
        if response.status in responses:
            mine = responses[response.status]
            responses[response.status] = replace(mine, schema=merge_schemas(
                mine.schema, response.schema, "", diagnostics, primary.id, report_fields=True))
        else:
            responses[response.status] = response
    errors = list(primary.errors)
    seen = {(e.status, e.code): i for i, e in enumerate(errors)}
    for error in other.errors:
        if (error.status, error.code) not in seen:
            seen[(error.status, error.code)] = len(errors)
            errors.append(error)
        else:
            index = seen[(error.status, error.code)]
            errors[index] = replace(errors[index], description=_merge_localized(
                errors[index].description, error.description),
                also_locs=errors[index].also_locs + ((error.loc,) if error.loc else ()))
    body = primary.request_body
    if body is not None and other.request_body is not None:
        body = merge_schemas(body, other.request_body, "", diagnostics, primary.id)
    return replace(
        primary, summary=_merge_localized(primary.summary, other.summary),
        description=_merge_localized(primary.description, other.description),
        parameters=tuple(params), request_body=body or other.request_body,
        responses=tuple(responses[s] for s in sorted(responses)), errors=tuple(errors),
        samples=primary.samples + other.samples, changes=primary.changes + other.changes,
        pages=primary.pages + other.pages,
        group=_merge_localized(primary.group, other.group))
