"""A description split into items (paragraphs and list items) with their nesting, because
what a list item says depends on what introduces it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import IGNORE_CASE, LABELS, MAX_TEXT, TAIL, WORD, is_value, strip_value

# --------------------------------------------------------------------------------------------
# Items: paragraphs and list items, with their indentation


@dataclass(slots=True)
class Item:
    """A paragraph or list item: its indentation, and its text joined into one line."""

    indent: int
    bullet: bool
    text: str
    raw: str = ""
    key: str | None = None
    """For a ``value: meaning`` item, the value (or sub-field name) before the colon."""
    key_is_default: bool = False
    meaning: str = ""
    parent: int = -1
    end: int = 0
    """Index past this item's last descendant."""


_BULLET = re.compile(r"[-*•·]\s{1,8}(?=\S)")
_KEY_ITEM = re.compile(
    rf"({WORD}(?:\.\s(?=[A-Za-z]){WORD})?)"  # "IpsecConfig. IpsecPfs": a path, typo and all
    r"(?:\s{0,2}[（(]([^()（）\n]{1,60})[)）])?"
    r"\s{0,2}(?::(?=\s|$|[A-Z])|：)\s*(.*)",  # "Available:The EIP ..." misses its space
    re.DOTALL,
)
_DEFAULT_MARK_WORDS = re.compile(r"\s*(?:default(?: value)?|默认值?|缺省值?|默认选项)\s*", IGNORE_CASE)
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def normalise(text: str) -> str:
    text = text[:MAX_TEXT]
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace(
        "\t", "    "
    )


def parse_items(text: str) -> list[Item]:
    """Split text into items; a non-blank line continues the item above it unless it is a
    list item, follows a line ending in a colon, or is itself a ``value: meaning`` line."""
    items: list[Item] = []
    parts: list[str] = []
    blank_before = True
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            blank_before = True
            continue
        indent = (len(line) - len(line.lstrip(" "))) // 2  # a level is two spaces; 1 is jitter
        bullet = _BULLET.match(stripped)
        body = stripped[bullet.end():] if bullet else stripped
        starts_new = (
            blank_before
            or bullet is not None
            or not items
            or parts[-1].endswith((":", "："))
            or _looks_like_key_item(body)
        )
        if starts_new:
            if items:
                items[-1].text = _join(parts)
            items.append(Item(indent=indent, bullet=bullet is not None, text=""))
            parts = [body]
        else:
            parts.append(body)
        blank_before = False
    if items:
        items[-1].text = _join(parts)
    for item in items:
        item.raw = item.text
        _split_key(item)
    _link(items)
    return items


def _join(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        glue = "" if CJK.match(out[-1:]) or CJK.match(part[:1]) else " "
        out = out + glue + part
    return out


def _looks_like_key_item(body: str) -> bool:
    match = _KEY_ITEM.match(body[:200])
    return bool(match and match.group(3) and match.group(1).lower() not in LABELS)


def _split_key(item: Item) -> None:
    match = _KEY_ITEM.match(item.text[:TAIL])
    if match is None:
        return
    key, note = match.group(1).replace(" ", ""), match.group(2)
    if (key.lower() in LABELS and not _value_named_like_label(item, key, match.group(3)))\
            or not is_value(key):
        return
    item.key = key
    item.key_is_default = bool(note and _DEFAULT_MARK_WORDS.fullmatch(note))
    item.meaning = item.text[match.start(3):]


def _value_named_like_label(item: Item, key: str, meaning: str) -> bool:
    """"- default: does not associate the instance with a host": a list item whose key is the
    lower-case word of a label and whose meaning is a phrase, not one value, names an allowed
    value ("default" is one on many products). "- Default: 10" stays a label."""
    return item.bullet and key == "default" and not is_value(strip_value(meaning.rstrip("。. ")))


def _link(items: list[Item]) -> None:
    """Set each item's parent (nearest earlier item indented less) and subtree end."""
    stack: list[int] = []
    for index, item in enumerate(items):
        while stack and items[stack[-1]].indent >= item.indent:
            items[stack.pop()].end = index
        item.parent = stack[-1] if stack else -1
        stack.append(index)
    for index in stack:
        items[index].end = len(items)


def hidden_items(items: list[Item]) -> list[bool]:
    """Items nested under a ``value: meaning`` item: they describe that value or sub-field."""
    hidden = [False] * len(items)
    index = 0
    while index < len(items):
        item = items[index]
        if item.key is not None and item.end > index + 1:
            for inner in range(index + 1, item.end):
                hidden[inner] = True
            index = item.end
            continue
        index += 1
    return hidden
