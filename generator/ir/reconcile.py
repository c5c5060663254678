"""Page extracts -> Operations: nesting, named types, samples, merging pages of one operation.

Order matters: each page is nested and aligned with its own JSON samples first (its samples
describe its revision); then pages of one operation merge (the first page in path order is the
primary one and wins disagreements, which are reported); then XML samples are read by the merged
shape; last, prose constraints are checked against every sample of every page.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qsl

from ..location import SourceLoc
from .align import Aligner
from .conflicts import reconcile_constraints
from .infer import infer_schema, with_loc
from .merge import merge_schemas
from .model import (
    FLAT_LIST_SPELLED,
    Diagnostic,
    FieldTable,
    Localized,
    Operation,
    PageExtract,
    Parameter,
    Response,
    Sample,
    Schema,
    localized_add,
)
from .nesting import nest
from .refs import inline_refs
from .xmlsample import XmlSampleError, plain_view, xml_to_json


def _json_values(samples: tuple[Sample, ...], kind: str, status: int | None = None) -> list[Any]:
    return [s.value for s in samples if s.kind == kind and s.syntax == "json"
            and isinstance(s.value, (dict, list)) and (status is None or s.status == status)]


def _unwrap_root(extract: PageExtract, diagnostics: list[Diagnostic]) -> PageExtract:
    """Samples printed as `{"<Action>Response": {...}}` (an XML root carried into JSON): the
    inner object is the response. A root naming another operation marks a sample copied from
    another page: it is kept as text but not used to shape this operation's contract."""
    samples = []
    for sample in extract.samples:
        value = sample.value
        if sample.kind == "response" and isinstance(value, dict) and len(value) == 1:
            key, inner = next(iter(value.items()))
            if key.endswith("Response") and isinstance(inner, dict):
                if key == f"{extract.operation_id}Response":
                    diagnostics.append(Diagnostic(
                        "warning", "sample-root-wrapper", f"the sample wraps the response in "
                        f"{{{key!r}: ...}}; the inner object is used", sample.loc,
                        operation=extract.operation_id))
                    sample = replace(sample, value=inner)
                else:
                    diagnostics.append(Diagnostic(
                        "warning", "sample-foreign", f"the sample is the response of "
                        f"{key.removesuffix('Response')}, not {extract.operation_id}; not used",
                        sample.loc, operation=extract.operation_id))
                    sample = replace(sample, value=None)
        samples.append(sample)
    return replace(extract, samples=tuple(samples))


