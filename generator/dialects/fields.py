"""One table row -> one `FieldRow`: cells by column role, the type vocabulary, prose facts.

Shared by every dialect, because what a parameter row means (name, type, required, description,
example, constraints stated in prose) is the same convention everywhere; only which tables hold
which rows differs per dialect.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

from ..ir.infer import infer_schema, sample_kind
from ..ir.jsontext import names_json
from ..ir.model import Diagnostic, FieldRow, ParamIn, Schema
from ..sources.tree import Row
from . import jsontext
from .jsonparam import json_string_schema
from .prose import ProseFacts, read_facts
from .prose.references import split_references
from .tables import read_required
from .types import TypeSpec, looks_like_type, parse_type, type_not_stated

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
"""Chinese characters (CJK unified and compatibility ideographs): text in Chinese."""
MAX_CELL = 100_000
"""Characters of a table cell that are read; the rest is cut with a warning. No parameter is
documented at that length (a cell that long is a broken table swallowing the page), and code
generators slow down worse than linearly on such text."""
MAX_NAME = 1_000
"""Characters of a field name that are read (names are identifiers, at most a few dozen)."""


def language_of(text: str) -> str:
    """`zh` when the text holds Chinese characters, else `en`."""
    return "zh" if CJK.search(text) else "en"


PLACEHOLDERS = frozenset({"n/a", "无", "暂无", "-", "--", "—", "不涉及"})
"""What pages write in a type or example cell that has nothing to say."""


_BROKEN_NAME = re.compile(r"^\w+(?:\s*_\s*\w+)+$")
_SPACED_UNDERSCORE = re.compile(r"\s*_\s*")


def name_text(text: str) -> str:
    """A name cell's name: one an editor broke with stray spaces around its underscores
    (`scaling_ configuration _id`, `protocol _id`) is joined back; a cell whose words are not
    all tied by underscores (`domain_name or domain_id`) stays as written."""
    text = text.strip()
    if " " in text and _BROKEN_NAME.match(text):
        return _SPACED_UNDERSCORE.sub("_", text)
    return text


def cell(row: Row, roles: dict[str, int], role: str) -> str:
    index = roles.get(role)
    if index is None or index >= len(row.cells):
        return ""
    text = row.cells[index].strip()
    if role == "example" and text.lower() in PLACEHOLDERS:
        return ""  # (a type cell that states no type keeps its spelling: `types.type_not_stated`)
    return name_text(text) if role == "name" else text


def shift_nameless(row: Row, roles: dict[str, int]) -> Row:
    """A nameless item row some pages print without its empty name cell
    (`object | No | The tag value. | ||`): put the cells back under their columns."""
    name_i, type_i = roles.get("name"), roles.get("type")
    if name_i is None or type_i is None or type_i != name_i + 1 or len(row.cells) <= type_i:
        return row
    first, second = row.cells[name_i].strip(), row.cells[type_i].strip()
    if not looks_like_type(first) or looks_like_type(second):
        return row
    if "required" in roles and read_required(second) is None:
        return row
    cells = (*row.cells[:name_i], "", *row.cells[name_i:])
    return replace(row, cells=cells[: max(len(row.cells), max(roles.values()) + 1)])


def uncross(row: Row, roles: dict[str, int], diagnostics: list[Diagnostic]) -> Row:
    """A row whose Type and Mandatory cells were written in each other's column (`limit |
    Integer | No` under `Mandatory | Type`): the cells read back under their own columns,
    with a note."""
    type_i, required_i = roles.get("type"), roles.get("required")
    if type_i is None or required_i is None or max(type_i, required_i) >= len(row.cells):
        return row
    type_text, required_text = row.cells[type_i].strip(), row.cells[required_i].strip()
    if read_required(type_text) is None or read_required(required_text) is not None or \
            not looks_like_type(required_text):
        return row
    cells = list(row.cells)
    cells[type_i], cells[required_i] = cells[required_i], cells[type_i]
    diagnostics.append(Diagnostic("info", "cells-crossed", f"the type cell reads "
                                  f"{type_text!r} and the mandatory cell {required_text!r}: "
                                  "read as written in each other's column", row.loc))
    return replace(row, cells=tuple(cells))


def unshift(row: Row, roles: dict[str, int], diagnostics: list[Diagnostic]) -> Row:
    """A row written for a table with a Mandatory column, pasted into one without (`masters |
    No | MasterSpec objects ⏎ Advanced configurations...` under `Parameter | Type |
    Description`): the Yes/No stands in the type column and the type opens the description.
    The type is read from the description's first line, with a note; the rest stays the
    description. A type cell that reads as a type, or a description that does not open with
    one, leaves the row as written."""
    type_i, text_i = roles.get("type"), roles.get("description")
    if "required" in roles or type_i is None or text_i is None or \
            max(type_i, text_i) >= len(row.cells):
        return row
    type_text = row.cells[type_i].strip()
    if read_required(type_text) is None or looks_like_type(type_text):
        return row
    first, _, rest = row.cells[text_i].strip().partition("\n")
    if not first.strip() or not parse_type(first.strip()).known:
        return row
    cells = list(row.cells)
    cells[type_i], cells[text_i] = first.strip(), rest.strip()
    diagnostics.append(Diagnostic("info", "cells-shifted", f"the type cell reads {type_text!r} "
                                  f"(a Mandatory value; the table has no such column) and the "
                                  f"description opens with the type {first.strip()!r}: read as "
                                  "the row's type", row.loc))
    return replace(row, cells=tuple(cells))


def _bounded(row: Row, roles: dict[str, int], diagnostics: list[Diagnostic]) -> Row:
    """The row with over-long cells cut (`MAX_CELL`, `MAX_NAME` for the name), and a warning."""
    name = roles.get("name")
    limits = [MAX_NAME if index == name else MAX_CELL for index in range(len(row.cells))]
    if all(len(text) <= limit for text, limit in zip(row.cells, limits, strict=True)):
        return row
    for text, limit in zip(row.cells, limits, strict=True):
        if len(text) > limit:
            diagnostics.append(Diagnostic(
                "warning", "cell-truncated", f"a {'name' if limit == MAX_NAME else 'cell'} of "
                f"{len(text)} characters ({text[:40]!r}...); only the first {limit} are read",
                row.loc))
    return replace(row, cells=tuple(text[:limit] for text, limit in
                                    zip(row.cells, limits, strict=True)))


def schema_for_type(spec: TypeSpec, **more: Any) -> Schema:
    """The schema a type cell stands for; `more` sets further keywords on the outer schema."""
    items = schema_for_type(spec.items) if spec.items else None
    values = schema_for_type(spec.values) if spec.values else None
    if spec.max_length is not None:
        more.setdefault("max_length", spec.max_length)
    return Schema(kind=spec.kind, format="int64" if spec.format == "int64" else "",
                  items=items, ref=spec.ref, additional_properties=values,
                  **more)  # type: ignore[arg-type]


def typed_value(text: str, kind: str) -> Any:
    """A value written in prose or an example cell, as the JSON value of the field's kind;
    None when it cannot be that kind."""
    text = text.strip().strip("`'\"“”")
    if kind == "integer":
        return int(text) if re.fullmatch(r"[-+]?\d{1,30}", text) else None
    if kind == "number":
        try:
            value = float(text)
        except ValueError:
            return None
        if not math.isfinite(value):
            return None  # "NaN", "Infinity", "1e999": no JSON number
        return int(value) if value.is_integer() and "." not in text else value
    if kind == "boolean":
        return {"true": True, "false": False}.get(text.lower())
    if kind in ("string", "any"):
        return text
    return None


