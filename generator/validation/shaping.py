"""A request as it travels (URL query, path, headers, body) -> the grouped instance the request
contract describes: `{"query": {...}, "path": {...}, "header": {...}, "body": ...}`.

On the wire every query value is text; the contract says what it stands for, so `MaxResults=50`
becomes the integer 50 and `limit=abc` stays the string "abc" for the validator to reject.
Alibaba lists travel flattened (`IpsecServerId.1`, `Tag.1.Key`) and are folded back into
arrays; an index beyond the documented length is reported here, because folding loses it.
A JSON document inside a string parameter (`IkeConfig={"IkeVersion":"ikev2"}`) stays a string
in the instance and is handed back for a separate check against its `contentSchema`.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from .bodies import escape
from .findings import Finding, make
from .schemanav import SOURCE, items, prop, resolve, types

SECTIONS = ("path", "query", "header")
ENCODING = "x-docs2spec-encoding"

DEFAULT_LIST_LENGTH = 20
"""Items of a flattened list whose docs state no maximum (the OpenAPI emitter spells out the
same number of indexed parameters; a test keeps the two equal without importing the emitter
here, which would load the IR)."""
_INT = re.compile(r"^[+-]?[0-9]+$")
_NUMBER = re.compile(r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")


@dataclass(slots=True)
class Content:
    """A JSON document carried in a string parameter, to check against its contentSchema."""

    pointer: str
    name: str
    value: Any
    node: dict[str, Any]


@dataclass(slots=True)
class Shaped:
    instance: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    contents: list[Content] = field(default_factory=list)
    wire: dict[str, str] = field(default_factory=dict)
    """Instance pointer -> the name on the wire (`/query/Tag/0/Key` -> `Tag.1.Key`)."""


@dataclass(slots=True)
class _Tree:
    values: list[Any] = field(default_factory=list)
    children: dict[str, _Tree] = field(default_factory=dict)


def coerce(value: Any, node: dict[str, Any] | None) -> Any:
    """A wire string as the type its schema names; text that is not one stays text."""
    if not isinstance(value, str) or not node:
        return value
    kinds = types(node)
    if not kinds or "string" in kinds:
        return value
    text = value.strip()
    for kind in kinds:
        if kind == "integer" and _INT.match(text) and len(text) < 4000:
            return int(text)
        if kind == "number" and _NUMBER.match(text) and len(text) < 4000:
            number = float(text)
            if not math.isinf(number):
                return int(text) if _INT.match(text) else number
        if kind == "boolean" and text.lower() in ("true", "false"):
            return text.lower() == "true"
        if kind == "null" and text in ("", "null"):
            return None
    return value


def _is_json_string(node: dict[str, Any]) -> bool:
    return node.get(ENCODING) == "json-string" or (
        node.get("contentMediaType") == "application/json" and "string" in types(node))


class _Shaper:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.root = schema
        self.out = Shaped({})

    def value(self, values: list[Any], node: dict[str, Any] | None, pointer: str,
              name: str) -> Any:
        """The instance value of a parameter sent `len(values)` times."""
        if node is None:
            return values[0] if len(values) == 1 else list(values)
        if _is_json_string(node):
            first = values[0] if len(values) == 1 else list(values)
            if isinstance(first, (dict, list)) and len(values) == 1:
                text = json.dumps(first, ensure_ascii=False)
                self.out.contents.append(Content(pointer, name, first, node))
                return text
            if isinstance(first, str):
                self.out.contents.append(Content(pointer, name, first, node))
            return first
        kinds = types(node)
        if "array" in kinds and node.get(ENCODING) != "flat-list":
            item = items(node, self.root)
            if len(values) == 1 and isinstance(values[0], (list, tuple)):
                return [coerce(v, item) for v in values[0]]
            return [coerce(v, item) for v in values]
        if len(values) > 1:
            return [coerce(v, node) for v in values]
        return coerce(values[0], node)

    def materialize(self, tree: _Tree, node: dict[str, Any] | None, pointer: str,
                    wire: str) -> Any:
        self.out.wire[pointer] = wire
        if not tree.children:
            return self.value(tree.values, node, pointer, wire)
        kinds = types(node) if node else ()
        if "array" in kinds:
            return self._array(tree, node or {}, pointer, wire)
        obj: dict[str, Any] = {}
        for key, child in tree.children.items():
            sub = prop(node, key, self.root) if node else None
            obj[key] = self.materialize(child, sub, f"{pointer}/{escape(key)}", f"{wire}.{key}")
        return obj

    def _array(self, tree: _Tree, node: dict[str, Any], pointer: str, wire: str) -> list[Any]:
        limit = node.get("maxItems")
        if not isinstance(limit, int):
            limit = DEFAULT_LIST_LENGTH
        source = node.get(SOURCE, "")
        entries: list[tuple[int, _Tree]] = []
        for key, child in tree.children.items():
            if not key.isdigit() or int(key) < 1:
                self.out.findings.append(make(
                    pointer, "items", f"{wire}.{key}: the list index N must be a number from 1 "
                    f"to {limit}", source, "flat-list"))
                continue
            if int(key) > limit:
                self.out.findings.append(make(
                    pointer, "items", f"{wire}.{int(key)} is beyond the documented list: N may "
                    f"be 1 to {limit} ({wire}.1 ... {wire}.{limit})", source, "maxItems"))
                continue
            entries.append((int(key), child))
        entries.sort(key=lambda e: e[0])
        item = items(node, self.root)
        out = []
        for position, (index, child) in enumerate(entries):
            out.append(self.materialize(child, item, f"{pointer}/{position}", f"{wire}.{index}"))
        return out

    def section(self, name: str, pairs: list[tuple[str, Any]], *, common: frozenset[str],
                version: str, case_insensitive: bool = False) -> dict[str, Any]:
        node = resolve(self.root.get("properties", {}).get(name, {}), self.root)
        props = node.get("properties") if isinstance(node.get("properties"), dict) else {}
        lookup = {k.lower(): k for k in props} if case_insensitive else None
        repeated: dict[str, list[Any]] = {}
        flat: dict[str, _Tree] = {}
        for raw_name, value in pairs:
            key = lookup.get(raw_name.lower(), raw_name) if lookup is not None else raw_name
            if key in props:
                repeated.setdefault(key, []).append(value)
                continue
            base, dot, rest = key.partition(".")
            if dot and rest and base in props and "array" in types(resolve(props[base],
                                                                           self.root)):
                tree = flat.setdefault(base, _Tree())
                for part in rest.split("."):
                    tree = tree.children.setdefault(part, _Tree())
                tree.values.append(value)
                continue
            if key in common:
                if key == "Version" and version and value != version:
                    self.out.findings.append(make(
                        f"/{name}/Version", "version", f"Version {json.dumps(value)} is not "
                        f"the documented API version {json.dumps(version)}", "", "enum"))
                continue
            if case_insensitive:
                continue  # HTTP carries many headers the API docs rightly leave out
            repeated.setdefault(key, []).append(value)
        out: dict[str, Any] = {}
        for key, values in repeated.items():
            pointer = f"/{name}/{escape(key)}"
            self.out.wire[pointer] = key
            sub = resolve(props[key], self.root) if key in props else None
            out[key] = self.value(values, sub, pointer, key)
        for base, tree in flat.items():
            pointer = f"/{name}/{escape(base)}"
            out[base] = self.materialize(tree, resolve(props[base], self.root), pointer, base)
        return out


_PLAIN_SKIP = object()
"""`PlainShaper`: a common parameter, not part of the instance."""
_PLAIN_TEXT = object()
"""`PlainShaper`: a parameter whose text is its value (`coerce` leaves it as it is)."""


class PlainShaper:
    """`shape_request` for the common request only, with what it learns per parameter name
    cached: every parameter sent once, each a documented scalar (or a common parameter), no
    header or body. `instance(...)` returns the same grouped instance `shape_request` builds, or
    None whenever shaping would do anything more (a flattened or array parameter, JSON inside
    a string, a name sent twice, an undocumented parameter, a `Version` that is not the
    documented one): those carry findings or need the full shaper, so the caller uses it.
    `tests/test_validate_lane.py` keeps the two in agreement."""

    __slots__ = ("root", "version", "common", "documented", "_nodes")

    def __init__(self, schema: dict[str, Any], *, version: str,
                 common: frozenset[str] = frozenset()) -> None:
        self.root = schema
        self.version = version
        self.common = common
        props = schema.get("properties")
        self.documented = props if isinstance(props, dict) else {}
        self._nodes: dict[tuple[str, str], Any] = {}

    def _node(self, section: str, name: str) -> Any:
        """What `_Shaper.section` does with `name`: its schema node (a documented scalar),
        `_PLAIN_TEXT` (a documented scalar `coerce` leaves as text), `_PLAIN_SKIP` (a common
        parameter), or None (anything else)."""
        key = (section, name)
        try:
            return self._nodes[key]
        except KeyError:
            pass
        node = resolve(self.documented.get(section, {}), self.root)
        props = node.get("properties") if isinstance(node.get("properties"), dict) else {}
        found: Any = None
        if name in props:
            sub = resolve(props[name], self.root)
            kinds = types(sub)
            if not _is_json_string(sub) and "array" not in kinds:
                found = _PLAIN_TEXT if not sub or not kinds or "string" in kinds else sub
        else:
            base, dot, rest = name.partition(".")
            flat = dot and rest and base in props and "array" in types(resolve(props[base],
                                                                               self.root))
            if not flat and name in self.common:
                found = _PLAIN_SKIP
        if len(self._nodes) < 4096:
            self._nodes[key] = found
        return found

    def _section(self, section: str, pairs: list[tuple[str, Any]]) -> dict[str, Any] | None:
        out: dict[str, Any] = {}
        for name, value in pairs:
            node = self._node(section, name)
            if node is None or name in out:
                return None
            if node is _PLAIN_TEXT:
                out[name] = value
            elif node is _PLAIN_SKIP:
                if name == "Version" and self.version and value != self.version:
                    return None
            else:
                out[name] = coerce(value, node)
        return out

    def instance(self, query: list[tuple[str, Any]], path: dict[str, Any]
                 ) -> dict[str, Any] | None:
        instance: dict[str, Any] = {}
        for name, pairs in (("query", query), ("path", list(path.items())), ("header", [])):
            if name in self.documented:
                shaped = self._section(name, pairs)
                if shaped is None:
                    return None
                instance[name] = shaped
            elif name == "query" and any(key not in self.common for key, _ in pairs):
                return None  # undocumented query parameters: findings
        return instance


def shape_request(schema: dict[str, Any], *, style: str, version: str,
                  common: frozenset[str] = frozenset(),
                  query: list[tuple[str, Any]], path: dict[str, Any] | None = None,
                  headers: list[tuple[str, Any]] | None = None, body: Any = None,
                  has_body: bool = False) -> Shaped:
    """The grouped instance for a request, plus what shaping alone found wrong."""
    shaper = _Shaper(schema)
    documented = schema.get("properties", {}) if isinstance(schema.get("properties"), dict) \
        else {}
    rpc = style == "rpc"
    instance: dict[str, Any] = {}
    for name, pairs in (("query", query), ("path", list((path or {}).items())),
                        ("header", headers or [])):
        if name in documented:
            instance[name] = shaper.section(name, pairs, common=common, version=version,
                                            case_insensitive=name == "header")
        elif name == "query":
            # No query parameters documented at all: each one sent is undocumented.
            for key in dict(pairs):
                if key not in common:
                    shaper.out.findings.append(make(
                        f"/query/{escape(key)}", "undocumented-field",
                        f"query parameter {key} is not documented", "", "additionalProperties"))
    if has_body:
        if "body" in documented:
            instance["body"] = body
        elif not rpc:
            shaper.out.findings.append(make(
                "/body", "undocumented-field", "the request has a body; the docs describe none",
                "", "additionalProperties"))
    shaper.out.instance = instance
    return shaper.out
