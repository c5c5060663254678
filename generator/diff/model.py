"""The records a diff passes around: loaded sides, findings of rules, finished changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Level = Literal["error", "warning", "info"]
Kind = Literal["wire", "doc", "extraction"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a diff, as OpenAPI documents per product."""

    label: str
    """What the user named (`specs`, `git:HEAD~1`, `old/openapi.json`)."""
    source: str
    """What it turned out to be: `specs`, `git`, `generated` or `openapi`."""
    products: dict[str, dict[str, Any]]
    """`provider/product` -> OpenAPI document."""
    page_hashes: dict[str, str] | None
    """Page label (as the documents cite it) -> sha256 of its bytes; None when the side has no
    pages (a generated folder or an OpenAPI file), so changes of unchanged pages cannot be told
    apart from changes of the pages."""


@dataclass(frozen=True, slots=True)
class Finding:
    """What one rule saw at one place, before the engine names the operation and the id."""

    rule: str
    """Rule name in oasdiff's style (`request-parameter-became-required`)."""
    level: Level
    kind: Literal["wire", "doc"]
    """`doc` when only description, example or summary text differs."""
    pointer: str
    """Where: a JSON pointer into the operation (`/request/query/limit`,
    `/response/200/items/[]/id`); `[]` stands for the items of an array."""
    message: str
    old_source: str | None = None
    """`page:line` of the old side's node (None when the node is new or undocumented)."""
    new_source: str | None = None
    subject: str = ""
    """What distinguishes two findings of one rule at one pointer (an enum value, an error
    code); part of the stable id."""


@dataclass(frozen=True, slots=True)
class Change:
    """One change for the user: a finding with its operation, final kind and stable id."""

    id: str
    rule: str
    level: Level
    kind: Kind
    operation: str | None
    """operationId (the new side's, the old one's for a removed operation); None for changes of
    the product as a whole (servers, version)."""
    pointer: str
    message: str
    old_source: str | None
    new_source: str | None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "level": self.level, "kind": self.kind, "rule": self.rule,
                "operation": self.operation, "pointer": self.pointer, "message": self.message,
                "old_source": self.old_source, "new_source": self.new_source}


@dataclass(frozen=True, slots=True)
class DiffResult:
    old: str
    new: str
    changes: tuple[Change, ...]
    notes: tuple[str, ...] = field(default=())
    """What the diff could not tell (no pages on a side, so no `extraction` kind)."""

    def counts(self) -> dict[str, int]:
        return {level: sum(c.level == level for c in self.changes) for level in LEVELS}

    def kinds(self) -> dict[str, int]:
        return {kind: sum(c.kind == kind for c in self.changes)
                for kind in ("wire", "doc", "extraction")}