_ASSERTABLE_FORMATS = frozenset({"date-time", "uuid", "ipv4", "ipv6", "email", "uri", "date"})
"""Formats JSON Schema 2020-12 defines (a CIDR block has none: it stays a hint)."""


def apply_facts(schema: Schema, facts: ProseFacts) -> tuple[Schema, list[str]]:
    """Move prose facts onto the schema as the keywords they mean; returns the facts that did
    not fit the field's kind (reported by the caller)."""
    kind = schema.kind
    changes: dict[str, Any] = {}
    unfit: list[str] = []
    numeric = kind in ("integer", "number")
    for key, text in (("minimum", facts.minimum), ("maximum", facts.maximum)):
        if text is None:
            continue
        value = typed_value(text, "number")
        if numeric and value is not None:
            changes[key] = value
        else:
            unfit.append(f"{key} {text}")
    if kind == "string":
        if facts.min_length is not None:
            changes["min_length"] = facts.min_length
        if facts.max_length is not None:
            changes["max_length"] = facts.max_length
        if facts.forbidden_prefixes:
            changes["forbidden_prefixes"] = facts.forbidden_prefixes
        # One claimed format is asserted when JSON Schema has it; "an IPv4 address or a CIDR
        # block" claims two, and asserting either would reject the other: both stay hints.
        if len(facts.formats) == 1 and facts.formats[0] in _ASSERTABLE_FORMATS:
            changes["format"] = facts.formats[0]
        elif facts.formats:
            changes["format_hints"] = facts.formats
    if kind == "array":
        if facts.min_items is not None:
            changes["min_items"] = facts.min_items
        if facts.max_items is not None:
            changes["max_items"] = facts.max_items
    if facts.enum and kind in ("string", "integer", "number"):
        values = [typed_value(v, kind) for v in facts.enum]
        if all(v is not None for v in values):
            changes["enum"] = tuple(dict.fromkeys(values))
        else:
            unfit.append("allowed values " + ", ".join(facts.enum))
    if facts.default is not None:
        value = typed_value(facts.default, kind if kind != "any" else "string")
        if value is not None:
            changes.update(default=value, has_default=True)
        else:
            unfit.append(f"default {facts.default}")
    return (replace(schema, **changes) if changes else schema), unfit


