"""Inputs -> entries to check: JSON/XML body files, folders of them, JSON Lines (bare bodies or
`{"url", "status", "body"}` records), HAR files, and stdin.

Readers never raise for bad input: an entry that cannot be read carries an `error` and the
rest is still read. JSON Lines are streamed one line at a time, so a file of any size needs
memory for one line (and whatever findings are kept), not for the file.
"""

from __future__ import annotations

import base64
import binascii
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..location import path_label
from . import limits
from .bodies import Body, BodyError, loads
from .depth import MAX_DEPTH
from .discovery import BadUrl, split_url
from .harstream import BrokenHar, DeepEntry, NotHar, har_entries

BODY_SUFFIXES = (".json", ".xml")
LINE_SUFFIXES = (".jsonl", ".ndjson")
HAR_SUFFIXES = (".har",)
ALL_SUFFIXES = BODY_SUFFIXES + LINE_SUFFIXES + HAR_SUFFIXES
RECORD_KEYS = frozenset({"url", "status", "body", "method", "operation", "product", "headers",
                         "kind", "request_body"})
_TEXT_KEYS = ("url", "method", "operation", "product", "kind")
MIB = 1024 * 1024
MAX_FILE = 512 * MIB
"""Largest body, HAR file or stdin document read whole."""
MAX_LINE = 64 * MIB
"""Longest JSON Lines line: what one entry may cost in memory, whatever the file's size."""


@dataclass(slots=True)
class Entry:
    label: str
    kind: str = "response"
    """"response" (a body) or "request" (a URL, maybe with a body)."""
    body: Any = None
    """Text or bytes to parse, a `Body` already parsed, or None."""
    url: str | None = None
    method: str | None = None
    status: int | None = None
    operation: str | None = None
    product: str | None = None
    headers: list[tuple[str, str]] | None = None
    path: Path | None = None
    """The file a bare body came from (its folders may name the operation)."""
    error: str | None = None
    """Why the entry cannot be checked at all."""
    optional: bool = False
    """A HAR entry: skip it quietly if it matches no documented operation."""
    form: str | None = None
    """The form-encoded request body (RPC POST: `Action=...` may travel there)."""


def _is_har(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("log"), dict) and \
        isinstance(value["log"].get("entries"), list)


