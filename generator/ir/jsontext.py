"""Parameters that carry a JSON document as text, in one vocabulary for every dialect.

A type cell may name a JSON document (`JSON`, `JSON array`) or a dictionary (`Map`,
`Map<String,String>`, `String to string map`); a row may also say its string holds JSON
(`content_media_type`). A URL can only carry text, so such a parameter in a query is the
document's JSON text. The Alibaba dialect asks the same question of a plural parameter whose
items a section documents ("Tag 对象说明" for `Tags`); both ask it here.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from .infer import infer_schema, with_loc
from .model import Schema

_JSON_TYPE = r"json(?:\s*(?:object|array|string))?"
"""`Json`, `JSON object`, `JSON array`, `JSONString`."""
_DICTIONARY_TYPE = r"map|hashmap|dict(?:ionary)?|map\s*<.*>|\w+\s+to\s+\w+\s+map"
"""`Map`, `HashMap`, `Dictionary`, `Map<String,String>`, `String to string map`."""
_JSON = re.compile(f"^(?:{_JSON_TYPE})$", re.I)
_DOCUMENT = re.compile(f"^(?:{_JSON_TYPE}|{_DICTIONARY_TYPE})$", re.I)


def names_json(type_text: str) -> bool:
    """Whether a type cell names a JSON document."""
    return bool(_JSON.match(" ".join(type_text.split())))


def names_document(type_text: str) -> bool:
    """Whether a type cell names a JSON document or a dictionary."""
    return bool(_DOCUMENT.match(" ".join(type_text.split())))


def carries_json(schema: Schema) -> bool:
    """A field documented as a JSON document: typed so, or a string with JSON content."""
    return bool(schema.content_media_type) or names_json(schema.type_text)


def json_text(schema: Schema) -> Schema:
    """A URL parameter documented as a JSON document or a map: a query string carries text, so
    the value is the document's JSON text, a string with that content. (A structure the URL
    spells out field by field is named so, `SystemDisk.Category`, or typed `Object`.) The
    content is what the example shows, else the documented object."""
    document = None
    for example in schema.examples:
        if isinstance(example, (dict, list)):
            document = example
            break
        if isinstance(example, str) and example.lstrip().startswith(("{", "[")):
            for text in (example, example.replace('\\"', '"')):
                try:
                    document = json.loads(text)
                    break
                except ValueError:
                    continue
            if document is not None:
                break
    if schema.kind == "object" and schema.additional_properties is not None:
        content = replace(schema, description=(), examples=())  # a map: its keys are data
    elif isinstance(document, (dict, list)) and document:
        content = with_loc(infer_schema([document]), schema.loc)
    elif schema.kind == "object" and schema.properties:
        content = replace(schema, description=(), examples=())
    else:
        content = Schema(kind="object", also_kinds=("array",), loc=schema.loc)
    examples = tuple(e if isinstance(e, str) else json.dumps(e, ensure_ascii=False)
                     for e in schema.examples)
    return Schema(kind="string", description=schema.description, examples=examples,
                  content_media_type="application/json", content_schema=content,
                  type_text=schema.type_text, loc=schema.loc, also_locs=schema.also_locs,
                  see=schema.see)