_XML_ELEMENT = re.compile(r"^<([A-Za-z_][\w.-]{0,120})>([^<>]*)</\1>$")


def _json_shape(text: str) -> Schema | None:
    """The schema of an example cell that is a JSON list or object; None for anything else."""
    text = text.strip()
    if not text.startswith(("[", "{")):
        return None
    try:
        value = jsontext.loads(text)
    except ValueError:
        return None
    if not isinstance(value, (list, dict)) or not value:
        return None
    shape = infer_schema([value])
    return shape if shape.kind in ("array", "object") else None


_BARE_OBJECT = re.compile(r"^(?:object|json(?: ?object)?|struct)$", re.I)
"""A type cell that says only "an object" (no members table, no name)."""


def _example_list(name: str, description: str) -> list | None:
    """The list the description's example shows as the field's own value (`Example:
    "taints": [{"key": ..., "value": ...}]`), when it is a non-empty list of objects."""
    if not name or len(description) > MAX_CELL:
        return None
    match = re.search(r'"' + re.escape(name) + r'"\s*:\s*\[', description)
    if match is None:
        return None
    start, depth, i, n = match.end() - 1, 0, match.end() - 1, len(description)
    while i < n:
        char = description[i]
        if char == '"':
            i += 1
            while i < n and description[i] != '"':
                i += 2 if description[i] == "\\" else 1
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                break
        i += 1
    try:
        value = jsontext.loads(description[start:i + 1])
    except ValueError:
        return None
    if isinstance(value, list) and value and all(isinstance(v, dict) and v for v in value):
        return value
    return None


