"""Responses against their contracts, and the compiled-validator lookup every check shares.

`check_*` return findings with their own severities; `Validator.validate_*` (and the public
functions over the default validator) apply `strict` and order them. Unknown products/operations raise `UsageError`; a body that cannot be
read raises an `InputError` (`BodyError`), never a traceback. Requests: `requestcheck`.
"""

from __future__ import annotations

import json
from typing import Any

from .bodies import Body, BodyError, duplicate_keys, may_have_duplicate_keys, read_body
from .contracts import ProductContracts
from .engine import Compiled, check, compile_schema
from .findings import Finding, make

ProductRef = str | ProductContracts


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
        findings.extend(duplicate_key_findings(read.text))
    return findings


def duplicate_key_findings(text: bytes | str) -> list[Finding]:
    """A key given twice is drift even in a body that validates: the sender wrote two values and
    every parser keeps one, so what the client sees depends on the parser."""
    return [make(pointer, "duplicate-key", f"key {json.dumps(key)} appears more than once in "
                 "this object; parsers keep only the last value", "", "")
            for pointer, key in duplicate_keys(text)]
