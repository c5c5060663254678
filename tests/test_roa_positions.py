"""ROA pages: a parameter's Position column decides where it travels, for every row form.

Constructed from conventions of Alibaba ROA pages outside the corpus (REST operations whose
request table has a Position column)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.build import build_pages

FLAT_LIST_IN_BODY_ZH = """\
# CommitGadget

调用CommitGadget提交部件。

## 请求语法

```
PUT /gadgets/[GadgetName]/commit HTTPS
```

## 请求参数

|名称|类型|位置|是否必选|示例值|描述|
|--|--|--|----|---|--|
|GadgetName|String|Path|是|g1|部件名称。 |
|RegionId|String|Header|是|cn-hangzhou|地域ID。 |
|maxCU|Float|Body|否|10.0|最大CU数。 |
|pausePeriod.N.plan|String|Body|否|ORIGINAL|暂停后使用的计划。 |
|pausePeriod.N.startTime|String|Body|否|18:20|暂停开始时间。 |
|filter.N.key|String|Query|否|env|过滤键。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|C5C6-4D5D|请求ID。 |
"""


def _build_one(tmp_path: Path, name: str, text: str) -> tuple[dict, dict]:
    pages = tmp_path / "pages"
    pages.mkdir(exist_ok=True)
    (pages / f"{name}.md").write_text(text, encoding="utf-8")
    build_pages([pages], tmp_path / "out", product="demo")
    base = tmp_path / "out" / "alibabacloud" / "demo"
    return (json.loads((base / "openapi.json").read_text("utf-8")),
            json.loads((base / "report.json").read_text("utf-8")))


def _resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def test_a_list_documented_only_by_its_body_members_travels_in_the_body(tmp_path):
    """`pausePeriod.N.plan` in the Body: the body holds `pausePeriod`, a list of objects with
    `plan` and `startTime`; it is not a query parameter. `filter.N.key` in the Query stays
    there."""
    document, report = _build_one(tmp_path, "CommitGadget", FLAT_LIST_IN_BODY_ZH)
    operation = document["paths"]["/gadgets/{GadgetName}/commit"]["put"]
    placed = {(p["name"], p["in"]) for p in operation["parameters"]}
    assert not any(name.startswith("pausePeriod") for name, _ in placed)
    assert ("GadgetName", "path") in placed
    assert any(name.startswith("filter") and where == "query" for name, where in placed)
    body = _resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert set(body["properties"]) == {"maxCU", "pausePeriod"}
    period = body["properties"]["pausePeriod"]
    assert period["type"] == "array"
    assert set(_resolve(document, period["items"])["properties"]) == {"plan", "startTime"}
    assert not [d for d in report["diagnostics"] if d["code"].startswith("row-dup")]


TWO_TABLES_ZH = """\
# ExpandGadgetCluster

调用ExpandGadgetCluster增加集群中节点数量。

## 请求语法

```
POST /api/v2/gadget-clusters/ClusterId HTTP/1.1
Content-Type:application/json
{
  "count" : Long,
  "node_type" : "String"
}
```

## 请求参数

|参数名称|类型|是否必选|示例|说明|
|----|--|----|--|--|
|ClusterId|String|是|c-123|集群ID。 |

|名称|类型|必须|示例值|描述|
|--|--|--|---|--|
|count|Long|是|1|扩容数量。|
|node\\_type|String|否|small|节点规格。|

## 响应参数

|名称|类型|示例值|描述|
|--|--|---|--|
|task\\_id|String|T-5a54|任务ID。 |

## 示例

请求示例

```
POST /api/v2/gadget-clusters/c-123 HTTP/1.1
<公共请求头>
{
  "count": 1,
  "node_type": "small"
}
```
"""


def test_header_words_for_name_and_required_in_chinese(tmp_path):
    """`参数名称` and `必须` head the name and required columns: the path table is read
    (ClusterId is the path variable, required) and `count` is a required body field."""
    document, report = _build_one(tmp_path, "ExpandGadgetCluster", TWO_TABLES_ZH)
    operation = document["paths"]["/api/v2/gadget-clusters/{ClusterId}"]["post"]
    assert [(p["name"], p["in"], p["required"]) for p in operation["parameters"]] == [
        ("ClusterId", "path", True)]
    assert operation["parameters"][0]["schema"]["type"] == "string"
    body = _resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert set(body["properties"]) == {"count", "node_type"}
    assert body["properties"]["count"]["type"] == "integer"
    assert body.get("required") == ["count"]
    assert not [d for d in report["diagnostics"] if d["code"] == "table-skipped"]


WORD_TITLED_EN = """\
# Create a gadget trigger

You can call the CreateGadgetTrigger operation to create a trigger for a gadget.

## Request syntax

```
POST /gadget-triggers HTTP/1.1
Content-Type:application/json
{
  "gadget_id" : "String",
  "action" : "String"
}
```

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|gadget\\_id|String|Yes|g-123|The ID of the gadget. |
|action|String|Yes|redeploy|The action of the trigger. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|id|String|111|The ID of the trigger. |

## Examples

Sample requests

```
POST /gadget-triggers HTTP/1.1
Content-Type:application/json
{
  "gadget_id" : "g-123",
  "action" : "redeploy"
}
```
"""

WORD_TITLED_ZH = """\
# 查询部件版本详情

调用DescribeGadgetVersions查询支持的部件版本。

## 请求语法

```
GET /api/v1/gadget-versions
```

## 请求参数

