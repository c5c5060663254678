"""The engine: the validating decoder for the common case, compiled validators for the rest, and
findings only for the bodies that need them.

A contract's closed copy (see `closed`) first becomes a validating decoder (`fastpath`): a
valid body is checked while it is parsed. Everything the decoder does not accept is checked
with jsonschema-rs (a compiled Rust validator, about 100x the pure-Python reference), compiled
on first need, twice: the schema as generated (`open`) and its closed copy (`strict`). A body
the closed copy accepts has no errors and no warnings, which is one call.
Otherwise the closed copy's `iter_errors` is read once: failures of keywords the open schema has
are errors, `additionalProperties` added by closing is an undocumented field, a failed hint check
is a format hint; both of those are warnings. Compiled validators are cached per
(product, operation, kind).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from .bodies import BodyError, check_value, escape
from .closed import HINT_MARK, closed_copy, single_pass
from .fastpath import FastDecoder, compile_fast
from .findings import ERROR, RULE_OF_KEYWORD, WARNING, Finding, make
from .formats import FORMAT_CHECKS
from .messages import describe
from .schemanav import SOURCE, resolve, walk

_REQUIRED_MESSAGE = re.compile(r'^("(?:[^"\\]|\\.)*")\s+is a required property')
_WARNING_KEYWORDS = ("additionalProperties", "anyOf")


@dataclass(slots=True)
class Compiled:
    """One contract's checkers, each built on first use (jsonschema-rs is imported only when a
    document needs more than the validating decoder)."""

    schema: dict[str, Any]
    strict_schema: dict[str, Any]
    single: bool
    _open: Any = None
    _strict: Any = None
    _fast: FastDecoder | None | bool = False
    nodes: dict[tuple[Any, ...], tuple[Any, str]] = field(default_factory=dict)

    @property
    def open(self) -> Any:
        if self._open is None:
            self._open = _rs_validator(self.schema)
        return self._open

    @property
    def strict(self) -> Any:
        if self._strict is None:
            self._strict = _rs_validator(self.strict_schema)
        return self._strict

    @property
    def fast(self) -> FastDecoder | None:
        """The validating decoder of the closed copy (None without msgspec)."""
        if self._fast is False:
            self._fast = compile_fast(self.strict_schema,
                                      lambda doc: _rs_validator(doc).is_valid)
        return self._fast  # type: ignore[return-value]

    def node(self, path: tuple[Any, ...], strict: bool) -> tuple[Any, str]:
        key = (strict, *path)
        hit = self.nodes.get(key)
        if hit is None:
            hit = self.nodes[key] = walk(self.strict_schema if strict else self.schema, path)
        return hit


def _rs_validator(schema: dict[str, Any]) -> Any:
    import jsonschema_rs  # ~20 ms to import: only when a document needs it

    try:
        return jsonschema_rs.Draft202012Validator(schema, validate_formats=True,
                                                  formats=FORMAT_CHECKS)
    except (ValueError, TypeError) as exc:  # a contract jsonschema-rs refuses
        raise BodyError(f"the contract does not compile: {exc}",
                        hint="run `docs2spec regen`") from None


def compile_schema(schema: dict[str, Any]) -> Compiled:
    return Compiled(schema, closed_copy(schema), single_pass(schema))


def content_schema(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """A standalone schema for the JSON document inside a string parameter."""
    inner = node.get("contentSchema")
    doc = dict(inner) if isinstance(inner, dict) else {}
    if "$defs" in root and "$defs" not in doc:
        doc["$defs"] = root["$defs"]
    if SOURCE not in doc and isinstance(node.get(SOURCE), str):
        doc[SOURCE] = node[SOURCE]
    return doc


def check(compiled: Compiled, instance: Any, *, warnings: bool = True,
          strict_failed: bool = False, guard_depth: bool = False) -> list[Finding]:
    """Findings for `instance` (severities not yet promoted by `strict`). `strict_failed`: the
    caller already knows the closed copy rejects it. `guard_depth`: the instance was handed
    over parsed (no parser bounded its depth): walk it before reporting on it. (`is_valid`
    itself does not recurse in Python; building findings for a 100,000-deep value would.)"""
    try:
        if warnings:
            if not strict_failed and accepts(compiled, instance):
                return []
        elif compiled.open.is_valid(instance):
            return []
        if guard_depth:
            check_value(instance, deep=True)
        findings: list[Finding] = []
        if warnings and compiled.single:
            for error in compiled.strict.iter_errors(instance):
                findings.extend(_convert(compiled, error, strict=True))
            return findings
        for error in compiled.open.iter_errors(instance):
            findings.extend(_convert(compiled, error, strict=False))
        if warnings:
            for error in compiled.strict.iter_errors(instance):
                path = list(error.schema_path)
                if path and path[-1] in _WARNING_KEYWORDS:
                    found = _convert(compiled, error, strict=True)
                    findings.extend(f for f in found if f.severity != "error")
        return findings
    except (ValueError, TypeError, OverflowError) as exc:
        # jsonschema-rs refuses values it cannot represent (e.g. integers beyond 128 bits).
        raise BodyError(f"the body holds a value the validator cannot represent ({exc})") from None


def accepts(compiled: Compiled, instance: Any) -> bool:
    """Whether `instance` (parsed) passes the closed contract: no error and no warning."""
    fast = compiled.fast
    if fast is not None and fast.accepts_value(instance):
        return True
    return compiled.strict.is_valid(instance)


def _pointer(parts: Any) -> str:
    return "".join("/" + escape(p) for p in parts)


def _required_name(error: Any) -> str:
    kind = getattr(error, "kind", None)
    name = getattr(kind, "property", None)
    if isinstance(name, str):
        return name
    match = _REQUIRED_MESSAGE.match(str(getattr(error, "message", "")))
    if match:
        try:
            return str(json.loads(match.group(1)))
        except ValueError:
            pass
    return "?"


def _convert(compiled: Compiled, error: Any, *, strict: bool) -> list[Finding]:
    path = tuple(error.schema_path)
    keyword = str(path[-1]) if path else ""
    node, source = compiled.node(path[:-1], strict)
    if not isinstance(node, dict):
        node = {}
    pointer = _pointer(error.instance_path)
    if keyword == "required":
        name = _required_name(error)
        props = node.get("properties")
        sub = props.get(name) if isinstance(props, dict) else None
        if isinstance(sub, dict):
            root = compiled.strict_schema if strict else compiled.schema
            target = resolve(sub, root)
            source = sub.get(SOURCE) or target.get(SOURCE) or source
        return [make(f"{pointer}/{escape(name)}", "required", describe("required", node, name),
                     source, keyword)]
    value = getattr(error, "instance", None)
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        instance = value
        documented = node.get("properties") if isinstance(node.get("properties"), dict) else {}
        names = [k for k in instance if k not in documented] if isinstance(instance, dict) else []
        # Added by closing: a warning. Stated by the contract itself: an error.
        stated = not strict or keyword in (compiled.node(path[:-1], False)[0] or {})
        return [Finding(f"{pointer}/{escape(name)}", "undocumented-field",
                        ERROR if stated else WARNING,
                        describe("additionalProperties", node, name), source, keyword)
                for name in names]
    if keyword == "anyOf" and HINT_MARK in node:
        return [make(pointer, "format-hint", describe("format-hint", node, value),
                     source, "x-docs2spec-format-hints")]
    rule = RULE_OF_KEYWORD.get(keyword, "schema")
    return [make(pointer, rule, describe(keyword, node, value), source, keyword)]
