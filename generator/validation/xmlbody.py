"""Alibaba XML responses -> the JSON value they stand for, read by the contract's shape.

XML cannot say whether `<IpsecServers>` is a list or `<MaxResults>10</MaxResults>` a number; the
schema can. The reading follows `generator.ir.xmlsample` (a repeated element is one list item;
an element wrapping same-named children of a scalar list holds several) but works from the JSON
Schema dict. Where the schema says nothing, repeated elements become a list and text stays
text, so an undocumented or misshapen element still reaches the validator as what it looks
like. DOCTYPE/ENTITY declarations are refused (no entity expansion), and depth is bounded
while parsing, before any tree is built.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from typing import Any
from xml.parsers import expat

from ..xmlnames import local_name
from .depth import MAX_DEPTH
from .schemanav import items, prop, resolve, types

MAX_XML = 64 * 1024 * 1024
_INT = re.compile(r"^[+-]?[0-9]+$")
_NUMBER = re.compile(r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")



class XmlBodyError(ValueError):
    pass


class _Root(Exception):
    """The root element started: no declaration can follow."""


def refuse_declarations(raw: bytes) -> None:
    """Refuse a DOCTYPE or ENTITY declaration, as the XML parser sees it: after decoding, so
    UTF-16 or UTF-32 text (where `<!DOCTYPE` is not those ASCII bytes) is no way around it.
    Expat stops at the root element's start: the check reads only the prolog."""
    def declared(*_args):
        raise XmlBodyError("XML with DOCTYPE or ENTITY declarations is not read")

    def root(*_args):
        raise _Root

    scanner = expat.ParserCreate()
    scanner.StartDoctypeDeclHandler = declared
    scanner.EntityDeclHandler = declared
    scanner.StartElementHandler = root
    try:
        scanner.Parse(raw, True)
    except _Root:
        return
    except expat.ExpatError:
        return  # not well-formed: the parse proper says where


def parse(data: bytes | str) -> ET.Element:
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if isinstance(data, str):
        # A text body already decoded: drop a declared encoding the bytes no longer have.
        raw = re.sub(rb"^\s*<\?xml[^>]*\?>", b"", raw, count=1)
    if len(raw) > MAX_XML:
        raise XmlBodyError(f"XML body is larger than {MAX_XML // (1024 * 1024)} MiB")
    refuse_declarations(raw)
    depth = 0
    root = None
    try:
        for event, element in ET.iterparse(io.BytesIO(raw), events=("start", "end")):
            if event == "start":
                depth += 1
                if depth > MAX_DEPTH:
                    raise XmlBodyError(f"XML body nests deeper than {MAX_DEPTH} levels")
                if root is None:
                    root = element
            else:
                depth -= 1
    except ET.ParseError as exc:
        raise XmlBodyError(f"not well-formed XML ({exc})") from None
    if root is None:
        raise XmlBodyError("empty XML body")
    return root


def _tag(element: ET.Element) -> str:
    return local_name(element.tag) if isinstance(element.tag, str) else ""


def _scalar(text: str, schema: dict[str, Any] | None) -> Any:
    text = text.strip()
    kinds = types(schema) if schema else ()
    for kind in kinds:
        if kind == "integer" and _INT.match(text) and len(text) < 4000:
            return int(text)
        if kind == "number" and _NUMBER.match(text) and len(text) < 4000:
            value = float(text)
            if value not in (float("inf"), float("-inf")):
                return int(text) if _INT.match(text) else value
        if kind == "boolean" and text.lower() in ("true", "false"):
            return text.lower() == "true"
        if kind == "null" and text == "":
            return None
    return text


def convert(element: ET.Element, schema: dict[str, Any] | None, root: dict[str, Any]) -> Any:
    """The JSON value `element` stands for under `schema` (None: undocumented)."""
    children = list(element)
    kinds = types(schema) if schema else ()
    if not children:
        if ("object" in kinds or "array" in kinds) and not (element.text or "").strip():
            return {} if "object" in kinds else []
        return _scalar(element.text or "", schema)
    if "array" in kinds and "object" not in kinds:
        return _array_items(element, schema or {}, root)
    groups: dict[str, list[ET.Element]] = {}
    for child in children:
        groups.setdefault(_tag(child), []).append(child)
    result: dict[str, Any] = {}
    for name, elements in groups.items():
        sub = prop(schema, name, root) if schema else None
        if sub is not None and "array" in types(sub):
            values: list[Any] = []
            for child in elements:
                values.extend(_array_items(child, sub, root))
            result[name] = values
        elif len(elements) == 1:
            result[name] = convert(elements[0], sub, root)
        else:
            # A repeated element the docs do not call a list: show it as the list it is.
            result[name] = [convert(child, sub, root) for child in elements]
    return result


def _array_items(element: ET.Element, schema: dict[str, Any], root: dict[str, Any]) -> list[Any]:
    children = list(element)
    item = items(schema, root)
    item_kinds = types(item)
    if children and "object" not in item_kinds and len({_tag(c) for c in children}) == 1:
        return [convert(c, item, root) for c in children]
    if (children and "object" in item_kinds and len(children) > 1
            and len({_tag(c) for c in children}) == 1
            and prop(item, _tag(children[0]), root) is None):
        # <Items><Item>...</Item><Item>...</Item></Items>: a wrapper around the items.
        return [convert(c, item, root) for c in children]
    return [convert(element, item, root)]


def xml_to_json(data: bytes | str, schema: dict[str, Any]) -> Any:
    """The whole body: the root element (`<ListIpsecServersResponse>`) is the object."""
    return convert(parse(data), resolve(schema, schema), schema)
