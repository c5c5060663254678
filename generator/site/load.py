"""Read the products of a generated folder: each `<provider>/<product>/openapi.json` with the
files it was made from (YAML, per-operation schemas, report), kept as text to copy."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..location import SourceLoc, path_label

COPIED = ("openapi.json", "openapi.yaml", "report.json")


@dataclass(frozen=True, slots=True)
class ProductFiles:
    key: str
    """`provider/product`."""
    openapi: dict[str, Any]
    files: dict[str, str]
    """{path under the product folder: text} of the documents the site links to."""


def load_products(root: Path) -> list[ProductFiles]:
    if not root.is_dir():
        raise InputError("no such folder", SourceLoc(path_label(root)),
                         hint="give a folder written by `docs2spec regen` or `docs2spec build`")
    found = sorted(root.glob("*/*/openapi.json"))
    if not found:
        raise InputError("no <provider>/<product>/openapi.json in this folder",
                         SourceLoc(path_label(root)),
                         hint="give a folder written by `docs2spec regen` or `docs2spec build`")
    return [_load(path) for path in found]


def _load(path: Path) -> ProductFiles:
    folder = path.parent
    key = f"{folder.parent.name}/{folder.name}"
    try:
        text = path.read_text(encoding="utf-8")
        document = json.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"cannot read this OpenAPI document ({exc})",
                         SourceLoc(path_label(path)), hint="run `docs2spec regen` again") from None
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        raise InputError("not an OpenAPI document (no paths)", SourceLoc(path_label(path)),
                         hint="run `docs2spec regen` again")
    files: dict[str, str] = {}
    for name in COPIED:
        if (folder / name).is_file():
            files[name] = (folder / name).read_text(encoding="utf-8", errors="replace")
    for schema in sorted((folder / "schemas").glob("*.json")):
        files[f"schemas/{schema.name}"] = schema.read_text(encoding="utf-8", errors="replace")
    return ProductFiles(key, document, files)
