"""Make documented shapes agree with the docs' own samples.

A table is what the writer meant; a sample is what the API sent. Where they disagree on shape
the sample wins, because a contract that rejects the vendor's own example is useless, and the
disagreement is reported: the XML-style wrapper (`VpnGateways: Array of VpnGateway` in the
table, `{"VpnGateways": {"VpnGateway": [...]}}` on the wire), an object shown as a list, sample
fields the table forgot, scalar types that differ. Fields only a sample shows extend a table
unless the dialect's tables are complete (`Conventions.tables_complete`): then they are reported
and the object stays open, so the sample still validates.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from typing import Any

from ..location import SourceLoc
from .infer import (
    dictionary_schema,
    id_keyed,
    infer_schema,
    placeholder,
    sample_kind,
    with_loc,
)
from .model import Diagnostic, Schema
from .nesting import COMMON_TOP_LEVEL

_SCALARS = frozenset({"string", "integer", "number", "boolean"})


def _scalar_ok(kind: str, value: Any) -> bool:
    actual = sample_kind(value)
    if value is None:
        return True
    return actual == kind or (kind == "number" and actual == "integer")


def _misspells(key: str, known: set[str]) -> bool:
    """`CLientIpPool`, `ResourcId`: a sample key one or two letters away from a documented one."""
    return any(abs(len(key) - len(name)) <= 2 and difflib.SequenceMatcher(
        None, key.lower(), name.lower()).ratio() >= 0.85 for name in known)


def _spelt(value: dict, name: str, renamed: dict[str, str] | None = None) -> str | None:
    """The key under which a sample object holds the documented field `name`: the name
    itself, or the name with spaces typed inside the quotes (`" Items"`, `"Id "`) where the
    object has no key of the exact name, or the sample's other name for it (`renamed`, sample
    key to documented name); None when the sample does not show the field."""
    if name in value:
        return name
    padded = next((k for k in value if k.strip() == name and k != name), None)
    if padded is not None or not renamed:
        return padded
    return next((k for k in value if renamed.get(k) == name), None)


def _member_names(schema: Schema, depth: int = 3) -> set[str]:
    """The names documented inside a field, a few levels down (through lists' items)."""
    if depth == 0:
        return set()
    names: set[str] = set()
    for name, sub in schema.properties:
        names.add(name)
        names |= _member_names(sub, depth - 1)
    if schema.items is not None:
        names |= _member_names(schema.items, depth)
    return names


def _sample_names(value: Any, depth: int = 3) -> set[str]:
    """The keys a sample value holds, a few levels down (through lists)."""
    if depth == 0:
        return set()
    if isinstance(value, list):
        return {k for item in value[:20] for k in _sample_names(item, depth)}
    if isinstance(value, dict):
        return {k for k in value} | {n for sub in value.values()
                                     for n in _sample_names(sub, depth - 1)}
    return set()


def _renamed(schema: Schema, values: list[dict]) -> dict[str, str]:
    """`SrcTrafficDataPerInterval` in the table, `"SrcFlowDataPerInterval"` in the sample: a
    documented object whose row gives no type (the table leaves its shape open: a sample
    under another name is evidence enough to fill that, not to overrule an `Array of CertInfo`)
    that no sample shows under its name (nor with spaces around it), and an undocumented
    sample key beside it whose value holds that field's members (at
    least two of them, and most of the value's own keys): the sample names the same field
    differently. Both must be the only such match; returns {sample key: documented name}."""
    known = {name for name, _ in schema.properties}
    shown = {k.strip() for v in values for k in v}
    missing = {name: _member_names(sub) for name, sub in schema.properties
               if name not in shown and sub.kind in ("object", "array", "any")
               and not sub.type_text.strip()}
    if not missing:
        return {}
    matches: dict[str, list[str]] = {}
    keys = {k for v in values for k in v if k.strip() not in known}
    for key in keys:
        held = [v[key] for v in values if isinstance(v.get(key), (dict, list))]
        below = set().union(*(_sample_names(h) for h in held)) if held else set()
        if not below:
            continue
        for name, members in missing.items():
            common = below & members
            if name in below:
                continue  # a wrapper around the field (`{"content": {"CertInfos": ...}}`)
            if len(common) >= 2 and 2 * len(common) >= len(below - known):
                matches.setdefault(key, []).append(name)
    chosen = {key: names[0] for key, names in matches.items() if len(names) == 1}
    targets = list(chosen.values())
    return {key: name for key, name in chosen.items() if targets.count(name) == 1}


def documented_overlap(schema: Schema, value: dict) -> bool:
    return any(name in value for name, _ in schema.properties)


_GENERIC_OBJECT = re.compile(r"^(?:object|json(?: ?object)?|struct|structure|dict|"
                             r"dictionary|map|data structure)$", re.I)
_TABLE_REF = re.compile(r"\btable\s*\d+|表\s*\d+", re.I)
"""A description pointing at a numbered table ("For details, see Table 4"): the members are
documented, if on another page."""


_PLURAL = re.compile(r"(?:[^\W_suioa]s|ies|list|List|LIST)$")
"""A field name that says it holds several things (`items`, `role_assignments`, `policies`,
`nodeList`); not `status`, `alias`, `address`, `os`."""


def _item_field_named_like_items(schema: Schema, key: str, inner: list[Any]) -> bool:
    """`Ipv6Addresses` documents `Ipv6Address | String` among its fields, and the sample
    shows `{"Ipv6Address": [{"Ipv6Address": "2408::1", "Ipv6AddressId": ...}]}`: the XML
    wrapper names its items after one of their own fields. The documented field is a scalar,
    every sample value under the key is an object (or a list of them): the key is the items'
    element, and the field is one of the items' members."""
    field = schema.property(key)
    if field is None or field.kind not in _SCALARS or not inner:
        return False
    objects = [o for v in inner for o in (v if isinstance(v, list) else [v])]
    return bool(objects) and all(isinstance(o, dict) and o for o in objects)


def _plural(where: str) -> bool:
    """Whether the last name of a sample path (`a.b[].items`) is a plural."""
    name = where.rsplit(".", 1)[-1].removesuffix("[]")
    return bool(_PLURAL.search(name))


def _free_form(schema: Schema) -> bool:
    """An object row typed by the bare word (`Object`, `JSON`), whose description points at
    no table of members (not "For details, see Table 4", which another page may hold; a link
    to a topic in prose is no such table)."""
    text = " ".join((*(t for _, t in schema.description), *schema.see))
    return bool(_GENERIC_OBJECT.match(schema.type_text.strip())) and not _TABLE_REF.search(text)


_PAIR_NAMES = ("key", "value")


def _key_value_members(schema: Schema, values: list[dict]) -> tuple[tuple[str, Schema],
                                                                   tuple[str, Schema]] | None:
    """(key member, value member) of an object documented by exactly the two scalar members
    `key` and `value` (any case) whose every sample is a non-empty object holding neither
    name (`values: {"max_connections": "10", "autocommit": "OFF"}` documented as `key | String`,
    `value | String`): the table describes one entry of a dictionary, not the object's fields.
    None otherwise."""
    if len(schema.properties) != 2 or schema.additional_properties is not None or not values:
        return None
    named = {name.lower(): (name, sub) for name, sub in schema.properties}
    if set(named) != set(_PAIR_NAMES) or named["key"][1].kind not in ("string", "any"):
        return None
    if named["value"][1].kind in ("object", "array") and named["value"][1].properties:
        return None
    if not all(isinstance(v, dict) and v for v in values):
        return None
    if any(k.lower() in _PAIR_NAMES for v in values for k in v):
        return None
    return named["key"], named["value"]


class Aligner:
    def __init__(self, sample_loc: SourceLoc | None,
                 one_item_lists_as_objects: bool = True, tables_complete: bool = False,
                 open_untabled_objects: bool = False) -> None:
        self.sample_loc = sample_loc
        self.one_item_lists = one_item_lists_as_objects
        """`Conventions.one_item_lists_as_objects`: whether an object where a list belongs is
        a one-item list (XML converted to JSON) or the object the API really sends."""
        self.open_objects = open_untabled_objects
        """`Conventions.open_untabled_objects`: whether a bare `Object` row is free-form."""
        self._beside: frozenset[str] = frozenset()
        """Fields the table lists beside the member being aligned (see `_object`)."""
        self.tables_complete = tables_complete
        """`Conventions.tables_complete`: whether a key only the sample shows is left out of
        a documented object (reported) rather than added to it."""
        self.diagnostics: list[Diagnostic] = []

    def note(self, severity: str, code: str, message: str, schema: Schema) -> None:
        related = (self.sample_loc,) if self.sample_loc else ()
        self.diagnostics.append(Diagnostic(severity, code, message,  # type: ignore[arg-type]
                                           schema.loc or self.sample_loc, related))

    def align(self, schema: Schema, values: list[Any], where: str) -> Schema:
        if any(v is None for v in values) and "null" not in schema.also_kinds:
            self.note("info", "sample-null", f"{where or 'response'}: the sample sends null; the "
                      "schema accepts null too", schema)
            schema = replace(schema, also_kinds=(*schema.also_kinds, "null"))
        values = [v for v in values if v is not None]
        if not values:
            return schema
        kinds = {sample_kind(v) for v in values}
        if schema.kind == "any":
            if schema.properties:
                schema = replace(schema, kind="object")
            else:
                inferred = infer_schema(values)
                return replace(inferred, description=schema.description, loc=schema.loc,
                               inferred=not schema.type_text.strip() and inferred.inferred,
                               type_text=schema.type_text, examples=schema.examples
                               or inferred.examples)
        wrapped = self._wrapper(schema, values, where)
        if wrapped is not None:
            return wrapped
        if schema.kind == "object" and kinds == {"array"} and len(schema.properties) == 1 and \
                schema.properties[0][1].kind == "array":
            # Documented with its XML wrapper element (`Result: Array of Result`, then the
            # untyped `Result` row), the JSON sample shows the list bare: JSON has no wrapper.
            name, inner = schema.properties[0]
            # Reported at the element's row: the row is not in the output, the note says why.
            self.note("info", "sample-unwrapped",
                      f"{where or 'the body'}: documented inside the XML element {name!r}, the "
                      "JSON sample shows the list itself; the schema follows the sample",
                      inner if inner.loc else schema)
            return self.align(replace(inner, description=schema.description, loc=schema.loc,
                                      type_text=schema.type_text), values, where)
        if schema.kind == "object" and kinds == {"array"}:
            self.note("warning", "sample-shape",
                      f"{where}: the table says an object, the sample shows a list of them; the "
                      "schema follows the sample", schema)
            # The table's type is wrong here: the items' members are the samples' (a bare
            # `Object` says nothing of a list's items).
            items = self.align(replace(schema, description=(), type_text="" if
                                       self.open_objects else schema.type_text),
                               [i for v in values for i in v], f"{where}[]")
            return Schema(kind="array", items=items, description=schema.description,
                          loc=schema.loc, type_text=schema.type_text)
        if schema.kind == "object" and kinds == {"object"}:
            return self._object(schema, values, where)
        if schema.kind == "array" and kinds == {"object"} and not self.one_item_lists and \
                not _plural(where) and \
                (schema.items is None or schema.items.kind in ("object", "any")):
            # A list whose name is a plural (`items`) is corroborated by its name: the sample
            # printed one item without its brackets (below: both are accepted).
            self.note("warning", "sample-shape",
                      f"{where or 'response'}: the table says a list, every sample shows one "
                      "object; the schema follows the sample", schema)
            item = schema.items or Schema(kind="object")
            return self.align(replace(item, kind="object", description=schema.description,
                                      loc=schema.loc, type_text=schema.type_text,
                                      also_locs=schema.also_locs), values, where)
        if schema.kind == "array" and kinds <= {"array", "object"} and "object" in kinds and \
                (schema.items is None or schema.items.kind in ("object", "any")):
            self.note("warning", "sample-shape",
                      f"{where or 'response'}: the sample holds one object where a list belongs "
                      "(a one-item XML list converted to JSON); both are accepted", schema)
            items = [i for v in values for i in (v if isinstance(v, list) else [v])]
            aligned = self.align(schema.items or Schema(kind="object"), items, f"{where}[]")
            return replace(schema, items=aligned, also_kinds=tuple(dict.fromkeys(
                (*schema.also_kinds, "object"))))
        if schema.kind == "array" and kinds == {"array"}:
            items = [i for v in values for i in v]
            if schema.items is None:
                return replace(schema, items=infer_schema(items) if items else None)
            return replace(schema, items=self.align(schema.items, items, f"{where}[]"))
        bad = [v for v in values if not _scalar_ok(schema.kind, v)]
        if bad and len(bad) == len(values) and schema.kind in _SCALARS and \
                not self.one_item_lists and kinds == {"array"} and any(values) and \
                all(isinstance(i, dict) for v in values for i in v):
            # `links | String` with every sample a list of objects (`[{"href": ..., "rel":
            # ...}]`), where samples are the JSON the API sends: no scalar is printed as a
            # list of objects by mistake, the table's type is. The list follows the sample;
            # the documented kind is still accepted. (Where samples are converted from XML, a
            # `JsonResult | String` may be shown parsed: the string stays.)
            self.note("warning", "sample-type",
                      f"{where}: documented as {schema.type_text or schema.kind}, every sample "
                      "has a list of objects; the schema follows the sample and accepts both",
                      schema)
            inferred = infer_schema(values)
            return replace(inferred, description=schema.description, loc=schema.loc,
                           type_text=schema.type_text, also_kinds=(schema.kind,),
                           also_locs=schema.also_locs)
        if bad and all(placeholder(schema.kind, v) for v in bad):
            # `0` where the table says String: the writer's placeholder for "some value", not
            # what the API sends. The table's type wins; the sample is reported as wrong.
            self.note("warning", "sample-type",
                      f"{where}: documented as {schema.type_text or schema.kind}, the sample "
                      f"has {bad[0]!r}, a placeholder; the contract keeps the table's type",
                      schema)
            return schema
        bad = [v for v in bad if not placeholder(schema.kind, v)]
        if bad:
            # Each kind the samples use (one schema inferred from mixed values would be `any`,
            # which is no JSON Schema type).
            observed = {sample_kind(v) for v in bad}
            self.note("warning", "sample-type",
                      f"{where}: documented as {schema.type_text or schema.kind}, the sample has "
                      f"{bad[0]!r} ({sample_kind(bad[0])}); the schema accepts both", schema)
            return replace(schema, also_kinds=tuple(sorted(observed | set(schema.also_kinds))))
        return schema

    def _wrapper(self, schema: Schema, values: list[Any], where: str) -> Schema | None:
        """The XML-style list wrapper: the table documents a list (or an object whose fields are
        the item's), the sample wraps the items as `{"Item": [...]}` (or, converted from a
        one-item XML list, `{"Item": {...}}`)."""
        if not where or not values or not all(isinstance(v, dict) and len(v) == 1 for v in values):
            return None  # a response's top level is never a list wrapper
        key = next(iter(values[0]))
        if any(next(iter(v)) != key for v in values):
            return None
        inner = [v[key] for v in values]
        documented = {name for name, _ in schema.properties}
        if schema.kind == "array":
            item = schema.items or Schema(kind="any")
        elif schema.kind in ("object", "any") and documented and (
                key not in documented or _item_field_named_like_items(schema, key, inner)):
            item = replace(schema, kind="object", description=(), type_text="", loc=schema.loc)
        elif schema.kind in ("string", "integer", "number", "boolean") and all(
                isinstance(v, list) and all(not isinstance(i, (dict, list)) for i in v)
                for v in inner):
            # `Vips | String` with the sample `{"Vip": ["1.1.1.1", ...]}`: the table typed the
            # items of a wrapped list.
            item = replace(schema, description=(), also_kinds=())
            schema = replace(schema, kind="array", items=item)
        else:
            return None
        items = [i for v in inner for i in (v if isinstance(v, list) else [v])]
        if not all(isinstance(v, (list, dict)) for v in inner) and (
                schema.kind != "array" or item.kind not in ("any", "string", "integer", "number",
                                                            "boolean")):
            # `{"Id": "x"}` is a one-item XML list of scalars converted to JSON; only a list
            # of scalars is shown that way.
            return None
        # An empty list (`{"Item": []}`) shows the wrapper without showing an item: nothing
        # contradicts the documented fields. Items that share none of them do.
        if item.properties and items and not any(isinstance(i, dict) and
                                                 documented_overlap(item, i) for i in items):
            return None
        single = [v for v in inner if not isinstance(v, list)]
        self.note("info", "sample-wrapper",
                  f"{where or 'response'}: documented as a list, the sample wraps its items as "
                  f"{{{key!r}: [...]}}; the schema follows the sample", schema)
        if single:
            self.note("warning", "sample-shape",
                      f"{where or 'response'}.{key}: the sample holds one item where a list "
                      "belongs (a one-item XML list converted to JSON); both are accepted", schema)
        aligned_item = self.align(item, items, f"{where}.{key}[]")
        singles = sorted({sample_kind(v) for v in single} - {"null"})
        array = Schema(kind="array", items=aligned_item, loc=schema.loc,
                       also_kinds=tuple(singles))
        return Schema(kind="object", description=schema.description, loc=schema.loc,
                      type_text=schema.type_text, also_locs=schema.also_locs,
                      properties=((key, array),))

    def _envelope_case(self, schema: Schema, values: list[dict]) -> Schema:
        """`RequestID` in the table, `"RequestId"` in the sample: a response envelope field
        (`COMMON_TOP_LEVEL`) typed in another case. Its conventional spelling, which the
        sample shows, is what the API sends; the table's is reported."""
        shown = {k for v in values for k in v}
        envelope = COMMON_TOP_LEVEL["response"]
        props = []
        for name, sub in schema.properties:
            key = next((k for k in sorted(shown & envelope) if k != name and
                        k.lower() == name.lower()), None)
            if key is None or name in shown or schema.property(key) is not None:
                props.append((name, sub))
                continue
            self.note("warning", "field-case", f"{name}: the sample spells this envelope field "
                      f"{key!r}, its conventional spelling; the contract uses it", sub)
            props.append((key, sub))
        return replace(schema, properties=tuple(props))

    def _object(self, schema: Schema, values: list[dict], where: str) -> Schema:
        if not where and schema.properties:
            schema = self._envelope_case(schema, values)
        if not schema.properties and schema.additional_properties is not None:
            # A dictionary (`Map<String,String>`): the sample's keys are data.
            inner = [sub for v in values for sub in v.values()]
            if not inner:
                return schema
            if schema.additional_properties.kind == "any":  # a bare `Map`: the samples say
                return replace(schema, additional_properties=with_loc(infer_schema(inner),
                                                                      self.sample_loc))
            return replace(schema, additional_properties=self.align(
                schema.additional_properties, inner, f"{where}.*"))
        pair = _key_value_members(schema, values)
        if pair is not None:
            key, value = pair
            self.diagnostics.append(Diagnostic(
                "info", "sample-key-value-map",
                f"{where or 'the body'}: documented by its members {key[0]!r} and "
                f"{value[0]!r}, the samples hold neither but other keys: a dictionary, each "
                f"key a {key[0]!r} and its value a {value[0]!r}",
                key[1].loc or schema.loc or self.sample_loc,
                tuple(x for x in (value[1].loc, self.sample_loc) if x is not None)))
            inner = [sub for v in values for sub in v.values()]
            return replace(schema, properties=(), required=(), additional_properties=self.align(
                value[1], inner, f"{where}.*"))
        if not schema.properties and id_keyed(values):
            self.note("info", "sample-dictionary", f"{where or 'response'}: the sample's keys "
                      "are identifiers; a dictionary of their values, not fixed fields", schema)
            values_schema = dictionary_schema(values).additional_properties
            return replace(schema, additional_properties=with_loc(values_schema,
                                                                  self.sample_loc))
        if self.open_objects and where and not schema.properties and not schema.inferred \
                and schema.additional_properties is None and _free_form(schema) \
                and not {k for v in values for k in v} & self._beside:
            # Documented as an object, with no table of its members: free-form. The sample's
            # keys are examples of its content, not fields the page documents.
            self.note("info", "sample-open-object", f"{where}: documented as an object without "
                      "members; the sample's keys are example content, and the object stays "
                      "open", schema)
            return schema
        props = []
        known = {name for name, _ in schema.properties}
        shown_here = {k for v in values for k in v}
        renamed = _renamed(schema, values)
        for name, sub in schema.properties:
            # Read on entry of the member's own alignment: a free-form object whose sample
            # holds a field the table lists beside it, and the sample does not show beside
            # it, is where that field belongs (the table listed a nested field flat).
            self._beside = frozenset(known - {name} - shown_here)
            props.append((name, self.align(sub, [v[k] for v in values
                                                 if (k := _spelt(v, name, renamed)) is not None],
                                           f"{where}.{name}" if where else name)))
        self._beside = frozenset()
        extra: dict[str, list[Any]] = {}
        for value in values:
            for key, sub in value.items():
                if key not in known:
                    extra.setdefault(key, []).append(sub)
        documented = bool(schema.properties) and not schema.inferred
        lower = {name.lower() for name in known}
        sample_keys = {k for v in values for k in v}
        matching = len(sample_keys & known) / len(sample_keys) if sample_keys else 0.0
        # A sample that shows every documented field and a few more is this object with a
        # table that fell behind it, however few fields the table has; one that shows many
        # more (an Alibaba sample "for reference" holding the whole instance next to the one
        # documented field) is another, larger object.
        covers = bool(known) and known <= sample_keys and matching >= 0.25
        for key, subs in extra.items():
            path = f"{where}.{key}" if where else key
            # Where tables are complete, only the response envelope's own fields (`RequestId`,
            # `TotalCount`), which tables often leave out, may come from a sample; the rest of
            # what one call sent (an instance "for reference" beside the one documented field,
            # fields the API no longer returns) stays out of the contract.
            envelope = not where and key in COMMON_TOP_LEVEL["response"]
            if documented and ((self.tables_complete and not envelope)
                               or (matching < 0.5 and not covers)
                               or key.strip().lower() in lower or _misspells(key, known)):
                # The sample belongs to another object, or misspells a documented field (its
                # case, a space typed inside the quotes: `"id "`): not evidence enough to
                # extend the table.
                padded = key.strip() in known and key.strip() != key
                self.note("warning", "field-undocumented",
                          f"{path}: in the sample but not in the table; not added to the "
                          "contract (objects stay open, so the sample still validates)"
                          + (f"; its value is read as the documented {key.strip()!r}, the "
                             "spaces typed inside the quotes" if padded else "")
                          + (f"; its value is read as the documented {renamed[key]!r}, which "
                             "the sample names differently (the same members)"
                             if key in renamed else ""), schema)
                continue
            if documented:
                self.note("warning", "field-undocumented",
                          f"{path}: in the sample but not in the table; added, typed from the "
                          "sample and marked x-docs2spec-inferred", schema)
            props.append((key, with_loc(infer_schema(subs), self.sample_loc)))
        return replace(schema, properties=tuple(props))
