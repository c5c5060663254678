"""The rule families: each looks at one pair of operations (or of product documents) and says
what changed. `OPERATION_RULES` and `PRODUCT_RULES` are the declared lists the engine runs, in
order; a new rule family is one function plus one entry there.

Levels follow oasdiff's reading of what breaks clients: a request that accepts less or a
response that promises less is an `error`, what clients may trip over is a `warning`,
everything else is `info`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..model import Finding
from .api import servers, version
from .bodies import request_body, responses
from .errors import error_codes
from .operations import operation_docs, operation_identity, operation_presence
from .pair import OperationPair
from .parameters import parameters

OperationRule = Callable[[OperationPair], Iterable[Finding]]
ProductRule = Callable[[dict[str, Any], dict[str, Any]], Iterable[Finding]]

PRESENCE: OperationRule = operation_presence
"""Runs for every pair; the rules below only when the operation is on both sides."""
OPERATION_RULES: tuple[OperationRule, ...] = (
    operation_identity, parameters, request_body, responses, error_codes, operation_docs)
PRODUCT_RULES: tuple[ProductRule, ...] = (servers, version)

__all__ = ["OPERATION_RULES", "PRESENCE", "PRODUCT_RULES", "OperationPair"]
