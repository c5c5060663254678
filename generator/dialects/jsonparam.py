"""Request parameters that carry a JSON document in a string (Alibaba `IkeConfig`).

Such a parameter's example cell holds the document and its description lists the keys
(`- IkeVersion: the IKE version. Valid values: ikev1 and ikev2.`). The content schema is built
from both: keys and types from the example, constraints and descriptions from the key bullets.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ..ir.infer import infer_schema
from ..ir.model import Schema
from . import jsontext

_KEY_BULLET = re.compile(r"^\s*[-•]\s*([A-Za-z_][\w.]{0,80})\s*[:：]\s*(.+)$")


def example_document(schema: Schema) -> Any:
    for example in schema.examples:
        if isinstance(example, str) and example.lstrip().startswith(("{", "[")):
            try:
                value = jsontext.loads(example)
            except ValueError:
                continue
            if isinstance(value, (dict, list)):
                return value
    return None


def key_bullets(description: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in description.splitlines():
        match = _KEY_BULLET.match(line)
        if match:
            found.setdefault(match.group(1), match.group(2).strip())
    return found


def json_string_schema(schema: Schema, read_facts, apply_facts) -> Schema | None:
    """The schema with contentMediaType/contentSchema, or None when it is a plain string."""
    if schema.kind != "string":
        return None
    document = example_document(schema)
    if document is None:
        return None
    content = infer_schema([document])
    text = "\n".join(t for _, t in schema.description)
    bullets = key_bullets(text)
    if content.kind == "object":
        props = list(content.properties)
        names = {name for name, _ in props}
        for key in bullets:
            if key not in names:
                props.append((key, Schema(kind="string", inferred=True)))
        enriched = []
        for name, sub in props:
            if name in bullets:
                sub = replace(sub, inferred=False, description=(("en", bullets[name]),))
                sub, _ = apply_facts(sub, read_facts(bullets[name]))
            enriched.append((name, sub))
        content = replace(content, properties=tuple(enriched), inferred=False)
    return replace(schema, content_media_type="application/json",
                   content_schema=replace(content, loc=schema.loc))
