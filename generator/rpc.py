"""Helpers for using the RPC-style OpenAPI documents with standard OpenAPI tooling.

OpenAPI matches operations by path, while an Alibaba RPC API distinguishes them by the `Action`
query value on path `/`. The documents key each Action as `/#Action=<Name>`: the fragment is
never sent, so generated clients call `/` with `Action` as the query parameter the operation
declares (one value, its default); a request adapter that reports that key as its path pattern
lets openapi-core (its `path_pattern` protocol) and similar tools find the operation and
validate its parameters. (`/?Action=<Name>` keys made httpx-based clients drop the Action, since
httpx replaces a URL's query by the parameters, and schemathesis send it twice.)
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import parse_qsl, urlsplit

SIGNATURE_PARAMETERS = frozenset({
    "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod",
    "SignatureVersion", "SignatureNonce", "SignatureType", "Timestamp", "SecurityToken",
    "BearerToken",
})
"""What every RPC request carries to name the operation and sign the call; a page's own
parameters are the rest."""
COMMON_RPC_PARAMETERS = SIGNATURE_PARAMETERS | frozenset({
    "ResourceOwnerAccount", "ResourceOwnerId", "OwnerAccount", "OwnerId", "CallerParentId",
    "RegionEndpoint",
})
"""Also accepted by every RPC operation, documented or not (account and routing parameters)."""


RPC_KEY_PREFIX = "/#Action="


def rpc_path_key(action: str) -> str:
    """The OpenAPI path key of an Action."""
    return f"{RPC_KEY_PREFIX}{action}"


def is_rpc_path_key(template: str) -> bool:
    """An OpenAPI path key that names an RPC Action rather than a URL path."""
    return template.startswith(RPC_KEY_PREFIX)


def rpc_path_pattern(url_or_query: str | Mapping[str, str]) -> str | None:
    """`/#Action=X` for a request URL (or its parsed query), None when it names no Action."""
    if isinstance(url_or_query, Mapping):
        action = url_or_query.get("Action")
    else:
        query = urlsplit(url_or_query).query if "?" in url_or_query else url_or_query
        action = dict(parse_qsl(query, keep_blank_values=True)).get("Action")
    return rpc_path_key(action) if action else None