|名称|类型|位置|是否必选|示例值|描述|
|--|--|--|----|---|--|
|Region|String|Query|是|cn-beijing|地域ID。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|version|String|1.16.9|版本。 |
"""


def test_a_page_titled_in_words_names_its_action_in_the_lead_sentence(tmp_path):
    """Title and file name are words ("Create a gadget trigger"); the lead sentence says which
    Action the page documents ("You can call the X operation", "调用X查询"): the page is read
    as that operation, not skipped."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "Create a gadget trigger.md").write_text(WORD_TITLED_EN, encoding="utf-8")
    (pages / "查询部件版本详情.md").write_text(WORD_TITLED_ZH, encoding="utf-8")
    build_pages([pages], tmp_path / "out", product="demo")
    base = tmp_path / "out" / "alibabacloud" / "demo"
    document = json.loads((base / "openapi.json").read_text("utf-8"))
    found = {(path, method, op["operationId"]) for path, ops in document["paths"].items()
             for method, op in ops.items() if isinstance(op, dict) and "operationId" in op}
    assert found == {("/gadget-triggers", "post", "CreateGadgetTrigger"),
                     ("/api/v1/gadget-versions", "get", "DescribeGadgetVersions")}
    create = document["paths"]["/gadget-triggers"]["post"]
    body = _resolve(document, create["requestBody"]["content"]["application/json"]["schema"])
    assert set(body["properties"]) == {"gadget_id", "action"}
    report = json.loads((base / "report.json").read_text("utf-8"))
    assert not [d for d in report["diagnostics"] if d["code"] == "operation-name"]


def test_a_lead_sentence_without_an_action_names_nothing(tmp_path):
    """"You can call this operation to ..." names no Action: a page titled in words and saved
    under a name in words is reported, not given a made-up name."""
    text = WORD_TITLED_EN.replace("the CreateGadgetTrigger operation", "this operation")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "Create a gadget trigger.md").write_text(text, encoding="utf-8")
    build_pages([pages], tmp_path / "out", product="demo")
    report = json.loads((tmp_path / "out" / "alibabacloud" / "demo" / "report.json")
                        .read_text("utf-8"))
    assert not [p for p in report["pages"] if p["operations"]]


PATH_THEN_BODY_EN = """\
# Remove gadgets from a cluster

You can call the DeleteClusterGadgets operation to remove gadgets from a cluster.

## Request syntax

```
POST /clusters/ClusterId/gadgets HTTP/1.1
Content-Type:application/json

{
  "drain" : Boolean,
  "gadgets" : [ "String" ]
}
```

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|ClusterId|String|Yes|c850-4a92|The ID of the cluster. |

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|drain|Boolean|No|true|Whether to drain the gadgets first. |
|gadgets|Array of String|No|g-1|The names of the gadgets. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|task\\_id|String|T-60fe|The ID of the task. |

## Examples

Sample requests

```
POST /clusters/c850-4a92/gadgets HTTP/1.1
Content-Type:application/json
{
  "drain" : true,
  "gadgets" : [ "g-1" ]
}
```
"""


def test_a_table_after_the_path_table_is_not_the_path_variables_keys(tmp_path):
    """The path table (ClusterId) and the body table repeat one header with nothing between:
    the second table is not the JSON keys of `ClusterId` (a path variable carries no
    document) but the body's fields, documented (not inferred from the example)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "Remove gadgets from a cluster.md").write_text(PATH_THEN_BODY_EN, encoding="utf-8")
    build_pages([pages], tmp_path / "out", product="demo")
    base = tmp_path / "out" / "alibabacloud" / "demo"
    document = json.loads((base / "openapi.json").read_text("utf-8"))
    report = json.loads((base / "report.json").read_text("utf-8"))
    operation = document["paths"]["/clusters/{ClusterId}/gadgets"]["post"]
    assert [(p["name"], p["in"]) for p in operation["parameters"]] == [("ClusterId", "path")]
    assert "contentSchema" not in operation["parameters"][0]["schema"]
    body = _resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert set(body["properties"]) == {"drain", "gadgets"}
    assert body["properties"]["gadgets"]["type"] == "array"
    assert not body.get("x-docs2spec-inferred")
    codes = {d["code"] for d in report["diagnostics"]}
    assert not codes & {"json-string-keys", "request-body-inferred"}


LIST_RESPONSE_ZH = """\
# DescribeGadgetVersions

调用DescribeGadgetVersions查询部件版本。

## 请求语法

```
GET /api/v1/gadget-versions
```

## 请求参数

|名称|类型|位置|是否必选|示例值|描述|
|--|--|--|----|---|--|
|Region|String|Query|是|cn-beijing|地域ID。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
| |Array of data| |版本详情列表。 |
|version|String|1.16.9|版本。 |
|multi\\_az|Boolean|false|是否为多可用区。 |
"""


def test_a_nameless_list_row_heading_the_table_makes_the_body_a_list(tmp_path):
    """`| |Array of data| |...|` first, then named rows: the response body is a list whose
    items have those rows as members (no sample needed), and the nameless row is not lost."""
    document, report = _build_one(tmp_path, "DescribeGadgetVersions", LIST_RESPONSE_ZH)
    operation = document["paths"]["/api/v1/gadget-versions"]["get"]
    schema = _resolve(document,
                      operation["responses"]["200"]["content"]["application/json"]["schema"])
    assert schema["type"] == "array"
    items = _resolve(document, schema["items"])
    assert set(items["properties"]) == {"version", "multi_az"}
    assert items["properties"]["multi_az"]["type"] == "boolean"
    assert not [d for d in report["diagnostics"] if d["code"] in ("row-unplaced", "row-lost")]
