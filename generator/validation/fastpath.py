"""The validating decoder: a contract turned into msgspec types, so that a valid body is checked
while it is parsed, at the speed of parsing.

The closed copy of a contract (`closed`: undocumented fields fail, format hints are patterns)
becomes msgspec Structs: documented objects are Structs with `forbid_unknown_fields`, required
fields have no default, constraints are `Meta` (`ge`, `le`, `min_length`, `max_length`,
`pattern`), enums are `Literal`s. A keyword msgspec cannot state (a `format`, `uniqueItems`,
`oneOf`, ...) becomes a small checked type: msgspec hands the decoded value to `_hook`, which
asks the keyword's own check (formats) or jsonschema-rs on that subschema. Duplicate keys, which
every parser folds silently, are found by counting quotes: the decoded value written back has
as many `"` as the body unless a key was given twice (or the body escapes a quote as
`\\u0022`, when the answer is "maybe" and the full path decides).

The decoder only ever says "valid, nothing to report" or "look closer": anything it rejects or
cannot decide goes to the full path (jsonschema-rs, findings). It is at least as strict as the
contract, never looser, so verdicts stay jsonschema's (`tests/test_verdicts.py`). Without
msgspec installed there is no fast path and everything takes the full path.
"""

from __future__ import annotations

import re
import typing
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal

try:
    import msgspec
except ImportError:  # pragma: no cover - msgspec is a declared dependency
    msgspec = None  # type: ignore[assignment]

from .formats import FORMAT_PATTERNS as FORMATS
from .formats import NOT_ASSERTED as _NOT_ASSERTED
from .hints import HINT_PATTERNS
from .schemanav import resolve

_IGNORED = frozenset({"$schema", "$id", "$comment", "$defs", "definitions", "title",
                      "description", "default", "examples", "deprecated", "readOnly",
                      "writeOnly", "contentMediaType", "contentEncoding", "contentSchema",
                      "type", "properties", "required", "items", "additionalProperties", "enum",
                      "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                      "minLength", "maxLength", "minItems", "maxItems", "pattern", "format",
                      "$ref", "not", "anyOf"})
"""Keywords the translation states itself (or that assert nothing); any other keyword on a node
hands that node to jsonschema-rs."""
_ANNOTATIONS = frozenset({"$ref", "$schema", "$id", "$comment", "title", "description",
                          "default", "examples", "deprecated", "readOnly", "writeOnly"})
_INT_LOW, _INT_HIGH = -(2**63), 2**63 - 1
MAX_NESTING = 64
"""Deeper schemas (or `$ref` cycles) are checked by jsonschema-rs below this level."""



_QUICK_TYPES = {"date-time": Annotated[datetime, msgspec.Meta(tz=True)] if msgspec else None,
                "uuid": uuid.UUID}
_STRING_CONSTRAINTS = ("pattern", "not", "anyOf", "minLength", "maxLength", "enum", "const")


_DEFER = "docs2spec-deferred"
"""`Meta.extra` key of a string whose pattern a deferred build leaves out (its line number)."""


def _whole_line(pattern: str) -> str | None:
    """`pattern` (a format or hint pattern, searched in a string) as a pattern that matches a
    whole line, or None. Only the patterns docs2spec writes itself are taken: anchored at both
    ends (`^...$`, `^...\\Z`) or at the start only (`^...`, then the rest of the line), and
    none of them matches a line break."""
    if not pattern.startswith("^"):
        return None
    if pattern.endswith("\\Z"):
        return pattern[1:-2]
    if pattern.endswith("$"):
        return pattern[1:-1]
    return pattern[1:] + "[^\\n]*"


_LINES = {pattern: _whole_line(pattern) for pattern in (*FORMATS.values(),
                                                        *HINT_PATTERNS.values())}
"""Format and hint patterns as whole-line patterns (see `Deferred`)."""


