"""The OpenAPI document as YAML text."""

from __future__ import annotations

import yaml


def dump_yaml(document: dict) -> str:
    """The pure-Python dumper, always: libyaml's output differs in places, and `generated/`
    must be byte-identical on every machine."""
    return yaml.dump(document, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True,
                     width=100)
