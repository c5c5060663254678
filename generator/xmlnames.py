"""XML element names as both readers of XML take them: the IR reading the docs' XML samples and
the validator reading captured XML bodies must agree on what a field is called, or a documented
sample and the same body on the wire would name their fields differently."""

from __future__ import annotations


def local_name(tag: str) -> str:
    """An element's name without its namespace: ElementTree reads `<ds:Signature>` (prefix
    bound to a URI) as `{http://...}Signature`; the field is `Signature`."""
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag
