"""Numbers a sentence states: item counts of list parameters, string lengths and value ranges.
They share one ``taken`` list of spans so that one phrase is never read as two facts."""
from __future__ import annotations

from .facts import FactCollector
from .lexicon import CHARS, INT, NUM, NUMWORD, NUMWORDS, SEP, rx
from .shapes import has_alternative


def overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


# --------------------------------------------------------------------------------------------
# Item counts of list parameters: "Valid values of N: 1 to 20", "最多支持20个"

_ITEMS_N = rx(
    r"(?:valid values? of (?-i:N)|values? of (?-i:N)|the value of (?-i:N)|range of (?-i:N)"
    r"|(?-i:N)\s{0,2}的\s{0,2}取值(?:范围)?|(?<![A-Za-z])(?-i:N)\s{1,3}(?:ranges?|is))"
    rf"\s{{0,3}}(?:is|are|:|：|为|是|ranges?)?\s{{0,3}}(?:from\s{{1,3}})?({INT}){SEP}({INT})"
)
_ITEMS_MAX = [
    rx(
        r"\b(?:you can|you may|can be used to|supports?|allows?|accepts?)"
        r"(?:\s{1,3}(?:specify|add|enter|configure|set|attach|create|bind|query|associate"
        r"|select|pass|provide|include|use))?"
        r"\s{1,3}(?:up to|at most|a maximum of|no more than)"
        rf"\s{{1,3}}({INT}|{NUMWORD})\s{{1,3}}([A-Za-z][\w/-]{{0,30}})"
    ),
    rx(
        rf"\b(?:up to|at most|a maximum of|no more than)\s{{1,3}}({INT}|{NUMWORD})"
        r"\s{1,3}([A-Za-z][\w/-]{0,30})(?:\s{1,3}[A-Za-z][\w-]{0,30}){0,4}?"
        r"\s{1,3}(?:can|may|are|is|will)\s{1,3}(?:be\s{1,3})?"
        r"(?:specified|configured|added|entered|set|attached|bound|returned|queried|supported"
        r"|allowed|included|associated|created|passed|provided|used)\b"
    ),
    rx(
        r"(?:最多|至多|不(?:能|可|得)?超过)\s{0,2}(?:支持|可以|可|能)?\s{0,2}"
        r"(?:指定|添加|输入|配置|设置|传入|绑定|创建|选择|关联|填写|包含)?\s{0,3}"
        rf"({INT})\s{{0,2}}(个)(?!\s{{0,3}}(?:(?:ASCII|Unicode|英文|中文|半角)\s{{0,3}})?字符)"
    ),
]
_UNIT_WORDS = frozenset(
    "character characters chars byte bytes second seconds minute minutes hour hours day days "
    "ms kb mb gb tb mbit/s gbit/s kbit/s percent digits digit bits bit".split()
)


def read_items(sentence: str, acc: FactCollector, taken: list[tuple[int, int]]) -> None:
    for match in _ITEMS_N.finditer(sentence):
        acc.add("min_items", int(match.group(1)), sentence)
        acc.add("max_items", int(match.group(2)), sentence)
        taken.append(match.span())
    for pattern in _ITEMS_MAX:
        for match in pattern.finditer(sentence):
            if match.group(2).lower() in _UNIT_WORDS or overlaps(match.span(), taken):
                continue
            count = NUMWORDS.get(match.group(1).lower(), match.group(1))
            acc.add("max_items", int(count), sentence)
            taken.append(match.span())


# --------------------------------------------------------------------------------------------
# String lengths: "must be 1 to 100 characters in length", "长度为2~128个字符", "不超过64个字符"

