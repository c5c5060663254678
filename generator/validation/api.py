"""Responses against their contracts, and the compiled-validator lookup every check shares.

`check_*` return findings with their own severities; `Validator.validate_*` (and the public
functions over the default validator) apply `strict` and order them. Unknown products or
operations raise `UsageError`; a body that cannot be read raises an `InputError` (`BodyError`,
`WireError`), never a traceback. Requests: `requestcheck`.
"""

from __future__ import annotations

import json
from typing import Any

from .bodies import Body, duplicate_keys, may_have_duplicate_keys, read_body
from .contracts import ProductContracts
from .engine import Compiled, check, compile_schema
from .findings import Finding, make
from .wire import decode_body

ProductRef = str | ProductContracts


def compiled_for(product: ProductContracts, operation: str, kind: str) -> Compiled:
    """The cached validators for one (product, operation, kind)."""
    key = (operation, kind)
    found = product.compiled.get(key)
    if found is None:
        found = product.compiled[key] = compile_schema(product.schema(operation, kind))
    return found


NO_BODY_STATUSES = frozenset({204, 205, 304})
"""Statuses that never carry a body (RFC 9110), whatever the docs say."""


def kind_for_status(status: int) -> str | None:
    """Which contract a body of `status` is checked against: `response` (2xx), `error`
    (4xx/5xx), or None (1xx/3xx: the docs describe no such bodies)."""
    if 200 <= status < 300:
        return "response"
    if 400 <= status < 600:
        return "error"
    return None


def _empty(body: Any) -> bool:
    if body is None:
        return True
    if isinstance(body, (bytes, bytearray, str)):
        return not body.strip()
    return False


def status_findings(product: ProductContracts, operation: str, status: int
                    ) -> tuple[list[Finding], bool]:
    """(a `status-undocumented` finding if the docs list other statuses only, whether a body is
    expected for `status`)."""
    key, has_body = product.documented_status(operation, status)
    if key is not None:
        return [], has_body
    listed = sorted(product.responses.get(operation, {}))
    return [make("", "status-undocumented", f"HTTP {status} is not documented for {operation}; "
                 f"the docs list {', '.join(listed)}", "", "responses")], True


def check_response(product: ProductContracts, operation: str, body: Any, *, status: int = 200,
                   method: str | None = None, headers: Any = None, warnings: bool = True,
                   strict_failed: bool = False, fast_tried: bool = False) -> list[Finding]:
    """Findings for one response: its status against the documented ones, an empty body where
    none is due (204, 304, HEAD, a documented response without content) accepted, else the
    body against the success (2xx) or error (4xx/5xx) contract. `headers` (name, value pairs)
    are used to undo `Content-Encoding` and decode a declared charset. JSON bytes go through
    the validating decoder first (`fastpath`; `fast_tried`: the caller already did)."""
    status = int(status)
    findings, has_body = status_findings(product, operation, status)
    if _empty(body):
        if (status in NO_BODY_STATUSES or status < 200 or (method or "").upper() == "HEAD"
                or not has_body):
            return findings
        findings.append(make("", "empty-body", f"the response has no body; the docs document "
                             f"one for HTTP {status}", "", "content"))
        return findings
    kind = kind_for_status(status)
    if kind is None:
        return findings  # a 1xx/3xx body: the docs describe none to check against
    if headers and isinstance(body, (bytes, bytearray)):
        body = decode_body(bytes(body), headers)
    compiled = compiled_for(product, operation, kind)
    if (warnings and not strict_failed and not fast_tried and type(body) is bytes
            and body[:1] in (b"{", b"[")):
        fast = compiled.fast
        if fast is not None and fast.accepts(body):
            return findings
        strict_failed = fast is not None and not _escapes_quotes(body)
    read = body if isinstance(body, Body) else read_body(body, compiled.schema)
    findings += check(compiled, read.value, warnings=warnings, strict_failed=strict_failed,
                      guard_depth=read.syntax == "value")
    if (warnings and read.syntax == "json" and read.text is not None
            and may_have_duplicate_keys(read.text, read.value)):
        findings.extend(duplicate_key_findings(read.text))
    return findings


def _escapes_quotes(body: bytes) -> bool:
    """Whether the decoder's duplicate-key test could not decide (a quote escaped as `\\u0022`):
    then its "no" does not mean the closed contract failed."""
    return b"\\u0022" in body


def duplicate_key_findings(text: bytes | str) -> list[Finding]:
    """A key given twice is drift even in a body that validates: the sender wrote two values and
    every parser keeps one, so what the client sees depends on the parser."""
    return [make(pointer, "duplicate-key", f"key {json.dumps(key)} appears more than once in "
                 "this object; parsers keep only the last value", "", "")
            for pointer, key in duplicate_keys(text)]
