"""The rule families: each looks at one pair of operations (or of product documents) and says
what changed. `OPERATION_RULES` and `PRODUCT_RULES` are the declared lists the engine runs, in
order; a new rule family is one function plus one entry there.

Levels follow oasdiff's reading of what breaks clients: a request that accepts less or a
response that promises less is an `error`, what clients may trip over is a `warning`,
everything else is `info`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..http import PATH_VARIABLE
from .contract import OperationView, resolve
from .model import Finding
from .schemas import Docs, compare, escape, short, text_change, without_where


@dataclass(frozen=True, slots=True)
class OperationPair:
    """The same operation on both sides; one side is None when it was added or removed."""

    old: OperationView | None
    new: OperationView | None
    docs: Docs


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


def _path_names(path: str) -> list[str]:
    return [m.group(1) for m in PATH_VARIABLE.finditer(path.split("?", 1)[0])]


def _param_source(param: dict[str, Any]) -> str | None:
    here = param.get("x-docs2spec-source")
    if isinstance(here, str):
        return here
    schema = param.get("schema")
    there = schema.get("x-docs2spec-source") if isinstance(schema, dict) else None
    return there if isinstance(there, str) else None


def parameters(pair: OperationPair) -> Iterator[Finding]:
    """Parameters are matched by location and name, path variables by position (their names
    never reach the wire); a name that moved to another location is a location change."""
    old, new = pair.old, pair.new
    assert old is not None and new is not None
    old_names, new_names = _path_names(old.path), _path_names(new.path)
    renamed = dict(zip(old_names, new_names, strict=True)) if len(old_names) == len(new_names) else {}
    before = {(p.get("in"), renamed.get(p["name"], p["name"]) if p.get("in") == "path"
               else p["name"]): p for p in old.parameters}
    after = {(p.get("in"), p["name"]): p for p in new.parameters}
    gone = {k: before[k] for k in before.keys() - after.keys()}
    came = {k: after[k] for k in after.keys() - before.keys()}
    for (loc, name), param in sorted(gone.items(), key=str):
        moved = [k for k in came if k[1] == name]
        if moved:
            target = moved[0]
            new_param = came.pop(target)
            yield Finding("request-parameter-location-changed", "error", "wire",
                          f"/request/{target[0]}/{escape(name)}", f"parameter {name!r} moved "
                          f"from {loc} to {target[0]}", _param_source(param),
                          _param_source(new_param))
            yield from _parameter_pair(pair.docs, param, new_param, target[0], name)
            continue
        yield Finding("request-parameter-removed", "warning", "wire",
                      f"/request/{loc}/{escape(name)}", f"{loc} parameter {name!r} removed",
                      _param_source(param), None)
    for (loc, name), param in sorted(came.items(), key=str):
        required = bool(param.get("required"))
        yield Finding("request-required-parameter-added" if required else
                      "request-parameter-added", "error" if required else "info", "wire",
                      f"/request/{loc}/{escape(name)}", f"new {'required ' if required else ''}"
                      f"{loc} parameter {name!r}", None, _param_source(param))
    for old_name, new_name in renamed.items():
        if old_name != new_name:
            yield Finding("request-path-variable-renamed", "info", "doc",
                          f"/request/path/{escape(new_name)}", f"path variable {{{old_name}}} "
                          f"renamed {{{new_name}}} (the URL is the same)",
                          _param_source(before[("path", new_name)]) if ("path", new_name) in
                          before else None, _param_source(after.get(("path", new_name), {})))
    for key in sorted(before.keys() & after.keys(), key=str):
        yield from _parameter_pair(pair.docs, before[key], after[key], key[0], key[1])


def _parameter_pair(docs: Docs, old: dict[str, Any], new: dict[str, Any], loc: str,
                    name: str) -> Iterator[Finding]:
    pointer = f"/request/{loc}/{escape(name)}"
    old_src, new_src = _param_source(old), _param_source(new)
    was, now = bool(old.get("required")), bool(new.get("required"))
    if was != now:
        yield Finding("request-parameter-became-required" if now else
                      "request-parameter-became-optional", "error" if now else "info", "wire",
                      pointer, f"{loc} parameter {name!r} became "
                      f"{'required' if now else 'optional'}", old_src, new_src)
    if _param_text(old) != _param_text(new):
        detail = f": {text_change(_param_text(old)[0], _param_text(new)[0])}" \
            if _param_text(old)[0] != _param_text(new)[0] else " (another language)"
        yield Finding("request-parameter-description-changed", "info", "doc", pointer,
                      f"{loc} parameter {name!r} description changed{detail}", old_src,
                      new_src, "description")
    for key in ("style", "explode", "allowEmptyValue", "deprecated"):
        if old.get(key) != new.get(key):
            yield Finding("request-parameter-serialization-changed", "warning", "wire",
                          pointer, f"{loc} parameter {name!r} {key} changed from "
                          f"{short(old.get(key))} to {short(new.get(key))}", old_src, new_src,
                          key)
    yield from compare(docs, old.get("schema"), new.get("schema"), pointer, "request",
                       f"{loc} parameter {name!r}", old_src, new_src, with_docs=False)
    old_schema = old.get("schema") if isinstance(old.get("schema"), dict) else {}
    new_schema = new.get("schema") if isinstance(new.get("schema"), dict) else {}
    for key, what in ((("examples", "example"), "example"),
                      (("x-docs2spec-format-hints", "x-docs2spec-inferred"), "format notes")):
        if any(without_where(old_schema.get(k)) != without_where(new_schema.get(k))
               for k in key):
            yield Finding(f"request-{what.replace(' ', '-')}-changed", "info", "doc", pointer,
                          f"{loc} parameter {name!r} {what} changed", old_src, new_src, what)
    old_doc, new_doc = old_schema.get("x-docs2spec-doc-type"), new_schema.get(
        "x-docs2spec-doc-type")
    if old_doc != new_doc and old_schema.get("type") == new_schema.get("type") and \
            old_schema.get("format") == new_schema.get("format"):
        yield Finding("request-documented-type-changed", "info", "doc", pointer,
                      f"{loc} parameter {name!r} type as the page spells it changed from "
                      f"{old_doc!r} to {new_doc!r} (same JSON type)", old_src, new_src)


def _param_text(param: dict[str, Any]) -> tuple:
    schema = param.get("schema") if isinstance(param.get("schema"), dict) else {}
    return (param.get("description") or schema.get("description"), schema.get("description"),
            schema.get("x-docs2spec-descriptions"), schema.get("title"))


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


def servers(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Finding]:
    def urls(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
        listed = document.get("servers")
        return {s["url"]: s for s in listed if isinstance(s, dict) and isinstance(
            s.get("url"), str)} if isinstance(listed, list) else {}

    before, after = urls(old), urls(new)
    for url in sorted(before.keys() - after.keys()):
        yield Finding("api-server-removed", "warning", "wire", "/servers",
                      f"server {url} removed", subject=url)
    for url in sorted(after.keys() - before.keys()):
        yield Finding("api-server-added", "info", "wire", "/servers", f"server {url} added",
                      subject=url)
    for url in sorted(before.keys() & after.keys()):
        if without_where(before[url]) != without_where(after[url]):
            yield Finding("api-server-changed", "info", "wire", "/servers",
                          f"server {url}: variables or description changed", subject=url)


def version(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Finding]:
    old_info = old.get("info") if isinstance(old.get("info"), dict) else {}
    new_info = new.get("info") if isinstance(new.get("info"), dict) else {}
    if old_info.get("version") != new_info.get("version"):
        yield Finding("api-version-changed", "info", "wire", "/info/version",
                      f"API version changed from {old_info.get('version')} to "
                      f"{new_info.get('version')}")
    if old_info.get("title") != new_info.get("title"):
        yield Finding("api-title-changed", "info", "doc", "/info/title", "API title changed")


OperationRule = Callable[[OperationPair], Iterable[Finding]]
ProductRule = Callable[[dict[str, Any], dict[str, Any]], Iterable[Finding]]

PRESENCE: OperationRule = operation_presence
"""Runs for every pair; the rules below only when the operation is on both sides."""
OPERATION_RULES: tuple[OperationRule, ...] = (
    operation_identity, parameters, request_body, responses, error_codes, operation_docs)
PRODUCT_RULES: tuple[ProductRule, ...] = (servers, version)
