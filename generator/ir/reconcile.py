"""Page extracts -> Operations: nesting, named types, samples, merging pages of one operation.

Order matters: each page is nested and aligned with its own JSON samples first (its samples
describe its revision); then pages of one operation merge (the first page in path order is the
primary one and wins disagreements, which are reported); then XML samples are read by the merged
shape; last, prose constraints are checked against every sample of every page.

This module declares that order (`PAGE_PASSES` ... `PRODUCT_PASSES`, run in the listed order) and
runs it; the steps live beside it: `requests` and `responses` (one page's
two sides), `samples` (what the docs' samples say), `merge` (pages of one operation) and
`identity` (operation names and routes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..location import SourceLoc
from .crosslinks import resolve_links
from .foreign_samples import set_aside_foreign_calls
from .guessed_samples import set_aside_guessed_samples
from .identity import absorb, distinct_routes, identity, same_shape, unique_names
from .merge import merge_operations, superseded
from .model import Diagnostic, Localized, Operation, PageExtract, Schema
from .nesting import nest
from .placeholders import drop_placeholder_rows
from .requests import (
    clean_path,
    complete_path_parameters,
    complete_query_parameters,
    indexed_list_rows,
    path_parameters_in_path,
    request_parameters,
    sample_query_parameters,
)
from .responses import responses_of
from .sampleindex import PageSamples
from .samples import payload_samples, settle_with_samples, unwrap_root
from .unreferenced import UnreferencedTypes, report_unused_types


def _named_types(extract: PageExtract, diagnostics: list[Diagnostic],
                 request: bool) -> dict[str, Schema]:
    """Named type tables of the request side (status 0) or the response side; a page may
    document a request `PolicyRule` and a different response `PolicyRule`, so each side looks
    in its own tables first and in the other side's second."""
    own: dict[str, Schema] = {}
    other: dict[str, Schema] = {}
    for table in extract.types:
        target = own if (table.status == 0) == request else other
        rows = tuple(replace(r, depth=0) if r.depth is None else r for r in table.rows)
        root, found = nest(replace(table, rows=rows), [])
        if table.name in target:
            first = target[table.name]
            if same_shape(first, replace(root, ref=table.name)):
                # The same table printed again (a second status's response repeats the types
                # of the first): one type, documented by both tables' rows.
                target[table.name] = absorb(first, root)
            elif request == (table.status == 0):
                diagnostics.append(Diagnostic(
                    "warning", "type-duplicate", f"type {table.name} is documented twice on the "
                    "page with different rows; the first table is used", table.loc,
                    tuple(r.loc for r in table.rows if r.loc is not None)))
            continue
        if request == (table.status == 0):
            diagnostics.extend(found)
        target[table.name] = replace(root, ref=table.name, loc=table.loc)
    return {**other, **own}


PAGE_PASSES = (drop_placeholder_rows, set_aside_guessed_samples, set_aside_foreign_calls,
               unwrap_root, payload_samples, clean_path)
"""One page's extract, before its tables are read: (extract, diagnostics) -> extract."""
PARAMETER_PASSES = (complete_path_parameters, complete_query_parameters, sample_query_parameters,
                    indexed_list_rows)
"""One page's parameters, after its tables: (extract, parameters, diagnostics) -> parameters."""
OPERATION_PASSES = (settle_with_samples,)
"""One operation, after its pages merged: (operation, diagnostics) -> operation."""
PRODUCT_PASSES = (distinct_routes, path_parameters_in_path)
"""All operations of a product: (operations, diagnostics) -> operations."""


def operation_from_page(extract: PageExtract) -> tuple[Operation, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = list(extract.diagnostics)
    for page_pass in PAGE_PASSES:
        extract = page_pass(extract, diagnostics)
    samples = PageSamples(extract)
    unreferenced = UnreferencedTypes(extract)
    params, body = request_parameters(extract, _named_types(extract, diagnostics, True),
                                       diagnostics, samples, unreferenced)
    responses = responses_of(extract, _named_types(extract, diagnostics, False), diagnostics,
                             samples, unreferenced)
    unreferenced.report_unplaced(diagnostics)
    report_unused_types(extract, params, body, responses, unreferenced, diagnostics)
    for parameter_pass in PARAMETER_PASSES:
        params = parameter_pass(extract, params, diagnostics)
    operation = Operation(
        id=extract.operation_id, style=extract.style, methods=extract.methods, path=extract.path,
        summary=_bounded(extract.summary, "summary", extract, diagnostics),
        description=_bounded(extract.description, "description", extract, diagnostics),
        parameters=tuple(params),
        request_body=body, responses=tuple(responses), errors=extract.errors,
        samples=extract.samples, changes=extract.changes, pages=(extract.page,), loc=extract.loc,
        group=((extract.language, extract.group),) if extract.group else (),
        conventions=extract.conventions)
    return operation, diagnostics


MAX_TEXT = 100_000
"""Characters of an operation's summary or description that are kept (as `MAX_CELL` for a
table cell): prose that long is a page that lost its structure, not a description."""


def _bounded(texts: Localized, what: str, extract: PageExtract,
             diagnostics: list[Diagnostic]) -> Localized:
    if all(len(text) <= MAX_TEXT for _, text in texts):
        return texts
    diagnostics.append(Diagnostic("warning", "text-truncated", f"the operation's {what} has "
                                  f"{max(len(text) for _, text in texts)} characters; only the "
                                  f"first {MAX_TEXT} are kept", extract.loc))
    return tuple((lang, text[:MAX_TEXT]) for lang, text in texts)


def documented_type_names(extracts: list[PageExtract]) -> frozenset[str]:
    """Names of object types a page documents in a table of their own."""
    return frozenset(t.name for e in extracts for t in e.types if t.name)


def build_operations(extracts: list[PageExtract], models: Sequence[PageExtract] = ()
                     ) -> tuple[list[Operation], list[Diagnostic]]:
    """All operations of a product, pages of one operation merged in page-path order.
    `models` are pages that document no operation but hold tables other pages link to."""
    diagnostics: list[Diagnostic] = []
    groups: dict[str, list[PageExtract]] = {}
    extracts = resolve_links(extracts, diagnostics, models)
    for extract in sorted(extracts, key=lambda e: e.page):
        if not extract.operation_id:
            diagnostics.extend(extract.diagnostics)
            diagnostics.append(Diagnostic("error", "page-skipped", "no operation found on the page",
                                          SourceLoc(extract.page, 1)))
            continue
        groups.setdefault(identity(extract), []).append(extract)
    groups = unique_names(groups, diagnostics)
    operations = []
    for op_id in sorted(groups):
        built = []
        for extract in superseded(groups[op_id], diagnostics):
            try:
                operation, found = operation_from_page(extract)
            except RecursionError:
                diagnostics.append(Diagnostic("error", "page-skipped", "the page's tables or "
                                              "samples nest too deeply", extract.loc, (), op_id))
                continue
            diagnostics.extend(found)
            built.append(operation)
        if not built:
            continue
        operation = built[0]
        for other in built[1:]:
            operation = merge_operations(operation, other, diagnostics)
        for operation_pass in OPERATION_PASSES:
            operation = operation_pass(operation, diagnostics)
        operations.append(operation)
    for product_pass in PRODUCT_PASSES:
        operations = product_pass(operations, diagnostics)
    return operations, diagnostics
