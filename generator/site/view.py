"""An OpenAPI document (as docs2spec writes it) -> what the site shows, per operation.

Everything here reads the document's standard keywords and its `x-docs2spec-*` annotations
(provenance, other languages, inferred shapes, unasserted format hints, error tables), so the
site shows what the contract says and nothing the contract does not.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

X = "x-docs2spec-"
REF = "#/components/schemas/"
MAX_DEPTH = 12
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(slots=True)
class Texts:
    """A text in each language the pages had: [(language, text)], first one shown by default."""

    items: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def of(cls, node: dict[str, Any]) -> Texts:
        many = node.get(X + "descriptions")
        if isinstance(many, dict) and many:
            return cls([(str(k), str(v)) for k, v in many.items()])
        text = node.get("description")
        return cls([("", str(text))] if text else [])

    @property
    def first(self) -> str:
        return self.items[0][1] if self.items else ""


@dataclass(slots=True)
class Node:
    """One field of a schema tree."""

    name: str
    type: str
    required: bool = False
    texts: Texts = field(default_factory=Texts)
    facts: list[str] = field(default_factory=list)
    """Constraints, default and values, as short labels."""
    source: str = ""
    also: list[str] = field(default_factory=list)
    inferred: bool = False
    hints: list[str] = field(default_factory=list)
    """Format hints the docs state but their samples break: shown, not asserted."""
    children: list[Node] = field(default_factory=list)
    path: str = ""


@dataclass(slots=True)
class Param:
    name: str
    location: str
    type: str
    required: bool
    facts: list[str]
    texts: Texts
    source: str
    inferred: bool = False
    hints: list[str] = field(default_factory=list)
    tree: Node | None = None
    """Members of an object parameter or a JSON document carried in a string."""
    also: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Sample:
    title: str
    media: str
    text: str
    status: str = ""
    off_schema: str = ""


@dataclass(slots=True)
class ErrorRow:
    code: str
    message: str
    description: str
    source: str


@dataclass(slots=True)
class OperationView:
    id: str
    summary: str
    texts: Texts
    group: str
    methods: list[str]
    wire: str
    style: str
    params: list[Param]
    request: Node | None
    responses: list[tuple[str, Node]]
    errors: list[tuple[str, str, list[ErrorRow]]]
    """(status, description, codes)"""
    samples: list[Sample]
    pages: list[str]
    changes: list[dict[str, str]]
    security: list[str]


def label(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


class Reader:
    """Reads one product's document; resolves `$ref`s into its components."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.schemas = document.get("components", {}).get("schemas", {})

    def resolve(self, node: Any) -> tuple[dict[str, Any], str]:
        """(the schema a node stands for, the component name it refers to, or "")."""
        if not isinstance(node, dict):
            return {}, ""
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF) and "type" not in node:
            name = ref[len(REF):]
            target = self.schemas.get(name, {})
            merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
            return merged, name
        return node, ""

    def type_label(self, node: dict[str, Any]) -> str:
        schema, name = self.resolve(node)
        kind = schema.get("type")
        kinds = kind if isinstance(kind, list) else [kind] if kind else []
        parts = []
        for k in kinds or (["object"] if "properties" in schema else ["any"]):
            if k == "array":
                item = schema.get("items")
                parts.append(f"array of {self.type_label(item)}" if item else "array")
            else:
                parts.append(str(k))
        text = " | ".join(parts)
        if name and "array" not in kinds:
            text = f"{name} ({text})" if text != "object" else name
        if schema.get("format"):
            text += f" ({schema['format']})"
        if schema.get("contentMediaType"):
            text += f", carrying {schema['contentMediaType']}"
        return text

    def facts(self, node: dict[str, Any]) -> list[str]:
        schema, _ = self.resolve(node)
        out = []
        for key, text in (("minimum", "≥ {}"), ("maximum", "≤ {}"), ("minLength", "length ≥ {}"),
                          ("maxLength", "length ≤ {}"), ("minItems", "items ≥ {}"),
                          ("maxItems", "items ≤ {}"), ("pattern", "pattern {}")):
            if key in schema:
                out.append(text.format(label(schema[key])))
        negated = schema.get("not")
        if isinstance(negated, dict) and "pattern" in negated:
            out.append(f"not matching {negated['pattern']}")
        if "enum" in schema:
            out.append("one of: " + ", ".join(label(v) for v in schema["enum"]))
        if "default" in schema:
            out.append(f"default {label(schema['default'])}")
        if X + "default" in schema:
            out.append(f"docs' default {label(schema[X + 'default'])} (outside the field's own "
                       "values: not asserted)")
        if "examples" in schema:
            out.append("e.g. " + ", ".join(label(v) for v in schema["examples"][:3]))
        return out

    def tree(self, name: str, node: Any, required: bool = False, depth: int = 0,
             seen: tuple[str, ...] = (), path: str = "") -> Node:
        schema, ref = self.resolve(node)
        item = Node(name=name, type=self.type_label(node), required=required,
                    texts=Texts.of(schema), facts=self.facts(node),
                    source=str(schema.get(X + "source", "")),
                    also=[str(s) for s in schema.get(X + "also-documented", [])],
                    inferred=bool(schema.get(X + "inferred")),
                    hints=[str(h) for h in schema.get(X + "format-hints", [])], path=path)
        if depth >= MAX_DEPTH or (ref and ref in seen):
            return item
        seen = (*seen, ref) if ref else seen
        holder = schema
        if "properties" not in schema and isinstance(schema.get("items"), dict):
            holder, _ = self.resolve(schema["items"])
            # a list's members are shown under it, as `Name[]`
            path = f"{path}[]"
        if "properties" not in holder and isinstance(schema.get("contentSchema"), dict):
            holder, _ = self.resolve(schema["contentSchema"])
        wanted = set(holder.get("required", []))
        for key, sub in (holder.get("properties") or {}).items():
            item.children.append(self.tree(key, sub, key in wanted, depth + 1, seen,
                                           f"{path}.{key}" if path else key))
        if not item.children and isinstance(holder.get("items"), dict) and holder is not schema:
            inner, _ = self.resolve(holder["items"])
            for key, sub in (inner.get("properties") or {}).items():
                item.children.append(self.tree(key, sub, key in set(inner.get("required", [])),
                                               depth + 1, seen, f"{path}[].{key}"))
        return item


