"""Formats, checked the way the reference (jsonschema with its FormatChecker) checks them.

jsonschema-rs has its own format checks, and they differ from jsonschema's at the edges:
rfc3339-validator (what jsonschema uses for `date-time`) takes lower-case `t`/`z`, refuses year
0 and, through a regex `$`, accepts a trailing newline; jsonschema-rs does otherwise. Verdicts
must be jsonschema's, so jsonschema-rs is handed `FORMAT_CHECKS` (the same rules, written out
here so that validation does not import jsonschema), and the validating decoder uses
`FORMAT_PATTERNS`, which are at least as strict (a value they refuse goes to the full check).
"""

from __future__ import annotations

import calendar
import re
import uuid
from collections.abc import Callable

_RFC3339 = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])-(\d{2})T(?:[01]\d|2[0123]):(?:[0-5]\d):"
                      r"(?:[0-5]\d)(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0123]):[0-5]\d)$", re.ASCII)


def is_datetime(value: str) -> bool:
    """rfc3339-validator's `validate_rfc3339` on the upper-cased text, as jsonschema calls it."""
    match = _RFC3339.match(value.upper())
    if match is None:
        return False
    year, month, day = map(int, match.groups())
    return bool(year) and 1 <= day <= calendar.monthrange(year, month)[1]


def is_uuid(value: str) -> bool:
    """jsonschema's check: `uuid.UUID` reads it, with hyphens at 8, 13, 18 and 23."""
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return len(value) > 23 and all(value[p] == "-" for p in (8, 13, 18, 23))


FORMAT_CHECKS: dict[str, Callable[[str], bool]] = {"date-time": is_datetime, "uuid": is_uuid}


_DAY = ("(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
        "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))")
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
FORMAT_PATTERNS: dict[str, str] = {
    # RFC 3339 as jsonschema checks it (rfc3339-validator on the upper-cased text): a real day
    # of the month, year 0 refused, no leap seconds; stricter in refusing a trailing newline.
    "date-time": (f"^(?!0000)(?:[0-9]{{4}}-{_DAY}|{_LEAP_YEAR}-02-29)[Tt](?:[01][0-9]|2[0-3]):"
                  "[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
                  "\\Z"),
    # The canonical form; jsonschema also takes a few odd spellings (extra hyphens), which
    # then go to the full check.
    "uuid": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\Z",
}
"""Formats checked inside the decoder, as patterns at least as strict as jsonschema's checks;
any other asserted format sends its node to jsonschema-rs."""
NOT_ASSERTED = frozenset({"int64", "int32", "double", "float", "byte", "binary", "password"})
"""OpenAPI's numeric and storage formats: no JSON Schema validator asserts them."""
