"""Validate captured API traffic against the generated contracts.

    from generator.validation import validate_response, validate_request

    validate_response("alibabacloud/vpc", "ListIpsecServers", body_bytes)   # -> [Finding, ...]
    validate_request("vpc", url="/?Action=ListIpsecServers&RegionId=cn-hangzhou&MaxResults=50")

A `Finding` has a JSON `pointer`, a `rule` (type, required, enum, range, length, items, pattern,
format, content, empty-body, undocumented-field, duplicate-key, status-undocumented,
format-hint, ...), a `severity` (error, warning or info), a `message` and the `source`
(`page:line`) of the documentation row behind the rule. Errors: the body breaks what the docs
state. Warnings: fields the docs never mention, duplicated JSON keys, HTTP statuses the docs do
not list. Info: format hints the docs' own samples break. `strict=True` makes warnings errors.

Scale: a `Validator` holds a `ContractBundle` (plain data, `ContractBundle.from_folder` or
`from_dicts`) and compiles lazily; it pickles without its caches, so it runs in
`multiprocessing`, Dask (`daskengine`, `partitions`) or Spark (`spark`) workers. The functions
above use a default validator per contracts folder.

Modules, one job each: `bundle` (the contracts as plain data), `validator` (the picklable
checker and the default instances), `contracts` (products compiled for matching), `closed` +
`hints` (the closed copy that detects warnings), `fastpath` + `formats` (the validating
decoder), `engine` (compiled validators, findings) + `messages` + `schemanav`, `bodies` +
`depth` + `xmlbody` + `wire` (reading bodies safely, as they travelled), `api` (responses),
`requestcheck` + `shaping` (requests into grouped instances), `discovery` (which operation a
capture belongs to), `readers` (files, folders, JSON Lines, HAR, stdin), `reporting` (counts,
drift, merging) + `render` (text, JUnit), `command` (the `docs2spec validate` CLI),
`partitions` + `daskengine` (the same run on Dask), `spark` (mapPartitions entry points).
"""

from __future__ import annotations

from .api import check_response
from .bodies import BodyError
from .bundle import ContractBundle, ProductData, default_root
from .contracts import Contracts
from .findings import ERROR, WARNING, Finding, has_errors
from .requestcheck import check_request
from .validator import (
    Validator,
    contracts,
    default_validator,
    forget,
    validate_request,
    validate_response,
)

__all__ = [
    "ERROR",
    "WARNING",
    "BodyError",
    "ContractBundle",
    "Contracts",
    "Finding",
    "ProductData",
    "Validator",
    "check_request",
    "check_response",
    "contracts",
    "default_root",
    "default_validator",
    "forget",
    "has_errors",
    "validate_request",
    "validate_response",
]
