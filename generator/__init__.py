"""docs2spec: cloud API reference pages -> JSON Schema 2020-12, OpenAPI 3.1, models, validators.

Pipeline (one package per stage): `sources` read a page into a document tree, `dialects` read a
vendor's documentation conventions into the IR (`ir`), `ir` passes reconcile tables with samples
and merge pages, `emitters` write JSON Schema, OpenAPI, Pydantic models and the report.
`pipeline` wires the stages, `regen` (bundled specs) and `build` (any folder) run them and write
the output atomically, `validation` checks captured traffic against what they wrote.
"""

__version__ = "0.1.0"
