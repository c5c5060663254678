"""IR -> one OpenAPI 3.1 document per product (JSON; YAML is the same data).

REST style (Huawei, Alibaba ROA): one path item per path template, one operation per method,
path/query/header parameters on the operation and the JSON body as `requestBody`. Every
operation's documented error codes are listed under their HTTP status with the vendor's error
envelope (`RpcError` for Alibaba, RPC or ROA; `RestError` for Huawei), the docs' error samples as
its examples.

RPC style (Alibaba): every Action is a path item keyed `/?Action=<Name>`. OpenAPI has no way to
tell operations apart by a query value, so the key carries it; openapi-core and other tools
match such a request once the request adapter reports `/?Action=<Name>` as its path pattern
(`generator.rpc.rpc_path_pattern` does it). GET and POST share the path item's parameters.
Flattened lists (`Tag.N.Key`) are spelled out as the indexed parameters they are on the wire,
`Tag.1.Key` ... `Tag.20.Key`, so standard tools validate each of them; a JSON document in a
string is a string parameter with `contentMediaType`/`contentSchema` (JSON Schema 2020-12):
its wire type stays string, and docs2spec's validator parses and checks the document.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..ir.model import (
    FLAT_LIST_SPELLED,
    Operation,
    Parameter,
    Product,
    Sample,
    Schema,
    localized_get,
)
from ..location import json_visible
from .jsonschema import X, envelope_of, envelope_schema, schema_to_json

REF = "#/components/schemas/"
DEFAULT_LIST_LENGTH = 20
INNER_LIST_LENGTH = 5


def _inner_count(sub: Schema) -> int:
    """Indices spelled for a list inside each item (`TagFilter.N.TagValues.N`)."""
    return min(sub.max_items or INNER_LIST_LENGTH, INNER_LIST_LENGTH)


def _flat_parameters(param: Parameter, named: frozenset[str]) -> list[dict[str, Any]]:
    schema = param.schema
    item = schema.items or Schema(kind="string")
    # At most FLAT_LIST_SPELLED parameters per list, nested lists included (`Tag.N.Values.N`
    # with N up to 100 would be 10,000 parameters, each with the row's description).
    per_item = sum(_inner_count(sub) if sub.kind == "array" else 1
                   for _, sub in item.properties) or 1
    count = max(1, min(schema.max_items or DEFAULT_LIST_LENGTH, FLAT_LIST_SPELLED // per_item))
    description = localized_get(schema.description)
    wire = {"name": param.name, "encoding": "flat-list", "maxItems": schema.max_items,
            "minItems": schema.min_items}
    out = []
    for index in range(1, count + 1):
        # A required list sends at least its first item (`InstanceId.1`, `Tag.1.Key` when the
        # item's key is required too); the rest stay optional.
        first = bool(param.required) and index == 1
        if item.properties:
            for key, sub in item.properties:
                if sub.kind == "array":
                    # `TagFilter.N.TagValues.N`: a list inside each item, indexed again.
                    inner = sub.items or Schema(kind="string")
                    inner_count = _inner_count(sub)
                    for inner_index in range(1, inner_count + 1):
                        out.append({"name": f"{param.name}.{index}.{key}.{inner_index}",
                                    "in": "query", "required": False,
                                    "description": localized_get(sub.description),
                                    "schema": schema_to_json(inner, REF, named),
                                    X + "wire": wire})
                    continue
                out.append({"name": f"{param.name}.{index}.{key}", "in": "query",
                            "required": first and key in item.required,
                            "description": localized_get(sub.description),
                            "schema": schema_to_json(sub, REF, named), X + "wire": wire})
        else:
            out.append({"name": f"{param.name}.{index}", "in": "query", "required": first,
                        "description": description, "schema": schema_to_json(item, REF, named),
                        X + "wire": wire})
    return out


def parameter_objects(operation: Operation, product: Product,
                      named: frozenset[str]) -> list[dict[str, Any]]:
    params: list[dict[str, Any]] = []
    if operation.style == "rpc":
        params.append({"name": "Action", "in": "query", "required": True,
                       "description": "The operation to perform.",
                       "schema": {"type": "string", "enum": [operation.id]}})
        known = product.version and product.version != "unknown"
        params.append({"name": "Version", "in": "query", "required": True,
                       "description": "The API version.",
                       "schema": {"type": "string", "enum": [product.version]} if known
                       else {"type": "string"}})
    for param in operation.parameters:
        if param.name in ("Action", "Version") and operation.style == "rpc":
            continue
        if param.encoding == "flat-list":
            # `Tag.1.Key` documented in a row of its own beside `Tag.N.Key` is that row's.
            explicit = {p.name for p in operation.parameters if p.encoding != "flat-list"}
            params.extend(p for p in _flat_parameters(param, named) if p["name"] not in explicit)
            continue
        entry: dict[str, Any] = {"name": param.name, "in": param.location,
                                 "required": param.required or param.location == "path"}
        description = localized_get(param.schema.description)
        if description:
            entry["description"] = description
        entry["schema"] = schema_to_json(param.schema, REF, named)
        if param.encoding == "json-string":
            entry[X + "wire"] = {"encoding": "json-string"}
        elif param.schema.kind == "array" and param.location == "query":
            entry.update(style="form", explode=True)  # (path and header lists: `simple`)
        if param.loc is not None:
            entry[X + "source"] = str(param.loc)
        params.append(entry)
    return params


_ERROR_CODE_KEYS = ("Code", "code", "error_code", "errorCode", "ErrorCode")


def error_sample_status(operation: Operation, sample: Sample) -> int | None:
    """The error response an error sample shows: the status its status line gave, else the one
    documented for the error code the sample carries (`"Code": "Forbidden"`, also inside an
    `{"error": {...}}` wrapper), else the first documented error status; None when the page
    documents no error status at all."""
    if sample.status >= 400:
        return sample.status
    by_code = {e.code: e.status for e in operation.errors}
    value = sample.value
    for holder in (value, *(value.values() if isinstance(value, dict) else ())):
        if isinstance(holder, dict):
            for key in _ERROR_CODE_KEYS:
                code = holder.get(key)
                if isinstance(code, str) and code in by_code:
                    return by_code[code]
    return min(by_code.values(), default=None)


def _examples(operation: Operation, kind: str, status: int | None, syntax: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for sample in operation.samples:
        if sample.kind != kind or sample.syntax != syntax:
            continue
        if kind == "response" and sample.status != status:
            continue
        if kind == "error" and error_sample_status(operation, sample) != status:
            continue
        value = sample.value if syntax == "json" else sample.text
        if syntax == "json" and value is None:
            continue
        key = f"sample{len(found) + 1}"
        found[key] = {"summary": f"{sample.title or 'Sample'} ({sample.loc})", "value": value}
    return found


def _responses(operation: Operation, named: frozenset[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for response in operation.responses:
        media: dict[str, Any] = {"schema": schema_to_json(response.schema, REF, named)}
        examples = _examples(operation, "response", response.status, "json")
        if examples:
            media["examples"] = examples
        content = {"application/json": media}
        xml = _examples(operation, "response", response.status, "xml")
        if xml:
            content["application/xml"] = {"schema": media["schema"], "examples": xml}
        out[str(response.status)] = {"description": localized_get(response.description)
                                     or "Success.", "content": content}
    by_status: dict[int, list] = {}
    for error in operation.errors:
        by_status.setdefault(error.status, []).append(error)
    for sample in operation.samples:
        if sample.kind == "error":
            status = error_sample_status(operation, sample)
            if status is not None and status not in by_status and str(status) not in out:
                by_status[status] = []  # a sample with its own status line
    envelope = envelope_of(operation).component
    for status, errors in sorted(by_status.items()):
        media = {"schema": {"$ref": REF + envelope}}
        content: dict[str, Any] = {"application/json": media}
        error_examples = _examples(operation, "error", status, "json")
        if error_examples:
            media["examples"] = error_examples
        xml = _examples(operation, "error", status, "xml")
        if xml:
            content["application/xml"] = {"schema": media["schema"], "examples": xml}
        entry: dict[str, Any] = {
            "description": f"Error codes: {', '.join(e.code for e in errors)}" if errors
            else "Error (as the docs' sample shows).", "content": content}
        if errors:
            entry[X + "errors"] = [{"code": e.code, "message": e.message,
                                    "description": localized_get(e.description),
                                    "source": str(e.loc) if e.loc else "",
                                    **({"also-documented": [str(x) for x in e.also_locs]}
                                       if e.also_locs else {})} for e in errors]
        out[str(status)] = entry
    unplaced = [s for s in operation.samples if s.kind == "error"
                and error_sample_status(operation, s) is None]
    if unplaced:
        # No error status is documented: the samples still belong to the contract.
        content = {}
        for syntax, media_type in (("json", "application/json"), ("xml", "application/xml")):
            examples = _examples(operation, "error", None, syntax)
            if examples:
                content[media_type] = {"schema": {"$ref": REF + envelope}, "examples": examples}
        if content:
            out["default"] = {"description": "Error (as the docs' sample shows).",
                              "content": content}
    return out


def _operation(operation: Operation, product: Product, named: frozenset[str],
               method: str) -> dict[str, Any]:
    op_id = operation.id if method == operation.methods[0] else f"{operation.id}_{method.upper()}"
    out: dict[str, Any] = {"operationId": op_id}
    summary = localized_get(operation.summary)
    if summary:
        out["summary"] = summary.splitlines()[0][:300]
    # The summary shows one language; a merged operation's summaries in the others are kept
    # as the description when the pages give none.
    description = "\n\n".join(t for _, t in operation.description) or "\n\n".join(
        t for _, t in operation.summary[1:])
    if description:
        out["description"] = description
    if operation.style == "rest":
        out["parameters"] = parameter_objects(operation, product, named)
        if operation.request_body is not None:
            media: dict[str, Any] = {"schema": schema_to_json(operation.request_body, REF, named)}
            examples = _examples(operation, "request", 0, "json")
            if examples:
                media["examples"] = examples
            out["requestBody"] = {"required": True, "content": {"application/json": media}}
    out["responses"] = _responses(operation, named)
    out[X + "pages"] = list(operation.pages)
    request_samples = [s for s in operation.samples if s.kind == "request" and s.syntax != "json"]
    if request_samples:
        out[X + "request-samples"] = [{"text": s.text, "source": str(s.loc)}
                                      for s in request_samples]
    if operation.changes:
        out[X + "changes"] = [{"date": c.date, "summary": c.summary, "source": str(c.loc)}
                              for c in operation.changes]
    return out


def _path_key(operation: Operation) -> str:
    return f"/?Action={operation.id}" if operation.style == "rpc" else operation.path or "/"


def _server(server) -> dict[str, Any]:
    out: dict[str, Any] = {"url": server.url}
    if server.description:
        out["description"] = server.description
    defaults = dict(server.variables)
    names = re.findall(r"\{([^{}]+)\}", server.url)
    if names:
        out["variables"] = {name: {"default": defaults.get(name, name)} for name in names}
    return out


def emit_openapi(product: Product) -> dict[str, Any]:
    named = frozenset(name for name, _ in product.types)
    paths: dict[str, Any] = {}
    for operation in product.operations:
        if not operation.methods:
            continue
        item = paths.setdefault(_path_key(operation), {})
        if operation.style == "rpc":
            item["parameters"] = parameter_objects(operation, product, named)
        for method in operation.methods:
            item[method.lower()] = _operation(operation, product, named, method)
    schemas = {name: schema_to_json(schema, REF, named, top=True)
               for name, schema in product.types}
    for envelope in sorted({envelope_of(op) for op in product.operations},
                           key=lambda e: e.component):
        schemas[envelope.component] = envelope_schema(envelope)
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": product.title, "version": product.version,
                 X + "provider": product.provider, X + "product": product.name,
                 X + "style": product.style, **_conventions(product)},
        "servers": [_server(s) for s in product.servers] or [{"url": "/"}],
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": dict(sorted(schemas.items()))},
    }
    return doc


def _conventions(product: Product) -> dict[str, Any]:
    """The parameters every operation takes whatever its page says (signing, account): plain
    data for the validator, which never learns a dialect's name."""
    common = sorted({n for op in product.operations for n in op.conventions.common_parameters})
    accepted = sorted({n for op in product.operations
                       for n in op.conventions.accepted_parameters} - set(common))
    out: dict[str, Any] = {}
    if common:
        out[X + "common-parameters"] = common
    if accepted:
        out[X + "accepted-parameters"] = accepted
    return out


def dump_json(data: Any) -> str:
    """Deterministic JSON text: stable key order as built, UTF-8, trailing newline; never
    `NaN` or `Infinity` (readers refuse them, so one here is a bug, not bad input); control
    and bidi characters escaped (`location.json_visible`)."""
    return json_visible(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)) + "\n"