def _request_parameters(extract: PageExtract, types: dict[str, Schema],
                        diagnostics: list[Diagnostic]) -> tuple[list[Parameter], Schema | None]:
    params: list[Parameter] = []
    body_tables: list[FieldTable] = []
    tables: list[FieldTable] = []
    for table in extract.request:
        if any(r.location == "body" for r in table.rows):
            # A table of where-each-row-travels (Huawei body tables with their headers, ROA
            # tables with a Position column): body and header rows go to the body side, the
            # rest are parameters like any other.
            body_tables.append(replace(table, rows=tuple(
                r for r in table.rows if r.location in ("body", "header"))))
            rest = tuple(r for r in table.rows if r.location not in ("body", "header"))
            if not rest:
                continue
            table = replace(table, rows=rest)
        tables.append(table)
    # An ROA page's request sample may show the query parameters as JSON (`"tags": [{"key":
    # ...}]`): it places the rows a table lists flat after their parent.
    shown = [v for v in _json_values(extract.samples, "request") if isinstance(v, dict)] \
        if extract.dialect == "alibaba" and extract.style == "rest" else []
    for table in tables:
        root, found = nest(table, shown)
        diagnostics.extend(found)
        locations = {r.name: r.location for r in table.rows}
        rows = {r.name: r for r in table.rows}
        for name, schema in root.properties:
            schema = inline_refs(schema, types, diagnostics)
            encoding = "plain"
            if schema.kind == "array" and extract.style == "rpc":
                encoding = "flat-list"
                if (schema.max_items or 0) > FLAT_LIST_SPELLED:
                    diagnostics.append(Diagnostic(
                        "info", "flat-list-capped", f"{name}: the docs allow {schema.max_items} "
                        f"items; OpenAPI spells out {name}.1 to {name}.{FLAT_LIST_SPELLED} (the "
                        "contract and docs2spec validate keep the documented limit)",
                        table.loc, operation=extract.operation_id))
            elif schema.content_media_type:
                encoding = "json-string"
            row = rows.get(name)
            if schema.kind == "array" and schema.items is None:
                # An untyped list in a URL is a list of strings: that is all a query can carry.
                schema = replace(schema, items=Schema(kind="string"))
            params.append(Parameter(name=name, location=locations.get(name) or "query",
                                    schema=schema, required=name in root.required,
                                    encoding=encoding,  # type: ignore[arg-type]
                                    loc=row.loc if row else schema.loc))
    body = None
    if body_tables:
        rows = tuple(r for t in body_tables for r in t.rows)
        headers = [r for r in rows if r.location == "header"]
        for row in headers:
            params.append(Parameter(row.name, "header", row.schema, bool(row.required),
                                    loc=row.loc))
        # Huawei body tables are one level each (nested objects are tables of their own);
        # other pages list nested body fields flat, and the samples place them.
        body_rows = tuple(replace(r, depth=0) if extract.dialect == "huawei" else r
                          for r in rows if r.location == "body")
        if body_rows:
            values = _json_values(extract.samples, "request")
            # A body sent as a list (`[{"host": ..., "port": ...}, ...]`): the rows are the
            # members of its items.
            listed = bool(values) and all(isinstance(v, list) and v and all(
                isinstance(i, dict) for i in v) for v in values)
            if listed:
                values = [i for v in values for i in v]
            # Samples of ROA pages also show the path and query parameters in the JSON; those
            # keys are the parameters, not body fields.
            elsewhere = {p.name for p in params} - {r.name for r in body_rows}
            values = [{k: x for k, x in v.items() if k not in elsewhere} if isinstance(v, dict)
                      else v for v in values]
            root, found = nest(FieldTable(body_rows, loc=body_tables[0].loc), values)
            diagnostics.extend(found)
            body = inline_refs(root, types, diagnostics)
            body = _wrapped_by_samples(extract, body, values, diagnostics)
            aligner = Aligner(next((s.loc for s in extract.samples if s.kind == "request"
                                    and s.syntax == "json"), None))
            body = aligner.align(body, [v for v in values if isinstance(v, dict)], "")
            if listed:
                body = Schema(kind="array", items=body, loc=body.loc)
            diagnostics.extend(replace(d, operation=extract.operation_id)
                               for d in aligner.diagnostics)
    return params, body


_TEMPLATE = re.compile(r"\{([^{}/]+)\}")
_SAMPLE_QUERY = re.compile(r"^\s*(?:(?:(?:GET|POST|PUT|DELETE|PATCH|HEAD)\s+)?(?:https?|http\(s\))://"
                           r"|(?:GET|POST|PUT|DELETE|PATCH|HEAD)\s+/)[^\s?#]*\?([^\s#]+)", re.I)
_QUERY_NAME = re.compile(r"^[A-Za-z_][\w.\-\[\]]{0,127}$")


