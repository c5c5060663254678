"""Code blocks -> `Sample`s: what syntax they are in and whether they parse.

A sample that does not parse is kept (its text goes to the output) with an error diagnostic
naming its line, because a broken sample in the docs is a finding, not a reason to stop.
"""

from __future__ import annotations

import json
import re

from ..ir.model import Diagnostic, Sample
from ..sources.tree import CodeBlock

_URL_LINE = re.compile(r"^\s*(?:(?:GET|POST|PUT|DELETE|PATCH|HEAD)\s+)?(?:https?|http\(s\))://", re.I)
_JSON_START = re.compile(r"^\s*[\[{]")
MAX_SAMPLE_DEPTH = 200


def syntax_of(block: CodeBlock) -> str:
    lang = block.language.lower()
    text = block.text.lstrip()
    if lang in ("json", "javascript", "js"):
        return "json"
    if lang in ("xml", "html"):
        return "xml"
    if _URL_LINE.match(text):
        return "url"
    if text.startswith("<"):
        return "xml"
    if _JSON_START.match(text):
        return "json"
    return "text"


def _too_deep(text: str) -> bool:
    depth = peak = 0
    for char in text:
        if char in "[{":
            depth += 1
            peak = max(peak, depth)
        elif char in "]}":
            depth -= 1
    return peak > MAX_SAMPLE_DEPTH


def read_sample(block: CodeBlock, kind: str, title: str = "") -> tuple[Sample, list[Diagnostic]]:
    """Turn a code block into a Sample; JSON is parsed, XML is kept as text for `reconcile`."""
    syntax = syntax_of(block)
    diagnostics: list[Diagnostic] = []
    value = None
    text = block.text
    if syntax == "url":
        kind = "request"
    elif syntax == "json":
        body = text
        first = body.find("{") if "{" in body else body.find("[")
        if first > 0 and _URL_LINE.match(body[:first]):
            kind = "request"
            body = body[first:]
        if _too_deep(body):
            diagnostics.append(Diagnostic("error", "sample-invalid",
                                          f"sample nests deeper than {MAX_SAMPLE_DEPTH} levels; "
                                          "kept as text", block.loc))
        else:
            try:
                value = json.loads(body)
            except ValueError as exc:
                diagnostics.append(Diagnostic("error", "sample-invalid",
                                              f"sample is not valid JSON ({exc}); kept as text, not "
                                              "used to check the schema", block.loc))
    sample = Sample(kind=kind, syntax=syntax, text=text, value=value,  # type: ignore[arg-type]
                    title=title, loc=block.loc)
    return sample, diagnostics
