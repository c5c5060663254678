"""Constraints that a parameter's description prose states, read into JSON Schema terms.

Cloud API reference pages rarely put constraints in a table column of their own: they write
them into the description ("Valid values: 1 to 20. Default value: 10.", "长度为2~128个字符",
"The value can be v1 or v2."). This module reads such prose and says which JSON Schema
constraints it states; the caller decides what to do with them (a type decides whether
``minimum`` or ``min_length`` applies, the docs' own samples decide whether a ``format`` can
be asserted, and so on).

Input is plain text as the readers produce it: inline markup removed, paragraphs separated by
a blank line, list items as lines starting with ``- `` (nested items indented by two more
spaces per level), in English or Chinese.

The rules are general documentation conventions, not tuned to one page, and they lean towards
saying nothing: a wrong constraint makes a contract reject real traffic, a missing one only
makes it looser. So:

* a fact stated twice with different values (two different defaults, say) is dropped;
* an allowed-value list is taken only when every item of it looks like a value (no spaces,
  short, ASCII); one item that reads like a phrase ("expiring soon") drops the whole list;
* sentences that state a condition ("If ...", "When ...", "对于...") or an example
  ("For example ...", "例如...") give no facts: what they say does not hold in general; but
  values a condition allows ("If ..., you can set the ISP field to A or B") widen a list of
  allowed values stated elsewhere, since the contract must not reject them;
* the body of a ``name: meaning`` item ("- IkeVersion: ... Default value: ikev1.") is about
  ``name`` (a value, or a sub-field of a JSON document parameter), never about the parameter,
  so nothing in it is read; only a ``(default)`` marker on the name itself counts.

Everything is stdlib ``re`` with bounded repetitions on text pre-split into items and
sentences, so the cost is linear in the input; input past ``_MAX_TEXT`` characters is not read
(a description that long is not prose a person wrote).

Known gaps (each leaves a fact out rather than guessing it): values with spaces or non-ASCII
characters ("expiring soon", "包年包月") are never allowed values; a list that also says "for
the value range, see ..." is not taken as closed; conditional facts ("If action is set to
filter, the default value is 0") are dropped rather than attached to their condition; "The
default unit is seconds" is not read as a default (it names the unit of another value);
statements about each element ("Each value can contain a maximum of 255 characters") are not
read, as ProseFacts has no place for item constraints; exclusive bounds ("greater than 0") and
patterns ("must start with a letter", allowed characters) are not read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ProseFacts", "read_facts"]


@dataclass(frozen=True, slots=True)
class ProseFacts:
    """What a description states about its parameter, in JSON Schema terms.

    Numbers for values (``minimum``, ``maximum``, ``default``) are kept as the page's text
    ("604800", "0.5") because the caller knows the parameter's type and the page's text is what
    a diagnostic should quote; lengths and item counts are always integers, so they are ints.
    Tuples rather than lists keep the value hashable and really immutable.
    """

    minimum: str | None = None
    """Inclusive lower bound of a number ("Valid values: 1 to 20" -> "1")."""
    maximum: str | None = None
    """Inclusive upper bound of a number ("Maximum value: 50" -> "50")."""
    min_length: int | None = None
    """Fewest characters of a string ("must be 2 to 128 characters in length" -> 2)."""
    max_length: int | None = None
    """Most characters of a string ("cannot exceed 128 characters" -> 128)."""
    min_items: int | None = None
    """Fewest items of a list ("Valid values of N: 1 to 20" on a list parameter -> 1)."""
    max_items: int | None = None
    """Most items of a list ("Valid values of N: 1 to 20" -> 20, "最多支持20个" -> 20)."""
    enum: tuple[str, ...] = ()
    """Allowed values in page order, deduplicated; empty when the prose gives no closed list."""
    default: str | None = None
    """The default value as the page writes it ("10", "ikev2", "false")."""
    forbidden_prefixes: tuple[str, ...] = ()
    """Prefixes a string must not start with ("cannot start with http:// or https://")."""
    formats: tuple[str, ...] = ()
    """Formats the prose claims ("date-time", "date", "uuid", "ipv4", "ipv6", "cidr").

    More than one means "one of" ("a UUID ... or an IPv4 address"): the caller decides whether
    and how to assert them (the docs' masked samples often do not match their own claims).
    """
    evidence: tuple[tuple[str, str], ...] = ()
    """(fact name, the sentence it came from) for each fact returned, for diagnostics; for a
    list of values, the introducing sentence followed by the list items. A fact dropped for a
    contradiction has no evidence either."""


def read_facts(text: str) -> ProseFacts:
    """Read the constraints a description states; an empty ``ProseFacts`` when it states none."""
    if not text or not text.strip():
        return ProseFacts()
    items = _parse_items(_normalise(text))
    acc = _Facts()
    hidden = _hidden_items(items)
    for index, item in enumerate(items):
        if hidden[index]:
            continue
        if item.key is not None:
            if item.key_is_default:
                acc.add("default", item.key, item.raw)
            continue
        sentences = _sentences(item.text)
        for sentence in sentences:
            _read_sentence(sentence, acc)
        if sentences:
            _read_trailing_intro(items, index, sentences[-1], acc)
    _read_sibling_lists(items, hidden, acc)
    if _REFERS_ELSEWHERE.search(text[:_MAX_TEXT]):
        acc.drop_enum()
    return acc.build()


# --------------------------------------------------------------------------------------------
# Limits and shared fragments

_MAX_TEXT = 40_000
"""Characters of a description that are read; the largest in the corpus is under 1,000."""
_MAX_SENTENCE = 2_000
"""Longer "sentences" are not prose (dumps, run-together tables) and give no facts."""
_MAX_LIST = 200
"""Items an allowed-value list may have; a longer one is dropped rather than read on."""
_MAX_SCAN = 1_000
"""Items looked at after an introducing phrase for its list, so that cost stays linear."""
_TAIL = 400
"""Characters after an introducing phrase that are looked at for its value(s)."""

_NUM = r"[-+]?(?:\d{1,3}(?:,\d{3}){1,4}(?!\d)|\d{1,15})(?:\.\d{1,15})?"
"""A number as pages write it; "1,000" is read as 1000 (thousands separators are dropped)."""
_INT = r"\d{1,9}"
_SEP = r"\s{0,3}(?:to|through|-|–|—|~|～|－|至|到)\s{0,3}"
_CHARS = (
    r"\s{0,3}(?:个)?\s{0,3}"
    r"(?:(?:ASCII|Unicode|English|Chinese|英文或中文|中英文|英文|中文|半角|全角)\s{0,3}){0,2}"
    r"(?:characters?|chars\b|字符)"
)
_NUMWORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "twenty": "20", "fifty": "50", "hundred": "100",
}
_NUMWORD = "|".join(_NUMWORDS)

_TOKEN = r"[A-Za-z0-9_][A-Za-z0-9_.:/+@-]{0,63}"
_WORD = r"[A-Za-z0-9_](?:[A-Za-z0-9_.:/+@-]{0,62}[A-Za-z0-9_])?"
"""A value as a whole word: no trailing period or colon taken from the sentence around it."""
_TOKEN_RE = re.compile(_TOKEN)
# Words that sit where a value would but are prose ("It can be empty", "is left blank").
_NOT_VALUES = frozenset(
    "a an the empty blank unspecified specified used set left changed modified returned "
    "omitted unique optional required mandatory see etc e.g i.e this that it its "
    "case-sensitive case-insensitive valid invalid fixed deprecated reserved ignored "
    "supported unsupported configurable".split()
)
# Heads of "head: text" lines that label the text rather than name a value or a field.
_LABELS = frozenset(
    "note notes default range minimum maximum min max unit units format length example examples "
    "type description remarks remark warning caution important tip tips values value options "
    "constraints constraint restriction restrictions usage see details".split()
)
_I = re.IGNORECASE


def _rx(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# --------------------------------------------------------------------------------------------
# Items: paragraphs and list items, with their indentation


@dataclass(slots=True)
class _Item:
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
    rf"({_WORD}(?:\.\s(?=[A-Za-z]){_WORD})?)"  # "IpsecConfig. IpsecPfs": a path, typo and all
    r"(?:\s{0,2}[（(]([^()（）\n]{1,60})[)）])?"
    r"\s{0,2}(?::(?=\s|$|[A-Z])|：)\s*(.*)",  # "Available:The EIP ..." misses its space
    re.DOTALL,
)
_DEFAULT_MARK_WORDS = re.compile(r"\s*(?:default(?: value)?|默认值?|缺省值?|默认选项)\s*", _I)
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def _normalise(text: str) -> str:
    text = text[:_MAX_TEXT]
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace(
        "\t", "    "
    )


def _parse_items(text: str) -> list[_Item]:
    """Split text into items; a non-blank line continues the item above it unless it is a
    list item, follows a line ending in a colon, or is itself a ``value: meaning`` line."""
    items: list[_Item] = []
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
            items.append(_Item(indent=indent, bullet=bullet is not None, text=""))
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
        glue = "" if _CJK.match(out[-1:]) or _CJK.match(part[:1]) else " "
        out = out + glue + part
    return out


def _looks_like_key_item(body: str) -> bool:
    match = _KEY_ITEM.match(body[:200])
    return bool(match and match.group(3) and match.group(1).lower() not in _LABELS)


def _split_key(item: _Item) -> None:
    match = _KEY_ITEM.match(item.text[:_TAIL])
    if match is None:
        return
    key, note = match.group(1).replace(" ", ""), match.group(2)
    if key.lower() in _LABELS or not _is_value(key):
        return
    item.key = key
    item.key_is_default = bool(note and _DEFAULT_MARK_WORDS.fullmatch(note))
    item.meaning = item.text[match.start(3):]


def _link(items: list[_Item]) -> None:
    """Set each item's parent (nearest earlier item indented less) and subtree end."""
    stack: list[int] = []
    for index, item in enumerate(items):
        while stack and items[stack[-1]].indent >= item.indent:
            items[stack.pop()].end = index
        item.parent = stack[-1] if stack else -1
        stack.append(index)
    for index in stack:
        items[index].end = len(items)


def _hidden_items(items: list[_Item]) -> list[bool]:
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


# --------------------------------------------------------------------------------------------
# Sentences

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？；;])\s*")
_EXAMPLE = _rx(r"\s*(?:for example|for instance|e\.g\.|example|例如|比如|示例|举例)")
_CONDITION = _rx(
    r"\b(?:if|unless|whenever|only when)\b|(?<!time )\bwhen\b|^\s*for (?!example|details|more)"
    r"|如果|假如|若|对于|针对|仅当|(?:^|[，,。\s])当(?!前)"
)
_EACH = _rx(r"\s*(?:each|every|每个|每一个)\b")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


