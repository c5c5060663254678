"""What a check reports: one `Finding` per problem, at a JSON pointer, under a named rule.

Severity is decided here and nowhere else: a body that breaks what the docs state (wrong type or
shape, a missing required field, a value outside the documented enum, range, length or pattern)
is an `error`; a field the docs never mention, a format hint the docs' own samples break, or a
duplicated JSON key is a `warning`. `strict=True` promotes every warning to an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

ERROR = "error"
WARNING = "warning"

# Rules (the `rule` of a finding) and the JSON Schema keywords each one covers.
RULE_OF_KEYWORD = {
    "type": "type",
    "required": "required",
    "enum": "enum",
    "const": "enum",
    "minimum": "range",
    "maximum": "range",
    "exclusiveMinimum": "range",
    "exclusiveMaximum": "range",
    "multipleOf": "range",
    "minLength": "length",
    "maxLength": "length",
    "minItems": "items",
    "maxItems": "items",
    "uniqueItems": "items",
    "pattern": "pattern",
    "not": "pattern",
    "format": "format",
    "additionalProperties": "undocumented-field",
    "unevaluatedProperties": "undocumented-field",
    "contentMediaType": "content",
}
WARNING_RULES = frozenset({"undocumented-field", "format-hint", "duplicate-key", "version"})


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one body or request.

    `pointer` is a JSON pointer into the checked instance (for requests, the grouped instance:
    `/query/MaxResults`, `/path/project_id`, `/body/...`; a JSON document inside a string
    parameter continues the parameter's pointer: `/query/IkeConfig/IkeVersion`). `source` is
    the `page:line` of the documentation row behind the failing rule, when the docs name one.
    """

    pointer: str
    rule: str
    severity: str
    message: str
    source: str = ""
    keyword: str = ""
    """The JSON Schema keyword that failed (`maximum`, `maxItems`, ...), when there is one."""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_dict(self) -> dict[str, str]:
        return {"pointer": self.pointer, "rule": self.rule, "severity": self.severity,
                "message": self.message, "source": self.source, "keyword": self.keyword}


def severity_of(rule: str) -> str:
    return WARNING if rule in WARNING_RULES else ERROR


def make(pointer: str, rule: str, message: str, source: str = "", keyword: str = "") -> Finding:
    return Finding(pointer, rule, severity_of(rule), message, source, keyword)


def promote(findings: list[Finding], strict: bool) -> list[Finding]:
    """`strict=True`: every warning becomes an error (same rule, same message)."""
    if not strict:
        return findings
    return [replace(f, severity=ERROR) if f.severity != ERROR else f for f in findings]


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Stable, readable order: errors first, then by place in the document."""
    return sorted(findings, key=lambda f: (f.severity != ERROR, f.pointer, f.rule))