def _sample_query_parameters(extract: PageExtract, params: list[Parameter],
                             diagnostics: list[Diagnostic]) -> list[Parameter]:
    """A REST page's example request shows query parameters its tables do not document
    (`GET https://{endpoint}/v2/{project_id}/cloudsnapshots/detail?status=available`): they
    are parameters of the operation, optional, typed from the value (digits: integer) and
    marked inferred; a name repeated in one URL (`?fields=id&fields=name`) is a list. (Huawei
    pages: an Alibaba ROA sample's query also carries common parameters such as `RegionId`.)"""
    if extract.style != "rest" or extract.dialect != "huawei":
        return params
    known = {p.name for p in params}
    found: dict[str, tuple[list[str], bool, SourceLoc | None]] = {}
    for sample in extract.samples:
        if sample.kind != "request" or not sample.text.strip():
            continue
        match = _SAMPLE_QUERY.match(sample.text.strip().splitlines()[0])
        if not match:
            continue
        pairs = parse_qsl(match.group(1), keep_blank_values=True)
        counts: dict[str, int] = {}
        for key, _ in pairs:
            counts[key] = counts.get(key, 0) + 1
        for key, value in pairs:
            if key in known or not _QUERY_NAME.match(key):
                continue
            values, repeated, loc = found.get(key, ([], False, sample.loc))
            found[key] = ([*values, value], repeated or counts[key] > 1, loc)
    for key, (values, repeated, loc) in found.items():
        kind = "integer" if all(v.isdigit() and len(v) < 10 for v in values) else "string"
        schema = Schema(kind=kind, inferred=True, loc=loc)
        if repeated:
            schema = Schema(kind="array", items=schema, inferred=True, loc=loc)
        params.append(Parameter(name=key, location="query", schema=schema, loc=loc))
        diagnostics.append(Diagnostic(
            "info", "query-from-sample", f"{key}: a query parameter of the example request that "
            "no table documents; added as optional and marked x-docs2spec-inferred", loc,
            operation=extract.operation_id))
    return params


def _complete_path_parameters(extract: PageExtract, params: list[Parameter],
                              diagnostics: list[Diagnostic]) -> list[Parameter]:
    """Every `{name}` of the path is a parameter, documented or not: a path template whose
    variable has no parameter is not valid OpenAPI and no tool can match it."""
    params = [replace(p, location="path", required=True)
              if p.location != "path" and "{" + p.name + "}" in extract.path else p
              for p in params]
    # A path segment is text: a path parameter documented without a type (a URI table of
    # name, mandatory, description) is a string, as an undocumented one is. So is a REST
    # query value documented in such a table (`date`: "the date to be queried").
    untyped = ("path", "query") if extract.style == "rest" else ("path",)
    params = [replace(p, schema=replace(p.schema, kind="string"))
              if p.location in untyped and p.schema.kind == "any"
              and not p.schema.type_text.strip() and not p.schema.properties else p
              for p in params]
    declared = {p.name for p in params if p.location == "path"}
    for name in _TEMPLATE.findall(extract.path):
        if name not in declared:
            diagnostics.append(Diagnostic(
                "warning", "path-parameter-undocumented", f"the path {extract.path} has "
                f"{{{name}}} but no table documents it; declared as a required string",
                extract.loc, operation=extract.operation_id))
            params.append(Parameter(name, "path", Schema(kind="string"), True, loc=extract.loc))
            declared.add(name)
    return params


_QUERY_KEY = re.compile(r"[?&][ \t]*([A-Za-z][A-Za-z0-9_]{0,120})=")
COMMON_QUERY = frozenset({"Action", "Version", "Format", "AccessKeyId", "Signature",
                          "SignatureMethod", "SignatureVersion", "SignatureNonce", "SignatureType",
                          "Timestamp", "SecurityToken", "BearerToken"})
"""The RPC common parameters every request carries; a sample request's own are the rest."""


