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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError
from ..location import path_label
from . import limits
from .bodies import Body, BodyError, loads, may_have_duplicate_keys
from .depth import MAX_DEPTH
from .discovery import BadUrl, split_url
from .findings import Finding
from .harstream import BrokenHar, DeepEntry, NotHar, har_entries
from .wire import decode_body

try:  # msgspec: records are read leaving their body as bytes (a declared dependency)
    import msgspec as _msgspec
except ImportError:  # pragma: no cover
    _msgspec = None

BODY_SUFFIXES = (".json", ".xml")
LINE_SUFFIXES = (".jsonl", ".ndjson")
HAR_SUFFIXES = (".har",)
ALL_SUFFIXES = BODY_SUFFIXES + LINE_SUFFIXES + HAR_SUFFIXES
RECORD_KEYS = frozenset({"url", "status", "body", "method", "operation", "product", "headers",
                         "kind", "request_body", "response_headers", "encoding"})
_TEXT_KEYS = ("url", "method", "operation", "product", "kind", "encoding")
MIB = 1024 * 1024
MAX_FILE = 512 * MIB
"""Largest body, HAR file or stdin document read whole."""
Lane = Callable[[bytes], "tuple[str, str, bool] | None"]
"""`lane.RecordLane`: (product, operation, request checked) of a record that passes, or None."""
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
    exchange: str = ""
    """The request/response pair this entry is half of (a HAR entry, a JSON Lines record);
    empty for a bare body. The report counts exchanges as well as checks."""
    findings: tuple[Finding, ...] = ()
    """Found while reading (a key given twice in a JSON Lines record's body)."""


@dataclass(frozen=True, slots=True)
class Passed:
    """A JSON Lines record the lane (`lane.RecordLane`) checked: one exchange, every message
    ok, nothing to report."""

    label: str
    """The last of the records (the one the report's exchange count goes on from)."""
    product: str
    operation: str
    request: bool
    """Whether the record's URL was checked as a request too (two messages)."""
    count: int = 1
    """How many records of a run ending at `label` passed with this product, operation and
    request kind (a run of passed records, up to `PASSED_RUN`, comes as one `Passed` per
    product, operation and kind in it, all labelled with its last record: the report counts
    them, it does not need their order)."""


def _is_har(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("log"), dict) and \
        isinstance(value["log"].get("entries"), list)


def _is_record(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= RECORD_KEYS and \
        ("body" in value or "url" in value) and bool({"url", "status", "operation"} & set(value))


def read_paths(paths: list[str], stdin: BinaryIO | None = None, lane: Lane | None = None
               ) -> Iterator[Entry | Passed]:
    """The entries of every path; `lane`: JSON Lines records it passes come as `Passed`."""
    for raw in paths:
        shown = path_label(raw)
        if raw == "-":
            yield from read_stream(stdin if stdin is not None else _stdin(), "<stdin>", lane)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in ALL_SUFFIXES)
            if not files:
                yield Entry(shown, error=f"no {', '.join(ALL_SUFFIXES)} files in this folder")
            for file in files:
                yield from read_file(file, lane)
        elif path.exists():
            yield from read_file(path, lane)
        else:
            yield Entry(shown, error="no such file or folder")


