"""Parsing untrusted HTML with bounded cost: `defuse` escapes what would make html.parser
backtrack or swallow the page, and `Soup` closes elements the way HTML5 does and stops nesting
at `MAX_DEPTH`, so a hostile page can neither hang the reader nor make every tree walk slow."""

from __future__ import annotations

import re
import string

from bs4 import BeautifulSoup

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

_BLOCK_NAMES = frozenset({"address", "article", "aside", "blockquote", "details", "div", "dl",
                          "fieldset", "figure", "footer", "form", "header", "hr", "main", "menu",
                          "nav", "ol", "p", "pre", "section", "table", "ul", *HEADINGS})
_CELL_TAGS = frozenset({"td", "th", "tr", "thead", "tbody", "tfoot"})
_CLOSED_BY = {
    "p": _BLOCK_NAMES, "li": frozenset({"li"}), "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}), "td": _CELL_TAGS, "th": _CELL_TAGS,
    "tr": frozenset({"tr", "thead", "tbody", "tfoot"}),
    "thead": frozenset({"tbody", "tfoot"}), "tbody": frozenset({"tbody", "tfoot"}),
}
"""Which start tags end an element the page left open (the HTML5 parsing rules, simplified)."""
_TABLE_SCOPE = frozenset({"table", "html", "template"})
_LIST_SCOPE = frozenset({"ul", "ol", "menu", "dl", "table", "td", "th", "caption", "section",
                         "article", "aside", "main", "nav", "header", "footer", "blockquote",
                         "figure", "body", "html", "template", "button", "details", "fieldset"})
_BUTTON_SCOPE = frozenset({"html", "table", "td", "th", "caption", "template", "button",
                           "object"})
MAX_DEPTH = 128
"""Elements nested deeper than this are read as if their tags were not there (their text stays):
no documentation page nests that deep, and a hostile one would make every tree walk slow."""


class Soup(BeautifulSoup):
    """BeautifulSoup whose html.parser tree closes `<td>a<td>b` and `<li>a<li>b` as browsers do.

    html.parser nests an unclosed cell inside the previous one; fixing that while parsing is
    linear, where moving subtrees afterwards is quadratic in bs4.
    """

    too_deep = False

    def handle_starttag(self, name, namespace, nsprefix, attrs, *args, **kwargs):
        self._close_implied(name)
        if len(self.tagStack) > MAX_DEPTH:
            self.too_deep = True
            return None  # bs4: "proceed as if the tag had not occurred"
        return super().handle_starttag(name, namespace, nsprefix, attrs, *args, **kwargs)

    def _close_implied(self, name: str) -> None:
        stack = self.tagStack
        if name in HEADINGS:
            if len(stack) > 1 and stack[-1].name in HEADINGS:
                self.endData()
                self.popTag()
            return
        scope = (_TABLE_SCOPE if name in _CELL_TAGS else
                 _LIST_SCOPE if name in ("li", "dt", "dd") else _BUTTON_SCOPE)
        for index in range(len(stack) - 1, 0, -1):
            open_name = stack[index].name
            if name in _CLOSED_BY.get(open_name, ()):
                self.endData()
                while len(stack) > index:
                    self.popTag()
                if name in _CELL_TAGS and open_name in ("td", "th"):
                    continue  # `<tr>` after an open cell also ends that cell's row
                return
            if open_name in scope:
                return


