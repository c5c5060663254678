"""A diff result as text (terminals), JSON (tools), Markdown (PR comments) or JUnit XML (CI
test reports: each error-level change a failure)."""

from __future__ import annotations

import json
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from .model import Change, DiffResult


def as_json(result: DiffResult) -> str:
    return json.dumps({"changes": [c.as_json() for c in result.changes],
                       "summary": summary(result)}, indent=2, ensure_ascii=False) + "\n"


def summary(result: DiffResult) -> dict:
    return {"old": result.old, "new": result.new, "total": len(result.changes),
            "levels": result.counts(), "kinds": result.kinds(),
            "operations": len({c.operation for c in result.changes if c.operation}),
            "notes": list(result.notes)}


def _where(change: Change) -> str:
    if change.old_source == change.new_source:
        return change.new_source or ""
    return f"{change.old_source or '-'} -> {change.new_source or '-'}"


def as_text(result: DiffResult) -> str:
    lines = []
    current: object = object()
    for change in result.changes:
        if change.operation != current:
            current = change.operation
            lines.append(f"{change.operation or '(whole API)'}")
        pointer = f"{change.pointer}: " if change.pointer else ""
        lines.append(f"  {change.level:<7} {change.kind:<10} {pointer}{change.message}")
        where = _where(change)
        lines.append(f"{'':20}{where + '  ' if where else ''}[{change.rule} {change.id}]")
    counts = result.counts()
    lines.append(f"{len(result.changes)} change(s): {counts['error']} error, "
                 f"{counts['warning']} warning, {counts['info']} info"
                 + (" (no change)" if not result.changes else ""))
    lines.extend(f"note: {note}" for note in result.notes)
    return "\n".join(lines) + "\n"


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def as_markdown(result: DiffResult) -> str:
    counts = result.counts()
    lines = [f"### API changes: `{_cell(result.old)}` → `{_cell(result.new)}`", "",
             f"{counts['error']} error, {counts['warning']} warning, {counts['info']} info", ""]
    if result.changes:
        lines += ["| level | kind | operation | where | change | docs (old → new) |",
                  "|---|---|---|---|---|---|"]
        for c in result.changes:
            lines.append(f"| {c.level} | {c.kind} | {_cell(c.operation or '(API)')} | "
                         f"`{_cell(c.pointer or '/')}` | {_cell(c.message)} | "
                         f"{_cell(c.old_source or '–')} → {_cell(c.new_source or '–')} |")
    else:
        lines.append("No change.")
    lines.extend(f"\n> {_cell(note)}" for note in result.notes)
    return "\n".join(lines) + "\n"


def as_junit(result: DiffResult) -> str:
    failures = sum(c.level == "error" for c in result.changes)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuite name="docs2spec diff" tests="{len(result.changes)}" '
             f'failures="{failures}">']
    for c in result.changes:
        name = quoteattr(f"{c.rule} {c.pointer}".strip())
        lines.append(f'  <testcase classname={quoteattr(c.operation or "api")} name={name}>')
        text = escape(f"{c.message} ({_where(c)}) [{c.kind}, {c.id}]")
        if c.level == "error":
            lines.append(f'    <failure message={quoteattr(c.message)}>{text}</failure>')
        else:
            lines.append(f"    <system-out>{c.level}: {text}</system-out>")
        lines.append("  </testcase>")
    lines.append("</testsuite>")
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Callable[[DiffResult], str]] = {
    "text": as_text, "json": as_json, "markdown": as_markdown, "junit": as_junit}
