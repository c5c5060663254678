"""Alibaba page conventions met on products outside the development corpus, each a general
rule tested on a small constructed page (never a copy of a real one): older exported layouts,
repeat lists, placeholder rows, JSON-string parameters, sized types, ROA pages without the usual
headings. The pages are built in memory (no models, no files) to keep the run fast."""

from __future__ import annotations

import json

from generator.build import infer_version
from generator.emitters.context import EmitContext
from generator.manifest import Manifest
from generator.pipeline import product_from_results, read_and_extract
from generator.sources import markdown
from generator.sources.tree import CodeBlock, Heading


def _build(pages: dict[str, str], style: str = "rpc") -> tuple[dict, list]:
    """(OpenAPI document, diagnostics) of pages given as {file name: Markdown}."""
    results = [read_and_extract(name, text, None, None) for name, text in pages.items()]
    manifest = Manifest(provider="alibabacloud", product="demo", title="demo",
                        version=infer_version(results, style), style=style)
    product = product_from_results(manifest, results, tuple(pages))
    return EmitContext(product, tuple(results)).openapi, list(product.diagnostics)


def _operation(document: dict, name: str) -> dict:
    found = [op for item in document["paths"].values() for op in item.values()
             if isinstance(op, dict) and op.get("operationId") == name]
    assert found, f"{name} not among {list(document['paths'])}"
    return found[0]


def _resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _response(document: dict, name: str) -> dict:
    operation = _operation(document, name)
    content = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return _resolve(document, content)


def _parameters(document: dict, name: str) -> dict[str, dict]:
    operation = _operation(document, name)
    item = next(i for i in document["paths"].values() if operation in i.values())
    params = [*item.get("parameters", ()), *operation.get("parameters", ())]
    return {p["name"]: p for p in (_resolve(document, p) for p in params)}


# ---------------------------------------------------------------- older exported (DITA) pages

OLD_EXPORT_MD = """\
DescribeGadget (new) {#title}
=============================

Queries a gadget.

Request parameters
------------------

|  Parameter  |  Type   | Required | Example |  Description   |
|-------------|---------|----------|---------|----------------|
| Action      | String  | Yes      | DescribeGadget | The operation. |
| GadgetId    | String  | Yes      | g-1     | The gadget ID. |

Response parameters
-------------------

|  Parameter  |  Type  | Example | Description |
|-------------|--------|---------|-------------|
| Size        | Integer | 3      | The size.   |
| RequestId   | String | 68-56   | The request ID. |

Examples
--------

Sample requests

    http(s)://gadget.aliyuncs.com/? Action=DescribeGadget
    &GadgetId=g-1
    &<Common request parameters>

`JSON` format

    {
        "RequestId": "68-56",
        "Size": 3
    }

-   A list item

    with an indented continuation that is no sample.
"""


def test_setext_titles_and_indented_samples_are_read():
    doc = markdown.read("DescribeGadget (new).md", OLD_EXPORT_MD)
    headings = [n.text for n in doc.nodes if isinstance(n, Heading)]
    assert headings == ["DescribeGadget (new)", "Request parameters", "Response parameters",
                        "Examples"]
    blocks = [n for n in doc.nodes if isinstance(n, CodeBlock)]
    assert len(blocks) == 2
    assert blocks[0].text.startswith("http(s)://gadget.aliyuncs.com/? Action=")
    assert blocks[1].language == "json" and blocks[1].text.startswith("{\n    \"RequestId\"")


def test_an_old_exported_page_is_an_operation_named_by_its_title():
    document, _ = _build({"DescribeGadget (new).md": OLD_EXPORT_MD})
    assert set(_parameters(document, "DescribeGadget")) >= {"GadgetId"}
    response = _response(document, "DescribeGadget")
    assert set(response["properties"]) == {"Size", "RequestId"}


# ---------------------------------------------------------------- samples labelled in a list

LISTED_SAMPLES_MD = """\
# DescribeSprockets

Queries sprockets.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeSprockets|The operation.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|Sprockets| | |The sprockets.|
|SprocketId|String|sp-1|The sprocket ID.|
|RequestId|String|A7-0E|The request ID.|

## Examples

-   Request example

    ```
    GET https://demo.aliyuncs.com/?Action=DescribeSprockets
    ```

-   Response example
    -   XML example

        ```
        <? xml version="1.0" encoding="UTF-8"? >
        <DescribeSprocketsResponse>
          <RequestId>A7-0E</RequestId>
          <Sprockets><Sprocket><SprocketId>sp-1</SprocketId></Sprocket></Sprockets>
        </DescribeSprocketsResponse>
        ```

    -   JSON example

        ```
        {"RequestId": "A7-0E", "Sprockets": {"Sprocket": [{"SprocketId": "sp-1"}]}}
        ```
"""


def test_a_sample_label_in_a_nested_list_item_names_the_samples_after_it():
    document, diagnostics = _build({"DescribeSprockets.md": LISTED_SAMPLES_MD})
    response = _response(document, "DescribeSprockets")
    wrapper = _resolve(document, response["properties"]["Sprockets"])
    assert wrapper["type"] == "object" and "Sprocket" in wrapper["properties"]
    assert not [d for d in diagnostics if d.code == "sample-invalid"]  # `<? xml ... ? >` is read


# ---------------------------------------------------------------- placeholders, common parameters

PLACEHOLDER_MD = """\
# SwitchWidgetRole {#reference1 .reference}

切换部件的主备角色。

## 请求参数 { .section}

|名称|类型|是否必须|描述|
|:-|:-|:---|:-|
|Action|String|是|要执行的操作，取值为：SwitchWidgetRole。|
|‹公共请求参数>|-|是|详见公共参数。|
|WidgetId|String|是|部件ID。|

## 返回参数 { .section}

|名称|类型|描述|
|:-|:-|:-|
|<公共返回参数\\>|-|详见[公共参数](公共参数.md#)。|
|Role|String|切换后的角色。|
|Common response parameters|-|See common parameters.|
"""

