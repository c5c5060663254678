"""Parameters: matched by location and name, path variables by position."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...http import PATH_VARIABLE
from ..model import Finding
from ..schemas import Docs, compare, escape, short, text_change, without_where
from .pair import OperationPair


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
