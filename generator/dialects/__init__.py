"""STAGE 2: understand a documentation dialect: document tree -> `PageExtract`.

A dialect is a record of functions tried in the literal order of `DIALECTS`: `detect` returns a
confidence, `extract` reads the page. An explicit choice (manifest or `--dialect`) wins.
A new documentation style is one module plus one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..errors import InputError
from ..ir.conventions import Conventions
from ..ir.model import Diagnostic, PageExtract
from ..location import SourceLoc
from ..sources.tree import Document, Table
from . import alibaba, huawei

MAX_ROWS = 1_000
"""Rows of one table that are read; the rest are dropped with a warning. Reference tables have
tens of rows, a few hundred at most; every row read becomes schema nodes, generated code and
YAML, so a table of 100,000 rows would take minutes to emit."""


@dataclass(frozen=True, slots=True)
class Dialect:
    name: str
    detect: Callable[[Document], float]
    extract: Callable[[Document], PageExtract]
    conventions: Conventions
    """What the dialect says once for all its pages (also what `docs2spec init` proposes)."""


DIALECTS: tuple[Dialect, ...] = (
    Dialect(alibaba.NAME, alibaba.detect, alibaba.extract, alibaba.CONVENTIONS),
    Dialect(huawei.NAME, huawei.detect, huawei.extract, huawei.CONVENTIONS),
)
NAMES = tuple(d.name for d in DIALECTS)


def dialect_for(doc: Document, name: str | None = None) -> Dialect:
    if name:
        for dialect in DIALECTS:
            if dialect.name == name:
                return dialect
        raise InputError(f"unknown dialect {name!r}", SourceLoc(doc.path),
                         hint=f"choose one of: {', '.join(NAMES)}")
    best, best_score = None, 0.0
    for dialect in DIALECTS:
        score = dialect.detect(doc)
        if score > best_score:
            best, best_score = dialect, score
    if best is None:
        raise InputError("cannot tell which vendor's documentation style this page follows",
                         SourceLoc(doc.path, 1), hint=f"name one: {', '.join(NAMES)}")
    return best


def extract_page(doc: Document, name: str | None = None) -> PageExtract:
    long = [node for node in doc.nodes if isinstance(node, Table) and len(node.rows) > MAX_ROWS]
    if long:
        cut = {id(table) for table in long}
        doc = replace(doc, nodes=tuple(replace(node, rows=node.rows[:MAX_ROWS])
                                       if id(node) in cut else node for node in doc.nodes))
    extract = dialect_for(doc, name).extract(doc)
    if not long:
        return extract
    return replace(extract, diagnostics=(*extract.diagnostics, *(Diagnostic(
        "warning", "table-truncated", f"table has {len(table.rows)} rows; only the first "
        f"{MAX_ROWS} are read", table.loc, operation=extract.operation_id) for table in long)))
