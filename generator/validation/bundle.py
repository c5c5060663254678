"""The contracts as plain data: what a validator needs, and nothing a process cannot ship.

A `ContractBundle` holds, per product, the OpenAPI document and every JSON Schema document
(`<Op>.request`, `<Op>.response`, `<Op>.error`) as dicts, read once from a generated folder
(`from_folder`) or given directly (`from_dicts`). It has no file handles, no compiled
validators and no regexes, so it pickles (to a `multiprocessing` worker, a Dask or Spark
executor) and compares by value. Everything compiled from it lives in a `Validator`, which
rebuilds it lazily wherever it lands.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError

KINDS = ("request", "response", "error")


def default_root() -> Path:
    """`generated/` beside the `generator` package (the repository root in an editable
    install), else an importable `generated` package, else `./generated`."""
    beside = Path(__file__).resolve().parent.parent.parent / "generated"
    if beside.is_dir():
        return beside
    try:
        spec = importlib.util.find_spec("generated")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    return Path("generated")


@dataclass(frozen=True, slots=True)
class ProductData:
    """One product's contracts: `key` is `provider/product`; `schemas` maps `<Op>.<kind>` to
    the JSON Schema document; `origin` names where they came from, for messages only."""

    key: str
    openapi: dict[str, Any]
    schemas: dict[str, dict[str, Any]]
    origin: str = ""


@dataclass(frozen=True, slots=True)
class ContractBundle:
    """Every product a validator knows, by key (`alibabacloud/vpc`), in key order."""

    products: tuple[ProductData, ...]
    origin: str = ""

    @property
    def keys(self) -> list[str]:
        return [p.key for p in self.products]

    @classmethod
    def from_folder(cls, root: Path | str | None = None) -> ContractBundle:
        """Read `root/<provider>/<product>/openapi.json` and `schemas/*.json` (default root:
        `default_root()`). A missing folder is a `UsageError`; an unreadable file an
        `InputError` naming it; both say to run `docs2spec regen`."""
        folder = Path(root) if root is not None else default_root()
        if not folder.is_dir():
            raise UsageError(f"{folder}: no generated contracts here",
                             hint="run `docs2spec regen` or pass --generated DIR")
        products = [_read_product(folder / key, key) for key in sorted(
            p.parent.relative_to(folder).as_posix() for p in folder.glob("*/*/openapi.json"))]
        if not products:
            raise UsageError(f"{folder}: no <provider>/<product>/openapi.json found",
                             hint="run `docs2spec regen` or pass --generated DIR")
        return cls(tuple(products), str(folder))

    @classmethod
    def from_dicts(cls, products: Mapping[str, Mapping[str, Any]]) -> ContractBundle:
        """`{"alibabacloud/vpc": {"openapi": {...}, "schemas": {"ListX.response": {...}}}}`."""
        found = []
        for key in sorted(products):
            item = products[key]
            if key.count("/") != 1 or not isinstance(item, Mapping):
                raise UsageError(f"product {key!r}: expected key 'provider/product' mapping to "
                                 "{'openapi': ..., 'schemas': {...}}")
            openapi, schemas = item.get("openapi"), item.get("schemas", {})
            if not isinstance(openapi, dict) or not isinstance(schemas, Mapping) or not all(
                    isinstance(v, dict) for v in schemas.values()):
                raise UsageError(f"product {key!r}: 'openapi' must be a dict and 'schemas' a "
                                 "mapping of '<Operation>.<kind>' to dicts")
            found.append(ProductData(key, openapi, dict(schemas), f"<dict {key}>"))
        if not found:
            raise UsageError("a contract bundle needs at least one product")
        return cls(tuple(found), "<dicts>")


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read contract ({exc})",
                         hint="run `docs2spec regen`") from None


def _read_product(folder: Path, key: str) -> ProductData:
    openapi = _load_json(folder / "openapi.json")
    if not isinstance(openapi, dict):
        raise InputError(f"{folder / 'openapi.json'}: a contract must be a JSON object")
    schemas: dict[str, dict[str, Any]] = {}
    for path in sorted((folder / "schemas").glob("*.json")):
        data = _load_json(path)
        if not isinstance(data, dict):
            raise InputError(f"{path}: a contract must be a JSON object")
        schemas[path.name.removesuffix(".json")] = data
    return ProductData(key, openapi, schemas, str(folder))