COMMON_PARAMETERS_MD = """\
# 公共参数

## 公共请求参数

|名称|类型|是否必选|描述|
|--|--|----|--|
|Format|String|否|返回值的类型。|
|Version|String|是|API版本号。|
|AccessKeyId|String|是|访问密钥ID。|
|Signature|String|是|签名结果串。|
|SignatureMethod|String|是|签名方式。|

示例

```
http://widget.aliyuncs.com/?Action=SwitchWidgetRole&Format=JSON&Version=2020-01-01
```
"""


def test_placeholder_rows_are_never_fields_and_the_page_is_still_alibaba():
    document, diagnostics = _build({"SwitchWidgetRole.md": PLACEHOLDER_MD})
    assert set(_parameters(document, "SwitchWidgetRole")) == {"Action", "Version", "WidgetId"}
    assert set(_response(document, "SwitchWidgetRole")["properties"]) == {"Role"}
    assert len([d for d in diagnostics if d.code == "row-placeholder"]) == 3


def test_a_common_parameters_page_is_no_operation_of_the_action_its_example_names():
    document, diagnostics = _build({"SwitchWidgetRole.md": PLACEHOLDER_MD,
                                    "公共参数.md": COMMON_PARAMETERS_MD})
    parameters = _parameters(document, "SwitchWidgetRole")
    assert "SignatureMethod" not in parameters and "Format" not in parameters
    assert any(d.code == "page-not-reference" and d.loc.path == "公共参数.md"
               for d in diagnostics)


def test_sample_labels_in_other_words_say_which_sample_follows():
    from generator.dialects.sections import sample_label

    assert sample_label("Successful response examples") == "response"
    assert sample_label("**返回示例**".strip("*")) == "response"
    assert sample_label("错误返回结果示例") == "error"
    assert sample_label("Request example") == "request"
    assert sample_label("XML format") == ""
    assert sample_label("The response returns the instance list") == ""


# ---------------------------------------------------------------- members tables

MEMBERS_MD = """\
# DescribeGizmoListener

查询监听的配置。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeGizmoListener|要执行的操作。|
|ListenerPort|Integer|是|80|监听端口。|

## 返回数据

|名称|类型|描述|
|--|--|--|
|RequestId|String|请求ID。|
|Rules|List|转发规则列表，具体请参见[RuleList](#section_x)。|
|Policy|Map|策略。|
|ForwardPort|Integer|转发端口。|

## RuleList {#section_x .section}

|名称|类型|描述|
|--|--|--|
|RuleId|String|转发规则ID。|
|Domain|String|域名。|

**Policy字段数据结构说明**

|参数|类型|示例值|是否必选|描述|
|--|--|--|--|--|
|minAge|String|30d|否|时间。|

**Orphan参数说明**

|参数|类型|是否必选|描述|
|--|--|--|--|
|lonely|String|否|无人引用。|

## 示例

**返回示例**

```
{"RequestId": "r-1", "ForwardPort": 443, "Rules": {"Rule": [{"RuleId": "rule-1", "Domain": "a.com"}]},
 "Policy": {"minAge": "30d"}}
```
"""


def test_a_members_table_under_its_own_heading_or_label_belongs_to_the_row_naming_it():
    document, diagnostics = _build({"DescribeGizmoListener.md": MEMBERS_MD})
    response = _response(document, "DescribeGizmoListener")
    assert set(response["properties"]) == {"RequestId", "Rules", "Policy", "ForwardPort"}
    rules = _resolve(document, response["properties"]["Rules"])
    rule = _resolve(document, rules["properties"]["Rule"]["items"])
    assert set(rule["properties"]) == {"RuleId", "Domain"}
    policy = _resolve(document, response["properties"]["Policy"])
    assert set(policy["properties"]) == {"minAge"}
    # A table with a Required column in the response section lists no request parameters.
    assert set(_parameters(document, "DescribeGizmoListener")) == {"Action", "Version",
                                                                   "ListenerPort"}
    # The members table no row refers to and no sample shows is reported with its rows.
    orphan = [d for d in diagnostics if d.code == "type-unplaced" and "Orphan" in d.message]
    assert len(orphan) == 1 and orphan[0].loc is not None
    assert len(orphan[0].related) == 1 and orphan[0].related[0].line > orphan[0].loc.line


# ---------------------------------------------------------------- repeat lists

REPEAT_LIST_MD = """\
# CreateThing

Creates a thing.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|CreateThing|The operation.|
|Tag.N.Key|String|Yes|env|The tag key.|
|DataDisk.N.Size|Integer|No|40|The size.|
|Name|String|No|n|The name.|
|Tag.N.Value|String|No|IT|The tag value.|
|Nic.N.VSwitchId|String|No|vsw-1|The vswitch.|
|Nic.N.Ipv6Address.N|String|No|::1|The IPv6 addresses.|
|Nic.N.SecurityGroupId|String|No|sg-2|The security group.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|r-1|The request ID.|
"""


def test_repeat_list_members_keep_their_prefix_wherever_they_are_written():
    document, _ = _build({"CreateThing.md": REPEAT_LIST_MD})
    parameters = _parameters(document, "CreateThing")
    assert {"Tag.1.Key", "Tag.1.Value", "Nic.1.SecurityGroupId", "Nic.1.Ipv6Address.1",
            "Name"} <= set(parameters)
    assert "Value" not in parameters and "SecurityGroupId" not in parameters
    # The list is documented only through its members, the first of them required: so is it.
    assert parameters["Tag.1.Key"]["required"] is True
    assert parameters["Tag.1.Value"].get("required", False) is False
    assert parameters["DataDisk.1.Size"].get("required", False) is False


# ---------------------------------------------------------------- sized types and maps

