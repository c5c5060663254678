"""Responses against their contracts, and the lookups every check shares.

`check_*` return findings with their own severities; `validate_*` (the public functions) apply
`strict` and order them. Unknown products/operations raise `UsageError`; a body that cannot be
read raises an `InputError` (`BodyError`), never a traceback. Requests: `requestcheck`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .bodies import (
    FAST_LOADS,
    MAX_DUPLICATE_SCAN,
    Body,
    BodyError,
    duplicate_keys,
    may_have_duplicate_keys,
    read_body,
)
from .contracts import FAST_PATH, ProductContracts, contracts
from .engine import Compiled, check, compile_schema
from .findings import Finding, make, ordered, promote

ProductRef = str | ProductContracts


def product_contracts(product: ProductRef, generated: Path | str | None = None
                      ) -> ProductContracts:
    if isinstance(product, ProductContracts):
        return product
    return contracts(generated).product(product)


def compiled_for(product: ProductContracts, operation: str, kind: str) -> Compiled:
    """The cached validators for one (product, operation, kind)."""
    key = (operation, kind)
    found = product.compiled.get(key)
    if found is None:
        found = product.compiled[key] = compile_schema(product.schema(operation, kind))
    return found


def kind_for_status(status: int) -> str:
    if 200 <= status < 300:
        return "response"
    if 400 <= status < 600:
        return "error"
    raise BodyError(f"HTTP status {status}: the docs describe 2xx success bodies and 4xx/5xx "
                    "error bodies only")


def check_response(product: ProductContracts, operation: str, body: Any, *, status: int = 200,
                   warnings: bool = True, strict_failed: bool = False) -> list[Finding]:
    compiled = compiled_for(product, operation, kind_for_status(int(status)))
    read = body if isinstance(body, Body) else read_body(body, compiled.schema)
    findings = check(compiled, read.value, warnings=warnings, strict_failed=strict_failed,
                     guard_depth=read.syntax == "value")
    if (warnings and read.syntax == "json" and read.text is not None
            and may_have_duplicate_keys(read.text, read.value)):
        findings.extend(_duplicate_key_findings(read.text))
    return findings


def _duplicate_key_findings(text: bytes | str) -> list[Finding]:
    """A key given twice is drift even in a body that validates: the sender wrote two values and
    every parser keeps one, so what the client sees depends on the parser."""
    return [make(pointer, "duplicate-key", f"key {json.dumps(key)} appears more than once in "
                 "this object; parsers keep only the last value", "", "")
            for pointer, key in duplicate_keys(text)]


def validate_response(product: ProductRef, operation: str, body: Any, *, status: int = 200,
                      strict: bool = False, warnings: bool = True,
                      generated: Path | str | None = None) -> list[Finding]:
    """Check one response body against the documented success (2xx) or error (4xx/5xx) body.

    `product` is "alibabacloud/vpc" or "vpc"; `body` is JSON text or bytes, XML text (read by
    the schema's shape), or an already-parsed JSON value. Returns findings, errors first;
    `strict=True` turns warnings into errors; `warnings=False` skips undocumented-field and
    format-hint checks. Raises `InputError` for a body that cannot be read and `UsageError` for
    an unknown product or operation.
    """
    parsed = None
    if (type(body) is bytes and status == 200 and warnings and generated is None
            and FAST_LOADS is not None and body[:1] == b"{"):
        # The common call, kept to a parse and one compiled check (see `engine`).
        compiled = FAST_PATH.get((product, operation)) if type(product) is str else None
        if compiled is not None:
            try:
                value = FAST_LOADS(body)
            except ValueError:
                pass  # the full path below says why
            else:
                if compiled.strict.is_valid(value):
                    if (len(body) > MAX_DUPLICATE_SCAN
                            or not may_have_duplicate_keys(body, value)):
                        return []
                    return ordered(promote(_duplicate_key_findings(body), strict))
                parsed = Body(value, body, "json")
    target = product_contracts(product, generated)
    found = check_response(target, operation, parsed if parsed is not None else body,
                           status=status, warnings=warnings, strict_failed=parsed is not None)
    if generated is None and type(product) is str and (product, operation) not in FAST_PATH:
        FAST_PATH[(product, operation)] = compiled_for(target, operation, "response")
    return ordered(promote(found, strict)) if found else found
