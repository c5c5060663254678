"""Results -> a readable table, JSON, and a drift summary per operation and rule.

The report keeps counts for every entry but details (findings, and entries that could not be
read) only up to a limit, so checking a JSON Lines file of millions of captures, or of millions
of broken lines, stays within bounded memory. Drift groups findings by
(product, operation, kind, rule, severity) with array indices folded (`/IpsecServers/*/Foo`),
which is what tells "the provider added a field" apart from "one capture is odd".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from .findings import ERROR, WARNING, Finding

_INDEX = re.compile(r"/\d+(?=/|$)")
MAX_POINTERS_PER_DRIFT = 200
MAX_KEPT_TEXT = 1000


def _clip(text: str) -> str:
    """What the report keeps of a label, pointer or message: a 1 MB key in a capture makes a
    1 MB pointer, and 2,000 of them kept would be 2 GB."""
    return text if len(text) <= MAX_KEPT_TEXT else text[:MAX_KEPT_TEXT] + "..."


def _clipped(finding: Finding) -> Finding:
    if len(finding.pointer) <= MAX_KEPT_TEXT and len(finding.message) <= MAX_KEPT_TEXT:
        return finding
    return replace(finding, pointer=_clip(finding.pointer), message=_clip(finding.message))


@dataclass(slots=True)
class Result:
    label: str
    product: str = ""
    operation: str = ""
    kind: str = ""
    status: int | None = None
    findings: list[Finding] = field(default_factory=list)
    input_error: str | None = None
    skipped: bool = False
    exchange: str = ""
    """The HAR entry or JSON Lines record this result is half of ("" for a bare body)."""

    @property
    def has_errors(self) -> bool:
        return any(f.severity == ERROR for f in self.findings)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"entry": self.label, "product": self.product,
                               "operation": self.operation, "kind": self.kind}
        if self.status is not None:
            out["status"] = self.status
        if self.input_error is not None:
            out["input_error"] = self.input_error
        out["findings"] = [f.as_dict() for f in self.findings]
        return out


@dataclass(slots=True)
class _Drift:
    findings: int = 0
    entries: int = 0
    pointers: Counter = field(default_factory=Counter)
    source: str = ""


class Report:
    def __init__(self, max_findings: int = 2000) -> None:
        self.max_findings = max_findings
        self.entries = 0
        self.ok = 0
        self.with_errors = 0
        self.warnings_only = 0
        self.unusable = 0
        self.skipped = 0
        self.exchanges = 0
        self.requests = 0
        self.responses = 0
        self._last_exchange: str | None = None
        self.per_operation: Counter[tuple[str, str, str]] = Counter()
        """(product, operation, kind) -> results checked (for the JUnit report's totals)."""
        self.shown: list[Result] = []
        self.shown_findings = 0
        self.hidden_findings = 0
        self.hidden_unreadable = 0
        self.drift: dict[tuple[str, str, str, str, str], _Drift] = {}

    def add(self, result: Result) -> None:
        if result.skipped:
            self.skipped += 1
            return
        self.entries += 1
        if not result.exchange or result.exchange != self._last_exchange:
            self.exchanges += 1  # halves of one exchange arrive one after the other
        self._last_exchange = result.exchange or None
        if result.kind == "request":
            self.requests += 1
        else:
            self.responses += 1
        self.per_operation[(result.product, result.operation, result.kind)] += 1
        if result.input_error is not None:
            self.unusable += 1
        elif result.has_errors:
            self.with_errors += 1
        elif any(f.severity == WARNING for f in result.findings):
            self.warnings_only += 1
        else:
            self.ok += 1
        seen: set[tuple[str, str, str, str, str]] = set()
        for finding in result.findings:
            key = (result.product, result.operation, result.kind, finding.rule, finding.severity)
            drift = self.drift.get(key)
            if drift is None:
                drift = self.drift[key] = _Drift(source=finding.source)
            drift.findings += 1
            if key not in seen:
                seen.add(key)
                drift.entries += 1
            where = _clip(_INDEX.sub("/*", finding.pointer) or "/")
            if where in drift.pointers or len(drift.pointers) < MAX_POINTERS_PER_DRIFT:
                drift.pointers[where] += 1
        if result.input_error is None and not result.findings:
            return
        room = self.max_findings - self.shown_findings
        if room <= 0:
            # Unreadable entries take a row each too: a file of millions of broken lines must
            # not keep a million results (it did: 2,000,000 junk lines took 1.9 GB).
            if result.input_error is not None:
                self.hidden_unreadable += 1
            self.hidden_findings += len(result.findings)
            return
        if result.input_error is not None:
            self.shown_findings += 1
            room -= 1
        kept = [_clipped(f) for f in result.findings[:max(room, 0)]]
        self.hidden_findings += len(result.findings) - len(kept)
        self.shown_findings += len(kept)
        self.shown.append(Result(_clip(result.label), result.product, result.operation,
                                 result.kind, result.status, kept,
                                 None if result.input_error is None else _clip(result.input_error),
                                 exchange=result.exchange))

    def add_passed(self, label: str, product: str, operation: str, request: bool,
                   count: int = 1) -> None:
        """What `add` counts for `count` records whose response (and request, when `request`)
        passed with no finding (`lane`): one exchange, one or two ok messages each; `label`:
        the last of them."""
        self.exchanges += count
        self._last_exchange = label
        self.responses += count
        self.per_operation[(product, operation, "response")] += count
        if request:
            self.requests += count
            self.per_operation[(product, operation, "request")] += count
            self.entries += 2 * count
            self.ok += 2 * count
        else:
            self.entries += count
            self.ok += count

    def merge(self, other: Report) -> None:
        """Add the report of the next part of the input (Dask partitions, in input order):
        the same counts, drift and listing as one report over both parts, as long as no
        exchange is split between them (partitions end between records and HAR entries)."""
        for name in ("entries", "ok", "with_errors", "warnings_only", "unusable", "skipped",
                     "exchanges", "requests", "responses", "hidden_findings",
                     "hidden_unreadable"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.per_operation.update(other.per_operation)
        for key, theirs in other.drift.items():
            ours = self.drift.get(key)
            if ours is None:
                ours = self.drift[key] = _Drift(source=theirs.source)
            ours.findings += theirs.findings
            ours.entries += theirs.entries
            for where, count in theirs.pointers.items():
                if where in ours.pointers or len(ours.pointers) < MAX_POINTERS_PER_DRIFT:
                    ours.pointers[where] += count
        for result in other.shown:
            room = self.max_findings - self.shown_findings
            cost = len(result.findings) + (result.input_error is not None)
            if room <= 0:
                self.hidden_findings += len(result.findings)
                self.hidden_unreadable += result.input_error is not None
                continue
            kept = result.findings[:max(room - (result.input_error is not None), 0)]
            self.hidden_findings += len(result.findings) - len(kept)
            self.shown_findings += min(cost, room)
            self.shown.append(replace(result, findings=kept))

    @property
    def checked(self) -> int:
        return self.ok + self.with_errors + self.warnings_only

    def exit_code(self) -> int:
        """2: nothing could be checked; 1: some error-severity finding, or some entry could not
        be read (it is listed, the rest were checked); 0: clean."""
        if not self.checked:
            return 2
        return 1 if self.with_errors or self.unusable else 0

    def summary(self) -> dict[str, int]:
        return {"entries": self.entries, "exchanges": self.exchanges,
                "requests": self.requests, "responses": self.responses, "ok": self.ok,
                "with_errors": self.with_errors, "warnings_only": self.warnings_only,
                "unusable": self.unusable, "skipped": self.skipped,
                "findings_not_shown": self.hidden_findings,
                "unreadable_not_shown": self.hidden_unreadable}

    def drift_rows(self) -> list[dict[str, Any]]:
        rows = []
        for (product, operation, kind, rule, severity), drift in sorted(self.drift.items()):
            rows.append({"product": product, "operation": operation, "kind": kind,
                         "rule": rule, "severity": severity, "findings": drift.findings,
                         "entries": drift.entries, "source": drift.source,
                         "where": [{"pointer": p, "count": n}
                                   for p, n in drift.pointers.most_common(5)]})
        return rows

    def as_dict(self) -> dict[str, Any]:
        return {"summary": self.summary(), "entries": [r.as_dict() for r in self.shown],
                "drift": self.drift_rows()}
