"""openapi.yaml loads equal to openapi.json under YAML 1.2 and YAML 1.1 (issue 13, defect 7).

OpenAPI 3.1 tooling reads YAML 1.2 (ruamel.yaml here, YAML 1.2 by default; js-yaml elsewhere);
PyYAML writes it and reads 1.1. Strings one version reads as numbers, booleans, nulls or dates
(`08`, `1e3`, `0o17`, `yes`), and line separators one version folds (U+0085, U+2028, U+2029)
must come back as the same strings from both; control and bidi characters are escaped.
"""

from __future__ import annotations

import io
import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.emitters.yamltext import dump_yaml

ruamel = pytest.importorskip("ruamel.yaml")


def load12(text: str):
    return ruamel.YAML(typ="safe", pure=True).load(io.StringIO(text))


TRICKY = ["08", "1e3", "0o17", "0x1F", "+1", "-0", ".5", "1.", "1e-3", ".inf", "-.Inf", ".NaN",
          "null", "Null", "NULL", "~", "", "true", "True", "FALSE", "yes", "no", "on", "off",
          "y", "n", "1_000", "0b11", "1:20", "2001-12-14", "2001-12-14T21:59:43.10-05:00", "=",
          "<<", "x\x85y", "a\u2028b", "c\u2029d", "x\u202ey", "\u2066x\u2069", "\x1b[31m",
          "\ufeffz", "\x9b31m", "multi\nline", "\t tab", " lead", "trail ", "-", "?", ":", "#",
          "- x", "a: b", "a #b", "'", '"', "\\", "中文\u202e文", "0o8", "012", "+.inf"]


def test_strings_yaml_reads_as_other_types_stay_strings():
    document = {"examples": TRICKY, "default": "08", **{key: key for key in TRICKY if key}}
    text = dump_yaml(document)
    assert load12(text) == document
    assert yaml.safe_load(text) == document


def test_control_and_bidi_characters_are_escaped():
    text = dump_yaml({"d": "a\x85b\u2028c\u2029d\u202ee\u2066f\x1bg\x9bh\ufeff"})
    for raw in "\x85\u2028\u2029\u202e\u2066\x1b\x9b\ufeff":
        assert raw not in text
    assert "\\N" in text and "\\L" in text and "\\P" in text and "\\u202E" in text


def test_ordinary_text_stays_readable():
    text = dump_yaml({"description": "查询VPN连接列表。", "pattern": "^[a-z]+$"})
    assert "查询VPN连接列表。" in text


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text() |
                    st.floats(allow_nan=False, allow_infinity=False),
                    lambda inner: st.lists(inner, max_size=4) |
                    st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20))
def test_any_json_value_round_trips_under_both_versions(value):
    document = {"value": value}
    text = dump_yaml(document)
    expected = json.loads(json.dumps(document))
    assert load12(text) == expected
    assert yaml.safe_load(text) == expected
