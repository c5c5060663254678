"""The contracts compiled for matching: products, their operations, routes and hosts.

Built from a `ContractBundle` (plain data, see `bundle`): `openapi` says the product's style,
version, servers and routes; `schemas` (`<Op>.<kind>`, kind: request, response, error) are the
JSON Schema documents validated against. A `Contracts` and its `ProductContracts` belong to one
`Validator` (which holds the compiled validators in `ProductContracts.compiled`); nothing here is
cached at module level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..errors import UsageError
from ..rpc import is_rpc_path_key
from .bundle import KINDS, ContractBundle, ProductData


@dataclass(frozen=True, slots=True)
class Route:
    """One REST operation's method and path template, compiled for matching."""

    method: str
    template: str
    regex: re.Pattern[str]
    operation: str
    literal: int
    """Characters of the template outside `{...}`: the more, the more specific the route."""


def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^{}/]+\})", template.rstrip("/") or "/")
    out = []
    for part in parts:
        if part.startswith("{") and part.endswith("}"):
            out.append(f"(?P<{_group(part[1:-1])}>[^/]+)")
        else:
            out.append(re.escape(part))
    return re.compile("^" + "".join(out) + "/?$")


def _group(name: str) -> str:
    """A regex group name for a path parameter (names like `project-id` are not identifiers)."""
    return "p_" + "".join(c if c.isalnum() else f"_{ord(c):x}_" for c in name)


def group_to_name(group: str) -> str:
    text = group[2:]
    return re.sub(r"_([0-9a-f]+)_", lambda m: chr(int(m.group(1), 16)), text)


def _server_regex(url: str) -> tuple[re.Pattern[str] | None, str]:
    """(host regex, base path) of a server URL such as `https://vpc.{regionId}.aliyuncs.com`."""
    try:
        parts = urlsplit(re.sub(r"\{[^{}]+\}", "VAR", url))
        host = parts.hostname or ""
    except ValueError:  # a server URL urllib refuses (hand-edited contracts): matches no host
        return None, ""
    if not host:
        return None, parts.path.rstrip("/")
    pattern = re.escape(host.lower()).replace("var", "[^.]+")
    return re.compile(f"^{pattern}$"), parts.path.rstrip("/")


@dataclass(slots=True)
class ProductContracts:
    key: str
    origin: str
    openapi: dict[str, Any]
    provider: str = ""
    name: str = ""
    style: str = "rpc"
    version: str = ""
    operations: tuple[str, ...] = ()
    routes: tuple[Route, ...] = ()
    hosts: tuple[re.Pattern[str], ...] = ()
    base_paths: tuple[str, ...] = ()
    responses: dict[str, dict[str, bool]] = field(default_factory=dict)
    """operation -> documented status (`200`, `4XX`, `default`) -> whether it has a body."""
    common_parameters: frozenset[str] = frozenset()
    """Parameters any operation accepts though no page lists them (signing, account, routing):
    neither validated nor reported as undocumented. From the contract's `info`."""
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)
    """`<Op>.<kind>` -> the JSON Schema document (the bundle's own dicts)."""
    compiled: dict[tuple[str, ...], Any] = field(default_factory=dict)
    """Compiled validators per (operation, kind[, parameter]); see `engine`."""

    def schema(self, operation: str, kind: str) -> dict[str, Any]:
        """The JSON Schema document for `operation`'s request, success response or error."""
        if kind not in KINDS:
            raise UsageError(f"unknown contract kind {kind!r} (one of {', '.join(KINDS)})")
        if operation not in self.operations:
            raise UsageError(f"{self.key} has no operation {operation!r}",
                             hint=f"known: {', '.join(self.operations) or 'none'}")
        found = self.schemas.get(f"{operation}.{kind}")
        if found is None:
            raise UsageError(f"{self.key}: no {kind} contract for {operation} (no "
                             f"{operation}.{kind}.json in {self.origin})",
                             hint="run `docs2spec regen`")
        return found

    def documented_status(self, operation: str, status: int) -> tuple[str | None, bool]:
        """(the documented response `status` falls under: `201`, `2XX` or `default`, or None;
        whether that response has a body). Without any documented response (a contract of
        schemas only), every status is taken as documented, with a body."""
        documented = self.responses.get(operation)
        if not documented:
            return str(status), True
        for key in (str(status), f"{str(status)[:1]}XX", "DEFAULT"):
            if key in documented:
                return key, documented[key]
        return None, True

    def host_matches(self, host: str) -> bool:
        host = host.lower()
        return any(h.match(host) for h in self.hosts)

    def strip_base(self, path: str) -> str:
        for base in self.base_paths:
            if base and (path == base or path.startswith(base + "/")):
                return path[len(base):] or "/"
        return path

    def examples(self) -> list[tuple[str, int, str, str, Any]]:
        """Every documented response example: (operation, status, media type, label, value)."""
        found = []
        for item in self.openapi.get("paths", {}).values():
            for method, op in item.items():
                if method == "parameters" or not isinstance(op, dict):
                    continue
                name = op.get("operationId", "")
                if name != base_operation_id(name, method):
                    continue  # the POST twin of an RPC operation repeats the GET examples
                for status, response in op.get("responses", {}).items():
                    if not status.isdigit():
                        continue  # "default": error samples the docs give no status for
                    for media, content in response.get("content", {}).items():
                        for label, example in content.get("examples", {}).items():
                            found.append((name, int(status), media, label, example.get("value")))
        return found