# Cheap tests that a sentence can hold a fact of a kind at all, so that the many patterns of
# that kind run only on sentences that mention it.
_MAY_COUNT = _rx(r"\d|\b(?:up to|at most|maximum of|no more than)\b|empty string|空字符串")
_MAY_DEFAULT = _rx(r"default|默认|缺省")
_MAY_ENUM = _rx(r"[:：]|\bbe\b|\bis\b|\bset\b|只能|仅|固定|取值为")
_MAY_PREFIX = _rx(r"start|begin|以")
_MAY_FORMAT = _rx(r"yyyy|uuid|ipv[46]|cidr|\b[TZ]\b|[TZ]表示|net_address|dotted")


def _read_sentence(sentence: str, acc: _Facts) -> None:
    if len(sentence) > _MAX_SENTENCE or _EXAMPLE.match(sentence):
        return
    sentence = sentence.strip()
    _read_enum_extensions(sentence, acc)
    if _CONDITION.search(sentence):
        return
    taken: list[tuple[int, int]] = []
    if _MAY_COUNT.search(sentence):
        if not _EACH.match(sentence):
            _read_items(sentence, acc, taken)
            _read_lengths(sentence, acc, taken)
        _read_ranges(sentence, acc, taken)
    if _MAY_DEFAULT.search(sentence):
        _read_defaults(sentence, acc)
    if _MAY_ENUM.search(sentence):
        _read_inline_enum(sentence, acc)
    if _MAY_PREFIX.search(sentence):
        _read_prefixes(sentence, acc)
    if _MAY_FORMAT.search(sentence):
        _read_formats(sentence, acc)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


