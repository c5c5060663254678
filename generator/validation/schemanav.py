"""Reading a contract's schema nodes: `$ref`s, types, and the node behind an error's schema path.

Generated contracts only use local references (`#/$defs/Name`); anything else resolves to the
empty schema, which accepts everything.
"""

from __future__ import annotations

from typing import Any

SOURCE = "x-docs2spec-source"
_EMPTY: dict[str, Any] = {}


def resolve(node: Any, root: dict[str, Any]) -> dict[str, Any]:
    """`node` with local `$ref`s followed (at most 32 hops, so a ref cycle cannot hang us)."""
    for _ in range(32):
        if not isinstance(node, dict):
            return _EMPTY
        ref = node.get("$ref")
        if not isinstance(ref, str):
            return node
        node = pointer_get(root, ref[1:]) if ref.startswith("#") else None
    return _EMPTY


def pointer_get(doc: Any, pointer: str) -> Any:
    if not pointer:
        return doc
    node = doc
    for raw in pointer.lstrip("/").split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def types(node: dict[str, Any]) -> tuple[str, ...]:
    kind = node.get("type")
    if isinstance(kind, str):
        return (kind,)
    if isinstance(kind, list):
        return tuple(k for k in kind if isinstance(k, str))
    if "properties" in node:
        return ("object",)
    if "items" in node:
        return ("array",)
    return ()


def prop(node: dict[str, Any], name: str, root: dict[str, Any]) -> dict[str, Any] | None:
    properties = node.get("properties")
    if isinstance(properties, dict) and name in properties:
        return resolve(properties[name], root)
    return None


def items(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    return resolve(node.get("items", {}), root)


def walk(root: dict[str, Any], path: list[Any] | tuple[Any, ...]) -> tuple[Any, str]:
    """(the node at an error's schema path, the nearest `x-docs2spec-source` on the way).

    Validators leave `$ref` out of schema paths, so a segment missing from a node that holds a
    `$ref` is looked up in the referenced schema."""
    node: Any = root
    source = root.get(SOURCE, "") if isinstance(root, dict) else ""
    for segment in path:
        if isinstance(node, dict):
            if isinstance(segment, str) and segment in node:
                node = node[segment]
            elif "$ref" in node:
                target = resolve(node, root)
                node = target.get(segment) if isinstance(segment, str) else None
            else:
                node = None
        elif isinstance(node, list) and isinstance(segment, int) and segment < len(node):
            node = node[segment]
        elif isinstance(node, list) and isinstance(segment, str) and segment.isdigit():
            index = int(segment)
            node = node[index] if index < len(node) else None
        else:
            node = None
        if node is None:
            break
        if isinstance(node, dict):
            if "$ref" in node and SOURCE not in node:
                target = resolve(node, root)
                if isinstance(target.get(SOURCE), str):
                    source = target[SOURCE]
            if isinstance(node.get(SOURCE), str):
                source = node[SOURCE]
    return node, source
