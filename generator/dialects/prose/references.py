"""Sentences that only point at the page's own tables or figures: out of the description.

"For details, see Table 3.", "See Table 2.", "For details about all its values, see Table 1.",
"详情请参见表3。": on the page the number leads to a table a few lines down; in a schema, a model's
docstring or an IDE tooltip it leads nowhere (the table's content is already the nested type).
Such a sentence is taken out of the description and kept as provenance (`x-docs2spec-see`), so
nothing the page says is lost. Only whole sentences whose every word is the pointer are taken:
"The value can be A or B (see Table 3)" keeps its facts and its words.
"""

from __future__ import annotations

import re

_NUMBER = r"\d+(?:[-.]\d+)*"

_ENGLISH = re.compile(
    r"(?:"
    r"(?:For|To view|To learn) (?:more )?(?:details?|information)"
    r"(?: (?:about|on|of) [^,.;]{1,80})?, (?:see|refer to)"
    r"|For (?:the )?[^,.;]{1,60}, (?:see|refer to)"
    r"|See|Refer to"
    r")\s+(?:the\s+[^,.;]{1,40}\s+column\s+(?:in|of)\s+)?(?:the\s+)?"
    rf"(?:Table|Figure)\s+{_NUMBER}(?:\s*(?:,|and|or)\s*(?:(?:Table|Figure)\s+)?{_NUMBER})*"
    r"(?:\s+(?:below|above|for details|for more information|in this (?:topic|section|page)"
    r"|for (?:its|the|their) (?:values?|details|members|parameters|fields)))?"
    r"\s*[.;]?",
    re.IGNORECASE)
"""One English pointer sentence, whole ("For details, see Table 3 and Table 4.", "See Table 2
for its value.", "For the possible values, see the Parameter ID column in Table 4.")."""

_ENGLISH_TAIL = re.compile(r"(?<=[a-z0-9)])\s+(?=(?:For|See|Refer to)\b)")
"""Where a pointer sentence starts after text that lost its full stop ("Resource list For
details, see Table 6."): the pointer is still its own sentence."""

_CHINESE_POINTER = (
    r"(?:(?:详情|详细信息|详细|具体|更多信息|更多详情|详细说明|取值|[^，。；\s]{1,20}?)"
    r"(?:请)?(?:参见|参考|查看|见)|请?(?:参见|参考|查看))"
    rf"\s*(?:表|图)\s*{_NUMBER}[^。；，]{{0,30}}")
_CHINESE = re.compile(_CHINESE_POINTER + r"\s*[。；]?")
"""One Chinese pointer sentence, whole ("详情请参见表3。", "取值请参见表2。")."""
_CHINESE_TAIL = re.compile(r"[，,]\s*" + _CHINESE_POINTER + r"\s*(?P<end>[。；]?)$")
"""A pointer clause ending a Chinese sentence ("云服务器列表，详细参见表4。")."""

_BOUNDARY = re.compile(r"(?<=[.;!?])\s+|(?<=[。；！？])")
_BULLET = re.compile(r"^(\s*(?:[-*•]|\d+[.)])\s+)(.*)$")


def split_references(text: str) -> tuple[str, tuple[str, ...]]:
    """(the text without pointer sentences, the pointer sentences in order)."""
    if "Table" not in text and "table" not in text and "Figure" not in text and \
            "表" not in text and "图" not in text:
        return text, ()
    found: list[str] = []
    lines = []
    for line in text.split("\n"):
        if not line.strip():
            lines.append("")
            continue
        bullet = _BULLET.match(line)
        head, body = (bullet.group(1), bullet.group(2)) if bullet else ("", line)
        kept = []
        for sentence in _sentences(body):
            core = sentence.strip()
            tail = _CHINESE_TAIL.search(core)
            if core and (_ENGLISH.fullmatch(core) or _CHINESE.fullmatch(core)):
                found.append(core)
            elif (run_on := _run_on_pointer(core)) is not None:
                found.append(core[run_on.end():])
                kept.append(core[:run_on.start()] + "." + sentence[len(sentence.rstrip()):])
            elif tail:
                found.append(core[tail.start() + 1:].strip())
                kept.append(core[:tail.start()] + (tail.group("end") or "。"))
            else:
                kept.append(sentence)
        rest = "".join(kept).strip()
        if rest:  # a line (or bullet) that was nothing but the pointer goes with it
            lines.append(head + rest)
    if not found:
        return text, ()
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return cleaned, tuple(found)


def _run_on_pointer(core: str) -> re.Match[str] | None:
    """Where a pointer sentence begins inside `core` after text that lost its full stop
    (looked for only once the sentence is not a pointer as a whole)."""
    return next((m for m in _ENGLISH_TAIL.finditer(core) if _ENGLISH.fullmatch(core[m.end():])),
                None)


def _sentences(line: str) -> list[str]:
    """The line cut after each sentence end, the separators kept with the sentence before."""
    parts, start = [], 0
    for match in _BOUNDARY.finditer(line):
        parts.append(line[start:match.end()])
        start = match.end()
    parts.append(line[start:])
    return [part for part in parts if part]