# --------------------------------------------------------------------------------------------
# Item counts of list parameters: "Valid values of N: 1 to 20", "最多支持20个"

_ITEMS_N = _rx(
    r"(?:valid values? of (?-i:N)|values? of (?-i:N)|the value of (?-i:N)|range of (?-i:N)"
    r"|(?-i:N)\s{0,2}的\s{0,2}取值(?:范围)?|(?<![A-Za-z])(?-i:N)\s{1,3}(?:ranges?|is))"
    rf"\s{{0,3}}(?:is|are|:|：|为|是|ranges?)?\s{{0,3}}(?:from\s{{1,3}})?({_INT}){_SEP}({_INT})"
)
_ITEMS_MAX = [
    _rx(
        r"\b(?:you can|you may|can be used to|supports?|allows?|accepts?)"
        r"(?:\s{1,3}(?:specify|add|enter|configure|set|attach|create|bind|query|associate"
        r"|select|pass|provide|include|use))?"
        r"\s{1,3}(?:up to|at most|a maximum of|no more than)"
        rf"\s{{1,3}}({_INT}|{_NUMWORD})\s{{1,3}}([A-Za-z][\w/-]{{0,30}})"
    ),
    _rx(
        rf"\b(?:up to|at most|a maximum of|no more than)\s{{1,3}}({_INT}|{_NUMWORD})"
        r"\s{1,3}([A-Za-z][\w/-]{0,30})(?:\s{1,3}[A-Za-z][\w-]{0,30}){0,4}?"
        r"\s{1,3}(?:can|may|are|is|will)\s{1,3}(?:be\s{1,3})?"
        r"(?:specified|configured|added|entered|set|attached|bound|returned|queried|supported"
        r"|allowed|included|associated|created|passed|provided|used)\b"
    ),
    _rx(
        r"(?:最多|至多|不(?:能|可|得)?超过)\s{0,2}(?:支持|可以|可|能)?\s{0,2}"
        r"(?:指定|添加|输入|配置|设置|传入|绑定|创建|选择|关联|填写|包含)?\s{0,3}"
        rf"({_INT})\s{{0,2}}(个)(?!\s{{0,3}}(?:(?:ASCII|Unicode|英文|中文|半角)\s{{0,3}})?字符)"
    ),
]
_UNIT_WORDS = frozenset(
    "character characters chars byte bytes second seconds minute minutes hour hours day days "
    "ms kb mb gb tb mbit/s gbit/s kbit/s percent digits digit bits bit".split()
)


def _read_items(sentence: str, acc: _Facts, taken: list[tuple[int, int]]) -> None:
    for match in _ITEMS_N.finditer(sentence):
        acc.add("min_items", int(match.group(1)), sentence)
        acc.add("max_items", int(match.group(2)), sentence)
        taken.append(match.span())
    for pattern in _ITEMS_MAX:
        for match in pattern.finditer(sentence):
            if match.group(2).lower() in _UNIT_WORDS or _overlaps(match.span(), taken):
                continue
            count = _NUMWORDS.get(match.group(1).lower(), match.group(1))
            acc.add("max_items", int(count), sentence)
            taken.append(match.span())


# --------------------------------------------------------------------------------------------
# String lengths: "must be 1 to 100 characters in length", "长度为2~128个字符", "不超过64个字符"

_NOT_DIGIT_BEFORE = r"(?<![A-Za-z0-9_.])"
_LEN_RANGE = [
    _rx(rf"{_NOT_DIGIT_BEFORE}({_INT}){_SEP}({_INT}){_CHARS}"),
    _rx(rf"\bbetween\s{{1,3}}({_INT})\s{{1,3}}and\s{{1,3}}({_INT}){_CHARS}"),
]
_LEN_MAX = [
    _rx(
        r"(?:\bup to|\bat most|\ba maximum of|\bmaximum of|\bno more than|\bnot more than"
        r"|\bnot exceed(?:ing)?|\bcannot exceed|\bcan't exceed|\bmust not exceed|\bdoes not exceed"
        r"|\bdo not exceed|\bno longer than|\bnot longer than|\bmaximum length (?:is|of)"
        r"|最多(?:支持|可以|可|能|为)?(?:输入|包含|填写)?|至多|不超过|不能超过|不得超过|不可超过"
        r"|不允许超过|长度限制为|长度上限为|长度最大为|最大长度为?|最长为?|最长不超过)"
        rf"\s{{0,3}}({_INT}){_CHARS}"
    ),
    _rx(rf"{_NOT_DIGIT_BEFORE}({_INT}){_CHARS}\s{{0,3}}(?:or (?:fewer|less)|以内|以下|之内)"),
]
_LEN_MIN = _rx(
    r"(?:\bat least|\bno (?:fewer|less) than|\bnot (?:fewer|less) than|\bminimum of|至少|不少于"
    rf"|不低于)\s{{0,3}}({_INT}){_CHARS}"
)
_LEN_EXACT = [
    _rx(
        r"(?:\bcontaining|\bcontains?|\bconsist(?:ing|s)? of|\bcomposed of|\ba string of"
        r"|\bmust be|\bexactly|长度为|长度是|固定为?)\s{0,3}(?:exactly\s{1,3})?"
        rf"({_INT}){_CHARS}"
    ),
    _rx(rf"[（(]\s{{0,2}}({_INT}){_CHARS}\s{{0,2}}[)）]"),
]
_LEN_LABELLED = [
    # OTC v3 pages: "Minimum length: 0", "Maximum length: 36" (bold already removed).
    ("min_length", _rx(rf"\b(?:minimum|min\.?) length\s{{0,3}}[:：]\s{{0,3}}({_INT})\b")),
    ("max_length", _rx(rf"\b(?:maximum|max\.?) length\s{{0,3}}[:：]\s{{0,3}}({_INT})\b")),
    ("min_length", _rx(rf"最小长度\s{{0,3}}[:：为]?\s{{0,3}}({_INT})")),
    ("max_length", _rx(rf"最大长度\s{{0,3}}[:：为]?\s{{0,3}}({_INT})")),
]
_NON_EMPTY = _rx(
    r"(?:cannot|can't|can not|must not|may not) be (?:an )?empty string"
    r"|不(?:允许|能|可|得)为空字符串|不能是空字符串"
)


