"""IR -> one OpenAPI 3.1 document per product (JSON; YAML is the same data).

REST style (Huawei, Alibaba ROA): one path item per path template, one operation per method,
path/query/header parameters on the operation and the JSON body as `requestBody`. Every
operation's documented error codes are listed under their HTTP status with the vendor's error
envelope (`RpcError` for Alibaba, RPC or ROA; `RestError` for Huawei), the docs' error samples as
its examples.

RPC style (Alibaba): every Action is a path item keyed `/#Action=<Name>`. OpenAPI has no way to
tell operations apart by a query value, so the key carries it, in a fragment: the fragment is
never sent, so clients call `/` with the `Action` and `Version` query parameters, each declared
with its one value as the default (generated clients fill them in; schemathesis sends each
once). openapi-core and other tools match such a request once the request adapter reports
`/#Action=<Name>` as its path pattern (`generator.rpc.rpc_path_pattern` does it). GET and POST
share the path item's parameters.
Flattened lists (`Tag.N.Key`) are spelled out as the indexed parameters they are on the wire,
`Tag.1.Key` ... `Tag.20.Key`, so standard tools validate each of them; a JSON document in a
string is a string parameter with `contentMediaType`/`contentSchema` (JSON Schema 2020-12):
its wire type stays string, and docs2spec's validator parses and checks the document.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from jsonschema import Draft202012Validator

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
from ..rpc import rpc_path_key
from .jsonschema import X, envelope_of, envelope_schema, schema_to_json
from .names import class_part, free_item_name, property_path

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
        # One value each, which is also the default: generated clients fill them in and
        # callers never pass them; the path key (`/#Action=X`) is a fragment, never sent.
        params.append({"name": "Action", "in": "query", "required": True,
                       "description": "The operation to perform.",
                       "schema": {"type": "string", "enum": [operation.id],
                                  "default": operation.id}})
        known = product.version and product.version != "unknown"
        params.append({"name": "Version", "in": "query", "required": True,
                       "description": "The API version.",
                       "schema": {"type": "string", "enum": [product.version],
                                  "default": product.version} if known
                       else {"type": "string"}})
    seen: set[tuple[str, str]] = set()
    for param in operation.parameters:
        if param.name in ("Action", "Version") and operation.style == "rpc":
            continue
        # OpenAPI allows one parameter per name and location (path names compare as the
        # template spells them, whatever the case): a row the page repeats is listed once.
        key = (param.name.lower() if param.location == "path" else param.name, param.location)
        if key in seen:
            continue
        seen.add(key)
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


class Components:
    """The document's component schemas: the product's named types, the error envelopes, and
    every object of a body hoisted under a name from its path (`ListIpsecServersResponse`,
    `ListIpsecServersResponseIpsecServer`), named as the models' classes are, so client
    generators and datamodel-codegen get named types instead of anonymous inline ones."""

    def __init__(self, product: Product) -> None:
        self.named = frozenset(name for name, _ in product.types)
        self.schemas: dict[str, Any] = {name: schema_to_json(schema, REF, self.named, top=True)
                                        for name, schema in product.types}
        for envelope in sorted({envelope_of(op) for op in product.operations},
                               key=lambda e: e.component):
            self.schemas[envelope.component] = envelope_schema(envelope)
        self.taken = set(self.schemas)

    def claim(self, base: str) -> str:
        name = base if base[:1].isalpha() else f"Schema{base}"
        candidate, n = name, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{name}{n}"
        self.taken.add(candidate)
        return candidate

    def body(self, schema: Schema, name: str) -> dict[str, Any]:
        """A body schema, its objects hoisted into named components."""
        return self.hoist(schema_to_json(schema, REF, self.named), name)

    def hoist(self, node: dict[str, Any], path: str, parent: str = "") -> dict[str, Any]:
        """`node` with its objects replaced by `$ref`s; `path` names the node, `parent` the
        object it is in (an XML-style wrapper, `{"VpnConnection": [...]}`, adds no segment to
        its list's item name, as in the models)."""
        if "$ref" in node and "type" not in node:
            return node
        node = dict(node)
        kind = node.get("type", "object" if "properties" in node else None)
        properties = node.get("properties") or {}
        if kind == "object" and properties:
            only = next(iter(properties.values())) if len(properties) == 1 else None
            wrapper = parent and isinstance(only, dict) and only.get("type") == "array"
            prefix = parent if wrapper else path
            node["properties"] = {
                key: self.hoist(sub, property_path(prefix, key, index, path if wrapper else "",
                                                   self.taken), prefix)
                for index, (key, sub) in enumerate(properties.items())}
        if isinstance(node.get("items"), dict):
            node["items"] = self.hoist(node["items"], free_item_name(path, self.taken))
        if kind == "object" and node.get("properties"):
            name = self.claim(path)
            self.schemas[name] = node
            ref: dict[str, Any] = {"$ref": REF + name}
            if "description" in node:
                ref["description"] = node["description"]
            return ref
        return node


def _responses(operation: Operation, components: Components) -> dict[str, Any]:
    out: dict[str, Any] = {}
    base = class_part(operation.id) or "Operation"
    # The success body the models name `<Op>Response` keeps that name; any other documented
    # response is named by its status (`<Op>Response202`, `<Op>Response404`), not numbered.
    success = operation.success()
    for response in operation.responses:
        if not response.body:
            out[str(response.status)] = {"description": localized_get(response.description)
                                         or "Success, no body."}
            continue
        name = f"{base}Response" if response is success else f"{base}Response{response.status}"
        media: dict[str, Any] = {"schema": components.body(response.schema, name)}
        examples = _examples(operation, "response", response.status, "json")
        if examples:
            media["examples"] = examples
        content = {"application/json": media}
        xml = _examples(operation, "response", response.status, "xml")
        if xml:
            content["application/xml"] = {"examples": xml}
        out[str(response.status)] = {"description": localized_get(response.description)
                                     or "Success.", "content": content}
        if response.headers:
            out[str(response.status)]["headers"] = {
                name: {"schema": schema_to_json(schema, REF, components.named),
                       **({"description": localized_get(schema.description)}
                          if schema.description else {})}
                for name, schema in response.headers}
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
            content["application/xml"] = {"examples": xml}
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
                content[media_type] = {"examples": examples} if syntax == "xml" else {
                    "schema": {"$ref": REF + envelope}, "examples": examples}
        if content:
            out["default"] = {"description": "Error (as the docs' sample shows).",
                              "content": content}
    return out


def group_name(operation: Operation, product: Product) -> str:
    """The operation's tag: its docs group in English when the pages give one, else in the
    first language they give, else the product's title (a flat folder of pages)."""
    return localized_get(operation.group) or product.title or product.name


def _security(operation: Operation) -> list[dict[str, list]]:
    """Any one of the vendor's schemes that apply to the operation's wire style."""
    return [{scheme.name: []} for scheme in operation.conventions.security
            if operation.style in scheme.styles]


def _operation(operation: Operation, product: Product, components: Components,
               method: str) -> dict[str, Any]:
    op_id = operation.id if method == operation.methods[0] else f"{operation.id}_{method.upper()}"
    out: dict[str, Any] = {"operationId": op_id, "tags": [group_name(operation, product)]}
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
        out["parameters"] = parameter_objects(operation, product, components.named)
        if operation.request_body is not None:
            media: dict[str, Any] = {"schema": components.body(
                operation.request_body, f"{class_part(operation.id) or 'Operation'}RequestBody")}
            examples = _examples(operation, "request", 0, "json")
            if examples:
                media["examples"] = examples
            out["requestBody"] = {"required": True, "content": {"application/json": media}}
    out["responses"] = _responses(operation, components)
    security = _security(operation)
    if security:
        out["security"] = security
    out[X + "pages"] = list(operation.pages)
    if len(operation.group) > 1:
        out[X + "groups"] = dict(operation.group)
    if operation.variants:
        out[X + "variants"] = list(operation.variants)
    request_samples = [s for s in operation.samples if s.kind == "request" and s.syntax != "json"]
    if request_samples:
        out[X + "request-samples"] = [{"text": s.text, "source": str(s.loc)}
                                      for s in request_samples]
    if operation.changes:
        out[X + "changes"] = [{"date": c.date, "summary": c.summary, "source": str(c.loc)}
                              for c in operation.changes]
    return out


def _path_key(operation: Operation) -> str:
    return rpc_path_key(operation.id) if operation.style == "rpc" else operation.path or "/"


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
    components = Components(product)
    paths: dict[str, Any] = {}
    for operation in product.operations:
        if not operation.methods:
            continue
        item = paths.setdefault(_path_key(operation), {})
        if operation.style == "rpc":
            item["parameters"] = parameter_objects(operation, product, components.named)
        first: dict[str, Any] | None = None
        for method in operation.methods:
            if first is None:
                first = item[method.lower()] = _operation(operation, product, components, method)
            else:  # the same operation under its other method: the same (hoisted) schemas
                item[method.lower()] = {**copy.deepcopy(first), "operationId":
                                        f"{operation.id}_{method.upper()}"}
    schemes = {scheme.name: scheme for op in product.operations
               for scheme in op.conventions.security if op.style in scheme.styles}
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": product.title, "version": product.version,
                 "description": _info_description(product),
                 X + "provider": product.provider, X + "product": product.name,
                 X + "style": product.style, **_conventions(product)},
        "servers": [_server(s) for s in product.servers] or [{"url": "/"}],
        "tags": _tags(product),
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": dict(sorted(components.schemas.items()))},
    }
    _set_aside_examples(doc)
    if schemes:
        doc["components"]["securitySchemes"] = {
            name: {"type": "apiKey", "in": scheme.location, "name": scheme.parameter,
                   "description": scheme.description} for name, scheme in sorted(schemes.items())}
    return doc


