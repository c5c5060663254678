"""Conventions met on held-out Alibaba products (flat tables and tree marks): a parent row
whose type cell states no type (`N/A`), and one-level `└` marks whose rows the sample nests in
lists of lists. Every page here is constructed, not copied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import build_pages
from tests.conftest import inline_components

NA_PARENT_MD = """\
# DescribeGizmoRules

Queries the rules of a gizmo.

## Request parameters

|Parameter|Type|Required|Example value|Description|
|---------|----|--------|-------------|-----------|
|Action|String|Yes|DescribeGizmoRules|The operation that you want to perform.|
|GizmoId|String|Yes|gz-123|The ID of the gizmo.|

## Response parameters

|Parameter|Type|Example value|Description|
|---------|----|-------------|-----------|
|Rules|N/A|N/A|A list of gizmo rules.|
|└Priority|Integer|2|The priority of the rule.|
|└RuleId|String|gr-1|The ID of the rule.|
|└Verdict|String|drop|What the rule does.|
|RequestId|String|5DC6|The ID of the request.|
|TotalCount|Integer|1|The number of rules.|

## Examples

Sample success responses

`JSON` format

```
{
	"Rules":{
		"Rule":[
			{
				"Verdict":"accept",
				"RuleId":"gr-1",
				"Priority":1
			}
		]
	},
	"TotalCount":1,
	"RequestId":"5DC6"
}
```
"""

ONE_LEVEL_LISTS_MD = """\
# DescribeShelfPage

调用DescribeShelfPage查询货架信息。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeShelfPage|要执行的操作。 |
|PageSize|Integer|否|10|分页大小。 |

## 返回参数

|名称|类型|示例值|描述|
|--|--|---|--|
|ShelfList| | |货架列表。 |
|└ShelfId|String|sh-1|货架ID。 |
|└ShelfRemark|String|测试|货架备注。 |
|└BoxList| | |箱子列表。 |
|└Height|Integer|10|高度。 |
|└ShelfId|String|sh-1|箱子所在的货架ID。 |
|└Label|String|a1|箱子标签。 |
|└Weight|Integer|1|重量。 |
|RequestId|String|C33E|请求ID。 |
|Total|Integer|1|总数。 |

## 示例

正常返回示例

`JSON` 格式

```
{
	"RequestId":"C33E",
	"ShelfList":[
		{
			"ShelfRemark":"测试",
			"ShelfId":"sh-1",
			"BoxList":[
				{
					"Label":"a1",
					"Weight":1,
					"Height":10,
					"ShelfId":"sh-1"
				}
			]
		}
	],
	"Total":1
}
```
"""


def _build(tmp_path: Path, files: dict[str, str]) -> tuple[dict, dict]:
    """(openapi document with components inlined, report.json) of a build of `files`."""
    for name, text in files.items():
        page = tmp_path / "pages" / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    [build], _ = build_pages([tmp_path / "pages"], tmp_path / "out", product="demo")
    folder = tmp_path / "out" / build.product.provider / build.product.name
    document = inline_components(json.loads((folder / "openapi.json").read_text("utf-8")))
    return document, json.loads((folder / "report.json").read_text("utf-8"))


def _response(document: dict, operation_id: str) -> dict:
    [operation] = [op for item in document["paths"].values() for op in item.values()
                   if isinstance(op, dict) and op.get("operationId") == operation_id]
    return operation["responses"]["200"]["content"]["application/json"]["schema"]


def _items(schema: dict) -> dict:
    """The item object of a list, through an XML-style wrapper (`{"Rule": [...]}`)."""
    if "items" not in schema and len(schema.get("properties", {})) == 1:
        schema = next(iter(schema["properties"].values()))
    return schema["items"]


def test_a_parent_row_typed_n_a_holds_the_marked_rows_after_it(tmp_path):
    """`Rules | N/A | N/A` then `└Priority`, `└RuleId`: a type cell that states no type is as
    if empty, so the row is a container and the marked rows are its members."""
    document, report = _build(tmp_path, {"DescribeGizmoRules.md": NA_PARENT_MD})
    response = _response(document, "DescribeGizmoRules")
    assert set(response["properties"]) == {"Rules", "RequestId", "TotalCount"}
    rule = _items(response["properties"]["Rules"])
    assert set(rule["properties"]) == {"Priority", "RuleId", "Verdict"}
    assert not rule["properties"]["RuleId"].get("x-docs2spec-inferred")
    consistency = report["consistency"]
    assert consistency["keys_undocumented"] == 0 and consistency["rows_lost"] == 0


def test_an_n_a_parent_row_survives_the_merge_of_two_pages_of_one_operation(tmp_path):
    """The same operation on two pages, one with the `N/A` parent row and tree marks, one with
    `Array of Rule` and the element row: every row of both lands in the output."""
    other = NA_PARENT_MD.replace(
        "|Rules|N/A|N/A|A list of gizmo rules.|\n|└Priority",
        "|Rules|Array of Rule| |A list of gizmo rules.|\n|Rule| | | |\n|Priority").replace(
        "|└RuleId", "|RuleId").replace("|└Verdict", "|Verdict")
    assert other != NA_PARENT_MD
    document, report = _build(tmp_path, {"a/DescribeGizmoRules.md": NA_PARENT_MD,
                                         "b/DescribeGizmoRules.md": other})
    rule = _items(_response(document, "DescribeGizmoRules")["properties"]["Rules"])
    assert set(rule["properties"]) == {"Priority", "RuleId", "Verdict"}
    consistency = report["consistency"]
    assert consistency["rows_lost"] == 0 and consistency["keys_undocumented"] == 0
    assert consistency["rows"] == consistency["rows_placed"]


def test_one_level_marks_the_sample_nests_in_a_list_of_lists(tmp_path):
    """`└BoxList` (untyped) then `└Height`, `└ShelfId`, ... all at one mark, the sample showing
    `ShelfList` and `BoxList` as bare lists: the sample decides the depth, so the second
    `ShelfId` is the box's field, not a second field of the shelf."""
    document, report = _build(tmp_path, {"DescribeShelfPage.md": ONE_LEVEL_LISTS_MD})
    response = _response(document, "DescribeShelfPage")
    shelf = _items(response["properties"]["ShelfList"])
    assert set(shelf["properties"]) == {"ShelfId", "ShelfRemark", "BoxList"}
    box = _items(shelf["properties"]["BoxList"])
    assert set(box["properties"]) == {"Height", "ShelfId", "Label", "Weight"}
    assert box["properties"]["ShelfId"]["description"] == "箱子所在的货架ID。"
    assert "row-duplicate" not in {d["code"] for d in report["diagnostics"]}
    assert report["consistency"]["keys_undocumented"] == 0