def _line_pattern(node: dict[str, Any]) -> str | None:
    """The whole-line pattern of a string node whose only pattern is one format's or a list of
    hints' (`anyOf` of known hint patterns), else None (the pattern stays in the decoder)."""
    if "pattern" in node or "not" in node or "enum" in node or "const" in node:
        return None
    has_format = node.get("format") in FORMATS
    choices = node.get("anyOf")
    if choices is None:
        return _LINES.get(FORMATS[node["format"]]) if has_format else None
    if has_format or not isinstance(choices, list) or not choices:
        return None
    lines = []
    for choice in choices:
        if not (isinstance(choice, dict) and set(choice) == {"pattern"}
                and _LINES.get(choice["pattern"]) is not None):
            return None
        lines.append(_LINES[choice["pattern"]])
    return "|".join(f"(?:{line})" for line in lines)


_UUID_LINE = _LINES[FORMATS["uuid"]]
_UUID_LINES = frozenset({_UUID_LINE, f"(?:{_UUID_LINE})"})
"""The uuid format's and the uuid hint's line pattern (the same), alone or as one hint."""
_HEX = bytes(48 if chr(b) in "0123456789abcdefABCDEF" else b if b in b"-\n" else 63
             for b in range(256))
"""A translation: hexadecimal digits to `0`, hyphens and line breaks kept, all else `?`."""
_UUID_TEMPLATE = b"00000000-0000-0000-0000-000000000000\n"


def _uuid_lines(text: str) -> bool | None:
    """`fullmatch` of `(?:UUID\\n)*` (`_UUID_LINE`, one UUID a line), as byte translation and
    comparison: no regular expression steps through the characters. None: no match."""
    try:
        data = text.encode("ascii")
    except UnicodeEncodeError:
        return None
    count, left = divmod(len(data), len(_UUID_TEMPLATE))
    return True if not left and data.translate(_HEX) == _UUID_TEMPLATE * count else None


class Deferred:
    """The contract decoded with its format and hint patterns left out (`decode`), the strings
    they apply to collected from the decoded value (`collect`: one list per line pattern), and
    one `fullmatch` per line pattern over those strings joined one a line (`groups`).

    msgspec calls `re.search` once per string (0.5-1 us each, most of it the call itself): a
    page of 20 Huawei VPN connections has 140 UUID and date-time strings. Here each pattern is
    matched once over all of its strings. The verdicts are the same: in a body with no
    backslash no string holds a line break, none of these patterns matches one, and each is
    anchored at the start of a line and at its end (or takes the rest of the line), so the
    joined text matches exactly when every string does."""

    __slots__ = ("decode", "collect", "groups")

    def __init__(self, decode: Callable[[bytes], Any],
                 collect: Callable[[Any], tuple[list[str], ...]],
                 groups: tuple[Callable[[str], Any], ...]) -> None:
        self.decode, self.collect, self.groups = decode, collect, groups


_INLINE_DEPTH = 16
"""Structs nested deeper than this in a collector are walked by a call (see `_collector`)."""