def test_sized_and_remarked_types_and_maps():
    from generator.dialects.types import parse_type

    assert parse_type("String(64)").max_length == 64
    assert parse_type("String(64)").kind == "string"
    assert parse_type("Integer(11)").kind == "integer"  # a display width, no bound
    assert parse_type("List (NAT gateways)").kind == "array"
    assert parse_type("Array（标签列表）").kind == "array"
    spec = parse_type("Map<String, List<String>>")
    assert spec.kind == "object" and spec.values is not None and spec.values.kind == "array"
    assert parse_type("Map").values is not None


MAPS_MD = """\
# DescribeWidgetLabels

Queries labels.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeWidgetLabels|The operation.|
|Name|String(16)|No|abc|The name.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|Labels|Map<String,String>| |The labels.|
|Counts|Object| |Counts per widget.|
|Policy|Map| |The policy; see the data structure of Policy.|
|RequestId|String|r-1|The request ID.|

**Policy字段数据结构说明**

|参数|类型|示例值|描述|
|--|--|--|--|
|{key}|Struct| |阶段。|
|minAge|String|30d|时间。|

## Examples

Sample success responses

```
{"RequestId": "r-1", "Labels": {"env": "prod", "team": "a"},
 "Counts": {"i-bp1abcdef0123": 3, "i-bp1abcdef4567": 5},
 "Policy": {"hot": {"minAge": "0s"}, "cold": {"minAge": "30d"}}}
```
"""


def test_maps_take_any_key_and_never_the_sample_keys_as_properties():
    document, _ = _build({"DescribeWidgetLabels.md": MAPS_MD})
    assert _parameters(document, "DescribeWidgetLabels")["Name"]["schema"]["maxLength"] == 16
    response = _response(document, "DescribeWidgetLabels")
    labels = response["properties"]["Labels"]
    assert "properties" not in labels and labels["additionalProperties"]["type"] == "string"
    counts = response["properties"]["Counts"]  # a dictionary keyed by IDs in the sample
    assert "properties" not in counts and counts["additionalProperties"]["type"] == "integer"
    policy = response["properties"]["Policy"]
    assert "properties" not in policy
    assert set(_resolve(document, policy["additionalProperties"])["properties"]) == {"minAge"}


# ---------------------------------------------------------------- ROA pages, other layouts

ROA_PLAIN_MD = """\
# GetGadgetShard

Gets one shard of a gadget.

## Request

```
GET/gadgets/<gadgetname>/shards/{shardId} HTTP/1.1
Authorization: <AuthorizationString>
```

- 参数列表

    |名称|类型|位置|是否必选|示例值|描述|
    |--|--|--|----|---|--|
    |gadgetname|String|Path|是|g1|部件名称。|
    |shardId|Integer|Path|是|3|分片ID。|
    |verbose|Boolean|Query|否|true|是否详细。|

## Response

|名称|类型|示例值|描述|
|--|--|---|--|
|shardId|Integer|3|分片ID。|
|status|String|readonly|状态。|

## Examples

```
GET /gadgets/g1/shards/3?verbose=true HTTP/1.1
```

```
{"shardId": 3, "status": "readonly"}
```
"""


def test_an_roa_page_without_the_usual_headings_is_an_operation():
    """The request line in a code block under "Request" (no space after the method, `<x>` and
    `{x}` variables), its parameter table indented under a list item."""
    document, _ = _build({"GetGadgetShard.md": ROA_PLAIN_MD}, style="rest")
    operation = document["paths"]["/gadgets/{gadgetname}/shards/{shardId}"]["get"]
    assert operation["operationId"] == "GetGadgetShard"
    names = {(p["name"], p["in"]) for p in (_resolve(document, p) for p in
                                            operation["parameters"])}
    assert names >= {("gadgetname", "path"), ("shardId", "path"), ("verbose", "query")}
    assert set(_response(document, "GetGadgetShard")["properties"]) == {"shardId", "status"}


FENCE_IN_CELL_MD = """\
# PutGadgetConfig

Sets a gadget's configuration.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|PutGadgetConfig|The operation.|
|Config|String|Yes|```json
{"size": 3}
```|The configuration.|
|Name|String|No|g1|The name.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|r-1|The request ID.|

## Examples

```
{"RequestId": "r-1"}

## Error codes

|HTTP status code|Error code|Error message|Description|
|----------------|----------|-------------|-----------|
|400|InvalidConfig|The config is invalid.|The config is invalid.|
"""


def test_a_fence_in_a_cell_or_left_open_does_not_swallow_the_page():
    from generator.sources.tree import Table

    doc = markdown.read("PutGadgetConfig.md", FENCE_IN_CELL_MD)
    tables = [n for n in doc.nodes if isinstance(n, Table)]
    assert [len(t.rows) for t in tables] == [3, 1, 1]
    assert "Error codes" in [n.text for n in doc.nodes if isinstance(n, Heading)]
    document, _ = _build({"PutGadgetConfig.md": FENCE_IN_CELL_MD})
    assert {"Config", "Name"} <= set(_parameters(document, "PutGadgetConfig"))


JSON_KEYS_MD = """\
# CreateProbe

创建探测任务。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|CreateProbe|要执行的操作。|
|TaskType|String|是|HTTP|协议类型。|
|OptionsJson|String|否|{"time_out":5000}|协议类型的高级扩展选项。|

各协议的高级参数如下表所示。

-   HTTP

|参数|类型|描述|
|----|----|----|
|http_method|String|HTTP请求方式。|
|time_out|Integer|超时时间。|

-   PING

|参数|类型|描述|
|----|----|----|
|ping_num|Integer|PING的次数。|

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|r-1|请求ID。|
"""


def test_tables_of_a_json_string_parameters_keys_are_its_content_not_parameters():
    document, diagnostics = _build({"CreateProbe.md": JSON_KEYS_MD})
    parameters = _parameters(document, "CreateProbe")
    assert set(parameters) == {"Action", "Version", "TaskType", "OptionsJson"}
    content = parameters["OptionsJson"]["schema"]["contentSchema"]
    assert set(content["properties"]) == {"http_method", "time_out", "ping_num"}
    assert content["properties"]["time_out"]["type"] == "integer"
    assert len([d for d in diagnostics if d.code == "json-string-keys"]) == 2


