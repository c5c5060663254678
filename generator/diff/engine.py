"""Pairing products and operations, running the rules, and finishing each finding: the
operation it belongs to, its final kind and its stable id.

`extraction` is told by the pages: when every page that documents an operation is
byte-identical on both sides, whatever changed in its contract came from the tool, not from
the docs (a docs2spec upgrade). A side without pages (generated folder, OpenAPI file) cannot
tell, and the result says so in its notes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from .contract import OperationView, operations
from .model import LEVELS, Change, DiffResult, Finding, Side
from .rules import OPERATION_RULES, PRESENCE, PRODUCT_RULES, OperationPair
from .schemas import Docs

_EMPTY: dict = {"openapi": "3.1.0", "paths": {}}


def diff(old: Side, new: Side) -> DiffResult:
    changes: list[Change] = []
    for key, old_doc, new_doc in _product_pairs(old, new):
        for finding in _product_findings(old_doc, new_doc):
            changes.append(_change(finding, key, "", None, "wire"))
        docs = Docs(old_doc, new_doc)
        before, after = operations(old_doc), operations(new_doc)
        for identity in sorted(before.keys() | after.keys()):
            pair = OperationPair(before.get(identity), after.get(identity), docs)
            name = (pair.new or pair.old).operation_id  # type: ignore[union-attr]
            unchanged_pages = _same_pages(old, new, pair.old, pair.new)
            findings = list(PRESENCE(pair))
            if pair.old is not None and pair.new is not None:
                for rule in OPERATION_RULES:
                    findings.extend(rule(pair))
            for finding in fold_repeats(findings):
                kind = "extraction" if unchanged_pages else finding.kind
                changes.append(_change(finding, key, identity, name, kind))
    notes = tuple(_no_pages(side) for side in (old, new) if side.page_hashes is None)
    return DiffResult(old.label, new.label, tuple(sorted(changes, key=_order)), notes)


_INDEX = re.compile(r"(?<=[A-Za-z0-9_]\.)\d+(?=\.|\b)")
"""The index of an RPC repeated parameter (`Tag.3.Key`, `IpsecServerId.12`)."""


def fold_repeats(findings: list[Finding]) -> list[Finding]:
    """One change for a list the docs document as `Tag.N.Key` and docs2spec spells out as
    `Tag.1.Key` ... `Tag.20.Key`: the same finding at every index is said once, with `N`."""
    groups: dict[tuple, list[Finding]] = {}
    for position, finding in enumerate(findings):
        pointer = _INDEX.sub("N", finding.pointer)
        if pointer == finding.pointer:  # no index in the name: never folded (enum 1.5, 1.7)
            key: tuple = (position,)
        else:
            key = (finding.rule, finding.level, finding.kind, pointer,
                   _INDEX.sub("N", finding.message), _INDEX.sub("N", finding.subject))
        groups.setdefault(key, []).append(finding)
    folded = []
    for key, members in groups.items():
        first = members[0]
        if len(members) == 1:
            folded.append(first)
        else:
            _, _, _, pointer, message, subject = key
            folded.append(replace(first, pointer=pointer, message=f"{message} "
                                  f"({len(members)} indexes)", subject=subject))
    return folded


def _no_pages(side: Side) -> str:
    what = "a generated folder" if side.source == "generated" else "an OpenAPI file"
    return (f"{side.label} is {what} without page hashes (no report.json beside it, or one "
            "written before docs2spec kept them): a change the tool made to unchanged pages "
            "(kind `extraction`) cannot be told from a change of the docs")


def _product_pairs(old: Side, new: Side) -> list[tuple[str, dict, dict]]:
    """Products by `provider/product`; one product on each side pairs whatever its name (an
    OpenAPI file against a folder)."""
    if len(old.products) == 1 and len(new.products) == 1:
        (old_key, old_doc), (new_key, new_doc) = *old.products.items(), *new.products.items()
        return [(new_key if "/" in new_key or "/" not in old_key else old_key, old_doc,
                 new_doc)]
    keys = sorted(old.products.keys() | new.products.keys())
    return [(k, old.products.get(k, _EMPTY), new.products.get(k, _EMPTY)) for k in keys]


def _product_findings(old_doc: dict, new_doc: dict) -> list[Finding]:
    if old_doc is _EMPTY or new_doc is _EMPTY:
        return []  # a product added or removed shows as its operations
    return [finding for rule in PRODUCT_RULES for finding in rule(old_doc, new_doc)]


def _same_pages(old: Side, new: Side, before: OperationView | None,
                after: OperationView | None) -> bool:
    """Every page of the operation byte-identical on both sides (and known on both)."""
    if old.page_hashes is None or new.page_hashes is None or before is None or after is None:
        return False
    if not before.pages or not after.pages:
        return False
    try:
        return sorted(old.page_hashes[p] for p in before.pages) == sorted(
            new.page_hashes[p] for p in after.pages)
    except KeyError:
        return False


def _change(finding: Finding, product: str, identity: str, name: str | None,
            kind: str) -> Change:
    key = "|".join((finding.rule, product, identity, finding.pointer, finding.subject))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return Change(digest, finding.rule, finding.level, kind, name,  # type: ignore[arg-type]
                  finding.pointer, finding.message, _text(finding.old_source),
                  _text(finding.new_source))


def _text(source: object) -> str | None:
    """A `page:line` as the document gave it; anything else (a foreign document's odd
    `source`) is no source."""
    return source if isinstance(source, str) else None


def _order(change: Change) -> tuple:
    return (change.operation or "", LEVELS.index(change.level), change.pointer, change.rule,
            change.id)