_NOT_DIGIT_BEFORE = r"(?<![A-Za-z0-9_.])"
_LEN_RANGE = [
    rx(rf"{_NOT_DIGIT_BEFORE}({INT}){SEP}({INT}){CHARS}"),
    rx(rf"\bbetween\s{{1,3}}({INT})\s{{1,3}}and\s{{1,3}}({INT}){CHARS}"),
]
_LEN_MAX = [
    rx(
        r"(?:\bup to|\bat most|\ba maximum of|\bmaximum of|\bno more than|\bnot more than"
        r"|\bnot exceed(?:ing)?|\bcannot exceed|\bcan't exceed|\bmust not exceed|\bdoes not exceed"
        r"|\bdo not exceed|\bno longer than|\bnot longer than|\bmaximum length (?:is|of)"
        r"|最多(?:支持|可以|可|能|为)?(?:输入|包含|填写)?|至多|不超过|不能超过|不得超过|不可超过"
        r"|不允许超过|长度限制为|长度上限为|长度最大为|最大长度为?|最长为?|最长不超过)"
        rf"\s{{0,3}}({INT}){CHARS}"
    ),
    rx(rf"{_NOT_DIGIT_BEFORE}({INT}){CHARS}\s{{0,3}}(?:or (?:fewer|less)|以内|以下|之内)"),
]
_LEN_MIN = rx(
    r"(?:\bat least|\bno (?:fewer|less) than|\bnot (?:fewer|less) than|\bminimum of|至少|不少于"
    rf"|不低于)\s{{0,3}}({INT}){CHARS}"
)
_LEN_EXACT = [
    rx(
        r"(?:\bcontaining|\bcontains?|\bconsist(?:ing|s)? of|\bcomposed of|\ba string of"
        r"|\bmust be|\bexactly|长度为|长度是|固定为?)\s{0,3}(?:exactly\s{1,3})?"
        rf"({INT}){CHARS}"
    ),
    rx(rf"[（(]\s{{0,2}}({INT}){CHARS}\s{{0,2}}[)）]"),
]
_LEN_LABELLED = [
    # OTC v3 pages: "Minimum length: 0", "Maximum length: 36" (bold already removed).
    ("min_length", rx(rf"\b(?:minimum|min\.?) length\s{{0,3}}[:：]\s{{0,3}}({INT})\b")),
    ("max_length", rx(rf"\b(?:maximum|max\.?) length\s{{0,3}}[:：]\s{{0,3}}({INT})\b")),
    ("min_length", rx(rf"最小长度\s{{0,3}}[:：为]?\s{{0,3}}({INT})")),
    ("max_length", rx(rf"最大长度\s{{0,3}}[:：为]?\s{{0,3}}({INT})")),
]
_NON_EMPTY = rx(
    r"(?:cannot|can't|can not|must not|may not) be (?:an )?empty string"
    r"|不(?:允许|能|可|得)为空字符串|不能是空字符串"
)


def read_lengths(sentence: str, acc: FactCollector, taken: list[tuple[int, int]]) -> None:
    found_bounds = False
    for pattern in _LEN_RANGE:
        for match in pattern.finditer(sentence):
            if overlaps(match.span(), taken):
                continue
            acc.add("min_length", int(match.group(1)), sentence)
            acc.add("max_length", int(match.group(2)), sentence)
            taken.append(match.span())
            found_bounds = True
    for pattern in _LEN_MAX:
        for match in pattern.finditer(sentence):
            if overlaps(match.span(), taken):
                continue
            acc.add("max_length", int(match.group(1)), sentence)
            taken.append(match.span())
            found_bounds = True
    for name, pattern in _LEN_LABELLED:
        for match in pattern.finditer(sentence):
            if not overlaps(match.span(), taken):
                acc.add(name, int(match.group(1)), sentence)
                taken.append(match.span())
                found_bounds = True
    for match in _LEN_MIN.finditer(sentence):
        if not overlaps(match.span(), taken):
            acc.add("min_length", int(match.group(1)), sentence)
            taken.append(match.span())
            found_bounds = True
    if not found_bounds and not has_alternative(sentence):
        for pattern in _LEN_EXACT:
            for match in pattern.finditer(sentence):
                if overlaps(match.span(), taken):
                    continue
                acc.add("min_length", int(match.group(1)), sentence)
                acc.add("max_length", int(match.group(1)), sentence)
                taken.append(match.span())
    if _NON_EMPTY.search(sentence):
        acc.add("min_length", 1, sentence, weak=True)


# --------------------------------------------------------------------------------------------
# Number ranges: "Valid values: 1 to 20", "The value ranges from 60 to 604800", "最大值为50"