# ---------------------------------------------------- a JSON sample that lost closing brackets

LOST_CLOSER_MD = """\
# ListGadgets

调用ListGadgets查询所有小工具。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|ListGadgets|要执行的操作，取值：ListGadgets。 |
|PageNumber|Integer|否|1|当前页数。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|Gadgets|Array of Gadget| |小工具。 |
|Gadget| | | |
|GadgetArn|String|acs:gadget:1|ARN。 |
|GadgetId|String|g-1|ID。 |
|PageNumber|Integer|1|当前页数。 |
|RequestId|String|r-1|请求ID。 |
|TotalCount|Integer|2|总数。 |

## 示例

请求示例

```
https://gadget.cn-hangzhou.aliyuncs.com/?Action=ListGadgets
&PageNumber=1
&<公共请求参数>
```

正常返回示例

`XML` 格式

```
<GADGETS>
    <Gadgets>
        <Gadget>
            <GadgetId>g-1</GadgetId>
            <GadgetArn>acs:gadget:1</GadgetArn>
        </Gadget>
        <Gadget>
            <GadgetId>g-2</GadgetId>
            <GadgetArn>acs:gadget:2</GadgetArn>
        </Gadget>
    </Gadgets>
    <TotalCount>2</TotalCount>
    <PageNumber>1</PageNumber>
    <RequestId>r-1</RequestId>
</GADGETS>
```

`JSON` 格式

```
{
        "Gadgets": {
                "Gadget": [
                        {
                                "GadgetId": "g-1",
                                "GadgetArn": "acs:gadget:1"
                        },
                        {
                                "GadgetId": "g-2",
                                "GadgetArn": "acs:gadget:2"
                        }
                    ],
                "TotalCount": 2,
        "PageNumber": 1,
        "RequestId": "r-1"
}
```
"""


def test_a_json_sample_that_lost_a_closer_gives_way_to_the_pages_other_sample():
    """Put back at the end, the lost `}` would move TotalCount, PageNumber and RequestId into
    `Gadgets` (and out of the response); the XML sample of the same response reads as printed
    and decides."""
    document, diagnostics = _build({"ListGadgets.md": LOST_CLOSER_MD})
    response = _response(document, "ListGadgets")
    assert {"Gadgets", "TotalCount", "PageNumber", "RequestId"} <= set(response["properties"])
    gadgets = _resolve(document, response["properties"]["Gadgets"])
    assert "TotalCount" not in json.dumps(gadgets)
    set_aside = [d for d in diagnostics if d.code == "sample-set-aside"]
    assert len(set_aside) == 1 and "XML sample" in set_aside[0].message
    assert set_aside[0].loc is not None and set_aside[0].loc.line > 40


def test_a_json_sample_that_lost_a_closer_is_still_used_alone():
    alone = LOST_CLOSER_MD[:LOST_CLOSER_MD.index("`XML` 格式")] + \
        LOST_CLOSER_MD[LOST_CLOSER_MD.index("`JSON` 格式"):]
    document, diagnostics = _build({"ListGadgets.md": alone})
    assert "sample-set-aside" not in {d.code for d in diagnostics}
    assert "sample-repaired" in {d.code for d in diagnostics}
    assert "Gadgets" in _response(document, "ListGadgets")["properties"]


# ------------------------------------------- a URL parameter typed as a JSON document or a map

JSON_TYPED_MD = """\
# EncryptGadget

Encrypts a gadget.

## Request parameters

|Name|Type|Required|Example|Description|
|----|----|--------|-------|-----------|
|Action|String|Yes|EncryptGadget|The operation that you want to perform.|
|GadgetId|String|Yes|g-1|The ID of the gadget.|
|Context|String to string map|No|\\{"Owner":"Alice"\\}|A JSON string of key-value pairs.|
|Options|Json|No|\\{"Level":3, "Modes":["a","b"]\\}|The options of the gadget.|
|Labels|JSON|No|\\[\\{"Key": "team", "Value": "blue"\\}\\]|The labels of the gadget.|

## Response parameters

|Name|Type|Example|Description|
|----|----|-------|-----------|
|Settings|Map|\\{"mode": "fast"\\}|The settings of the gadget.|
|RequestId|String|r-1|The ID of the request.|

## Examples

```
{"Settings": {"mode": "fast"}, "RequestId": "r-1"}
```
"""


def test_url_parameters_typed_json_or_map_are_json_text():
    """A query string carries text: a parameter documented as `Json` or a map is the JSON text
    of its document (a string whose content is the document), while a response field typed
    `Map` stays an object."""
    document, _ = _build({"EncryptGadget.md": JSON_TYPED_MD})
    parameters = _parameters(document, "EncryptGadget")
    for name in ("Context", "Options", "Labels"):
        schema = parameters[name]["schema"]
        assert schema["type"] == "string", name
        assert schema["contentMediaType"] == "application/json", name
    assert parameters["Context"]["schema"]["contentSchema"]["additionalProperties"] == {
        "type": "string"}
    options = parameters["Options"]["schema"]["contentSchema"]
    assert options["properties"]["Level"]["type"] == "integer"
    assert parameters["Labels"]["schema"]["contentSchema"]["type"] == "array"
    assert parameters["GadgetId"]["schema"]["type"] == "string"
    settings = _resolve(document, _response(document, "EncryptGadget")["properties"]["Settings"])
    assert settings["type"] == "object"


# ----------------------------------- an XML sample wrapping a documented list's items in elements

