"""Regular expressions in the dialect JSON Schema specifies: ECMA-262, with the `u` flag.

A `pattern` in a schema is read by ajv, jsonschema-rs, Go and Java validators, not by Python's
`re`. Python's `re.escape` escapes characters ECMA-262 does not let a `u`-mode pattern escape
(`\\-`, `\\ `, `\\#`, `\\~`: "Invalid escape", the schema does not compile), so literal text is
escaped here: the ECMA-262 syntax characters with a backslash, control, bidi and
line-separator characters as `\\uXXXX`, everything else as itself. The result means the same in
Python's `re`, so docs2spec's own validator reads it alike.

`check_pattern` is the test side: it compiles with the `regress` package (Rust's ECMA-262
engine) when it is installed, and otherwise checks the escapes, the part `re.escape` got wrong.
"""

from __future__ import annotations

import re

from .location import INVISIBLE

SYNTAX = frozenset("^$\\.*+?()[]{}|")
"""ECMA-262 SyntaxCharacter: what a literal must escape; with `/`, the only identity escapes a
`u`-mode pattern allows (a pattern in JSON is no regex literal, so `/` needs none)."""
_CODE_POINT = frozenset(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0), *INVISIBLE))


def escape(text: str) -> str:
    """`text` as a pattern matching exactly that text, valid in ECMA-262 `u` mode and in
    Python's `re`."""
    out = []
    for char in text:
        if char in SYNTAX:
            out.append("\\" + char)
        elif char in _CODE_POINT:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|"
                     r"[pP]\{[^}]*\}|k<[^>]*>|0(?![0-9])|[1-9][0-9]*|[bBdDsSwWfnrtv]|.)", re.S)


def check_pattern(pattern: str) -> str | None:
    """Why `pattern` is not a valid ECMA-262 `u`-mode pattern, or None when it is."""
    try:
        import regress
    except ImportError:  # the escape check alone
        for match in _ESCAPE.finditer(pattern):
            body = match.group(1)
            if len(body) == 1 and body not in SYNTAX and body != "/":  # (`\-` in a class is ok)
                return f"invalid escape \\{body}"
        return None
    try:
        regress.Regex(pattern, "u")
    except regress.RegressError as exc:
        return str(exc)
    return None