def _complete_query_parameters(extract: PageExtract, params: list[Parameter],
                               diagnostics: list[Diagnostic]) -> list[Parameter]:
    """An RPC sample request that sends a parameter no table documents (the table lists only
    `Action`, the sample `?Action=X&ScalingActivityId=asa-1`): the parameter exists. It is added
    as an optional string, with a warning; flattened lists (`Id.1=`) are left to the tables."""
    if extract.style != "rpc":
        return params
    known = {p.name.lower() for p in params} | {n.lower() for n in COMMON_QUERY}
    for sample in extract.samples:
        if sample.kind != "request" or sample.syntax != "url":
            continue
        for name in _QUERY_KEY.findall(sample.text):
            if name.lower() in known:
                continue
            known.add(name.lower())
            diagnostics.append(Diagnostic(
                "warning", "parameter-undocumented", f"{name}: the sample request sends it, no "
                "table documents it; added as an optional string", sample.loc,
                operation=extract.operation_id))
            params.append(Parameter(name, "query", Schema(kind="string", inferred=True,
                                                          loc=sample.loc), loc=sample.loc))
    return params


def _wrapped_by_samples(extract: PageExtract, root: Schema, values: list[Any],
                        diagnostics: list[Diagnostic]) -> Schema:
    """The table documents the fields of an object the samples wrap in one key the table
    never names (`password`, `original_password` documented; the sample sends
    `{"user": {"password": ..., "original_password": ...}}`): the body is that wrapper."""
    if not root.properties or not values or not all(
            isinstance(v, dict) and len(v) == 1 for v in values):
        return root
    keys = {next(iter(v)) for v in values}
    if len(keys) != 1:
        return root
    key = keys.pop()
    documented = {name for name, _ in root.properties}
    inner = [v[key] for v in values]
    listed = all(isinstance(i, list) for i in inner)
    objects = [o for i in inner for o in (i if listed else [i])]
    if key in documented or not objects or not all(isinstance(o, dict) and o for o in objects):
        return root
    shown = {k for o in objects for k in o}
    if len(shown & documented) * 2 < len(shown) or not shown & documented:
        return root
    diagnostics.append(Diagnostic(
        "info", "sample-wrapper-key", f"the samples wrap the documented fields in {{{key!r}: "
        f"{'[...]' if listed else '...'}}}; the schema follows the samples",
        root.loc or extract.loc, operation=extract.operation_id))
    inner_schema = Schema(kind="array", items=root, loc=root.loc) if listed else root
    return Schema(kind="object", loc=root.loc, properties=((key, inner_schema),), required=(key,))


def _drop_error_fields(extract: PageExtract, root: Schema, values: list[Any],
                       diagnostics: list[Diagnostic]) -> Schema:
    """A documented top-level field that only the page's error samples show (`error`: "The
    error message returned if an error occurs", next to `{"error": {"message": ..., "code":
    ...}}`) belongs to the error body, not to the success response: it is left out of it."""
    if not values or not all(isinstance(v, dict) for v in values):
        return root
    shown = {key for value in values for key in value}
    errors = {key for value in _json_values(extract.samples, "error")
              if isinstance(value, dict) for key in value}
    drop = {name for name, _ in root.properties if name in errors and name not in shown}
    if not drop or len(drop) == len(root.properties):
        return root
    for name, schema in root.properties:
        if name in drop:
            diagnostics.append(Diagnostic(
                "info", "error-field", f"{name}: documented with the response but shown only by "
                "the error samples; it belongs to the error body and is left out of the success "
                "response", schema.loc or extract.loc, operation=extract.operation_id))
    return replace(root, properties=tuple(p for p in root.properties if p[0] not in drop),
                   required=tuple(r for r in root.required if r not in drop))


