"""Single values and lists of values a sentence states: defaults, allowed values and the
values a condition adds to them."""
from __future__ import annotations

import re

from .facts import FactCollector
from .lexicon import NUM, TAIL, WORD, is_value, rx, strip_value, value_list

# --------------------------------------------------------------------------------------------
# Defaults: "Default value: 10", "默认值为aes", "The default mode is static", "false (default)"

_DEFAULT_INTRO = [
    rx(r"(?:\bdefault value|\bdefault|默认值|缺省值|默认取值)\s{0,3}(?:is|:|：|为|是)\s{0,3}"),
    rx(r"默认(?:为|是)\s{0,3}"),
    rx(r"\bthe default (?!unit\b|units\b|format\b|value of\b)[a-z][a-z-]{1,20} is\s{1,3}"),
    rx(r"\bdefaults? to\s{1,3}"),
]
_DEFAULT_BY = rx(
    r"\b(?:which|it|this parameter|the value|this value) is\s{1,3}"
    rf"({WORD})(?:\s{{1,3}}(?:seconds?|minutes?|hours?|days?))?\s{{1,3}}by default\b"
)
_DEFAULT_MARK = rx(
    rf"(?<![A-Za-z0-9_.:/+@-])({WORD})\s{{0,2}}"
    r"[（(]\s{0,2}(?:default(?: value)?|默认值?|缺省值?|默认选项)\s{0,2}[)）]"
)
_SCALAR_CUT = re.compile(r"[，,；;。（(]|\.(?:\s|$)|\s-\s")
_NUMBER_WITH_UNIT = rx(
    rf"({NUM})\s{{0,3}}(?:seconds?|minutes?|hours?|days?|ms|秒|分钟|小时|天|Mbit/s|Gbit/s|MB|GB|%)"
)


def read_defaults(sentence: str, acc: FactCollector) -> None:
    for pattern in _DEFAULT_INTRO:
        for match in pattern.finditer(sentence):
            value = scalar(sentence[match.end():match.end() + TAIL])
            if value is not None:
                acc.add("default", value, sentence)
    for pattern in (_DEFAULT_BY, _DEFAULT_MARK):
        for match in pattern.finditer(sentence):
            if is_value(match.group(1)):
                acc.add("default", match.group(1), sentence)


def scalar(tail: str) -> str | None:
    """The single value at the start of ``tail``, or None when it is a phrase."""
    cut = _SCALAR_CUT.search(tail)
    candidate = strip_value(tail[:cut.start()] if cut else tail)
    if is_value(candidate):
        return candidate
    unit = _NUMBER_WITH_UNIT.fullmatch(candidate)
    return unit.group(1) if unit else None


# --------------------------------------------------------------------------------------------
# Allowed values: "Valid values: a, b, and c", "The value can be v1 or v2.", "取值：ikev1或ikev2"

