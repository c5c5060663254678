"""docs2spec and the reference implementation agree: on a corpus of documents derived from the
doc samples (type flips, removals, nulls, range, enum, length and format breaks, undocumented
fields), `validate_response` reports an error exactly when jsonschema's Draft202012Validator
(with format checking, as docs2spec asserts documented formats) rejects the document.

Warnings (undocumented fields, format hints) are not errors on either side: the contracts are
open and hints are annotations.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.validation import contracts, has_errors, validate_response
from generator.validation.schemanav import resolve

GENERATED = Path(__file__).resolve().parent.parent / "generated"
MIN_CORPUS = 500


def _walk(value: Any, node: Any, root: dict[str, Any], path: tuple[Any, ...] = ()
          ) -> Iterator[tuple[tuple[Any, ...], Any, dict[str, Any]]]:
    node = resolve(node, root)
    yield path, value, node
    if isinstance(value, dict):
        props = node.get("properties", {})
        for key, sub in value.items():
            yield from _walk(sub, props.get(key, {}), root, (*path, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value[:3]):
            yield from _walk(sub, node.get("items", {}), root, (*path, index))


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    out = copy.deepcopy(doc)
    if not path:
        return value
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def _remove(doc: Any, path: tuple[Any, ...]) -> Any:
    out = copy.deepcopy(doc)
    target = out
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return out


_FLIP = {str: 12345, bool: "true", int: "1", float: "1.5", dict: [], list: {}, type(None): "x"}


def mutations(doc: Any, root: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for path, value, node in _walk(doc, root, root):
        where = "/" + "/".join(map(str, path))
        yield f"flip {where}", _replace(doc, path, _FLIP[type(value)])
        if path:
            yield f"remove {where}", _remove(doc, path)
            yield f"null {where}", _replace(doc, path, None)
        if isinstance(node.get("maximum"), (int, float)):
            yield f"above maximum {where}", _replace(doc, path, node["maximum"] + 1)
        if isinstance(node.get("minimum"), (int, float)):
            yield f"below minimum {where}", _replace(doc, path, node["minimum"] - 1)
        if isinstance(node.get("enum"), list):
            yield f"outside enum {where}", _replace(doc, path, "zz-undocumented-value")
        if isinstance(node.get("maxLength"), int):
            yield f"too long {where}", _replace(doc, path, "x" * (node["maxLength"] + 1))
        if isinstance(node.get("minLength"), int) and node["minLength"] > 0:
            yield f"too short {where}", _replace(doc, path, "")
        if node.get("format") in ("date-time", "uuid", "ipv4", "date"):
            yield f"bad format {where}", _replace(doc, path, "not-a-" + node["format"])
        if isinstance(value, dict):
            extra = dict(value, UndocumentedField={"nested": [1, 2]})
            yield f"extra field {where}", _replace(doc, path, extra)


def _corpus() -> list[Any]:
    cases = []
    for product in contracts(GENERATED).products():
        for operation, status, media, label, value in product.examples():
            if media != "application/json" or not 200 <= status < 300:
                continue
            root = product.schema(operation, "response")
            cases.append((product.key, operation, "sample", value))
            for name, mutated in mutations(value, root):
                cases.append((product.key, operation, f"{label} {name}", mutated))
    return cases


CORPUS = _corpus()


def test_corpus_is_large_and_mixed():
    assert len(CORPUS) >= MIN_CORPUS
    invalid = 0
    for product, operation, _, doc in CORPUS:
        schema = contracts(GENERATED).product(product).schema(operation, "response")
        invalid += not Draft202012Validator(schema).is_valid(doc)
    assert invalid >= 100 and len(CORPUS) - invalid >= 100


@pytest.mark.parametrize("chunk", range(4))
def test_same_verdict_as_jsonschema(chunk):
    references: dict[tuple[str, str], Draft202012Validator] = {}
    disagreements = []
    for product, operation, name, doc in CORPUS[chunk::4]:
        reference = references.get((product, operation))
        if reference is None:
            schema = contracts(GENERATED).product(product).schema(operation, "response")
            reference = references[(product, operation)] = Draft202012Validator(
                schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        theirs = not reference.is_valid(doc)
        findings = validate_response(product, operation, json.dumps(doc).encode(),
                                     generated=GENERATED)
        ours = has_errors(findings)
        if ours != theirs:
            disagreements.append(f"{product} {operation} {name}: docs2spec "
                                 f"{'error' if ours else 'ok'}, jsonschema "
                                 f"{'error' if theirs else 'ok'} "
                                 f"{[(f.rule, f.pointer) for f in findings]}")
    assert not disagreements, "\n".join(disagreements[:20])