_INDEX = re.compile(r"\.\d+(?=\.|$)")


def _params(reader: Reader, raw: list[dict[str, Any]]) -> list[Param]:
    """Parameter rows; a flattened list spelled out as `Tag.1.Key` ... `Tag.20.Key` is one row
    `Tag.N.Key`, as the docs write it."""
    out: list[Param] = []
    seen: set[tuple[str, str]] = set()
    for param in raw:
        name = str(param.get("name", ""))
        wire = param.get(X + "wire") or {}
        facts: list[str] = []
        if wire.get("encoding") == "flat-list":
            name = _INDEX.sub(".N", name)
            if wire.get("maxItems") is not None:
                facts.append(f"N ≤ {wire['maxItems']}")
        elif wire.get("encoding") == "json-string":
            facts.append("a JSON document in a string")
        key = (name, str(param.get("in", "")))
        if key in seen:
            continue
        seen.add(key)
        schema, _ = reader.resolve(param.get("schema", {}))
        tree = None
        if schema.get("properties") or schema.get("contentSchema"):
            tree = reader.tree(name, param.get("schema", {}), path=name)
        texts = Texts.of(schema) if schema.get(X + "descriptions") else Texts(
            [("", str(param["description"]))] if param.get("description") else [])
        out.append(Param(name=name, location=key[1], type=reader.type_label(schema),
                         required=bool(param.get("required")),
                         facts=facts + reader.facts(schema), texts=texts,
                         source=str(param.get(X + "source", schema.get(X + "source", ""))),
                         inferred=bool(schema.get(X + "inferred")),
                         hints=[str(h) for h in schema.get(X + "format-hints", [])], tree=tree))
    return out


