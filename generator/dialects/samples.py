"""Code blocks -> `Sample`s: what syntax they are in and whether they parse.

A sample that does not parse is kept (its text goes to the output) with an error diagnostic
naming its line, because a broken sample in the docs is a finding, not a reason to stop.
"""

from __future__ import annotations

import re

from ..http import METHOD
from ..ir.model import Diagnostic, Sample
from ..sources.tree import CodeBlock
from . import jsontext
from .fields import MAX_NAME

_URL_LINE = re.compile(r"^\s*(?:" + METHOD + r"\s+)?(?:https?|http\(s\))://"
                       r"|^\s*" + METHOD + r"\s+/", re.I)
"""A request line: a URL, or a method with a URL or an absolute path (`PUT /v3/...`)."""
_CAPTION = re.compile(r"\A[ \t]*[^\s<{\[\"][^\n]{0,200}[:：][ \t]*\n")
"""A caption line before the sample it introduces ("Queries data usage in mainland China:")."""
_STATUS_LINE = re.compile(r"^\s*HTTP/\d(?:\.\d)?\s+(\d{3})\b", re.I)
"""An HTTP response printed as a message: `HTTP/1.1 201 Created`, headers, then the body."""
_JSON_START = re.compile(r"^\s*[\[{]")
_RESPONSE_HEAD = re.compile(r"^\s*HTTP/\d(?:\.\d)?[ \t]+(\d{3})\b[^\n]*\n"
                            r"(?:[ \t]*[A-Za-z][\w-]*[ \t]*:[^\n]*\n)*", re.I)
"""A response written out as on the wire: a status line and header lines before the body
(`HTTP/1.1 200 OK`, `Content-Type:application/json`, a blank line, then the JSON or XML)."""
_BODY_START = re.compile(r"\n[ \t]*[\[{]")
_MEMBER_START = re.compile(r'^"[^"\n]{1,200}"\s*:')
MAX_SAMPLE_DEPTH = 200


_LEAD_COMMENT = re.compile(r"\A(?:[ \t]*//[^\n]*\n)+")


_HTTP_HEAD = re.compile(r"\A[ \t]*(?:HTTP/\d(?:\.\d)?[ \t]+\d{3}[^\n]*|" + METHOD +
                        r"[ \t]+\S+[ \t]+HTTP/\d(?:\.\d)?[ \t]*)\n(?:[ \t]*[A-Za-z][\w-]*[ \t]*:[^\n]*\n)*"
                        r"[ \t]*(?:\n|\Z)")


def without_lead_comment(text: str) -> str:
    """The sample without `//json response`-style comment lines before it, and without the
    status line and headers of a sample written as an HTTP message (`HTTP/1.1 200 OK`,
    `Content-Type: ...`, a blank line, then the body)."""
    text = _LEAD_COMMENT.sub("", text.lstrip("\n"), count=1)
    head = _HTTP_HEAD.match(text)
    return text[head.end():].lstrip("\n") if head and text[head.end():].strip() else text


def syntax_of(block: CodeBlock) -> str:
    lang = block.language.lower()
    text = without_lead_comment(block.text).lstrip()
    if lang in ("json", "javascript", "js"):
        return "json"
    if lang in ("xml", "html"):
        return "xml"
    if _URL_LINE.match(text):
        return "url"
    caption = _CAPTION.match(text)
    if caption and _URL_LINE.match(text[caption.end():]):
        # A block of several example requests, each introduced by a caption line ("Queries
        # bandwidth usage in Europe:" then its URL): example requests all the same.
        return "url"
    if text.startswith("<"):
        return "xml"
    if _JSON_START.match(text) or _MEMBER_START.match(text):
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
        coded = isinstance(inner, dict) and bool(
            set(inner) & {"code", "Code", "error_code", "errorCode"}
            and set(inner) & {"message", "Message", "error_msg", "errorMessage"})
        if coded and next(iter(value)) == "error":
            # Keystone's `{"error": {"code": 404, "message": "...", "title": "Not Found"}}`:
            # a code and a message under `error`, whatever else it adds.
            return True
        if isinstance(inner, dict) and (next(iter(value)) == "error" or coded):
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


def _string_end(text: str, start: int) -> int:
    """The index past the JSON string that opens at `start` (escapes skipped; the text's end
    when the string never closes), so repairs copy strings verbatim."""
    end, n = start + 1, len(text)
    while end < n and text[end] != '"':
        end += 2 if text[end] == "\\" else 1
    return min(end + 1, n)


