"""Messages a person understands: what the docs say, and what the body has instead.

Values are shown short (a long string is cut, an object or array is described, a 5,000-digit
integer is not printed), so a finding about a huge body stays one line.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .closed import HINT_MARK
from .hints import describe as describe_hints

_MAX_SHOWN = 60


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if value.is_integer() else "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, (list, tuple)):
        return "array"
    return type(value).__name__


def show(value: Any) -> str:
    """A short rendering of a JSON value."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        if value.bit_length() > 200:
            return f"a {len(str(abs(value))) if value.bit_length() < 13000 else 'huge'}-digit integer"
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        text = json.dumps(value if len(value) <= _MAX_SHOWN else value[:_MAX_SHOWN],
                          ensure_ascii=False)
        return text if len(value) <= _MAX_SHOWN else text[:-1] + '..."'
    if isinstance(value, dict):
        return f"an object with {len(value)} field{'s' if len(value) != 1 else ''}"
    if isinstance(value, (list, tuple)):
        return f"an array of {len(value)} item{'s' if len(value) != 1 else ''}"
    return type(value).__name__


def _expected(types: Any) -> str:
    names = [types] if isinstance(types, str) else list(types or [])
    articles = {"integer": "an integer", "array": "an array", "object": "an object",
                "string": "a string", "number": "a number", "boolean": "a boolean",
                "null": "null"}
    return " or ".join(articles.get(n, n) for n in names) or "another type"


def _forbidden(pattern: str) -> str:
    match = re.fullmatch(r"\^\(\?:(.*)\)", pattern)
    if match:
        choices = [re.sub(r"\\(.)", r"\1", c) for c in match.group(1).split("|")]
        return "must not start with " + " or ".join(choices)
    return f"must not match the pattern {pattern}"


def describe(keyword: str, node: dict[str, Any], value: Any, extra: str = "") -> str:
    """The message for `value` failing `keyword` of schema `node`."""
    limit = node.get(keyword) if isinstance(node, dict) else None
    if keyword == "type":
        got = json_type(value)
        text = f"expected {_expected(limit)}, got {got} {show(value)}" if got not in (
            "object", "array") else f"expected {_expected(limit)}, got {show(value)}"
        return text + extra
    if keyword == "required":
        return f"required field {value} is missing"
    if keyword == "enum":
        options = ", ".join(show(o) for o in (limit or [])[:12])
        more = "" if len(limit or []) <= 12 else f" and {len(limit) - 12} more"
        return f"{show(value)} is not one of the documented values: {options}{more}"
    if keyword == "const":
        return f"{show(value)} is not the documented value {show(limit)}"
    if keyword == "maximum":
        return f"{show(value)} is above the documented maximum {show(limit)}"
    if keyword == "minimum":
        return f"{show(value)} is below the documented minimum {show(limit)}"
    if keyword == "exclusiveMaximum":
        return f"{show(value)} must be less than {show(limit)}"
    if keyword == "exclusiveMinimum":
        return f"{show(value)} must be greater than {show(limit)}"
    if keyword == "multipleOf":
        return f"{show(value)} is not a multiple of {show(limit)}"
    if keyword in ("maxLength", "minLength"):
        size = len(value) if isinstance(value, str) else 0
        bound = "at most" if keyword == "maxLength" else "at least"
        return (f"{show(value)} is {size} character{'s' if size != 1 else ''} long; the docs "
                f"allow {bound} {limit}")
    if keyword in ("maxItems", "minItems"):
        size = len(value) if isinstance(value, (list, tuple)) else 0
        bound = "at most" if keyword == "maxItems" else "at least"
        return f"{size} item{'s' if size != 1 else ''}; the docs allow {bound} {limit}"
    if keyword == "uniqueItems":
        return "items repeat; the docs require unique items"
    if keyword == "pattern":
        return f"{show(value)} does not match the documented pattern {limit}"
    if keyword == "not":
        inner = limit.get("pattern") if isinstance(limit, dict) else None
        if isinstance(inner, str):
            return f"{show(value)} {_forbidden(inner)}"
        return f"{show(value)} has a form the docs rule out"
    if keyword == "format":
        return f"{show(value)} is not a valid {limit}"
    if keyword == "format-hint":
        return (f"{show(value)} is not {describe_hints(value_hints(node))} as the docs describe "
                "it (the docs' own samples break this too, so this is information, not a warning)")
    if keyword == "additionalProperties":
        return f"field {value} is not documented"
    return f"{show(value)} fails the documented {keyword} rule"


def value_hints(node: dict[str, Any]) -> list[str]:
    hints = node.get(HINT_MARK) if isinstance(node, dict) else None
    return list(hints) if isinstance(hints, list) else []