XML_ITEMS_MD = """\
# DescribeGadgetZones

Queries the zones of gadgets.

## Request parameters

|Name|Type|Required|Example|Description|
|----|----|--------|-------|-----------|
|Action|String|Yes|DescribeGadgetZones|The operation that you want to perform.|

## Response parameters

|Name|Type|Description|
|:---|:---|:----------|
|RequestId|String|The ID of the request.|
|Zones|Array of [`ZoneType`](#ZoneType)|The zones.|

**ZoneType**

|Name|Type|Description|
|:---|:---|:----------|
|ZoneId|String|The ID of the zone.|
|Status|String|The status of the zone.|

## Examples

```
<DescribeGadgetZonesResponse>
    <Zones>
        <Zone>
            <ZoneId>z-1</ZoneId>
            <Status>Available</Status>
        </Zone>
        <Zone>
            <ZoneId>z-2</ZoneId>
            <Status>SoldOut</Status>
        </Zone>
    </Zones>
    <RequestId>r-1</RequestId>
</DescribeGadgetZonesResponse>
```
"""


def test_xml_sample_items_wrapped_in_their_element_are_the_lists_items():
    """`<Zones><Zone>..</Zone><Zone>..</Zone></Zones>` under a documented list of objects whose
    fields are ZoneId and Status: each `<Zone>` is one item (the element names the items, as
    XML wraps lists), not an item holding a field `Zone`."""
    document, _ = _build({"DescribeGadgetZones.md": XML_ITEMS_MD})
    zones = _resolve(document, _response(document, "DescribeGadgetZones")["properties"]["Zones"])
    assert zones["type"] == "array"
    item = _resolve(document, zones["items"])
    assert set(item["properties"]) == {"ZoneId", "Status"}


# ------------------------------------------------ a JSON sample rooted in the operation's name

ACTION_ROOT_MD = """\
# {action}

Adds members to a gadget group.

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|{action}|要执行的操作。|

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|{first}| | |成员列表。|
|MemberId|String|m-1|成员ID。|
|RequestId|String|r-1|请求ID。|

## 示例

```
{{"{action}": {{"{first}": [{{"MemberId": "m-1"}}], "RequestId": "r-1"}}}}
```
"""


def test_json_sample_rooted_in_the_operation_name_is_unwrapped_unless_a_field():
    """`{"AddGadgetMembers": {...}}`: the XML root carried into JSON without its `Response`
    suffix; the inner object is the response. A documented field that happens to be named
    like the operation (`ListGadgetMembers` holding the members) stays a field."""
    page = ACTION_ROOT_MD.format(action="AddGadgetMembers", first="Members")
    document, diagnostics = _build({"AddGadgetMembers.md": page})
    response = _response(document, "AddGadgetMembers")
    assert set(response["properties"]) == {"Members", "RequestId"}
    assert any(d.code == "sample-root-wrapper" for d in diagnostics)
    page = ACTION_ROOT_MD.format(action="ListGadgetMembers", first="ListGadgetMembers")
    document, diagnostics = _build({"ListGadgetMembers.md": page})
    response = _response(document, "ListGadgetMembers")
    assert "ListGadgetMembers" in response["properties"]
    assert not any(d.code == "sample-root-wrapper" for d in diagnostics)


# -------------------------------------------- an object holding a field named like itself

SELF_NAMED_MD = """\
# DescribeGadgetConfig

Queries the configuration of a gadget.

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeGadgetConfig|要执行的操作。|

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|r-1|请求ID。|
|Data|Object| |返回结果。|
|UpdateTime|Long|1593747274195|更新时间。|
|Data|Map| |键值对数据。|
|Name|String|g-1|名称。|
|Owner|String|alice|所有者。|
|Success|Boolean|true|是否成功。|

## 示例

```
{"RequestId": "r-1", "Data": {"UpdateTime": 1593747274195, "Name": "g-1", "Owner": "alice"},
 "Success": true}
```
"""


def test_an_object_row_named_like_its_parent_stays_inside_it():
    """`Data` (an object) lists `UpdateTime`, then `Data` (a map), then `Name`: the sample
    shows `Data` only at the top level, but the top level already has its `Data` and the
    next row is a field of the open `Data`, so the map is `Data.Data` and the rows after it
    stay in `Data` (before, the map became a duplicate at the top level and took the rows
    after it with it)."""
    document, diagnostics = _build({"DescribeGadgetConfig.md": SELF_NAMED_MD})
    response = _response(document, "DescribeGadgetConfig")
    assert set(response["properties"]) == {"RequestId", "Data", "Success"}
    data = _resolve(document, response["properties"]["Data"])
    assert set(data["properties"]) == {"UpdateTime", "Data", "Name", "Owner"}
    assert not any(d.code == "row-duplicate" for d in diagnostics)


# ------------------------------------------------- a table sorted only in parts

PARTLY_SORTED_MD = """\
# DescribeGadgetAttribute

Queries a gadget.

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeGadgetAttribute|要执行的操作。|

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|AccountId|String|a-1|账号ID。|
|Alias|String|g|别名。|
|Zone|String|z-1|可用区。|
|Address|String|10.0.0.1|地址。|
|Listeners| | |监听列表。|
|Port|Integer|80|端口。|
|Protocol|String|http|协议。|
|Description|String|d|监听描述。|
|Mode|String|fast|模式。|
|Name|String|g-1|名称。|
|RequestId|String|r-1|请求ID。|
|Status|String|active|状态。|

## 示例

```
{"AccountId": "a-1", "Alias": "g", "Zone": "z-1", "Address": "10.0.0.1",
 "Listeners": {"Listener": []}, "Mode": "fast", "Name": "g-1", "RequestId": "r-1",
 "Status": "active"}
```
"""


def test_sorted_order_closes_an_object_only_into_a_scope_listed_in_order():
    """The table is mostly in name order, but its top level is not (`Address` after `Zone`):
    `Description` sorting before `Protocol` does not say it leaves `Listeners` (whose sample
    list is empty), so it stays there instead of becoming a top-level field."""
    document, _ = _build({"DescribeGadgetAttribute.md": PARTLY_SORTED_MD})
    response = _response(document, "DescribeGadgetAttribute")
    assert "Description" not in response["properties"]
    assert {"Mode", "Name", "RequestId", "Status"} <= set(response["properties"])
    listeners = _resolve(document, response["properties"]["Listeners"])
    item = _resolve(document, _resolve(document, listeners["properties"]["Listener"])["items"])
    assert set(item["properties"]) == {"Port", "Protocol", "Description"}