def base_operation_id(operation_id: str, method: str) -> str:
    """The operation an OpenAPI operationId stands for: the emitter names the second method of
    one operation `<id>_<METHOD>` (`CreateVpc_POST`); ids may hold underscores of their own."""
    return operation_id.removesuffix("_" + method.upper())


def _load_product(data: ProductData) -> ProductContracts:
    openapi, key = data.openapi, data.key
    info = openapi.get("info", {}) if isinstance(openapi.get("info"), dict) else {}
    provider, name = key.split("/", 1)
    operations: set[str] = set()
    routes: list[Route] = []
    responses: dict[str, dict[str, bool]] = {}
    for template, item in openapi.get("paths", {}).items():
        for method, op in item.items():
            if method == "parameters" or not isinstance(op, dict):
                continue
            base = base_operation_id(op.get("operationId", ""), method)
            operations.add(base)
            documented = responses.setdefault(base, {})
            for status, response in (op.get("responses") or {}).items():
                content = response.get("content") if isinstance(response, dict) else None
                documented[str(status).upper()] = documented.get(str(status).upper(),
                                                                 False) or bool(content)
            if not is_rpc_path_key(template):
                literal = len(re.sub(r"\{[^{}]*\}", "", template))
                routes.append(Route(method.upper(), template, _template_regex(template), base,
                                    literal))
    for schema in data.schemas:
        operations.add(schema.split(".")[0])
    hosts, bases = [], []
    for server in openapi.get("servers", []):
        regex, base = _server_regex(str(server.get("url", "")))
        if regex is not None:
            hosts.append(regex)
        bases.append(base)
    routes.sort(key=lambda r: -r.literal)
    return ProductContracts(
        key=key, origin=data.origin, openapi=openapi, schemas=data.schemas,
        responses=responses, common_parameters=_common_parameters(info),
        provider=str(info.get("x-docs2spec-provider", provider)),
        name=str(info.get("x-docs2spec-product", name)),
        style=str(info.get("x-docs2spec-style", "rpc")), version=str(info.get("version", "")),
        operations=tuple(sorted(operations)), routes=tuple(routes), hosts=tuple(hosts),
        base_paths=tuple(sorted({b for b in bases if b}, key=len, reverse=True)))


def _common_parameters(info: dict[str, Any]) -> frozenset[str]:
    """`x-docs2spec-common-parameters` and `x-docs2spec-accepted-parameters` of the contract:
    what every operation takes whatever its page says (signing, account), stated as data."""
    names: set[str] = set()
    for key in ("x-docs2spec-common-parameters", "x-docs2spec-accepted-parameters"):
        value = info.get(key)
        if isinstance(value, list):
            names.update(v for v in value if isinstance(v, str))
    return frozenset(names)


class Contracts:
    """Every product of one bundle, compiled for matching on first use."""

    def __init__(self, bundle: ContractBundle) -> None:
        self.bundle = bundle
        self._data = {p.key: p for p in bundle.products}
        self._keys = sorted(self._data)
        self._products: dict[str, ProductContracts] = {}
        self._by_name: dict[str, ProductContracts] = {}

    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    def resolve_key(self, name: str) -> str:
        """`alibabacloud/vpc` or a product name that only one provider uses (`vpc`)."""
        name = name.strip().strip("/")
        if name in self._keys:
            return name
        matches = [k for k in self._keys if k.split("/", 1)[1] == name]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise UsageError(f"product {name!r} is ambiguous", hint=f"say {' or '.join(matches)}")
        raise UsageError(f"unknown product {name!r}", hint=f"known: {', '.join(self._keys)}")

    def product(self, name: str) -> ProductContracts:
        known = self._by_name.get(name)
        if known is not None:
            return known
        key = self.resolve_key(name)
        found = self._products.get(key)
        if found is None:
            found = self._products[key] = _load_product(self._data[key])
        self._by_name[name] = found
        return found

    def products(self) -> list[ProductContracts]:
        return [self.product(k) for k in self._keys]
