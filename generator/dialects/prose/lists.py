"""Allowed values and defaults laid out as list items rather than inside one sentence:
"Valid values:" followed by items, or a bare list of ``value: meaning`` items."""
from __future__ import annotations

import re

from .facts import FactCollector
from .items import CJK, Item
from .lexicon import MAX_LIST, MAX_SCAN, MAX_SENTENCE, NUM, SEP, TAIL, rx, strip_value, value_list
from .numbers import number
from .values import ENUM_WORDS, scalar

# The last sentence of an item ends in "Valid values:" / "- Default value:": the values follow.
TRAILING_ENUM = rx(ENUM_WORDS + r"\s*$")
_TRAILING_DEFAULT = rx(r"(?:default value|default|默认值|缺省值|默认取值)\s{0,3}[:：]\s*$")
_TRAILING_RANGE = rx(rf"\s*({NUM}){SEP}({NUM})\s*[.。]?\s*")


def read_trailing_intro(items: list[Item], index: int, last: str, acc: FactCollector) -> None:
    tail = last[-80:]
    if _TRAILING_DEFAULT.search(tail):
        following = _scope(items, index)
        if following:
            value = scalar(following[0].text)
            if value is not None:
                acc.add("default", value, items[index].text + " " + following[0].raw)
        return
    if not TRAILING_ENUM.search(tail):
        return
    following = _scope(items, index)
    if not following:
        return
    bounds = _TRAILING_RANGE.fullmatch(following[0].text)
    if bounds is not None:
        evidence = items[index].text + " " + following[0].text
        acc.add("minimum", number(bounds.group(1)), evidence)
        acc.add("maximum", number(bounds.group(2)), evidence)
        return
    values = _values_of(following)
    if values:
        acc.add_enum(values, " ".join([items[index].text, *(item.raw for item in following)]))


def _scope(items: list[Item], index: int) -> list[Item]:
    """The items an introducing item at ``index`` introduces, at their own level.

    A list item introduces its children; a paragraph introduces what follows at its level or
    deeper, up to the next paragraph at its own level that does not name a value.
    """
    intro = items[index]
    out: list[Item] = []
    stop = min(len(items), index + 1 + MAX_SCAN)
    if intro.bullet:
        for inner in range(index + 1, min(intro.end, stop)):
            if items[inner].parent == index:
                out.append(items[inner])
                if len(out) > MAX_LIST:
                    break
        if not out:
            # Flattened ("- Value range:\n- main: ...\n- aggressive: ..."): the values are the
            # following list items, up to the first one that is a sentence or a label.
            for inner in range(index + 1, stop):
                item = items[inner]
                if item.parent != intro.parent or not item.bullet:
                    break
                if item.key is None and (
                    _classify(item.text) == "prose" or _LABEL_COLON.search(item.text[:TAIL])
                ):
                    break
                out.append(item)
                if len(out) > MAX_LIST:
                    break
        return out
    for inner in range(index + 1, stop):
        item = items[inner]
        if item.indent < intro.indent:
            break
        same_level = item.parent == intro.parent
        if not (same_level or item.parent == index):
            continue
        if same_level and not item.bullet and item.key is None and _classify(item.text) == "prose":
            break
        out.append(item)
        if len(out) > MAX_LIST:
            break
    return out


_LABEL_COLON = re.compile(r"[:：]")


def _classify(text: str) -> str:
    """"values" for a value or list of values, "prose" for a sentence, else "unclear"."""
    if value_list(strip_value(text)):
        return "values"
    if CJK.search(text) or text.rstrip().endswith((".", "。", "!", "?", "：", ":")):
        return "prose"
    return "prose" if len(text.split()) >= 4 else "unclear"


def _values_of(following: list[Item]) -> list[str] | None:
    if len(following) > MAX_LIST:
        return None
    values: list[str] = []
    for item in following:
        if item.key is not None:
            values.append(item.key)
            continue
        kind = _classify(item.text)
        if kind == "values":
            values.extend(value_list(strip_value(item.text)) or ())
        elif kind == "unclear":
            return None
    return values or None


_FACTISH = rx(r"取值|默认值|长度|valid values?|value range|default value|characters|字符")
_FIELD_PATH = re.compile(r"[A-Za-z]\w*\.[A-Za-z]")
_CONTAINER = rx(
    r"\b(?:configurations?|config|settings|parameters?|fields?|properties|attributes|members"
    r"|information|info|object|structure|contains|includes|consists|following)\b"
    r"|配置|参数|字段|属性|信息|结构|包含|包括|如下|以下"
)


def read_sibling_lists(items: list[Item], hidden: list[bool], acc: FactCollector) -> None:
    """A list of two or more ``value: meaning`` items is the allowed values, introduced or not
    ("The status.\\n- init: ...\\n- active: ..."), unless the items are sub-fields (their
    meanings state constraints of their own, or their names are paths) or the paragraph
    before the list announces a structure ("第一阶段协商的配置信息：", "The health check
    configuration.")."""
    groups: dict[int, list[int]] = {}
    for index, item in enumerate(items):
        if item.bullet and not hidden[index]:
            groups.setdefault(item.parent, []).append(index)
    for members in groups.values():
        if len(members) < 2 or len(members) > MAX_LIST:
            continue
        bullets = [items[i] for i in members]
        if any(
            b.key is None or _FACTISH.search(b.meaning[:MAX_SENTENCE]) or _FIELD_PATH.match(b.key)
            for b in bullets
        ):
            continue
        before = items[members[0] - 1] if members[0] > 0 else None
        if before is not None and not before.bullet and _CONTAINER.search(before.text[-300:]) \
                and not TRAILING_ENUM.search(before.text[-80:]):
            continue
        acc.add_enum([b.key for b in bullets if b.key], bullets[0].raw)
