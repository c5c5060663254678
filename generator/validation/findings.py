"""What a check reports: one `Finding` per problem, at a JSON pointer, under a named rule.

Severity is decided here and nowhere else: a body that breaks what the docs state (wrong type or
shape, a missing required field, a value outside the documented enum, range, length or pattern,
no body where the docs document one) is an `error`; a field the docs never mention, a
duplicated JSON key or an HTTP status the docs do not list is a `warning`; a format the prose
claims but the docs' own samples break (`format-hint`) is `info`. `strict=True` promotes every
warning to an error, never info: `--strict` must pass on the docs' own samples.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)

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
WARNING_RULES = frozenset({"undocumented-field", "duplicate-key", "version",
                           "status-undocumented"})
INFO_RULES = frozenset({"format-hint"})
RULES = frozenset({*RULE_OF_KEYWORD.values(), *WARNING_RULES, *INFO_RULES, "schema", "path",
                   "method", "empty-body", "content"})
"""Every rule a finding can carry (`--select` and `--ignore` accept these)."""


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
    if rule in INFO_RULES:
        return INFO
    return WARNING if rule in WARNING_RULES else ERROR


def make(pointer: str, rule: str, message: str, source: str = "", keyword: str = "") -> Finding:
    return Finding(pointer, rule, severity_of(rule), message, source, keyword)


def promote(findings: list[Finding], strict: bool) -> list[Finding]:
    """`strict=True`: every warning becomes an error (same rule, same message); info stays."""
    if not strict:
        return findings
    return [replace(f, severity=ERROR) if f.severity == WARNING else f for f in findings]


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Stable, readable order: errors first, then by place in the document."""
    rank = {ERROR: 0, WARNING: 1}
    return sorted(findings, key=lambda f: (rank.get(f.severity, 2), f.pointer, f.rule))