# ------------------------------- "Tag 对象说明": the items of a JSON parameter named in the plural

TAG_OBJECT_MD = """\
# TagGadget

为部件添加标签。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|TagGadget|系统规定参数。取值：**TagGadget**。|
|GadgetId|String|是|g-1|部件ID。|
|Tags|JSON|是|\\[\\{"TagKey": "Project", "TagValue": "Test"\\}\\]|一个或者多个标签。详情请参考：[Tag 对象说明](#section_tag)。|

## Tag 对象说明 {#section_tag .section}

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|TagKey|String|是|Project|标签键。|
|TagValue|String|是|Test|标签值。|

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|4162a6af|请求ID。|

## 示例

正常返回示例

`JSON` 格式

```
{"RequestId": "4162a6af"}
```
"""


def test_an_object_table_named_in_the_singular_lists_the_keys_of_a_plural_json_parameter():
    """`Tags | JSON` and a section `Tag 对象说明` (the Tag object) with TagKey and TagValue: the
    table lists the keys of the JSON document `Tags` carries (a string in the URL), not two
    more query parameters."""
    document, _ = _build({"TagGadget.md": TAG_OBJECT_MD})
    parameters = _parameters(document, "TagGadget")
    assert "TagKey" not in parameters and "TagValue" not in parameters
    tags = parameters["Tags"]["schema"]
    assert tags["type"] == "string" and tags["contentMediaType"] == "application/json"
    content = tags["contentSchema"]
    items = content.get("items", content)
    assert set(items["properties"]) == {"TagKey", "TagValue"}


# ------------------------------------------------- an older layout of a page beside the newer

OLD_LAYOUT_MD = """\
# ResizeGadget

调用ResizeGadget调整小部件。

## 请求参数

|参数|类型|是否必选|描述|
|:-|:-|:---|:-|
|Action|String|是|取值：ResizeGadget。|
|GadgetId|String|是|小部件ID。|
|Legacy|String|否|旧参数。|

## 返回参数

|参数|类型|描述|
|:-|:-|:-|
|RequestID|String|请求ID。|
|Size|Integer|大小。|

## 示例

```
{"RequestID": "4162a6af", "Size": 2}
```
"""

NEW_LAYOUT_MD = """\
# 调整小部件

调用ResizeGadget调整小部件。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|ResizeGadget|系统规定参数。取值：**ResizeGadget**。|
|GadgetId|String|是|g-1|小部件ID。|
|Size|Integer|否|2|大小。|

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|4162a6af|请求ID。|
|Size|Integer|2|大小。|

## 示例

请求示例

```
https://gadget.aliyuncs.com/?Action=ResizeGadget&GadgetId=g-1&<公共请求参数>
```

正常返回示例

```
{"RequestId": "4162a6af", "Size": 2}
```
"""

ENGLISH_MD = """\
# ResizeGadget

Resizes a gadget.

## Request parameters

|Parameter|Type|Required|Description|
|---------|----|--------|-----------|
|GadgetId|String|Yes|The ID of the gadget.|

## Response parameters

|Parameter|Type|Description|
|---------|----|-----------|
|RequestId|String|The ID of the request.|
"""


def test_an_older_layout_of_a_page_in_the_same_language_is_superseded_not_merged():
    """Two Chinese pages of one Action, one with the Example column of the tables generated from
    the API's metadata and one without (the older revision, still published): the newer page
    is the operation, the older one's fields (`RequestID`, `Legacy`) are not merged back but
    named in a diagnostic that cites each of its rows. A page in another language is a
    translation and is merged as before; two pages of one layout are merged as before."""
    from generator.consistency import check_consistency

    pages = {"old/ResizeGadget.md": OLD_LAYOUT_MD, "new/调整小部件.md": NEW_LAYOUT_MD,
             "en/ResizeGadget.md": ENGLISH_MD}
    results = [read_and_extract(name, text, None, None) for name, text in pages.items()]
    manifest = Manifest(provider="alibabacloud", product="demo", title="demo",
                        version=infer_version(results, "rpc"), style="rpc")
    product = product_from_results(manifest, results, tuple(pages))
    document = EmitContext(product, tuple(results)).openapi
    assert set(_response(document, "ResizeGadget")["properties"]) == {"RequestId", "Size"}
    assert set(_parameters(document, "ResizeGadget")) >= {"GadgetId", "Size"}
    assert "Legacy" not in _parameters(document, "ResizeGadget")
    operation = next(op for op in product.operations if op.id == "ResizeGadget")
    assert "old/ResizeGadget.md" not in operation.pages
    assert {"new/调整小部件.md", "en/ResizeGadget.md"} <= set(operation.pages)
    found = [d for d in product.diagnostics if d.code == "page-superseded"]
    assert len(found) == 1 and "Legacy" in found[0].message and "RequestID" in found[0].message
    assert found[0].loc.path == "old/ResizeGadget.md"
    legacy_line = OLD_LAYOUT_MD.splitlines().index("|Legacy|String|否|旧参数。|") + 1
    assert any(r.line == legacy_line for r in found[0].related)
    totals = check_consistency(product, results).totals()
    assert totals["rows_lost"] == 0 and totals["operations_lost"] == 0
    # Without the newer page, the older one is the operation and nothing is superseded.
    document, diagnostics = _build({"old/ResizeGadget.md": OLD_LAYOUT_MD,
                                    "en/ResizeGadget.md": ENGLISH_MD})
    assert {"RequestID", "RequestId"} <= set(_response(document, "ResizeGadget")["properties"])
    assert not [d for d in diagnostics if d.code == "page-superseded"]


# ---------------------------------- the fields of a list's items that no sample shows

