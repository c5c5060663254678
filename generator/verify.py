"""The docs' own samples against the contracts produced from them.

Reconciling tables with samples should leave every sample valid; where it does not (a sample
that contradicts its table in a way no rule resolves), the user must hear about it, with the
sample's page and line and the first few reasons, instead of finding out from a validator later.
"""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator

from .emitters.jsonschema import response_schema
from .ir.model import Diagnostic, Product

MAX_REASONS = 3


def _reasons(validator: Draft202012Validator, value: Any) -> list[str]:
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    return [f"{e.json_path}: {e.message[:160]}" for e in errors[:MAX_REASONS]]


def check_samples(product: Product) -> list[Diagnostic]:
    """A warning for every success sample its operation's response schema rejects."""
    found: list[Diagnostic] = []
    for operation in product.operations:
        success = operation.success()
        if success is None:
            continue
        validator = Draft202012Validator(response_schema(operation, product))
        for sample in operation.samples:
            if sample.kind != "response" or sample.status != success.status or \
                    not isinstance(sample.value, (dict, list)):
                continue
            try:
                reasons = _reasons(validator, sample.value)
            except RecursionError:
                reasons = ["the sample nests too deeply to check"]
            if reasons:
                found.append(Diagnostic(
                    "warning", "sample-rejected", "the response schema rejects this sample: "
                    + "; ".join(reasons), sample.loc, (operation.loc,) if operation.loc else (),
                    operation.id))
    return found
