"""Nesting guards: a body nested 100,000 levels deep must be refused, not crash a parser or a
recursive validator.

`text_too_deep` runs before parsing and is nearly free for ordinary bodies: a document with
fewer brackets than the limit cannot nest deeper than it. Only bodies with many brackets get the
real check, which peels innermost bracket pairs off a bracket-only copy, one level per pass, in
C (`bytes.replace`). `value_too_deep` checks an already-parsed value without recursion.
"""

from __future__ import annotations

import re
from typing import Any

MAX_DEPTH = 256
"""Deeper than any API response; far below the recursion limits of the parsers behind us."""

_BRACKETS = b"[]{}"
_NOT_BRACKETS = bytes(c for c in range(256) if c not in _BRACKETS)
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _peel(brackets: bytes, limit: int) -> int | None:
    """Levels of nesting in a bracket-only string, or None if it is unbalanced; stops counting
    at `limit + 1`."""
    depth = 0
    while brackets:
        if depth > limit:
            return depth
        shorter = brackets.replace(b"[]", b"").replace(b"{}", b"")
        if len(shorter) == len(brackets):
            return None
        brackets = shorter
        depth += 1
    return depth


def text_too_deep(data: bytes | str, limit: int = MAX_DEPTH) -> int | None:
    """The nesting depth of a JSON text if it exceeds `limit`, else None (also None for text
    whose brackets do not balance: the parser then reports why it is not JSON)."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return None
    depth = _peel(raw.translate(None, _NOT_BRACKETS), limit)
    if depth is None or depth <= limit:
        return None
    # Brackets inside strings can fake depth ("[[[[" as a value): confirm without them.
    depth = _peel(_STRING.sub(b'""', raw).translate(None, _NOT_BRACKETS), limit)
    return depth if depth is not None and depth > limit else None


def value_too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether a parsed value nests arrays/objects deeper than `limit` (iterative)."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, (list, tuple)):
            children = node
        else:
            continue
        if depth > limit:
            return True
        for child in children:
            if isinstance(child, (dict, list, tuple)):
                stack.append((child, depth + 1))
    return False