def _is_record(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= RECORD_KEYS and \
        ("body" in value or "url" in value) and bool({"url", "status", "operation"} & set(value))


def read_paths(paths: list[str], stdin: BinaryIO | None = None) -> Iterator[Entry]:
    for raw in paths:
        shown = path_label(raw)
        if raw == "-":
            yield from read_stream(stdin if stdin is not None else _stdin(), "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in ALL_SUFFIXES)
            if not files:
                yield Entry(shown, error=f"no {', '.join(ALL_SUFFIXES)} files in this folder")
            for file in files:
                yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        else:
            yield Entry(shown, error="no such file or folder")


def _stdin() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def read_file(path: Path) -> Iterator[Entry]:
    label = path_label(path)
    suffix = path.suffix.lower()
    if suffix in LINE_SUFFIXES:
        try:
            with limits.open_capture(path) as stream:
                yield from read_lines(stream, label, path)
        except OSError as exc:
            yield Entry(label, error=f"cannot read: {exc.strerror or exc}")
        return
    if suffix in HAR_SUFFIXES:
        try:
            with limits.open_capture(path) as stream:
                yield from read_har_stream(stream, label)
        except OSError as exc:
            yield Entry(label, error=f"cannot read: {exc.strerror or exc}")
        return
    try:
        data = limits.read_capped(path, MAX_FILE)
    except OSError as exc:
        yield Entry(label, error=f"cannot read: {exc.strerror or exc}")
        return
    if suffix == ".json" and b'"log"' in data[:512] and b'"entries"' in data:
        yield from read_har(data, label, strict=False)
        return
    yield Entry(label, body=data, path=path)


def read_lines(stream: BinaryIO, label: str, path: Path | None = None,
               first: tuple[bytes, Any] | None = None, start: int = 1) -> Iterator[Entry]:
    """One entry per non-blank line; a line is a bare body or a capture record."""
    number = start - 1
    if first is not None:
        number += 1
        yield _line_entry(first[0], first[1], f"{label}:{number}", path)
    for line in _bounded_lines(stream):
        number += 1
        if line is None:
            yield Entry(f"{label}:{number}", error=f"line longer than {MAX_LINE // MIB} MiB; "
                        "not checked (is this really JSON Lines?)")
            continue
        if not line.strip():
            continue
        try:
            value = loads(line)
        except BodyError as exc:
            yield Entry(f"{label}:{number}", error=exc.bare_message)
            continue
        yield _line_entry(line, value, f"{label}:{number}", path)


def _bounded_lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """The lines of `stream`, each read with at most `MAX_LINE` bytes in memory; None for a
    longer one (skipped in 1 MiB steps). Iterating a file reads a whole line however long it
    is: a 2 GB "JSON Lines" file without a newline would be read whole."""
    readline = getattr(stream, "readline", None)
    if readline is None:  # any iterable of lines (tests)
        yield from (line if len(line) <= MAX_LINE else None for line in stream)
        return
    while True:
        line = readline(MAX_LINE + 1)
        if not line:
            return
        if len(line) > MAX_LINE and not line.endswith(b"\n"):
            while True:
                rest = readline(MIB)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _line_entry(line: bytes, value: Any, label: str, path: Path | None) -> Entry:
    if _is_record(value):
        return _record_entry(value, label)
    return Entry(label, body=Body(value, line.strip(), "json"), path=path)


def _record_entry(record: dict[str, Any], label: str) -> Entry:
    status = record.get("status")
    if status is not None and not (isinstance(status, int) and not isinstance(status, bool)):
        try:
            status = int(str(status))
        except ValueError:
            return Entry(label, error=f"record status {status!r} is not an HTTP status code")
    for key in _TEXT_KEYS:  # used as names and dictionary keys below: never a list or number
        if record.get(key) is not None and not isinstance(record[key], str):
            return Entry(label, error=f"record {key} must be a string, not "
                         f"{type(record[key]).__name__}")
    url = record.get("url")
    headers = record.get("headers")
    header_pairs = list(headers.items()) if isinstance(headers, dict) else None
    kind = record.get("kind") or ("response" if "body" in record else "request")
    if kind not in ("response", "request"):
        return Entry(label, error=f"record kind {kind!r} is neither response nor request")
    body = record.get("body")
    if kind == "response":
        if body is None:
            return Entry(label, error="record has no body")
        if not isinstance(body, str):
            body = Body(body, None, "value")  # parsed as part of the line: depth checked
    else:
        body = record.get("request_body", body if isinstance(body, str) else None)
    return Entry(label, kind=kind, body=body, url=url, method=record.get("method"),
                 status=status, operation=record.get("operation"),
                 product=record.get("product"), headers=header_pairs)


def read_har(data: bytes, label: str, strict: bool = True) -> Iterator[Entry]:
    """Each HAR entry: its request, and its response body."""
    try:
        har = loads(data)
    except BodyError as exc:
        yield Entry(label, error=f"not a readable HAR file ({exc.bare_message}); a truncated "
                    "export cannot be read, export it again")
        return
    if not _is_har(har):
        if strict:
            yield Entry(label, error="not a HAR file: expected {\"log\": {\"entries\": [...]}}")
        else:
            yield Entry(label, body=Body(har, data, "json"), path=Path(label))
        return
    entries = har["log"]["entries"]
    if not entries:
        yield Entry(label, error="HAR file has no entries")
    for index, item in enumerate(entries, 1):
        yield from _har_entry(item, f"{label}#{index}")


def read_har_stream(stream: BinaryIO, label: str) -> Iterator[Entry]:
    """A HAR file entry by entry (`harstream`): memory bounded by the largest entry."""
    count = 0
    try:
        for count, item in enumerate(har_entries(stream), 1):
            if isinstance(item, DeepEntry):
                yield Entry(f"{label}#{count}", error=f"HAR entry nests deeper than {MAX_DEPTH} "
                            "levels")
                continue
            yield from _har_entry(item, f"{label}#{count}")
    except NotHar:
        yield Entry(label, error="not a HAR file: expected {\"log\": {\"entries\": [...]}}")
        return
    except BrokenHar as exc:
        yield Entry(label, error=f"not a readable HAR file after entry {count} ({exc}); a "
                    "truncated export cannot be read, export it again")
        return
    if not count:
        yield Entry(label, error="HAR file has no entries")


def _har_entry(item: Any, label: str) -> Iterator[Entry]:
    if not isinstance(item, dict) or not isinstance(item.get("request"), dict):
        yield Entry(label, error="HAR entry has no request")
        return
    request = item["request"]
    url = request.get("url")
    method = str(request.get("method") or "GET").upper()
    if not isinstance(url, str) or not url:
        yield Entry(label, error="HAR entry request has no URL")
        return
    try:
        parts = split_url(url)
    except BadUrl as exc:  # no browser records such a URL: the export is damaged, say so
        yield Entry(f"{label} request", kind="request", error=exc.bare_message)
        return
    short = f"{label} {method} {parts.path or '/'}"
    headers = [(str(h.get("name")), str(h.get("value"))) for h in request.get("headers", [])
               if isinstance(h, dict) and h.get("name")]
    post = request.get("postData") if isinstance(request.get("postData"), dict) else {}
    request_body = post.get("text") if isinstance(post.get("text"), str) and post["text"] else None
    form = request_body if request_body and "form-urlencoded" in str(post.get("mimeType")) \
        else None
    yield Entry(f"{short} request", kind="request", url=url, method=method, headers=headers,
                body=request_body, optional=True, form=form)
    response = item.get("response") if isinstance(item.get("response"), dict) else None
    if response is None:
        yield Entry(f"{short} response", error="HAR entry has no response", url=url,
                    method=method, optional=True)
        return
    status = response.get("status")
    content = response.get("content") if isinstance(response.get("content"), dict) else {}
    text = content.get("text")
    mime = str(content.get("mimeType") or "")
    if not isinstance(status, int) or isinstance(status, bool) or status <= 0:
        yield Entry(f"{short} response", error="HAR entry response has no HTTP status "
                    "(the request failed or was cancelled)", url=url, method=method,
                    optional=True)
        return
    if not isinstance(text, str) or not text:
        yield Entry(f"{short} response", error="HAR entry saved without its response body "
                    "(export with content)", url=url, method=method, status=status,
                    optional=True)
        return
    body: bytes | str = text
    if content.get("encoding") == "base64":
        try:
            body = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            yield Entry(f"{short} response", error="HAR response body is not valid base64",
                        url=url, method=method, status=status, optional=True)
            return
    if not ("json" in mime or "xml" in mime or text.lstrip()[:1] in ("{", "[", "<")):
        yield Entry(f"{short} response {status}", error=f"response body is {mime or 'not JSON'}"
                    ", not a JSON or XML API response", url=url, method=method, status=status,
                    optional=True)
        return
    yield Entry(f"{short} response {status}", body=body, url=url, method=method, status=status,
                optional=True, form=form)


def read_stream(stream: BinaryIO, label: str) -> Iterator[Entry]:
    """stdin: JSON Lines are streamed; one JSON/XML document or HAR is read whole, up to
    `MAX_FILE` (as a file would be)."""
    first = stream.readline(MAX_LINE + 1)
    if not first:
        yield Entry(label, error="nothing on stdin")
        return
    if first.strip() and (len(first) <= MAX_LINE or first.endswith(b"\n")):
        try:
            value = loads(first)
        except BodyError:
            value = None
            parsed = False
        else:
            parsed = True
        if parsed:
            if _is_har(value):
                rest = stream.read(MAX_FILE + 1 - len(first))
                if len(first) + len(rest) > MAX_FILE:
                    yield Entry(label, error=f"more than {MAX_FILE // MIB} MiB on stdin")
                    return
                yield from read_har(first + rest, label)
                return
            yield from read_lines(stream, label, None, first=(first, value))
            return
    data = first + stream.read(MAX_FILE + 1 - len(first))
    if len(data) > MAX_FILE:
        yield Entry(label, error=f"more than {MAX_FILE // MIB} MiB on stdin (JSON Lines are "
                    f"streamed: one document per line, each under {MAX_LINE // MIB} MiB)")
        return
    if b'"log"' in data[:512] and b'"entries"' in data:
        yield from read_har(data, label, strict=False)
        return
    yield Entry(label, body=data)


def read_bytes(data: bytes, label: str) -> Iterator[Entry]:
    """The same as stdin, for bytes in memory (tests)."""
    yield from read_stream(io.BytesIO(data), label)
