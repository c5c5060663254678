"""The closed copy of a contract: what the docs document, and nothing else.

Generated schemas are open (a provider may add fields without breaking clients), so a field the
docs never mention passes them. The closed copy adds `additionalProperties: false` to every
object whose properties the docs list, and turns `x-docs2spec-format-hints` into a `pattern`
check, so one compiled `is_valid` call answers "no errors and no warnings" for the common case.
Its failures that the open schema does not share are the warnings.
"""

from __future__ import annotations

from typing import Any

from .hints import HINT_PATTERNS, known

HINT_MARK = "x-docs2spec-hint-check"
HINTS = "x-docs2spec-format-hints"

_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_ONE = ("items", "additionalProperties", "contains", "propertyNames", "unevaluatedItems",
               "unevaluatedProperties")
_SCHEMA_LISTS = ("prefixItems",)
# Keywords whose outcome can flip when a subschema closes (`not`, `allOf` are only a problem
# when they hold object schemas; `not: {pattern}` for forbidden prefixes is harmless).
_APPLICATORS = ("anyOf", "oneOf", "if", "dependentSchemas")


def closed_copy(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy with undocumented properties and broken format hints made to fail."""
    return _close(schema)


def single_pass(schema: dict[str, Any]) -> bool:
    """Whether the closed copy's errors are exactly the open schema's errors plus warnings:
    true when no applicator can change which branch an instance takes once objects close."""
    return not _has_applicator(schema)


def _close(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    out = dict(node)
    for key in _SCHEMA_MAPS:
        value = node.get(key)
        if isinstance(value, dict):
            out[key] = {name: _close(sub) for name, sub in value.items()}
    for key in _SCHEMA_ONE:
        if isinstance(node.get(key), dict):
            out[key] = _close(node[key])
    for key in _SCHEMA_LISTS:
        if isinstance(node.get(key), list):
            out[key] = [_close(sub) for sub in node[key]]
    properties = node.get("properties")
    if (isinstance(properties, dict) and properties and "additionalProperties" not in node
            and "unevaluatedProperties" not in node and "patternProperties" not in node):
        out["additionalProperties"] = False
    hints = node.get(HINTS)
    if isinstance(hints, list) and known(hints):
        check = {"anyOf": [{"pattern": HINT_PATTERNS[h]} for h in known(hints)],
                 HINT_MARK: known(hints)}
        if "anyOf" in node:
            out["allOf"] = [*node.get("allOf", []), check]
        else:
            out.update(check)
    return out


def _has_applicator(node: Any) -> bool:
    if not isinstance(node, dict):
        return False
    if any(key in node for key in _APPLICATORS):
        return True
    for key in ("not", "allOf"):
        value = node.get(key)
        parts = value if isinstance(value, list) else [value]
        if any(isinstance(p, dict) and ({"$ref", "properties", "items"} & p.keys()) for p in parts):
            return True
    for key in _SCHEMA_MAPS:
        value = node.get(key)
        if isinstance(value, dict) and any(_has_applicator(v) for v in value.values()):
            return True
    for key in _SCHEMA_ONE:
        if _has_applicator(node.get(key)):
            return True
    return any(isinstance(node.get(key), list) and any(_has_applicator(s) for s in node[key])
               for key in _SCHEMA_LISTS)