_ELISION_LINE = re.compile(r"^[ \t]*(?:\.\.\.|…)[ \t]*,?[ \t]*$", re.M)
"""A line that only says more items or members follow (`...`, `…`)."""


def _lenient(text: str):
    """The value of JSON with the slips doc writers make (trailing commas, forgotten commas
    between members, `//` comments, `...` placeholder lines, strings wrapped over several
    lines), or None. Strings are copied verbatim. The placeholder lines go first, so the comma
    before one (`"b.com",` then `...` then `]`) is a trailing comma like any other."""
    text = _ELISION_LINE.sub("", text)
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in '"{[' and _ends_value(out):
            out.append(",")  # two members with nothing between them: the comma was forgotten
        if char == '"':
            end = _string_end(text, i)
            out.append(text[i:end])
            i = end
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
    try:
        return jsontext.loads("".join(out), strict=False)
    except ValueError:
        return None


def _balanced(text: str, wrap: bool = True) -> str:
    """An object's members printed without the braces around them (`wrap`), and with closing
    brackets lost on the way (lines dropped by the page's export): the braces put back, a
    closer that meets an unclosed opener of the other kind closes that one first, and openers
    still unclosed at the end are closed there."""
    out: list[str] = ["{"] if wrap else []
    stack = ["{"] if wrap else [""]
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == '"':
            end = _string_end(text, i)
            out.append(text[i:end])
            i = end
            continue
        if char in "[{":
            stack.append(char)
        elif char in "]}":
            want = "[" if char == "]" else "{"
            while len(stack) > 1 and stack[-1] != want:
                out.append("]" if stack.pop() == "[" else "}")
            if len(stack) > 1:
                stack.pop()
        out.append(char)
        i += 1
    while stack and stack[-1]:
        out.append("]" if stack.pop() == "[" else "}")
    return "".join(out)


def read_sample(block: CodeBlock, kind: str, title: str = "") -> tuple[Sample, list[Diagnostic]]:
    """Turn a code block into a Sample; JSON is parsed, XML is kept as text for `reconcile`."""
    diagnostics: list[Diagnostic] = []
    value = None
    guessed_closers = False
    text = block.text
    # A response printed as an HTTP message: its status line says which response it is (read
    # here once), and the body after the headers is the sample.
    stated = stated_status(text)
    status = stated or 200
    if stated:
        kind = "error" if stated >= 400 else "response"
    head = _RESPONSE_HEAD.match(text)
    if head and text[head.end():].strip():
        text = text[head.end():].strip("\n")
        block = CodeBlock(text, block.loc, block.language)
    syntax = syntax_of(block)
    if syntax in ("json", "xml"):
        text = without_lead_comment(text)
    if syntax == "url":
        kind = "request"
        if _BODY_START.search(text):
            syntax = "json"  # a request line followed by its JSON body
    if syntax == "json":
        body = text
        start = _BODY_START.search(body)
        if start and _URL_LINE.match(body[:start.start()]):
            kind = "request"
            body = body[start.start():]
        if _too_deep(body):
            diagnostics.append(Diagnostic("error", "sample-invalid",
                                          f"sample nests deeper than {MAX_SAMPLE_DEPTH} levels; "
                                          "kept as text", block.loc))
        else:
            try:
                value = jsontext.loads(body)
            except ValueError as exc:
                members = bool(_MEMBER_START.match(body.lstrip()))
                value = _lenient(_balanced(body) if members else body)
                if value is None and not members and body.lstrip()[:1] in "[{":
                    value = _lenient(_balanced(body, wrap=False))
                    guessed_closers = value is not None
                if value is None:
                    diagnostics.append(Diagnostic(
                        "error", "sample-invalid", f"sample is not valid JSON ({exc}); kept as "
                        "text, not used to check the schema", block.loc))
                else:
                    diagnostics.append(Diagnostic(
                        "warning", "sample-repaired", f"sample is not valid JSON ({exc}); read "
                        "after repairing commas and brackets and removing comments", block.loc))
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
                    status=status if 200 <= status < 300 or (kind == "error" and status >= 400)
                    else 200, title=title, loc=block.loc, guessed_closers=guessed_closers)
    return sample, diagnostics


_JSON_LINE = re.compile(r"^[ \t]*[\[{]", re.M)


def _embedded_json(text: str):
    """The JSON object written on its own lines inside an example made of instructions
    ("1. Create the file ... {json} 2. Run curl -d @file ..."), or None. Only an object or
    list that starts a line and parses whole is taken."""
    decoder = jsontext.decoder()
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