EVENTS_TREE_MD = """\
# DescribeGizmoEvents

查询部件事件。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeGizmoEvents|要执行的操作。 |

## 返回参数

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|60912C8D|请求ID。 |
|GizmoEvents| | |事件详情。 |
|└Level|String|WARN|事件级别。 |
|└Name|String|Stopped|事件名称。 |

## 示例

正常返回示例

`JSON` 格式

```
{
	"RequestId":"60912C8D"
}
```
"""

EVENTS_WRAPPED_MD = """\
# DescribeGizmoEvents

查询部件事件。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeGizmoEvents|要执行的操作。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|60912C8D|请求ID。 |
|GizmoEvents|Array| |事件详情。 |
|GizmoEvent| | | |
|Level|String|WARN|事件级别。 |
|Name|String|Stopped|事件名称。 |
|Time|Long|1552199984000|事件发生的时间。 |
"""


@pytest.mark.parametrize("first, second", [(EVENTS_TREE_MD, EVENTS_WRAPPED_MD),
                                           (EVENTS_WRAPPED_MD, EVENTS_TREE_MD)])
def test_a_bare_list_and_its_xml_wrapped_twin_on_two_pages_are_one_list(tmp_path, first, second):
    """One page lists `GizmoEvents` bare (an untyped collection row, its members marked), the
    other as `Array` with the element row `GizmoEvent`: one list whichever page is read
    first, its items the union of both pages' members, and every row placed."""
    document, report = _build(tmp_path, {"a/DescribeGizmoEvents.md": first,
                                         "b/DescribeGizmoEvents.md": second})
    event = _items(_response(document, "DescribeGizmoEvents")["properties"]["GizmoEvents"])
    assert set(event["properties"]) == {"Level", "Name", "Time"}
    consistency = report["consistency"]
    assert consistency["rows_lost"] == 0 and consistency["rows"] == consistency["rows_placed"]
    assert "merge-type" not in {d["code"] for d in report["diagnostics"]}


def test_rows_a_merge_leaves_out_are_named(tmp_path):
    """Two pages that disagree on a field's kind (a string on one, an object with members on
    the other): the first page's kind is kept, and the other page's rows below the field are
    named by the `merge-type` diagnostic, not lost."""
    scalar = EVENTS_TREE_MD.replace("|GizmoEvents| | |事件详情。 |\n|└Level|String|WARN|事件级别。 |"
                                    "\n|└Name|String|Stopped|事件名称。 |",
                                    "|GizmoEvents|String|e-1|事件详情。 |")
    assert scalar != EVENTS_TREE_MD
    nested = EVENTS_TREE_MD.replace("|GizmoEvents| | |", "|GizmoEvents|Object| |")
    document, report = _build(tmp_path, {"a/DescribeGizmoEvents.md": scalar,
                                         "b/DescribeGizmoEvents.md": nested})
    field = _response(document, "DescribeGizmoEvents")["properties"]["GizmoEvents"]
    assert field["type"] == "string"
    [merge] = [d for d in report["diagnostics"] if d["code"] == "merge-type"]
    assert any(loc.endswith("DescribeGizmoEvents.md:17") for loc in merge["related"])
    assert report["consistency"]["rows_lost"] == 0


def test_a_nameless_marked_row_is_the_one_sample_key_no_row_names(tmp_path):
    """`|└|String|drop|...|`: the name cell is empty. The sample's rule holds one key no row
    of the table names (`Verdict`; the element `Rule` holds objects, so it is no candidate):
    the row is that field, and it is reported."""
    nameless = NA_PARENT_MD.replace("|└Verdict|", "|└|")
    assert nameless != NA_PARENT_MD
    document, report = _build(tmp_path, {"DescribeGizmoRules.md": nameless})
    rule = _items(_response(document, "DescribeGizmoRules")["properties"]["Rules"])
    assert set(rule["properties"]) == {"Priority", "RuleId", "Verdict"}
    assert rule["properties"]["Verdict"]["description"] == "What the rule does."
    assert "row-named-by-sample" in {d["code"] for d in report["diagnostics"]}
    assert report["consistency"]["rows_placed"] == report["consistency"]["rows"]
    # Two keys no row names: nothing says which one the row is.
    ambiguous = nameless.replace('"Priority":1', '"Priority":1,\n\t\t\t\t"Owner":"x"')
    assert ambiguous != nameless
    document, report = _build(tmp_path / "two", {"DescribeGizmoRules.md": ambiguous})
    rule = _items(_response(document, "DescribeGizmoRules")["properties"]["Rules"])
    assert "Verdict" not in rule["properties"] and "Owner" not in rule["properties"]
    assert "row-named-by-sample" not in {d["code"] for d in report["diagnostics"]}