def _collector(root: Any, plans: dict[type, list[tuple[str, Any, bool]]], count: int
               ) -> Callable[[Any], tuple[list[str], ...]]:
    """A function that walks a decoded value along `root` (a `_Builder._plan`) and returns the
    deferred strings, one list per line pattern. Written out as Python source: a loop and an
    attribute read per value, with each list's `append` bound once per body and the Structs'
    walks written inline (a page of 20 items costs no call per item). A Struct inside itself
    (a `$ref` cycle), or nested deeper than `_INLINE_DEPTH`, is walked by a function of its own
    (one per Struct, taking the lists)."""
    names = {struct: f"s{index}" for index, struct in enumerate(plans)}
    source: list[str] = []

    def emit(plan: Any, expr: str, depth: int) -> None:
        """A walk by calls (the functions `s0`, `s1`, ...)."""
        pad = " " * depth
        if plan[0] == "str":
            source.append(f"{pad}L[{plan[1]}].append({expr})")
        elif plan[0] == "struct":
            source.append(f"{pad}{names[plan[1]]}({expr}, L)")
        elif plan[1][0] == "str":
            source.append(f"{pad}L[{plan[1][1]}].extend({expr})")
        else:
            source.append(f"{pad}for x{depth} in {expr}:")
            emit(plan[1], f"x{depth}", depth + 1)

    def inline(plan: Any, expr: str, depth: int, within: tuple[type, ...]) -> None:
        """The walk written out in `collect` (into `walk`; `a0`, `e0`: list 0's `append` and
        `extend`, bound once, listed in `bound`)."""
        pad = " " * depth
        if plan[0] == "str":
            bound.add(("a", "append", plan[1]))
            walk.append(f"{pad}a{plan[1]}({expr})")
        elif plan[0] == "struct":
            struct = plan[1]
            if struct in within or len(within) >= _INLINE_DEPTH:
                walk.append(f"{pad}{names[struct]}({expr}, L)")
                return
            for attribute, step, optional in plans[struct]:
                if optional:
                    walk.append(f"{pad}v{depth} = {expr}.{attribute}")
                    walk.append(f"{pad}if v{depth} is not UNSET:")
                    inline(step, f"v{depth}", depth + 1, (*within, struct))
                else:
                    inline(step, f"{expr}.{attribute}", depth, (*within, struct))
        elif plan[1][0] == "str":
            bound.add(("e", "extend", plan[1][1]))
            walk.append(f"{pad}e{plan[1][1]}({expr})")
        else:
            walk.append(f"{pad}for x{depth} in {expr}:")
            inline(plan[1], f"x{depth}", depth + 1, within)

    for struct, steps in plans.items():
        source.append(f"def {names[struct]}(o, L):")
        for attribute, plan, optional in steps:
            if optional:
                source.append(f" v = o.{attribute}")
                source.append(" if v is not UNSET:")
                emit(plan, "v", 2)
            else:
                emit(plan, f"o.{attribute}", 1)
    lists = ", ".join(f"l{number}" for number in range(count))
    source.append("def collect(r):")
    source.append(f" L = ({lists},) = ({'[], ' * count})")
    walk: list[str] = []
    bound: set[tuple[str, str, int]] = set()
    inline(root, "r", 1, ())
    source.extend(f" {prefix}{number} = l{number}.{method}"
                  for prefix, method, number in sorted(bound))
    source.extend(walk)
    source.append(" return L")
    namespace: dict[str, Any] = {"UNSET": msgspec.UNSET}
    exec(compile("\n".join(source), "<deferred patterns>", "exec"), namespace)  # noqa: S102
    return namespace["collect"]


