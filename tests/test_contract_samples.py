"""Every documentation sample passes its own contract: `validate_response` finds no error in any
response example of the generated OpenAPI documents (JSON, and XML read by the schema's shape).

A sample the contract rejects means the generator and the docs disagree; the finding's message
and `page:line` say where. Warnings are allowed: the docs' samples mask values (`47.22.XX.XX`)
that the prose's format hints describe as IP addresses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.validation import contracts, validate_response

GENERATED = Path(__file__).resolve().parent.parent / "generated"


def _examples():
    found = []
    for product in contracts(GENERATED).products():
        for operation, status, media, label, value in product.examples():
            found.append(pytest.param(product.key, operation, status, media, value,
                                      id=f"{product.key}:{operation}:{status}:{media}:{label}"))
    return found


EXAMPLES = _examples()


def test_there_are_samples_for_every_product():
    keys = {p.values[0] for p in EXAMPLES}
    assert keys == set(contracts(GENERATED).keys)
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("product", "operation", "status", "media", "value"), EXAMPLES)
def test_doc_sample_has_no_error_findings(product, operation, status, media, value):
    findings = validate_response(product, operation, value, status=status, generated=GENERATED)
    errors = [f for f in findings if f.is_error]
    assert not errors, "\n".join(f"{f.pointer}: {f.rule}: {f.message} ({f.source})"
                                 for f in errors)


@pytest.mark.parametrize(("product", "operation", "status", "media", "value"),
                         [p for p in EXAMPLES if p.values[3] == "application/json"])
def test_doc_sample_as_bytes_gives_the_same_findings(product, operation, status, media, value):
    """The capture path (bytes -> orjson) and the parsed path agree."""
    parsed = validate_response(product, operation, value, status=status, generated=GENERATED)
    raw = validate_response(product, operation, json.dumps(value).encode(), status=status,
                            generated=GENERATED)
    assert raw == parsed