def _read_lengths(sentence: str, acc: _Facts, taken: list[tuple[int, int]]) -> None:
    found_bounds = False
    for pattern in _LEN_RANGE:
        for match in pattern.finditer(sentence):
            if _overlaps(match.span(), taken):
                continue
            acc.add("min_length", int(match.group(1)), sentence)
            acc.add("max_length", int(match.group(2)), sentence)
            taken.append(match.span())
            found_bounds = True
    for pattern in _LEN_MAX:
        for match in pattern.finditer(sentence):
            if _overlaps(match.span(), taken):
                continue
            acc.add("max_length", int(match.group(1)), sentence)
            taken.append(match.span())
            found_bounds = True
    for name, pattern in _LEN_LABELLED:
        for match in pattern.finditer(sentence):
            if not _overlaps(match.span(), taken):
                acc.add(name, int(match.group(1)), sentence)
                taken.append(match.span())
                found_bounds = True
    for match in _LEN_MIN.finditer(sentence):
        if not _overlaps(match.span(), taken):
            acc.add("min_length", int(match.group(1)), sentence)
            taken.append(match.span())
            found_bounds = True
    if not found_bounds and not _has_alternative(sentence):
        for pattern in _LEN_EXACT:
            for match in pattern.finditer(sentence):
                if _overlaps(match.span(), taken):
                    continue
                acc.add("min_length", int(match.group(1)), sentence)
                acc.add("max_length", int(match.group(1)), sentence)
                taken.append(match.span())
    if _NON_EMPTY.search(sentence):
        acc.add("min_length", 1, sentence, weak=True)


# --------------------------------------------------------------------------------------------
# Number ranges: "Valid values: 1 to 20", "The value ranges from 60 to 604800", "最大值为50"

_RANGE = [
    _rx(
        r"(?:valid values?|value range|range of values?|values? range|supported range"
        r"|allowed range|valid range|(?<![A-Za-z])range|取值范围|数值范围|范围|取值)"
        r"\s{0,3}(?:is|are|:|：|为|是)?\s{0,3}(?:from\s{1,3}|between\s{1,3}|从)?"
        rf"({_NUM}){_SEP}({_NUM})"
    ),
    _rx(rf"\b(?:ranges?|ranging|varies|vary)\s{{1,3}}from\s{{1,3}}({_NUM})\s{{1,3}}to\s{{1,3}}({_NUM})"),
    _rx(rf"\bbetween\s{{1,3}}({_NUM})\s{{1,3}}and\s{{1,3}}({_NUM})"),
    _rx(rf"{_NOT_DIGIT_BEFORE}({_NUM})\s{{0,2}}(?:~|～|-|－|至|到)\s{{0,2}}({_NUM})\s{{0,3}}(?:之间|以内|范围内)"),
]
_RANGE_BAD_FOLLOW = _rx(
    rf"\s{{0,3}}(?:[、,，]\s{{0,3}}[-+]?\d|or\s|and\s|或|和|、|[-–—~～/:.]\d|{_CHARS})"
)
_ITEM_INDEX_BEFORE = _rx(r"(?:\bof\s{1,3}(?-i:N)|(?<![A-Za-z])(?-i:N)\s{0,2}的?)\s{0,3}$")
_MAXIMUM = [
    _rx(
        r"(?:maximum value|max value|\bthe maximum is|\bmax(?:imum)?(?=\s{0,3}[:：])"
        r"|最大值|最大取值|上限)"
        rf"\s{{0,3}}(?:is|:|：|为|是)?\s{{0,3}}({_NUM})(?!\d|{_CHARS}|\s{{0,2}}个)"
    ),
    _rx(
        r"(?:less than or equal to|no (?:greater|more|larger) than"
        r"|not (?:greater|more|larger) than|cannot (?:be greater than|be larger than|exceed)"
        r"|must not exceed|小于等于|小于或等于|不大于"
        rf"|不超过|不能超过|不得超过)\s{{0,3}}({_NUM})(?=\s{{0,3}}(?:[.,;。，；)]|$|and\b|且|并且))"
    ),
]
_MINIMUM = [
    _rx(
        r"(?:minimum value|min value|\bthe minimum is|\bmin(?:imum)?(?=\s{0,3}[:：])"
        r"|最小值|最小取值|下限)"
        rf"\s{{0,3}}(?:is|:|：|为|是)?\s{{0,3}}({_NUM})(?!\d|{_CHARS}|\s{{0,2}}个)"
    ),
    _rx(
        r"(?:greater than or equal to|no (?:less|smaller|fewer) than|not (?:less|smaller) than"
        r"|cannot be (?:less|smaller) than|大于等于|大于或等于|不小于|不低于)"
        rf"\s{{0,3}}({_NUM})(?=\s{{0,3}}(?:[.,;。，；)]|$|and\b|且|并且))"
    ),
]


_LENGTH_BEFORE = _rx(r"\blength|长度")


