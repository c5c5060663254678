"""STAGE 4: the outputs, as a registry: one module per output, one line per output here.

Every emitter is a function `emit(context) -> {relative path: text}`; the context holds the
product and its page results, and computes once what several outputs share (the OpenAPI
document that YAML, the site and models transform; the sample check the report shows).
`SLOW` emitters run in worker processes on large products while the others run here. The order
of `EMITTERS` is the order files are produced; output is the same in any order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import files as _files
from .context import EmitContext


@dataclass(frozen=True, slots=True)
class Emitter:
    name: str
    emit: Callable[[EmitContext], dict[str, str]]
    slow: bool = False
    """Worth a worker process of its own on a large product (models, YAML)."""


EMITTERS: tuple[Emitter, ...] = (
    Emitter("openapi", _files.openapi_json),
    Emitter("schemas", _files.operation_schemas),
    Emitter("report", _files.report_json),
    Emitter("yaml", _files.openapi_yaml, slow=True),
    Emitter("models", _files.models_py, slow=True),
    Emitter("package", _files.package_files),
)
NAMES = tuple(e.name for e in EMITTERS)

__all__ = ["EMITTERS", "NAMES", "EmitContext", "Emitter"]