# html.parser (before CPython 3.11.13) rescans to the end of the page for every `<` that opens
# something it cannot finish (`<a <a <a ...`, `</x` with no `>`, `<!--` with no `-->`): quadratic
# time on hostile input. `defuse` finds those `<` in one linear pass, with the parser's own
# patterns, and writes them as `&lt;`, which the parser reads as the text `<`: well-formed markup
# is left exactly as it is. It also writes `&#` that is not a character reference as `&amp;#`,
# since the parser reads the rest of the page as plain text after two of them, and escapes the
# `<![name[` sections the parser refuses (an AssertionError that would reject the whole page).
_START_TAG_END = re.compile(r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*       # tag name
  (?:[\s/]*                          # optional whitespace before attribute name
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*  # attribute name
      (?:\s*=+\s*                    # value indicator
        (?:'[^']*'                   # LITA-enclosed value
          |"[^"]*"                   # LIT-enclosed value
          |(?!['"])[^>\s]*           # bare value
         )
        \s*                          # possibly followed by a space
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                # trailing whitespace
""", re.VERBOSE)
"""html.parser's `locatestarttagend_tolerant` (CPython 3.11): where the parser thinks a start tag
ends; the tag is complete when `>` or `/>` follows."""
_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*\s*")
_SECTION_CLOSE = re.compile(r"]\s*]\s*>")
_MS_SECTION_CLOSE = re.compile(r"]\s*>")
_SECTIONS = {**dict.fromkeys(("temp", "cdata", "ignore", "include", "rcdata"), _SECTION_CLOSE),
             **dict.fromkeys(("if", "else", "endif"), _MS_SECTION_CLOSE)}
_BAD_CHARREF = re.compile(r"&#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
_LETTERS = frozenset(string.ascii_letters)
_BREAKS_TAG = frozenset(string.ascii_letters + "=/")


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    last = -1
    for match in pattern.finditer(text):
        last = match.end()
    return last


def defuse(text: str) -> str:
    """`text` with every `<` html.parser could not finish written as `&lt;` (see above)."""
    if "&#" in text:
        text = _BAD_CHARREF.sub("&amp;#", text)
    if "<" not in text:
        return text
    closes = {pattern: _last_end(pattern, text)
              for pattern in (_COMMENT_CLOSE, _SECTION_CLOSE, _MS_SECTION_CLOSE)}
    escapes: list[int] = []
    escape_rest = len(text)
    pos = 0
    while (i := text.find("<", pos)) >= 0:
        after = text[i + 1:i + 2]
        if after in _LETTERS and after:
            end = _START_TAG_END.match(text, i).end()  # type: ignore[union-attr]
            stop = text[end:end + 1]
            if stop == ">" or text.startswith("/>", end):
                pos = end + (1 if stop == ">" else 2)
                name = _TAG_NAME.match(text, i + 1)[0].lower()  # type: ignore[index]
                if name in ("script", "style") and stop == ">":
                    close = re.compile(rf"</\s*{name}\s*>", re.I).search(text, pos)
                    if close is None:
                        break  # the rest of the page is the element's text
                    pos = close.end()
            elif not stop:
                escape_rest = i  # the page ends inside this tag
                break
            elif stop in _BREAKS_TAG:
                inner = i
                while 0 <= inner < end:
                    escapes.append(inner)
                    inner = text.find("<", inner + 1)
                pos = end
            else:
                pos = max(end, i + 1)  # the parser reads it as text
        elif after in ("/", "?") or (after == "!" and not text.startswith(("<!--", "<!["), i)):
            close_at = text.find(">", i + 2)
            if close_at < 0:
                escape_rest = i
                break
            pos = close_at + 1
        elif after == "!":
            if text.startswith("<!--", i):
                pattern, start = _COMMENT_CLOSE, i + 4
            else:
                name = _SECTION_NAME.match(text, i + 3)
                pattern = _SECTIONS.get(name[0].strip().lower()) if name else None
                start = i + 3
            found = pattern.search(text, start) if pattern is not None and \
                closes[pattern] > start else None
            if found is None:
                escapes.append(i)
                pos = i + 1
            else:
                pos = found.end()
        else:
            pos = i + 1
    if not escapes and escape_rest == len(text):
        return text
    parts, last = [], 0
    for at in escapes:
        parts.append(text[last:at])
        parts.append("&lt;")
        last = at + 1
    parts.append(text[last:escape_rest])
    parts.append(text[escape_rest:].replace("<", "&lt;"))
    return "".join(parts)
