"""Documented error codes (`x-docs2spec-errors`): what clients may have to handle."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..contract import OperationView, resolve
from ..model import Finding
from .pair import OperationPair


def _error_codes(view: OperationView) -> dict[str, tuple[str, dict[str, Any]]]:
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    listed = view.operation.get("responses")
    for status, response in (listed.items() if isinstance(listed, dict) else ()):
        response = resolve(view.document, response)
        errors = response.get("x-docs2spec-errors") if isinstance(response, dict) else None
        for entry in errors if isinstance(errors, list) else ():
            if isinstance(entry, dict) and isinstance(entry.get("code"), str):
                found.setdefault(entry["code"], (str(status), entry))
    return found


def error_codes(pair: OperationPair) -> Iterator[Finding]:
    """Documented error codes (`x-docs2spec-errors`): what clients may have to handle."""
    assert pair.old is not None and pair.new is not None
    old, new = _error_codes(pair.old), _error_codes(pair.new)
    for code in sorted(old.keys() - new.keys()):
        status, entry = old[code]
        yield Finding("error-code-removed", "info", "wire", f"/response/{status}/errors",
                      f"error code {code} ({status}) no longer documented",
                      entry.get("source"), None, code)
    for code in sorted(new.keys() - old.keys()):
        status, entry = new[code]
        yield Finding("error-code-added", "info", "wire", f"/response/{status}/errors",
                      f"new error code {code} ({status})", None, entry.get("source"), code)
    for code in sorted(old.keys() & new.keys()):
        (old_status, old_entry), (new_status, new_entry) = old[code], new[code]
        if old_status != new_status:
            yield Finding("error-code-status-changed", "warning", "wire",
                          f"/response/{new_status}/errors", f"error code {code} moved from "
                          f"{old_status} to {new_status}", old_entry.get("source"),
                          new_entry.get("source"), code)
        if (old_entry.get("message"), old_entry.get("description")) != (
                new_entry.get("message"), new_entry.get("description")):
            yield Finding("error-code-description-changed", "info", "doc",
                          f"/response/{new_status}/errors", f"error code {code} message or "
                          "description changed", old_entry.get("source"),
                          new_entry.get("source"), code)