def row_to_field(row: Row, roles: dict[str, int], *, location: ParamIn | None = None,
                 name: str | None = None, type_text: str | None = None) -> tuple[FieldRow,
                                                                                 list[Diagnostic]]:
    """Read a parameter row; `name`/`type_text` override the cells (dotted Alibaba names)."""
    diagnostics: list[Diagnostic] = []
    row = uncross(shift_nameless(_bounded(row, roles, diagnostics), roles), roles, diagnostics)
    row = unshift(row, roles, diagnostics)
    raw_type = cell(row, roles, "type") if type_text is None else type_text
    spec = parse_type(raw_type)
    field_name = cell(row, roles, "name") if name is None else name
    if name is None and roles.get("name", len(row.cells)) < len(row.cells) and \
            field_name != row.cells[roles["name"]].strip():
        diagnostics.append(Diagnostic(
            "warning", "parameter-misprinted", f"{row.cells[roles['name']].strip()!r} read as "
            f"{field_name!r}: spaces typed around its underscores", row.loc))
    if raw_type and not spec.known and not type_not_stated(raw_type):
        diagnostics.append(Diagnostic("warning", "type-unknown",
                                      f"type {raw_type!r} of {field_name or 'a nameless row'} is "
                                      "not a known spelling; the field accepts any value", row.loc))
    description, pointers = split_references(cell(row, roles, "description"))
    shown = _example_list(field_name, description) if spec.kind == "object" and \
        not spec.ref and _BARE_OBJECT.match(raw_type.strip()) else None
    if shown is not None:
        # `taints | Object | ... Example: "taints": [{"key": ...}]`: the example shows a list
        # of objects (the type cell says only "an object"); its members are the example's.
        spec = TypeSpec("array", items=TypeSpec("object"))
    schema = schema_for_type(spec, type_text=raw_type, loc=row.loc, see=pointers, description=(
        ((language_of(description), description),) if description else ()))
    if shown is not None:
        schema = replace(schema, items=replace(infer_schema(shown), loc=row.loc))
    facts = read_facts(description) if description else ProseFacts()
    schema, unfit = apply_facts(schema, facts)
    if not field_name and spec.kind != "array" and (facts.min_items or facts.max_items):
        # A nameless item row ("Valid values of N: 1 to 20") states its list's length.
        schema = replace(schema, min_items=facts.min_items, max_items=facts.max_items)
    if spec.kind == "array" and schema.items is not None:
        item_schema, _ = apply_facts(schema.items, facts)
        schema = replace(schema, items=replace(item_schema, min_items=None, max_items=None))
    for what in unfit:
        diagnostics.append(Diagnostic("info", "prose-unused",
                                      f"{field_name or 'row'}: the description states {what}, which "
                                      f"does not apply to a {spec.kind} field", row.loc))
    example_text = cell(row, roles, "example")
    whole = _json_list(example_text) if spec.kind == "array" else None
    lists_values = False
    spelled = example_text.strip()
    element = _XML_ELEMENT.match(example_text) if spec.kind == "array" else None
    if whole is None and spec.kind == "array" and spelled.startswith("[") and \
            spelled.endswith("]"):
        pass  # the whole list, spelled loosely (`[{\"key\":\"env\"}]`): no item's example
    elif whole is not None:
        # The example cell shows the whole list as JSON (`["es-1","es-2"]`,
        # `[{"key":"env","value":"IT"}]`): it is the list's example. An item type the type cell
        # does not give is left to the samples.
        schema = replace(schema, examples=(whole,))
        scalars = _plain_values(whole)
        if schema.items is None and scalars:
            # A bare `List` whose example lists plain values (`["d1", "d1ne"]`): a list of
            # those values, not of objects the rows below would document.
            schema = replace(schema, items=Schema(kind=sample_kind(whole[0]) if len(
                {sample_kind(v) for v in whole}) == 1 else "string"))
            lists_values = True
        if schema.items is not None and scalars:
            schema = replace(schema, items=replace(schema.items, examples=(whole[0],)))
    elif element and (schema.items is None or schema.items.kind not in ("object", "array")):
        # A list whose example is an XML element (`List | <Address>10.0.0.1</Address>`): the
        # items travel wrapped in that element, `{"Address": [...]}`.
        item = schema.items or Schema(kind="string")
        value = typed_value(element[2], item.kind)
        item = replace(item, examples=(value,) if value is not None else ())
        schema = Schema(kind="object", description=schema.description, loc=schema.loc,
                        type_text=schema.type_text, properties=(
                            (element[1], replace(schema, description=(), items=item)),))
    elif example_text and spec.kind == "array":
        # The example cell of a list shows one item (`List | cn-hangzhou`): it belongs to items.
        item = schema.items or Schema(kind="string")
        value = typed_value(example_text, item.kind)
        if value is not None and item.kind not in ("object", "array"):
            schema = replace(schema, items=replace(item, examples=(value,)))
    elif example_text and not raw_type.strip() and (shape := _json_shape(example_text)):
        # No type, but the example is a JSON list or object (`[600,1800,3600]`): its shape.
        schema = replace(shape, description=schema.description, loc=schema.loc, inferred=False)
    elif example_text:
        value = typed_value(example_text, spec.kind)
        schema = replace(schema, examples=(value if value is not None else example_text,))
    documented = json_string_schema(schema, read_facts, apply_facts)
    if documented is not None:
        # The bullets name the document's keys; they are not values of the string itself.
        schema = replace(documented, enum=(), default=None, has_default=False)
    # A row later rows may belong to: an object or a list of objects, or an untyped row
    # without an example (a type cell that states no type, `N/A`, is as if empty; a list
    # wrapped in an example's element is closed).
    # A JSON document whose example shows it whole as a list of plain values
    # (`Json | ["a.example.com","b.example.com"]`) holds no keys: the rows below are not its.
    closed = names_json(raw_type) and _plain_values(_json_list(example_text))
    container = not element and not lists_values and not closed and (spec.kind == "object" or (
        spec.kind == "array" and (spec.items is None or spec.items.kind in ("object", "any")))
        or ((not raw_type.strip() or type_not_stated(raw_type)) and not example_text))
    field = FieldRow(name=field_name, schema=schema, required=read_required(
        cell(row, roles, "required")) if "required" in roles else None, container=container,
        depth=row.depth, location=location, loc=row.loc)
    return field, diagnostics


