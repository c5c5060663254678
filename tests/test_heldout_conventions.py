"""Conventions met on other products' pages (load balancer, NAT, EIP, OTC VPC): XML-style
wrappers whose sample list is empty or holds a single scalar, and path parameters documented
in a URI table that has no type column. Every page here is constructed, not copied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import build_pages
from tests.conftest import inline_components

WIDGET_MD = """\
# DescribeWidget

调用DescribeWidget查询部件的详细信息。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeWidget|要执行的操作。取值：**DescribeWidget**。 |
|RegionId|String|是|cn-hangzhou|地域ID。 |
|WidgetId|String|是|wd-123|部件ID。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|WidgetId|String|wd-123|部件ID。 |
|PortsAndProtocols| | |部件使用的端口和协议列表。 |
|└Port|Integer|443|端口。 |
|└Protocol|String|https|协议。 |
|TableIds|List|tbl-1|部件关联的表ID。 |
|RequestId|String|365F4154|请求ID。 |

## 示例

正常返回示例

`JSON` 格式

```
{
    "WidgetId": "wd-123",
    "PortsAndProtocols": {
        "PortAndProtocol": []
    },
    "TableIds": {
        "TableId": "tbl-1"
    },
    "RequestId": "365F4154"
}
```
"""

BUCKET_RST = """\
Creating a Bucket
=================

Function
--------

This API is used to create a bucket.

URI
---

POST /v1/{project_id}/buckets/{zone}

.. table:: **Table 1** Parameter description

   ========== ========= =========================
   Parameter  Mandatory Description
   ========== ========= =========================
   project_id Yes       Specifies the project ID.
   zone       Yes       Specifies the zone.
   ========== ========= =========================

Request Parameters
------------------

.. table:: **Table 2** Request parameter

   ====== ========= ====== ========================
   Name   Mandatory Type   Description
   ====== ========= ====== ========================
   name   Yes       String Specifies the bucket name.
   ====== ========= ====== ========================

Response Parameters
-------------------

.. table:: **Table 3** Response parameter

   ==== ====== ======================
   Name Type   Description
   ==== ====== ======================
   id   String Specifies the bucket ID.
   ==== ====== ======================
"""


def _openapi(tmp_path: Path, name: str, text: str, product: str) -> dict:
    page = tmp_path / "pages" / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    [build], _ = build_pages([page.parent], tmp_path / "out", product=product)
    folder = tmp_path / "out" / build.product.provider / build.product.name
    return inline_components(json.loads((folder / "openapi.json").read_text(encoding="utf-8")))


def _resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _widget_response(tmp_path: Path) -> tuple[dict, dict]:
    document = _openapi(tmp_path, "DescribeWidget.md", WIDGET_MD, "demo")
    [operation] = [op for item in document["paths"].values() for op in item.values()
                   if isinstance(op, dict) and op.get("operationId") == "DescribeWidget"][:1]
    content = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return document, _resolve(document, content)


def test_tree_rows_go_into_the_items_of_a_wrapper_whose_sample_list_is_empty(tmp_path):
    document, response = _widget_response(tmp_path)
    wrapper = _resolve(document, response["properties"]["PortsAndProtocols"])
    assert list(wrapper["properties"]) == ["PortAndProtocol"]
    array = wrapper["properties"]["PortAndProtocol"]
    assert array["type"] == "array"
    item = _resolve(document, array["items"])
    assert set(item["properties"]) == {"Port", "Protocol"}
    assert item["properties"]["Port"]["type"] == "integer"


def test_a_one_item_list_of_scalars_shown_bare_inside_its_wrapper(tmp_path):
    document, response = _widget_response(tmp_path)
    wrapper = _resolve(document, response["properties"]["TableIds"])
    assert wrapper["type"] == "object"
    inner = wrapper["properties"]["TableId"]
    kinds = inner["type"] if isinstance(inner["type"], list) else [inner["type"]]
    assert "array" in kinds and "string" in kinds  # the list, and the converted single item
    assert inner["items"]["type"] == "string"


def test_path_parameters_of_a_uri_table_without_types_are_strings(tmp_path):
    document = _openapi(tmp_path, "creating_a_bucket.rst", BUCKET_RST, "demo")
    operation = document["paths"]["/v1/{project_id}/buckets/{zone}"]["post"]
    params = {p["name"]: p for p in operation.get("parameters", [])
              if isinstance(p, dict) and "name" in p}
    for name in ("project_id", "zone"):
        assert params[name]["in"] == "path" and params[name]["required"] is True
        assert params[name]["schema"]["type"] == "string", params[name]


GATEWAY_RST = """\
Creating a Gateway
==================

Function
--------

This API is used to create a gateway.

URI
---

POST /v1/{project_id}/gateways

Request Parameters
------------------

.. table:: **Table 1** Request parameter

   ====== ========= ====== ==========================
   Name   Mandatory Type   Description
   ====== ========= ====== ==========================
   name   Yes       String Specifies the gateway name.
   ====== ========= ====== ==========================

Response Parameters
-------------------

.. table:: **Table 2** Response parameter

   +---------+-----------------------------------------------+---------------------------+
   | Name    | Type                                          | Description               |
   +=========+===============================================+===========================+
   | id      | String                                        | Specifies the gateway ID. |
   +---------+-----------------------------------------------+---------------------------+
   | hops    | Array of :ref:`hop <other_page__table1>`      | Specifies the hops.       |
   |         | objects                                       |                           |
   +---------+-----------------------------------------------+---------------------------+

.. table:: **Table 3** Description of the **hop** field

   =========== ======= ============================
   Name        Type    Description
   =========== ======= ============================
   destination String  Specifies the destination.
   weight      Integer Specifies the weight.
   =========== ======= ============================