class _Checked:
    """A value a hook checked (msgspec wants an instance of the declared type back)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class Unsupported(Exception):
    """A schema node the translation does not state (internal: becomes a checked type)."""


class FastDecoder:
    """`accepts(body)`: True only when `body` is valid JSON that passes the closed contract and
    repeats no key. `accepts_value(value)`: the same for a value already parsed.

    `quick`: the same contract with plain `date-time` and `uuid` strings read as msgspec's own
    `datetime` (timezone required) and `UUID` types, which parse in C what the patterns check
    in Python's `re` (a third of a 16 KB decode). msgspec's parsers take spellings jsonschema
    refuses (`2024-01-01 10:00:00Z`, `+0800`, a UUID without hyphens), so a `quick` decode
    counts only when the value written back is the body byte for byte: then every date-time
    and UUID in it was spelled as msgspec writes them (`2024-01-01T10:00:00Z`, lower-case
    hyphenated UUIDs), which jsonschema accepts. Anything else takes the pattern decoder."""

    __slots__ = ("accepts", "decode", "deferred", "_kind", "_hook", "_quick", "_encode")

    def __init__(self, kind: Any, hook: Callable[[type, Any], Any],
                 quick: tuple[Any, Callable[[type, Any], Any]] | None = None,
                 grows: bool = True, deferred: Deferred | None = None) -> None:
        self.decode = msgspec.json.Decoder(kind, dec_hook=hook).decode
        """The validating decode alone (no duplicate-key test; benchmarks compare it)."""
        encoder = msgspec.json.Encoder(enc_hook=_value_of)
        spare: list[bytearray] = []
        """Write-back buffers not in use, shared by both acceptors (see `_acceptor`)."""
        self.accepts = _acceptor(self.decode, encoder.encode_into, spare, grows, deferred)
        self.deferred = deferred
        """The decoder with format and hint patterns matched after the decode, or None."""
        self._kind = kind
        self._hook = hook
        self._quick = msgspec.json.Decoder(quick[0], dec_hook=quick[1]).decode if quick else None
        self._encode = encoder.encode
        if self._quick is not None:
            self.accepts = _quick_acceptor(self._quick, encoder.encode_into, spare,
                                           self.accepts)

    def quick_vouches(self, body: bytes) -> bool:
        """Whether the quick decoder alone accepts `body` (tests: it must never accept what
        the closed contract rejects)."""
        if self._quick is None:
            return False
        try:
            return self._encode(self._quick(body)) == body
        except (msgspec.ValidationError, msgspec.DecodeError, RecursionError):
            return False

    def accepts_value(self, value: Any) -> bool:
        try:
            msgspec.convert(value, self._kind, dec_hook=self._hook)
        except (msgspec.ValidationError, RecursionError):
            return False
        return True


SPARE_LIMIT = 1 << 20
"""Write-back buffers up to this size are kept for the next body (see `_acceptor`)."""


def _acceptor(decode: Callable[[bytes], Any], encode_into: Callable[[Any, bytearray], None],
              spare: list[bytearray], grows: bool, deferred: Deferred | None = None
              ) -> Callable[[bytes], bool]:
    """The hot loop as a closure over the compiled decoder and encoder (no attribute lookups:
    on a 1 KB body they cost as much as the checks).

    The decoded value is written back (`encode_into`) into a buffer taken from `spare` and
    given back afterwards: writing into a grown buffer costs a fifth to a third less than
    `encode` making new bytes of the body's size every time. Taking and giving back are single
    list operations, so threads sharing the decoder never write into the same buffer; a buffer
    that grew past `SPARE_LIMIT` is dropped (a big body does not keep its size in memory).

    `deferred`: a body with no backslash (so no string in it holds a line break) is decoded
    with the format and hint patterns left out, and each pattern then checks all the strings
    it applies to in one match over them, one a line (see `Deferred`).

    `grows`: whether a value the decoder keeps can be written back longer than it was sent (a
    float, anything decoded as `Any`, a checked node). Without such values, and in a body with
    no backslash (so every string is written back as it was sent), the value written back is
    the body's members in the contract's order, minus whitespace, minus every member a repeated
    key replaced (and `-0` written `0`): nothing can lengthen it, so the same length as the body
    means no key was lost, with no need to count quotes (two passes over the body)."""
    errors = (msgspec.ValidationError, msgspec.DecodeError, RecursionError)
    limit = SPARE_LIMIT
    if deferred is not None:
        loose, collect, groups = deferred.decode, deferred.collect, deferred.groups

    def accepts(body: bytes) -> bool:
        try:
            if deferred is not None and b"\\" not in body:
                value = loose(body)
                for values, matches in zip(collect(value), groups, strict=True):
                    if values and matches("\n".join(values) + "\n") is None:
                        return False
            else:
                value = decode(body)
            try:
                again = spare.pop()
            except IndexError:
                again = bytearray()
            encode_into(value, again)
        except errors:
            return False
        if again == body:  # written back byte for byte: no key was lost
            verdict = True
        elif not grows and len(again) == len(body) and b"\\" not in body:
            verdict = True  # only reordered (see above)
        else:
            verdict = again.count(b'"') == body.count(b'"') and b"\\u0022" not in body
        if len(again) <= limit:
            spare.append(again)
        return verdict

    return accepts


_QUICK_MISSES = 16
"""Consecutive bodies the quick decoder could not vouch for before it is set aside (traffic
whose bodies are never written as msgspec writes them: other key order, spacing, spellings)."""
_QUICK_RETRY = 1024
"""Bodies after which a set-aside quick decoder is tried again."""


def _quick_acceptor(quick: Callable[[bytes], Any],
                    encode_into: Callable[[Any, bytearray], None], spare: list[bytearray],
                    full: Callable[[bytes], bool]) -> Callable[[bytes], bool]:
    """`full`, with the quick decoder tried first while it keeps vouching for bodies (a body it
    cannot vouch for costs one quick decode more; after `_QUICK_MISSES` in a row it is tried
    once every `_QUICK_RETRY` bodies). Which decoder answers never changes the answer. The
    value is written back into a buffer from `spare`, as in `_acceptor`."""
    errors = (msgspec.ValidationError, msgspec.DecodeError, RecursionError)
    limit, retry, largest = _QUICK_MISSES, _QUICK_RETRY, SPARE_LIMIT
    take, give = spare.pop, spare.append
    misses = skipped = 0

    def accepts(body: bytes) -> bool:
        nonlocal misses, skipped
        if misses >= limit:
            if skipped < retry:
                skipped += 1
                return full(body)
            skipped = 0
        # The common case (a body written as msgspec writes it) in as few steps as it can:
        # on a 1 KB body each step around the decode and the write-back costs 2-3% of it.
        try:
            again = take()
        except IndexError:  # (not `if spare`: another thread may take the last one between)
            again = bytearray()
        try:
            encode_into(quick(body), again)  # (the value is freed before the full decode)
        except errors:
            same = False
        else:
            same = again == body
        if len(again) <= largest:
            give(again)
        if same:
            if misses:
                misses = 0
            return True
        misses += 1
        return full(body)

    return accepts


def compile_fast(schema: dict[str, Any], check_subschema: Callable[[dict[str, Any]],
                                                                  Callable[[Any], bool]]
                 ) -> FastDecoder | None:
    """A decoder for the closed contract `schema`, or None without msgspec. `check_subschema`
    compiles a standalone subschema (with the root's `$defs`) into an `is_valid`."""
    if msgspec is None:
        return None
    builder = _Builder(schema, check_subschema)
    try:
        kind = builder.build(schema, 0)
        quick = None
        if builder.plain_formats:
            fast = _Builder(schema, check_subschema, quick=True)
            quick = (fast.build(schema, 0), fast.hook)
        deferred = None
        if builder.deferrable:
            loose = _Builder(schema, check_subschema, defer=True)
            deferred = loose.deferred(loose.build(schema, 0))
        return FastDecoder(kind, builder.hook, quick, grows=builder.grows, deferred=deferred)
    except (ValueError, TypeError):  # a type msgspec refuses: everything takes the full path
        return None


def _value_of(obj: Any) -> Any:
    if isinstance(obj, _Checked):
        return obj.value
    raise TypeError(f"cannot encode {type(obj).__name__}")


class _Builder:
    def __init__(self, root: dict[str, Any],
                 check_subschema: Callable[[dict[str, Any]], Callable[[Any], bool]],
                 quick: bool = False, defer: bool = False) -> None:
        self.root = root
        self.check_subschema = check_subschema
        self.checks: dict[type, Callable[[Any], bool]] = {}
        self.structs = 0
        self.defer = defer
        """Format and hint patterns left out, their strings collected (see `Deferred`)."""
        self.deferrable = 0
        """Strings whose pattern a deferred build leaves out."""
        self.lines: dict[str, int] = {}
        """A deferred build's line patterns, numbered."""
        self.plans: dict[type, list[tuple[str, Any, bool]]] = {}
        """A deferred build's Structs holding deferred strings: (attribute, plan, optional)."""
        self.quick = quick
        """Plain date-time and uuid strings as msgspec's types (see `FastDecoder`)."""
        self.plain_formats = 0
        """Strings a quick build reads as msgspec's types."""
        self.grows = False
        """Whether some value can be written back longer than it was sent (`_acceptor`):
        a float, an `Any`, a checked node, a quick date-time or UUID."""

    def hook(self, kind: type, value: Any) -> Any:
        check = self.checks.get(kind)
        if check is None:
            raise NotImplementedError
        if check(value):
            return kind(value)
        raise ValueError("fails the contract")

    def checked(self, check: Callable[[Any], bool]) -> type:
        self.grows = True
        kind = type("Checked", (_Checked,), {"__slots__": ()})
        self.checks[kind] = check
        return kind

    def build(self, node: Any, depth: int) -> Any:
        target = node
        if isinstance(node, dict) and "$ref" in node:
            if any(k not in _ANNOTATIONS and not k.startswith("x-") for k in node):
                return self._delegate(node)  # keywords beside a $ref apply too (2020-12)
            target = resolve(node, self.root)
        if target is True or target == {}:
            self.grows = True
            return Any
        if not isinstance(target, dict) or depth > MAX_NESTING:
            return self._delegate(node)
        try:
            return self._translate(target, depth)
        except Unsupported:
            return self._delegate(target)

    def _delegate(self, node: Any) -> type:
        """The whole node checked by jsonschema-rs (with the root's `$defs`)."""
        doc = dict(node) if isinstance(node, dict) else {"not": {}} if node is False else {}
        for key in ("$defs", "definitions"):
            if key in self.root and key not in doc:
                doc[key] = self.root[key]
        return self.checked(self.check_subschema(doc))

    def _translate(self, node: dict[str, Any], depth: int) -> Any:
        extra = [k for k in node if k not in _IGNORED and not k.startswith("x-")]
        if extra or "$ref" in node:
            raise Unsupported(extra or "$ref")
        kinds = node.get("type")
        if not isinstance(kinds, str):
            raise Unsupported("type")  # absent or a list: rare in contracts, left to jsonschema-rs
        fmt = node.get("format")
        if kinds == "string" and isinstance(fmt, str) and fmt not in _NOT_ASSERTED:
            if fmt not in FORMATS or "enum" in node or "const" in node:
                raise Unsupported(f"format {fmt}")
        return self._base(node, kinds, depth)

    def _base(self, node: dict[str, Any], kind: str, depth: int) -> Any:
        if "enum" in node or "const" in node:
            values = node["enum"] if "enum" in node else [node["const"]]
            if not isinstance(values, list) or not values:
                raise Unsupported("enum")
            wanted = {"string": str, "integer": int}.get(kind)
            if wanted is None or any(type(v) is not wanted for v in values):
                raise Unsupported("enum of other types")
            if "not" in node or "anyOf" in node:
                raise Unsupported("enum with patterns")
            return Literal[tuple(values)]  # type: ignore[valid-type]
        if kind == "string":
            return self._string(node)
        if "not" in node or "anyOf" in node:
            raise Unsupported("not/anyOf on a non-string")
        if kind in ("integer", "number"):
            meta = {}
            for key, name in (("minimum", "ge"), ("maximum", "le"), ("exclusiveMinimum", "gt"),
                              ("exclusiveMaximum", "lt")):
                bound = node.get(key)
                if bound is None:
                    continue
                if isinstance(bound, bool) or not isinstance(bound, (int, float)):
                    raise Unsupported(key)
                if kind == "integer" and isinstance(bound, float) and not bound.is_integer():
                    raise Unsupported(key)
                meta[name] = int(bound) if kind == "integer" else bound
            if kind == "integer":
                # msgspec bounds must fit 64 bits; orjson (the full path's parser) reads up to
                # 2**64 - 1 as an integer: anything beyond int64 goes to the full path, so a
                # huge number is reported the same way whichever path sees it first.
                meta["ge"] = max(meta.get("ge", _INT_LOW), _INT_LOW)
                meta["le"] = min(meta.get("le", _INT_HIGH), _INT_HIGH)
            python = int if kind == "integer" else float
            if python is float:
                self.grows = True
            return Annotated[python, msgspec.Meta(**meta)] if meta else python
        if kind == "boolean":
            return bool
        if kind == "null":
            return None
        if kind == "array":
            item = self.build(node.get("items", {}), depth + 1)
            meta = self._lengths(node, "minItems", "maxItems")
            return Annotated[list[item], msgspec.Meta(**meta)] if meta else list[item]
        if kind == "object":
            return self._object(node, depth)
        raise Unsupported(kind)

    @staticmethod
    def _lengths(node: dict[str, Any], low: str, high: str) -> dict[str, int]:
        meta = {}
        for key, name in ((low, "min_length"), (high, "max_length")):
            if key in node:
                if not isinstance(node[key], int) or isinstance(node[key], bool):
                    raise Unsupported(key)
                meta[name] = node[key]
        return meta

    def _string(self, node: dict[str, Any]) -> Any:
        fmt = node.get("format")
        if fmt in _QUICK_TYPES and not any(k in node for k in _STRING_CONSTRAINTS):
            self.plain_formats += 1
            if self.quick:
                self.grows = True
                return _QUICK_TYPES[fmt]
        meta: dict[str, Any] = self._lengths(node, "minLength", "maxLength")
        line = _line_pattern(node)
        if line is not None:
            self.deferrable += 1
            if self.defer:
                number = self.lines.setdefault(line, len(self.lines))
                return Annotated[str, msgspec.Meta(**meta, extra={_DEFER: number})]
        patterns = []
        if isinstance(node.get("pattern"), str):
            patterns.append(f"(?=[\\s\\S]*?(?:{node['pattern']}))")
        if node.get("format") in FORMATS:
            patterns.append(f"(?=[\\s\\S]*?(?:{FORMATS[node['format']]}))")
        forbidden = node.get("not")
        if forbidden is not None:
            if not (isinstance(forbidden, dict) and set(forbidden) == {"pattern"}
                    and isinstance(forbidden["pattern"], str)):
                raise Unsupported("not")
            patterns.append(f"(?![\\s\\S]*?(?:{forbidden['pattern']}))")
        choices = node.get("anyOf")
        if choices is not None:
            if not (isinstance(choices, list) and choices and all(
                    isinstance(c, dict) and set(c) == {"pattern"} for c in choices)):
                raise Unsupported("anyOf")
            alternatives = "|".join(f"(?:{c['pattern']})" for c in choices)
            patterns.append(f"(?=[\\s\\S]*?(?:{alternatives}))")
        if len(patterns) == 1 and patterns[0].startswith("(?=[\\s\\S]*?(?:"):
            patterns = [patterns[0][len("(?=[\\s\\S]*?(?:"):-2]]  # search semantics alone
            prefix = ""
        else:
            prefix = "\\A"
        if patterns:
            pattern = prefix + "".join(patterns)
            try:
                re.compile(pattern)
            except re.error:
                raise Unsupported("pattern") from None
            meta["pattern"] = pattern
        return Annotated[str, msgspec.Meta(**meta)] if meta else str

    def _object(self, node: dict[str, Any], depth: int) -> Any:
        properties = node.get("properties")
        extra = node.get("additionalProperties", True)
        if not isinstance(properties, dict) or not properties:
            if extra is True and not node.get("required"):
                self.grows = True
                return dict[str, Any]
            raise Unsupported("object without properties")
        if extra not in (True, False):
            raise Unsupported("additionalProperties schema")
        required = node.get("required", [])
        if not isinstance(required, list) or any(r not in properties for r in required):
            raise Unsupported("required")
        fields: list[tuple[Any, ...]] = []
        rename: dict[str, str] = {}
        for index, (name, sub) in enumerate(properties.items()):
            attribute = f"f{index}"
            rename[attribute] = name
            kind = self.build(sub, depth + 1)
            if name in required:
                fields.append((attribute, kind))
            else:
                fields.append((attribute, kind, msgspec.UNSET))
        self.structs += 1
        plan = [(attribute, self._plan(field[0]), len(field) > 1) for attribute, *field in
                fields] if self.defer else []
        # kw_only: the documented order is kept (required fields need not come first), so a
        # body written in that order is written back byte for byte.
        # gc=False: a decoded body holds no reference cycles, and untracked Structs spare the
        # collector (on an 8,000-item body it ran for as long as the decode itself).
        struct = msgspec.defstruct(f"Object{self.structs}", fields, rename=rename,
                                   kw_only=True, forbid_unknown_fields=extra is False,
                                   omit_defaults=True, gc=False)
        steps = [step for step in plan if step[1] is not None]
        if steps:
            self.plans[struct] = steps
        return struct

    def _plan(self, kind: Any) -> Any:
        """Where a deferred build's type holds deferred strings: ("str", line number),
        ("struct", Struct), ("list", plan), or None."""
        origin = typing.get_origin(kind)
        if origin is Annotated:
            inner, *metas = typing.get_args(kind)
            for meta in metas:
                if isinstance(meta, msgspec.Meta) and meta.extra and _DEFER in meta.extra:
                    return ("str", meta.extra[_DEFER])
            return self._plan(inner)
        if origin is list:
            sub = self._plan(typing.get_args(kind)[0])
            return ("list", sub) if sub is not None else None
        return ("struct", kind) if kind in self.plans else None

    def deferred(self, kind: Any) -> Deferred | None:
        """The deferred decoder of `kind` (a deferred build's root type)."""
        root = self._plan(kind)
        if root is None or not self.lines:
            return None
        return Deferred(msgspec.json.Decoder(kind, dec_hook=self.hook).decode,
                        _collector(root, self.plans, len(self.lines)),
                        tuple(_uuid_lines if line in _UUID_LINES
                              else re.compile(f"(?:(?:{line})\\n)*").fullmatch
                              for line in self.lines))
