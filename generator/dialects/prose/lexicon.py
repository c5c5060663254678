"""The shared vocabulary of prose reading: limits that keep cost linear, number and value
fragments, and what counts as a value (a short ASCII token, not a prose word)."""
from __future__ import annotations

import re

# --------------------------------------------------------------------------------------------
# Limits and shared fragments

MAX_TEXT = 40_000
"""Characters of a description that are read; the largest in the corpus is under 1,000."""
MAX_SENTENCE = 2_000
"""Longer "sentences" are not prose (dumps, run-together tables) and give no facts."""
MAX_LIST = 200
"""Items an allowed-value list may have; a longer one is dropped rather than read on."""
MAX_SCAN = 1_000
"""Items looked at after an introducing phrase for its list, so that cost stays linear."""
TAIL = 400
"""Characters after an introducing phrase that are looked at for its value(s)."""

NUM = r"[-+]?(?:\d{1,3}(?:,\d{3}){1,4}(?!\d)|\d{1,15})(?:\.\d{1,15})?"
"""A number as pages write it; "1,000" is read as 1000 (thousands separators are dropped)."""
INT = r"\d{1,9}"
SEP = r"\s{0,3}(?:to|through|-|–|—|~|～|－|至|到)\s{0,3}"
CHARS = (
    r"\s{0,3}(?:个)?\s{0,3}"
    r"(?:(?:ASCII|Unicode|English|Chinese|英文或中文|中英文|英文|中文|半角|全角)\s{0,3}){0,2}"
    r"(?:characters?|chars\b|字符)"
)
NUMWORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "twenty": "20", "fifty": "50", "hundred": "100",
}
NUMWORD = "|".join(NUMWORDS)

_TOKEN = r"[A-Za-z0-9_][A-Za-z0-9_.:/+@-]{0,63}"
WORD = r"[A-Za-z0-9_](?:[A-Za-z0-9_.:/+@-]{0,62}[A-Za-z0-9_])?"
"""A value as a whole word: no trailing period or colon taken from the sentence around it."""
_TOKEN_RE = re.compile(_TOKEN)
# Words that sit where a value would but are prose ("It can be empty", "is left blank").
NOT_VALUES = frozenset(
    "a an the empty blank unspecified specified used set left changed modified returned "
    "omitted unique optional required mandatory see etc e.g i.e this that it its "
    "case-sensitive case-insensitive valid invalid fixed deprecated reserved ignored "
    "supported unsupported configurable".split()
)
# Heads of "head: text" lines that label the text rather than name a value or a field.
LABELS = frozenset(
    "note notes default range minimum maximum min max unit units format length example examples "
    "type description remarks remark warning caution important tip tips values value options "
    "constraints constraint restriction restrictions usage see details".split()
)
IGNORE_CASE = re.IGNORECASE


def rx(pattern: str, flags: int = IGNORE_CASE) -> re.Pattern[str]:
    return re.compile(pattern, flags)


LIST_SPLIT = rx(
    r"\s{0,3}(?:,\s{0,3}(?:or|and)\s{1,3}|\s{1,3}(?:or|and)\s{1,3}|[,、|｜]|或者|或|和|以及|及)\s{0,3}"
)
_ANNOTATION = re.compile(r"\s{0,2}[（(][^()（）]{0,60}[)）]")
NUMBER_RANGE = rx(rf"\s*{NUM}{SEP}{NUM}\s*[.。]?\s*")


def value_list(text: str) -> list[str] | None:
    """The values of "a, b, or c" / "a、b或c" / "a|b", or None unless every part is a value."""
    if not text.strip() or NUMBER_RANGE.fullmatch(text):
        return None
    values = []
    for part in LIST_SPLIT.split(text):
        value = strip_value(_ANNOTATION.sub("", part))
        if not value:
            continue
        if not is_value(value) or NUMBER_RANGE.fullmatch(value):
            return None
        values.append(value)
    return values or None


def strip_value(text: str) -> str:
    return text.strip().strip("\"'“”‘’`").rstrip(".。").strip()


def is_value(token: str) -> bool:
    return (
        bool(_TOKEN_RE.fullmatch(token))
        and token not in NOT_VALUES  # prose words are lower case; "DEPRECATED" is a value
        and not token.endswith(":")
    )
