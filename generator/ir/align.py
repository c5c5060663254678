"""Make documented shapes agree with the docs' own samples.

A table is what the writer meant; a sample is what the API sent. Where they disagree on shape
the sample wins, because a contract that rejects the vendor's own example is useless, and the
disagreement is reported: the XML-style wrapper (`VpnGateways: Array of VpnGateway` in the
table, `{"VpnGateways": {"VpnGateway": [...]}}` on the wire), an object shown as a list, sample
fields the table forgot, scalar types that differ.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..location import SourceLoc
from .infer import _kind, infer_schema
from .model import Diagnostic, Schema


def _scalar_ok(kind: str, value: Any) -> bool:
    actual = _kind(value)
    if value is None:
        return True
    return actual == kind or (kind == "number" and actual == "integer")


class Aligner:
    def __init__(self, sample_loc: SourceLoc | None) -> None:
        self.sample_loc = sample_loc
        self.diagnostics: list[Diagnostic] = []

    def note(self, severity: str, code: str, message: str, schema: Schema) -> None:
        related = (self.sample_loc,) if self.sample_loc else ()
        self.diagnostics.append(Diagnostic(severity, code, message,  # type: ignore[arg-type]
                                           schema.loc or self.sample_loc, related))

    def align(self, schema: Schema, values: list[Any], where: str) -> Schema:
        values = [v for v in values if v is not None]
        if not values:
            return schema
        kinds = {_kind(v) for v in values}
        if schema.kind == "any":
            if schema.properties:
                schema = replace(schema, kind="object")
            else:
                inferred = infer_schema(values)
                return replace(inferred, description=schema.description, loc=schema.loc,
                               inferred=not schema.type_text.strip() and inferred.inferred,
                               type_text=schema.type_text, examples=schema.examples
                               or inferred.examples)
        if schema.kind == "array" and kinds == {"object"} and all(
                len(v) == 1 and isinstance(next(iter(v.values())), list) for v in values):
            key = next(iter(values[0]))
            if all(next(iter(v)) == key for v in values):
                self.note("info", "sample-wrapper",
                          f"{where}: the table says a list, the sample wraps it as "
                          f"{{{key!r}: [...]}}; the schema follows the sample", schema)
                inner = self.align(replace(schema, description=()),
                                   [v[key] for v in values], f"{where}.{key}")
                return Schema(kind="object", description=schema.description, loc=schema.loc,
                              type_text=schema.type_text, properties=((key, inner),))
        if schema.kind == "object" and kinds == {"array"}:
            self.note("warning", "sample-shape",
                      f"{where}: the table says an object, the sample shows a list of them; the "
                      "schema follows the sample", schema)
            items = self.align(replace(schema, description=()),
                               [i for v in values for i in v], f"{where}[]")
            return Schema(kind="array", items=items, description=schema.description,
                          loc=schema.loc, type_text=schema.type_text)
        if schema.kind == "object" and kinds == {"object"}:
            return self._object(schema, values, where)
        if schema.kind == "array" and kinds == {"array"}:
            items = [i for v in values for i in v]
            if schema.items is None:
                return replace(schema, items=infer_schema(items) if items else None)
            return replace(schema, items=self.align(schema.items, items, f"{where}[]"))
        bad = [v for v in values if not _scalar_ok(schema.kind, v)]
        if bad:
            observed = infer_schema(bad)
            self.note("warning", "sample-type",
                      f"{where}: documented as {schema.type_text or schema.kind}, the sample has "
                      f"{bad[0]!r} ({observed.kind}); the schema accepts both", schema)
            return replace(schema, also_kinds=tuple(sorted({observed.kind} | set(
                schema.also_kinds))))
        return schema

    def _object(self, schema: Schema, values: list[dict], where: str) -> Schema:
        props = []
        for name, sub in schema.properties:
            props.append((name, self.align(sub, [v[name] for v in values if name in v],
                                           f"{where}.{name}" if where else name)))
        known = {name for name, _ in schema.properties}
        extra: dict[str, list[Any]] = {}
        for value in values:
            for key, sub in value.items():
                if key not in known:
                    extra.setdefault(key, []).append(sub)
        for key, subs in extra.items():
            path = f"{where}.{key}" if where else key
            self.note("warning", "field-undocumented",
                      f"{path}: in the sample but not in the table; added, typed from the sample",
                      schema)
            props.append((key, replace(infer_schema(subs), loc=self.sample_loc)))
        return replace(schema, properties=tuple(props))
