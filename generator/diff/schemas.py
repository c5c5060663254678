"""Two JSON Schemas of one place in an operation, compared keyword by keyword.

Whether a change breaks clients depends on the side: a request schema that accepts less breaks
callers (a maximum lowered, a property now required), a response schema that promises less
breaks readers (a field removed, a new enum value). Each keyword family is one function; a
keyword no family knows is still reported (`schema-keyword-changed`), so nothing changes
unseen. Documentation keywords (description, examples, the type as the page spells it) give
`doc` findings. Line numbers never count as changes: `x-docs2spec-source` only says where.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from .contract import resolve
from .model import Finding, Level

Direction = Literal["request", "response"]

WHERE_KEYS = frozenset({"x-docs2spec-source", "x-docs2spec-also-documented", "x-docs2spec-in"})
"""Where a node came from: never a change."""
STORAGE_KEYS = frozenset({"$ref", "$schema", "$defs", "$id", "$comment", "$anchor"})
"""How a schema is stored: `$ref`s are followed, not compared as text."""
DOC_KEYS = ("description", "x-docs2spec-descriptions", "title", "examples", "example",
            "x-docs2spec-doc-type", "x-docs2spec-format-hints", "x-docs2spec-inferred")
UPPER = {"maximum": "maximum", "exclusiveMaximum": "exclusive maximum",
         "maxLength": "maximum length", "maxItems": "maximum item count",
         "maxProperties": "maximum property count"}
LOWER = {"minimum": "minimum", "exclusiveMinimum": "exclusive minimum",
         "minLength": "minimum length", "minItems": "minimum item count",
         "minProperties": "minimum property count"}
STRUCTURE_KEYS = frozenset({"type", "format", "enum", "pattern", "default", "properties",
                            "required", "items", "additionalProperties", *UPPER, *LOWER})


MAX_NESTING = 64
"""How deep the comparison follows nested schemas and `$ref` chains (Python recursion)."""


def escape(name: str) -> str:
    """A name as one JSON pointer segment."""
    return name.replace("~", "~0").replace("/", "~1")


def without_where(value: Any) -> Any:
    """`value` without the keys that only say where it came from (for equality)."""
    if isinstance(value, dict):
        return {k: without_where(v) for k, v in value.items() if k not in WHERE_KEYS}
    if isinstance(value, list):
        return [without_where(v) for v in value]
    return value


def short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def text_change(old: Any, new: Any, context: int = 12) -> str:
    """`'…what the old text said…' -> '…what the new says…'`: the part of two descriptions
    that differs, with a little context, so a reviewer sees the edit without opening the pages."""
    a = old if isinstance(old, str) else "" if old is None else short(old, 400)
    b = new if isinstance(new, str) else "" if new is None else short(new, 400)
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    lo = max(0, start - context)

    def part(text: str) -> str:
        hi = min(len(text), len(text) - end + context)
        middle = text[lo:hi].replace("\n", " ")
        if len(middle) > 80:
            middle = middle[:77] + "..."
        return ("…" if lo else "") + middle + ("…" if hi < len(text) else "")

    return f"{part(a)!r} -> {part(b)!r}"


@dataclass(frozen=True, slots=True)
class Place:
    """One node pair under comparison."""

    old: dict[str, Any]
    new: dict[str, Any]
    pointer: str
    old_source: str | None
    new_source: str | None
    direction: Direction
    label: str
    """How messages name the node (`request property`, `response field`, `query parameter`)."""

    def finding(self, rule: str, level: Level, message: str, kind: str = "wire",
                subject: str = "", old: bool = True, new: bool = True) -> Finding:
        return Finding(f"{self.direction}-{rule}", level, kind,  # type: ignore[arg-type]
                       self.pointer, message, self.old_source if old else None,
                       self.new_source if new else None, subject)


@dataclass(frozen=True, slots=True)
class Docs:
    """The two documents, for `$ref`s."""

    old: dict[str, Any]
    new: dict[str, Any]


def compare(docs: Docs, old: Any, new: Any, pointer: str, direction: Direction, label: str,
            old_source: str | None = None, new_source: str | None = None,
            with_docs: bool = True, _stack: tuple = ()) -> list[Finding]:
    """Findings between two schemas at `pointer`; `with_docs=False` when the caller already
    compared the description (a parameter's own description repeats its schema's)."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    if len(_stack) > MAX_NESTING:  # a chain of $refs no recursion guard catches
        return [Finding(f"{direction}-schema-not-compared", "warning", "wire", pointer,
                        f"{label}: nested more than {MAX_NESTING} levels; not compared below "
                        "here (differences there are not reported)", old_source, new_source)]
    refs = (old.get("$ref"), new.get("$ref"))
    if (refs[0] or refs[1]) and refs in _stack:  # a recursive type: compared once
        return []
    old_r, new_r = resolve(docs.old, old), resolve(docs.new, new)
    if not isinstance(old_r, dict) or not isinstance(new_r, dict):
        return []
    place = Place(old_r, new_r, pointer, _source(old_r, old_source), _source(new_r, new_source),
                  direction, label)
    found: list[Finding] = []
    for family in FAMILIES:
        if with_docs or family is not _docs:
            found.extend(family(place))
    if any(f.rule.endswith("type-changed") for f in found):
        return found  # the old shape's details mean nothing under another type
    stack = _stack + (refs,)
    found.extend(_properties(docs, place, stack))
    for key, segment in (("items", "[]"), ("additionalProperties", "*")):
        if isinstance(old_r.get(key), dict) and isinstance(new_r.get(key), dict):
            found.extend(compare(docs, old_r[key], new_r[key], f"{pointer}/{segment}", direction,
                                 label, place.old_source, place.new_source, True, stack))
    return found