def _plain_values(values: list | None) -> bool:
    """A non-empty list of plain values (no object, list or null): what an example shows of a
    list of scalars."""
    return bool(values) and all(not isinstance(v, (dict, list)) and v is not None
                                for v in values or ())


def _json_list(text: str) -> list | None:
    """The list an example cell spells as JSON (`["a","b"]`), else None."""
    text = text.strip()
    if not (text.startswith("[") and text.endswith("]")) or len(text) > 10_000:
        return None
    try:
        value = jsontext.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, list) else None


_ALTERNATIVES = re.compile(r"^([A-Za-z_$@][\w.\-$@]*)\s+(?:or|或)\s+([A-Za-z_$@][\w.\-$@]*)$")
"""`domain_name or domain_id`: one row naming two fields, either of which may be sent."""


def alternatives(field: FieldRow) -> tuple[list[FieldRow], list[Diagnostic]]:
    """A row whose name cell names two fields (`a or b`) is both: each its own field with the
    row's schema, neither required alone (the row's "mandatory" holds for the pair). A row
    that later rows belong to (an object) is not split: its children could not be placed;
    it is kept and reported, never left as a field named by a phrase without a word."""
    match = _ALTERNATIVES.match(field.name.strip())
    if match is None or match[1] == match[2]:
        return [field], []
    if field.container:
        return [field], [Diagnostic(
            "warning", "parameter-alternatives", f"{field.name!r} names two fields, but later "
            "rows may belong to it; it is kept as one field", field.loc)]
    note = Diagnostic("info", "parameter-alternatives", f"{field.name!r} read as two fields, "
                      f"{match[1]!r} and {match[2]!r}" + (
                          ", neither required alone" if field.required else ""), field.loc)
    required = False if field.required else field.required
    return [replace(field, name=match[1], required=required),
            replace(field, name=match[2], required=required)], [note]
