"""Conventions found on held-out Alibaba Cloud products (third round, session 8)."""
from __future__ import annotations

import json

import pytest

from generator.build import build_pages
from generator.dialects.prose import read_facts
from generator.dialects.types import parse_type


@pytest.mark.parametrize("text, minimum, maximum", [
    ("每页显示的数据最大条数。\n\nPageSize参数最大取值为100。每页默认显示的数据条数为20条。", None, 100),
    ("每页条数，最小取值为1，最大取值为50。", 1, 50),
])
def test_chinese_maximum_value_is_a_bound_not_a_one_value_list(text, minimum, maximum):
    facts = read_facts(text)
    assert facts.enum == ()
    assert facts.minimum == (None if minimum is None else str(minimum))
    assert facts.maximum == (None if maximum is None else str(maximum))


def test_chinese_plain_value_statement_still_lists_the_value():
    assert read_facts("是否开启。仅取值为true，表示开启。").enum == ("true",)
    assert read_facts("加密方式，取值为aes或des。").enum == ("aes", "des")


@pytest.mark.parametrize("text, enum, default", [
    ("Specifies whether to associate the instance with a dedicated host. Valid values:\n\n"
     "- host: associates the instance with a dedicated host.\n"
     "- default: does not associate the instance with a dedicated host.\n\n"
     "Default value: default.", ("host", "default"), "default"),
    ("终端节点组类型。取值：\n\n- default：默认终端节点组。\n- virtual：虚拟终端节点组。",
     ("default", "virtual"), None),
    # A label, capitalised or followed by one value, still gives the default.
    ("The mode. Valid values:\n\n- slow: the slow mode.\n- fast: the fast mode.\n- Default: fast.",
     ("slow", "fast"), "fast"),
])
def test_lower_case_default_item_with_a_meaning_is_an_allowed_value(text, enum, default):
    facts = read_facts(text)
    assert facts.enum == enum
    assert facts.default == default


CALL_API_MD = """# Call the Demo API

The Demo API is an RPC-based API. Each request must be signed.

## Tools

You can use OpenAPI Explorer, Alibaba Cloud CLI and SDKs to call Alibaba Cloud APIs.

## Common parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|CreateWidget|The operation that you want to perform.|
|AccessKeyId|String|Yes|LTAI\\*\\*\\*\\*|The AccessKey ID.|
|RegionId|String|Yes|cn-hangzhou|The region.|
"""

WIDGET_MD = """# DescribeWidgets

You can call this operation to query widgets.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeWidgets|The operation that you want to perform.|
|RegionId|String|Yes|cn-hangzhou|The region.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|1A2B|The ID of the request.|
"""


def test_a_subsection_heading_is_not_the_title_that_names_the_operation(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "Call the Demo API.md").write_text(CALL_API_MD, encoding="utf-8")
    (pages / "DescribeWidgets.md").write_text(WIDGET_MD, encoding="utf-8")
    [build], _ = build_pages([pages], tmp_path / "out", product="demo")
    names = sorted(op.id for op in build.product.operations)
    assert names == ["DescribeWidgets"]
    report = json.loads((tmp_path / "out" / build.product.provider / "demo" / "report.json")
                        .read_text(encoding="utf-8"))
    skipped = [d for d in report["diagnostics"] if d["code"] == "page-not-reference"]
    assert any("Call the Demo API.md" in d["source"] for d in skipped)


@pytest.mark.parametrize("cell, item_kind", [
    ("array[string]", "string"), ("Array[Integer]", "integer"), ("array[int]", "integer"),
    ("array[object]", "object"),
])
def test_square_bracket_generic_array_names_its_item_type(cell, item_kind):
    spec = parse_type(cell)
    assert spec.known and spec.kind == "array"
    assert spec.items is not None and spec.items.kind == item_kind


def test_square_brackets_around_a_non_type_stay_unknown():
    assert not parse_type("array[1]").known