"""


@pytest.mark.parametrize("caption", ["Description of the **hop** field", "**hop** objects"])
def test_a_type_table_found_by_its_caption_when_the_link_leads_to_another_page(tmp_path,
                                                                                caption):
    page = GATEWAY_RST.replace("Description of the **hop** field", caption)
    document = _openapi(tmp_path, "creating_a_gateway.rst", page, "demo")
    operation = document["paths"]["/v1/{project_id}/gateways"]["post"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    assert set(response["properties"]) == {"id", "hops"}  # not destination, weight
    hops = response["properties"]["hops"]
    assert hops["type"] == "array"
    item = _resolve(document, hops["items"])
    assert set(item["properties"]) == {"destination", "weight"}
    assert item["properties"]["weight"]["type"] == "integer"


# --- allowed values -----------------------------------------------------------------------

def test_full_width_commas_separate_values_when_every_part_is_a_value():
    from generator.dialects.prose import read_facts

    assert read_facts("取值：ecs，eni，vip。").enum == ("ecs", "eni", "vip")
    assert read_facts("计费方式，取值范围：PayByBandwidth，PayByTraffic").enum == (
        "PayByBandwidth", "PayByTraffic")
    assert read_facts("类型。取值：ecs（云服务器），eni（弹性网卡）。").enum == ("ecs", "eni")
    # A full-width comma that moves on to a clause still ends the list.
    assert read_facts("取值：ecs，表示云服务器。").enum == ("ecs",)


def test_values_a_condition_allows_widen_the_stated_list():
    from generator.dialects.prose import read_facts

    english = ("The line type. Valid values: BGP and BGP_PRO. If your account is on the "
               "whitelist, you can set the ISP field to ChinaTelecom,ChinaUnicom, or "
               "ChinaMobile.")
    assert read_facts(english).enum == ("BGP", "BGP_PRO", "ChinaTelecom", "ChinaUnicom",
                                        "ChinaMobile")
    assert read_facts("Valid values: v1 and v2. The version can also be v3.").enum == (
        "v1", "v2", "v3")
    chinese = ("线路类型，取值：BGP、BGP_PRO。如果是白名单用户，ISP字段可以设置为"
               "ChinaTelecom（中国电信）和ChinaUnicom（中国联通）。")
    assert read_facts(chinese).enum == ("BGP", "BGP_PRO", "ChinaTelecom", "ChinaUnicom")
    # On their own such values make no closed list: the page never said "only these".
    assert read_facts("线路类型，默认值为BGP。如果是白名单用户，可以设置为ChinaTelecom。").enum == ()


def test_value_items_announced_by_valid_values_survive_explanations_between_them():
    from generator.dialects.prose import read_facts

    text = ("The line type. You can set this parameter only when you create an address. "
            "Valid values:\n\n- BGP: multi-line.\n\nBGP lines are available in all regions.\n\n"
            "- BGP_PRO: multi-line pro.\n\nPro lines are available in one region.")
    assert read_facts(text).enum == ("BGP", "BGP_PRO")


LINE_MD = """\
# AllocateLine

调用AllocateLine申请线路。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|AllocateLine|要执行的操作。取值：**AllocateLine**。 |
|RegionId|String|是|cn-hangzhou|地域ID。 |
|ISP|String|否|BGP|线路类型，取值：**BGP**、**BGP\\_PRO**。

 -   如果是开通了单线带宽白名单的用户，ISP字段可以设置为**ChinaTelecom**（中国电信）、**ChinaUnicom**（中国联通）和**ChinaMobile**（中国移动）。 |
|Mode|String|否|ecs|模式，取值：**ecs**，**eni**，**vip**。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|365F4154|请求ID。 |
"""


def test_the_contract_accepts_every_value_the_page_allows(tmp_path):
    document = _openapi(tmp_path, "AllocateLine.md", LINE_MD, "demo")
    params = {p["name"]: p for p in document["paths"]["/#Action=AllocateLine"]["parameters"]}
    assert params["ISP"]["schema"]["enum"] == ["BGP", "BGP_PRO", "ChinaTelecom", "ChinaUnicom",
                                               "ChinaMobile"]
    assert params["Mode"]["schema"]["enum"] == ["ecs", "eni", "vip"]


STATUS_MD = """\
# DescribeAgentStatus

You can call this operation to query the status of agents.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeAgentStatus|The operation that you want to perform. |
|RegionId|String|Yes|cn-hangzhou|The region ID. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|AgentStatusSet|Array| |The status of each agent. |
|AgentStatus| | | |
|AgentId|String|ag-1|The ID of the agent. |
|Online|Boolean|true|Whether the agent is online. |
|RequestId|String|473469C7|The ID of the request. |
"""


def test_the_element_row_of_a_set_named_collection_is_the_xml_wrapper_not_a_field(tmp_path):
    document = _openapi(tmp_path, "DescribeAgentStatus.md", STATUS_MD, "demo")
    operation = document["paths"]["/#Action=DescribeAgentStatus"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    wrapper = _resolve(document, response["properties"]["AgentStatusSet"])
    array = wrapper["properties"]["AgentStatus"]
    assert array["type"] == "array"
    item = _resolve(document, array["items"])
    assert set(item["properties"]) == {"AgentId", "Online"}


# --- the docs' own samples stay valid ------------------------------------------------------

FLAGS_MD = """\
# DescribeFlags

You can call this operation to query flags.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeFlags|The operation that you want to perform. |
|RegionId|String|Yes|cn-hangzhou|The region ID. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|Flags|Array of Flag| |The flags. |
|Flag| | | |
|FlagId|String|fl-1|The ID of the flag. |
|Enabled|String|false|Whether the flag is enabled. Valid values:

-   **false**: disabled
-   **true**: enabled |
|RequestId|String|473469C7|The ID of the request. |

## Examples

Sample success responses

`JSON` format

```
{
    "RequestId": "473469C7",
    "Flags": {
        "Flag": {
            "FlagId": "fl-1",
            "Enabled": false
        }
    }
}
```
"""

TAGGED_RST = """\
Querying Tagged Things
======================

Function
--------

This API is used to query tagged things.

URI
---

GET /v1/{project_id}/things

.. table:: **Table 1** Parameter description

   ========== ========= =========================
   Parameter  Mandatory Description
   ========== ========= =========================
   project_id Yes       Specifies the project ID.
   ========== ========= =========================

Response Parameters
-------------------

.. table:: **Table 2** Response parameter

   ====== ========= ======= =====================
   Name   Mandatory Type    Description
   ====== ========= ======= =====================
   key    Yes       String  Specifies the key.
   values Yes       String  Specifies the values.
   ====== ========= ======= =====================

Example Response
----------------

.. code-block::

   {
       "key": "k1",
       "value": "v1"
   }
