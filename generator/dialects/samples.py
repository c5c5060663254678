"""Code blocks -> `Sample`s: what syntax they are in and whether they parse.

A sample that does not parse is kept (its text goes to the output) with an error diagnostic
naming its line, because a broken sample in the docs is a finding, not a reason to stop.
"""

from __future__ import annotations

import json
import re

from ..ir.model import Diagnostic, Sample
from ..sources.tree import CodeBlock
from .fields import MAX_NAME

_URL_LINE = re.compile(r"^\s*(?:(?:GET|POST|PUT|DELETE|PATCH|HEAD)\s+)?(?:https?|http\(s\))://"
                       r"|^\s*(?:GET|POST|PUT|DELETE|PATCH|HEAD)\s+/", re.I)
"""A request line: a URL, or a method with a URL or an absolute path (`PUT /v3/...`)."""
_STATUS_LINE = re.compile(r"^\s*HTTP/\d(?:\.\d)?\s+(\d{3})\b", re.I)
"""An HTTP response printed as a message: `HTTP/1.1 201 Created`, headers, then the body."""
_JSON_START = re.compile(r"^\s*[\[{]")
_BODY_START = re.compile(r"\n[ \t]*[\[{]")
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
    if _STATUS_LINE.match(text):
        return "json" if _BODY_START.search(text) else "text"
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


MAX_SAMPLE_KEYS = 1_000
"""Different keys a sample may use (as `dialects.MAX_ROWS` rows a table): each may become a
schema field, and emitting tens of thousands of fields takes minutes."""


def _unusable(value) -> str:
    """Why a parsed sample cannot be used (a key no field name is that long, more different keys
    than a reference page documents), or ''."""
    keys: set[str] = set()
    pending = [value]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            for key, sub in node.items():
                if len(key) > MAX_NAME:
                    return f"has a key of {len(key)} characters ({key[:40]!r}...)"
                keys.add(key)
                pending.append(sub)
            if len(keys) > MAX_SAMPLE_KEYS:
                return f"has more than {MAX_SAMPLE_KEYS} different keys"
        elif isinstance(node, list):
            pending.extend(node)
    return ""


ERROR_KEYS = frozenset({"error_code", "error_msg", "Code", "Message", "code", "message",
                        "error", "errorCode", "errorMessage"})
ENVELOPE_KEYS = ERROR_KEYS | {"request_id", "RequestId", "HostId", "Recommend", "requestId",
                              "encoded_authorization_message"}


def _is_error_body(value) -> bool:
    """A sample made only of the provider's error envelope is an error sample, whatever label
    precedes it."""
    if isinstance(value, dict) and len(value) == 1:
        inner = next(iter(value.values()))
        if isinstance(inner, dict) and (next(iter(value)) == "error" or (
                set(inner) & {"code", "Code", "error_code", "errorCode"}
                and set(inner) & {"message", "Message", "error_msg", "errorMessage"})):
            # `{"error": {...}}`, and the OpenStack style that names the error class:
            # `{"itemNotFound": {"message": "...", "code": "..."}}`
            value = inner
    return isinstance(value, dict) and bool(value) and set(value) <= ENVELOPE_KEYS and bool(
        set(value) & {"error_code", "Code", "code", "errorCode"})


def _ends_value(out: list[str]) -> bool:
    """Whether the JSON written so far ends with a complete value (then a member may follow)."""
    for piece in reversed(out):
        stripped = piece.rstrip(" \t\r")
        if stripped:
            return stripped[-1] in '"}]' or stripped[-1].isdigit() or stripped.endswith(
                ("true", "false", "null"))
    return False


