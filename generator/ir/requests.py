"""A page's request side -> parameters (path, query, header) and a request body.

Tables say most of it; the URI template and the example request say the rest (a path variable
no table documents, a query parameter only the example sends), each addition reported.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import parse_qsl

from ..http import METHOD, PATH_VARIABLE, clean_template
from ..location import SourceLoc
from .align import Aligner
from .infer import infer_schema, with_loc
from .jsontext import json_text, names_document
from .listbody import list_body
from .misspelt import misspelling_of
from .model import (
    FLAT_LIST_SPELLED,
    Diagnostic,
    FieldTable,
    Operation,
    PageExtract,
    Parameter,
    Schema,
)
from .nesting import nest
from .refs import inline_refs
from .sampleindex import PageSamples
from .samples import json_values, wrapped_by_samples
from .unreferenced import UnreferencedTypes


def request_parameters(extract: PageExtract, types: dict[str, Schema],
                       diagnostics: list[Diagnostic], samples: PageSamples | None = None,
                       unreferenced: UnreferencedTypes | None = None
                       ) -> tuple[list[Parameter], Schema | None]:
    samples = samples or PageSamples(extract)
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
    shown = samples.index([v for v in samples.json("request") if isinstance(v, dict)]
                          if extract.conventions.request_sample_places_query
                          and extract.style == "rest" else [])
    for table in tables:
        root, found = nest(table, shown)
        diagnostics.extend(found)
        locations = {r.name: r.location for r in table.rows}
        rows = {r.name: r for r in table.rows}
        for name, schema in root.properties:
            schema = inline_refs(schema, types, diagnostics)
            encoding = "plain"
            if schema.kind == "array" and extract.style == "rpc" and \
                    not schema.content_media_type:
                encoding = "flat-list"
                if (schema.max_items or 0) > FLAT_LIST_SPELLED:
                    diagnostics.append(Diagnostic(
                        "info", "flat-list-capped", f"{name}: the docs allow {schema.max_items} "
                        f"items; OpenAPI spells out {name}.1 to {name}.{FLAT_LIST_SPELLED} (the "
                        "contract and docs2spec validate keep the documented limit)",
                        table.loc, operation=extract.operation_id))
            elif schema.content_media_type:
                if schema.kind != "string" and extract.style == "rpc" and \
                        locations.get(name) in (None, "query"):
                    # A `JSON` parameter whose keys a table documents: still the document's
                    # text in the URL, with those keys as its content.
                    schema = replace(schema, kind="string", also_kinds=(), properties=(),
                                     required=(), items=None, additional_properties=None)
                encoding = "json-string"
            elif extract.style == "rpc" and locations.get(name) in (None, "query") and \
                    names_document(schema.type_text):
                document = json_text(schema)
                _report_unshown_keys(name, schema, document, diagnostics, extract.operation_id)
                schema = document
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
        body_rows = tuple(replace(r, depth=0) if extract.conventions.one_level_tables else r
                          for r in rows if r.location == "body")
        if body_rows:
            values = samples.json("request")
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
            root, found = nest(FieldTable(body_rows, loc=body_tables[0].loc),
                               samples.index(values))
            diagnostics.extend(found)
            list_loc = None
            body = inline_refs(root, types, diagnostics)
            if unreferenced is not None:
                body = unreferenced.place(body, values, types, diagnostics)
            as_list = list_body(body, diagnostics, extract.operation_id)
            if as_list is not body:
                # The table's one row stands for the items of a bare list: its items are what
                # the rows (and the samples' items) describe, wrapped again below.
                body, list_loc = as_list.items or Schema(kind="any"), as_list.loc
                values = values if listed else []
                listed = True
            body = wrapped_by_samples(extract, body, values, diagnostics)
            aligner = Aligner(next((s.loc for s in extract.samples if s.kind == "request"
                                    and s.syntax == "json"), None),
                              extract.conventions.one_item_lists_as_objects,
                              extract.conventions.tables_complete,
                              extract.conventions.open_untabled_objects)
            body = aligner.align(body, [v for v in values if isinstance(v, dict)], "")
            if listed:
                body = Schema(kind="array", items=body, loc=list_loc or body.loc)
            diagnostics.extend(replace(d, operation=extract.operation_id)
                               for d in aligner.diagnostics)
    elif extract.style == "rest" and BODY_METHODS & set(extract.methods):
        body = _body_from_samples(extract, params, diagnostics)
    return params, body


BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def _body_from_samples(extract: PageExtract, params: list[Parameter],
                       diagnostics: list[Diagnostic]) -> Schema | None:
    """A REST page that documents no body fields but shows the body in its example request
    (`PATCH /instances/{id}` then `{"password": "..."}`, introduced by "RequestBody中还需填入
    password参数"): the body is inferred from the sample, marked inferred, as a response is.
    Keys the sample shares with the path and query parameters are those, not body fields."""
    elsewhere = {p.name for p in params}
    values = [{k: x for k, x in v.items() if k not in elsewhere} if isinstance(v, dict) else v
              for v in json_values(extract.samples, "request")]
    values = [v for v in values if v]
    if not values:
        return None
    loc = next(s.loc for s in extract.samples if s.kind == "request" and s.syntax == "json")
    diagnostics.append(Diagnostic(
        "warning", "request-body-inferred", "the page documents no body fields; the request "
        "body is inferred from its example request and marked x-docs2spec-inferred", loc,
        operation=extract.operation_id))
    return with_loc(infer_schema(values), loc)


_SAMPLE_QUERY = re.compile(r"^\s*(?:(?:" + METHOD + r"\s+)?(?:https?|http\(s\))://"
                           r"|" + METHOD + r"\s+/)[^\s?#]*\?([^\s#]+)", re.I)
_QUERY_NAME = re.compile(r"^[A-Za-z_][\w.\-\[\]]{0,127}$")


def sample_query_parameters(extract: PageExtract, params: list[Parameter],
                             diagnostics: list[Diagnostic]) -> list[Parameter]:
    """A REST page's example request shows query parameters its tables do not document
    (`GET https://{endpoint}/v2/{project_id}/cloudsnapshots/detail?status=available`): they
    are parameters of the operation, optional, typed from the value (digits: integer) and
    marked inferred; a name repeated in one URL (`?fields=id&fields=name`) is a list. (Huawei
    pages: an Alibaba ROA sample's query also carries common parameters such as `RegionId`.)"""
    if extract.style != "rest" or not extract.conventions.sample_query_adds_parameters:
        return params
    known = {p.name for p in params}
    documented = [p.name for p in params if p.location == "query"]
    misspelt: dict[str, tuple[str, SourceLoc | None]] = {}
    found: dict[str, tuple[list[str], bool, SourceLoc | None]] = {}
    for sample in extract.samples:
        if sample.kind != "request" or sample.foreign or not sample.text.strip():
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
            meant = misspelling_of(key, documented)
            if meant is not None:
                misspelt.setdefault(key, (meant, sample.loc))
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
    for key, (meant, loc) in misspelt.items():
        diagnostics.append(Diagnostic(
            "warning", "query-sample-misspelt", f"{key}: a query key of the example request "
            f"that no table documents, read as the documented query parameter {meant} misspelt; "
            "no parameter added", loc, operation=extract.operation_id))
    return params


def clean_path(extract: PageExtract, diagnostics: list[Diagnostic]) -> PageExtract:
    """The page's path as a valid template (`http.clean_template`: `{project id}`,
    `{project_id/things`, `{{project_id}}`), reported when it changed. When exactly one variable
    of the template is documented nowhere and exactly one documented path parameter is missing
    from it, the page misspelt that one variable: it takes the documented name."""
    if not extract.path:
        return extract
    path = clean_template(extract.path)
    rows = [r for table in extract.request for r in table.rows]
    named = {r.name for r in rows}
    variables = PATH_VARIABLE.findall(path)
    unknown = [v for v in variables if v not in named]
    missing = list(dict.fromkeys(r.name for r in rows if r.location == "path"
                                 and r.name not in variables and "{" not in r.name))
    if len(unknown) == 1 and len(missing) == 1:
        path = path.replace("{" + unknown[0] + "}", "{" + missing[0] + "}", 1)
    if path != extract.path:
        diagnostics.append(Diagnostic(
            "warning", "path-template-repaired", f"the path {extract.path!r} is not a valid "
            f"path template; read as {path}", extract.loc, operation=extract.operation_id))
        extract = replace(extract, path=path)
    return extract


def complete_path_parameters(extract: PageExtract, params: list[Parameter],
                              diagnostics: list[Diagnostic]) -> list[Parameter]:
    """Every `{name}` of the path is a parameter, documented or not: a path template whose
    variable has no parameter is not valid OpenAPI and no tool can match it."""
    named = {p.name for p in params}
    params = [_respaced(extract, p, named, diagnostics) for p in params]
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
    undocumented = [name for name in dict.fromkeys(PATH_VARIABLE.findall(extract.path))
                    if name not in declared]
    if undocumented:
        # One finding per path, not per variable: each would quote the whole path.
        has = ", ".join("{" + name + "}" for name in undocumented)
        diagnostics.append(Diagnostic(
            "warning", "path-parameter-undocumented", f"the path {extract.path} has {has} "
            f"but no table documents {'it' if len(undocumented) == 1 else 'them'}; declared "
            f"as {'a required string' if len(undocumented) == 1 else 'required strings'}",
            extract.loc, operation=extract.operation_id))
        params += [Parameter(name, "path", Schema(kind="string"), True, loc=extract.loc)
                   for name in undocumented]
    return params


def _respaced(extract: PageExtract, param: Parameter, named: set[str],
              diagnostics: list[Diagnostic]) -> Parameter:
    """`protocol _id` (rST `protocol \\_id`: a space typed before an underscore) in the table
    of a path whose variable is `{protocol_id}`, which no row names: that variable, misprinted;
    renamed and reported, not a query parameter `protocol _id` beside an undocumented one."""
    name = "".join(param.name.split())
    if name == param.name or name in named or "{" + name + "}" not in extract.path or \
            param.location not in ("path", "query"):
        return param
    diagnostics.append(Diagnostic(
        "warning", "parameter-misprinted", f"{param.name!r} is documented where the path has "
        f"{{{name}}}; read as {name}", param.loc or extract.loc, operation=extract.operation_id))
    return replace(param, name=name)


def path_parameters_in_path(operations: list[Operation],
                            diagnostics: list[Diagnostic]) -> list[Operation]:
    """OpenAPI allows a path parameter only where the operation's path template has its
    variable, and needs one for every variable. After pages merged and routes were respelled,
    a path parameter the template lacks (an RPC page's `Position: Path`, a second page's
    variable) becomes a query parameter, reported; a variable without one gets a string."""
    kept = []
    for operation in operations:
        variables = PATH_VARIABLE.findall(operation.path or "") if operation.style == "rest" \
            else []
        params = list(operation.parameters)
        for index, param in enumerate(params):
            if param.location == "path" and param.name not in variables:
                diagnostics.append(Diagnostic(
                    "warning", "path-parameter-not-in-path", f"{param.name} is documented as a "
                    f"path parameter, but the path {operation.path or '(none)'} has no "
                    f"{{{param.name}}}; kept as a query parameter", param.loc or operation.loc,
                    operation=operation.id))
                params[index] = replace(param, location="query")
        declared = {p.name for p in params if p.location == "path"}
        params += [Parameter(name, "path", Schema(kind="string"), True, loc=operation.loc)
                   for name in dict.fromkeys(variables) if name not in declared]
        kept.append(replace(operation, parameters=tuple(_distinct(params, operation,
                                                                  diagnostics))))
    return kept


def indexed_list_rows(extract: PageExtract, params: list[Parameter],
                      diagnostics: list[Diagnostic]) -> list[Parameter]:
    """A row for one index of a flattened list (`Tag.1.Key` beside `Tag.N.Key`): both stay, the
    row describes that index (OpenAPI spells the list's other indices), and the overlap is
    reported."""
    lists = {p.name: p for p in params if p.encoding == "flat-list"}
    for param in params:
        base = param.name.split(".", 1)[0]
        if param.encoding != "flat-list" and base in lists and re.fullmatch(
                rf"{re.escape(base)}\.[0-9]+(?:\..+)?", param.name):
            diagnostics.append(Diagnostic(
                "warning", "flat-list-index-documented", f"{param.name} is documented in a row "
                f"of its own and as an index of the flattened list {base}.N; the row describes "
                f"{param.name}", param.loc or extract.loc,
                related=tuple(x for x in (lists[base].loc,) if x is not None),
                operation=extract.operation_id))
    return params


def _distinct(params: list[Parameter], operation: Operation,
              diagnostics: list[Diagnostic]) -> list[Parameter]:
    """One parameter per name and location, as OpenAPI requires (a row documented in two
    tables, a path parameter moved to the query beside a query parameter of its name): the
    first stays, the others are reported."""
    seen: dict[tuple[str, str], Parameter] = {}
    for param in params:
        first = seen.setdefault((param.name, param.location), param)
        if first is not param:
            diagnostics.append(Diagnostic(
                "warning", "parameter-duplicate", f"{param.name} ({param.location}) is "
                "documented twice; the first is kept", param.loc or operation.loc,
                tuple(x for x in (first.loc,) if x is not None), operation.id))
    return list(seen.values())


_QUERY_KEY = re.compile(r"[?&][ \t]*([A-Za-z][A-Za-z0-9_]{0,120})=")


def complete_query_parameters(extract: PageExtract, params: list[Parameter],
                               diagnostics: list[Diagnostic]) -> list[Parameter]:
    """An RPC sample request that sends a parameter no table documents (the table lists only
    `Action`, the sample `?Action=X&ScalingActivityId=asa-1`): the parameter exists. It is added
    as an optional string, with a warning; flattened lists (`Id.1=`) are left to the tables."""
    if extract.style != "rpc":
        return params
    known = {p.name.lower() for p in params} | {n.lower() for n in extract.conventions.common_parameters}
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


def _report_unshown_keys(name: str, documented: Schema, document: Schema,
                         diagnostics: list[Diagnostic], operation: str) -> None:
    """Rows nested under a JSON-document parameter that the document its example shows does
    not hold (a list, an object without those keys) are not in the output: each is named."""
    content = document.content_schema
    unshown = [(key, sub) for key, sub in documented.properties
               if content is None or content.property(key) is None]
    locs = tuple(sub.loc for _, sub in unshown if sub.loc is not None)
    if not unshown:
        return
    diagnostics.append(Diagnostic(
        "warning", "json-keys-unshown", f"{name}: the rows " + ", ".join(
            repr(key) for key, _ in unshown) + " read as keys of its JSON document are not in "
        "the document its example shows; they are left out", locs[0] if locs else
        documented.loc, locs, operation=operation))

