"""The OpenAPI document as YAML text that every YAML reader loads equal to the JSON.

OpenAPI 3.1 tools read YAML 1.2 (js-yaml, ruamel.yaml, the Go and Java parsers); PyYAML reads
YAML 1.1. A string plain in one version can be a number in the other (`08`, `1e3`, `0o17` are
strings to 1.1 and numbers to 1.2; `yes`, `on`, `2001-12-14` the other way round), so a string
is left unquoted only when neither version reads it as anything but a string. U+0085, U+2028
and U+2029 are line breaks in YAML 1.1 and text in 1.2, so a string holding one, another control
character or a bidi override is written double-quoted with every such character escaped (`\\N`,
`\\L`, `\\P`, `\\u202E`): the reader sees the text, a terminal showing the file is not restyled,
and an editor does not reorder the line.

The document is JSON data (mappings with string keys, lists, strings, numbers, booleans, null),
so it is written here directly, in PyYAML's block layout, instead of through PyYAML's
pure-Python emitter: that took a quarter of a whole build, and libyaml's faster one writes bidi
characters raw and folds long strings its own way. This writer is a few string operations per
value, the same on every machine, with or without libyaml. Strings are never folded: a string
that cannot be plain is one double-quoted line.
"""

from __future__ import annotations

import math
import re

import yaml

from ..location import INVISIBLE

_INVISIBLE = "".join(map(chr, INVISIBLE))
_ESCAPE = re.compile("[\x00-\x1f\x7f-\x9f" + _INVISIBLE + "\ud800-\udfff\ufffe\uffff]")
"""Characters written as escapes: controls (tab and newline too: a quoted string is one line),
bidi and separator characters, and what YAML cannot hold raw (surrogates, U+FFFE, U+FFFF)."""
_QUOTED = re.compile('["\\\\]|' + _ESCAPE.pattern)
_NAMED = {'"': '\\"', "\\": "\\\\", "\x00": "\\0", "\x07": "\\a", "\x08": "\\b", "\t": "\\t",
          "\n": "\\n", "\x0b": "\\v", "\x0c": "\\f", "\r": "\\r", "\x1b": "\\e", "\x85": "\\N",
          "\u2028": "\\L", "\u2029": "\\P"}

_NOT_PLAIN = re.compile(
    "[\x00-\x1f\x7f-\x9f" + _INVISIBLE + "\ud800-\udfff\ufffe\uffff]"  # escapes needed
    r"""|^[\s\-?:,\[\]{}#&*!|>'"%@`]"""  # starts with an indicator or a space
    r"|\s$|: |:$| #"                      # ends in a space or a colon; a key or a comment inside
    r"|^(?:---|\.\.\.)")                  # a document marker
"""A string that must be quoted whatever it resolves to (YAML 1.2.2 section 7.3.3)."""

_YAML12 = (
    # YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution) and its JSON schema
    (r"^(?:~|null|Null|NULL)$", "~nN"),
    (r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
)


def _resolvers() -> dict[str, tuple[re.Pattern[str], ...]]:
    """First character -> the patterns under which YAML 1.1 (PyYAML's resolver: bools, ints,
    floats, nulls, timestamps, merge keys, `=`) or YAML 1.2 reads a plain scalar as no string."""
    found: dict[str, list[re.Pattern[str]]] = {}
    for first, entries in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
        found.setdefault(first or "", []).extend(pattern for _, pattern in entries)
    for pattern, firsts in _YAML12:
        compiled = re.compile(pattern)
        for first in firsts:
            found.setdefault(first, []).append(compiled)
    return {first: tuple(patterns) for first, patterns in found.items()}


_RESOLVERS = _resolvers()
_IMPLICIT_KEY = 1000
"""Longest key written as `key: value`; YAML allows 1024 characters, longer ones use `? key`."""


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


def _string(text: str) -> str:
    if text and not _NOT_PLAIN.search(text) and not any(
            pattern.match(text) for pattern in _RESOLVERS.get(text[0], ())):
        return text
    return '"' + _QUOTED.sub(_escape, text) + '"'


def _scalar(value: object) -> str:
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        # YAML 1.1 floats need a dot (1e-05 would be a string to PyYAML): 1.0e-05
        return text.replace("e", ".0e") if "." not in text and "e" in text else text
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, (list, tuple)):
        return "[]"
    raise TypeError(f"not JSON data: {type(value).__name__}")


def _block(value: dict | list | tuple, indent: int, out: list[str]) -> None:
    """A non-empty mapping or sequence, one line per scalar, starting on a line of its own."""
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            name = _string(key if isinstance(key, str) else _json_key(key))
            nested = isinstance(item, (dict, list, tuple)) and len(item) > 0
            if len(name) > _IMPLICIT_KEY:
                out.append(f"{pad}? {name}\n")
                if nested:
                    out.append(f"{pad}:\n")
                    _block(item, indent + 2, out)
                else:
                    out.append(f"{pad}: {_scalar(item)}\n")
            elif nested:
                out.append(f"{pad}{name}:\n")
                # a sequence under a key is not indented further (PyYAML's layout)
                _block(item, indent + 2 if isinstance(item, dict) else indent, out)
            else:
                out.append(f"{pad}{name}: {_scalar(item)}\n")
        return
    for item in value:
        if isinstance(item, (dict, list, tuple)) and len(item) > 0:
            inner: list[str] = []
            _block(item, indent + 2, inner)
            inner[0] = f"{pad}- {inner[0][indent + 2:]}"
            out.extend(inner)
        else:
            out.append(f"{pad}- {_scalar(item)}\n")


def _json_key(key: object) -> str:
    """A key as JSON writes it (JSON keys are strings: 200 -> "200", True -> "true")."""
    if key is None or isinstance(key, (bool, int, float)):
        import json

        return json.dumps(key)
    raise TypeError(f"not a JSON key: {type(key).__name__}")


def dump_yaml(document: dict) -> str:
    """YAML text that loads equal to `document` under YAML 1.2 and YAML 1.1."""
    if not isinstance(document, (dict, list, tuple)) or not document:
        return _scalar(document) + "\n"
    out: list[str] = []
    _block(document, 0, out)
    return "".join(out)
