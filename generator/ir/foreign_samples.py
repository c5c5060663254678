"""An example that calls another API first: `Step 1: Query the port of the server` then
`GET https://{VPCEndpoint}/v2.0/ports?device_id=...` and its response, `Step 2: add the
backend server` then this operation's own request. The step's request names a path that shares
no resource word with the operation's path (`/v2.0/ports` beside
`/v2.0/lbaas/pools/{pool_id}/members`); it is another API's call, and so is the response
printed right after it when that response is about the same resource (its top-level key is the
resource the path names, `ports`, or a key of that call's body). Neither shapes or checks this
operation: their query keys are no parameters, their body keys no fields. They are kept as text
(`x-docs2spec-request-samples`) and reported (`sample-foreign` at their page:line).

A page whose example URL was copied from another page (`GET .../networks?limit=2` on the page of
`GET /v2.0/security-group-rules`) is the same finding: the URL is not this operation's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..http import METHOD
from .model import Diagnostic, PageExtract, Sample

_REQUEST_PATH = re.compile(r"^\s*(?:" + METHOD + r"\s+)?(?:(?:https?|http\(s\))://[^/\s]*)?"
                           r"(/[^\s?#]*)", re.I)
"""The path of a sample's request line (`POST https://{Endpoint}/v1/xx/publicips`), without
host, query and fragment."""
_VERSION = re.compile(r"v\d+(?:\.\d+)*", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z_-]*")
"""A resource word of a path: a literal segment of letters (`publicips`, `security-group-rules`).
Segments with digits are values (ids, a project id spelt out), `{...}` variables, `v2.0`
versions: none of them names a resource."""


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") else word


def resource_words(path: str) -> frozenset[str]:
    """The resource words of a path, lower case and singular (`/instance/` and `/instances/` are
    one resource)."""
    return frozenset(_singular(s) for s in path.split("/")
                     if _WORD.fullmatch(s) and not _VERSION.fullmatch(s))


def _request_path(sample: Sample) -> str | None:
    lines = sample.text.strip().splitlines()
    match = _REQUEST_PATH.match(lines[0]) if lines else None
    return match.group(1) if match else None


def _about(value: object, words: frozenset[str], body: object) -> bool:
    """A response whose top-level keys name the foreign call's resource, or repeat its body's
    keys: that call's answer."""
    if not isinstance(value, dict) or not value:
        return False
    keys = set(value)
    sent = set(body) if isinstance(body, dict) else set()
    return bool(keys & sent) or any(_singular(k) in words for k in keys)


def set_aside_foreign_calls(extract: PageExtract, diagnostics: list[Diagnostic]) -> PageExtract:
    if extract.style != "rest" or not extract.path:
        return extract
    own = resource_words(extract.path)
    if not own:
        return extract
    samples = list(extract.samples)
    changed = False
    for index, sample in enumerate(samples):
        if sample.kind != "request":
            continue
        path = _request_path(sample)
        words = resource_words(path) if path else frozenset()
        if not words or words & own:
            continue
        diagnostics.append(Diagnostic(
            "warning", "sample-foreign", f"the example request calls {path}, which shares no "
            f"resource with {extract.path}: another API's call (a step before this one, or a "
            "sample copied from another page); kept as text, not used", sample.loc,
            operation=extract.operation_id))
        samples[index] = replace(sample, syntax="text", value=None, foreign=True)
        after = samples[index + 1] if index + 1 < len(samples) else None
        if after is not None and after.kind == "response" and \
                _about(after.value, words, sample.value):
            diagnostics.append(Diagnostic(
                "warning", "sample-foreign", f"the example response answers the call of {path} "
                "printed before it, not this operation; not used", after.loc,
                (sample.loc,) if sample.loc else (), operation=extract.operation_id))
            samples[index + 1] = replace(after, value=None, foreign=True)
        changed = True
    return replace(extract, samples=tuple(samples)) if changed else extract
