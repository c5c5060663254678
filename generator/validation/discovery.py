"""Which product and operation a capture belongs to.

RPC (Alibaba): the `Action=` query parameter names the operation; the host
(`vpc.cn-hangzhou.aliyuncs.com`) picks the product when several document the same Action.
REST (Huawei): the HTTP method and the path, matched against the documented path templates
(`/v5/{project_id}/vpn-connection`); the most specific template wins. Files: a folder named
after an operation (`captured/alibabacloud/vpc/ListIpsecServers/x.json`), the provider/product
folders above it picking the product.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from ..errors import InputError
from .contracts import Contracts, ProductContracts, group_to_name


@dataclass(frozen=True, slots=True)
class Target:
    product: ProductContracts
    operation: str


class NotFound(LookupError):
    """No single operation fits; the message says why, for a person."""


class BadUrl(InputError):
    """A request URL that cannot be taken apart (`http://[::1`, a host that NFKC-normalises
    to `/`): urllib raises `ValueError` for these, which captured traffic does contain."""


def split_url(url: str) -> SplitResult:
    """`urlsplit`, with a URL it refuses reported as `BadUrl` (an input problem of the entry
    that carries it) instead of a `ValueError` that would end the whole run."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 - parsed lazily; an invalid bracketed host fails here
    except ValueError as exc:
        raise BadUrl(f"not a valid URL ({exc}): {url[:200]!r}") from None
    return parts


_ACTION = re.compile(r"(?:^|&)Action=([^&]+)")


def action_of(url: str, form: str | None = None) -> str | None:
    """The `Action=` of an RPC call, from the URL or else its form-encoded body (the first
    one, as `parse_qsl` would give it; read without splitting the whole query)."""
    for text in (split_url(url).query, form or ""):
        found = action_in(text)
        if found is not None:
            return found
    return None


def action_in(text: str) -> str | None:
    """The first `Action=` of a query string or form body, or None."""
    if "Action=" not in text:
        return None
    match = _ACTION.search(text)
    return unquote(match.group(1).replace("+", " ")) if match else None


def match_route(product: ProductContracts, operation: str | None, method: str | None,
                path: str) -> tuple[str, dict[str, str]] | None:
    """(operation, path parameters) of the most specific documented route matching `path`."""
    relative = product.strip_base(path or "/")
    for prefer_method in (True, False):
        for route in product.routes:  # sorted most specific first
            if operation is not None and route.operation != operation:
                continue
            if prefer_method and method and route.method != method.upper():
                continue
            found = route.regex.match(relative)
            if found:
                params = {group_to_name(k): unquote(v) for k, v in found.groupdict().items()}
                return route.operation, params
        if not method:
            break
    return None


def _candidates(contracts: Contracts, product: str | None) -> list[ProductContracts]:
    return [contracts.product(product)] if product else contracts.products()


def from_url(contracts: Contracts, url: str, method: str | None = None,
             product: str | None = None, form: str | None = None) -> Target:
    parts = split_url(url)
    host = (parts.hostname or "").lower()
    candidates = _candidates(contracts, product)
    action = action_of(url, form)
    if action:
        found = [p for p in candidates if action in p.operations]
        if len(found) > 1 and host:
            found = [p for p in found if p.host_matches(host)] or found
        if len(found) == 1:
            return Target(found[0], action)
        if not found:
            raise NotFound(f"no documented product has Action={action}"
                           + (f" (checked {product})" if product else ""))
        raise NotFound(f"Action={action} is documented by {', '.join(p.key for p in found)}; "
                       "pass --product")
    best: tuple[int, int, ProductContracts, str] | None = None
    for candidate in candidates:
        if candidate.style != "rest":
            continue
        matched = match_route(candidate, None, method, parts.path)
        if matched is None:
            continue
        route = next(r for r in candidate.routes if r.operation == matched[0])
        score = (1 if host and candidate.host_matches(host) else 0, route.literal)
        if best is None or score > best[:2]:
            best = (*score, candidate, matched[0])
    if best is not None:
        return Target(best[2], best[3])
    where = f"{method.upper() + ' ' if method else ''}{parts.path or '/'}"
    raise NotFound(f"{where} has no Action= parameter and matches no documented path"
                   + (f" of {product}" if product else ""))


def host_is_known(contracts: Contracts, url: str) -> bool:
    try:
        host = (split_url(url).hostname or "").lower()
    except BadUrl:
        return False
    return bool(host) and any(p.host_matches(host) for p in contracts.products())


def from_file(contracts: Contracts, path: Path, product: str | None = None) -> Target:
    """A body file under a folder named after its operation."""
    parts = path.parts[:-1]
    keyed = None
    if product is None:
        for i in range(len(parts) - 1):
            key = f"{parts[i]}/{parts[i + 1]}"
            if key in contracts.keys:
                keyed = key
        product = keyed
    candidates = _candidates(contracts, product)
    for folder in reversed(parts):
        found = [p for p in candidates if folder in p.operations]
        if len(found) == 1:
            return Target(found[0], folder)
        if len(found) > 1:
            raise NotFound(f"operation {folder} is documented by "
                           f"{', '.join(p.key for p in found)}; pass --product or put the file "
                           "under <provider>/<product>/")
    raise NotFound("cannot tell which operation this body answers: pass --operation NAME, or "
                   "put the file in a folder named after the operation "
                   "(e.g. captured/alibabacloud/vpc/ListIpsecServers/x.json)")


def for_operation(contracts: Contracts, operation: str, product: str | None = None) -> Target:
    candidates = _candidates(contracts, product)
    found = [p for p in candidates if operation in p.operations]
    if len(found) == 1:
        return Target(found[0], operation)
    if not found:
        raise NotFound(f"no documented operation {operation}"
                       + (f" in {product}" if product else ""))
    raise NotFound(f"operation {operation} is documented by "
                   f"{', '.join(p.key for p in found)}; pass --product")
