"""JSON text from pages, read as strict JSON.

Python's `json` accepts `NaN`, `Infinity` and numbers like `1e999` (read as infinity); none of
them is JSON, and a value read from a page ends up in `openapi.json`, which must stay valid JSON
for every other tool. So documents and example cells are read with those refused.
"""

from __future__ import annotations

import json
import math
from typing import Any


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:40]} is too large for a JSON number")
    return value


def loads(text: str, strict: bool = True) -> Any:
    """`json.loads` without `NaN`, `Infinity` or numbers that overflow to infinity; with
    `strict` off, strings may hold line breaks and tabs as printed (a certificate or a long
    description wrapped over several lines of a sample)."""
    return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite, strict=strict)


def decoder() -> json.JSONDecoder:
    """A decoder with the same refusals, for `raw_decode` (a document inside other text)."""
    return json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite)