def _responses(extract: PageExtract, types: dict[str, Schema],
               diagnostics: list[Diagnostic]) -> list[Response]:
    by_status: dict[int, list[FieldTable]] = {}
    for table in extract.responses:
        by_status.setdefault(table.status, []).append(table)
    responses: list[Response] = []
    for status, tables in sorted(by_status.items()):
        values = _json_values(extract.samples, "response", status)
        # Without a JSON sample, the XML one still shows which element holds which: it places
        # the rows (it is read by the documented shape afterwards, in `check_samples`).
        placing = values or [v for s in extract.samples if s.kind == "response"
                             and s.syntax == "xml" and s.status == status
                             and (v := plain_view(s.text)) is not None]
        rows = tuple(r for t in tables for r in t.rows)
        if extract.dialect == "huawei":
            rows = tuple(replace(r, depth=0) if r.depth is None else r for r in rows)
        root, found = nest(FieldTable(rows, status=status, loc=tables[0].loc), placing)
        diagnostics.extend(found)
        root = inline_refs(root, types, diagnostics)
        if 200 <= status < 300:
            root = _drop_error_fields(extract, root, values, diagnostics)
            root = _wrapped_by_samples(extract, root, values, diagnostics)
        sample_loc = next((s.loc for s in extract.samples if s.kind == "response"), None)
        aligner = Aligner(sample_loc)
        root = aligner.align(root, values, "")
        diagnostics.extend(replace(d, operation=extract.operation_id) for d in aligner.diagnostics)
        responses.append(Response(status=status, schema=root))
    if not any(200 <= r.status < 300 for r in responses):
        values = _json_values(extract.samples, "response")
        if values:
            schema = with_loc(infer_schema(values), next(
                s.loc for s in extract.samples if s.kind == "response" and s.syntax == "json"))
            diagnostics.append(Diagnostic(
                "warning", "response-inferred", "the page documents no response fields; the "
                "response schema is inferred from its sample and marked x-docs2spec-inferred",
                schema.loc, operation=extract.operation_id))
            responses.append(Response(status=200, schema=schema))
        else:
            diagnostics.append(Diagnostic(
                "warning", "response-missing", "the page documents no response fields and has "
                "no JSON sample; the response accepts any object", extract.loc,
                operation=extract.operation_id))
            responses.append(Response(status=200, schema=Schema(kind="object")))
    return responses


def _named_types(extract: PageExtract, diagnostics: list[Diagnostic],
                 request: bool) -> dict[str, Schema]:
    """Named type tables of the request side (status 0) or the response side; a page may
    document a request `PolicyRule` and a different response `PolicyRule`, so each side looks
    in its own tables first and in the other side's second."""
    own: dict[str, Schema] = {}
    other: dict[str, Schema] = {}
    for table in extract.types:
        target = own if (table.status == 0) == request else other
        rows = tuple(replace(r, depth=0) if r.depth is None else r for r in table.rows)
        root, found = nest(replace(table, rows=rows), [])
        if table.name in target:
            if request == (table.status == 0):
                diagnostics.append(Diagnostic("warning", "type-duplicate",
                                              f"type {table.name} is documented twice on the "
                                              "page; the first table is used", table.loc))
            continue
        if request == (table.status == 0):
            diagnostics.extend(found)
        target[table.name] = replace(root, ref=table.name, loc=table.loc)
    return {**other, **own}


