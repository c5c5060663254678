"""What every product's output must be, whatever the pages: the checks the mutation sweep, the
hypothesis tests and the defect regressions share.

    problems = check_outputs(files, input_bytes)   # [(invariant, message), ...]; [] is good

`files` is one product's {relative path: text} as `emit_product` returns it. The invariants:

- `openapi`: openapi.json passes openapi-spec-validator (OpenAPI 3.1);
- `schema`: every JSON Schema (schemas/*.json and the OpenAPI components) passes the 2020-12
  meta-schema, and every `pattern` compiles as an ECMA-262 `u`-mode regular expression (what
  ajv, jsonschema-rs and other languages' validators use; `generator.ecma.check_pattern`);
- `yaml`: openapi.yaml loads equal to openapi.json under YAML 1.2 (ruamel.yaml) and 1.1 (PyYAML);
- `models`: models.py compiles and imports, and every JSON sample of a success response gets
  the same verdict from the model as from the response schema, and round-trips when valid;
- `json`: every .json file is strict JSON (no NaN, no Infinity);
- `size`: the output is at most `SIZE_FACTOR` times the input plus `SIZE_BASE` bytes.
"""

from __future__ import annotations

import io
import json
import sys
import types
import uuid
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.ecma import check_pattern  # noqa: E402

SIZE_FACTOR = 200
"""Output bytes per input byte, at most. The bundled pages give 8-25x (every row is written to
the JSON Schema, OpenAPI JSON and YAML, models and report, with its source and descriptions in
every language); flattened lists spelled out as indexed parameters are what grows most."""
SIZE_BASE = 2_000_000
"""Bytes any product may take whatever its input (the fixed part of models, report, YAML)."""
INVARIANTS = ("openapi", "schema", "yaml", "models", "json", "size")


def _strict(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise ValueError(f"{name} is not JSON")
    return json.loads(text, parse_constant=refuse)


def _walk(node: Any):
    pending = [node]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            yield item
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


def _patterns(document: Any) -> list[str]:
    return [node["pattern"] for node in _walk(document)
            if isinstance(node.get("pattern"), str)]


def check_openapi(document: dict) -> list[tuple[str, str]]:
    from openapi_spec_validator import validate

    try:
        validate(document)
    except Exception as exc:  # noqa: BLE001 - any rejection is the finding
        return [("openapi", f"{type(exc).__name__}: {str(exc)[:300]}")]
    return []


def check_schema(name: str, document: Any) -> list[tuple[str, str]]:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    problems = []
    try:
        Draft202012Validator.check_schema(document)
    except SchemaError as exc:
        problems.append(("schema", f"{name}: {exc.message[:300]}"))
    for pattern in _patterns(document):
        why = check_pattern(pattern)
        if why:
            problems.append(("schema", f"{name}: pattern {pattern!r} is not ECMA-262: {why}"))
    return problems


def check_yaml(yaml_text: str, document: dict) -> list[tuple[str, str]]:
    import yaml
    from ruamel.yaml import YAML

    problems = []
    if YAML(typ="safe", pure=True).load(io.StringIO(yaml_text)) != document:
        problems.append(("yaml", "openapi.yaml differs from openapi.json under YAML 1.2"))
    if yaml.safe_load(yaml_text) != document:
        problems.append(("yaml", "openapi.yaml differs from openapi.json under YAML 1.1"))
    return problems


def _success_samples(document: dict) -> list[tuple[str, Any]]:
    """(operationId, JSON example) of every 2xx response in the OpenAPI document."""
    found = []
    for item in document.get("paths", {}).values():
        for method, operation in item.items():
            if method == "parameters" or not isinstance(operation, dict):
                continue
            for status, response in operation.get("responses", {}).items():
                if not status.startswith("2"):
                    continue
                media = response.get("content", {}).get("application/json", {})
                for example in media.get("examples", {}).values():
                    found.append((operation.get("operationId", ""), example.get("value")))
    return found


def load_models(code: str) -> types.ModuleType:
    """models.py as an imported module (registered in `sys.modules`, as Pydantic needs to
    resolve the annotations); the caller removes it with `sys.modules.pop(module.__name__)`."""
    module = types.ModuleType(f"docs2spec_models_{uuid.uuid4().hex}")
    sys.modules[module.__name__] = module
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exec(compile(code, "models.py", "exec"), module.__dict__)  # noqa: S102 - the check
    return module


def check_models(code: str, document: dict, schemas: dict[str, Any]) -> list[tuple[str, str]]:
    """Import the models; each success sample: same verdict as the response schema, and
    `model_validate(x).model_dump(by_alias=True, exclude_unset=True) == x` when valid."""
    from jsonschema import Draft202012Validator
    from pydantic import ValidationError

    name = None
    try:
        module = load_models(code)
        name = module.__name__
        problems = []
        for op_id, value in _success_samples(document):
            model = module.RESPONSES.get(op_id)
            schema = schemas.get(f"schemas/{op_id}.response.json")
            if model is None or schema is None:
                continue
            by_schema = Draft202012Validator(schema).is_valid(value)
            try:
                dumped = model.model_validate(value).model_dump(by_alias=True,
                                                                exclude_unset=True)
                by_model = True
            except ValidationError:
                by_model = False
            if by_model != by_schema:
                problems.append(("models", f"{op_id}: the schema says {by_schema}, the model "
                                 f"{by_model} for a sample"))
            elif by_model and dumped != value:
                problems.append(("models", f"{op_id}: a sample does not round-trip"))
        return problems
    except Exception as exc:  # noqa: BLE001 - an import failure is the finding
        return [("models", f"models.py does not import: {type(exc).__name__}: {exc}"[:400])]
    finally:
        if name:
            sys.modules.pop(name, None)


def check_outputs(files: dict[str, str], input_bytes: int,
                  models: bool = True) -> list[tuple[str, str]]:
    """Every invariant over one product's files; `models=False` skips the (slow) import."""
    problems: list[tuple[str, str]] = []
    documents: dict[str, Any] = {}
    for name, text in files.items():
        if name.endswith(".json"):
            try:
                documents[name] = _strict(text)
            except ValueError as exc:
                problems.append(("json", f"{name}: {exc}"))
    size = sum(len(text.encode("utf-8")) for text in files.values())
    if size > SIZE_FACTOR * input_bytes + SIZE_BASE:
        problems.append(("size", f"{size} bytes of output for {input_bytes} bytes of input"))
    openapi = documents.get("openapi.json")
    if openapi is not None:
        problems += check_openapi(openapi)
        for name, schema in openapi.get("components", {}).get("schemas", {}).items():
            problems += check_schema(f"openapi.json#/components/schemas/{name}",
                                     {"$schema": "https://json-schema.org/draft/2020-12/schema",
                                      **schema})
        if "openapi.yaml" in files:
            problems += check_yaml(files["openapi.yaml"], openapi)
        if models and "models.py" in files:
            problems += check_models(files["models.py"], openapi, documents)
    for name, document in documents.items():
        if name.startswith("schemas/"):
            problems += check_schema(name, document)
    return problems
