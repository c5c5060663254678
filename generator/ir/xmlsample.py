"""Alibaba XML samples -> JSON values, read by the documented shape.

XML cannot say whether `<IpsecServers>` is a list or `<MaxResults>10</MaxResults>` a number;
the schema can. Entity declarations are refused outright, so a hostile sample cannot expand.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from typing import Any

from ..xmlnames import local_name
from .model import Schema

MAX_XML = 2_000_000
MAX_TAG = 1_000
"""Longest element name read (a field name; `dialects.fields.MAX_NAME`)."""


_BARE_LT = re.compile(r"<(?![A-Za-z_/?!])")
_BARE_AMP = re.compile(r"&(?!(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);)")
_SPACED_DECLARATION = re.compile(r"^\s*<\?\s*xml\b[^<>]{0,200}?\?\s*>")
"""`<? xml version="1.0" encoding="UTF-8"? >`: an XML declaration a translation tool spaced
out (as printed on English pages); it says nothing the parser needs, so it is dropped."""


class XmlSampleError(ValueError):
    pass


def parse_xml(text: str) -> ET.Element:
    if len(text) > MAX_XML:
        raise XmlSampleError("XML sample too large")
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise XmlSampleError("XML samples with DOCTYPE or ENTITY declarations are not read")
    text = _SPACED_DECLARATION.sub("", text, count=1)
    try:
        return ET.fromstring(text.strip())
    except ET.ParseError as exc:
        # Doc writers leave `<` and `&` unescaped in element text (`<Op><</Op>`, `a&b`).
        repaired = _BARE_AMP.sub("&amp;", _BARE_LT.sub("&lt;", text.strip()))
        if repaired != text.strip():
            try:
                return ET.fromstring(repaired)
            except ET.ParseError:
                pass
        raise XmlSampleError(f"not well-formed XML ({exc})") from None


def _scalar(text: str, schema: Schema | None) -> Any:
    kind = schema.kind if schema else "string"
    text = text.strip()
    if kind == "integer":
        try:
            return int(text)
        except ValueError:
            return text
    if kind == "number":
        try:
            value = float(text)
        except ValueError:
            return text
        return value if math.isfinite(value) else text  # NaN, inf: no JSON number
    if kind == "boolean" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def convert(element: ET.Element, schema: Schema | None, depth: int = 0) -> Any:
    """The JSON value `element` stands for under `schema`."""
    if depth > 100:
        raise XmlSampleError("XML sample nests too deeply")
    if len(element.tag) > MAX_TAG:
        raise XmlSampleError(f"XML sample has an element name of {len(element.tag)} characters")
    children = list(element)
    if not children:
        if schema is not None and schema.kind in ("object", "array") and not (element.text or
                                                                              "").strip():
            return {} if schema.kind == "object" else []
        return _scalar(element.text or "", schema)
    if schema is not None and schema.kind == "array":
        return [convert(element, schema.items, depth + 1)]
    result: dict[str, Any] = {}
    for child in children:
        tag = local_name(child.tag)
        sub = schema.property(tag) if schema is not None else None
        if sub is not None and sub.kind == "array":
            result.setdefault(tag, []).extend(_array_items(child, sub, depth))
        else:
            result[tag] = convert(child, sub, depth + 1)
    return result


def _array_items(element: ET.Element, schema: Schema, depth: int) -> list[Any]:
    """A repeated element is one item; an element wrapping repeated same-named children
    (`<Tags><Tag/><Tag/></Tags>`) with a scalar item type holds several."""
    children = list(element)
    item = schema.items
    tags = {local_name(c.tag) for c in children}
    if children and item is not None and len(tags) == 1 and (item.kind != "object" or (
            item.properties and item.property(next(iter(tags))) is None and
            any(item.property(local_name(g.tag)) is not None for c in children for g in c))):
        # `<Zones><Zone><ZoneId/>..</Zone><Zone>..</Zone></Zones>` where the items' documented
        # fields are ZoneId, ...: the one repeated child (not a field itself, holding fields)
        # is the item element, as for scalars.
        return [convert(c, item, depth + 1) for c in children]
    return [convert(element, item, depth + 1)]


def _root_of(text: str) -> tuple[str, ET.Element]:
    """(the root's tag, the root) of a sample; a sample printed as a run of elements without
    their root (`<RequestId>..</RequestId><Tags>..</Tags>`, as ROA pages do) is read as if
    they had one, and its tag is ''."""
    try:
        root = parse_xml(text)
    except XmlSampleError:
        try:
            return "", parse_xml(f"<root>{text.strip()}</root>")
        except XmlSampleError:
            pass
        raise
    return local_name(root.tag), root


def xml_to_json(text: str, schema: Schema) -> tuple[str, Any]:
    """The whole sample: the root element (`<XResponse>`) is the response object; returns the
    root's tag too, which names the operation the sample belongs to ('' when it has none)."""
    tag, root = _root_of(text)
    return tag, convert(root, schema)


def plain_view(text: str) -> Any:
    """What an XML sample shows without a schema, for placing documented rows: elements with
    children are objects, a tag repeated among siblings is a list of them, text is text. The
    root element (`<XResponse>`, `<KMS>`) is the response; a sample that is a run of elements
    without a root is read as one. None when the sample is not XML that can be read."""
    try:
        _, root = _root_of(text)
    except XmlSampleError:
        return None
    try:
        value = _plain(root, 0)
    except XmlSampleError:
        return None
    return value if isinstance(value, dict) else None


def _plain(element: ET.Element, depth: int) -> Any:
    if depth > 100:
        raise XmlSampleError("XML sample nests too deeply")
    children = list(element)
    if not children:
        return (element.text or "").strip()
    groups: dict[str, list[Any]] = {}
    for child in children:
        if len(child.tag) > MAX_TAG:
            raise XmlSampleError("XML sample has an overlong element name")
        groups.setdefault(local_name(child.tag), []).append(_plain(child, depth + 1))
    return {tag: values[0] if len(values) == 1 else values for tag, values in groups.items()}
