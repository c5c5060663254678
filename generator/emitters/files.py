"""The files of one product's output folder, one function per output (see `EMITTERS`)."""

from __future__ import annotations

from .context import EmitContext
from .jsonschema import error_schema, request_schema, response_schema
from .models import emit_models, package_init
from .openapi import dump_json
from .report import emit_report
from .yamltext import dump_yaml


def openapi_json(context: EmitContext) -> dict[str, str]:
    return {"openapi.json": dump_json(context.openapi)}


def openapi_yaml(context: EmitContext) -> dict[str, str]:
    return {"openapi.yaml": dump_yaml(context.openapi)}


def operation_schemas(context: EmitContext) -> dict[str, str]:
    product, files = context.product, {}
    for operation in product.operations:
        files[f"schemas/{operation.id}.request.json"] = dump_json(
            request_schema(operation, product))
        files[f"schemas/{operation.id}.response.json"] = dump_json(
            response_schema(operation, product))
        files[f"schemas/{operation.id}.error.json"] = dump_json(
            error_schema(operation, product))
    return files


def report_json(context: EmitContext) -> dict[str, str]:
    return {"report.json": dump_json(emit_report(context.checked_product(), context.results,
                                                 context.consistency))}


def models_py(context: EmitContext) -> dict[str, str]:
    return {"models.py": emit_models(context.product)}


def package_files(context: EmitContext) -> dict[str, str]:
    """`__init__.py` makes the product folder an importable package (`generated.<p>.<q>`)."""
    return {"__init__.py": package_init(context.product.provider, context.product.name)}
