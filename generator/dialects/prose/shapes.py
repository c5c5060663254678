"""What a string must look like: forbidden prefixes and claimed formats (UUID, IP address,
CIDR block, date-time)."""
from __future__ import annotations

import re

from .facts import FactCollector
from .lexicon import NOT_VALUES, TAIL, rx

# --------------------------------------------------------------------------------------------
# Forbidden prefixes: "cannot start with http:// or https://", "不能以aliyun和acs:开头"

_PREFIX_EN = rx(
    r"\b(?:cannot|can't|can not|must not|should not|may not|shall not|do not|does not)"
    r"\s{1,3}(?:start|begin)\s{1,3}with\s{1,3}"
)
_PREFIX_ZH = rx(
    r"(?:不能|不可|不得|不允许|禁止)以\s{0,3}([^。；;\n]{1,80}?)\s{0,3}(?:开头|开始|为前缀)"
)
_PREFIX_CUT = rx(
    r"[，,；;。]|\.(?:\s|$)|\s(?:and|but)\s{1,3}(?:cannot|can|must|it|should|may|is)\b"
)
_PREFIX_SPLIT = rx(
    r"\s{0,3}(?:,\s{0,3}(?:or|and)\s{1,3}|\s{1,3}(?:or|and)\s{1,3}|或者|或|和|、|,)\s{0,3}"
)
_PREFIX_TOKEN = re.compile(r"[A-Za-z0-9_.:/+@#$&*=?-]{1,32}")


def read_prefixes(sentence: str, acc: FactCollector) -> None:
    candidates: list[str] = []
    for match in _PREFIX_EN.finditer(sentence):
        tail = sentence[match.end():match.end() + TAIL]
        cut = _PREFIX_CUT.search(tail)
        candidates.append(tail[:cut.start()] if cut else tail)
    candidates.extend(match.group(1) for match in _PREFIX_ZH.finditer(sentence))
    for candidate in candidates:
        parts = [p.strip().strip("\"'“”‘’`") for p in _PREFIX_SPLIT.split(candidate)]
        parts = [p for p in parts if p]
        if parts and all(
            _PREFIX_TOKEN.fullmatch(p) and p not in NOT_VALUES for p in parts
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
        (name, rx(
            r"\b(?:is|be|are)\s{1,3}(?:an?\s{1,3})?(?:valid\s{1,3}|standard\s{1,3}|public\s{1,3}"
            rf"|private\s{{1,3}})?{noun}\b"
        ))
        for name, noun in _FORMAT_NOUNS
    ),
    ("date-time", rx(
        r"y{4}-m{2}-d{2}\s{0,2}t\s{0,2}h{2}:m{2}(?::s{2})?(?:\.s{1,9})?\s{0,2}"
        r"(?:z|[+±]\s{0,2}h{2}:?m{2})"
    )),
    ("date-time", rx(
        r"\bT (?:is used as|indicates|represents|is) (?:a |the )?(?:delimiter|separator)"
    )),
    ("date-time", rx(r"\bZ (?:indicates|means|represents|stands for)\b[^.。]{0,40}?\bUTC")),
    ("date-time", rx(r"T表示(?:时间)?分隔符|Z表示(?:的是)?\s{0,2}UTC")),
    ("date", rx(r"y{4}-m{2}-d{2}(?![\sTt]{0,3}h)")),
    ("uuid", rx(r"\bUUID format\b|\bformat of (?:a )?UUID\b|UUID格式")),
    ("ipv4", rx(r"\bIPv4 address(?:es)? in dotted decimal\b|\bdotted[- ]decimal notation\b")),
    ("cidr", rx(
        r"\bin CIDR (?:format|notation)\b|CIDR格式"
        r"|<\s{0,2}net_address\s{0,2}>\s{0,2}/\s{0,2}<\s{0,2}prefix\s{0,2}>"
    )),
]
_ALTERNATIVE = rx(r"\s(?:or|或)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?")
_ALTERNATIVE_NOUN = rx(
    r"(?:valid\s{1,3}|standard\s{1,3}|public\s{1,3}|private\s{1,3})?(?:"
    + "|".join(f"(?P<{name}>{noun})" for name, noun in _FORMAT_NOUNS)
    + r")\b"
)
_EXAMPLE_CUT = rx(r",?\s{0,2}\(?\s{0,2}(?:for example|e\.g\.|例如|比如)")


def has_alternative(sentence: str) -> bool:
    """Whether the sentence offers the value as one of several things ("a UUID containing 36
    characters or an IPv4 address", "a UUID (36 characters) or 0"): then a length it states
    holds for one of them only."""
    cut = _EXAMPLE_CUT.search(sentence)
    return bool(_ALTERNATIVE.search(sentence[:cut.start()] if cut else sentence))


def read_formats(sentence: str, acc: FactCollector) -> None:
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
