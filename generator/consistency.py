"""The truth-free consistency check: what a build must hold on any pages, with no oracle.

Five invariants, counted per page and in total (report.json's `consistency`, the summary
`build` and `regen` print):

- **samples**: every documented JSON sample (responses of a documented status, request bodies)
  validates against the schema produced for it (`sample-rejected` otherwise);
- **sample keys**: every key of every such sample is a documented field, or it is reported:
  keys the IR added from the sample (`field-undocumented`, `response-inferred`) count as
  undocumented; keys the output does not have at all are `sample-key-undocumented`
  (`keys_unreported`); keys below an object documented as free-form are values, not counted;
- **table rows**: every row of every parameter, response or type table lands in exactly one
  place of the output (a parameter, a body or response field, a field of a named type), or a
  diagnostic names its line; a row in two places is `row-duplicated`, a row in none and named
  by no diagnostic is `row-lost`;
- **placeholders**: no field is named like a row that stands for a group of parameters
  (`公共请求参数`, "Common request parameters", a name with spaces or angle brackets): the
  dialect's `placeholder_rows` and the generic shape of such names (`placeholder-field`);
- **operations**: every page that names an operation ends in one, and every operation that lost
  its route to another or was renamed is reported (`operation-shadowed`, `operation-renamed`);
  a page whose operation vanished without a word is `operation-lost`.

It needs only the pages and the build, so it runs on every product's pages, not only those
with truth: a convention nobody taught the tool shows up here as lost rows, rejected samples or
undocumented keys before it costs accuracy.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft202012Validator

from .emitters.jsonschema import body_document, response_schema
from .ir.model import Diagnostic, Operation, Product, Schema
from .ir.placeholders import is_placeholder_row
from .location import SourceLoc

COUNTS = ("samples", "samples_rejected", "sample_keys", "keys_undocumented", "keys_unreported",
          "rows",
          "rows_placed", "rows_reported", "rows_duplicated", "rows_lost", "placeholder_fields",
          "operations_shadowed", "operations_renamed", "operations_lost")
"""The counters, in the order they are printed. `rows = placed + reported + duplicated + lost`."""

PROBLEMS = ("samples_rejected", "keys_unreported", "rows_duplicated", "rows_lost",
            "placeholder_fields", "operations_lost")
"""Counters that a clean build keeps at zero (shadowed and renamed operations are reported by
the IR already; they are counted, not re-reported)."""

MAX_REASONS = 3

_PLACEHOLDER_SHAPE = re.compile(r"\s|[<>‹›《》（）()]|^[^\w$@-]|^(?:n/?a|none|-+|\.\.\.)$",
                                re.IGNORECASE)
"""What no wire name looks like but group rows do: words with spaces, angle brackets,
parentheses, a leading punctuation mark, `N/A`/`None`/`...`."""
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(slots=True)
class Consistency:
    """The counters per page and in total, and the diagnostics behind every problem counted."""

    pages: dict[str, dict[str, int]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, page: str, counter: str, amount: int = 1) -> None:
        counts = self.pages.setdefault(page, dict.fromkeys(COUNTS, 0))
        counts[counter] += amount

    def totals(self) -> dict[str, int]:
        out = dict.fromkeys(COUNTS, 0)
        for counts in self.pages.values():
            for key, value in counts.items():
                out[key] += value
        return out


def summary_line(totals: dict[str, int]) -> str:
    """One printed line: problems first, then what was checked."""
    return (f"consistency: samples {totals['samples'] - totals['samples_rejected']}/"
            f"{totals['samples']} valid, sample keys {totals['sample_keys'] - totals['keys_undocumented']}"
            f"/{totals['sample_keys']} documented ({totals['keys_unreported']} undocumented "
            f"without a diagnostic), rows {totals['rows_placed']}/{totals['rows']} "
            f"placed ({totals['rows_reported']} reported, {totals['rows_duplicated']} duplicated, "
            f"{totals['rows_lost']} lost), placeholder fields {totals['placeholder_fields']}, "
            f"operations shadowed {totals['operations_shadowed']}, renamed "
            f"{totals['operations_renamed']}, lost {totals['operations_lost']}")


# --- samples ------------------------------------------------------------------------------

def _reasons(validator: Draft202012Validator, value: Any) -> list[str]:
    try:
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    except RecursionError:
        return ["the sample nests too deeply to check"]
    return [f"{e.json_path}: {e.message[:160]}" for e in errors[:MAX_REASONS]]


def _sample_targets(operation: Operation) -> Iterator[tuple[Any, Schema, str, Any]]:
    """(sample, schema it must satisfy, side, value) for every sample with a documented
    counterpart: a response of its status, the request body."""
    by_status = {r.status: r.schema for r in operation.responses}
    for sample in operation.samples:
        if not isinstance(sample.value, (dict, list)) or sample.syntax not in ("json", "xml"):
            continue
        if sample.kind == "response" and sample.status in by_status:
            yield sample, by_status[sample.status], "response", sample.value
        elif sample.kind == "request" and operation.request_body is not None and \
                sample.syntax == "json":
            yield sample, operation.request_body, "request", sample.value


def _check_samples(product: Product, operation: Operation, out: Consistency) -> None:
    validators: dict[tuple[str, int], Draft202012Validator] = {}
    for sample, schema, side, value in _sample_targets(operation):
        page = sample.loc.path if sample.loc else operation.pages[0] if operation.pages else ""
        key = (side, sample.status if side == "response" else 0)
        if key not in validators:
            document = response_schema(operation, product, sample.status) if side == "response" \
                else body_document(operation, product)
            validators[key] = Draft202012Validator(document)
        out.add(page, "samples")
        reasons = _reasons(validators[key], value)
        if reasons:
            out.add(page, "samples_rejected")
            out.diagnostics.append(Diagnostic(
                "warning", "sample-rejected", f"the {side} schema rejects this sample: "
                + "; ".join(reasons), sample.loc, (operation.loc,) if operation.loc else (),
                operation.id))
        _check_keys(value, schema, "", page, sample.loc, operation.id, out, 0,
                    _left_out(product, operation.id))


def _open(schema: Schema) -> bool:
    """An object that documents no fields of its own (a free-form `object` row): keys below it
    are values, not fields."""
    return not schema.inferred and not schema.properties and \
        schema.additional_properties is None and schema.kind in ("object", "any")


def _count_keys(value: Any, page: str, out: Consistency, depth: int) -> None:
    """Keys of a value the tables do not document (a shape taken from the sample)."""
    if depth > 64:
        return
    items = value if isinstance(value, list) else [value]
    for item in items[:50]:
        if isinstance(item, dict):
            out.add(page, "sample_keys", len(item))
            out.add(page, "keys_undocumented", len(item))
            for inner in item.values():
                _count_keys(inner, page, out, depth + 1)
        elif isinstance(item, list):
            _count_keys(item, page, out, depth + 1)


_LEFT_OUT = re.compile(r"^(.+?): in the sample but not in the table; not added")


def _left_out(product: Product, op_id: str) -> frozenset[str]:
    """Sample keys the IR reported and left out of the contract (`field-undocumented`, where
    the tables are the contract), as paths without list steps (`Items.Item.Name`)."""
    return frozenset(_plain(match[1]) for d in product.diagnostics
                     if d.code == "field-undocumented" and d.operation == op_id
                     and (match := _LEFT_OUT.match(d.message)))


def _plain(path: str) -> str:
    """`A.B[].C` and the pointer `/A/B/0/C` both as `A.B.C`."""
    steps = path.replace("[]", "").replace("/", ".").split(".")
    return ".".join(s for s in steps if s and not s.isdigit())


_SCALARS = frozenset({"string", "integer", "number", "boolean"})


def _check_keys(value: Any, schema: Schema, pointer: str, page: str, loc: SourceLoc | None,
                op_id: str, out: Consistency, depth: int,
                left_out: frozenset[str] = frozenset()) -> None:
    if depth > 64:
        return
    if schema.inferred:
        # Added from the sample (`field-undocumented`, `response-inferred` say so).
        _count_keys(value, page, out, depth)
        return
    if isinstance(value, (dict, list)) and schema.kind in _SCALARS and \
            {"object", "array"} & set(schema.also_kinds):
        # A field the table types as a scalar that the sample shows as an object or a list:
        # the schema accepts the sample's shape, and `sample-type` reports it at the field,
        # so the keys below are undocumented but reported.
        _count_keys(value, page, out, depth)
        return
    if isinstance(value, list):
        item = schema.items if schema.items is not None else schema if schema.kind == "object" \
            else None
        if item is not None:
            for index, inner in enumerate(value[:50]):
                _check_keys(inner, item, f"{pointer}/{index}", page, loc, op_id, out, depth + 1,
                            left_out)
        return
    if schema.one_of and isinstance(value, dict):
        # The alternative that documents most of the sample's keys.
        schema = max(schema.one_of, key=lambda b: sum(b.property(k) is not None for k in value))
    if not isinstance(value, dict) or _open(schema):
        return
    if schema.kind == "array" and schema.items is not None:
        # A one-item list printed as a bare object.
        _check_keys(value, schema.items, pointer, page, loc, op_id, out, depth + 1, left_out)
        return
    for key, inner in value.items():
        sub = schema.property(key) or schema.additional_properties
        if sub is None:
            out.add(page, "sample_keys")
            out.add(page, "keys_undocumented")
            if _plain(f"{pointer}/{key}") in left_out:
                continue  # reported where it was left out
            out.add(page, "keys_unreported")
            out.diagnostics.append(Diagnostic(
                "warning", "sample-key-undocumented", f"{pointer}/{key}: the sample holds a key "
                "no table documents there", loc, (), op_id))
            continue
        out.add(page, "sample_keys")
        if sub.inferred:
            out.add(page, "keys_undocumented")
            _count_keys(inner, page, out, depth + 1)
            continue
        _check_keys(inner, sub, f"{pointer}/{key}", page, loc, op_id, out, depth + 1, left_out)


# --- table rows ---------------------------------------------------------------------------

Place = tuple[str, ...]


def _walk(schema: Schema, owner: Place, pointer: str, found: dict[SourceLoc, set[Place]],
          depth: int = 0) -> None:
    """Every row location under `schema`, with the place it landed: the nearest named type
    (or the operation's side) and the pointer below it. One type used twice is one place."""
    if depth > 64:
        return
    for loc in (schema.loc, *schema.also_locs):
        if loc is not None:
            found.setdefault(loc, set()).add((*owner, pointer))
    if schema.ref:
        owner, pointer = ("type", schema.ref), ""
    for name, sub in schema.properties:
        _walk(sub, owner, f"{pointer}/{name}", found, depth + 1)
    if schema.items is not None:
        _walk(schema.items, owner, f"{pointer}/[]", found, depth + 1)
    if schema.additional_properties is not None:
        _walk(schema.additional_properties, owner, f"{pointer}/*", found, depth + 1)
    for index, branch in enumerate(schema.one_of):
        _walk(branch, owner, f"{pointer}/oneOf{index}", found, depth + 1)
    if schema.content_schema is not None:
        # The keys of a JSON document carried in a string: its root is the row itself.
        _walk_children(schema.content_schema, owner, f"{pointer}/(json)", found, depth + 1)


def _walk_children(schema: Schema, owner: Place, pointer: str,
                   found: dict[SourceLoc, set[Place]], depth: int = 0) -> None:
    for key, sub in schema.properties:
        _walk(sub, owner, f"{pointer}/{key}", found, depth + 1)
    if schema.items is not None:
        _walk(schema.items, owner, f"{pointer}/[]", found, depth + 1)


def _places(product: Product) -> dict[SourceLoc, set[Place]]:
    found: dict[SourceLoc, set[Place]] = {}
    for op in product.operations:
        for param in op.parameters:
            owner = (op.id, param.location)
            if param.loc is not None:
                found.setdefault(param.loc, set()).add((*owner, f"/{param.name}"))
            _walk(param.schema, owner, f"/{param.name}", found)
        if op.request_body is not None:
            _walk(op.request_body, (op.id, "body"), "", found)
        for response in op.responses:
            _walk(response.schema, (op.id, str(response.status)), "", found)
            for name, schema in response.headers:
                _walk(schema, (op.id, f"{response.status} header"), f"/{name}", found)
    for name, schema in product.types:
        # The component's own root is a copy of its first use (that row's place is its use).
        _walk_children(schema, ("type", name), "", found)
    return found


def _outermost(places: set[Place]) -> set[Place]:
    """A row's own node and the nodes made for it inside (a list's items, the XML element
    wrapping them) are one place: keep the outermost."""
    return {p for p in places if not any(
        q[:-1] == p[:-1] and p[-1].startswith(q[-1] + "/") for q in places if q != p)}


def _check_rows(product: Product, results: Sequence[Any], out: Consistency) -> None:
    places = _places(product)
    reported = {d.loc for d in product.diagnostics if d.loc is not None}
    reported |= {r for d in product.diagnostics for r in d.related}
    extracts = [e for e in (getattr(r, "extract", None) for r in results) if e is not None]
    # A table other pages link to (`ir/crosslinks.py`) is shared like a type: its rows are
    # in its own page's operation and in each one that links to it.
    linked = {r.link for e in extracts for t in (*e.request, *e.responses, *e.types)
              for r in t.rows if r.link}
    for result in results:
        extract = getattr(result, "extract", None)
        if extract is None or not extract.operation_id:
            continue
        tables = [(t, bool(t.anchor) and t.anchor in linked)
                  for t in (*extract.request, *extract.responses)]
        for table, shared in (*tables, *((t, True) for t in extract.types)):
            # A row read as several fields side by side (`a or b`) is in as many places as it
            # gave fields (a list implied by its member's row is not beside it).
            given = Counter((row.loc, row.depth) for row in table.rows)
            for row in table.rows:
                if row.loc is None:
                    continue
                page = row.loc.path
                out.add(page, "rows")
                landed = _outermost(places.get(row.loc, set()))
                if 1 <= len(landed) <= given[row.loc, row.depth] or shared and landed:
                    # A type's row is in every use of the type that could not be shared.
                    out.add(page, "rows_placed")
                elif len(landed) > 1:
                    out.add(page, "rows_duplicated")
                    out.diagnostics.append(Diagnostic(
                        "warning", "row-duplicated", f"the row {row.name or '(item)'!r} lands "
                        f"in {len(landed)} places: " + ", ".join(
                            "/".join(p) for p in sorted(landed)[:4]), row.loc))
                elif row.loc in reported:
                    out.add(page, "rows_reported")
                else:
                    out.add(page, "rows_lost")
                    out.diagnostics.append(Diagnostic(
                        "warning", "row-lost", f"the row {row.name or '(item)'!r} is in no "
                        "parameter, field or type of the output and no diagnostic names it",
                        row.loc))


# --- placeholders, operations -------------------------------------------------------------

def _names(schema: Schema, depth: int = 0) -> Iterator[tuple[str, Schema]]:
    if depth > 64:
        return
    for name, sub in schema.properties:
        yield name, sub
        yield from _names(sub, depth + 1)
    for inner in (schema.items, schema.additional_properties, *schema.one_of):
        if inner is not None:
            yield from _names(inner, depth + 1)


def is_placeholder_name(name: str, patterns: Iterable[str] = ()) -> bool:
    """A name that stands for a group of rows (`公共请求参数`, `Common parameters`, `<...>`),
    not a wire name."""
    if is_placeholder_row(name, tuple(patterns)):
        return True
    return bool(_PLACEHOLDER_SHAPE.search(name) or _CJK.search(name))


def _check_placeholders(product: Product, out: Consistency) -> None:
    for op in product.operations:
        patterns = op.conventions.placeholder_rows
        fields: list[tuple[str, Schema]] = [(p.name, p.schema) for p in op.parameters]
        for param in op.parameters:
            fields.extend(_names(param.schema))
        if op.request_body is not None:
            fields.extend(_names(op.request_body))
        for response in op.responses:
            fields.extend(_names(response.schema))
        for name, schema in fields:
            if is_placeholder_name(name, patterns):
                loc = schema.loc or op.loc
                out.add(loc.path if loc else (op.pages[0] if op.pages else ""),
                        "placeholder_fields")
                out.diagnostics.append(Diagnostic(
                    "warning", "placeholder-field", f"{name!r} became a field, but it reads like "
                    "a row standing for parameters documented elsewhere", loc, (), op.id))


def _check_operations(product: Product, results: Sequence[Any], out: Consistency) -> None:
    for diagnostic in product.diagnostics:
        if diagnostic.code in ("operation-shadowed", "operation-renamed") and diagnostic.loc:
            out.add(diagnostic.loc.path, "operations_" + diagnostic.code.split("-")[1])
    in_operations = {page for op in product.operations for page in op.pages}
    named = {d.loc.path for d in product.diagnostics if d.loc is not None and d.severity in
             ("error", "warning") and d.code.startswith(("operation-", "page-"))}
    for result in results:
        extract = getattr(result, "extract", None)
        if extract is None or not extract.operation_id or not extract.methods and \
                extract.style == "rest":
            continue
        if extract.page in in_operations or extract.page in named:
            continue
        if not (extract.request or extract.responses or extract.types or extract.samples):
            continue
        out.add(extract.page, "operations_lost")
        out.diagnostics.append(Diagnostic(
            "warning", "operation-lost", f"the page names the operation {extract.operation_id!r} "
            "but no operation of the output comes from it", extract.loc))


def check_consistency(product: Product, results: Sequence[Any] = ()) -> Consistency:
    """Every invariant over a built product and the page results it was built from."""
    out = Consistency()
    for result in results:
        if getattr(result, "extract", None) is not None:
            out.pages.setdefault(result.path, dict.fromkeys(COUNTS, 0))
    for operation in product.operations:
        _check_samples(product, operation, out)
    _check_rows(product, results, out)
    _check_placeholders(product, out)
    _check_operations(product, results, out)
    return out
