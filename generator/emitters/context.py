"""What every emitter is given: the product, its page results, and the shared translations.

The canonical IR -> JSON Schema translation (`jsonschema.py`) and the OpenAPI document built
from it are computed once per product, on first use, and shared by the outputs that transform
them (JSON, YAML, site, models) instead of each output translating the IR again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..ir.model import Product


@dataclass(slots=True)
class EmitContext:
    product: Product
    results: Sequence[Any] = ()
    """The `PageResult`s of the product's pages (what the report counts per page)."""
    _openapi: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def openapi(self) -> dict[str, Any]:
        """The OpenAPI 3.1 document, built once."""
        if self._openapi is None:
            from .openapi import emit_openapi

            self._openapi = emit_openapi(self.product)
        return self._openapi

    _consistency: Any = field(default=None, repr=False)

    @property
    def consistency(self) -> Any:
        """The truth-free consistency check (`generator/consistency.py`), run once."""
        if self._consistency is None:
            from ..consistency import check_consistency

            self._consistency = check_consistency(self.product, self.results)
        return self._consistency

    def checked_product(self) -> Product:
        """The product with the consistency check's diagnostics added (what the report shows)."""
        return replace(self.product, diagnostics=self.product.diagnostics + tuple(
            self.consistency.diagnostics))