def _read_ranges(sentence: str, acc: _Facts, taken: list[tuple[int, int]]) -> None:
    for pattern in _RANGE:
        for match in pattern.finditer(sentence):
            if _overlaps(match.span(), taken):
                continue
            if _RANGE_BAD_FOLLOW.match(sentence, match.end()):
                continue
            if _ITEM_INDEX_BEFORE.search(sentence[max(0, match.start() - 12):match.start()]):
                continue
            low, high = _number(match.group(1)), _number(match.group(2))
            if _is_about_length(sentence, match.start()):
                if low.isdigit() and high.isdigit():
                    acc.add("min_length", int(low), sentence)
                    acc.add("max_length", int(high), sentence)
            else:
                acc.add("minimum", low, sentence)
                acc.add("maximum", high, sentence)
            taken.append(match.span())
    for name, patterns in (("maximum", _MAXIMUM), ("minimum", _MINIMUM)):
        for pattern in patterns:
            for match in pattern.finditer(sentence):
                if _overlaps(match.span(), taken):
                    continue
                value = _number(match.group(1))
                if _is_about_length(sentence, match.start()):
                    if value.isdigit():
                        acc.add("max_length" if name == "maximum" else "min_length",
                                int(value), sentence)
                else:
                    acc.add(name, value, sentence)
                taken.append(match.span())


def _is_about_length(sentence: str, start: int) -> bool:
    """"长度范围为1~64", "The length cannot exceed 64": a bound on the length, not the value."""
    return bool(_LENGTH_BEFORE.search(sentence[max(0, start - 16):start + 4]))


def _number(text: str) -> str:
    return text.replace(",", "")


# --------------------------------------------------------------------------------------------
# Defaults: "Default value: 10", "默认值为aes", "The default mode is static", "false (default)"

_DEFAULT_INTRO = [
    _rx(r"(?:\bdefault value|\bdefault|默认值|缺省值|默认取值)\s{0,3}(?:is|:|：|为|是)\s{0,3}"),
    _rx(r"默认(?:为|是)\s{0,3}"),
    _rx(r"\bthe default (?!unit\b|units\b|format\b|value of\b)[a-z][a-z-]{1,20} is\s{1,3}"),
    _rx(r"\bdefaults? to\s{1,3}"),
]
_DEFAULT_BY = _rx(
    r"\b(?:which|it|this parameter|the value|this value) is\s{1,3}"
    rf"({_WORD})(?:\s{{1,3}}(?:seconds?|minutes?|hours?|days?))?\s{{1,3}}by default\b"
)
_DEFAULT_MARK = _rx(
    rf"(?<![A-Za-z0-9_.:/+@-])({_WORD})\s{{0,2}}"
    r"[（(]\s{0,2}(?:default(?: value)?|默认值?|缺省值?|默认选项)\s{0,2}[)）]"
)
_SCALAR_CUT = re.compile(r"[，,；;。（(]|\.(?:\s|$)|\s-\s")
_NUMBER_WITH_UNIT = _rx(
    rf"({_NUM})\s{{0,3}}(?:seconds?|minutes?|hours?|days?|ms|秒|分钟|小时|天|Mbit/s|Gbit/s|MB|GB|%)"
)


def _read_defaults(sentence: str, acc: _Facts) -> None:
    for pattern in _DEFAULT_INTRO:
        for match in pattern.finditer(sentence):
            value = _scalar(sentence[match.end():match.end() + _TAIL])
            if value is not None:
                acc.add("default", value, sentence)
    for pattern in (_DEFAULT_BY, _DEFAULT_MARK):
        for match in pattern.finditer(sentence):
            if _is_value(match.group(1)):
                acc.add("default", match.group(1), sentence)


def _scalar(tail: str) -> str | None:
    """The single value at the start of ``tail``, or None when it is a phrase."""
    cut = _SCALAR_CUT.search(tail)
    candidate = _strip_value(tail[:cut.start()] if cut else tail)
    if _is_value(candidate):
        return candidate
    unit = _NUMBER_WITH_UNIT.fullmatch(candidate)
    return unit.group(1) if unit else None


# --------------------------------------------------------------------------------------------
# Allowed values: "Valid values: a, b, and c", "The value can be v1 or v2.", "取值：ikev1或ikev2"

_ENUM_WORDS = (
    r"(?:(?<![A-Za-z])(?<!default )(?<!maximum )(?<!minimum )(?<!tag )(?<!key )"
    r"(?:valid values?|valid options?|value range|values|possible values?"
    r"|allowed values?|supported values?|optional values?|enumerat(?:ed|ion) values?|options"
    r"|the following values(?: are supported| are available| are allowed)?)"
    r"\s{0,3}(?:are|is|include|includes|are as follows)?"
    r"|取值范围|取值(?:如下)?|可选值|枚举值|有效值|可取值|仅取值|可选项)\s{0,3}[:：]"
)
"""Phrases that introduce allowed values: "Valid values:", "Value range:", "取值："."""
_ENUM_COLON = _rx(_ENUM_WORDS + r"\s{0,3}")
_ENUM_PHRASES = [
    _rx(
        r"\b(?:the value|this value|the parameter|this parameter|it|the valid value|valid value"
        r"|the value of this parameter)\s{1,3}(?:can|may|must|should)(?:\s{1,3}only)?\s{1,3}be"
        r"(?:\s{1,3}(?:set to|one of(?: the following)?))?\s{1,3}"
    ),
    _rx(r"\bwhich can(?:\s{1,3}only)?\s{1,3}be\s{1,3}"),
    _rx(r"\b(?:the value|this value) is(?:\s{1,3}either)?\s{1,3}"),
    _rx(
        r"^\s*set (?:the value|this parameter|the parameter|it|the value of this parameter)"
        r" to\s{1,3}"
    ),
    _rx(r"(?:只能为|只能是|仅能为|仅可为|仅可以为|固定为|固定值为|取值只能为|仅支持|(?<!默认)取值为)\s{0,3}"),
]
_LIST_CUT = _rx(
    r"[，；;。]|\.(?:\s|$)|,\s{0,2}(?:indicating|which|that|meaning|where|respectively|for example"
    r"|e\.g\.|such as|in\b|and so on)|\s{0,2}\((?:for example|e\.g\.)"
)
_LIST_SPLIT = _rx(
    r"\s{0,3}(?:,\s{0,3}(?:or|and)\s{1,3}|\s{1,3}(?:or|and)\s{1,3}|[,、|｜]|或者|或|和|以及|及)\s{0,3}"
)
_ANNOTATION = re.compile(r"\s{0,2}[（(][^()（）]{0,60}[)）]")
_NUMBER_RANGE = _rx(rf"\s*{_NUM}{_SEP}{_NUM}\s*[.。]?\s*")
_REFERS_ELSEWHERE = _rx(
    r"for (?:the|more|details about the|details on the) (?:value range|valid values)"
    r"|for (?:the )?(?:valid|supported|possible) values, see|取值范围(?:请)?(?:参见|参考|详见)"
    r"|取值(?:请)?(?:参见|详见)"
)


