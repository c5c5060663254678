"""A body as given (JSON text or bytes, XML text, or an already-parsed value) -> the value to
validate, or a `BodyError` that says in one line why it cannot be checked.

JSON is parsed with orjson when it is installed (several times faster than `json`, which is the
fallback). Nesting depth is bounded before anything validates: orjson >= 3.9.15 refuses more
than 1024 levels itself; otherwise the byte scan in `depth` refuses more than 256 first. Values
handed over already parsed are walked (iteratively) before findings are built for them. Numbers
too large for a double are refused instead of becoming `inf`; nothing here recurses.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from .depth import MAX_DEPTH, text_too_deep, value_too_deep

try:  # orjson: compiled JSON parser; optional at import time, a declared dependency
    import orjson as _orjson
except ImportError:  # pragma: no cover - exercised only without orjson
    _orjson = None


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".")[:3] if p.isdigit())


# orjson >= 3.9.15 refuses documents nested deeper than 1024 levels by itself (CVE-2024-27454);
# then its limit is the guard and the byte scan below is skipped. Older ones get the scan.
ORJSON_GUARDS_DEPTH = _orjson is not None and _version(_orjson.__version__) >= (3, 9, 15)
ORJSON_DEPTH = 1024
FAST_LOADS = _orjson.loads if ORJSON_GUARDS_DEPTH else None
"""A parser safe to call on any bytes without the byte scan, when there is one."""

MAX_DUPLICATE_SCAN = 1024 * 1024
"""Bodies above this size are not re-read for duplicate keys (the re-read costs ~20 ms/MB)."""
_JSON_TYPES = (dict, list, str, int, float, bool, type(None))


class BodyError(InputError):
    """A body that cannot be read as JSON or XML (or nests too deeply to check safely)."""


@dataclass(slots=True)
class Body:
    value: Any
    text: bytes | str | None
    """The body as it arrived, when it arrived as text (kept for duplicate-key detection)."""
    syntax: str
    """"json", "xml", or "value" (given parsed)."""


def _too_deep(depth: int | str, limit: int = MAX_DEPTH) -> BodyError:
    return BodyError(f"the body nests {depth} levels deep; the limit is {limit}",
                     hint="no API response nests like this; the capture is probably corrupt")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"number {text[:40]} is too large for a 64-bit float")
    return value


def loads(data: bytes | str) -> Any:
    """Parse JSON text; `BodyError` with a readable reason when it is not JSON."""
    if ORJSON_GUARDS_DEPTH:
        try:
            return _orjson.loads(data)
        except _orjson.JSONDecodeError as exc:
            raise _json_error(str(exc), ORJSON_DEPTH) from None
    depth = text_too_deep(data)
    if depth is not None:
        raise _too_deep(f"more than {MAX_DEPTH}", MAX_DEPTH)
    if _orjson is not None:
        try:
            return _orjson.loads(data)
        except _orjson.JSONDecodeError as exc:
            raise _json_error(str(exc)) from None
    if isinstance(data, (bytes, bytearray, memoryview)):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BodyError(f"not UTF-8 text (byte {exc.start}); not a JSON or XML body") from None
    try:
        return json.loads(data, parse_constant=_reject_constant, parse_float=_finite)
    except RecursionError:
        raise _too_deep(f"more than {MAX_DEPTH}") from None  # json's C scanner recursed
    except ValueError as exc:
        raise _json_error(str(exc)) from None


def _json_error(message: str, limit: int = MAX_DEPTH) -> BodyError:
    lowered = message.lower()
    if "depth" in lowered or "recursion" in lowered:
        return _too_deep(f"more than {limit}", limit)
    if "infinity" in lowered or "too large" in lowered:
        return BodyError(f"a number in the body is too large for a 64-bit float ({message})")
    if "utf-8" in lowered or "utf8" in lowered:
        return BodyError(f"not UTF-8 text; not a JSON or XML body ({message})")
    return BodyError(f"not valid JSON ({message})")


def read_body(body: Any, xml_schema: dict[str, Any] | None = None) -> Body:
    """The value to validate. Text starting with `<` is XML, read by `xml_schema`'s shape."""
    if type(body) is bytes and body[:1] in (b"{", b"["):  # the common case, kept short
        return Body(loads(body), body, "json")
    if isinstance(body, (bytes, bytearray, memoryview, str)):
        text = bytes(body) if isinstance(body, (bytearray, memoryview)) else body
        if not text.strip():
            raise BodyError("the body is empty")
        if isinstance(text, str) and text.startswith("\ufeff"):
            text = text[1:]
        elif isinstance(text, bytes) and text.startswith(b"\xef\xbb\xbf"):
            text = text[3:]
        elif isinstance(text, bytes) and text[:2] in (b"\xff\xfe", b"\xfe\xff"):
            from .wire import decode_charset  # a UTF-16/32 body says so with its BOM

            text = decode_charset(text, None)
        try:
            if looks_like_xml(text):
                if looks_like_html(text):
                    raise BodyError("an HTML page, not the documented JSON or XML body (an "
                                    "error page from a proxy or gateway?)")
                from .xmlbody import XmlBodyError, xml_to_json  # xml.etree: only for XML

                try:
                    return Body(xml_to_json(text, xml_schema or {}), text, "xml")
                except XmlBodyError as exc:
                    raise BodyError(str(exc)) from None
            return Body(loads(text), text, "json")
        except BodyError:
            if _binary(text):
                raise BodyError("binary data (not UTF-8 text); not a JSON or XML body") from None
            raise
    check_value(body)
    return Body(body, None, "value")