def _stdin() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def read_file(path: Path, lane: Lane | None = None) -> Iterator[Entry | Passed]:
    label = path_label(path)
    suffix = path.suffix.lower()
    if suffix in LINE_SUFFIXES:
        try:
            with limits.open_capture(path) as stream:
                yield from read_lines(stream, label, path, lane=lane)
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
               first: tuple[bytes, Any] | None = None, start: int = 1,
               lane: Lane | None = None) -> Iterator[Entry | Passed]:
    """One entry per non-blank line; a line is a bare body or a capture record. `lane`: a
    record it passes is yielded as `Passed` instead (see `lane`)."""
    number = start - 1
    if first is not None:
        number += 1
        yield from _line_entry(first[0], first[1], f"{label}:{number}", path)
    passing: dict[tuple[str, str, bool], int] = {}
    passed = 0  # records in a row the lane passed (counted in `passing`), not yet yielded
    for line in _bounded_lines(stream):
        number += 1
        if lane is not None and line is not None:
            verdict = lane(line)
            if verdict is not None:
                passing[verdict] = passing.get(verdict, 0) + 1
                passed += 1
                if passed >= PASSED_RUN:
                    yield from _passed(f"{label}:{number}", passing)
                    passed = 0
                continue
        if passed:
            yield from _passed(f"{label}:{number - 1}", passing)
            passed = 0
        if line is None:
            yield Entry(f"{label}:{number}", error=f"line longer than {MAX_LINE // MIB} MiB; "
                        "not checked (is this really JSON Lines?)")
            continue
        if not line.strip():
            continue
        record = _raw_record(line)
        if record is not None:  # the common case: the body stays bytes for the decoder
            yield from record_entries(record, f"{label}:{number}", line)
            continue
        try:
            value = loads(line)
        except BodyError as exc:
            yield Entry(f"{label}:{number}", error=exc.bare_message)
            continue
        yield from _line_entry(line, value, f"{label}:{number}", path)
    if passed:
        yield from _passed(f"{label}:{number}", passing)


PASSED_RUN = 512
"""Most records one run of `Passed` stands for (the progress line moves on between them)."""


def _passed(label: str, passing: dict[tuple[str, str, bool], int]) -> Iterator[Passed]:
    """The `Passed` of a run (one per product, operation and request kind), emptying
    `passing`."""
    for (product, operation, request), count in passing.items():
        yield Passed(label, product, operation, request, count)
    passing.clear()


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


def _line_entry(line: bytes, value: Any, label: str, path: Path | None) -> Iterator[Entry]:
    if _is_record(value):
        yield from record_entries(value, label, line)
        return
    yield Entry(label, body=Body(value, line.strip(), "json"), path=path)


def _headers(value: Any) -> list[tuple[str, str]] | None:
    """Headers as a mapping or as HAR-style `[{"name", "value"}]` / `[[name, value]]`."""
    if isinstance(value, dict):
        return [(str(k), str(v)) for k, v in value.items()]
    if isinstance(value, list):
        pairs = []
        for item in value:
            if isinstance(item, dict) and item.get("name"):
                pairs.append((str(item["name"]), str(item.get("value", ""))))
            elif isinstance(item, (list, tuple)) and len(item) == 2:
                pairs.append((str(item[0]), str(item[1])))
        return pairs
    return None


def _raw_record(line: bytes) -> dict[str, Any] | None:
    """A capture record read without parsing its body: `body` is the body's own bytes (a JSON
    string body becomes its text), so the validating decoder reads it once. None when the line
    is not a record this way (a bare body, invalid JSON, msgspec missing): the caller parses
    it whole instead."""
    coder = record_decoder()
    if coder is None:
        return None
    decode, encode = coder
    try:
        struct = decode(line)
    except (_msgspec.ValidationError, _msgspec.DecodeError, RecursionError):
        return None
    record = {name: getattr(struct, name) for name in struct.__struct_fields__
              if getattr(struct, name) is not _msgspec.UNSET}
    if not (("body" in record or "url" in record)
            and {"url", "status", "operation"} & set(record)):
        return None
    raw = record.get("body")
    data = bytes(raw) if raw is not None else b""
    quotes_match = record_keys_once(line, struct, data, encode)
    if raw is not None:
        if data == b"null":
            record["body"] = None
        elif data[:1] == b'"' or record.get("encoding") is not None:
            try:
                record["body"] = loads(data)  # text: XML, base64, JSON in a string
            except BodyError:
                return None
        else:
            record["body"] = data
    record[_QUOTES_MATCH] = quotes_match
    return record


def _body_at(line: bytes, body: bytes) -> int:
    """Where the body's bytes start in the line: right after `"body":` (checked by comparing
    the bytes there), else wherever `find` finds them."""
    key = line.find(b'"body":')
    while key >= 0:
        at = key + 7
        while line[at:at + 1] in (b" ", b"\t"):
            at += 1
        if line.startswith(body, at):
            return at
        key = line.find(b'"body":', key + 1)
    return line.find(body)