# "The identifier can be create or delete.": any subject, so only a list of two or more counts
# ("The parameter can be ignored." names no value).
_ENUM_LIST_PHRASE = _rx(
    r"\b(?:the|this|its)\s{1,3}[A-Za-z_]{2,30}\s{1,3}(?:can|may)\s{1,3}be\s{1,3}"
)


def _read_inline_enum(sentence: str, acc: _Facts) -> None:
    for pattern in (_ENUM_COLON, *_ENUM_PHRASES, _ENUM_LIST_PHRASE):
        for match in pattern.finditer(sentence):
            values = _value_list(_list_text(sentence[match.end():match.end() + _TAIL]))
            if values and (pattern is not _ENUM_LIST_PHRASE or len(values) > 1):
                acc.add_enum(values, sentence)


def _list_text(tail: str) -> str:
    """The list at the start of ``tail``, up to where the sentence moves on. A full-width
    comma ends a clause ("取值：ecs，表示云服务器") unless what follows it is one more value
    ("取值：ecs，eni，vip"): then it separates values, as "、" does."""
    end = 0
    while True:
        cut = _LIST_CUT.search(tail, end)
        if cut is None:
            return tail.replace("，", ",")
        following = _LIST_CUT.search(tail, cut.end()) if cut.group() == "，" else None
        segment = tail[cut.end():following.start() if following else len(tail)]
        if cut.group() != "，" or (end == 0 and not _value_list(tail[:cut.start()])) \
                or not _value_list(segment):
            return tail[:cut.start()].replace("，", ",")
        end = cut.end()


# "ISP can also be ChinaTelecom or ChinaUnicom", "you can set the ISP field to ChinaTelecom",
# "ISP字段可以设置为ChinaTelecom、ChinaUnicom": more values the parameter accepts, often under a
# condition. They never make a list of allowed values on their own; they only widen one that
# the description states, so that the contract does not reject what the page allows.
_ENUM_EXTENSIONS = [
    _rx(r"\b(?:can|may)\s{1,3}also\s{1,3}be(?:\s{1,3}set\s{1,3}to)?\s{1,3}"),
    _rx(r"\b(?:can|may)(?:\s{1,3}also)?\s{1,3}set\s{1,3}(?:the\s{1,3}|this\s{1,3}|it\s{1,3})?"
        r"(?:[A-Za-z_]{1,40}\s{1,3})?(?:field\s{1,3}|parameter\s{1,3}|value\s{1,3})?to\s{1,3}"),
    _rx(r"(?:还|也)?(?:可以|可)(?:设置|设|指定)为\s{0,3}|(?:还|也)(?:可以|可)(?:为|是|取值为?)\s{0,3}"),
]


def _read_enum_extensions(sentence: str, acc: _Facts) -> None:
    for pattern in _ENUM_EXTENSIONS:
        for match in pattern.finditer(sentence):
            values = _value_list(_list_text(sentence[match.end():match.end() + _TAIL]))
            if values:
                acc.add_enum_extension(values, sentence)


def _value_list(text: str) -> list[str] | None:
    """The values of "a, b, or c" / "a、b或c" / "a|b", or None unless every part is a value."""
    if not text.strip() or _NUMBER_RANGE.fullmatch(text):
        return None
    values = []
    for part in _LIST_SPLIT.split(text):
        value = _strip_value(_ANNOTATION.sub("", part))
        if not value:
            continue
        if not _is_value(value) or _NUMBER_RANGE.fullmatch(value):
            return None
        values.append(value)
    return values or None


def _strip_value(text: str) -> str:
    return text.strip().strip("\"'“”‘’`").rstrip(".。").strip()


def _is_value(token: str) -> bool:
    return (
        bool(_TOKEN_RE.fullmatch(token))
        and token not in _NOT_VALUES  # prose words are lower case; "DEPRECATED" is a value
        and not token.endswith(":")
    )


# The last sentence of an item ends in "Valid values:" / "- Default value:": the values follow.
_TRAILING_ENUM = _rx(_ENUM_WORDS + r"\s*$")
_TRAILING_DEFAULT = _rx(r"(?:default value|default|默认值|缺省值|默认取值)\s{0,3}[:：]\s*$")
_TRAILING_RANGE = _rx(rf"\s*({_NUM}){_SEP}({_NUM})\s*[.。]?\s*")


def _read_trailing_intro(items: list[_Item], index: int, last: str, acc: _Facts) -> None:
    tail = last[-80:]
    if _TRAILING_DEFAULT.search(tail):
        following = _scope(items, index)
        if following:
            value = _scalar(following[0].text)
            if value is not None:
                acc.add("default", value, items[index].text + " " + following[0].raw)
        return
    if not _TRAILING_ENUM.search(tail):
        return
    following = _scope(items, index)
    if not following:
        return
    bounds = _TRAILING_RANGE.fullmatch(following[0].text)
    if bounds is not None:
        evidence = items[index].text + " " + following[0].text
        acc.add("minimum", _number(bounds.group(1)), evidence)
        acc.add("maximum", _number(bounds.group(2)), evidence)
        return
    values = _values_of(following)
    if values:
        acc.add_enum(values, " ".join([items[index].text, *(item.raw for item in following)]))


