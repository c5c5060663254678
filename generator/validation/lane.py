"""The JSON Lines fast lane: a capture record that passes is counted without being taken apart.

Most records of a large capture are valid, and for them the general path (an `Entry` per
half, its operation looked up, a `Result`, findings selected, promoted and ordered, the
report's bookkeeping) costs more than validating the body. The lane answers one question per
line, "does this record pass with nothing at all to report?", as cheaply as it can:

- the line is read once with the record decoder (`readers.record_decoder`: the body stays
  bytes), and only plain records take the lane: `url`, `method`, `status`, `body`,
  `operation`, `product` (no headers, encodings, request bodies or kinds);
- the operation is looked up once per `operation`/`product` pair, or per host, path,
  `Action=` and method of a URL, and its status verdict once per status;
- the body goes through the operation's validating decoder, which also tests for keys sent
  twice; the record's own keys are tested by writing it back without its body;
- the request (when the record has a URL) is shaped with `PlainShaper` and checked by the
  request contract's decoder; the route check of a REST path is cached per method and path,
  and a request URL seen before passes from a bounded cache.

Any "no" or "not sure" returns None and the record takes the general path, which reports
exactly what it always did: the lane can only ever skip work for a record that the general
path would count as one ok exchange (`tests/test_validate_lane.py` compares the two on
valid and broken records alike).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from ..errors import Docs2SpecError
from .api import compiled_for
from .contracts import ProductContracts
from .discovery import NotFound, action_in, for_operation, from_url, split_url
from .engine import accepts
from .readers import record_decoder, record_keys_once
from .requestcheck import route_findings
from .shaping import PlainShaper
from .validator import Validator

_CACHE_LIMIT = 4096
"""Entries per cache (operations, routes, URLs seen): bounded memory on any traffic."""
_RETRY = object()
"""`RecordLane._check`: try again without guessing where the body is."""


def _put(cache: dict[Any, Any], key: Any, value: Any) -> Any:
    """`cache[key] = value` within `_CACHE_LIMIT` entries (a full cache starts over)."""
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value


@dataclass(slots=True)
class _Operation:
    product: ProductContracts
    operation: str
    body_ok: Callable[[bytes], bool] | None
    statuses: dict[int, bool]
    shaper: PlainShaper | None = None


_SPACE = b" \t\r\n\f\v"
"""What `bytes.rstrip` strips (as byte values: `line[i] in _SPACE`)."""


def _split(line: bytes) -> tuple[int, int] | None:
    """(start, end) of the body's bytes when the record ends with its body (`..."body":{...}}`),
    as capture tools write it; else None. A guess, made safe by its use: the line without
    those bytes must decode as a record (so `"body":` there is the record's own key, with its
    value starting at `start`), and the body's decoder must accept exactly those bytes as one
    JSON value (so that value ends at `end`); if either fails, nothing is accepted."""
    key = line.find(b'"body":')
    if key < 0:
        return None
    start = key + 7
    while line[start:start + 1] in (b" ", b"\t"):
        start += 1
    if line[start:start + 1] not in (b"{", b"["):
        return None
    end = len(line) - 1
    while end > start and line[end] in _SPACE:  # (not `rstrip`: a copy of the whole line)
        end -= 1
    if line[end] != 125:  # "}"
        return None
    while line[end - 1] in b" \t\r":
        end -= 1
    return (start, end) if end > start else None


class RecordLane:
    """`lane(line)`: a `Passed` verdict's fields (product, operation, request checked) for a
    record that passes with nothing to report, else None (take the general path)."""

    __slots__ = ("validator", "product", "operation", "status", "_decode", "_encode",
                 "_unset", "_by_name", "_by_url", "_routes", "_urls", "_split_url", "_rests")

    def __init__(self, validator: Validator, args: argparse.Namespace) -> None:
        self.validator = validator
        self.product = getattr(args, "product", None)
        self.operation = getattr(args, "operation", None)
        self.status = getattr(args, "status", None) or 200
        coder = record_decoder()
        self._decode, self._encode = coder if coder is not None else (None, None)
        import msgspec

        self._unset = msgspec.UNSET
        self._by_name: dict[tuple[str, str | None], _Operation | None] = {}
        self._by_url: dict[tuple[Any, ...], _Operation | None] = {}
        self._routes: dict[tuple[Any, ...], dict[str, Any] | None] = {}
        self._urls: set[tuple[str, str, str, str]] = set()
        self._rests: dict[bytes, tuple[Callable[[bytes], bool], tuple[str, str, bool]]] = {}
        """Records without their body (`rest`) that passed: their body's check and verdict.
        Everything but the body is a function of those bytes (the record's fields, its
        operation, status, repeated keys, request), so a record whose `rest` was seen pass
        needs its body checked only."""
        self._split_url: tuple[str, Any] = ("", None)
        """The URL `_url_target` just took apart, and its parts (the request check reuses
        them)."""

    @classmethod
    def for_run(cls, validator: Validator, args: argparse.Namespace) -> RecordLane | None:
        """The lane of a run, or None when there is none (msgspec missing)."""
        lane = cls(validator, args)
        return lane if lane._decode is not None else None

    def __call__(self, line: bytes) -> tuple[str, str, bool] | None:
        split = _split(line)
        if split is not None:
            verdict = self._check(line, split)
            if verdict is not _RETRY:
                return verdict  # type: ignore[return-value]
        verdict = self._check(line, None)
        return None if verdict is _RETRY else verdict  # type: ignore[return-value]

    def _check(self, line: bytes, split: tuple[int, int] | None) -> Any:
        """The verdict on `line`; `_RETRY` when the guessed `split` may be what failed (up to
        the body's decoder accepting the bytes it names, which proves it right)."""
        retry = _RETRY if split is not None else None
        rest = b""
        try:
            if split is not None:
                # The record without its body: the body's bytes are read once, by its decoder.
                rest = line[:split[0]] + b"null" + line[split[1]:]
                seen = self._rests.get(rest)
                if seen is not None:
                    return seen[1] if seen[0](line[split[0]:split[1]]) else retry
                record = self._decode(rest)
            else:
                record = self._decode(line)
        except Exception:  # noqa: BLE001 - anything odd: the general path says what it is
            return retry
        unset = self._unset
        if (record.headers is not unset or record.response_headers is not unset
                or record.encoding is not unset or record.kind is not unset
                or record.request_body is not unset):
            return retry
        raw = record.body
        if raw is unset:
            return retry
        # A null field reads as an absent one (`record.get`), as on the general path.
        status, url, method = record.status, record.url, record.method
        operation, product = record.operation, record.product
        if url is None:
            url = unset
        if method is unset or method is None:
            method = None
        elif type(method) is not str:
            return retry
        if status is unset or status is None:
            if url is unset and (operation is unset or operation is None):
                return retry  # not a capture record: the general path reads it as a body
            status = self.status
        elif type(status) is not int:
            return retry
        target = self._target(operation, product, url, method)
        if target is None or target.body_ok is None:
            return retry
        verdict = target.statuses.get(status)
        if verdict is None:
            verdict = self._status_ok(target, status)
        if not verdict:
            return retry
        body = line[split[0]:split[1]] if split is not None else bytes(raw)
        if body[:1] not in (b"{", b"[") or not target.body_ok(body):
            return retry
        if split is not None:
            # No key of the record sent twice: written back, it has the quotes of `rest`.
            if b"\\u0022" in rest or self._encode(record).count(b'"') != rest.count(b'"'):
                return None
        elif not record_keys_once(line, record, body, self._encode):
            return None
        if url is not unset and not self._request_ok(target, url, method):
            return None
        passed = (target.product.key, target.operation, url is not unset)
        if split is not None:
            _put(self._rests, rest, (target.body_ok, passed))
        return passed

    def _target(self, operation: Any, product: Any, url: Any, method: str | None
                ) -> _Operation | None:
        unset = self._unset
        if product is unset or product is None:
            product = self.product
        elif type(product) is not str:
            return None
        if operation is not unset and operation is not None:
            if type(operation) is not str:
                return None
            key = (operation, product)
            try:
                return self._by_name[key]
            except KeyError:
                pass
            try:
                found = for_operation(self.validator.contracts, operation, product)
            except (NotFound, Docs2SpecError):
                found = None
            return self._remember(self._by_name, key, found)
        if type(url) is not str:
            return None
        return self._url_target(url, method, product)

    def _url_target(self, url: str, method: str | None, product: str | None
                    ) -> _Operation | None:
        try:
            parts = split_url(url)
            host = parts.hostname
        except Exception:  # noqa: BLE001 - a URL urllib refuses: the general path reports it
            return None
        self._split_url = (url, parts)
        key = (host, parts.path, method, product, action_in(parts.query))
        try:
            return self._by_url[key]
        except KeyError:
            pass
        try:
            found = from_url(self.validator.contracts, url, method, product)
        except (NotFound, Docs2SpecError, ValueError):
            found = None
        return self._remember(self._by_url, key, found)

    def _remember(self, cache: dict[Any, _Operation | None], key: Any, target: Any
                  ) -> _Operation | None:
        found = None
        if target is not None:
            try:
                compiled = compiled_for(target.product, target.operation, "response")
                fast = compiled.fast
            except Exception:  # noqa: BLE001 - no contract: the general path says so
                fast = None
            found = _Operation(target.product, target.operation,
                               fast.accepts if fast is not None else None, {})
        return _put(cache, key, found)

    @staticmethod
    def _status_ok(target: _Operation, status: int) -> bool:
        """Whether a body of `status` is checked against the success body with no status
        finding: a documented 2xx that has a body."""
        documented, has_body = target.product.documented_status(target.operation, status)
        verdict = documented is not None and has_body and 200 <= status < 300
        if len(target.statuses) < 64:
            target.statuses[status] = verdict
        return verdict

    def _request_ok(self, target: _Operation, url: Any, method: str | None) -> bool:
        """Whether `check_request` finds nothing in a request of this URL (no headers or
        body): what it does, for the plain case only."""
        if type(url) is not str:
            return False
        method = (method or "GET").upper()
        product, operation = target.product, target.operation
        seen = (product.key, operation, method, url)
        if seen in self._urls:
            return True
        if self._split_url[0] == url:
            parts = self._split_url[1]
        else:
            try:
                parts = split_url(url)
            except Exception:  # noqa: BLE001 - the general path reports it
                return False
        text = parts.query
        if "%" in text or "+" in text:
            query = parse_qsl(text, keep_blank_values=True)
        else:  # what parse_qsl gives for text with nothing to unquote
            query = [(name, value) for name, _, value in
                     (part.partition("=") for part in text.split("&") if part)]
        path: dict[str, Any] = {}
        if product.style == "rpc":
            actions = [value for name, value in query if name == "Action"]
            if not actions:
                query.append(("Action", operation))
            elif any(a != operation for a in actions):
                return False
        else:
            found = self._route(product, operation, method, parts.path or "/")
            if found is None:
                return False
            path = dict(found)
        if target.shaper is None:
            try:
                schema = product.schema(operation, "request")
            except Exception:  # noqa: BLE001 - no request contract: the general path says so
                return False
            target.shaper = PlainShaper(schema, version=product.version,
                                        common=product.common_parameters)
        instance = target.shaper.instance(query, path)
        if instance is None:
            return False
        try:
            if not accepts(compiled_for(product, operation, "request"), instance):
                return False
        except Exception:  # noqa: BLE001
            return False
        if len(self._urls) >= _CACHE_LIMIT:
            self._urls.clear()
        self._urls.add(seen)
        return True

    def _route(self, product: ProductContracts, operation: str, method: str, path: str
               ) -> dict[str, Any] | None:
        """The path parameters of a REST path that matches its operation's route with the
        documented method (no finding), else None; cached per method and path."""
        key = (product.key, operation, method, path)
        try:
            return self._routes[key]
        except KeyError:
            pass
        params: dict[str, Any] = {}
        found = None if route_findings(product, operation, method, path, params) else params
        return _put(self._routes, key, found)
