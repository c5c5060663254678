"""Constraints from prose versus the docs' own samples.

Prose says "a UUID", the samples say `228a68f0-demo-a8df-…`; prose says an IP address, the
samples are masked (`47.22.XX.XX`). A contract must accept the vendor's own examples, so a
constraint a sample breaks is dropped (a format becomes a non-asserting hint) and a diagnostic
names the row and the sample.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import jsonschema_rs

from ..location import SourceLoc
from .infer import placeholder
from .model import Diagnostic, Schema
from .sampleindex import unwrap_list


class _FormatChecks:
    """Whether a sample value is of a format, decided by the validator `docs2spec validate`
    runs (jsonschema-rs with formats asserted), so that a format kept here is one the docs' own
    samples pass there too: `2023-02-30T10:00:00Z` is no date-time for either."""

    def __init__(self) -> None:
        self._validators: dict[str, Any] = {}

    def __contains__(self, name: object) -> bool:
        return name in ("uuid", "date-time", "date", "ipv4", "ipv6", "email", "uri")

    def check(self, name: str, value: str) -> bool:
        validator = self._validators.get(name)
        if validator is None:
            validator = self._validators[name] = jsonschema_rs.Draft202012Validator(
                {"type": "string", "format": name}, validate_formats=True)
        return bool(validator.is_valid(value))


FORMAT_CHECKS = _FormatChecks()


def _violations(schema: Schema, value: Any) -> list[tuple[str, str]]:
    """(constraint name, why) for each constraint `value` breaks."""
    found: list[tuple[str, str]] = []
    if value is None or placeholder(schema.kind, value):
        # `null` (an unset field) and `0` where the table says String (a placeholder) show no
        # value of the documented type: they break none of its constraints.
        return found
    if schema.enum and value not in schema.enum:
        found.append(("enum", f"{value!r} is not one of {list(schema.enum)}"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if schema.minimum is not None and value < schema.minimum:
            found.append(("minimum", f"{value} < {schema.minimum}"))
        if schema.maximum is not None and value > schema.maximum:
            found.append(("maximum", f"{value} > {schema.maximum}"))
    if isinstance(value, str):
        if schema.min_length is not None and len(value) < schema.min_length:
            found.append(("min_length", f"{value!r} is shorter than {schema.min_length}"))
        if schema.max_length is not None and len(value) > schema.max_length:
            found.append(("max_length", f"{value!r} is longer than {schema.max_length}"))
        if schema.format in FORMAT_CHECKS and not FORMAT_CHECKS.check(schema.format, value):
            found.append(("format", f"{value!r} is not a valid {schema.format}"))
        if any(value.startswith(p) for p in schema.forbidden_prefixes):
            found.append(("forbidden_prefixes", f"{value!r} starts with a forbidden prefix"))
    if isinstance(value, list):
        if schema.min_items is not None and len(value) < schema.min_items:
            found.append(("min_items", f"{len(value)} items < {schema.min_items}"))
        if schema.max_items is not None and len(value) > schema.max_items:
            found.append(("max_items", f"{len(value)} items > {schema.max_items}"))
    return found


_RESET = {"enum": (), "minimum": None, "maximum": None, "min_length": None, "max_length": None,
          "min_items": None, "max_items": None, "forbidden_prefixes": ()}


def _drop(schema: Schema, name: str) -> Schema:
    if name == "format":
        return replace(schema, format="", format_hints=tuple(dict.fromkeys(
            (*schema.format_hints, schema.format))))
    return replace(schema, **{name: _RESET[name]})


def reconcile_constraints(schema: Schema, values: list[tuple[Any, SourceLoc | None]], where: str,
                          diagnostics: list[Diagnostic], operation: str,
                          responses: bool = False) -> Schema:
    """Drop the constraints that sample values (each with its sample's location) break; with
    `responses`, also the requiredness of a field that a sample object leaves out (a request
    example may leave out what the caller must send; a response sample shows what comes)."""
    own = [(e, schema.loc) for e in schema.examples if not isinstance(e, (dict, list))]
    if schema.has_default and not isinstance(schema.default, (dict, list)):
        own.append((schema.default, schema.loc))  # the docs' default is one of their values
    for value, loc in [*values, *own]:
        for name, why in _violations(schema, value):
            schema = _drop(schema, name)
            what = "the example or default" if loc == schema.loc else "a sample"
            diagnostics.append(Diagnostic(
                "warning", "constraint-dropped",
                f"{where}: the description states a {name.replace('_', ' ')} that {what} breaks "
                f"({why}); the constraint is not asserted", schema.loc,
                (loc,) if loc else (), operation))
    if schema.kind == "object" or schema.properties:
        props = []
        for key, sub in schema.properties:
            sub_values = [(v[key], loc) for v, loc in values if isinstance(v, dict) and key in v]
            props.append((key, reconcile_constraints(sub, sub_values, f"{where}.{key}" if where
                                                     else key, diagnostics, operation, responses)))
        schema = replace(schema, properties=tuple(props))
        if responses and schema.required:
            for value, loc in values:
                left_out = [n for n in schema.required if isinstance(value, dict) and n not in value]
                if not left_out:
                    continue
                schema = replace(schema, required=tuple(n for n in schema.required
                                                        if n not in left_out))
                diagnostics.append(Diagnostic(
                    "warning", "constraint-dropped",
                    f"{where or 'response'}: the table marks {', '.join(left_out)} mandatory, a "
                    "sample leaves it out; not asserted as required", schema.loc,
                    (loc,) if loc else (), operation))
    if schema.items is not None:
        # A one-item list converted from XML shows its item bare (`{"Item": {...}}`, `"x"`):
        # that item's values count as much as those of a real list.
        items = [(i, loc) for v, loc in values if v is not None
                 for i in (unwrap_list(v) if isinstance(unwrap_list(v), list) else [v])]
        schema = replace(schema, items=reconcile_constraints(schema.items, items, f"{where}[]",
                                                             diagnostics, operation, responses))
    if schema.content_schema is not None:
        schema = replace(schema, content_schema=reconcile_constraints(
            schema.content_schema, [], where, diagnostics, operation))
    return schema
