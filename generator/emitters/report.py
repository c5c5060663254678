"""The machine-readable report: per page what was found, every diagnostic with page:line."""

from __future__ import annotations

from typing import Any

from ..ir.model import Diagnostic, Product

_ORDER = {"error": 0, "warning": 1, "info": 2}


def _key(d: Diagnostic) -> tuple:
    loc = d.loc
    return (loc.path if loc else "", loc.line if loc else 0, _ORDER[d.severity], d.code, d.message,
            d.operation, tuple((r.path, r.line) for r in d.related))


def _pages_of(node) -> set[str]:
    locs = ([node.loc] if node.loc else []) + list(getattr(node, "also_locs", ()))
    return {loc.path for loc in locs}


def _count_fields(schema, page: str) -> int:
    """Response fields a page documents (merged pages count the fields they share too)."""
    total = 0
    for _, sub in schema.properties:
        total += (page in _pages_of(sub)) + _count_fields(sub, page)
    if schema.items is not None:
        total += _count_fields(schema.items, page)
    return total


def page_summaries(product: Product, results) -> list[dict[str, Any]]:
    by_page: dict[str, dict[str, Any]] = {}
    for result in results:
        by_page[result.path] = {"page": result.path, "sha256": getattr(result, "sha256", ""),
                                "form": result.form,
                                "dialect": result.extract.dialect if result.extract else "",
                                "operations": [], "parameters": 0, "response_fields": 0,
                                "samples": 0, "error_codes": 0, "warnings": 0, "errors": 0}
    for op in product.operations:
        for page in op.pages:
            entry = by_page.get(page)
            if entry is None:
                continue
            entry["operations"].append(op.id)
            entry["parameters"] += sum(1 for p in op.parameters
                                       if page in _pages_of(p) | _pages_of(p.schema))
            success = op.success()
            entry["response_fields"] += _count_fields(success.schema, page) if success else 0
            entry["samples"] += sum(1 for s in op.samples if s.loc and s.loc.path == page)
            entry["error_codes"] += sum(1 for e in op.errors if page in _pages_of(e))
    for diagnostic in product.diagnostics:
        if diagnostic.loc and diagnostic.loc.path in by_page:
            if diagnostic.severity in ("warning", "error"):
                by_page[diagnostic.loc.path][diagnostic.severity + "s"] += 1
    return [by_page[k] for k in sorted(by_page)]


def emit_report(product: Product, results, consistency=None) -> dict[str, Any]:
    """`consistency` (a `generator.consistency.Consistency`) adds its totals and, per page,
    its counters."""
    diagnostics = sorted(set(product.diagnostics), key=_key)
    pages = page_summaries(product, results)
    extra: dict[str, Any] = {}
    if consistency is not None:
        for entry in pages:
            counts = consistency.pages.get(entry["page"])
            if counts:
                entry["consistency"] = counts
        extra["consistency"] = consistency.totals()
    return {
        "provider": product.provider, "product": product.name, "version": product.version,
        **extra,
        "pages": pages,
        "counts": {s: sum(1 for d in diagnostics if d.severity == s)
                   for s in ("error", "warning", "info")},
        "diagnostics": [{"severity": d.severity, "code": d.code, "message": d.message,
                         "source": str(d.loc) if d.loc else "",
                         "related": [str(r) for r in d.related], "operation": d.operation}
                        for d in diagnostics],
    }