def _set_aside_examples(doc: dict[str, Any]) -> None:
    """Examples their own media schema rejects (an error sample in another envelope, a request
    sample that leaves out a documented required field) move to `x-docs2spec-examples`, with
    the first reason: kept for readers, not presented to tools as valid."""
    components = doc["components"]
    for item in doc["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            media_types = [media for response in operation["responses"].values()
                           for media in response.get("content", {}).values()]
            body = operation.get("requestBody", {}).get("content", {})
            media_types += list(body.values())
            for media in media_types:
                if "schema" not in media or not media.get("examples"):
                    continue
                validator = Draft202012Validator({**media["schema"], "components": components})
                for name, example in list(media["examples"].items()):
                    try:
                        error = next(iter(validator.iter_errors(example["value"])), None)
                    except RecursionError:  # too deep to check here: left as the docs give it
                        continue
                    if error is None:
                        continue
                    del media["examples"][name]
                    media.setdefault(X + "examples", {})[name] = {
                        **example, "off-schema": f"{error.json_path}: {error.message[:200]}"}
                if not media["examples"]:
                    del media["examples"]


def _info_description(product: Product) -> str:
    pages = len({page for op in product.operations for page in op.pages})
    return (f"{product.title or product.name}: {len(product.operations)} operations read from "
            f"{pages} reference pages by docs2spec. Every schema node names the page and line it "
            "was read from (`x-docs2spec-source`).")


def _tags(product: Product) -> list[dict[str, Any]]:
    """One tag per docs group, in the order the groups first appear; other languages' names of
    a group are kept beside it."""
    tags: dict[str, dict[str, Any]] = {}
    for operation in product.operations:
        name = group_name(operation, product)
        tag = tags.setdefault(name, {"name": name, "description": (
            f"Operations the docs group under “{name}”." if operation.group
            else "The operations of the product (the pages are not grouped).")})
        others = {lang: text for lang, text in operation.group if text != name}
        if others:
            tag.setdefault(X + "names", {}).update(others)
    return list(tags.values())


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