def looks_like_xml(data: bytes | str) -> bool:
    """Text whose first sign is `<` (a UTF-16/32 body is decoded before this is asked)."""
    head = data[:64].lstrip() if isinstance(data, str) else bytes(data[:64]).lstrip()
    if isinstance(head, bytes):
        head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
        return head.startswith(b"<")
    return head.removeprefix("\ufeff").lstrip().startswith("<")


_HTML = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                   re.I | re.S)


def looks_like_html(text: bytes | str) -> bool:
    """An HTML document (a proxy's `502 Bad Gateway` page) rather than an XML API response:
    an HTML doctype or an `html`, `head` or `body` root element. No XML API response of a
    documented operation has those as its root."""
    head = text[:1024].encode("utf-8", "replace") if isinstance(text, str) else bytes(text[:1024])
    head = head.removeprefix(b"\xef\xbb\xbf")
    return _HTML.search(head) is not None


def _binary(text: bytes | str) -> bool:
    if isinstance(text, str):
        return "\x00" in text[:4096]
    head = text[:4096]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start < len(head) - 4  # not just a character cut at the window's end
    return b"\x00" in head


def check_value(value: Any, deep: bool = False) -> None:
    """A parsed value must be JSON data (dict, list, str, number, bool, None); `deep`: also of
    sane depth (a walk over the whole value, so callers run it only when reporting)."""
    if not isinstance(value, _JSON_TYPES):
        raise BodyError(f"a {type(value).__name__} is not JSON data; pass text, bytes or "
                        "parsed JSON (dict, list, str, number, bool, None)")
    if deep and isinstance(value, (dict, list)) and value_too_deep(value):
        raise _too_deep(f"more than {MAX_DEPTH}")


class _Object(dict):
    __slots__ = ("duplicates",)


def may_have_duplicate_keys(text: bytes | str, value: Any) -> bool:
    """A cheap, exact test before `duplicate_keys`, run on every body: the parsed value is
    written back (in C) and compared with the text as it came.

    A compact body from a serialiser like orjson's comes back byte for byte: no key was lost.
    Otherwise double quotes are counted on both sides: a key given twice was parsed once, so
    the text has more of them; whitespace, number spelling and escapes other than ``\\u0022``
    (which the writer turns into a quote character) change no count, so only that escape
    makes the count inconclusive, and then the full re-read decides."""
    if _orjson is None:
        return True
    try:
        again = _orjson.dumps(value)
    except (TypeError, ValueError):
        return True
    if isinstance(text, str):
        if text.count('"') != again.count(b'"'):
            return True
        return "\\u0022" in text
    if again == text:
        return False
    return text.count(b'"') != again.count(b'"') or b"\\u0022" in text


def duplicate_keys(text: bytes | str) -> list[tuple[str, str]]:
    """(pointer to the repeated key, key) for every key that occurs twice in one object.

    Parsers keep the last value silently; this re-reads the text with `object_pairs_hook`, so
    it only runs when a body is being reported on anyway (the slow path)."""
    if len(text) > MAX_DUPLICATE_SCAN:
        return []
    seen_any = False

    def hook(pairs: list[tuple[str, Any]]) -> _Object:
        nonlocal seen_any
        obj = _Object(pairs)
        if len(obj) != len(pairs):
            names: list[str] = []
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen and key not in names:
                    names.append(key)
                seen.add(key)
            obj.duplicates = names
            seen_any = True
        return obj

    try:
        value = json.loads(text, object_pairs_hook=hook)
    except (ValueError, RecursionError, UnicodeDecodeError):
        return []
    if not seen_any:
        return []
    found: list[tuple[str, str]] = []
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            for key in getattr(node, "duplicates", None) or ():
                found.append((f"{pointer}/{escape(key)}", key))
            stack.extend((v, f"{pointer}/{escape(k)}") for k, v in node.items()
                         if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend((v, f"{pointer}/{i}") for i, v in enumerate(node)
                         if isinstance(v, (dict, list)))
    return sorted(found)


def escape(part: Any) -> str:
    """One JSON pointer segment."""
    return str(part).replace("~", "~0").replace("/", "~1")