def _lenient(text: str):
    """The value of JSON with the slips doc writers make (trailing commas, forgotten commas at
    line ends, `//` comments, `...` placeholder lines), or None. Strings are copied verbatim."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == '"':
            end = i + 1
            while end < n and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            out.append(text[i:end + 1])
            i = end + 1
            continue
        if char == "/" and text.startswith("//", i):
            newline = text.find("\n", i)
            i = n if newline < 0 else newline
            continue
        if char == "\n" and _ends_value(out):
            rest = i + 1
            while rest < n and text[rest] in " \t\r\n":
                rest += 1
            if rest < n and text[rest] in '"{[':
                out.append(",")  # a line break between two members: the comma was forgotten
        if char == ",":
            rest = i + 1
            while rest < n and text[rest] in " \t\r\n":
                rest += 1
            if rest < n and text[rest] in "}]":
                i += 1
                continue
        out.append(char)
        i += 1
    cleaned = re.sub(r"^[ \t]*\.\.\.[ \t]*,?[ \t]*$", "", "".join(out), flags=re.M)
    try:
        return json.loads(cleaned)
    except ValueError:
        return None


def read_sample(block: CodeBlock, kind: str, title: str = "") -> tuple[Sample, list[Diagnostic]]:
    """Turn a code block into a Sample; JSON is parsed, XML is kept as text for `reconcile`."""
    syntax = syntax_of(block)
    diagnostics: list[Diagnostic] = []
    value = None
    text = block.text
    if syntax == "url":
        kind = "request"
        if _BODY_START.search(text):
            syntax = "json"  # a request line followed by its JSON body
    status = stated_status(text)
    if status:
        kind = "error" if status >= 400 else "response"
    if syntax == "json":
        body = text
        start = _BODY_START.search(body)
        if start and _URL_LINE.match(body[:start.start()]):
            kind = "request"
            body = body[start.start():]
        elif start and status:
            body = body[start.start():]  # the status line and the headers before the body
        if _too_deep(body):
            diagnostics.append(Diagnostic("error", "sample-invalid",
                                          f"sample nests deeper than {MAX_SAMPLE_DEPTH} levels; "
                                          "kept as text", block.loc))
        else:
            try:
                value = json.loads(body)
            except ValueError as exc:
                value = _lenient(body)
                if value is None:
                    diagnostics.append(Diagnostic(
                        "error", "sample-invalid", f"sample is not valid JSON ({exc}); kept as "
                        "text, not used to check the schema", block.loc))
                else:
                    diagnostics.append(Diagnostic(
                        "warning", "sample-repaired", f"sample is not valid JSON ({exc}); read "
                        "after repairing commas and removing comments", block.loc))
    if syntax == "text" and value is None:
        value = _embedded_json(text)
        if value is not None:
            syntax = "json"
            diagnostics.append(Diagnostic(
                "info", "sample-embedded", "the JSON document inside the example's instructions "
                "(shell commands, numbered steps) is read as the sample", block.loc))
    unusable = _unusable(value)
    if unusable:
        diagnostics.append(Diagnostic("error", "sample-invalid", f"sample {unusable}; kept as "
                                      "text, not used to check the schema", block.loc))
        value = None
    if kind == "response" and _is_error_body(value):
        kind = "error"
    sample = Sample(kind=kind, syntax=syntax, text=text, value=value,  # type: ignore[arg-type]
                    title=title, loc=block.loc, status=status or 200)
    return sample, diagnostics


_JSON_LINE = re.compile(r"^[ \t]*[\[{]", re.M)


def _embedded_json(text: str):
    """The JSON object written on its own lines inside an example made of instructions
    ("1. Create the file ... {json} 2. Run curl -d @file ..."), or None. Only an object or
    list that starts a line and parses whole is taken."""
    decoder = json.JSONDecoder()
    for match in _JSON_LINE.finditer(text):
        start = match.end() - 1
        if _too_deep(text[start:]):
            return None
        try:
            value, end = decoder.raw_decode(text, start)
        except ValueError:
            continue
        rest = text[end:].split("\n", 1)[0].strip()
        if isinstance(value, (dict, list)) and value and not rest:
            return value
    return None


def stated_status(text: str) -> int:
    """The status code of a sample printed as an HTTP message (`HTTP/1.1 201 Created`), 0
    when the sample does not state one."""
    match = _STATUS_LINE.match(text)
    return int(match.group(1)) if match else 0
