"""Rows that stand for a group of parameters documented elsewhere (`<公共请求参数>`, "Common
request parameters") are never fields: the dialect's record names them
(`Conventions.placeholder_rows`), this page pass drops them and says so (`row-placeholder`,
at the row's page:line), before any table is read."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .model import Diagnostic, FieldTable, PageExtract


@lru_cache(maxsize=32)
def _patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


_WRAPPING = "<>‹›《》〈〉\\ \t*`"
"""What pages wrap a placeholder's name in (`‹公共请求参数>`, `**Common parameters**`)."""


def is_placeholder_row(name: str, patterns: tuple[str, ...]) -> bool:
    """True when a row's name cell, its wrapping stripped and its spaces collapsed, is one of
    the dialect's placeholders for a group of parameters documented elsewhere."""
    text = " ".join(name.strip(_WRAPPING).split())
    return bool(text) and any(p.fullmatch(text) for p in _patterns(patterns))


def drop_placeholder_rows(extract: PageExtract, diagnostics: list[Diagnostic]) -> PageExtract:
    patterns = extract.conventions.placeholder_rows
    if not patterns:
        return extract

    def clean(tables: tuple[FieldTable, ...]) -> tuple[FieldTable, ...]:
        out = []
        for table in tables:
            rows = []
            for row in table.rows:
                if row.name and is_placeholder_row(row.name, patterns):
                    diagnostics.append(Diagnostic(
                        "info", "row-placeholder", f"{row.name!r} stands for parameters "
                        "documented elsewhere; not a field", row.loc,
                        operation=extract.operation_id))
                    continue
                rows.append(row)
            out.append(replace(table, rows=tuple(rows)) if len(rows) != len(table.rows)
                       else table)
        return tuple(out)

    return replace(extract, request=clean(extract.request), responses=clean(extract.responses),
                   types=clean(extract.types))
