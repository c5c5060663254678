"""docutils set up to read Sphinx sources as text, never as errors or as other files.

Sphinx roles and directives (`:ref:`, `code-block`, `toctree`, ...) are registered so they read as
text; roles and directives nobody knows are read as their text or content and reported as a note,
since the page still says something there. Settings keep docutils quiet and forbid file
inclusion and raw output: pages are untrusted input.
"""

from __future__ import annotations

import bisect
import copy
import io
import re
from typing import ClassVar

import docutils.frontend
from docutils import nodes
from docutils.parsers.rst import Directive, Parser, directives, languages, roles

from ..location import SourceLoc

# --- Sphinx roles and directives ------------------------------------------------------------

_TITLED = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)


def _split_title(text: str) -> tuple[str, str]:
    """`Text <label>` -> (Text, label); a bare `label` -> (label, label)."""
    match = _TITLED.match(text)
    if match and match.group("title"):
        return match.group("title"), match.group("target")
    target = match.group("target") if match else text
    return target.lstrip("~!"), target


def _text_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """Sphinx cross-reference roles read as their link text (`:ref:`Title <label>`` -> Title)."""
    title, target = _split_title(docutils.utils.unescape(text))
    if name.lower() in ("ref", "numref", "doc", "term", "any"):
        # A real reference, so that an HTML rendering links to the label's anchor as Sphinx does.
        node = nodes.reference(rawtext, title, refid=nodes.make_id(target), internal=True)
    else:
        node = nodes.inline(rawtext, title)
    return [node], []


_SPHINX_ROLES = (
    "ref", "doc", "numref", "term", "any", "abbr", "command", "dfn", "file", "guilabel", "kbd",
    "menuselection", "mimetype", "program", "option", "envvar", "samp", "download", "keyword",
    "makevar", "regexp", "token", "eq", "pep", "rfc", "manpage", "newsgroup", "class", "func",
    "meth", "attr", "mod", "obj", "data", "const", "exc",
)


class _AnyOptions(dict):
    """An option spec that accepts every option, so unknown options never fail a directive."""

    def __bool__(self) -> bool:
        return True  # docutils only looks for options when the spec is truthy

    def __missing__(self, key):
        return directives.unchanged


class _CodeBlock(Directive):
    """`code-block` / `sourcecode` / `code`: a literal block that keeps its language and line."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = _AnyOptions()

    def run(self):
        language = self.arguments[0].strip() if self.arguments else ""
        text = "\n".join(self.content)
        node = nodes.literal_block(text, text, classes=["code", language] if language else [])
        node["language"] = language
        node.line = self.content_offset + 1 if self.content else self.lineno
        return [node]


class _Content(Directive):
    """Directives whose content is ordinary body text (`only`, `hlist`, unknown ones)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = _AnyOptions()
    unknown = False

    def run(self):
        if self.unknown:
            self.state.document.reporter.error(
                f'unknown directive "{self.name}"; its content is read as ordinary text',
                line=self.lineno)
        node = nodes.container()
        if self.unknown and self.arguments:
            text = self.arguments[0]
            node += nodes.paragraph(text, text)
            node[-1].line = self.lineno
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class _Unknown(_Content):
    unknown = True


class _Admonition(Directive):
    """Sphinx admonitions docutils lacks (`seealso`, `versionadded`, `todo`, ...)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = _AnyOptions()
    titles: ClassVar[dict[str, str]] = {"seealso": "See also", "versionadded": "New in version",
                                         "versionchanged": "Changed in version",
                                         "deprecated": "Deprecated since version",
                                         "todo": "Todo"}

    def run(self):
        title = self.titles.get(self.name, self.name.capitalize())
        words = list(self.arguments)
        if self.name.startswith(("version", "deprecated")) and words:
            version, *rest = words[0].split(None, 1)
            title, words = f"{title} {version}", rest
        node = nodes.admonition()
        node += nodes.title(title, title)
        for text in words:
            node += nodes.paragraph(text, text)
            node[-1].line = self.lineno
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class _Nothing(Directive):
    """Directives that only steer Sphinx's build (`toctree`, `index`, `highlight`, ...)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = _AnyOptions()

    def run(self):
        if self.name == "highlight" and self.arguments:
            marker = nodes.comment()
            marker["highlight"] = self.arguments[0].strip()
            return [marker]
        if self.name == "literalinclude":
            self.state.document.reporter.error(
                "literalinclude is not followed (pages are read on their own)", line=self.lineno)
        return []


