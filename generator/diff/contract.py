"""An OpenAPI document as operations keyed by identity, the way the APIs tell them apart.

RPC operations all live on `/` and differ by `Action` (docs2spec keys them `/?Action=<Name>`,
see `generator/rpc.py`): their identity is the Action, whatever methods carry it. REST
operations are a method plus a path template whose variable names do not count
(`/v5/{project_id}/x` and `/v5/{projectId}/x` are one operation), so renaming a path variable
is not "one operation removed, another added".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from ..http import PATH_VARIABLE

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True, slots=True)
class OperationView:
    """One operation of one side, with what the rules need at hand."""

    identity: str
    """`Action=<Name>` for RPC, `<METHOD> <path with {} for variables>` for REST."""
    operation_id: str
    path: str
    methods: tuple[str, ...]
    """Methods that carry it (RPC: usually GET and POST; REST: one)."""
    operation: dict[str, Any]
    """The operation object of the first method (RPC methods share one definition)."""
    parameters: tuple[dict[str, Any], ...]
    """Path-item and operation parameters, `$ref`s resolved, the operation's winning."""
    document: dict[str, Any]
    """The whole document, for resolving `$ref`s in schemas."""

    @property
    def pages(self) -> tuple[str, ...]:
        pages = self.operation.get("x-docs2spec-pages")
        return tuple(p for p in pages if isinstance(p, str)) if isinstance(pages, list) else ()

    @property
    def page(self) -> str | None:
        """The first page that documents it (where an added or removed operation points)."""
        return self.pages[0] if self.pages else None


def resolve(document: dict[str, Any], node: Any, depth: int = 0) -> Any:
    """`node` with a local `$ref` followed (sibling keywords of the `$ref` kept over the
    target's, as OpenAPI 3.1 allows); remote refs stay as they are."""
    if not isinstance(node, dict) or not isinstance(node.get("$ref"), str) or depth > 32:
        return node
    ref = node["$ref"]
    if not ref.startswith("#/"):
        return node
    target: Any = document
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(target, dict) or part not in target:
            return node
        target = target[part]
    resolved = resolve(document, target, depth + 1)
    if not isinstance(resolved, dict):
        return node
    siblings = {k: v for k, v in node.items() if k != "$ref"}
    return {**resolved, **siblings} if siblings else resolved


def rpc_action(path: str) -> str | None:
    """The Action a path key names, else None: `/#Action=X` (the key docs2spec writes) or
    `/?Action=X` (the key of documents written before; one identity for both, so a diff across
    that change pairs the operations)."""
    for mark in ("#", "?"):
        if path.startswith("/" + mark):
            return dict(parse_qsl(path[2:])).get("Action") or None
    return None


def template(path: str) -> str:
    """The path with every variable written `{}`: what the wire sees."""
    return PATH_VARIABLE.sub("{}", path)


def operations(document: dict[str, Any]) -> dict[str, OperationView]:
    """Identity -> operation; the first of two operations with one identity wins (docs2spec
    never emits two: `operation-shadowed`)."""
    found: dict[str, OperationView] = {}
    paths = document.get("paths") if isinstance(document.get("paths"), dict) else {}
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        methods = tuple(m for m in METHODS if isinstance(item.get(m), dict))
        shared = _parameters(document, item.get("parameters"))
        action = rpc_action(path)
        groups = [(f"Action={action}", methods)] if action else \
            [(f"{m.upper()} {template(path)}", (m,)) for m in methods]
        for identity, carried in groups:
            if not carried or identity in found:
                continue
            operation = item[carried[0]]
            own = _parameters(document, operation.get("parameters"))
            merged = {(p.get("name"), p.get("in")): p for p in shared}
            merged.update({(p.get("name"), p.get("in")): p for p in own})
            op_id = operation.get("operationId") or action or identity
            found[identity] = OperationView(identity, str(op_id), path, carried, operation,
                                            tuple(merged.values()), document)
    return found


def _parameters(document: dict[str, Any], listed: Any) -> list[dict[str, Any]]:
    if not isinstance(listed, list):
        return []
    resolved = (resolve(document, p) for p in listed)
    return [p if isinstance(p.get("in"), str) else {**p, "in": "unknown"} for p in resolved
            if isinstance(p, dict) and isinstance(p.get("name"), str)]
