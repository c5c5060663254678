"""IR schemas -> JSON Schema 2020-12: the per-operation contract files (`schemas/`) that
`docs2spec validate` checks against, and the schema objects the OpenAPI emitter embeds.

Wire names stay property names; what JSON Schema has no keyword for travels in `x-docs2spec-*`
annotations that validators ignore: where the rule came from (page:line), formats the docs'
samples break, schemas inferred from samples, every language's description.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from jsonschema import Draft202012Validator

from .. import ecma
from ..ir.conventions import ErrorEnvelope
from ..ir.model import Operation, Parameter, Product, Schema

DIALECT = "https://json-schema.org/draft/2020-12/schema"
X = "x-docs2spec-"


def _description(schema: Schema, out: dict[str, Any]) -> None:
    if not schema.description:
        return
    out["description"] = schema.description[0][1]
    if len(schema.description) > 1:
        out[X + "descriptions"] = dict(schema.description)


def schema_to_json(schema: Schema, ref_prefix: str | None = "#/$defs/",
                   named: frozenset[str] = frozenset(), top: bool = False) -> dict[str, Any]:
    """One schema; `ref` names in `named` become `$ref`s under `ref_prefix`."""
    out: dict[str, Any] = {}
    if schema.ref and schema.ref in named and ref_prefix and not top:
        out["$ref"] = ref_prefix + schema.ref
        _description(schema, out)
        return out
    if schema.kind != "any":
        kinds = [schema.kind, *(k for k in schema.also_kinds if k != schema.kind)]
        out["type"] = kinds[0] if len(kinds) == 1 else kinds
    _description(schema, out)
    if schema.format:
        out["format"] = schema.format
    if schema.enum:
        # A field that may be null (the docs' sample sends null) takes null beside its values.
        out["enum"] = list(schema.enum) + ([None] if "null" in schema.also_kinds
                                           and None not in schema.enum else [])
    for key, value in (("minimum", schema.minimum), ("maximum", schema.maximum),
                       ("minLength", schema.min_length), ("maxLength", schema.max_length),
                       ("minItems", schema.min_items), ("maxItems", schema.max_items)):
        if value is not None:
            out[key] = value
    if schema.forbidden_prefixes:
        alternatives = "|".join(ecma.escape(p) for p in schema.forbidden_prefixes)
        out["not"] = {"pattern": f"^(?:{alternatives})"}
    if schema.has_default:
        # A default the field's own type, values, bounds or format rule out (`default: all`
        # beside `enum: [ingress, egress]`, `off` for a field read as a list) is the docs
        # contradicting themselves: kept as read, not asserted, so tools that check defaults
        # against their schema accept the document.
        out["default" if _default_fits(schema, out) else X + "default"] = schema.default
    if schema.properties:
        out["properties"] = {name: schema_to_json(sub, ref_prefix, named)
                             for name, sub in schema.properties}
    if schema.required:
        out["required"] = list(schema.required)
    if schema.items is None and "array" in (schema.kind, *schema.also_kinds):
        out["items"] = {}  # items of any kind, said explicitly (OpenAPI linters require it)
    if schema.additional_properties is not None:
        out["additionalProperties"] = schema_to_json(schema.additional_properties, ref_prefix,
                                                     named)
    if schema.one_of:
        out["anyOf" if schema.overlapping else "oneOf"] = [
            schema_to_json(branch, ref_prefix, named) for branch in schema.one_of]
    if schema.items is not None:
        out["items"] = schema_to_json(schema.items, ref_prefix, named)
        if "object" in schema.also_kinds and schema.kind == "array":
            # A one-item list the docs show as a bare object: the object must still be an item.
            # Its members are written out here, not as a `$ref` to the item's type: a `$ref`
            # applies to every instance, and the type's own `"type": "object"` would reject
            # the list itself.
            item = out["items"]
            if "$ref" in item and schema.items.properties:
                item = schema_to_json(replace(schema.items, ref=""), ref_prefix, named)
            for key in ("properties", "required"):
                if key in item:
                    out[key] = item[key]
    if schema.content_media_type:
        out["contentMediaType"] = schema.content_media_type
        if schema.content_schema is not None:
            out["contentSchema"] = schema_to_json(schema.content_schema, ref_prefix, named)
    if schema.examples:
        out["examples"] = list(schema.examples)
    if schema.format_hints:
        out[X + "format-hints"] = list(schema.format_hints)
    if schema.inferred:
        out[X + "inferred"] = True
    if schema.type_text:
        out[X + "doc-type"] = schema.type_text
    if schema.loc is not None:
        out[X + "source"] = str(schema.loc)
    if schema.also_locs:
        out[X + "also-documented"] = [str(loc) for loc in schema.also_locs]
    if schema.see:
        out[X + "see"] = list(schema.see)
    return out


def _default_fits(schema: Schema, scalar_keywords: dict[str, Any]) -> bool:
    """Whether the default passes the keywords written so far (type, enum, bounds, lengths,
    format, forbidden prefixes: what this node asserts of the value itself)."""
    if schema.enum and schema.default not in schema.enum:
        return False
    if schema.format and isinstance(schema.default, str) and \
            not Draft202012Validator.FORMAT_CHECKER.conforms(schema.default, schema.format):
        return False
    checked = {k: v for k, v in scalar_keywords.items() if k in _VALUE_KEYWORDS}
    return not checked or Draft202012Validator(checked).is_valid(schema.default)


_VALUE_KEYWORDS = frozenset({"type", "minimum", "maximum", "minLength", "maxLength", "minItems",
                             "maxItems", "not"})
"""Keywords of a node that judge a value by itself, without references or subschemas of
properties and items (those are written after the default)."""


def _document(title: str, body: dict[str, Any], product: Product,
              named: frozenset[str]) -> dict[str, Any]:
    doc = {"$schema": DIALECT, "title": title, **body}
    used = sorted(_refs(body) & named)
    if used:
        types = dict(product.types)
        doc["$defs"] = {name: schema_to_json(types[name], "#/$defs/", named, top=True)
                        for name in _closure(used, types, named)}
    return doc


def _closure(names: list[str], types: dict[str, Schema], named: frozenset[str]) -> list[str]:
    """The named types `names` use, directly or through each other."""
    found: list[str] = []
    pending = list(names)
    while pending:
        name = pending.pop()
        if name in found or name not in types:
            continue
        found.append(name)
        pending.extend(sorted(_refs(schema_to_json(types[name], "#/$defs/", named, top=True))))
    return sorted(found)


def _refs(node: Any) -> set[str]:
    """Names of the `#/$defs/` types a JSON Schema refers to (`$ref` values only: a
    description that mentions a type name is text, not a reference)."""
    found: set[str] = set()
    pending = [node]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                found.add(ref[len("#/$defs/"):])
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return found


def parameter_to_json(param: Parameter, named: frozenset[str],
                      ref_prefix: str = "#/$defs/") -> dict[str, Any]:
    out = schema_to_json(param.schema, ref_prefix, named)
    out[X + "in"] = param.location
    if param.encoding != "plain":
        out[X + "encoding"] = param.encoding
    return out


def request_schema(operation: Operation, product: Product) -> dict[str, Any]:
    """Parameters grouped by where they travel: {"query": {...}, "path": ..., "body": ...}."""
    named = frozenset(name for name, _ in product.types)
    sections: dict[str, dict[str, Any]] = {}
    for param in operation.parameters:
        section = sections.setdefault(param.location, {"type": "object", "properties": {},
                                                       "required": []})
        section["properties"][param.name] = parameter_to_json(param, named)
        if param.required:
            section["required"].append(param.name)
    for section in sections.values():
        if not section["required"]:
            del section["required"]
    properties: dict[str, Any] = dict(sorted(sections.items()))
    required = [name for name, section in properties.items() if section.get("required")]
    if operation.request_body is not None:
        properties["body"] = schema_to_json(operation.request_body, "#/$defs/", named)
        if operation.request_body.required:
            required.append("body")
    body: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        body["required"] = required
    return _document(f"{operation.id} request", body, product, named)


def response_schema(operation: Operation, product: Product,
                    status: int | None = None) -> dict[str, Any]:
    """The success body (or the body of the documented `status`)."""
    named = frozenset(name for name, _ in product.types)
    response = operation.success() if status is None else next(
        (r for r in operation.responses if r.status == status), None)
    schema = schema_to_json(response.schema, "#/$defs/", named) if response else {}
    return _document(f"{operation.id} response", schema, product, named)


def body_document(operation: Operation, product: Product) -> dict[str, Any]:
    """The request body alone, as a document (what a request sample's JSON must satisfy)."""
    named = frozenset(name for name, _ in product.types)
    body = operation.request_body
    schema = schema_to_json(body, "#/$defs/", named) if body is not None else {}
    return _document(f"{operation.id} request body", schema, product, named)


def envelope_of(operation: Operation) -> ErrorEnvelope:
    """The error envelope the operation answers with: its documentation style's (an Alibaba ROA
    operation answers errors as Alibaba RPC ones do, whatever its wire style)."""
    return operation.conventions.error_envelope


def envelope_schema(envelope: ErrorEnvelope) -> dict[str, Any]:
    """The error envelope as JSON Schema, stated once for the error schemas and the OpenAPI
    component: every field a string, the code required (it is what tells errors apart)."""
    return {"type": "object",
            "properties": {name: {"type": "string", "description": text}
                           for name, text in envelope.fields},
            "required": [envelope.code_field]}


def error_schema(operation: Operation, product: Product) -> dict[str, Any]:
    """The provider's error envelope; the documented codes are listed, not enforced, because
    any operation can also return the provider's common errors."""
    envelope = envelope_of(operation)
    body = envelope_schema(envelope)
    codes = sorted({e.code for e in operation.errors})
    if codes:
        body["properties"][envelope.code_field]["examples"] = codes
    body[X + "errors"] = [{"status": e.status, "code": e.code, "message": e.message,
                           "description": e.description[0][1] if e.description else "",
                           "source": str(e.loc) if e.loc else "",
                           **({"also-documented": [str(x) for x in e.also_locs]}
                              if e.also_locs else {})} for e in operation.errors]
    return _document(f"{operation.id} error", body, product, frozenset())