def _scope(items: list[_Item], index: int) -> list[_Item]:
    """The items an introducing item at ``index`` introduces, at their own level.

    A list item introduces its children; a paragraph introduces what follows at its level or
    deeper, up to the next paragraph at its own level that does not name a value.
    """
    intro = items[index]
    out: list[_Item] = []
    stop = min(len(items), index + 1 + _MAX_SCAN)
    if intro.bullet:
        for inner in range(index + 1, min(intro.end, stop)):
            if items[inner].parent == index:
                out.append(items[inner])
                if len(out) > _MAX_LIST:
                    break
        if not out:
            # Flattened ("- Value range:\n- main: ...\n- aggressive: ..."): the values are the
            # following list items, up to the first one that is a sentence or a label.
            for inner in range(index + 1, stop):
                item = items[inner]
                if item.parent != intro.parent or not item.bullet:
                    break
                if item.key is None and (
                    _classify(item.text) == "prose" or _LABEL_COLON.search(item.text[:_TAIL])
                ):
                    break
                out.append(item)
                if len(out) > _MAX_LIST:
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
        if len(out) > _MAX_LIST:
            break
    return out


_LABEL_COLON = re.compile(r"[:：]")


def _classify(text: str) -> str:
    """"values" for a value or list of values, "prose" for a sentence, else "unclear"."""
    if _value_list(_strip_value(text)):
        return "values"
    if _CJK.search(text) or text.rstrip().endswith((".", "。", "!", "?", "：", ":")):
        return "prose"
    return "prose" if len(text.split()) >= 4 else "unclear"


def _values_of(following: list[_Item]) -> list[str] | None:
    if len(following) > _MAX_LIST:
        return None
    values: list[str] = []
    for item in following:
        if item.key is not None:
            values.append(item.key)
            continue
        kind = _classify(item.text)
        if kind == "values":
            values.extend(_value_list(_strip_value(item.text)) or ())
        elif kind == "unclear":
            return None
    return values or None


_FACTISH = _rx(r"取值|默认值|长度|valid values?|value range|default value|characters|字符")
_FIELD_PATH = re.compile(r"[A-Za-z]\w*\.[A-Za-z]")
_CONTAINER = _rx(
    r"\b(?:configurations?|config|settings|parameters?|fields?|properties|attributes|members"
    r"|information|info|object|structure|contains|includes|consists|following)\b"
    r"|配置|参数|字段|属性|信息|结构|包含|包括|如下|以下"
)


def _read_sibling_lists(items: list[_Item], hidden: list[bool], acc: _Facts) -> None:
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
        if len(members) < 2 or len(members) > _MAX_LIST:
            continue
        bullets = [items[i] for i in members]
        if any(
            b.key is None or _FACTISH.search(b.meaning[:_MAX_SENTENCE]) or _FIELD_PATH.match(b.key)
            for b in bullets
        ):
            continue
        before = items[members[0] - 1] if members[0] > 0 else None
        if before is not None and not before.bullet and _CONTAINER.search(before.text[-300:]) \
                and not _TRAILING_ENUM.search(before.text[-80:]):
            continue
        acc.add_enum([b.key for b in bullets if b.key], bullets[0].raw)


# --------------------------------------------------------------------------------------------
# Forbidden prefixes: "cannot start with http:// or https://", "不能以aliyun和acs:开头"

_PREFIX_EN = _rx(
    r"\b(?:cannot|can't|can not|must not|should not|may not|shall not|do not|does not)"
    r"\s{1,3}(?:start|begin)\s{1,3}with\s{1,3}"
)
_PREFIX_ZH = _rx(
    r"(?:不能|不可|不得|不允许|禁止)以\s{0,3}([^。；;\n]{1,80}?)\s{0,3}(?:开头|开始|为前缀)"
)
_PREFIX_CUT = _rx(
    r"[，,；;。]|\.(?:\s|$)|\s(?:and|but)\s{1,3}(?:cannot|can|must|it|should|may|is)\b"
)
_PREFIX_SPLIT = _rx(
    r"\s{0,3}(?:,\s{0,3}(?:or|and)\s{1,3}|\s{1,3}(?:or|and)\s{1,3}|或者|或|和|、|,)\s{0,3}"
)
_PREFIX_TOKEN = re.compile(r"[A-Za-z0-9_.:/+@#$&*=?-]{1,32}")


def _read_prefixes(sentence: str, acc: _Facts) -> None:
    candidates: list[str] = []
    for match in _PREFIX_EN.finditer(sentence):
        tail = sentence[match.end():match.end() + _TAIL]
        cut = _PREFIX_CUT.search(tail)
        candidates.append(tail[:cut.start()] if cut else tail)
    candidates.extend(match.group(1) for match in _PREFIX_ZH.finditer(sentence))
    for candidate in candidates:
        parts = [p.strip().strip("\"'“”‘’`") for p in _PREFIX_SPLIT.split(candidate)]
        parts = [p for p in parts if p]
        if parts and all(
            _PREFIX_TOKEN.fullmatch(p) and p not in _NOT_VALUES for p in parts
        ):
            acc.add_prefixes(parts, sentence)


# --------------------------------------------------------------------------------------------
# Formats: "yyyy-MM-ddTHH:mm:ssZ", "The value is a UUID", "IPv4 address in dotted decimal"