"""


def _schema_file(tmp_path: Path, name: str, text: str, operation: str) -> dict:
    _openapi(tmp_path, name, text, "demo")
    [found] = list((tmp_path / "out").glob(f"*/demo/schemas/{operation}.response.json"))
    return json.loads(found.read_text(encoding="utf-8"))


def _report_codes(tmp_path: Path) -> list[str]:
    [report] = list((tmp_path / "out").glob("*/demo/report.json"))
    return [d["code"] for d in json.loads(report.read_text(encoding="utf-8"))["diagnostics"]]


def test_a_one_item_list_shown_bare_is_checked_against_item_constraints(tmp_path):
    from jsonschema import Draft202012Validator

    schema = _schema_file(tmp_path, "DescribeFlags.md", FLAGS_MD, "DescribeFlags")
    sample = {"RequestId": "473469C7", "Flags": {"Flag": {"FlagId": "fl-1", "Enabled": False}}}
    assert list(Draft202012Validator(schema).iter_errors(sample)) == []
    assert "sample-rejected" not in _report_codes(tmp_path)


def test_a_mandatory_response_field_that_the_sample_leaves_out_is_not_required(tmp_path):
    from jsonschema import Draft202012Validator

    schema = _schema_file(tmp_path, "querying_tagged_things.rst", TAGGED_RST,
                          "ListTaggedThings")
    assert list(Draft202012Validator(schema).iter_errors({"key": "k1", "value": "v1"})) == []
    assert "values" not in json.dumps(schema.get("required", []))
    assert "sample-rejected" not in _report_codes(tmp_path)


# --- a sample rooted elsewhere still shows which objects stand side by side -----------------

GADGET_MD = """\
# DescribeGadget

You can call this operation to query a gadget.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeGadget|The operation that you want to perform. |
|GadgetId|String|Yes|gd-1|The ID of the gadget. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|GadgetId|String|gd-1|The ID of the gadget. |
|PowerConfig| | |The power settings. |
|Voltage|Integer|220|The voltage. |
|Plug|String|typeC|The plug. |
|NetworkConfig| | |The network settings. |
|Address|String|10.0.0.1|The address. |
|Mask|String|24|The mask. |
|RequestId|String|F2310D45|The ID of the request. |

## Examples

Sample success responses

`JSON` format

```
{
    "Gadgets": {
        "Gadget": [
            {
                "GadgetId": "gd-1",
                "NetworkConfig": {"Address": "10.0.0.1", "Mask": "24"},
                "PowerConfig": {"Voltage": 220, "Plug": "typeC"}
            }
        ]
    },
    "RequestId": "F2310D45"
}
```
"""


def test_a_list_sample_on_a_single_item_page_closes_the_scopes_it_shows_side_by_side(tmp_path):
    """The page of DescribeGadget shows the sample of DescribeGadgets: no path of the table
    reaches into it, but its objects still show that NetworkConfig stands beside PowerConfig,
    and which fields each holds. The unsorted flat table gives no other clue."""
    document = _openapi(tmp_path, "DescribeGadget.md", GADGET_MD, "demo")
    operation = document["paths"]["/#Action=DescribeGadget"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    assert {"GadgetId", "PowerConfig", "NetworkConfig", "RequestId"} <= set(
        response["properties"])
    power = _resolve(document, response["properties"]["PowerConfig"])
    network = _resolve(document, response["properties"]["NetworkConfig"])
    assert set(power["properties"]) == {"Voltage", "Plug"}
    assert set(network["properties"]) == {"Address", "Mask"}


# --- error samples are part of the contract -------------------------------------------------

ERRORS_MD = """\
# DeleteGadget

You can call this operation to delete a gadget.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DeleteGadget|The operation that you want to perform. |
|GadgetId|String|Yes|gd-1|The ID of the gadget. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|F2310D45|The ID of the request. |

## Examples

Sample success responses

`JSON` format

```
{"RequestId": "F2310D45"}
```

Sample error responses

`JSON` format

```
{"RequestId": "A1", "HostId": "vpc.aliyuncs.com", "Code": "Gadget.NotFound", "Message": "gone"}
```

```
HTTP/1.1 503 Service Unavailable
Content-Type: application/json

{"RequestId": "A2", "Code": "ServiceUnavailable", "Message": "busy"}
```

## Error codes