ELEMENT_ROWS_MD = """\
# QuoteGadget

Quotes a gadget.

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|Quote|Struct| |The quote. |
|Currency|String|CNY|The currency. |
|Lines|Array of QuoteLine| |The lines of the quote. |
|QuoteLine| | | |
|Amount|Float|4|The amount of the line. |
|Discount|Float|1|The discount of the line. |
|Notes|Array of Note| |The notes of the line. |
|Note| | | |
|Code|String|N1|The code of the note. |
|Text|String|a note|The text of the note. |
|Total|Float|3|The total of the line. |
|Amount|Float|10|The amount of the quote. |
|Discount|Float|1|The discount of the quote. |
|Owner|String|me|The owner of the quote. |
|Ports|Array of Port| |The ports of the quote. |
|Port| | | |
|Number|Integer|80|The number of the port. |
|Total|Float|9|The total of the quote. |
|RequestId|String|4162a6af|The ID of the request. |

## Examples

Sample success responses

```
{
  "RequestId": "4162a6af",
  "Quote": {"Currency": "CNY", "Amount": 10, "Discount": 1, "Owner": "me", "Total": 9},
  "Archive": [{"Notes": {"Note": [{"Code": "N1"}]}}]
}
```
"""


def test_rows_after_a_lists_element_row_are_its_items_fields_where_no_sample_shows_them():
    """`Lines: Array of QuoteLine`, its element row `QuoteLine`, then `Amount`, `Discount`,
    ...; later the quote's own `Amount`, `Discount`, `Total`. The sample shows no line, only
    those names on the quote, but one object cannot hold a name twice: the first rows are the
    line's fields while the table's sorted order goes on (`Total` after `Notes`, not in the
    notes, whose sample shows a note without it), the later ones the quote's. `Owner` and the
    quote's `Total`, which no later row repeats, go where the sample shows them, not into the
    ports."""
    document, _ = _build({"QuoteGadget.md": ELEMENT_ROWS_MD})
    quote = _resolve(document, _response(document, "QuoteGadget")["properties"]["Quote"])
    assert set(quote["properties"]) == {"Currency", "Lines", "Amount", "Discount", "Owner",
                                        "Ports", "Total"}
    lines = _resolve(document, quote["properties"]["Lines"])
    line = _resolve(document, lines["properties"]["QuoteLine"]["items"]) \
        if "properties" in lines else _resolve(document, lines["items"])
    assert set(line["properties"]) == {"Amount", "Discount", "Notes", "Total"}
    ports = _resolve(document, quote["properties"]["Ports"])
    port = _resolve(document, ports["properties"]["Port"]["items"]) \
        if "properties" in ports else _resolve(document, ports["items"])
    assert set(port["properties"]) == {"Number"}


# ---------------------------------------------------------------- captioned sample requests

CAPTIONED_MD = """\
# DescribeWidgetUsage

Queries widget usage.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeWidgetUsage|The operation. |
|Field|String|Yes|traf|The data to query. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|68-56|The request ID. |

## Examples

Sample requests

```
Queries traffic:
http://widget.aliyuncs.com/?Action=DescribeWidgetUsage
&Field=traf
&<Common request parameters>

Queries requests for static content:
http://widget.aliyuncs.com/?Action=DescribeWidgetUsage
&Field=acc
&Kind=static
&<Common request parameters>
```

`JSON` format

```
{
    "RequestId": "68-56"
}
```
"""


def test_example_requests_each_under_a_caption_are_read_as_requests():
    """A block of several example requests, each introduced by a caption line ending in a
    colon: the block is example requests, so a parameter only they send (`Kind`) is added, with
    a warning; without captions nothing changes."""
    document, diagnostics = _build({"DescribeWidgetUsage.md": CAPTIONED_MD})
    params = _parameters(document, "DescribeWidgetUsage")
    assert "Kind" in params and params["Kind"]["required"] is False
    assert any(d.code == "parameter-undocumented" and "Kind" in d.message for d in diagnostics)
    # A caption that does not end in a colon introduces no request: the block stays text.
    plain = CAPTIONED_MD.replace("Queries traffic:", "Queries traffic").replace(
        "Queries requests for static content:", "Queries requests for static content")
    document, diagnostics = _build({"DescribeWidgetUsage.md": plain})
    assert "Kind" not in _parameters(document, "DescribeWidgetUsage")


# ---------------------------------------------------------------- a table nested in the table

NESTED_TABLE_MD = """\
# CreateWidgetRoutes

调用CreateWidgetRoutes添加路由。

## 请求参数

|名称|类型|是否必须|描述|
|:-|:-|:---|:-|
|Action|String|是|要执行的操作，取值：CreateWidgetRoutes|
|WidgetId|String|是|小工具ID。|
|Routes|List|是|要添加的路由。|

|名称|类型|是否必须|描述|
|:-|:-|:---|:-|
|RouteName|String|是|路由名称。|
|Weight|Integer|否|权重。|

## 返回参数

|名称|类型|描述|
|:-|:-|:-|
|RequestId|String|请求ID。|
"""


def test_the_header_repeated_below_a_list_parameter_starts_that_parameters_fields():
    """The parameters table's header again, right below a `List` (or JSON string) parameter:
    the rows after it are the keys of the JSON list the parameter sends, not parameters. A
    table after text, or below a plain parameter, or with another header, stays parameters."""
    document, diagnostics = _build({"CreateWidgetRoutes.md": NESTED_TABLE_MD})
    params = _parameters(document, "CreateWidgetRoutes")
    assert set(params) == {"Action", "Version", "WidgetId", "Routes"}
    schema = params["Routes"]["schema"]
    assert schema["type"] == "string" and schema["contentMediaType"] == "application/json"
    content = schema["contentSchema"]
    assert content["type"] == "array"
    assert set(content["items"]["properties"]) == {"RouteName", "Weight"}
    assert content["items"]["properties"]["Weight"]["type"] == "integer"
    assert any(d.code == "json-string-keys" for d in diagnostics)
    # Below a number the header starts no fields: the rows are parameters.
    plain = NESTED_TABLE_MD.replace("|Routes|List|", "|Routes|Integer|")
    assert {"RouteName", "Weight"} <= set(_parameters(_build({"CreateWidgetRoutes.md": plain})[0],
                                                      "CreateWidgetRoutes"))
    # Text between the tables: not the same table.
    apart = NESTED_TABLE_MD.replace("|要添加的路由。|\n\n", "|要添加的路由。|\n\n另见下表。\n\n")
    assert {"RouteName", "Weight"} <= set(_parameters(_build({"CreateWidgetRoutes.md": apart})[0],
                                                      "CreateWidgetRoutes"))


