"""Schemas from sample values, typed as a careful human would.

Used where a page has no table (its response contract exists only as a sample) and for sample
fields a table forgot. Integers beyond 32 bits (millisecond epochs) are int64; `"true"` strings
stay strings because that is what is on the wire; nothing is required, since one sample cannot
tell what is optional.
"""

from __future__ import annotations

import re
from typing import Any

from .model import Schema

INT32_MAX = 2**31 - 1
_ID_KEY = re.compile(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|(?=[a-f]*\d)[0-9a-f]{16,}|\d+"
                     r"|[a-z][a-z0-9]{0,9}-(?=[a-z]*\d)[a-z0-9]{6,40}"
                     r"|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]{5,15}Z?)?", re.IGNORECASE)
"""A key that is an identifier, not a field name: a UUID, a long hex ID, a number, a resource
ID with a digit in it (`i-bp1abc234`, `sg-2ze0j8...`), a date or time."""


def id_keyed(values: list[Any]) -> bool:
    """Sample objects keyed by identifiers (`{"3f2a...": {...}, "9b1c...": {...}}`): a
    dictionary whose keys are data, never fixed fields."""
    objects = [v for v in values if v is not None]
    return bool(objects) and all(isinstance(v, dict) for v in objects) and \
        any(objects) and all(_ID_KEY.fullmatch(k) for v in objects for k in v)


def dictionary_schema(values: list[Any]) -> Schema:
    """A dictionary keyed by IDs: one schema for all of its values."""
    inner = [sub for v in values if isinstance(v, dict) for sub in v.values()]
    return Schema(kind="object", inferred=True, additional_properties=infer_schema(inner))


def sample_kind(value: Any) -> str:
    """The JSON type a doc sample's value shows. `1.0` is a number here, though JSON Schema
    would accept it as an integer: a page that writes `1.0` documents a fractional field,
    and the type inferred from it must accept `1.5` (the validator's messages say what JSON
    Schema says)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "any"


def placeholder(kind: str, value: Any) -> bool:
    """A sample value that stands for "some value" rather than showing the API's type: `0`
    (or `0.0`) where the table documents a string. (`null` is not one: an API sends null for
    an unset field, and the schema accepts null beside the table's type.)"""
    return kind == "string" and not isinstance(value, bool) and \
        isinstance(value, (int, float)) and value == 0


def infer_schema(values: list[Any]) -> Schema:
    """One schema that every value satisfies (mixed integer/number widen to number)."""
    present = [v for v in values if v is not None]
    kinds = {sample_kind(v) for v in present}
    if kinds == {"integer", "number"}:
        kinds = {"number"}
    if len(kinds) != 1:
        return Schema(kind="any", inferred=True)
    kind = kinds.pop()
    if kind == "object":
        if id_keyed(present):
            return dictionary_schema(present)
        props: dict[str, list[Any]] = {}
        for value in present:
            for key, sub in value.items():
                props.setdefault(key, []).append(sub)
        return Schema(kind="object", inferred=True,
                      properties=tuple((k, infer_schema(v)) for k, v in props.items()))
    if kind == "array":
        items = [item for value in present for item in value]
        return Schema(kind="array", inferred=True,
                      items=infer_schema(items) if items else None)
    examples = tuple(dict.fromkeys(v for v in present if not isinstance(v, (dict, list))))[:1]
    fmt = ""
    if kind == "integer" and any(abs(v) > INT32_MAX for v in present):
        fmt = "int64"
    return Schema(kind=kind, format=fmt, inferred=True, examples=examples)  # type: ignore[arg-type]


def with_loc(schema: Schema, loc) -> Schema:
    """Every node of an inferred schema points at the sample it was read from."""
    from dataclasses import replace

    return replace(schema, loc=schema.loc or loc,
                   properties=tuple((k, with_loc(v, loc)) for k, v in schema.properties),
                   items=with_loc(schema.items, loc) if schema.items is not None else None,
                   additional_properties=with_loc(schema.additional_properties, loc)
                   if schema.additional_properties is not None else None)
