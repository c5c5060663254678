"""One sentence at a time: conditions and examples say nothing in general, and cheap
mentions-tests keep the many patterns of each kind off sentences that cannot hold it."""
from __future__ import annotations

import re

from .facts import FactCollector
from .lexicon import MAX_SENTENCE, rx
from .numbers import read_items, read_lengths, read_ranges
from .shapes import read_formats, read_prefixes
from .values import read_defaults, read_enum_extensions, read_inline_enum

# --------------------------------------------------------------------------------------------
# Sentences

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？；;])\s*")
_EXAMPLE = rx(r"\s*(?:for example|for instance|e\.g\.|example|例如|比如|示例|举例)")
_CONDITION = rx(
    r"\b(?:if|unless|whenever|only when)\b|(?<!time )\bwhen\b|^\s*for (?!example|details|more)"
    r"|如果|假如|若|对于|针对|仅当|(?:^|[，,。\s])当(?!前)"
)
_EACH = rx(r"\s*(?:each|every|每个|每一个)\b")


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


# Cheap tests that a sentence can hold a fact of a kind at all, so that the many patterns of
# that kind run only on sentences that mention it.
_MAY_COUNT = rx(r"\d|\b(?:up to|at most|maximum of|no more than)\b|empty string|空字符串")
_MAY_DEFAULT = rx(r"default|默认|缺省")
_MAY_ENUM = rx(r"[:：]|\bbe\b|\bis\b|\bset\b|只能|仅|固定|取值为")
_MAY_PREFIX = rx(r"start|begin|以")
_MAY_FORMAT = rx(r"yyyy|uuid|ipv[46]|cidr|\b[TZ]\b|[TZ]表示|net_address|dotted")


def read_sentence(sentence: str, acc: FactCollector) -> None:
    if len(sentence) > MAX_SENTENCE or _EXAMPLE.match(sentence):
        return
    sentence = sentence.strip()
    read_enum_extensions(sentence, acc)
    if _CONDITION.search(sentence):
        return
    taken: list[tuple[int, int]] = []
    if _MAY_COUNT.search(sentence):
        if not _EACH.match(sentence):
            read_items(sentence, acc, taken)
            read_lengths(sentence, acc, taken)
        read_ranges(sentence, acc, taken)
    if _MAY_DEFAULT.search(sentence):
        read_defaults(sentence, acc)
    if _MAY_ENUM.search(sentence):
        read_inline_enum(sentence, acc)
    if _MAY_PREFIX.search(sentence):
        read_prefixes(sentence, acc)
    if _MAY_FORMAT.search(sentence):
        read_formats(sentence, acc)
