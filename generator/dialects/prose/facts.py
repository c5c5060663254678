"""The result type, and the collector that drops a fact the prose states twice differently."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProseFacts:
    """What a description states about its parameter, in JSON Schema terms.

    Numbers for values (``minimum``, ``maximum``, ``default``) are kept as the page's text
    ("604800", "0.5") because the caller knows the parameter's type and the page's text is what
    a diagnostic should quote; lengths and item counts are always integers, so they are ints.
    Tuples rather than lists keep the value hashable and really immutable.
    """

    minimum: str | None = None
    """Inclusive lower bound of a number ("Valid values: 1 to 20" -> "1")."""
    maximum: str | None = None
    """Inclusive upper bound of a number ("Maximum value: 50" -> "50")."""
    min_length: int | None = None
    """Fewest characters of a string ("must be 2 to 128 characters in length" -> 2)."""
    max_length: int | None = None
    """Most characters of a string ("cannot exceed 128 characters" -> 128)."""
    min_items: int | None = None
    """Fewest items of a list ("Valid values of N: 1 to 20" on a list parameter -> 1)."""
    max_items: int | None = None
    """Most items of a list ("Valid values of N: 1 to 20" -> 20, "最多支持20个" -> 20)."""
    enum: tuple[str, ...] = ()
    """Allowed values in page order, deduplicated; empty when the prose gives no closed list."""
    default: str | None = None
    """The default value as the page writes it ("10", "ikev2", "false")."""
    forbidden_prefixes: tuple[str, ...] = ()
    """Prefixes a string must not start with ("cannot start with http:// or https://")."""
    formats: tuple[str, ...] = ()
    """Formats the prose claims ("date-time", "date", "uuid", "ipv4", "ipv6", "cidr").

    More than one means "one of" ("a UUID ... or an IPv4 address"): the caller decides whether
    and how to assert them (the docs' masked samples often do not match their own claims).
    """
    evidence: tuple[tuple[str, str], ...] = ()
    """(fact name, the sentence it came from) for each fact returned, for diagnostics; for a
    list of values, the introducing sentence followed by the list items. A fact dropped for a
    contradiction has no evidence either."""


# --------------------------------------------------------------------------------------------
# Collecting facts


class FactCollector:
    """FactCollector as they are found; a scalar stated with two different values is dropped."""

    _SCALARS = ("minimum", "maximum", "min_length", "max_length", "min_items", "max_items",
                "default")

    def __init__(self) -> None:
        self.scalars: dict[str, list[tuple[object, str, bool]]] = {}
        self.enum: list[str] = []
        self.enum_seen: set[str] = set()
        self.enum_evidence = ""
        self.extension: list[str] = []
        self.extension_seen: set[str] = set()
        self.prefixes: list[str] = []
        self.prefixes_seen: set[str] = set()
        self.prefix_evidence = ""
        self.formats: list[str] = []
        self.format_evidence = ""

    def add(self, name: str, value: object, evidence: str, weak: bool = False) -> None:
        self.scalars.setdefault(name, []).append((value, evidence, weak))

    def add_enum(self, values: list[str], evidence: str) -> None:
        if not self.enum:
            self.enum_evidence = evidence
        extend_unique(self.enum, self.enum_seen, values)

    def add_enum_extension(self, values: list[str], evidence: str) -> None:
        extend_unique(self.extension, self.extension_seen, values)

    def drop_enum(self) -> None:
        self.enum = []
        self.extension = []

    def add_prefixes(self, values: list[str], evidence: str) -> None:
        if not self.prefixes:
            self.prefix_evidence = evidence
        extend_unique(self.prefixes, self.prefixes_seen, values)

    def add_format(self, name: str, evidence: str) -> None:
        if name and name not in self.formats:
            if not self.formats:
                self.format_evidence = evidence
            self.formats.append(name)

    def build(self) -> ProseFacts:
        values: dict[str, object] = {}
        evidence: list[tuple[str, str]] = []
        for name in self._SCALARS:
            found = self.scalars.get(name)
            if not found:
                continue
            strong = [entry for entry in found if not entry[2]] or found
            if len({entry[0] for entry in strong}) == 1:
                values[name] = strong[0][0]
                evidence.append((name, _evidence(strong[0][1])))
        if self.enum:
            extend_unique(self.enum, self.enum_seen, self.extension)
            evidence.append(("enum", _evidence(self.enum_evidence)))
        if self.prefixes:
            evidence.append(("forbidden_prefixes", _evidence(self.prefix_evidence)))
        if self.formats:
            evidence.append(("formats", _evidence(self.format_evidence)))
        return ProseFacts(
            minimum=_opt_str(values.get("minimum")),
            maximum=_opt_str(values.get("maximum")),
            min_length=_opt_int(values.get("min_length")),
            max_length=_opt_int(values.get("max_length")),
            min_items=_opt_int(values.get("min_items")),
            max_items=_opt_int(values.get("max_items")),
            enum=tuple(self.enum),
            default=_opt_str(values.get("default")),
            forbidden_prefixes=tuple(self.prefixes),
            formats=tuple(self.formats),
            evidence=tuple(evidence),
        )


def extend_unique(values: list[str], seen: set[str], new: list[str]) -> None:
    for value in new:
        if value not in seen:
            seen.add(value)
            values.append(value)


def _evidence(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "..."


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: object) -> int | None:
    return value if isinstance(value, int) else None