# ------------------------------------------------- the fields after a list's item element row

ITEM_ELEMENT_MD = """\
# DescribeWidgetLogs

Queries widget logs.

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|LogDetails|Array of LogDetail| |The logs. |
|LogDetail| | | |
|DomainName|String|example.com|The domain name. |
|LogCount|Long|10|The number of logs. |
|RequestId|String|r-1|The request ID. |

## Examples

`JSON` format

```
{
    "DomainName": "example.com",
    "LogDetails": {
        "LogDetail": [
            {"EndTime": "2015-05-23T04:00:00Z"}
        ]
    },
    "RequestId": "r-1"
}
```
"""


def test_the_row_after_a_lists_item_element_is_the_items_first_field():
    """`LogDetails` `Array of LogDetail`, then the bare `LogDetail` row: the table goes on with
    the fields of each item, so `DomainName` is the item's, though a sample of another shape
    shows it beside the list (reported as an info diagnostic). `RequestId` stays top-level."""
    document, diagnostics = _build({"DescribeWidgetLogs.md": ITEM_ELEMENT_MD})
    response = _response(document, "DescribeWidgetLogs")
    assert set(response["properties"]) == {"LogDetails", "RequestId"}
    wrapper = _resolve(document, response["properties"]["LogDetails"])
    items = _resolve(document, wrapper["properties"]["LogDetail"]["items"])
    assert set(items["properties"]) == {"DomainName", "LogCount"}
    assert any(d.code == "nesting-guess" and "DomainName" in d.message
               and "names the element" in d.message for d in diagnostics)


# ---------------------------------------------------------------- lists of plain values

VALUE_LISTS_MD = """\
# DescribeGadgetSlots

Queries the slots of gadgets.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeGadgetSlots|The operation. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|68-56|The request ID. |
|Slots|Array of SlotInfo| |The slots. |
|SlotInfo| | | |
|Colours|List|\\["red", "blue"\\]|The colours of the slot. The data type of this parameter is List. |
|Depth|Integer|3|The depth of the slot. |
|Sizes|List|\\[4, 8\\]|The sizes of the slot. |
|Width|Integer|2|The width of the slot. |
|Zone|String|z-1|The zone of the slot. |
"""


def test_a_list_whose_example_lists_plain_values_holds_those_values_not_the_rows_below():
    """`Colours | List | ["red", "blue"]` and `Sizes | List | [4, 8]`: the example shows the
    items are strings and integers, so the list opens no scope and the rows after it (`Depth`,
    sorted after `Colours`) are fields of the slot, its siblings. A bare `List` without such
    an example still opens one (see the element-row tests above)."""
    document, _ = _build({"DescribeGadgetSlots.md": VALUE_LISTS_MD})
    slots = _resolve(document, _response(document, "DescribeGadgetSlots")["properties"]["Slots"])
    slot = _resolve(document, slots["properties"]["SlotInfo"]["items"]) \
        if "properties" in slots else _resolve(document, slots["items"])
    assert set(slot["properties"]) == {"Colours", "Depth", "Sizes", "Width", "Zone"}
    colours = _resolve(document, slot["properties"]["Colours"])
    assert colours["type"] == "array" and colours["items"]["type"] == "string"
    sizes = _resolve(document, slot["properties"]["Sizes"])
    assert sizes["type"] == "array" and sizes["items"]["type"] == "integer"


ONE_LEVEL_MARKS_MD = """\
# DescribeGadgetLabels

Lists gadget labels.

## Request parameters

|Name|Type|Required|Example|Description|
|----|----|--------|-------|-----------|
|Action|String|Yes|DescribeGadgetLabels|The operation. |

## Response parameters

|Name|Type|Example|Description|
|----|----|-------|-----------|
|Labels| | | The labels. |
|└Tally| | | The number of resources per kind. |
|└Box|Integer|1| The number of boxes with the label. |
|└Van|Integer|4| The number of vans with the label. |
|└LabelKey|String|colour| The key of the label. |
|└LabelValue|String|red| The value of the label. |
|RequestId|String|12-34| The ID of the request. |
"""


def test_one_level_marks_write_an_untyped_rows_members_at_its_own_level():
    """A table that marks one level only (`└Name`): `└Tally`, without type or example, is
    followed by `└Box`, `└Van` at the same mark; the sorted order (`LabelKey` sorts before
    `Van`) closes it. A typed row at the mark opens nothing."""
    document, _ = _build({"DescribeGadgetLabels.md": ONE_LEVEL_MARKS_MD})
    response = _response(document, "DescribeGadgetLabels")
    assert set(response["properties"]) == {"Labels", "RequestId"}
    labels = _resolve(document, response["properties"]["Labels"])
    label = _resolve(document, labels["items"]) if "items" in labels else labels
    assert set(label["properties"]) == {"Tally", "LabelKey", "LabelValue"}
    counts = _resolve(document, label["properties"]["Tally"])
    assert set(counts["properties"]) == {"Box", "Van"}
    typed = ONE_LEVEL_MARKS_MD.replace("|└Tally| | |", "|└Tally|Integer|3|")
    document, _ = _build({"DescribeGadgetLabels.md": typed})
    labels = _resolve(document, _response(document, "DescribeGadgetLabels")["properties"]["Labels"])
    label = _resolve(document, labels["items"]) if "items" in labels else labels
    assert {"Tally", "Box", "Van", "LabelKey"} <= set(label["properties"])