|HTTP status code|Error code|Error message|Description|
|----------------|----------|-------------|-----------|
|400|Gadget.Busy|The gadget is busy.|The gadget is busy.|
|404|Gadget.NotFound|The gadget does not exist.|The gadget does not exist.|
"""


def test_error_samples_sit_under_the_status_they_show(tmp_path):
    document = _openapi(tmp_path, "DeleteGadget.md", ERRORS_MD, "demo")
    responses = document["paths"]["/#Action=DeleteGadget"]["get"]["responses"]

    def values(status):
        media = responses[status]["content"]["application/json"]
        return [e["value"]["RequestId"] for e in media.get("examples", {}).values()]

    assert values("404") == ["A1"]  # placed by the error code it carries
    assert values("503") == ["A2"]  # placed by its status line
    assert values("400") == []
    assert responses["503"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/RpcError"}


def test_error_samples_without_any_documented_status_are_the_default_response(tmp_path):
    page = ERRORS_MD.split("## Error codes")[0]
    page = page.replace("HTTP/1.1 503 Service Unavailable\nContent-Type: application/json\n\n", "")
    document = _openapi(tmp_path, "DeleteGadget.md", page, "demo")
    responses = document["paths"]["/#Action=DeleteGadget"]["get"]["responses"]
    examples = responses["default"]["content"]["application/json"]["examples"]
    assert [e["value"]["RequestId"] for e in examples.values()] == ["A1", "A2"]


def test_a_format_is_asserted_only_when_it_is_the_one_claimed():
    """'An IPv4 address or a CIDR block' allows both: asserting `ipv4` would reject real CIDR
    values. Two claims, or a claim JSON Schema has no format for, stay hints (warnings)."""
    from generator.dialects.fields import apply_facts
    from generator.dialects.prose import read_facts
    from generator.ir.model import Schema

    def applied(text):
        schema, _ = apply_facts(Schema(kind="string"), read_facts(text))
        return schema.format, schema.format_hints

    assert applied("The value is an IPv4 address.") == ("ipv4", ())
    assert applied("The value must be an IPv4 address or a CIDR block.") == ("", ("ipv4", "cidr"))
    assert applied("The value is an IPv4 CIDR block.") == ("", ("cidr",))


def test_a_format_the_docs_sample_breaks_by_the_validators_rules_is_not_asserted(tmp_path):
    """February 30th looks like a date-time to a pattern but not to the validator: the build
    and `docs2spec validate` decide alike, so the docs' own sample never fails its contract."""
    from generator.validation import validate_response

    page = WIDGET_MD.replace("|WidgetId|String|wd-123|部件ID。 |\n|PortsAndProtocols",
                             "|WidgetId|String|wd-123|部件ID。 |\n|CreatedAt|String|"
                             "2023-02-30T10:00:00Z|创建时间。格式为yyyy-MM-ddTHH:mm:ssZ。 |\n"
                             "|PortsAndProtocols", 1)
    page = page.replace('"WidgetId": "wd-123",', '"WidgetId": "wd-123",\n    "CreatedAt": '
                        '"2023-02-30T10:00:00Z",', 1)
    assert page.count("2023-02-30") == 2
    document = _openapi(tmp_path, "DescribeWidget.md", page, "demo")
    operation = document["paths"]["/#Action=DescribeWidget"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    created = response["properties"]["CreatedAt"]
    assert "format" not in created and created["x-docs2spec-format-hints"] == ["date-time"]
    sample = operation["responses"]["200"]["content"]["application/json"]["examples"]
    value = next(iter(sample.values()))["value"]
    findings = validate_response("alibabacloud/demo", "DescribeWidget", value,
                                 generated=tmp_path / "out")
    assert not [f for f in findings if f.is_error]


# --- older exported pages: tables without a `|---|` line, samples led by a comment ----------

KEYS_MD = """\
# ListWidgets {#concept_1_zh .concept}

Returns a list of all widgets in the caller's account.

## Request parameters { .section}

|Name|Type|Required|Description|
|PageNumber|Integer|No|The current page number.|
|PageSize|Integer|No|The number of items on each page.|

## Response parameters { .section}

|Name|Type|Description|
|TotalCount|Integer|The total number of widgets.|
|RequestId|String|The ID of the request.|

## Examples { .section}

**Request example**

```
https://widget.cn-hangzhou.aliyuncs.com/?Action=ListWidgets
&PageNumber=1
&<Common Request Parameters>
```

**Response example**

 `JSON` format

```
//json response
{
        "TotalCount": 3,
        "PageSize": 10,
        "RequestId": "1fbcd12a"
}
```

 `XML` format

```
//xml response
<Widget>
        <TotalCount>3</TotalCount>
        <PageSize>10</PageSize>
        <RequestId>1050b8f1</RequestId>
</Widget>
```
"""


def test_a_table_without_its_separator_line_is_a_table(tmp_path):
    document = _openapi(tmp_path, "ListWidgets.md", KEYS_MD, "demo")
    operation = document["paths"]["/#Action=ListWidgets"]["get"]
    params = {p["name"]: p for p in document["paths"]["/#Action=ListWidgets"]["parameters"]}
    assert params["PageNumber"]["schema"]["type"] == "integer"
    assert params["PageSize"]["required"] is False
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    assert response["properties"]["TotalCount"]["type"] == "integer"


def test_a_sample_led_by_a_comment_line_is_still_read(tmp_path):
    document = _openapi(tmp_path, "ListWidgets.md", KEYS_MD, "demo")
    operation = document["paths"]["/#Action=ListWidgets"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    # Only the JSON sample knows PageSize: it was parsed despite its `//json response` line.
    assert response["properties"]["PageSize"]["type"] == "integer"
    from generator.dialects.samples import read_sample
    from generator.sources.tree import CodeBlock

    sample, _ = read_sample(CodeBlock("//xml response\n<A><B>1</B></A>", None, ""), "response")
    assert sample.syntax == "xml" and sample.text.startswith("<A>")


def test_pipes_inside_a_paragraph_do_not_make_a_table():
    from generator.sources import markdown
    from generator.sources.tree import Table

    text = "# T\n\nUse a|b to pick.\n\n|only one row|\n\n|a|b|\n|c|d|e|\n"
    nodes = markdown.read("t.md", text).nodes
    assert not any(isinstance(n, Table) for n in nodes)


TAGS_MD = """\
# ListWidgetTags

You can call this operation to list the tags of a widget.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|WidgetId|String|Yes|wd-1|The ID of the widget.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|4162a6af|The request ID.|
|TagKey|String|Project|The tag key.|
|TagValue|String|Test|The tag value.|

## Sample responses

JSON format

```
{
    "RequestId": "4162a6af",
    "Tags": {
        "Tag": [
            {"WidgetId": "wd-1", "TagKey": "Project", "TagValue": "Test"}
        ]
    }
}
```
"""


def test_flat_rows_the_sample_nests_go_where_the_sample_holds_them(tmp_path):
    document = _openapi(tmp_path, "ListWidgetTags.md", TAGS_MD, "demo")
    operation = document["paths"]["/#Action=ListWidgetTags"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    assert set(response["properties"]) == {"RequestId", "Tags"}  # not TagKey, TagValue
    wrapper = _resolve(document, response["properties"]["Tags"])
    item = _resolve(document, wrapper["properties"]["Tag"]["items"])
    assert set(item["properties"]) == {"WidgetId", "TagKey", "TagValue"}
    assert item["properties"]["TagKey"]["description"] == "The tag key."  # the documented row


def test_a_flat_row_the_sample_holds_in_two_places_stays_where_the_table_puts_it():
    from generator.ir.model import FieldRow, FieldTable, Schema
    from generator.ir.nesting import nest

    rows = tuple(FieldRow(name=n, schema=Schema(kind="string")) for n in ("RequestId", "Id"))
    sample = {"RequestId": "r", "A": {"Id": "1"}, "B": [{"Id": "2"}]}
    root, _ = nest(FieldTable(rows=rows), [sample])
    assert [name for name, _ in root.properties] == ["RequestId", "Id"]


SECRET_MD = """\
# CreateWidgetSecret

Creates a secret.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|CreateWidgetSecret|The operation that you want to perform.|
|SecretName|String|Yes|db1|The name of the secret.|
|ExtendedConfig|Json|No|\\{"SecretSubType":"SingleUser", "DBInstanceId":"rm-1"\\}|The extended configuration, a JSON map.|
|EnableRotation|Boolean|No|true|Whether to rotate the secret.|
|RotationInterval|String|No|30d|The rotation interval.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|3bf02f7a|The ID of the request.|
"""


def test_rows_after_an_object_whose_example_lacks_them_are_not_its_fields(tmp_path):
    document = _openapi(tmp_path, "CreateWidgetSecret.md", SECRET_MD, "demo")
    params = {p["name"]: p for p in document["paths"]["/#Action=CreateWidgetSecret"][
        "parameters"]}
    assert params["EnableRotation"]["schema"]["type"] == "boolean"
    assert params["RotationInterval"]["in"] == "query"
    assert "properties" not in params["ExtendedConfig"]["schema"]


PROTECT_MD = """\
# ProtectWidgets

You can call this operation to protect widgets.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|ProtectWidgets|The operation that you want to perform.|
|WidgetId.N|RepeatList|Yes|wd-1|The ID of widget N. Valid values of N: 1 to 20.|
|Label.N|RepeatList|No|a|Label N.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|473469C7|The ID of the request.|
"""


def test_a_required_flattened_list_requires_its_first_item(tmp_path):
    document = _openapi(tmp_path, "ProtectWidgets.md", PROTECT_MD, "demo")
    params = {p["name"]: p for p in document["paths"]["/#Action=ProtectWidgets"]["parameters"]}
    assert params["WidgetId.1"]["required"] is True
    assert params["WidgetId.2"]["required"] is False
    assert params["Label.1"]["required"] is False


# --- untyped rows ---------------------------------------------------------------------------

RESULTS_MD = """\
# DescribeWidgetResults

调用DescribeWidgetResults查询批量处理结果。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeWidgetResults|系统规定参数。 |
|TaskId|Long|否|83618818|任务ID。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|AvailableTtls| |\\[600,1800,3600\\]|可用TTL列表。 |
|WidgetResults| | |批量处理结果的详细信息。 |
|Domain|String|abc.com|域名。 |
|Status|Boolean|true|执行结果。 |
|RequestId|String|75446CC1|请求ID。 |
"""


def test_an_untyped_collection_row_with_fields_after_it_is_a_list_of_them(tmp_path):
    document = _openapi(tmp_path, "DescribeWidgetResults.md", RESULTS_MD, "demo")
    operation = document["paths"]["/#Action=DescribeWidgetResults"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    results = _resolve(document, response["properties"]["WidgetResults"])
    assert results["type"] == "array"
    item = _resolve(document, results["items"])
    assert set(item["properties"]) == {"Domain", "Status"}
    assert set(response["properties"]) == {"AvailableTtls", "WidgetResults", "RequestId"}


def test_an_untyped_row_whose_example_is_a_json_list_is_a_list(tmp_path):
    document = _openapi(tmp_path, "DescribeWidgetResults.md", RESULTS_MD, "demo")
    operation = document["paths"]["/#Action=DescribeWidgetResults"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    ttls = response["properties"]["AvailableTtls"]
    assert ttls["type"] == "array" and ttls["items"]["type"] == "integer"


ALARMS_MD = """\
# DescribeWidgetAlarms

You can call this operation to query alarms.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeWidgetAlarms|The operation that you want to perform.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|AlarmList|Array of Alarm| |The alarms.|
|Alarm| | | |
|AlarmTaskId|String|a-1|The ID of the alarm.|
|Dimensions|Array of Dimension| |The dimensions of the metric.|
|Dimension| | | |
|DimensionKey|String|device|The key of the dimension.|
|DimensionValue|String|eth0|The value of the dimension.|
|Effective|String|Test|When the alarm is effective.|
|Threshold|Float|80|The threshold of the metric.|
|RequestId|String|871C7C53|The ID of the request.|
"""


def test_a_key_and_value_pair_item_holds_nothing_more(tmp_path):
    document = _openapi(tmp_path, "DescribeWidgetAlarms.md", ALARMS_MD, "demo")
    operation = document["paths"]["/#Action=DescribeWidgetAlarms"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])

    def item(schema: dict, name: str) -> dict:
        node = _resolve(document, schema["properties"][name])
        if "items" not in node:  # the XML-style wrapper
            node = next(iter(node["properties"].values()))
        return _resolve(document, node["items"])

    alarm = item(response, "AlarmList")
    assert {"AlarmTaskId", "Dimensions", "Effective", "Threshold"} <= set(alarm["properties"])
    assert set(item(alarm, "Dimensions")["properties"]) == {"DimensionKey", "DimensionValue"}


DETAIL_MD = """\
# DescribeWidgetDetail

You can call this operation to query the details of a widget.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeWidgetDetail|The operation that you want to perform.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|Detail|String|created|The details.|

## Examples

Sample requests

```
https://widget.aliyuncs.com/?Action=DescribeWidgetDetail
&WidgetId=wd-1****
&Timestamp=2020-01-01T00:00:00Z
&<Common request parameters>
```
"""


def test_a_parameter_only_the_sample_request_sends_is_a_parameter(tmp_path):
    document = _openapi(tmp_path, "DescribeWidgetDetail.md", DETAIL_MD, "demo")
    params = {p["name"]: p for p in document["paths"]["/#Action=DescribeWidgetDetail"][
        "parameters"]}
    assert params["WidgetId"]["in"] == "query" and params["WidgetId"]["required"] is False
    assert params["WidgetId"]["schema"]["type"] == "string"
    assert "Timestamp" not in params  # a common parameter, not this operation's


CREDENTIALS_MD = """\
# AssumeWidgetRole

Obtains a temporary identity.

## Request parameters

|Parameter|Type|Required|Example|Description|
|:--------|:---|:-------|:------|:----------|
|Action|String|Yes|AssumeWidgetRole|The operation that you want to perform.|
|RoleArn|String|Yes|acs:ram::1:role/admin|The ARN of the role.|

## Response parameters

|Parameter|Type|Example|Description|
|:--------|:---|:------|:----------|
|RequestId|String|6894B13B|The ID of the request|
|Credentials| | |The access credentials.|
|└AccessKeyId|String|STS.L4aB|The AccessKey ID.|
|└Expiration|String|2015-04-09T11:52:19Z|The time when the token expires.|

## Examples

`JSON` format

```
{
    "Credentials": {"AccessKeyId": "STS.L4aB", "Expiration": "2015-04-09T11:52:19Z"},
    "RequestId": "6894B13B"
}
```
"""


def test_an_untyped_collection_named_row_the_sample_shows_as_an_object_is_an_object(tmp_path):
    document = _openapi(tmp_path, "AssumeWidgetRole.md", CREDENTIALS_MD, "demo")
    operation = document["paths"]["/#Action=AssumeWidgetRole"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    credentials = _resolve(document, response["properties"]["Credentials"])
    assert credentials["type"] == "object"
    assert set(credentials["properties"]) == {"AccessKeyId", "Expiration"}


def test_a_documented_list_the_sample_shows_as_one_object_stays_a_list(tmp_path):
    document = _openapi(tmp_path, "DescribeFlags.md", FLAGS_MD, "demo")
    operation = document["paths"]["/#Action=DescribeFlags"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    wrapper = _resolve(document, response["properties"]["Flags"])
    inner = wrapper["properties"]["Flag"]
    kinds = inner["type"] if isinstance(inner["type"], list) else [inner["type"]]
    assert "array" in kinds  # a one-item XML list converted to JSON, not an object
    assert set(_resolve(document, inner["items"])["properties"]) >= {"FlagId", "Enabled"}


# --- samples written as HTTP messages --------------------------------------------------------

THINGS_MD = """\
# DescribeThings

You can call this operation to query things.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeThings|The operation.|
|RegionId|String|Yes|cn-hangzhou|The region.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|Things|Array of Thing| |The things.|
|Thing| | | |
|ThingId|String|t-1|The ID.|
|Rules|Array of Rule| |The rules.|
|Rule| | | |
|RuleId|String|r-1|The rule ID.|
|Zebra|String|z|A field after the rules.|
|RequestId|String|4B45|The ID of the request.|

## Examples

Sample requests

```
GET /?Action=DescribeThings&RegionId=cn-hangzhou&Color=red HTTP/1.1
```

Sample success responses

```
HTTP/1.1 200 OK
Content-Type:application/json

{
  "RequestId": "4B45",
  "Things": {"Thing": [{"ThingId": "t-1", "Rules": {"Rule": [{"RuleId": "r-1"}]}, "Zebra": "z"}]}
}
```
"""


def test_a_sample_written_as_an_http_message_is_read_from_its_body(tmp_path):
    document = _openapi(tmp_path, "DescribeThings.md", THINGS_MD, "demo")
    item = document["paths"]["/#Action=DescribeThings"]
    response = _resolve(document, item["get"]["responses"]["200"]["content"][
        "application/json"]["schema"])
    things = _resolve(document, response["properties"]["Things"])
    thing = _resolve(document, things["properties"]["Thing"]["items"])
    assert "Zebra" in thing["properties"]  # the sample places it beside Rules, not inside
    params = {p["name"] for p in item["parameters"]}
    assert "Color" in params  # the request line `GET /?Action=...&Color=red HTTP/1.1`


def test_an_xml_sample_alone_places_the_rows(tmp_path):
    xml = ("<DescribeThingsResponse>\n  <RequestId>4B45</RequestId>\n  <Things>\n    <Thing>\n"
           "      <ThingId>t-1</ThingId>\n      <Rules><Rule><RuleId>r-1</RuleId></Rule>"
           "<Rule><RuleId>r-2</RuleId></Rule></Rules>\n      <Zebra>z</Zebra>\n    </Thing>\n"
           "  </Things>\n</DescribeThingsResponse>\n")
    start = THINGS_MD.index("HTTP/1.1 200 OK")
    page = THINGS_MD[:start] + xml + "```\n"
    document = _openapi(tmp_path, "DescribeThings.md", page, "demo")
    item = document["paths"]["/#Action=DescribeThings"]
    response = _resolve(document, item["get"]["responses"]["200"]["content"][
        "application/json"]["schema"])
    things = _resolve(document, response["properties"]["Things"])
    thing = _resolve(document, things["properties"]["Thing"]["items"])
    assert "Zebra" in thing["properties"]
    rules = _resolve(document, thing["properties"]["Rules"])
    rule = _resolve(document, rules["properties"]["Rule"]["items"])
    assert set(rule["properties"]) == {"RuleId"}


def test_the_plain_view_of_an_xml_sample():
    from generator.ir.xmlsample import plain_view

    assert plain_view("<R><A>1</A><B><C>x</C></B><D>1</D><D>2</D></R>") == {
        "A": "1", "B": {"C": "x"}, "D": ["1", "2"]}
    assert plain_view("<A>1</A>\n<B>2</B>") == {"A": "1", "B": "2"}  # no root element
    assert plain_view("not xml <") is None


# --- placeholder cells and list examples ------------------------------------------------------

STUFF_MD = """\
# DescribeStuff

调用DescribeStuff查询。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeStuff|操作。 |
|Zone|String|否|无|可用区。 |
|Mode|String|否|N/A|模式。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|Addresses|List|<Address>10.0.0.1</Address>|地址。 |
|Note|N/A|N/A|说明。 |
|RequestId|String|4B45|请求ID。 |
"""


def test_placeholder_cells_say_nothing(tmp_path):
    document = _openapi(tmp_path, "DescribeStuff.md", STUFF_MD, "demo")
    params = {p["name"]: p for p in document["paths"]["/#Action=DescribeStuff"]["parameters"]}
    assert "examples" not in params["Zone"]["schema"]
    assert "examples" not in params["Mode"]["schema"]
    assert "type-unknown" not in _report_codes(tmp_path)


def test_a_list_whose_example_is_an_xml_element_is_wrapped_in_it(tmp_path):
    document = _openapi(tmp_path, "DescribeStuff.md", STUFF_MD, "demo")
    operation = document["paths"]["/#Action=DescribeStuff"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    addresses = _resolve(document, response["properties"]["Addresses"])
    assert addresses["type"] == "object"
    inner = addresses["properties"]["Address"]
    assert inner["type"] == "array" and inner["items"]["type"] == "string"
    assert set(response["properties"]) == {"Addresses", "Note", "RequestId"}


VIPS_MD = """\
# DescribeWidgetVips

Query the virtual IP addresses of a widget.

## Request parameters

|Parameters|Type|Required|Example values|Description|
|Action|String|Yes|DescribeWidgetVips|The name of this interface.|
|WidgetName|String|Yes.|w1|The widget.

Only one widget is supported. |

## Return parameters

|Parameters|Type|Example values|Description|
|WidgetName|String|w1|The widget.|
|Vips|List|1.1.1.1/25|The virtual IP addresses.|
|RequestId|String|16A96B9A|The ID of the request.|

## Examples

**Normal return example**

-   JSON format

    ```

        "WidgetName":"w1",
        "RequestId":"820E7900",
        "Vips":{
            "Vip":[
                "1.1.1.1/25",
                "2.2.2.2/25"

        }

    ```
"""


def test_old_tables_rows_over_several_lines_and_their_header_words(tmp_path):
    document = _openapi(tmp_path, "DescribeWidgetVips.md", VIPS_MD, "demo")
    params = {p["name"]: p for p in document["paths"]["/#Action=DescribeWidgetVips"][
        "parameters"]}
    assert params["WidgetName"]["required"] is True  # `Yes.` on a row that runs over lines
    assert "Only one widget" in params["WidgetName"]["description"]


def test_a_sample_that_lost_its_braces_is_read(tmp_path):
    document = _openapi(tmp_path, "DescribeWidgetVips.md", VIPS_MD, "demo")
    operation = document["paths"]["/#Action=DescribeWidgetVips"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    # The wrapper element `Vip` is known only from the sample.
    vips = _resolve(document, response["properties"]["Vips"])
    assert vips["properties"]["Vip"]["type"] == "array"
    from generator.dialects.samples import _balanced

    assert json.loads(_balanced('"A": 1, "B": {"C": [1, 2\n}')) == {"A": 1, "B": {"C": [1, 2]}}


def test_the_step_into_an_object_does_not_count_against_a_sorted_table():
    from generator.ir.model import FieldRow, FieldTable, Schema
    from generator.ir.nesting import nest

    def leaf(name: str) -> FieldRow:
        return FieldRow(name=name, schema=Schema(kind="string"))

    def box(name: str, kind: str = "object") -> FieldRow:
        items = Schema(kind="object") if kind == "array" else None
        return FieldRow(name=name, schema=Schema(kind=kind, items=items, type_text="Struct"),
                        container=True)

    # Sorted within each object, but each object's first field sorts before the object.
    rows = (box("Model"), leaf("Alpha"), leaf("Beta"), leaf("Gamma"),
            box("OriginModels", "array"), leaf("Content"), leaf("Port"), leaf("Type"),
            leaf("OriginPort"), leaf("RequestId"))
    root, _ = nest(FieldTable(rows=rows), [])
    model = root.property("Model")
    assert model is not None and model.property("OriginPort") is not None
    origin = model.property("OriginModels")
    assert origin is not None and origin.items is not None
    assert origin.items.property("OriginPort") is None


def test_a_scalar_row_the_sample_shows_as_a_wrapped_list_types_its_items(tmp_path):
    page = VIPS_MD.replace("|RequestId|String|16A96B9A|The ID of the request.|",
                           "|Vips|String|1.1.1.1/25|The VIP list.|\n"
                           "|RequestId|String|16A96B9A|The ID of the request.|")
    document = _openapi(tmp_path, "DescribeWidgetVips.md", page, "demo")
    operation = document["paths"]["/#Action=DescribeWidgetVips"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    vips = _resolve(document, response["properties"]["Vips"])
    assert vips["type"] == "object"
    assert vips["properties"]["Vip"]["type"] == "array"
    assert vips["properties"]["Vip"]["items"]["type"] == "string"


PROGRESS_MD = """\
# GetWidgetProgress

Queries the progress of a widget.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|GetWidgetProgress|The operation that you want to perform.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|Progress|Struct| |The progress.|
|TopicList|Array| |The topics.|
|TopicList| | | |
|OffsetList|Array| |The offsets of the topic.|
|OffsetList| | | |
|Offset|Long|9|The offset.|
|Partition|Integer|0|The partition.|
|Topic|String|t1|The topic.|
|UserList|Array| |The users.|
|UserVO| | | |
|Username|String|u1|The user name.|
|RequestId|String|2528|The ID of the request.|

## Examples

`JSON` format

```
{
    "RequestId": "2528",
    "Progress": {
        "TopicList": {"TopicList": [{"Topic": "t1", "OffsetList": {"OffsetList": {"Offset": 9, "Partition": 0}}}]}
    },
    "UserList": {"UserVO": {"Username": "u1"}}
}
```
"""


def test_the_element_row_of_an_untyped_list_whatever_its_name(tmp_path):
    document = _openapi(tmp_path, "GetWidgetProgress.md", PROGRESS_MD, "demo")
    operation = document["paths"]["/#Action=GetWidgetProgress"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    users = _resolve(document, response["properties"]["UserList"])
    array = users["properties"]["UserVO"]
    assert "array" in (array["type"] if isinstance(array["type"], list) else [array["type"]])
    assert set(_resolve(document, array["items"])["properties"]) == {"Username"}
    progress = _resolve(document, response["properties"]["Progress"])
    topics = _resolve(document, progress["properties"]["TopicList"])
    topic = _resolve(document, topics["properties"]["TopicList"]["items"])
    offsets = _resolve(document, topic["properties"]["OffsetList"])
    offset_array = offsets["properties"]["OffsetList"]  # the element named like its list
    kinds = offset_array["type"] if isinstance(offset_array["type"], list) else [
        offset_array["type"]]
    assert "array" in kinds
    assert set(_resolve(document, offset_array["items"])["properties"]) == {"Offset",
                                                                            "Partition"}


UNWRAPPED_MD = """\
# ListLinks

You can call this operation to query links.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|ListLinks|The operation that you want to perform. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|5FFD9ED4|The ID of the request. |
|Result|Array of Result| |The links. |
|Result| | | |
|linkId|String|l-1|The ID of the link. |
|networkType|String|vpc|The network type. |

## Examples

Sample success responses

`JSON` format

```
{
    "Result": [{"linkId": "l-1", "networkType": "vpc"}],
    "RequestId": "5FFD9ED4"
}
```
"""


def test_a_list_documented_with_its_xml_element_and_shown_bare_follows_the_json_sample(tmp_path):
    """`Result: Array of Result` then the untyped element row `Result` documents the XML shape;
    the JSON sample shows the list itself, and JSON is what the contract checks."""
    document = _openapi(tmp_path, "ListLinks.md", UNWRAPPED_MD, "demo")
    operation = document["paths"]["/#Action=ListLinks"]["get"]
    response = _resolve(document, operation["responses"]["200"]["content"][
        "application/json"]["schema"])
    result = response["properties"]["Result"]
    assert result["type"] == "array"
    assert set(_resolve(document, result["items"])["properties"]) == {"linkId", "networkType"}


VERSION_MD = """\
# DescribeWidgetVersion {#concept_1 .concept}

查询部件版本。

## 请求参数 {#section_1 .section}

|名称|类型|是否必需|描述|
|WidgetId|String|是|部件ID|
|Label|String|否|标签|

## 返回参数 {#section_2 .section}

|名称|类型|描述|
|RequestId|String|本次请求的ID|
|CreationDate|Timestamp|创建时间（UTC时间）|
"""


def test_required_spelled_shi_fou_bi_xu_and_a_timestamp_type(tmp_path):
    document = _openapi(tmp_path, "DescribeWidgetVersion.md", VERSION_MD, "demo")
    item = document["paths"]["/#Action=DescribeWidgetVersion"]
    params = {p["name"]: p for p in item["parameters"]}
    assert params["WidgetId"]["required"] is True and params["Label"]["required"] is False
    response = _resolve(document, item["get"]["responses"]["200"]["content"][
        "application/json"]["schema"])
    assert response["properties"]["CreationDate"]["type"] == "string"
    assert "type-unknown" not in _report_codes(tmp_path)


def test_an_xml_sample_without_a_root_element_is_read(tmp_path):
    from generator.ir.model import Schema
    from generator.ir.xmlsample import xml_to_json

    schema = Schema(kind="object", properties=(("Total", Schema(kind="integer")),
                                               ("Name", Schema(kind="string"))))
    assert xml_to_json("<Total>1</Total>\n<Name>a</Name>", schema) == (
        "", {"Total": 1, "Name": "a"})
    page = THINGS_MD[:THINGS_MD.index("HTTP/1.1 200 OK")] + (
        "<RequestId>4B45</RequestId>\n<Things><Thing><ThingId>t-1</ThingId></Thing></Things>\n"
        "```\n")
    _openapi(tmp_path, "DescribeThings.md", page, "demo")
    assert "sample-invalid" not in _report_codes(tmp_path)


def test_an_xml_sample_with_an_unescaped_less_than_in_text_is_read():
    from generator.ir.model import Schema
    from generator.ir.xmlsample import xml_to_json

    schema = Schema(kind="object", properties=(("Op", Schema(kind="string")),
                                               ("Note", Schema(kind="string"))))
    assert xml_to_json("<R><Op><</Op><Note>a & b</Note></R>", schema)[1] == {
        "Op": "<", "Note": "a & b"}


FLAT_MD = """\
# DescribeFlatThings

You can call this operation to query things.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeFlatThings|The operation that you want to perform. |
|ZoneId.N|String|No|z-1|The zones. Valid values of N: 1 to 3. |
|InstanceId.N|String|Yes|i-1|The instances. Valid values of N: 1 to 100000. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|r-1|The ID of the request. |
"""


def test_flattened_lists_are_spelled_out_up_to_their_documented_n_within_a_cap(tmp_path):
    document = _openapi(tmp_path, "DescribeFlatThings.md", FLAT_MD, "demo")
    names = [p["name"] for p in document["paths"]["/#Action=DescribeFlatThings"]["parameters"]]
    assert [n for n in names if n.startswith("ZoneId.")] == ["ZoneId.1", "ZoneId.2", "ZoneId.3"]
    instances = [n for n in names if n.startswith("InstanceId.")]
    assert len(instances) == 100 and instances[-1] == "InstanceId.100"
    wire = next(p for p in document["paths"]["/#Action=DescribeFlatThings"]["parameters"]
                if p["name"] == "InstanceId.1")["x-docs2spec-wire"]
    assert wire["maxItems"] == 100000
    assert "flat-list-capped" in _report_codes(tmp_path)
    request = json.loads((tmp_path / "out/alibabacloud/demo/schemas/"
                          "DescribeFlatThings.request.json").read_text("utf-8"))
    assert request["properties"]["query"]["properties"]["InstanceId"]["maxItems"] == 100000


def test_a_field_documented_twice_in_one_object_is_reported(tmp_path):
    page = FLAT_MD.replace("|RequestId|String|r-1|The ID of the request. |",
                           "|RequestId|String|r-1|The ID of the request. |\n"
                           "|RequestId|Integer|7|The ID again. |")
    document = _openapi(tmp_path, "DescribeFlatThings.md", page, "demo")
    response = document["paths"]["/#Action=DescribeFlatThings"]["get"]["responses"]["200"]
    schema = response["content"]["application/json"]["schema"]
    assert schema["properties"]["RequestId"]["type"] == "string"  # the first row
    assert "row-duplicate" in _report_codes(tmp_path)


GADGET_TOP_MD = """\
# DescribeGadgetTop

Queries the most visited gadgets.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeGadgetTop|The operation that you want to perform. Set the value to **DescribeGadgetTop**.|
|GadgetName|String|Yes|g1|The gadget.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|AllUrlList|Array of UrlList| |All URLs.|
|UrlList| | | |
|Url|String|/a|The URL.|
|Hits|Long|3|The visits.|
|Url200List|Array of UrlList| |URLs answered with 2xx.|
|UrlList| | | |
|Url|String|/b|The URL.|
|Hits|Long|2|The visits.|
|RequestId|String|64D28B53|The request ID.|

## Examples

Sample success responses

`JSON` format

```
{
  "AllUrlList": {"UrlList": [{"Url": "/a", "Hits": 3}]},
  "Url200List": {"UrlList": [{"Url": "/b", "Hits": 2}]},
  "RequestId": "64D28B53"
}
```
"""


def test_lists_in_wrappers_with_one_inner_name_are_named_by_their_wrappers(tmp_path):
    """`AllUrlList.UrlList[]` and `Url200List.UrlList[]` on one page: the items are
    `...UrlListItem` and `...Url200ListItem` (the wrapper's name tells them apart), never
    `...UrlListItem2`, in the OpenAPI components and the models alike."""
    page = tmp_path / "pages" / "DescribeGadgetTop.md"
    page.parent.mkdir(parents=True)
    page.write_text(GADGET_TOP_MD, encoding="utf-8")
    [build], _ = build_pages([page.parent], tmp_path / "out", product="demo")
    folder = tmp_path / "out" / build.product.provider / build.product.name
    names = set(json.loads((folder / "openapi.json").read_text())["components"]["schemas"])
    models = (folder / "models.py").read_text()
    classes = {line[6:].split("(")[0] for line in models.splitlines() if line.startswith("class ")}
    for found in (names, classes):
        assert {"DescribeGadgetTopResponseUrlListItem",
                "DescribeGadgetTopResponseUrl200ListItem"} <= found, sorted(found)
        assert not any(name[-1].isdigit() for name in found), sorted(found)
