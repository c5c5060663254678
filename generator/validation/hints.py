"""Format hints: formats the prose claims (`x-docs2spec-format-hints`) but the docs' own samples
break (masked `47.22.XX.XX`, `228a68f0-demo-...`). They are checked here, never by the JSON
Schema `format` keyword, and a mismatch is only ever a warning.

Each hint is a regular expression so the check runs inside the compiled validator (a `pattern`
in the closed copy of the schema), with the same meaning as the generator's own sample check.
"""

from __future__ import annotations

import functools
import re

_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = rf"{_OCTET}(?:\.{_OCTET}){{3}}"
_H16 = r"[0-9A-Fa-f]{1,4}"
_IPV6 = ("(?:"
         rf"(?:{_H16}:){{7}}{_H16}"
         rf"|(?:{_H16}:){{1,7}}:"
         rf"|(?:{_H16}:){{1,6}}:{_H16}"
         rf"|(?:{_H16}:){{1,5}}(?::{_H16}){{1,2}}"
         rf"|(?:{_H16}:){{1,4}}(?::{_H16}){{1,3}}"
         rf"|(?:{_H16}:){{1,3}}(?::{_H16}){{1,4}}"
         rf"|(?:{_H16}:){{1,2}}(?::{_H16}){{1,5}}"
         rf"|{_H16}:(?::{_H16}){{1,6}}"
         rf"|:(?:(?::{_H16}){{1,7}}|:)"
         rf"|(?:{_H16}:){{6}}{_IPV4}"
         rf"|::(?:ffff(?::0{{1,4}})?:)?{_IPV4}"
         ")")

HINT_PATTERNS: dict[str, str] = {
    "uuid": r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    "ipv4": rf"^{_IPV4}$",
    "ipv6": rf"^{_IPV6}$",
    "cidr": rf"^(?:{_IPV4}/(?:3[0-2]|[12]?[0-9])|{_IPV6}/(?:12[0-8]|1[01][0-9]|[1-9]?[0-9]))$",
    "date-time": (r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}"
                  r"(?::[0-9]{2}(?:\.[0-9]{1,9})?)?(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})$"),
    "date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "email": r"^[^@\s]+@[^@\s]+$",
    "uri": r"^[A-Za-z][A-Za-z0-9+.-]*://",
}

DESCRIPTIONS = {
    "uuid": "a UUID", "ipv4": "an IPv4 address", "ipv6": "an IPv6 address",
    "cidr": "a CIDR block", "date-time": "a date-time", "date": "a date",
    "email": "an email address", "uri": "a URI",
}

@functools.cache
def _compiled(name: str) -> re.Pattern[str]:
    """Compiled on first use (the IPv6 pattern alone takes milliseconds to compile)."""
    return re.compile(HINT_PATTERNS[name])


def known(hints: list[str] | tuple[str, ...]) -> list[str]:
    """The hints this module can check (unknown names are ignored, as unknown formats are)."""
    return [h for h in hints if h in HINT_PATTERNS]


def matches(value: str, hints: list[str] | tuple[str, ...]) -> bool:
    """Whether `value` is any one of the hinted formats ("a UUID or an IPv4 address")."""
    return any(_compiled(h).match(value) for h in known(hints))


def describe(hints: list[str] | tuple[str, ...]) -> str:
    return " or ".join(DESCRIPTIONS.get(h, h) for h in known(hints))
