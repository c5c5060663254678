"""Validate captured API traffic against the generated contracts.

    from generator.validation import validate_response, validate_request

    validate_response("alibabacloud/vpc", "ListIpsecServers", body_bytes)   # -> [Finding, ...]
    validate_request("vpc", url="/?Action=ListIpsecServers&RegionId=cn-hangzhou&MaxResults=50")

A `Finding` has a JSON `pointer`, a `rule` (type, required, enum, range, length, items, pattern,
format, content, undocumented-field, format-hint, duplicate-key, ...), a `severity` (error or
warning), a `message` and the `source` (`page:line`) of the documentation row behind the rule.
Errors: the body breaks what the docs state. Warnings: fields the docs never mention, format
hints the docs' own samples break, duplicated JSON keys. `strict=True` makes warnings errors.

Modules, one job each: `contracts` (find and load generated/), `closed` + `hints` (the closed
copy that detects warnings), `engine` (compiled validators, findings) + `messages` +
`schemanav`, `bodies` + `depth` + `xmlbody` (reading bodies safely), `api` (responses),
`requestcheck` + `shaping` (requests into grouped instances), `discovery` (which operation a
capture belongs to), `readers` (files, folders, JSON Lines, HAR, stdin), `reporting` (table,
JSON, drift summary), `command` (the `docs2spec validate` CLI).
"""

from __future__ import annotations

from .api import check_response, validate_response
from .bodies import BodyError
from .contracts import Contracts, contracts, default_root, forget
from .findings import ERROR, WARNING, Finding, has_errors
from .requestcheck import check_request, validate_request

__all__ = [
    "ERROR",
    "WARNING",
    "BodyError",
    "Contracts",
    "Finding",
    "check_request",
    "check_response",
    "contracts",
    "default_root",
    "forget",
    "has_errors",
    "validate_request",
    "validate_response",
]
