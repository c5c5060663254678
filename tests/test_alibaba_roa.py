"""Alibaba Cloud ROA pages: REST operations documented in the Alibaba style.

Products such as Container Service or Elasticsearch document each operation on an Alibaba page
(same title, tables, samples and error table as RPC pages) but call it with a request line given
under "Request syntax" (`PATCH|POST /openapi/instances/[InstanceId]/description HTTPS|HTTP`)
and say in a Position column where each parameter travels (Path, Query, Body, Header). The
pages below are constructed from those conventions, in both languages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import build_pages
from generator.validation import validate_request, validate_response
from tests.conftest import inline_components

CONFIG_ZH = """\
# ModifyWidgetConfig

调用ModifyWidgetConfig修改部件的配置。

## 调试

[您可以在OpenAPI Explorer中直接运行该接口。](https://api.aliyun.com/#product=Demo&api=ModifyWidgetConfig&type=ROA&version=2020-01-01)

## 请求头

该接口使用公共请求头，无特殊请求头。

## 请求语法

```
PATCH|PUT /widgets/[WidgetId]/configuration HTTPS|HTTP
```

## 请求参数

|名称|类型|位置|是否必选|示例值|描述|
|--|--|--|----|---|--|
|WidgetId|String|Path|是|wd-123|部件ID。 |
|DryRun|Boolean|Query|否|false|是否只预检。 |
|x-acs-trace|String|Header|否|t-1|调用链ID。 |
| |Object|Body|否| |请求体参数。 |
|configs|Object|Body|否| |配置信息。 |
|key|String|Body|否|k-aa|配置键。 |
|value|String|Body|否|v-aa|配置值。 |
|name|String|Body|是|metric-server|组件名称。 |
|replicas|Integer|Body|否|2|副本数。取值范围：1~10。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|request\\_id|String|687C5BAA-D103|请求ID。 |
|task\\_id|String|T-5a54309c|任务ID。 |

## 示例

请求示例

```
PATCH /widgets/wd-123/configuration HTTP/1.1
公共请求头
{
    "configs": {
        "value": "v-aa",
        "key": "k-aa"
    },
    "name": "metric-server",
    "replicas": 2
}
```

正常返回示例

`JSON` 格式

```
{
    "request_id": "687C5BAA-D103",
    "task_id": "T-5a54309c"
}
```

## 错误码

|HttpCode|错误码|错误信息|描述|
|--------|---|----|--|
|404|WidgetNotFound|The widget does not exist.|部件不存在。|
"""

LIST_EN = """\
# ListWidgets

You can call this operation to query widgets.

## Request syntax

```
GET /widgets HTTP/1.1
```

## Request parameters

|Parameter|Type|Position|Required|Example|Description|
|---------|----|--------|--------|-------|-----------|
|page|Integer|Query|No|1|The page number. |
|size|Integer|Query|No|10|The number of entries per page. Maximum value: 100. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|5E2E-3F8B|The ID of the request. |
|Result|Array of Widget| |The widgets. |
|widgetId|String|wd-123|The ID of the widget. |
|name|String|w1|The name of the widget. |

## Examples

Sample requests

```
GET /widgets?page=1&size=10 HTTP/1.1
Common request headers
```

Sample success responses

`JSON` format

```
{
    "RequestId": "5E2E-3F8B",
    "Result": [
        {"widgetId": "wd-123", "name": "w1"}
    ]
}
```
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("roa")
    pages = root / "pages"
    pages.mkdir()
    (pages / "ModifyWidgetConfig.md").write_text(CONFIG_ZH, encoding="utf-8")
    (pages / "ListWidgets.md").write_text(LIST_EN, encoding="utf-8")
    build_pages([pages], root / "out", product="demo")
    out = root / "out"
    document = _openapi(out / "alibabacloud" / "demo" / "openapi.json")
    return out, document


def _openapi(path: Path) -> dict:
    return inline_components(json.loads(path.read_text("utf-8")))


def _strip(schema):
    if isinstance(schema, dict):
        return {k: _strip(v) for k, v in schema.items()
                if not k.startswith("x-") and k not in ("description", "examples")}
    if isinstance(schema, list):
        return [_strip(v) for v in schema]
    return schema


def test_the_request_line_gives_methods_and_path_template(built):
    _, document = built
    assert document["info"]["x-docs2spec-style"] == "rest"
    item = document["paths"]["/widgets/{WidgetId}/configuration"]
    assert {"patch", "put"} <= set(item)
    assert item["patch"]["operationId"] == "ModifyWidgetConfig"
    assert document["paths"]["/widgets"]["get"]["operationId"] == "ListWidgets"
    assert not any(path.startswith(("/?Action=", "/#Action=")) for path in document["paths"])


def test_the_position_column_says_where_each_parameter_travels(built):
    _, document = built
    operation = document["paths"]["/widgets/{WidgetId}/configuration"]["patch"]
    where = {(p["name"], p["in"], p["required"]) for p in operation["parameters"]}
    assert where == {("WidgetId", "path", True), ("DryRun", "query", False),
                     ("x-acs-trace", "header", False)}
    body = _strip(operation["requestBody"]["content"]["application/json"]["schema"])
    # The nameless Object row is the body itself; the sample places the flat rows.
    assert body == {"type": "object", "properties": {
        "configs": {"type": "object", "properties": {"key": {"type": "string"},
                                                     "value": {"type": "string"}}},
        "name": {"type": "string"},
        "replicas": {"type": "integer", "minimum": 1, "maximum": 10}},
        "required": ["name"]}
    listing = document["paths"]["/widgets"]["get"]
    assert {(p["name"], p["in"]) for p in listing["parameters"]} == {("page", "query"),
                                                                     ("size", "query")}
    assert "requestBody" not in listing


def test_errors_keep_the_alibaba_envelope(built):
    _, document = built
    operation = document["paths"]["/widgets/{WidgetId}/configuration"]["patch"]
    assert operation["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/RpcError"}
    assert "Code" in document["components"]["schemas"]["RpcError"]["properties"]


def test_requests_are_matched_by_method_and_path(built):
    out, _ = built
    findings = validate_request("alibabacloud/demo", url="https://demo.aliyuncs.com/widgets/wd-9/"
                                "configuration?DryRun=maybe", method="PATCH",
                                body={"name": "n", "replicas": 11}, generated=out)
    assert sorted((f.rule, f.pointer) for f in findings) == [
        ("range", "/body/replicas"), ("type", "/query/DryRun")]
    assert validate_request("alibabacloud/demo", url="/widgets?page=2", method="GET",
                            generated=out) == []


def test_responses_are_checked_against_the_documented_fields(built):
    out, _ = built
    good = b'{"RequestId": "r", "Result": [{"widgetId": "wd-1", "name": "w"}]}'
    assert validate_response("alibabacloud/demo", "ListWidgets", good, generated=out) == []
    bad = b'{"RequestId": "r", "Result": [{"widgetId": 7}]}'
    findings = validate_response("alibabacloud/demo", "ListWidgets", bad, generated=out)
    assert [(f.rule, f.pointer) for f in findings] == [("type", "/Result/0/widgetId")]


RPC_WITH_SYNTAX = """\
# DescribeGizmos

You can call this operation to query gizmos.

## Request syntax

```
POST|GET / HTTP/1.1
```

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeGizmos|The operation that you want to perform. |
|RegionId|String|Yes|cn-hangzhou|The region ID. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|5E2E-3F8B|The ID of the request. |
"""


def test_an_rpc_request_line_keeps_the_page_rpc(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "DescribeGizmos.md").write_text(RPC_WITH_SYNTAX, encoding="utf-8")
    build_pages([pages], tmp_path / "out", product="demo")
    document = _openapi(tmp_path / "out" / "alibabacloud" / "demo" / "openapi.json")
    assert list(document["paths"]) == ["/#Action=DescribeGizmos"]
    assert document["info"]["x-docs2spec-style"] == "rpc"


GADGET_ZH = """\
# StopGadget

调用StopGadget停止部件。

## 请求语法

```
PUT /pop/v1/gadgets/stop HTTP/1.1
```

## 请求参数

|名称|类型|位置|是否必选|示例值|描述|
|--|--|--|----|---|--|
|GadgetId|String|Query|是|g-1|部件ID。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|91F9-3257|请求ID。 |
|Data|Object| |返回结果。 |
|OrderId|String|4a81-5998|变更单ID。 |
|ErrorCode|String|success|错误码。 |
|Code|String|200|状态码。 |

## 示例

正常返回示例

`XML`格式

```
HTTP/1.1 200 OK
Content-Type:application/xml

<StopGadgetResponse>
    <RequestId>91F9-3257</RequestId>
    <Data>
        <OrderId>4a81-5998</OrderId>
    </Data>
    <ErrorCode>success</ErrorCode>
    <Code>200</Code>
</StopGadgetResponse>
```

`JSON`格式

```
HTTP/1.1 200 OK
Content-Type:application/json

{
  "RequestId" : "91F9-3257",
  "Data" : {
    "OrderId" : "4a81-5998"
  },
  "ErrorCode" : "success",
  "Code" : "200"
}
```
"""


def _build_one(tmp_path, name: str, text: str) -> tuple[Path, dict, dict]:
    pages = tmp_path / "pages"
    pages.mkdir(exist_ok=True)
    (pages / f"{name}.md").write_text(text, encoding="utf-8")
    build_pages([pages], tmp_path / "out", product="demo")
    base = tmp_path / "out" / "alibabacloud" / "demo"
    return (tmp_path / "out", _openapi(base / "openapi.json"),
            json.loads((base / "report.json").read_text("utf-8")))


def test_a_sample_written_with_its_status_line_and_headers_is_read(tmp_path):
    """`HTTP/1.1 200 OK`, header lines, a blank line, then the body: the body is the sample, and
    it places the rows the table lists flat (ErrorCode after Data's child is not in Data)."""
    _, document, report = _build_one(tmp_path, "StopGadget", GADGET_ZH)
    operation = document["paths"]["/pop/v1/gadgets/stop"]["put"]
    schema = _strip(operation["responses"]["200"]["content"]["application/json"]["schema"])
    assert set(schema["properties"]) == {"RequestId", "Data", "ErrorCode", "Code"}
    assert set(schema["properties"]["Data"]["properties"]) == {"OrderId"}
    assert not [d for d in report["diagnostics"] if d["code"] == "sample-invalid"]


ROOTLESS_EN = """\
# CloseGadget

Call CloseGadget to close a gadget.

## Request syntax

```
POST /openapi/gadgets/[GadgetId]/actions/close HTTPS|HTTP
```

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|GadgetId|String|Yes|g-1|The ID of the gadget. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|5A5D-8E74|The ID of the request. |
|Result|Array of Result| |The results. |
|name|String|n1|The name. |

## Examples

Sample success responses

`XML` format

```
<Result>
    <name>n1</name>
</Result>
<Result>
    <name>n2</name>
</Result>
<RequestId>5A5D-8E74</RequestId>
```
"""


def test_an_xml_sample_without_a_root_element_is_the_response_members(tmp_path):
    """ROA XML samples list the body's members side by side, without `<XResponse>`."""
    from generator.ir.model import Schema
    from generator.ir.xmlsample import xml_to_json

    _, _, report = _build_one(tmp_path, "CloseGadget", ROOTLESS_EN)
    assert not [d for d in report["diagnostics"] if d["code"] == "sample-invalid"]
    schema = Schema(kind="object", properties=(
        ("RequestId", Schema(kind="string")),
        ("Result", Schema(kind="array", items=Schema(kind="object", properties=(
            ("name", Schema(kind="string")),)))),))
    _, value = xml_to_json(ROOTLESS_EN.split("```\n")[-2], schema)
    assert value == {"Result": [{"name": "n1"}, {"name": "n2"}], "RequestId": "5A5D-8E74"}


STRUCTURE_EN = """\
# DeleteGadget

Call DeleteGadget to delete a gadget.

## Request structure

```

     DELETE /openapi/gadgets/[ResId] HTTP/1.1\x20
\x20\x20\x20
```

## Request parameters

|Parameter|Type|Position|Required|Example|Description|
|---------|----|--------|--------|-------|-----------|
|ResId|String|Path|Yes|g-1|The ID of the gadget. |
|ClientToken|String|Query|No|5A2C|The client token. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|5FFD-9ED4|The ID of the request. |
|Result|Boolean|true|Whether the gadget is deleted. |
"""


def test_the_request_line_may_stand_under_request_structure(tmp_path):
    """"Request structure" titles the request line too, which may follow blank lines and an
    indent inside its block."""
    _, document, _ = _build_one(tmp_path, "DeleteGadget", STRUCTURE_EN)
    operation = document["paths"]["/openapi/gadgets/{ResId}"]["delete"]
    assert operation["operationId"] == "DeleteGadget"
    assert {(p["name"], p["in"]) for p in operation["parameters"]} == {
        ("ResId", "path"), ("ClientToken", "query")}


BODY_TABLE_EN = """\
# TagGadgets

Call TagGadgets to tag gadgets.

## Request syntax

```
POST /openapi/gadget-tags HTTPS|HTTP
```

## Request parameters

The request parameters are empty, but the RequestBody parameter is required.

|Field

|Type

|Required

|Example

|Description |
|-------|------|----------|---------|-------------|
|GadgetIds

|Array

|Yes

|\\["g-1","g-2"\\]

|The IDs of the gadgets. |
|Tags

|Array

|Yes

|\\[\\{"key":"env","value":"IT"\\}\\]

|The tags. |
|GadgetType

|String

|Yes

|GADGET

|The type of the gadgets. |

- **Tag parameters**

|Parameter

|Type

|Example

|Description |
|------|----|----|----|
|key

|String

|env

|The tag key. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|3D87-95D9|The ID of the request. |
|Result|Boolean|true|Whether the gadgets are tagged. |

## Examples

Sample requests

```
POST /openapi/gadget-tags HTTP/1.1
Common request parameters
{
    "GadgetIds": ["g-1", "g-2"],
    "Tags": [{"key": "env", "value": "IT"}],
    "GadgetType": "GADGET"
}
```
"""


def test_a_header_written_one_cell_per_line_still_heads_a_table():
    """Exported pages write nested tables one cell per line, blank lines between the cells."""
    from generator.sources import read_page
    from generator.sources.tree import Table

    doc = read_page("TagGadgets.md", BODY_TABLE_EN)
    tables = [n for n in doc.nodes if isinstance(n, Table)]
    assert tables[0].header == ("Field", "Type", "Required", "Example", "Description")
    assert [r.cells[:3] for r in tables[0].rows] == [
        ("GadgetIds", "Array", "Yes"), ("Tags", "Array", "Yes"), ("GadgetType", "String", "Yes")]
    assert tables[1].header == ("Parameter", "Type", "Example", "Description")


def test_a_table_introduced_as_the_request_body_lists_body_fields(tmp_path):
    """Rows of a request table the page introduces as the RequestBody travel in the body; a
    list's Example cell may show the whole list as JSON, and the sample types its items; a
    table labelled as a structure's parameters (`Tag parameters`) lists no request
    parameters."""
    _, document, report = _build_one(tmp_path, "TagGadgets", BODY_TABLE_EN)
    operation = document["paths"]["/openapi/gadget-tags"]["post"]
    assert not operation.get("parameters")
    body = _strip(operation["requestBody"]["content"]["application/json"]["schema"])
    assert body["required"] == ["GadgetIds", "Tags", "GadgetType"]
    assert body["properties"]["GadgetIds"] == {"type": "array", "items": {"type": "string"}}
    assert body["properties"]["Tags"]["items"]["properties"] == {
        "key": {"type": "string"}, "value": {"type": "string"}}
    assert any(d["code"] == "type-unplaced" and "table of Tag " in d["message"]
               for d in report["diagnostics"])


LIST_BODY_ZH = """\
# ValidateGadgetNodes

调用ValidateGadgetNodes校验节点。

## 请求语法

```
POST /openapi/gadgets/[GadgetId]/validate-nodes HTTPS|HTTP
```

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|GadgetId|String|是|g-1|部件ID。 |

## RequestBody

RequestBody中还需填入以下参数，用来指定待校验节点。

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|host|String|是|192.168.xx.xx|节点的IP地址。 |
|port|Integer|是|9200|节点的端口号。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|F994-07AB|请求ID。 |
|Result|Boolean|true|返回结果。 |

## 示例

请求示例

```
POST /openapi/gadgets/g-1/validate-nodes HTTP/1.1
公共请求头
[
	{"host": "192.168.**.**", "port": 9200},
	{"host": "192.168.**.**", "port": 9200}
]
```
"""


def test_a_body_sent_as_a_list_has_the_rows_as_item_members(tmp_path):
    out, document, _ = _build_one(tmp_path, "ValidateGadgetNodes", LIST_BODY_ZH)
    operation = document["paths"]["/openapi/gadgets/{GadgetId}/validate-nodes"]["post"]
    assert [(p["name"], p["in"]) for p in operation["parameters"]] == [("GadgetId", "path")]
    body = _strip(operation["requestBody"]["content"]["application/json"]["schema"])
    assert body == {"type": "array", "items": {"type": "object", "properties": {
        "host": {"type": "string"}, "port": {"type": "integer"}}, "required": ["host", "port"]}}
    findings = validate_request("alibabacloud/demo", url="/openapi/gadgets/g-1/validate-nodes",
                                method="POST", body=[{"host": "h", "port": "x"}], generated=out)
    assert [(f.rule, f.pointer) for f in findings] == [("type", "/body/0/port")]


TITLED_EN = """\
# Query the kubeconfig of a gadget

You can call the DescribeGadgetKubeconfig operation to query the kubeconfig of a gadget.

## Debugging

[OpenAPI Explorer automatically calculates the signature value.](https://api.aliyun.com/#product=Demo&api=DescribeGadgetKubeconfig&type=ROA&version=2015-12-15)

## Request syntax

```
GET /gadgets/{GadgetId}/user_config HTTP/1.1
```

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|GadgetId|String|Yes|g-1|The ID of the gadget. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|config|String|apiVersion: v1|The kubeconfig. |

## Errors

For a list of error codes, visit the API Error Center.
"""


def test_a_section_title_is_not_the_action_of_a_page_titled_in_words(tmp_path):
    """A page titled in words (its file named after the Action): "Errors", a later heading, is a
    section title and not the Action."""
    _, document, _ = _build_one(tmp_path, "DescribeGadgetKubeconfig", TITLED_EN)
    assert document["paths"]["/gadgets/{GadgetId}/user_config"]["get"]["operationId"] == \
        "DescribeGadgetKubeconfig"


BARE_EN = """\
# DeleteGadgetTags

Deletes tags of a gadget.

## Request syntax

```
DELETE /gadgets/GadgetId/tags HTTP/1.1
Content-Type:application/json
```

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|GadgetId|String|Yes|g-1|The ID of the gadget. |
|tags|String|No|env|The tag keys to delete. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|request\\_id|String|E368-C761|The ID of the request. |
"""


def test_a_path_segment_spelled_as_a_parameter_name_is_that_parameter(tmp_path):
    """`/gadgets/GadgetId/tags`: GadgetId is the documented parameter; `tags` stays literal."""
    _, document, _ = _build_one(tmp_path, "DeleteGadgetTags", BARE_EN)
    operation = document["paths"]["/gadgets/{GadgetId}/tags"]["delete"]
    assert {(p["name"], p["in"], p["required"]) for p in operation["parameters"]} == {
        ("GadgetId", "path", True), ("tags", "query", False)}


UNPLACED_EN = """\
# UpdateGadgetTemplate

You can call UpdateGadgetTemplate to update a template.

## Request syntax

```
put /templates/{TemplateId} http|https
```

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|TemplateId|String|Yes|72d2-0cf8|The ID of the template. |
|dry_run|Boolean|No|false|Whether to check the request only. |
|name|String|No|web01|The name of the template. |
|template\\_type|String|No|kubernetes|The type of the template. |

## Examples

Sample requests

```
PUT /templates/[TemplateId]?dry_run=false HTTP/1.1
Common request parameters
{
    "TemplateId":"72d2-0cf8",
    "name":"web01",
    "template_type":"kubernetes"
}
```
"""


def test_rows_the_request_sample_sends_in_the_body_travel_in_the_body(tmp_path):
    """No Position column: what the sample's JSON body carries is body (path variables stay in
    the path), the rest are query parameters."""
    _, document, _ = _build_one(tmp_path, "UpdateGadgetTemplate", UNPLACED_EN)
    operation = document["paths"]["/templates/{TemplateId}"]["put"]
    assert {(p["name"], p["in"]) for p in operation["parameters"]} == {
        ("TemplateId", "path"), ("dry_run", "query")}
    body = _strip(operation["requestBody"]["content"]["application/json"]["schema"])
    assert body == {"type": "object", "properties": {
        "name": {"type": "string"}, "template_type": {"type": "string"}}}


QUERY_TREE_EN = """\
# ListGadgetTags

Queries the tags of gadgets.

## Request syntax

```
GET /gadget-tags
```

## Request parameters

|Parameter|Type|Position|Required|Example|Description|
|---------|----|--------|--------|-------|-----------|
|tags|Array|Query|No|\\[\\{\\\\"key\\\\":\\\\"env\\\\"\\}\\]|The tags to match. |
|key|String|Query|No|env|The tag key. |
|value|String|Query|No|dev|The tag value. |
|next\\_token|String|Query|No|abc|The token of the next page. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|request\\_id|String|E368-C761|The ID of the request. |

## Examples

Sample requests

```
GET /gadget-tags HTTP/1.1
Common request header
{
    "next_token": "abc",
    "tags": [{"value": "dev", "key": "env"}]
}
```
"""


def test_the_request_sample_nests_query_rows_listed_flat_after_their_list(tmp_path):
    """A list row followed by its members, flat; the JSON request sample shows them in the
    list's items. The Example cell spelling the whole list (loosely escaped) is no item."""
    _, document, _ = _build_one(tmp_path, "ListGadgetTags", QUERY_TREE_EN)
    operation = document["paths"]["/gadget-tags"]["get"]
    params = {p["name"]: _strip(p["schema"]) for p in operation["parameters"]}
    assert set(params) == {"tags", "next_token"}
    assert params["tags"] == {"type": "array", "items": {"type": "object", "properties": {
        "key": {"type": "string"}, "value": {"type": "string"}}}}


INTRO_BODY_EN = """\
# PatchGadget

Call PatchGadget to change a gadget. The new settings travel in the request body.

## Request syntax

```
PATCH /gadgets/{GadgetId} HTTPS|HTTP
```

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|GadgetId|String|Yes|g-1|The ID of the gadget. |
|dryRun|Boolean|No|false|Whether to check the request only. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|5E2E-3F8B|The ID of the request. |
"""


def test_only_text_in_the_request_section_introduces_a_body_table(tmp_path):
    """The summary talking about the request body does not make the parameter table a body."""
    _, document, _ = _build_one(tmp_path, "PatchGadget", INTRO_BODY_EN)
    operation = document["paths"]["/gadgets/{GadgetId}"]["patch"]
    assert {(p["name"], p["in"]) for p in operation["parameters"]} == {
        ("GadgetId", "path"), ("dryRun", "query")}
    assert "requestBody" not in operation


def _roa_page(action: str, method: str, path: str, variable: str) -> str:
    return f"""\
# {action}

You can call this operation to work on a widget.

## Request syntax

```
{method} {path} HTTP/1.1
```

## Request parameters

|Parameter|Type|Position|Required|Example|Description|
|---------|----|--------|--------|-------|-----------|
|{variable}|String|Path|Yes|wd-1|The ID of the widget. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|r-1|The ID of the request. |
"""


def test_one_operation_per_method_and_path(tmp_path):
    """OpenAPI allows one operation per method and path, and paths that differ only in their
    variables' names are the same path: later pages give way, reported, never silently."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.md").write_text(_roa_page("DescribeWidget", "GET", "/widgets/[WidgetId]",
                                          "WidgetId"), encoding="utf-8")
    (pages / "b.md").write_text(_roa_page("GetWidgetCopy", "GET", "/widgets/[Id]", "Id"),
                                encoding="utf-8")
    (pages / "c.md").write_text(_roa_page("DeleteWidget", "DELETE", "/widgets/[Id]", "Id"),
                                encoding="utf-8")
    build_pages([pages], tmp_path / "out", product="demo")
    folder = tmp_path / "out" / "alibabacloud" / "demo"
    document = _openapi(folder / "openapi.json")
    # Operations are taken in id order: DeleteWidget spells the path first.
    assert list(document["paths"]) == ["/widgets/{Id}"]
    item = document["paths"]["/widgets/{Id}"]
    assert item["get"]["operationId"] == "DescribeWidget"
    assert item["delete"]["operationId"] == "DeleteWidget"
    assert [(p["name"], p["in"]) for p in item["get"]["parameters"]] == [("Id", "path")]
    report = json.loads((folder / "report.json").read_text("utf-8"))
    codes = {(d["code"], d["severity"]) for d in report["diagnostics"]}
    assert ("operation-shadowed", "error") in codes
    assert ("path-variables-renamed", "info") in codes
    shadowed = next(d for d in report["diagnostics"] if d["code"] == "operation-shadowed")
    assert "GetWidgetCopy" in shadowed["message"] and "DescribeWidget keeps it" in \
        shadowed["message"]


REFERENCE_SAMPLE = """\
# UpdateGizmoName

You can call this operation to rename a gizmo.

## Request syntax

```
PATCH /gizmos/[GizmoId]/name HTTP/1.1
```

## Request parameters

|Parameter|Type|Position|Required|Example|Description|
|---------|----|--------|--------|-------|-----------|
|GizmoId|String|Path|Yes|gz-1|The ID of the gizmo. |
|name|String|Body|No|g1|The new name. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|r-1|The ID of the request. |
|Result|Struct| |The result. |
|name|String|g1|The new name. |

**Note:** The sample below may show more fields than the table lists; only those the table lists
are guaranteed.

## Examples

Sample requests

```
PATCH /gizmos/gz-1/name?RegionId=cn-hangzhou HTTP/1.1
Common request headers
{"name": "g1"}
```

Sample success responses

`JSON` format

```
{"RequestId": "r-1", "Result": {"name": "g1", "gizmoId": "gz-1", "status": "active",
 "zone": "cn-hangzhou-i", "size": 3, "spec": "s1", "createdAt": "2020-06-28T08:25:52.895Z",
 "tags": [], "version": "5.5.3"}}
```
"""


def test_a_sample_shown_for_reference_does_not_extend_a_small_table(tmp_path):
    """The table lists one field of Result, the sample the whole object: the sample is another,
    larger object (the page says so), not a table that fell behind. And the sample request's
    common parameters (RegionId) are not parameters of the operation."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "UpdateGizmoName.md").write_text(REFERENCE_SAMPLE, encoding="utf-8")
    build_pages([pages], tmp_path / "out", product="demo")
    document = _openapi(tmp_path / "out/alibabacloud/demo/openapi.json")
    operation = document["paths"]["/gizmos/{GizmoId}/name"]["patch"]
    result = operation["responses"]["200"]["content"]["application/json"]["schema"][
        "properties"]["Result"]
    assert set(result["properties"]) == {"name"}
    assert {p["name"] for p in operation["parameters"]} == {"GizmoId"}


RPC_WITH_POSITION = """\
# CreateGizmo

You can call this operation to create a gizmo.

## Request parameters

|Parameter|Type|Position|Required|Example|Description|
|---------|----|--------|--------|-------|-----------|
|Action|String|Query|Yes|CreateGizmo|The operation that you want to perform. |
|RegionId|String|Query|Yes|cn-hangzhou|The region ID. |
|Policy|String|Body|Yes|{}|The policy document. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|r-1|The ID of the request. |
"""


def test_rpc_parameters_the_page_puts_in_the_body_are_form_parameters(tmp_path):
    """RPC has one parameter set, sent as a query or a form-encoded POST body: a Body row is
    kept (not lost to a JSON body RPC does not have), and a POST form carrying it is valid."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "CreateGizmo.md").write_text(RPC_WITH_POSITION, encoding="utf-8")
    build_pages([pages], tmp_path / "out", product="demo")
    out = tmp_path / "out"
    document = _openapi(out / "alibabacloud/demo/openapi.json")
    item = document["paths"]["/#Action=CreateGizmo"]
    assert {(p["name"], p["in"]) for p in item["parameters"]} >= {("RegionId", "query"),
                                                                   ("Policy", "query")}
    report = json.loads((out / "alibabacloud/demo/report.json").read_text("utf-8"))
    assert any(d["code"] == "rpc-body-parameters" for d in report["diagnostics"])
    assert validate_request("alibabacloud/demo", url="/?Action=CreateGizmo&RegionId=cn-hangzhou",
                            method="POST", body="Policy=%7B%7D", generated=out) == []
    missing = validate_request("alibabacloud/demo", url="/?Action=CreateGizmo&RegionId=x",
                               method="POST", generated=out)
    assert [(f.rule, f.pointer) for f in missing] == [("required", "/query/Policy")]


PASSWORD_ZH = """\
# UpdateGadgetPassword

调用UpdateGadgetPassword更新部件的密码。

## 请求语法

```
PATCH|POST /openapi/gadgets/[GadgetId]/password HTTP/1.1
```

## 请求参数

|名称|类型|位置|是否必选|示例值|描述|
|--|--|--|----|---|--|
|GadgetId|String|Path|是|gd-1|部件ID。 |
|clientToken|String|Query|否|5A2C|幂等参数。 |

## RequestBody

RequestBody中还需填入**password**参数，用来指定新密码，示例如下。

```
{
  "password": "Secret_1",
  "GadgetId": "gd-1"
}
```

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|0FA0|请求ID。 |

## 示例

请求示例

```
PATCH /openapi/gadgets/gd-1/password HTTP/1.1
公共请求头
{
  "password": "Secret_1"
}
```
"""


def test_a_body_shown_only_by_the_example_request_is_inferred_from_it(tmp_path):
    """No body table, but the example request shows the body: the body is the sample's shape,
    marked inferred and reported; a key that is a path parameter is not a body field."""
    out, document, report = _build_one(tmp_path, "UpdateGadgetPassword", PASSWORD_ZH)
    operation = document["paths"]["/openapi/gadgets/{GadgetId}/password"]["patch"]
    body = _strip(operation["requestBody"]["content"]["application/json"]["schema"])
    assert set(body["properties"]) == {"password"}
    assert body["properties"]["password"]["type"] == "string"
    assert any(d["code"] == "request-body-inferred" for d in report["diagnostics"])
    assert validate_request("alibabacloud/demo", url="/openapi/gadgets/gd-1/password",
                            method="PATCH", body='{"password": "x"}', generated=out) == []