def record_keys_once(line: bytes, struct: Any, body: bytes, encode: Any) -> bool:
    """Whether no key outside the body was sent twice: the record written back without its
    body has as many quotes as the line outside the body (counted around the body's bytes, in
    place: a 10 MB body is neither counted nor copied)."""
    at = _body_at(line, body) if body else -1
    if at < 0:
        if b"\\u0022" in line:
            return False
        return encode(struct).count(b'"') == line.count(b'"')
    end = at + len(body)
    if line.find(b"\\u0022", 0, at) >= 0 or line.find(b"\\u0022", end) >= 0:
        return False
    bare = _msgspec.structs.replace(struct, body=_msgspec.UNSET)
    # + 2: the quotes of "body"
    return encode(bare).count(b'"') + 2 == line.count(b'"', 0, at) + line.count(b'"', end)


_QUOTES_MATCH = "\x00quotes-match"
"""Set on a record read by `_raw_record`: whether writing it back kept every quote (so no key
outside the body was sent twice; the body's own keys are the decoder's business)."""


def record_decoder() -> tuple[Any, Any] | None:
    """(decode, encode) of capture records with their body left as bytes (`msgspec.Raw`), built
    on first use; None without msgspec."""
    if _RECORD:
        return _RECORD[0]
    _RECORD.append(_new_record_decoder())
    return _RECORD[0]


def _new_record_decoder() -> tuple[Any, Any] | None:
    if _msgspec is None:
        return None
    unset = _msgspec.UNSET
    fields = [(name, Any, unset) for name in sorted(RECORD_KEYS - {"body"})]
    fields.append(("body", _msgspec.Raw, unset))
    kind = _msgspec.defstruct("CaptureRecord", fields, forbid_unknown_fields=True,
                              omit_defaults=True)
    return _msgspec.json.Decoder(kind).decode, _msgspec.json.Encoder().encode


def record_entries(record: dict[str, Any], label: str, line: bytes | None = None
                   ) -> Iterator[Entry]:
    """A capture record: its request (when it has a URL) and its response (when it has a body
    or a status), like the two halves of a HAR entry. `line`: the JSON text it was read from
    (for duplicate keys; None for a record that never was text, e.g. a Spark row)."""
    status = record.get("status")
    if status is not None and not (isinstance(status, int) and not isinstance(status, bool)):
        try:
            status = int(str(status))
        except ValueError:
            yield Entry(label, error=f"record status {status!r} is not an HTTP status code")
            return
    for key in _TEXT_KEYS:  # used as names and dictionary keys below: never a list or number
        if record.get(key) is not None and not isinstance(record[key], str):
            yield Entry(label, error=f"record {key} must be a string, not "
                        f"{type(record[key]).__name__}")
            return
    url = record.get("url")
    method = record.get("method")
    kind = record.get("kind")
    if kind not in (None, "response", "request"):
        yield Entry(label, error=f"record kind {kind!r} is neither response nor request")
        return
    wants_response = kind == "response" or (kind is None and ("body" in record
                                                                or status is not None))
    wants_request = kind == "request" or (kind is None and url is not None)
    common = {"url": url, "method": method, "operation": record.get("operation"),
              "product": record.get("product"), "exchange": label}
    if line is None:
        body_duplicates = record_duplicates = ()
    elif _QUOTES_MATCH in record:  # body kept as bytes: its keys are checked with it
        body_duplicates = ()
        record_duplicates = () if record[_QUOTES_MATCH] else _record_duplicates(line, None)[1]
    else:
        body_duplicates, record_duplicates = _record_duplicates(line, record)
    if wants_request:
        body = record.get("request_body", None if wants_response else record.get("body"))
        if body is not None and not isinstance(body, str):
            body = Body(body, None, "value")
        yield Entry(f"{label} request" if wants_response else label, kind="request", body=body,
                    headers=_headers(record.get("headers")), optional=wants_response,
                    findings=() if wants_response else record_duplicates, **common)
    if not wants_response:
        return
    body = record.get("body")
    if record.get("encoding") == "base64" and isinstance(body, str):
        try:
            body = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            yield Entry(label, error="record body is not valid base64 (encoding: base64)",
                        status=status, **common)
            return
    elif record.get("encoding") not in (None, "base64"):
        yield Entry(label, error=f"record encoding {record['encoding']!r}: only base64 is "
                    "read", status=status, **common)
        return
    elif body is not None and not isinstance(body, (str, bytes)):
        body = Body(body, None, "value")  # parsed as part of the line: depth checked
    yield Entry(f"{label} response" if wants_request else label, body=body, status=status,
                headers=_headers(record.get("response_headers")),
                findings=body_duplicates + record_duplicates, **common)


