"""Captured-looking responses built from the documentation samples in generated/.

The docs mask their samples (`47.22.XX.XX`, `vpn-bp1q8bgx4xnkm****`, `228a68f0-demo-...`);
real captures do not. `realistic` fills the masks deterministically, `page` repeats a sample's
list item to make 1-item or 20-item pages with distinct IDs, and `break_*` make the invalid
variants (wrong type deep inside, array where an object belongs, value out of range, value
outside the enum, undocumented field).
"""

from __future__ import annotations

import copy
import json
import random
import re
import uuid
from pathlib import Path
from typing import Any

from generator.validation.hints import matches
from generator.validation.schemanav import resolve

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"

# (product, operation, path to the list of items in the success body)
SEED_OPERATIONS = (
    ("alibabacloud/vpc", "ListIpsecServers", ("IpsecServers",)),
    ("alibabacloud/vpc", "DescribeVpnConnections", ("VpnConnections", "VpnConnection")),
    ("alibabacloud/vpc", "CreateIpsecServer", ()),
    ("huaweicloud/vpn", "ListVpnConnections", ("vpn_connections",)),
)

_MASKED_IP = re.compile(r"^(\d{1,3}|XX|\*{3})\.(\d{1,3}|XX|\*{3})\.(\d{1,3}|XX|\*{3})\."
                        r"(\d{1,3}|XX|\*{3})$")
_DEMO_UUID = re.compile(r"^[0-9a-z]{8}-demo-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$")


def samples(generated: Path = GENERATED) -> dict[str, Any]:
    """operation -> its first JSON success sample."""
    found: dict[str, Any] = {}
    for api in sorted(generated.glob("*/*/openapi.json")):
        doc = json.loads(api.read_text(encoding="utf-8"))
        for item in doc["paths"].values():
            for method, op in item.items():
                if method == "parameters":
                    continue
                ok = op.get("responses", {}).get("200", {}).get("content", {})
                for example in ok.get("application/json", {}).get("examples", {}).values():
                    found.setdefault(op["operationId"].split("_")[0], example["value"])
    return found


def _unmask(text: str, rng: random.Random) -> str:
    if _DEMO_UUID.match(text):
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    match = _MASKED_IP.match(text)
    if match and ("X" in text or "*" in text):
        return ".".join(p if p.isdigit() else str(rng.randint(1, 254)) for p in match.groups())
    if "****" in text:
        return text.replace("****", "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789")
                                            for _ in range(4)))
    return text


def realistic(value: Any, rng: random.Random) -> Any:
    """The sample with its masks filled in, as a real capture would have it."""
    if isinstance(value, dict):
        return {k: realistic(v, rng) for k, v in value.items()}
    if isinstance(value, list):
        return [realistic(v, rng) for v in value]
    if isinstance(value, str):
        return _unmask(value, rng)
    return value


def schema(product: str, operation: str, kind: str = "response",
           generated: Path = GENERATED) -> dict[str, Any]:
    path = generated / product / "schemas" / f"{operation}.{kind}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _fake(hint: str, rng: random.Random) -> str:
    octets = ".".join(str(rng.randint(1, 254)) for _ in range(4))
    return {
        "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "ipv4": octets,
        "ipv6": f"2001:db8::{rng.randint(1, 0xffff):x}",
        "cidr": f"10.{rng.randint(0, 255)}.0.0/16",
        "date-time": "2024-06-01T10:00:00Z",
        "date": "2024-06-01",
        "email": "ops@example.com",
        "uri": "https://example.com/",
    }.get(hint, octets)


def satisfy_hints(doc: Any, root: dict[str, Any], rng: random.Random) -> Any:
    """Values the prose's formats (x-docs2spec-format-hints) describe, where the docs' samples
    show something else ("0", a demo UUID): a real account's capture has real ones."""

    def visit(node: Any, sch: Any) -> Any:
        sch = resolve(sch, root)
        if isinstance(node, dict):
            props = sch.get("properties", {})
            return {k: visit(v, props[k]) if k in props else v for k, v in node.items()}
        if isinstance(node, list):
            return [visit(v, sch.get("items", {})) for v in node]
        hints = sch.get("x-docs2spec-format-hints")
        if isinstance(node, str) and hints and not matches(node, hints):
            return _fake(hints[-1] if "ipv4" in hints else hints[0], rng)
        return node

    return visit(doc, root)


def _get(doc: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def page(sample: Any, list_path: tuple[str, ...], n: int, rng: random.Random,
         root: dict[str, Any] | None = None) -> Any:
    """A success body like `sample` with `n` list items (unchanged when there is no list);
    with the response schema `root`, format hints are honoured too."""
    doc = realistic(copy.deepcopy(sample), rng)
    if not list_path:
        return satisfy_hints(doc, root, rng) if root else doc
    items = _get(sample, list_path)
    parent = _get(doc, list_path[:-1])
    parent[list_path[-1]] = [realistic(copy.deepcopy(items[i % len(items)]), rng)
                             for i in range(n)]
    for key in ("TotalCount", "total_count"):
        if key in doc:
            doc[key] = max(n, 1) * 3
    return satisfy_hints(doc, root, rng) if root else doc


def _leaves(doc: Any, pointer: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    out = []
    if isinstance(doc, dict):
        for k, v in doc.items():
            out.extend(_leaves(v, (*pointer, k)))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out.extend(_leaves(v, (*pointer, i)))
    else:
        out.append((pointer, doc))
    return out


def _set(doc: Any, pointer: tuple[Any, ...], value: Any) -> None:
    for key in pointer[:-1]:
        doc = doc[key]
    doc[pointer[-1]] = value


def break_type(doc: Any, rng: random.Random) -> Any:
    """A deep leaf gets another JSON type (string <-> number/boolean)."""
    doc = copy.deepcopy(doc)
    leaves = [(p, v) for p, v in _leaves(doc) if len(p) > 1] or _leaves(doc)
    pointer, value = rng.choice(leaves)
    _set(doc, pointer, 12345 if isinstance(value, str) else f"{value}x")
    return doc


def break_shape(doc: Any, rng: random.Random) -> Any:
    """An object where an array belongs, or an array where an object belongs."""
    doc = copy.deepcopy(doc)
    spots: list[tuple[tuple[Any, ...], Any]] = []

    def visit(node: Any, pointer: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(v, (dict, list)):
                    spots.append(((*pointer, k), v))
                    visit(v, (*pointer, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                visit(v, (*pointer, i))

    visit(doc, ())
    if not spots:
        return break_type(doc, rng)
    pointer, value = rng.choice(spots)
    _set(doc, pointer, [value] if isinstance(value, dict) else {"items": value})
    return doc


def add_field(doc: Any, rng: random.Random) -> Any:
    """An undocumented field in some object (a warning, not an error)."""
    doc = copy.deepcopy(doc)
    objects: list[dict[str, Any]] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            objects.append(node)
            for v in node.values():
                visit(v)
        elif isinstance(node, list):
            for v in node:
                visit(v)

    visit(doc)
    rng.choice(objects)["UndocumentedField"] = "surprise"
    return doc
