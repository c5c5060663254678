"""The same operation on both sides: what every operation rule family is given."""

from __future__ import annotations

from dataclasses import dataclass

from ..contract import OperationView
from ..schemas import Docs


@dataclass(frozen=True, slots=True)
class OperationPair:
    """The same operation on both sides; one side is None when it was added or removed."""

    old: OperationView | None
    new: OperationView | None
    docs: Docs