_FORMAT_NOUNS = (
    ("uuid", r"UUID"),
    ("ipv4", r"IPv4 address(?:es)?"),
    ("ipv6", r"IPv6 address(?:es)?"),
    ("cidr", r"(?:IPv4 |IPv6 )?CIDR block"),
)
_FORMAT_CLAIMS = [
    *(
        (name, _rx(
            r"\b(?:is|be|are)\s{1,3}(?:an?\s{1,3})?(?:valid\s{1,3}|standard\s{1,3}|public\s{1,3}"
            rf"|private\s{{1,3}})?{noun}\b"
        ))
        for name, noun in _FORMAT_NOUNS
    ),
    ("date-time", _rx(
        r"y{4}-m{2}-d{2}\s{0,2}t\s{0,2}h{2}:m{2}(?::s{2})?(?:\.s{1,9})?\s{0,2}"
        r"(?:z|[+±]\s{0,2}h{2}:?m{2})"
    )),
    ("date-time", _rx(
        r"\bT (?:is used as|indicates|represents|is) (?:a |the )?(?:delimiter|separator)"
    )),
    ("date-time", _rx(r"\bZ (?:indicates|means|represents|stands for)\b[^.。]{0,40}?\bUTC")),
    ("date-time", _rx(r"T表示(?:时间)?分隔符|Z表示(?:的是)?\s{0,2}UTC")),
    ("date", _rx(r"y{4}-m{2}-d{2}(?![\sTt]{0,3}h)")),
    ("uuid", _rx(r"\bUUID format\b|\bformat of (?:a )?UUID\b|UUID格式")),
    ("ipv4", _rx(r"\bIPv4 address(?:es)? in dotted decimal\b|\bdotted[- ]decimal notation\b")),
    ("cidr", _rx(
        r"\bin CIDR (?:format|notation)\b|CIDR格式"
        r"|<\s{0,2}net_address\s{0,2}>\s{0,2}/\s{0,2}<\s{0,2}prefix\s{0,2}>"
    )),
]
_ALTERNATIVE = _rx(r"\s(?:or|或)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?")
_ALTERNATIVE_NOUN = _rx(
    r"(?:valid\s{1,3}|standard\s{1,3}|public\s{1,3}|private\s{1,3})?(?:"
    + "|".join(f"(?P<{name}>{noun})" for name, noun in _FORMAT_NOUNS)
    + r")\b"
)
_EXAMPLE_CUT = _rx(r",?\s{0,2}\(?\s{0,2}(?:for example|e\.g\.|例如|比如)")


def _has_alternative(sentence: str) -> bool:
    """Whether the sentence offers the value as one of several things ("a UUID containing 36
    characters or an IPv4 address", "a UUID (36 characters) or 0"): then a length it states
    holds for one of them only."""
    cut = _EXAMPLE_CUT.search(sentence)
    return bool(_ALTERNATIVE.search(sentence[:cut.start()] if cut else sentence))


def _read_formats(sentence: str, acc: _Facts) -> None:
    cut = _EXAMPLE_CUT.search(sentence)
    text = sentence[:cut.start()] if cut else sentence
    found: list[tuple[int, str]] = []
    for name, pattern in _FORMAT_CLAIMS:
        match = pattern.search(text)
        if match is not None:
            found.append((match.start(), name))
    if not found:
        return
    found.sort()
    names = [name for _, name in found]
    for alternative in _ALTERNATIVE.finditer(text, found[0][0]):
        noun = _ALTERNATIVE_NOUN.match(text, alternative.end())
        if noun is None:
            return  # "a UUID (36 characters) or 0": one of things no format names
        names.append(noun.lastgroup or "")
    for name in names:
        acc.add_format(name, sentence)


# --------------------------------------------------------------------------------------------
# Collecting facts


class _Facts:
    """Facts as they are found; a scalar stated with two different values is dropped."""

    _SCALARS = ("minimum", "maximum", "min_length", "max_length", "min_items", "max_items",
                "default")

    def __init__(self) -> None:
        self.scalars: dict[str, list[tuple[object, str, bool]]] = {}
        self.enum: list[str] = []
        self.enum_seen: set[str] = set()
        self.enum_evidence = ""
        self.extension: list[str] = []
        self.extension_seen: set[str] = set()
        self.prefixes: list[str] = []
        self.prefixes_seen: set[str] = set()
        self.prefix_evidence = ""
        self.formats: list[str] = []
        self.format_evidence = ""

    def add(self, name: str, value: object, evidence: str, weak: bool = False) -> None:
        self.scalars.setdefault(name, []).append((value, evidence, weak))

    def add_enum(self, values: list[str], evidence: str) -> None:
        if not self.enum:
            self.enum_evidence = evidence
        _extend_unique(self.enum, self.enum_seen, values)

    def add_enum_extension(self, values: list[str], evidence: str) -> None:
        _extend_unique(self.extension, self.extension_seen, values)

    def drop_enum(self) -> None:
        self.enum = []
        self.extension = []

    def add_prefixes(self, values: list[str], evidence: str) -> None:
        if not self.prefixes:
            self.prefix_evidence = evidence
        _extend_unique(self.prefixes, self.prefixes_seen, values)

    def add_format(self, name: str, evidence: str) -> None:
        if name and name not in self.formats:
            if not self.formats:
                self.format_evidence = evidence
            self.formats.append(name)

    def build(self) -> ProseFacts:
        values: dict[str, object] = {}
        evidence: list[tuple[str, str]] = []
        for name in self._SCALARS:
            found = self.scalars.get(name)
            if not found:
                continue
            strong = [entry for entry in found if not entry[2]] or found
            if len({entry[0] for entry in strong}) == 1:
                values[name] = strong[0][0]
                evidence.append((name, _evidence(strong[0][1])))
        if self.enum:
            _extend_unique(self.enum, self.enum_seen, self.extension)
            evidence.append(("enum", _evidence(self.enum_evidence)))
        if self.prefixes:
            evidence.append(("forbidden_prefixes", _evidence(self.prefix_evidence)))
        if self.formats:
            evidence.append(("formats", _evidence(self.format_evidence)))
        return ProseFacts(
            minimum=_opt_str(values.get("minimum")),
            maximum=_opt_str(values.get("maximum")),
            min_length=_opt_int(values.get("min_length")),
            max_length=_opt_int(values.get("max_length")),
            min_items=_opt_int(values.get("min_items")),
            max_items=_opt_int(values.get("max_items")),
            enum=tuple(self.enum),
            default=_opt_str(values.get("default")),
            forbidden_prefixes=tuple(self.prefixes),
            formats=tuple(self.formats),
            evidence=tuple(evidence),
        )


def _extend_unique(values: list[str], seen: set[str], new: list[str]) -> None:
    for value in new:
        if value not in seen:
            seen.add(value)
            values.append(value)


def _evidence(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "..."


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: object) -> int | None:
    return value if isinstance(value, int) else None