ENUM_WORDS = (
    r"(?:(?<![A-Za-z])(?<!default )(?<!maximum )(?<!minimum )(?<!tag )(?<!key )"
    r"(?:valid values?|valid options?|value range|values|possible values?"
    r"|allowed values?|supported values?|optional values?|enumerat(?:ed|ion) values?|options"
    r"|the following values(?: are supported| are available| are allowed)?)"
    r"\s{0,3}(?:are|is|include|includes|are as follows)?"
    r"|取值范围|取值(?:如下)?|可选值|枚举值|有效值|可取值|仅取值|可选项)\s{0,3}[:：]"
)
"""Phrases that introduce allowed values: "Valid values:", "Value range:", "取值："."""
_ENUM_COLON = rx(ENUM_WORDS + r"\s{0,3}")
_ENUM_PHRASES = [
    rx(
        r"\b(?:the value|this value|the parameter|this parameter|it|the valid value|valid value"
        r"|the value of this parameter)\s{1,3}(?:can|may|must|should)(?:\s{1,3}only)?\s{1,3}be"
        r"(?:\s{1,3}(?:set to|one of(?: the following)?))?\s{1,3}"
    ),
    rx(r"\bwhich can(?:\s{1,3}only)?\s{1,3}be\s{1,3}"),
    rx(r"\b(?:the value|this value) is(?:\s{1,3}either)?\s{1,3}"),
    rx(
        r"^\s*set (?:the value|this parameter|the parameter|it|the value of this parameter)"
        r" to\s{1,3}"
    ),
    # "最大取值为100" / "最小取值为1" state a bound (numbers.py reads it), as "maximum value"
    # does in English (ENUM_WORDS): not a one-value list.
    rx(r"(?:只能为|只能是|仅能为|仅可为|仅可以为|固定为|固定值为|取值只能为|仅支持|(?<!默认)(?<!最大)(?<!最小)取值为)\s{0,3}"),
]
_LIST_CUT = rx(
    r"[，；;。]|\.(?:\s|$)|,\s{0,2}(?:indicating|which|that|meaning|where|respectively|for example"
    r"|e\.g\.|such as|in\b|and so on)|\s{0,2}\((?:for example|e\.g\.)"
    # "v3 or v4 in some regions", "PrePaid and PostPaid for subscription and pay-as-you-go":
    # values never hold spaces, so a preposition after the last one starts the sentence's rest.
    r"|\s{1,3}(?:in|for|if|when|unless|only|depending|under|within)\s"
)


REFERS_ELSEWHERE = rx(
    r"for (?:the|more|details about the|details on the) (?:value range|valid values)"
    r"|for (?:the )?(?:valid|supported|possible) values, see|取值范围(?:请)?(?:参见|参考|详见)"
    r"|取值(?:请)?(?:参见|详见)"
)


# "The identifier can be create or delete.": any subject, so only a list of two or more counts
# ("The parameter can be ignored." names no value).
_ENUM_LIST_PHRASE = rx(
    r"\b(?:the|this|its)\s{1,3}[A-Za-z_]{2,30}\s{1,3}(?:can|may)\s{1,3}be\s{1,3}"
)


def read_inline_enum(sentence: str, acc: FactCollector) -> None:
    for pattern in (_ENUM_COLON, *_ENUM_PHRASES, _ENUM_LIST_PHRASE):
        for match in pattern.finditer(sentence):
            values = value_list(list_text(sentence[match.end():match.end() + TAIL]))
            if values and (pattern is not _ENUM_LIST_PHRASE or len(values) > 1):
                acc.add_enum(values, sentence)


def list_text(tail: str) -> str:
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
        if cut.group() != "，" or (end == 0 and not value_list(tail[:cut.start()])) \
                or not value_list(segment):
            return tail[:cut.start()].replace("，", ",")
        end = cut.end()


# "ISP can also be ChinaTelecom or ChinaUnicom", "you can set the ISP field to ChinaTelecom",
# "ISP字段可以设置为ChinaTelecom、ChinaUnicom": more values the parameter accepts, often under a
# condition. They never make a list of allowed values on their own; they only widen one that
# the description states, so that the contract does not reject what the page allows.
_ENUM_EXTENSIONS = [
    rx(r"\b(?:can|may)\s{1,3}also\s{1,3}be(?:\s{1,3}set\s{1,3}to)?\s{1,3}"),
    rx(r"\b(?:can|may)(?:\s{1,3}also)?\s{1,3}set\s{1,3}(?:the\s{1,3}|this\s{1,3}|it\s{1,3})?"
        r"(?:[A-Za-z_]{1,40}\s{1,3})?(?:field\s{1,3}|parameter\s{1,3}|value\s{1,3})?to\s{1,3}"),
    rx(r"(?:还|也)?(?:可以|可)(?:设置|设|指定)为\s{0,3}|(?:还|也)(?:可以|可)(?:为|是|取值为?)\s{0,3}"),
]


def read_enum_extensions(sentence: str, acc: FactCollector) -> None:
    for pattern in _ENUM_EXTENSIONS:
        for match in pattern.finditer(sentence):
            values = value_list(list_text(sentence[match.end():match.end() + TAIL]))
            if values:
                acc.add_enum_extension(values, sentence)
