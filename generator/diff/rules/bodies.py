"""Request and response bodies: presence, media types, schemas, samples."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..contract import resolve
from ..model import Finding
from ..schemas import compare, escape, without_where
from .pair import OperationPair


def _content(docs_doc: dict[str, Any], holder: Any) -> dict[str, dict[str, Any]]:
    holder = resolve(docs_doc, holder)
    content = holder.get("content") if isinstance(holder, dict) else None
    return {k: v for k, v in content.items() if isinstance(v, dict)} \
        if isinstance(content, dict) else {}


def request_body(pair: OperationPair) -> Iterator[Finding]:
    old, new = pair.old, pair.new
    assert old is not None and new is not None
    old_body = resolve(pair.docs.old, old.operation.get("requestBody"))
    new_body = resolve(pair.docs.new, new.operation.get("requestBody"))
    if not isinstance(old_body, dict) and not isinstance(new_body, dict):
        return
    if not isinstance(old_body, dict):
        required = bool(new_body.get("required"))
        yield Finding("request-body-added", "error" if required else "info", "wire",
                      "/request/body", f"{'required ' if required else ''}request body added",
                      None, new.page)
        return
    if not isinstance(new_body, dict):
        yield Finding("request-body-removed", "warning", "wire", "/request/body",
                      "request body removed", old.page, None)
        return
    if bool(old_body.get("required")) != bool(new_body.get("required")):
        now = bool(new_body.get("required"))
        yield Finding("request-body-became-required" if now else
                      "request-body-became-optional", "error" if now else "info", "wire",
                      "/request/body", f"request body became {'required' if now else 'optional'}",
                      old.page, new.page)
    yield from _media(pair, _content(pair.docs.old, old_body), _content(pair.docs.new, new_body),
                      "/request/body", "request", "request body")


def _media(pair: OperationPair, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]],
           pointer: str, direction: str, label: str) -> Iterator[Finding]:
    assert pair.old is not None and pair.new is not None
    for media in sorted(old.keys() - new.keys()):
        yield Finding(f"{direction}-media-type-removed", "error", "wire", pointer,
                      f"{label} no longer {'accepted' if direction == 'request' else 'sent'} as "
                      f"{media}", pair.old.page, None, media)
    for media in sorted(new.keys() - old.keys()):
        yield Finding(f"{direction}-media-type-added", "info", "wire", pointer,
                      f"{label} now also {'accepted' if direction == 'request' else 'sent'} as "
                      f"{media}", None, pair.new.page, media)
    groups: dict[str, list[str]] = {}
    for media in sorted(old.keys() & new.keys()):  # JSON and XML of one body: compared once
        same = json.dumps([without_where(old[media].get("schema")),
                           without_where(new[media].get("schema"))], sort_keys=True)
        groups.setdefault(same, []).append(media)
    for medias in groups.values():
        media = medias[0]
        where = pointer if len(groups) == 1 else f"{pointer}/{escape(media)}"
        yield from compare(pair.docs, old[media].get("schema"), new[media].get("schema"), where,
                           direction, label)  # type: ignore[arg-type]
    changed = [m for m in sorted(old.keys() & new.keys())
               if _sample_values(old[m]) != _sample_values(new[m])]
    if changed:
        yield Finding(f"{direction}-samples-changed", "info", "doc", pointer,
                      f"{label} samples changed ({', '.join(changed)})", pair.old.page,
                      pair.new.page, "samples")


def _sample_values(media: dict[str, Any]) -> list[Any]:
    """The samples' values: their summaries name the page and line they came from, which any
    edit above them moves."""
    samples = media.get("examples")
    if not isinstance(samples, dict):
        return []
    return [without_where(s.get("value")) if isinstance(s, dict) else s
            for s in samples.values()]


def responses(pair: OperationPair) -> Iterator[Finding]:
    old, new = pair.old, pair.new
    assert old is not None and new is not None
    old_r = old.operation.get("responses") if isinstance(old.operation.get("responses"),
                                                         dict) else {}
    new_r = new.operation.get("responses") if isinstance(new.operation.get("responses"),
                                                         dict) else {}
    for status in sorted(old_r.keys() - new_r.keys()):
        success = str(status).startswith("2")
        yield Finding("response-success-status-removed" if success else
                      "response-non-success-status-removed", "error" if success else "info",
                      "wire", f"/response/{status}", f"response {status} removed", old.page,
                      None, str(status))
    for status in sorted(new_r.keys() - old_r.keys()):
        yield Finding("response-status-added", "info", "wire", f"/response/{status}",
                      f"response {status} added", None, new.page, str(status))
    for status in sorted(old_r.keys() & new_r.keys()):
        yield from _media(pair, _content(pair.docs.old, old_r[status]),
                          _content(pair.docs.new, new_r[status]), f"/response/{status}",
                          "response", f"response {status}")
