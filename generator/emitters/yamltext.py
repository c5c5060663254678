"""The OpenAPI document as YAML text that every YAML reader loads equal to the JSON.

OpenAPI 3.1 tools read YAML 1.2 (js-yaml, ruamel.yaml, the Go and Java parsers); PyYAML, which
writes this file, resolves scalars by YAML 1.1. A string plain in one version can be a number in
the other (`08`, `1e3`, `0o17` are strings to 1.1 and numbers to 1.2; `yes`, `on`, `2001-12-14`
the other way round), so a string is left unquoted only when neither version reads it as
anything but a string. U+0085, U+2028 and U+2029 are line breaks in YAML 1.1 and text in 1.2,
so a string holding one, another control character or a bidi override is written double-quoted
with every such character escaped (`\\N`, `\\L`, `\\P`, `\\u202E`): the reader sees the text, a
terminal showing the file is not restyled, and an editor does not reorder the line.
"""

from __future__ import annotations

import re

import yaml

from ..location import INVISIBLE

_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(map(chr, INVISIBLE)) + "]")
"""Characters written as escapes (tab and newline are ordinary in quoted scalars)."""

_YAML12 = (
    # YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution) and its JSON schema
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL)$", "~nN"),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
     "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
)


class _Dumper(yaml.SafeDumper):
    """SafeDumper whose resolver also knows YAML 1.2's implicit types, so a string either
    version would read as something else is quoted; and whose double-quoted writer escapes
    every control and bidi character, not only those outside PyYAML's printable range."""

    def write_double_quoted(self, text, split=True):
        if not _ESCAPE.search(text):
            return super().write_double_quoted(text, split)
        allow, self.allow_unicode = self.allow_unicode, False  # escape all but ASCII here
        try:
            return super().write_double_quoted(text, split)
        finally:
            self.allow_unicode = allow


for _tag, _pattern, _first in _YAML12:
    _Dumper.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _ESCAPE.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def dump_yaml(document: dict) -> str:
    """The pure-Python dumper, always: libyaml's output differs in places, and `generated/`
    must be byte-identical on every machine."""
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