def _register() -> None:
    for name in _SPHINX_ROLES:
        roles.register_local_role(name, _text_role)
    for name in ("code-block", "sourcecode", "code"):
        directives.register_directive(name, _CodeBlock)
    for name in ("only", "hlist", "centered", "glossary", "tab", "tabs", "group-tab"):
        directives.register_directive(name, _Content)
    for name in _Admonition.titles:
        directives.register_directive(name, _Admonition)
    for name in ("toctree", "index", "highlight", "tabularcolumns", "literalinclude",
                 "sectionauthor", "moduleauthor", "codeauthor", "currentmodule", "default-role"):
        directives.register_directive(name, _Nothing)


_register()
_ENGLISH = languages.get_language("en")
_DIRECTIVE_USE = re.compile(r"^[ \t]*\.\.[ \t]+([A-Za-z][\w:+.-]*?)::", re.MULTILINE)
_ROLE_USE = re.compile(r"(?<![\w:`]):([A-Za-z][\w+.-]*(?::[A-Za-z][\w+.-]*)?):`")
_FALLBACK_ROLES: set[str] = set()
_FALLBACK_DIRECTIVES: set[str] = set()


def _known_directive(name: str) -> bool:
    name = name.lower()
    return (name not in _FALLBACK_DIRECTIVES and
            (name in directives._directives or name in _ENGLISH.directives
             or name in directives._directive_registry))


def _known_role(name: str) -> bool:
    name = name.lower()
    return (name not in _FALLBACK_ROLES and
            (name in roles._roles or name in _ENGLISH.roles or name in roles._role_registry))


def adopt_unknown(path: str, text: str) -> list[tuple[SourceLoc, str]]:
    """Read roles and directives nobody registered as plain text, and say so in a note."""
    notes: list[tuple[SourceLoc, str]] = []
    line_of = LineIndex(text)
    for match in _DIRECTIVE_USE.finditer(text):
        name = match.group(1)
        if not _known_directive(name):
            directives.register_directive(name.lower(), _Unknown)
            _FALLBACK_DIRECTIVES.add(name.lower())
    seen: set[str] = set()
    for match in _ROLE_USE.finditer(text):
        name = match.group(1).lower()
        if not _known_role(name):
            roles.register_local_role(name, _text_role)
            _FALLBACK_ROLES.add(name)
        if name in _FALLBACK_ROLES and name not in seen:
            seen.add(name)
            notes.append((SourceLoc(path, line_of(match.start())),
                          f'unknown role ":{name}:"; read as its text'))
    return notes


class LineIndex:
    """Offset -> 1-based line number."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


# --- settings -------------------------------------------------------------------------------

SETTINGS_OVERRIDES = {
    "report_level": 5, "halt_level": 5, "file_insertion_enabled": False, "raw_enabled": False,
    "syntax_highlight": "none",
}
"""Quiet, and never reading other files: pages are untrusted input read on their own."""

_TEMPLATE: list = []


def settings():
    """Fresh settings per page (building docutils' option parser once, it is slow)."""
    if not _TEMPLATE:
        settings = docutils.frontend.get_default_settings(Parser)
        for key, value in SETTINGS_OVERRIDES.items():
            setattr(settings, key, value)
        _TEMPLATE.append(settings)
    settings = copy.copy(_TEMPLATE[0])
    settings.warning_stream = io.StringIO()
    return settings