def _source(node: dict[str, Any], inherited: str | None) -> str | None:
    here = node.get("x-docs2spec-source")
    return here if isinstance(here, str) else inherited


def types_of(node: dict[str, Any]) -> frozenset[str]:
    """The JSON types a node allows; empty for "anything"."""
    declared = node.get("type")
    if isinstance(declared, str):
        return frozenset({declared})
    if isinstance(declared, list):
        return frozenset(t for t in declared if isinstance(t, str))
    if isinstance(node.get("properties"), dict):
        return frozenset({"object"})
    if isinstance(node.get("items"), dict):
        return frozenset({"array"})
    return frozenset()


def _names(types: frozenset[str]) -> str:
    return "|".join(sorted(types)) or "any"


def _type(p: Place) -> Iterator[Finding]:
    """A request that accepts fewer types breaks callers; a response that may carry more
    types (or anything) surprises readers."""
    old, new = types_of(p.old), types_of(p.new)
    if old != new:
        widened = not new or (bool(old) and old < new)
        narrowed = not old or new < old
        if p.direction == "request":
            level: Level = "info" if widened else "error"
        else:
            level = "info" if narrowed else "warning" if widened else "error"
        yield p.finding("type-changed", level,
                        f"{p.label} type changed from {_names(old)} to {_names(new)}")
        return
    old_format, new_format = p.old.get("format"), p.new.get("format")
    if old_format != new_format:
        level = "info" if new_format is None and p.direction == "request" else "warning"
        yield p.finding("format-changed", level, f"{p.label} format changed from "
                        f"{old_format or 'none'} to {new_format or 'none'}")


def _enum(p: Place) -> Iterator[Finding]:
    old, new = p.old.get("enum"), p.new.get("enum")
    if not isinstance(old, list) and not isinstance(new, list):
        return
    if not isinstance(new, list):  # the list of values is gone: anything goes now
        yield p.finding("enum-removed", "info" if p.direction == "request" else "warning",
                        f"{p.label} no longer lists its values")
        return
    if not isinstance(old, list):
        yield p.finding("enum-added", "error" if p.direction == "request" else "info",
                        f"{p.label} now only takes {short(new)}")
        return
    old_keys = {json.dumps(v, sort_keys=True): v for v in old}
    new_keys = {json.dumps(v, sort_keys=True): v for v in new}
    for key in sorted(old_keys.keys() - new_keys.keys()):
        yield p.finding("enum-value-removed", "error" if p.direction == "request" else "info",
                        f"{p.label} value {key} removed from its enum", subject=key)
    for key in sorted(new_keys.keys() - old_keys.keys()):
        yield p.finding("enum-value-added", "info" if p.direction == "request" else "warning",
                        f"{p.label} value {key} added to its enum"
                        + ("" if p.direction == "request" else " (clients may not handle it)"),
                        subject=key)


def _bounds(p: Place) -> Iterator[Finding]:
    """Upper bounds lowered and lower bounds raised accept less: a request error."""
    for keys, tighter in ((UPPER, lambda o, n: n < o), (LOWER, lambda o, n: n > o)):
        for key, words in keys.items():
            old, new = p.old.get(key), p.new.get(key)
            if old == new or isinstance(old, bool) or isinstance(new, bool):
                continue
            if old is not None and new is not None and not (
                    isinstance(old, (int, float)) and isinstance(new, (int, float))):
                continue
            tightened = (old is None) or (new is not None and tighter(old, new))
            verb = "added" if old is None else "removed" if new is None else \
                ("lowered" if new < old else "raised")
            level: Level = ("error" if tightened else "info") if p.direction == "request" else \
                "info"
            yield p.finding(f"{_dash(key)}-{verb}", level,
                            f"{p.label} {words} {verb}" + (f" from {old}" if old is not None
                                                          else "")
                            + (f" to {new}" if new is not None else ""))


def _dash(key: str) -> str:
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in key)


def _pattern(p: Place) -> Iterator[Finding]:
    old, new = p.old.get("pattern"), p.new.get("pattern")
    if old == new:
        return
    verb = "added" if old is None else "removed" if new is None else "changed"
    level: Level = ("info" if new is None else "error") if p.direction == "request" else "info"
    yield p.finding(f"pattern-{verb}", level, f"{p.label} pattern {verb}"
                    + (f" from {old!r}" if old else "") + (f" to {new!r}" if new else ""))