def operation_from_page(extract: PageExtract) -> tuple[Operation, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = list(extract.diagnostics)
    extract = _unwrap_root(extract, diagnostics)
    params, body = _request_parameters(extract, _named_types(extract, diagnostics, True),
                                       diagnostics)
    responses = _responses(extract, _named_types(extract, diagnostics, False), diagnostics)
    params = _complete_path_parameters(extract, params, diagnostics)
    params = _complete_query_parameters(extract, params, diagnostics)
    params = _sample_query_parameters(extract, params, diagnostics)
    operation = Operation(
        id=extract.operation_id, style=extract.style, methods=extract.methods, path=extract.path,
        summary=_bounded(extract.summary, "summary", extract, diagnostics),
        description=_bounded(extract.description, "description", extract, diagnostics),
        parameters=tuple(params),
        request_body=body, responses=tuple(responses), errors=extract.errors,
        samples=extract.samples, changes=extract.changes, pages=(extract.page,), loc=extract.loc,
        dialect=extract.dialect)
    return operation, diagnostics


MAX_TEXT = 100_000
"""Characters of an operation's summary or description that are kept (as `MAX_CELL` for a
table cell): prose that long is a page that lost its structure, not a description."""


def _bounded(texts: Localized, what: str, extract: PageExtract,
             diagnostics: list[Diagnostic]) -> Localized:
    if all(len(text) <= MAX_TEXT for _, text in texts):
        return texts
    diagnostics.append(Diagnostic("warning", "text-truncated", f"the operation's {what} has "
                                  f"{max(len(text) for _, text in texts)} characters; only the "
                                  f"first {MAX_TEXT} are kept", extract.loc))
    return tuple((lang, text[:MAX_TEXT]) for lang, text in texts)


def _merge_localized(a: Localized, b: Localized) -> Localized:
    for lang, text in b:
        a = localized_add(a, lang, text)
    return a


def merge_operations(primary: Operation, other: Operation,
                     diagnostics: list[Diagnostic]) -> Operation:
    """Union of two pages of one operation; the primary page wins disagreements."""
    where = f"{primary.pages[0]} and {other.pages[0]}"
    params = list(primary.parameters)
    names = {p.name: i for i, p in enumerate(params)}
    only_primary = set(names) - {p.name for p in other.parameters}
    only_other = []
    for param in other.parameters:
        if param.name not in names:
            only_other.append(param.name)
            params.append(param)
            continue
        mine = params[names[param.name]]
        if mine.required != param.required:
            diagnostics.append(Diagnostic(
                "warning", "merge-required", f"{param.name}: required is {mine.required} in "
                f"{primary.pages[0]} but {param.required} in {other.pages[0]}; keeping "
                f"{mine.required}", mine.loc, (param.loc,) if param.loc else (), primary.id))
        merged = merge_schemas(mine.schema, param.schema, param.name, diagnostics, primary.id)
        params[names[param.name]] = replace(mine, schema=merged)
    if only_primary or only_other:
        diagnostics.append(Diagnostic(
            "info", "merge-fields", f"{primary.id} ({where}): request parameters only in "
            f"{primary.pages[0]}: {sorted(only_primary) or 'none'}; only in {other.pages[0]}: "
            f"{sorted(only_other) or 'none'}", primary.loc, (other.loc,) if other.loc else (),
            primary.id))
    responses = {r.status: r for r in primary.responses}
    for response in other.responses:
        if response.status in responses:
            mine = responses[response.status]
            responses[response.status] = replace(mine, schema=merge_schemas(
                mine.schema, response.schema, "", diagnostics, primary.id, report_fields=True))
        else:
            responses[response.status] = response
    errors = list(primary.errors)
    seen = {(e.status, e.code) for e in errors}
    for error in other.errors:
        if (error.status, error.code) not in seen:
            errors.append(error)
            seen.add((error.status, error.code))
        else:
            index = next(i for i, e in enumerate(errors) if (e.status, e.code) ==
                         (error.status, error.code))
            errors[index] = replace(errors[index], description=_merge_localized(
                errors[index].description, error.description),
                also_locs=errors[index].also_locs + ((error.loc,) if error.loc else ()))
    body = primary.request_body
    if body is not None and other.request_body is not None:
        body = merge_schemas(body, other.request_body, "", diagnostics, primary.id)
    return replace(
        primary, summary=_merge_localized(primary.summary, other.summary),
        description=_merge_localized(primary.description, other.description),
        parameters=tuple(params), request_body=body or other.request_body,
        responses=tuple(responses[s] for s in sorted(responses)), errors=tuple(errors),
        samples=primary.samples + other.samples, changes=primary.changes + other.changes,
        pages=primary.pages + other.pages)


def _read_xml_samples(operation: Operation, diagnostics: list[Diagnostic]) -> Operation:
    success = operation.success()
    samples = []
    for sample in operation.samples:
        if sample.syntax == "xml" and sample.value is None and success is not None:
            try:
                tag, value = xml_to_json(sample.text, success.schema)
            except XmlSampleError as exc:
                diagnostics.append(Diagnostic("error", "sample-invalid", f"XML sample: {exc}",
                                              sample.loc, operation=operation.id))
            else:
                if tag.endswith("Response") and tag != f"{operation.id}Response":
                    diagnostics.append(Diagnostic(
                        "warning", "sample-foreign", f"the XML sample is the response of "
                        f"{tag.removesuffix('Response')}, not {operation.id}; not used",
                        sample.loc, operation=operation.id))
                else:
                    sample = replace(sample, value=value)
        samples.append(sample)
    return replace(operation, samples=tuple(samples))


def check_samples(operation: Operation, diagnostics: list[Diagnostic]) -> Operation:
    """XML samples read, shapes aligned to them, and constraints no sample breaks."""
    operation = _read_xml_samples(operation, diagnostics)
    responses = []
    for response in operation.responses:
        pairs = [(s.value, s.loc) for s in operation.samples if s.kind == "response"
                 and s.status == response.status and isinstance(s.value, (dict, list))]
        aligner = Aligner(pairs[0][1] if pairs else None)
        schema = aligner.align(response.schema, [v for v, _ in pairs], "")
        diagnostics.extend(aligner.diagnostics)
        schema = reconcile_constraints(schema, pairs, "", diagnostics, operation.id,
                                       responses=True)
        responses.append(replace(response, schema=schema))
    params = []
    for param in operation.parameters:
        schema = reconcile_constraints(param.schema, [], param.name, diagnostics, operation.id)
        params.append(replace(param, schema=schema))
    body = operation.request_body
    if body is not None:
        pairs = [(s.value, s.loc) for s in operation.samples if s.kind == "request"
                 and isinstance(s.value, dict)]
        body = reconcile_constraints(body, pairs, "", diagnostics, operation.id)
    return replace(operation, responses=tuple(responses), parameters=tuple(params),
                   request_body=body)


def documented_type_names(extracts: list[PageExtract]) -> frozenset[str]:
    """Names of object types a page documents in a table of their own."""
    return frozenset(t.name for e in extracts for t in e.types if t.name)


_SAFE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _identity(extract: PageExtract) -> tuple[str, tuple[str, ...], str]:
    """What makes two pages the same operation: the Action name on RPC pages (the same Action in
    several locales is one operation); name, methods and path on REST pages, whose names are
    made from titles and may repeat across API generations (`/v2.0/...` and `/v5/...`)."""
    if extract.style == "rest":
        return extract.operation_id, extract.methods, extract.path
    return extract.operation_id, (), ""


def _safe_name(name: str) -> str:
    """Operation ids name files and classes: ASCII identifier characters only, deterministic."""
    if _SAFE_ID.fullmatch(name):
        return name
    cleaned = re.sub(r"[^A-Za-z0-9_]", "", name)
    if cleaned and _SAFE_ID.fullmatch(cleaned) and len(cleaned) * 2 >= len(name):
        return cleaned
    return "Operation" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


def _unique_names(groups: dict[tuple[str, tuple[str, ...], str], list[PageExtract]],
                  diagnostics: list[Diagnostic]) -> dict[str, list[PageExtract]]:
    """One safe, unique operation id per identity; renames are reported, never silent."""
    named: dict[str, list[PageExtract]] = {}
    for identity in sorted(groups, key=lambda key: (key[0], groups[key][0].page)):
        extracts = groups[identity]
        original = identity[0]
        name = base = _safe_name(original)
        number = 1
        while name in named:
            number += 1
            name = f"{base}{number}"
        if name != original:
            first = named.get(base, [None])[0]
            why = (f"{original!r} already names {' '.join(first.methods) or '?'} {first.path} "
                   f"({first.page})" if first is not None and name != base
                   else f"{original!r} is not an identifier")
            diagnostics.append(Diagnostic(
                "warning", "operation-renamed", f"operation named {name!r}: {why}",
                extracts[0].loc or SourceLoc(extracts[0].page, 1), (), name))
            extracts = [replace(e, operation_id=name) for e in extracts]
        named[name] = extracts
    return named


def build_operations(extracts: list[PageExtract]) -> tuple[list[Operation], list[Diagnostic]]:
    """All operations of a product, pages of one operation merged in page-path order."""
    diagnostics: list[Diagnostic] = []
    groups: dict[str, list[PageExtract]] = {}
    for extract in sorted(extracts, key=lambda e: e.page):
        if not extract.operation_id:
            diagnostics.extend(extract.diagnostics)
            diagnostics.append(Diagnostic("error", "page-skipped", "no operation found on the page",
                                          SourceLoc(extract.page, 1)))
            continue
        groups.setdefault(_identity(extract), []).append(extract)
    groups = _unique_names(groups, diagnostics)
    operations = []
    for op_id in sorted(groups):
        built = []
        for extract in groups[op_id]:
            try:
                operation, found = operation_from_page(extract)
            except RecursionError:
                diagnostics.append(Diagnostic("error", "page-skipped", "the page's tables or "
                                              "samples nest too deeply", extract.loc, (), op_id))
                continue
            diagnostics.extend(found)
            built.append(operation)
        if not built:
            continue
        operation = built[0]
        for other in built[1:]:
            operation = merge_operations(operation, other, diagnostics)
        operations.append(check_samples(operation, diagnostics))
    return _distinct_routes(operations, diagnostics), diagnostics


_TEMPLATE_VARIABLE = re.compile(r"\{[^{}/]*\}")


def _distinct_routes(operations: list[Operation],
                     diagnostics: list[Diagnostic]) -> list[Operation]:
    """One operation per method and path, as OpenAPI requires.

    Paths that differ only in their variables' names (`/v1/{id}`, `/v1/{vpn_id}`) are one path:
    later operations take the first one's spelling (their path parameters renamed with it). A
    method and path that a second operation also claims (a page copied under another title)
    stays with the first operation in id order; the second loses it, reported as an error."""
    spelling: dict[str, str] = {}
    owner: dict[tuple[str, str], Operation] = {}
    kept: list[Operation] = []
    for operation in operations:
        if operation.style != "rest" or not operation.path:
            kept.append(operation)
            continue
        shape = _TEMPLATE_VARIABLE.sub("{}", operation.path)
        first = spelling.setdefault(shape, operation.path)
        if first != operation.path:
            operation = _respell_path(operation, first)
            diagnostics.append(Diagnostic(
                "info", "path-variables-renamed", f"{operation.id}: path variables named as in "
                f"{first}, the same path another operation documents", operation.loc,
                operation=operation.id))
        methods = []
        for method in operation.methods:
            holder = owner.setdefault((method, shape), operation)
            if holder is operation:
                methods.append(method)
                continue
            diagnostics.append(Diagnostic(
                "error", "operation-shadowed", f"{method} {first} is documented both as "
                f"{holder.id} ({', '.join(holder.pages)}) and as {operation.id} "
                f"({', '.join(operation.pages)}); {holder.id} keeps it", operation.loc,
                operation=operation.id))
        if methods:
            kept.append(replace(operation, methods=tuple(methods)))
    return kept


def _respell_path(operation: Operation, template: str) -> Operation:
    theirs = [m[1:-1] for m in _TEMPLATE_VARIABLE.findall(operation.path)]
    ours = [m[1:-1] for m in _TEMPLATE_VARIABLE.findall(template)]
    renamed = dict(zip(theirs, ours, strict=True))
    params = tuple(replace(p, name=renamed.get(p.name, p.name)) if p.location == "path" else p
                   for p in operation.parameters)
    return replace(operation, path=template, parameters=params)
