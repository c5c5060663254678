"""A body as it travelled -> the text the contract describes: `Content-Encoding` undone, the
declared charset decoded.

Captures hold bodies in every state: a browser's HAR export keeps `Content-Encoding: gzip` in
the headers but usually stores the decompressed text (sometimes the compressed bytes, base64
encoded); a proxy log keeps the bytes as sent. So a coding is undone only when the bytes are
coded (gzip's magic number, a zlib or brotli stream that decodes); bytes that are already
plain text pass unchanged. Decompression is bounded (`MAX_DECODED`): a 1 KB "zip bomb" that
inflates to gigabytes is refused, not read. Brotli needs the `brotli` package (an optional
extra); without it a `br` body that is still compressed is an input error that says so.

Charsets: `charset=` of `Content-Type` (GBK, GB18030, UTF-16, ISO-8859-1, ...) decodes the
bytes to text; without one, a UTF-16 or UTF-32 byte-order mark says it; otherwise the bytes
are left for the JSON parser (UTF-8).
"""

from __future__ import annotations

import codecs
import zlib
from collections.abc import Iterable

from ..errors import InputError

MAX_DECODED = 512 * 1024 * 1024
"""Largest decompressed body (the same limit as a body file read whole)."""
_CHUNK = 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"


class WireError(InputError):
    """A body whose declared coding or charset cannot be undone."""


def header(headers: Iterable[tuple[str, str]] | None, name: str) -> str | None:
    """The last value of header `name` (case-insensitive), or None."""
    found = None
    for key, value in headers or ():
        if isinstance(key, str) and key.lower() == name:
            found = str(value)
    return found


def charset_of(content_type: str | None) -> str | None:
    """`charset` of a Content-Type (`application/json; charset=GBK` -> `gbk`)."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None


def decode_body(data: bytes, headers: Iterable[tuple[str, str]] | None = None, *,
                content_type: str | None = None) -> bytes | str:
    """`data` with its Content-Encoding undone and its charset decoded (a `str` then; UTF-8
    bytes stay bytes for the parser). Raises `WireError` with a one-line reason."""
    pairs = list(headers or ())
    codings = [c.strip().lower() for c in (header(pairs, "content-encoding") or "").split(",")]
    for coding in reversed([c for c in codings if c and c != "identity"]):
        data = _undo(coding, data)
    charset = charset_of(content_type or header(pairs, "content-type"))
    return decode_charset(data, charset)


def decode_charset(data: bytes, charset: str | None) -> bytes | str:
    if charset is None:
        if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
            charset = "utf-32"
        elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            charset = "utf-16"
        else:
            return data
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        raise WireError(f"unknown charset {charset!r} in Content-Type") from None
    if name in ("utf-8", "ascii", "utf-8-sig"):
        return data
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        raise WireError(f"the body is not valid {charset} text (byte {exc.start}), as its "
                        "Content-Type declares") from None
    return text.removeprefix("\ufeff")


def _undo(coding: str, data: bytes) -> bytes:
    if coding in ("gzip", "x-gzip"):
        if not data.startswith(_GZIP_MAGIC):
            return data  # stored already decompressed (as HAR exports usually are)
        return _inflate(data, zlib.MAX_WBITS | 16, coding)
    if coding == "deflate":
        for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):  # zlib-wrapped, as the RFC says; raw
            try:
                return _inflate(data, wbits, coding)
            except WireError:
                continue
        return _plain_or_fail(data, coding)
    if coding == "br":
        return _unbrotli(data)
    raise WireError(f"Content-Encoding {coding!r} is not supported (gzip, deflate, br)")


def _inflate(data: bytes, wbits: int, coding: str) -> bytes:
    inflater = zlib.decompressobj(wbits)
    out = bytearray()
    try:
        chunk = inflater.decompress(data, _CHUNK)
        while True:
            out += chunk
            if len(out) > MAX_DECODED:
                raise WireError(f"the {coding} body inflates beyond "
                                f"{MAX_DECODED // (1024 * 1024)} MiB; not read")
            if not inflater.unconsumed_tail:
                break
            chunk = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
        out += inflater.flush()
    except zlib.error as exc:
        raise WireError(f"the body is not valid {coding} data ({exc})") from None
    if not inflater.eof:
        raise WireError(f"the {coding} body is cut off (the stream does not end)")
    return bytes(out)


def _plain_or_fail(data: bytes, coding: str) -> bytes:
    """Bytes that do not decode: fine when they already are the text (decoded on export)."""
    head = data.lstrip()[:1]
    if head in (b"{", b"[", b"<") or not data.strip():
        return data
    raise WireError(f"the body is declared {coding} but is neither {coding} data nor text")


def _unbrotli(data: bytes) -> bytes:
    head = data.lstrip()[:1]
    try:
        import brotli  # optional: pip install 'docs2spec[brotli]'
    except ImportError:
        if head in (b"{", b"[", b"<") or not data.strip():
            return data  # stored decoded: no brotli needed
        raise WireError("Content-Encoding br is not supported: install the brotli package "
                        "(pip install 'docs2spec[brotli]')") from None
    try:
        decoder = brotli.Decompressor()
        out = bytearray(decoder.process(data, output_buffer_limit=_CHUNK))
        while not decoder.is_finished() and not decoder.can_accept_more_data():
            out += decoder.process(b"", output_buffer_limit=_CHUNK)
            if len(out) > MAX_DECODED:
                raise WireError(f"the br body inflates beyond {MAX_DECODED // (1024 * 1024)} "
                                "MiB; not read")
        if not decoder.is_finished():
            raise brotli.error("the stream does not end")
        return bytes(out)
    except brotli.error as exc:
        if head in (b"{", b"[", b"<"):
            return data
        raise WireError(f"the body is not valid br data ({exc})") from None
