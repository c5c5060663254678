"""Requests against their contracts: a URL, parameters, headers and a body, shaped into the
grouped instance (`shaping`) and checked, JSON documents inside string parameters included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qsl

from ..errors import InputError, UsageError
from .api import compiled_for
from .bodies import Body, BodyError, loads, read_body
from .contracts import ProductContracts
from .discovery import match_route, split_url
from .engine import check, compile_schema, content_schema
from .findings import Finding, make
from .schemanav import SOURCE, resolve
from .shaping import SECTIONS, shape_request


def _pairs(values: Mapping[str, Any] | Iterable[tuple[str, Any]] | None) -> list[tuple[str, Any]]:
    if values is None:
        return []
    if isinstance(values, Mapping):
        return list(values.items())
    return [(str(k), v) for k, v in values]


def _locations(schema: dict[str, Any]) -> dict[str, str]:
    """Parameter name -> section, from the request contract."""
    found: dict[str, str] = {}
    for section in SECTIONS:
        node = resolve(schema.get("properties", {}).get(section, {}), schema)
        for name in node.get("properties", {}) if isinstance(node, dict) else ():
            found.setdefault(name, section)
    return found


def _find_operation(product: ProductContracts, query: list[tuple[str, Any]], method: str,
                    path: str | None) -> str:
    if product.style == "rpc":
        for key, value in query:
            if key == "Action" and isinstance(value, str) and value:
                if value not in product.operations:
                    raise UsageError(f"{product.key} has no operation {value!r} (Action={value})",
                                     hint=f"known: {', '.join(product.operations)}")
                return value
        raise InputError("cannot tell which operation this request calls: it has no Action= "
                         "parameter; pass the operation")
    if path is not None:
        matched = match_route(product, None, method, path)
        if matched is not None:
            return matched[0]
        raise InputError(f"{method} {path} matches no documented path of {product.key}; "
                         "pass the operation")
    raise InputError("cannot tell which operation this request calls: give its URL or the "
                     "operation")


def check_request(product: ProductContracts, operation: str | None = None, *,
                  url: str | None = None, params: Any = None, method: str | None = None,
                  headers: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
                  body: Any = None, warnings: bool = True) -> tuple[str, list[Finding]]:
    """(operation, findings) for one request."""
    method = (method or "GET").upper()
    query: list[tuple[str, Any]] = []
    path_params: dict[str, Any] = {}
    header_pairs = _pairs(headers)
    url_path: str | None = None
    if url is not None:
        parts = split_url(url)
        url_path = parts.path or "/"
        query = parse_qsl(parts.query, keep_blank_values=True)
    grouped = isinstance(params, Mapping) and params and set(params) <= {*SECTIONS, "body"} \
        and all(isinstance(v, Mapping) for k, v in params.items() if k != "body")
    flat_params: list[tuple[str, Any]] = []
    if grouped:
        query += _pairs(params.get("query"))
        path_params.update(params.get("path") or {})
        header_pairs += _pairs(params.get("header"))
        if "body" in params and body is None:
            body = params["body"]
    else:
        flat_params = _pairs(params)
        query += flat_params
    if product.style == "rpc" and body is not None:
        # RPC POST: the parameters travel form-encoded in the body.
        if isinstance(body, (bytes, bytearray)):
            body = bytes(body).decode("utf-8", "replace")
        query += parse_qsl(body, keep_blank_values=True) if isinstance(body, str) \
            else _pairs(body) if isinstance(body, Mapping) else []
        body = None
    if operation is None:
        operation = _find_operation(product, query, method, url_path)
    elif operation not in product.operations:
        raise UsageError(f"{product.key} has no operation {operation!r}",
                         hint=f"known: {', '.join(product.operations)}")
    schema = product.schema(operation, "request")
    findings: list[Finding] = []
    if product.style == "rpc":
        actions = [v for k, v in query if k == "Action"]
        if not actions:
            query.append(("Action", operation))  # on the wire, Action always travels
        elif any(a != operation for a in actions):
            findings.append(make("/query/Action", "enum", f"Action={actions[0]} but the "
                                 f"request is checked as {operation}", "", "enum"))
    if flat_params and product.style == "rest":
        where = _locations(schema)
        query = [(k, v) for k, v in query if (k, v) not in flat_params
                 or where.get(k, "query") == "query"]
        for key, value in flat_params:
            if where.get(key) == "path":
                path_params[key] = value
            elif where.get(key) == "header":
                header_pairs.append((key, value))
    if product.style == "rest" and url_path is not None:
        findings.extend(route_findings(product, operation, method, url_path, path_params))
    has_body = body is not None
    value = None
    if has_body:
        value = (body if isinstance(body, Body) else read_body(body)).value
    shaped = shape_request(schema, style=product.style, version=product.version,
                           common=product.common_parameters, query=query,
                           path=path_params, headers=header_pairs, body=value, has_body=has_body)
    findings.extend(shaped.findings)
    findings.extend(check(compiled_for(product, operation, "request"), shaped.instance,
                          warnings=warnings, guard_depth=True))
    for content in shaped.contents:
        findings.extend(_content_findings(product, operation, schema, content, warnings))
    return operation, [_relabel(f, shaped.wire, schema) for f in findings]


def route_findings(product: ProductContracts, operation: str, method: str, path: str,
                    path_params: dict[str, Any]) -> list[Finding]:
    matched = match_route(product, operation, method, path)
    routes = [r for r in product.routes if r.operation == operation]
    if matched is None:
        if routes and path not in ("", "/"):
            return [make("/path", "path", f"{path} does not match the documented path "
                         f"{routes[0].template}", "", "path")]
        return []
    path_params.update({k: v for k, v in matched[1].items() if k not in path_params})
    methods = sorted({r.method for r in routes if r.regex.match(product.strip_base(path))})
    if methods and method not in methods:
        return [make("/path", "method", f"{method} is not documented for "
                     f"{routes[0].template}; the docs list {', '.join(methods)}", "", "method")]
    return []


def _content_findings(product: ProductContracts, operation: str, schema: dict[str, Any],
                      content: Any, warnings: bool) -> list[Finding]:
    source = content.node.get(SOURCE, "")
    value = content.value
    if isinstance(value, str):
        try:
            value = loads(value)
        except BodyError as exc:
            return [make(content.pointer, "content", f"{content.name} must hold a JSON document "
                         f"(contentMediaType application/json): {exc.bare_message}", source,
                         "contentMediaType")]
    key = (operation, "request-content", content.pointer)
    compiled = product.compiled.get(key)
    if compiled is None:
        compiled = product.compiled[key] = compile_schema(content_schema(schema, content.node))
    return [replace(f, pointer=content.pointer + f.pointer, source=f.source or source)
            for f in check(compiled, value, warnings=warnings, guard_depth=True)]


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def _relabel(finding: Finding, wire: dict[str, str], schema: dict[str, Any]) -> Finding:
    """Name request parameters as they travel (`Tag.1.Key`), not by instance pointer."""
    parts = finding.pointer.split("/")
    if len(parts) < 3 or parts[1] not in SECTIONS:
        return finding
    section, name = parts[1], _unescape(parts[2])
    if len(parts) == 3 and finding.rule == "required":
        return replace(finding, message=f"required {section} parameter {name} is missing")
    if len(parts) == 3 and finding.rule == "undocumented-field":
        return replace(finding, message=f"{section} parameter {name} is not documented")
    key = max((k for k in wire if finding.pointer == k or finding.pointer.startswith(k + "/")),
              key=len, default=None)
    label = wire[key] + finding.pointer[len(key):] if key else name
    message = finding.message
    if finding.rule == "type" and len(parts) == 3:
        node = resolve(schema.get("properties", {}).get(section, {}), schema)
        param = node.get("properties", {}).get(name, {}) if isinstance(node, dict) else {}
        if isinstance(param, dict) and param.get("x-docs2spec-encoding") == "flat-list":
            message += f" (a list travels as {name}.1, {name}.2, ...)"
    if message.startswith(label):
        return replace(finding, message=message)
    return replace(finding, message=f"{label}: {message}")