def _default(p: Place) -> Iterator[Finding]:
    """A default that changes or disappears changes what callers who omit the field get; a
    default added only states what the server did anyway."""
    old, new = p.old.get("default"), p.new.get("default")
    if old == new:
        return
    if old is None:
        yield p.finding("default-added", "info", f"{p.label} default added: {short(new)}")
    elif new is None:
        yield p.finding("default-removed", "warning" if p.direction == "request" else "info",
                        f"{p.label} default removed (was {short(old)})")
    else:
        yield p.finding("default-changed", "warning" if p.direction == "request" else "info",
                        f"{p.label} default changed from {short(old)} to {short(new)}")


def _other(p: Place) -> Iterator[Finding]:
    """Keywords no family above knows (`not`, `oneOf`, `const`, `uniqueItems`, ...)."""
    handled = STRUCTURE_KEYS | WHERE_KEYS | STORAGE_KEYS | set(DOC_KEYS)
    for key in sorted((p.old.keys() | p.new.keys()) - handled):
        old, new = without_where(p.old.get(key)), without_where(p.new.get(key))
        if old != new:
            yield p.finding("schema-keyword-changed", "warning",
                            f"{p.label} keyword `{key}` changed from {short(old)} to "
                            f"{short(new)}", subject=key)


def _docs(p: Place) -> Iterator[Finding]:
    for keys, what in ((("description", "x-docs2spec-descriptions", "title"), "description"),
                       (("examples", "example"), "example"),
                       (("x-docs2spec-format-hints", "x-docs2spec-inferred"), "format notes")):
        if any(without_where(p.old.get(k)) != without_where(p.new.get(k)) for k in keys):
            detail = f": {text_change(p.old.get(keys[0]), p.new.get(keys[0]))}" \
                if what == "description" and p.old.get(keys[0]) != p.new.get(keys[0]) else ""
            yield p.finding(f"{what.replace(' ', '-')}-changed", "info",
                            f"{p.label} {what} changed{detail}", kind="doc", subject=what)
    old_doc, new_doc = p.old.get("x-docs2spec-doc-type"), p.new.get("x-docs2spec-doc-type")
    if old_doc != new_doc and types_of(p.old) == types_of(p.new) and \
            p.old.get("format") == p.new.get("format"):
        yield p.finding("documented-type-changed", "info", f"{p.label} type as the page spells "
                        f"it changed from {old_doc!r} to {new_doc!r} (same JSON type)",
                        kind="doc")


def _properties(docs: Docs, p: Place, stack: tuple) -> Iterator[Finding]:
    old_props = p.old.get("properties") if isinstance(p.old.get("properties"), dict) else {}
    new_props = p.new.get("properties") if isinstance(p.new.get("properties"), dict) else {}
    old_req = set(p.old.get("required") or ()) if isinstance(p.old.get("required"), list) \
        else set()
    new_req = set(p.new.get("required") or ()) if isinstance(p.new.get("required"), list) \
        else set()
    request = p.direction == "request"
    field = "property" if request else "field"
    for name in old_props.keys() - new_props.keys():
        child = _child(p, name, old_props[name], None)
        yield child.finding("property-removed", "warning" if request else "error",
                            f"{p.direction} {field} {name!r} removed", new=False, subject=name)
    for name in new_props.keys() - old_props.keys():
        child = _child(p, name, None, new_props[name])
        required = name in new_req
        level: Level = "error" if request and required else "info"
        yield child.finding("required-property-added" if required else "property-added", level,
                            f"new {'required ' if required else ''}{p.direction} {field} "
                            f"{name!r}", old=False, subject=name)
    for name in sorted(old_props.keys() & new_props.keys()):
        child = _child(p, name, old_props[name], new_props[name])
        was, now = name in old_req, name in new_req
        if was != now:
            if now:
                level = "error" if request else "info"
                yield child.finding("property-became-required", level,
                                    f"{p.direction} {field} {name!r} became required")
            else:
                level = "info" if request else "warning"
                yield child.finding("property-became-optional", level,
                                    f"{p.direction} {field} {name!r} became optional")
        yield from compare(docs, old_props[name], new_props[name], child.pointer, p.direction,
                           f"{p.direction} {field} {name!r}", child.old_source,
                           child.new_source, True, stack)


def _child(p: Place, name: str, old: Any, new: Any) -> Place:
    old_src = _source(old, p.old_source) if isinstance(old, dict) else None
    new_src = _source(new, p.new_source) if isinstance(new, dict) else None
    return Place(old if isinstance(old, dict) else {}, new if isinstance(new, dict) else {},
                 f"{p.pointer}/{escape(name)}", old_src, new_src, p.direction, p.label)


FAMILIES: tuple[Callable[[Place], Iterator[Finding]], ...] = (_type, _enum, _bounds, _pattern,
                                                              _default, _other, _docs)
"""The keyword families, in the order findings are listed."""
