"""The operation as a whole: added or removed, its name and methods, its text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..contract import OperationView
from ..model import Finding
from ..schemas import without_where
from .pair import OperationPair


def operation_presence(pair: OperationPair) -> Iterator[Finding]:
    if pair.old is None and pair.new is not None:
        yield Finding("operation-added", "info", "wire", "", f"operation added "
                      f"({_route(pair.new)})", None, pair.new.page)
    elif pair.new is None and pair.old is not None:
        yield Finding("operation-removed", "error", "wire", "", f"operation removed "
                      f"({_route(pair.old)})", pair.old.page, None)


def _route(view: OperationView) -> str:
    return f"{'|'.join(m.upper() for m in view.methods)} {view.path}"


def operation_identity(pair: OperationPair) -> Iterator[Finding]:
    """The name, the methods and the deprecation of one operation."""
    old, new = pair.old, pair.new
    assert old is not None and new is not None
    if old.operation_id != new.operation_id:
        yield Finding("operation-id-changed", "warning", "doc", "",
                      f"operationId changed from {old.operation_id} to {new.operation_id} "
                      "(generated model and method names change with it)", old.page, new.page)
    for method in old.methods:
        if method not in new.methods:
            yield Finding("operation-method-removed", "error", "wire", "", f"{method.upper()} "
                          "no longer accepted", old.page, new.page, method)
    for method in new.methods:
        if method not in old.methods:
            yield Finding("operation-method-added", "info", "wire", "",
                          f"{method.upper()} now accepted", old.page, new.page, method)
    if bool(old.operation.get("deprecated")) != bool(new.operation.get("deprecated")):
        now = bool(new.operation.get("deprecated"))
        yield Finding("operation-deprecated" if now else "operation-undeprecated",
                      "warning" if now else "info", "wire", "",
                      "operation deprecated" if now else "operation no longer deprecated",
                      old.page, new.page)


OPERATION_TEXT = (("summary", "summary"), ("description", "description"),
                  ("x-docs2spec-request-samples", "request samples"),
                  ("x-docs2spec-changes", "change history"), ("tags", "tags"))


def operation_docs(pair: OperationPair) -> Iterator[Finding]:
    assert pair.old is not None and pair.new is not None
    for key, what in OPERATION_TEXT:
        old = without_where(_strip_sources(pair.old.operation.get(key)))
        new = without_where(_strip_sources(pair.new.operation.get(key)))
        if old != new:
            yield Finding(f"operation-{what.replace(' ', '-')}-changed", "info", "doc", "",
                          f"operation {what} changed", pair.old.page, pair.new.page, key)


def _strip_sources(value: Any) -> Any:
    """Samples and change entries carry `source` (page:line), which moves with any edit."""
    if isinstance(value, list):
        return [_strip_sources(v) for v in value]
    if isinstance(value, dict):
        return {k: _strip_sources(v) for k, v in value.items() if k != "source"}
    return value