_RANGE = [
    rx(
        r"(?:valid values?|value range|range of values?|values? range|supported range"
        r"|allowed range|valid range|(?<![A-Za-z])range|取值范围|数值范围|范围|取值)"
        r"\s{0,3}(?:is|are|:|：|为|是)?\s{0,3}(?:from\s{1,3}|between\s{1,3}|从)?"
        rf"({NUM}){SEP}({NUM})"
    ),
    rx(rf"\b(?:ranges?|ranging|varies|vary)\s{{1,3}}from\s{{1,3}}({NUM})\s{{1,3}}to\s{{1,3}}({NUM})"),
    rx(rf"\bbetween\s{{1,3}}({NUM})\s{{1,3}}and\s{{1,3}}({NUM})"),
    rx(rf"{_NOT_DIGIT_BEFORE}({NUM})\s{{0,2}}(?:~|～|-|－|至|到)\s{{0,2}}({NUM})\s{{0,3}}(?:之间|以内|范围内)"),
]
_RANGE_BAD_FOLLOW = rx(
    rf"\s{{0,3}}(?:[、,，]\s{{0,3}}[-+]?\d|or\s|and\s|或|和|、|[-–—~～/:.]\d|{CHARS})"
)
_ITEM_INDEX_BEFORE = rx(r"(?:\bof\s{1,3}(?-i:N)|(?<![A-Za-z])(?-i:N)\s{0,2}的?)\s{0,3}$")
_MAXIMUM = [
    rx(
        r"(?:maximum value|max value|\bthe maximum is|\bmax(?:imum)?(?=\s{0,3}[:：])"
        r"|最大值|最大取值|上限)"
        rf"\s{{0,3}}(?:is|:|：|为|是)?\s{{0,3}}({NUM})(?!\d|{CHARS}|\s{{0,2}}个)"
    ),
    rx(
        r"(?:less than or equal to|no (?:greater|more|larger) than"
        r"|not (?:greater|more|larger) than|cannot (?:be greater than|be larger than|exceed)"
        r"|must not exceed|小于等于|小于或等于|不大于"
        rf"|不超过|不能超过|不得超过)\s{{0,3}}({NUM})(?=\s{{0,3}}(?:[.,;。，；)]|$|and\b|且|并且))"
    ),
]
_MINIMUM = [
    rx(
        r"(?:minimum value|min value|\bthe minimum is|\bmin(?:imum)?(?=\s{0,3}[:：])"
        r"|最小值|最小取值|下限)"
        rf"\s{{0,3}}(?:is|:|：|为|是)?\s{{0,3}}({NUM})(?!\d|{CHARS}|\s{{0,2}}个)"
    ),
    rx(
        r"(?:greater than or equal to|no (?:less|smaller|fewer) than|not (?:less|smaller) than"
        r"|cannot be (?:less|smaller) than|大于等于|大于或等于|不小于|不低于)"
        rf"\s{{0,3}}({NUM})(?=\s{{0,3}}(?:[.,;。，；)]|$|and\b|且|并且))"
    ),
]


_LENGTH_BEFORE = rx(r"\blength|长度")


def read_ranges(sentence: str, acc: FactCollector, taken: list[tuple[int, int]]) -> None:
    for pattern in _RANGE:
        for match in pattern.finditer(sentence):
            if overlaps(match.span(), taken):
                continue
            if _RANGE_BAD_FOLLOW.match(sentence, match.end()):
                continue
            if _ITEM_INDEX_BEFORE.search(sentence[max(0, match.start() - 12):match.start()]):
                continue
            low, high = number(match.group(1)), number(match.group(2))
            if is_about_length(sentence, match.start()):
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
                if overlaps(match.span(), taken):
                    continue
                value = number(match.group(1))
                if is_about_length(sentence, match.start()):
                    if value.isdigit():
                        acc.add("max_length" if name == "maximum" else "min_length",
                                int(value), sentence)
                else:
                    acc.add(name, value, sentence)
                taken.append(match.span())


def is_about_length(sentence: str, start: int) -> bool:
    """"长度范围为1~64", "The length cannot exceed 64": a bound on the length, not the value."""
    return bool(_LENGTH_BEFORE.search(sentence[max(0, start - 16):start + 4]))


def number(text: str) -> str:
    return text.replace(",", "")