def _sample_text(value: Any, media: str) -> str:
    if isinstance(value, str) and not media.endswith("json"):
        return value
    return json.dumps(value, indent=2, ensure_ascii=False)


def _samples(operation: dict[str, Any]) -> list[Sample]:
    out: list[Sample] = []
    body = operation.get("requestBody", {}).get("content", {})
    places = [("request", media, content) for media, content in body.items()]
    places += [(status, media, content) for status, response in operation["responses"].items()
               for media, content in response.get("content", {}).items()]
    for status, media, content in places:
        for name, example in (content.get("examples") or {}).items():
            out.append(Sample(str(example.get("summary", name)), media,
                              _sample_text(example.get("value"), media), status))
        for name, example in (content.get(X + "examples") or {}).items():
            out.append(Sample(str(example.get("summary", name)), media,
                              _sample_text(example.get("value"), media), status,
                              str(example.get("off-schema", ""))))
    for sample in operation.get(X + "request-samples", []):
        out.append(Sample(f"Request ({sample.get('source', '')})", "text",
                          str(sample.get("text", "")), "request"))
    return out


def _errors(operation: dict[str, Any]) -> list[tuple[str, str, list[ErrorRow]]]:
    out = []
    for status, response in operation["responses"].items():
        if status.startswith("2"):
            continue
        rows = [ErrorRow(str(e.get("code", "")), str(e.get("message", "")),
                         str(e.get("description", "")), str(e.get("source", "")))
                for e in response.get(X + "errors", [])]
        out.append((status, str(response.get("description", "")), rows))
    return out


def operations(document: dict[str, Any], fallback_group: str) -> list[OperationView]:
    """Every operation once (an RPC action's POST twin folds into its GET), in path order."""
    reader = Reader(document)
    found: dict[str, OperationView] = {}
    for key, item in document.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            op_id = str(operation.get("operationId", f"{method} {key}"))
            base = op_id.removesuffix(f"_{method.upper()}")
            if base in found:
                found[base].methods.append(method.upper())
                continue
            rpc = key.startswith("/#Action=") or key.startswith("/?Action=")
            raw = list(item.get("parameters", [])) + list(operation.get("parameters", []))
            request = None
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                request = reader.tree("body", content["application/json"].get("schema", {}),
                                      bool(operation.get("requestBody", {}).get("required")),
                                      path="")
            responses = []
            for status, response in operation["responses"].items():
                media = response.get("content", {}).get("application/json")
                if status.startswith("2") and media and "schema" in media:
                    responses.append((status, reader.tree("", media["schema"], path="")))
            found[base] = OperationView(
                id=base, summary=str(operation.get("summary", "")),
                texts=Texts([("", str(operation["description"]))]
                            if operation.get("description") else []),
                group=(operation.get("tags") or [fallback_group])[0],
                methods=[method.upper()], wire="/?Action=" + base if rpc else key,
                style="rpc" if rpc else "rest", params=_params(reader, raw), request=request,
                responses=responses, errors=_errors(operation), samples=_samples(operation),
                pages=[str(p) for p in operation.get(X + "pages", [])],
                changes=list(operation.get(X + "changes", [])),
                security=[name for option in operation.get("security", []) for name in option])
    return list(found.values())


def languages(document: dict[str, Any]) -> list[str]:
    """The languages descriptions come in, in first-seen order."""
    found: dict[str, None] = {}
    pending = [document]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            many = node.get(X + "descriptions")
            if isinstance(many, dict):
                found.update(dict.fromkeys(str(k) for k in many))
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return sorted(found)