def _record_duplicates(line: bytes, record: dict[str, Any] | None
                       ) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """Keys given twice in the record line: (in its body, pointers relative to the body; in
    the record itself). The same cheap test as for bare bodies decides whether to look
    (`record` None: look)."""
    if record is not None and not may_have_duplicate_keys(line.strip(), record):
        return (), ()
    from .api import duplicate_key_findings

    inside, outside = [], []
    for finding in duplicate_key_findings(line.strip()):
        if finding.pointer.startswith("/body/"):
            inside.append(replace(finding, pointer=finding.pointer[len("/body"):]))
        else:
            outside.append(replace(finding, message="record " + finding.message))
    return tuple(inside), tuple(outside)


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
                body=request_body, optional=True, form=form, exchange=label)
    common = {"url": url, "method": method, "optional": True, "form": form, "exchange": label}
    response = item.get("response") if isinstance(item.get("response"), dict) else None
    if response is None:
        yield Entry(f"{short} response", error="HAR entry has no response", **common)
        return
    status = response.get("status")
    content = response.get("content") if isinstance(response.get("content"), dict) else {}
    text = content.get("text")
    mime = str(content.get("mimeType") or "")
    if not isinstance(status, int) or isinstance(status, bool) or status <= 0:
        yield Entry(f"{short} response", error="HAR entry response has no HTTP status "
                    "(the request failed or was cancelled)", **common)
        return
    label = f"{short} response {status}"
    response_headers = [(str(h.get("name")), str(h.get("value")))
                        for h in response.get("headers", []) or []
                        if isinstance(h, dict) and h.get("name")]
    if mime:
        response_headers.append(("Content-Type", mime))
    if not isinstance(text, str) or not text:
        if content.get("size") == 0 or (text == "" and not content.get("size")):
            # Saved with content, and there was none (a 204, a HEAD): the check decides
            # whether the docs expected one.
            yield Entry(label, body=b"", status=status, headers=response_headers, **common)
            return
        yield Entry(f"{short} response", error="HAR entry saved without its response body "
                    "(export with content)", status=status, **common)
        return
    body: bytes | str = text
    if content.get("encoding") == "base64":
        try:
            body = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            yield Entry(label, error="HAR response body is not valid base64", status=status,
                        **common)
            return
        try:
            body = decode_body(body, response_headers)
        except InputError as exc:
            yield Entry(label, error=exc.bare_message, status=status, **common)
            return
        response_headers = []  # done: the check gets the text
    else:
        # Browsers store the text decoded: the Content-Encoding is history, not a coding.
        response_headers = [h for h in response_headers if h[0].lower() != "content-encoding"]
    head = body.lstrip()[:1]
    if not ("json" in mime or "xml" in mime or head in ("{", "[", "<", b"{", b"[", b"<")):
        yield Entry(label, error=f"response body is {mime or 'not JSON'}, not a JSON or XML API "
                    "response", status=status, **common)
        return
    yield Entry(label, body=body, status=status, headers=response_headers, **common)


def read_stream(stream: BinaryIO, label: str, lane: Lane | None = None
                ) -> Iterator[Entry | Passed]:
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
            yield from read_lines(stream, label, None, first=(first, value), lane=lane)
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


_RECORD: list[tuple[Any, Any] | None] = []
"""The record decoder, built on the first JSON Lines line (not at import: `--help` and runs
without JSON Lines do not pay for it)."""
