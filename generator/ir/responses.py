"""A page's response tables -> one response per status, nested and aligned with the samples of
that status."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .align import Aligner
from .infer import infer_schema, with_loc
from .listbody import list_body, unnamed_body
from .model import Diagnostic, FieldTable, PageExtract, Response, Schema
from .nesting import COMMON_TOP_LEVEL, nest
from .refs import inline_refs
from .sampleindex import PageSamples
from .samples import json_values, wrapped_by_samples
from .unreferenced import UnreferencedTypes
from .xmlsample import plain_view


def _drop_error_fields(extract: PageExtract, root: Schema, values: list[Any],
                       diagnostics: list[Diagnostic]) -> Schema:
    """A documented top-level field that only the page's error samples show (`error`: "The
    error message returned if an error occurs", next to `{"error": {"message": ..., "code":
    ...}}`) belongs to the error body, not to the success response: it is left out of it."""
    if not values or not all(isinstance(v, dict) for v in values):
        return root
    shown = {key for value in values for key in value}
    errors = {key for value in json_values(extract.samples, "error")
              if isinstance(value, dict) for key in value}
    drop = {name for name, _ in root.properties if name in errors and name not in shown}
    if not drop or len(drop) == len(root.properties):
        return root
    for name, schema in root.properties:
        if name in drop:
            diagnostics.append(Diagnostic(
                "info", "error-field", f"{name}: documented with the response but shown only by "
                "the error samples; it belongs to the error body and is left out of the success "
                "response", schema.loc or extract.loc, operation=extract.operation_id))
    return replace(root, properties=tuple(p for p in root.properties if p[0] not in drop),
                   required=tuple(r for r in root.required if r not in drop))


def _keys_in(values: list[Any]) -> set[str]:
    """Every key at any depth of some sample values (a bounded walk)."""
    keys: set[str] = set()
    todo = list(values)
    budget = 100_000
    while todo and budget > 0:
        budget -= 1
        value = todo.pop()
        if isinstance(value, dict):
            keys.update(value)
            todo.extend(value.values())
        elif isinstance(value, list):
            todo.extend(value[:100])
    return keys


def responses_of(extract: PageExtract, types: dict[str, Schema],
                 diagnostics: list[Diagnostic], samples: PageSamples | None = None,
                 unreferenced: UnreferencedTypes | None = None) -> list[Response]:
    samples = samples or PageSamples(extract)
    by_status: dict[int, list[FieldTable]] = {}
    for table in extract.responses:
        by_status.setdefault(table.status, []).append(table)
    responses: list[Response] = []
    for status, tables in sorted(by_status.items()):
        values = samples.json("response", status)
        # The XML samples show which element holds which too: without a JSON sample they place
        # the rows, and beside one when they show keys it leaves out (they are read by the
        # documented shape afterwards, in `settle_with_samples`).
        xml = [v for s in extract.samples if s.kind == "response" and s.syntax == "xml"
               and s.status == status and (v := plain_view(s.text)) is not None]
        placing = values + xml if _keys_in(xml) - _keys_in(values) else values or xml
        rows = tuple(r for t in tables for r in t.rows if r.location != "header")
        headers = tuple((r.name, r.schema) for t in tables for r in t.rows
                        if r.location == "header" and r.name)
        if extract.conventions.one_level_tables:
            rows = tuple(replace(r, depth=0) if r.depth is None else r for r in rows)
        root, found = nest(FieldTable(rows, status=status, loc=tables[0].loc),
                           samples.index(placing))
        diagnostics.extend(found)
        root = inline_refs(root, types, diagnostics)
        if unreferenced is not None:
            root = unreferenced.place(root, placing, types, diagnostics)
        root = list_body(unnamed_body(root, diagnostics, extract.operation_id), diagnostics,
                         extract.operation_id)
        if 200 <= status < 300:
            root = _drop_error_fields(extract, root, values, diagnostics)
            root = wrapped_by_samples(extract, root, values, diagnostics,
                                      COMMON_TOP_LEVEL["response"])
        sample_loc = next((s.loc for s in extract.samples if s.kind == "response"), None)
        aligner = Aligner(sample_loc, extract.conventions.one_item_lists_as_objects,
                          extract.conventions.tables_complete,
                          extract.conventions.open_untabled_objects)
        root = aligner.align(root, values, "")
        diagnostics.extend(replace(d, operation=extract.operation_id) for d in aligner.diagnostics)
        responses.append(Response(status=status, schema=root, headers=headers))
    if not any(200 <= r.status < 300 for r in responses):
        values = json_values(extract.samples, "response")
        if values:
            schema = with_loc(infer_schema(values), next(
                s.loc for s in extract.samples if s.kind == "response" and s.syntax == "json"))
            diagnostics.append(Diagnostic(
                "warning", "response-inferred", "the page documents no response fields; the "
                "response schema is inferred from its sample and marked x-docs2spec-inferred",
                schema.loc, operation=extract.operation_id))
            responses.append(Response(status=200, schema=schema))
        elif extract.bodiless or extract.success == (204,):
            status = (extract.bodiless or extract.success)[0]
            diagnostics.append(Diagnostic(
                "info", "response-empty", f"the page documents the response as status {status} "
                "without a body", extract.loc, operation=extract.operation_id))
            responses.append(Response(status=status, schema=Schema(kind="object"), body=False))
        else:
            diagnostics.append(Diagnostic(
                "warning", "response-missing", "the page documents no response fields and has "
                "no JSON sample; the response accepts any object", extract.loc,
                operation=extract.operation_id))
            responses.append(Response(status=200, schema=Schema(kind="object")))
    return responses
