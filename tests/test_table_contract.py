"""The table is the contract where a dialect's tables are complete, and flat tables keep an
object's fields together. Every page here is constructed, not copied."""

from __future__ import annotations

from pathlib import Path

import jsonschema

from tests.conftest import inline_components
from tests.test_otc_conventions import build


def _build(tmp_path: Path, name: str, text: str) -> tuple[dict, dict]:
    """(the operation's inlined 200 response schema, report.json)."""
    document, report = build(tmp_path, {name: text})
    document = inline_components(document)
    operation = next(op for item in document["paths"].values() for op in item.values()
                     if isinstance(op, dict) and "responses" in op)
    return operation["responses"]["200"]["content"]["application/json"]["schema"], report


def _paths(schema: dict, prefix: str = "") -> set[str]:
    found = set()
    for name, sub in schema.get("properties", {}).items():
        found.add(prefix + name)
        found |= _paths(sub, f"{prefix}{name}.")
    if isinstance(schema.get("items"), dict):
        found |= _paths(schema["items"], f"{prefix}[].")
    return found


GADGET_MD = """\
# UpdateGadget

调用UpdateGadget更新部件。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|UpdateGadget|要执行的操作。 |
|GadgetId|String|是|gd-1|部件ID。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|5A2C|请求ID。 |
|Gadget|Struct| |部件。 |
|GadgetId|String|gd-1|部件ID。 |
|Status|String|active|部件状态。 |

返回数据中还包括Result参数，详情请参见DescribeGadget。

## 示例

正常返回示例

`JSON`格式

```
{
    "RequestId": "5A2C",
    "TotalCount": 1,
    "Gadget": {"GadgetId": "gd-1", "Status": "active", "CreatedAt": "2020-07-07"},
    "Result": {"GadgetId": "gd-1", "Zone": "cn-hangzhou-i", "Tags": [{"Key": "a"}]}
}
```
"""


def test_keys_only_the_sample_shows_stay_out_of_a_documented_object(tmp_path):
    # Alibaba tables come from the API's metadata; a hand-written sample shows more (an
    # instance "for reference", fields the API no longer returns). The table wins, the
    # response envelope's own fields excepted, and every left-out key is reported.
    schema, report = _build(tmp_path, "UpdateGadget.md", GADGET_MD)
    assert _paths(schema) == {"RequestId", "TotalCount", "Gadget", "Gadget.GadgetId",
                              "Gadget.Status"}
    reported = {d["message"].split(":")[0] for d in report["diagnostics"]
                if d["code"] == "field-undocumented"}
    assert {"Gadget.CreatedAt", "Result"} <= reported
    # The consistency check counts them undocumented but reported, not silently dropped.
    assert report["consistency"]["keys_undocumented"] == 3
    assert report["consistency"]["keys_unreported"] == 0
    sample = {"RequestId": "5A2C", "TotalCount": 1, "Result": {"Zone": "z"},
              "Gadget": {"GadgetId": "gd-1", "Status": "active", "CreatedAt": "2020-07-07"}}
    jsonschema.validate(sample, schema)  # objects stay open: the sample still validates


PIPELINE_MD = """\
# DescribeBatch

调用DescribeBatch查询批次。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeBatch|要执行的操作。 |
|BatchId|String|是|b-1|批次ID。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|559B|请求ID。 |
|Data|Object| |批次信息。 |
|StageList|Array of Stage| |阶段列表。 |
|StageId|String|s-1|阶段ID。 |
|TaskList|Array of Task| |任务列表。 |
|TaskId|String|t-1|任务ID。 |
|ErrorCode|String|E-1|任务失败的错误码。任务成功时不返回。 |
|TaskName|String|init|任务名称。 |
|StageName|String|deploy|阶段名称。 |
|BatchName|String|first|批次名称。 |
|ErrorCode|String|success|错误码。 |

## 示例

正常返回示例

`JSON`格式

```
{
  "RequestId": "559B",
  "Data": {
    "StageList": [{"StageId": "s-1",
                   "TaskList": [{"TaskId": "t-1", "TaskName": "init"}],
                   "StageName": "deploy"}],
    "BatchName": "first"
  },
  "ErrorCode": "success"
}
```
"""


def test_a_row_the_sample_shows_only_further_out_stays_with_the_rows_around_it(tmp_path):
    # The task's `ErrorCode` is not in the sample's task (it is sent on failure only), but the
    # response's own `ErrorCode` is: the sample alone would close the task and the stage there,
    # and `TaskName`, `StageName` and `BatchName` would follow it out. The next row, `TaskName`,
    # is a field of the task, and a flat table never leaves an object and comes back to it.
    schema, _ = _build(tmp_path, "DescribeBatch.md", PIPELINE_MD)
    assert _paths(schema) == {
        "RequestId", "ErrorCode", "Data", "Data.BatchName", "Data.StageList",
        "Data.StageList.[].StageId", "Data.StageList.[].StageName", "Data.StageList.[].TaskList",
        "Data.StageList.[].TaskList.[].TaskId", "Data.StageList.[].TaskList.[].ErrorCode",
        "Data.StageList.[].TaskList.[].TaskName"}


PROGRESS_MD = """\
# GetProgress

调用GetProgress查询消费进度。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|GetProgress|要执行的操作。 |
|GroupId|String|是|g-1|消费组ID。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|Progress|Struct| |消费进度。 |
|TopicList|Array of TopicList| |每个Topic的消费进度。 |
|Topic|String|t-1|Topic名称。 |
|TotalDiff|Long|0|该Topic的堆积量。 |
|TotalDiff|Long|0|所有Topic的堆积量。 |
|RequestId|String|2528|请求ID。 |

## 示例

正常返回示例

`JSON`格式

```
{
  "RequestId": "2528",
  "Progress": {"TopicList": [{"Topic": "t-1", "TotalDiff": 0}], "TotalDiff": 0}
}
```
"""


def test_a_name_repeated_in_one_scope_goes_to_the_outer_object_the_sample_shows_it_in(tmp_path):
    # One object cannot hold a name twice: the second `TotalDiff` (all topics) is the
    # progress's own field, which the sample shows there too.
    schema, _ = _build(tmp_path, "GetProgress.md", PROGRESS_MD)
    assert _paths(schema) == {"RequestId", "Progress", "Progress.TotalDiff", "Progress.TopicList",
                              "Progress.TopicList.[].Topic", "Progress.TopicList.[].TotalDiff"}


ORIGINS_EN = """\
# AddGadgetOrigins

Adds origins to a gadget.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|AddGadgetOrigins|The operation that you want to perform. |
|GadgetId|String|Yes|gd-1|The ID of the gadget. |
|Origins|String|Yes|[{"content":"1.1.1.1","port":80}]|The origins. |

The following table describes the fields of the Origins parameter.

|Parameter|Type|Required|Description|
|---------|----|--------|-----------|
|content|String|Yes|The address of the origin. |
|port|Integer|No|The port. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|r-1|The ID of the request. |
"""

ORIGINS_ZH = ORIGINS_EN.replace(
    "The following table describes the fields of the Origins parameter.", "Origins各字段含义"
).replace('|[{"content":"1.1.1.1","port":80}]|', "| |")


def test_a_table_of_a_string_parameters_fields_describes_its_json_document(tmp_path):
    # "The following table describes the fields of the Origins parameter" (or "Origins各字段
    # 含义"), with a Required column like the parameters table: the rows are the keys of the
    # JSON document Origins carries, never parameters of their own.
    from generator.validation import validate_request

    for name, text in (("en", ORIGINS_EN), ("zh", ORIGINS_ZH)):
        document, _ = build(tmp_path / name, {"AddGadgetOrigins.md": text})
        out = tmp_path / name / "out"
        [item] = document["paths"].values()
        params = {p["name"]: p for p in item["parameters"]}
        assert {"content", "port"}.isdisjoint(params), name
        content = params["Origins"]["schema"]["contentSchema"]
        fields = content["items"] if content.get("type") == "array" else content
        assert set(fields["properties"]) == {"content", "port"}, name
        url = ("/?Action=AddGadgetOrigins&GadgetId=gd-1&Origins="
               "%5B%7B%22content%22%3A%221.1.1.1%22%2C%22port%22%3A80%7D%5D")
        assert validate_request("alibabacloud/demo", url=url, method="GET",
                                generated=out) == [], name


PRODUCTS_MD = """\
# DescribeGadgetProducts

调用DescribeGadgetProducts查询产品列表。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeGadgetProducts|要执行的操作。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|GadgetProducts| | |产品列表。 |
|BindCount|Long|3|更换次数。 |
|DnsSLBCount|Long|15|负载均衡数量。 |
|DnsSecurity|String|no|安全。 |
|Domain|String|abc.com|绑定域名。 |
|Gslb|Boolean|true|是否允许GSLB。 |
|RequestId|String|536E|请求ID。 |
|TotalCount|Integer|1|总数。 |

## 示例

正常返回示例

`JSON` 格式

```
{
  "RequestId": "536E",
  "TotalCount": 1,
  "GadgetProducts": {"GadgetProduct": {"DnsSLBCount": 15, "Domain": "abc.com"}}
}
```
"""


def test_an_untyped_collection_row_holds_the_fields_of_its_one_sample_item(tmp_path):
    # `GadgetProducts` (no type) then its items' fields, sorted in byte order (`DnsSLBCount`
    # before `DnsSecurity`); the sample is a one-item XML list converted to JSON
    # (`{"GadgetProduct": {...}}`). The item's keys place the fields the sample shows, and the
    # fields it does not show stay beside them while the names keep ascending.
    schema, _ = _build(tmp_path, "DescribeGadgetProducts.md", PRODUCTS_MD)
    assert set(schema["properties"]) == {"GadgetProducts", "RequestId", "TotalCount"}
    wrapper = schema["properties"]["GadgetProducts"]["properties"]["GadgetProduct"]
    assert set(wrapper["items"]["properties"]) == {"BindCount", "DnsSLBCount", "DnsSecurity",
                                                   "Domain", "Gslb"}


WIDGET_DETAIL_MD = """\
# DescribeWidgetDetail

调用DescribeWidgetDetail查询组件详情。

## 请求参数

|参数|类型|是否必选|描述|
|:-|:-|:---|:-|
|Action|String|是|操作接口名，取值：DescribeWidgetDetail。|
|WidgetName|String|是|组件名称。|

## 返回参数

|参数|类型|描述|
|:-|:-|:-|
|WidgetName|String|组件名称。|
|Status|String|组件状态。|
|CreatedAt|String|创建时间。|
|Description|String|备注。|
|Origins|Array of Origin|源站信息。|
|Content|String|回源地址。|

## 示例

正常返回示例

`JSON`格式

```
{
  "WidgetDetailModel": {
    "WidgetName": "w-1",
    "Status": "online",
    "CreatedAt": "2015-06-25T03:30:50Z",
    "Origins": [{"Content": "example.com"}]
  },
  "RequestId": "18CF38AA"
}
```
"""


def test_a_sample_wrapping_the_documented_fields_beside_the_envelope_is_followed(tmp_path):
    # An older table lists the fields of the object the response carries, not the key that
    # carries it; the sample shows the key, with the envelope's `RequestId` beside it. The
    # wrapper holds every row, those the sample leaves out (`Description`) and lists included.
    schema, report = _build(tmp_path, "DescribeWidgetDetail.md", WIDGET_DETAIL_MD)
    inner = {"WidgetName", "Status", "CreatedAt", "Description", "Origins", "Origins.[].Content"}
    assert _paths(schema) == {"RequestId", "WidgetDetailModel"} | {
        f"WidgetDetailModel.{p}" for p in inner}
    assert any(d["code"] == "sample-wrapper-key" for d in report["diagnostics"])
    # A second key beside the wrapper that is not the envelope's: no wrapper is assumed.
    two = WIDGET_DETAIL_MD.replace('"RequestId": "18CF38AA"', '"Owner": "me"')
    schema, _ = _build(tmp_path / "two", "DescribeWidgetDetail.md", two)
    assert inner <= _paths(schema)
    # A table that lists `RequestId` too documents the top level: the sample is older than the
    # table (it shows a wrapper the API no longer sends), and the table wins.
    listed = WIDGET_DETAIL_MD.replace("|WidgetName|String|组件名称。|\n|Status",
                                      "|RequestId|String|请求ID。|\n|WidgetName|String|组件名称。|\n"
                                      "|Status")
    schema, report = _build(tmp_path / "listed", "DescribeWidgetDetail.md", listed)
    assert {"RequestId", "WidgetName", "Description", "Origins"} <= _paths(schema)
    assert not any(d["code"] == "sample-wrapper-key" for d in report["diagnostics"])


COLLECTOR_MD = """\
# DescribeHarvester

调用DescribeHarvester查询采集器。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribeHarvester|要执行的操作。 |
|HarvesterId|String|是|h-1|采集器ID。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|5FFD|请求ID。 |
|Result|Struct| |返回结果。 |
|name|String|h-1|采集器名称。 |
|paths|List|\\["/var/log"\\]|采集路径。 |
|configs|Array of configs| |配置文件。 |
|fileName|String|a.yml|文件名称。 |
|status|String|active|采集器状态。 |

## 示例

正常返回示例

`JSON`格式

```
{
    "name": "h-1",
    "paths": ["/var/log"],
    "configs": [{"fileName": "a.yml"}],
    "status": "active"
}
```
"""


def test_a_sample_of_the_object_rows_value_places_the_rows_inside_it(tmp_path):
    # The sample shows `Result`'s value only: neither `RequestId` nor `Result`, but the fields
    # listed after `Result`. Read as `{"Result": ...}`, it keeps them inside `Result`.
    schema, report = _build(tmp_path, "DescribeHarvester.md", COLLECTOR_MD)
    assert _paths(schema) == {"RequestId", "Result", "Result.name", "Result.paths",
                              "Result.configs", "Result.configs.[].fileName", "Result.status"}
    assert any(d["code"] == "sample-payload" for d in report["diagnostics"])
    # A sample that shows `RequestId` is the whole response: the rows follow it.
    whole = COLLECTOR_MD.replace('    "name": "h-1",', '    "RequestId": "5FFD",\n    "name": "h-1",')
    schema, report = _build(tmp_path / "whole", "DescribeHarvester.md", whole)
    assert "name" in _paths(schema) and "Result.name" not in _paths(schema)
    assert not any(d["code"] == "sample-payload" for d in report["diagnostics"])


POOLS_MD = """\
# DescribePools

调用DescribePools查询地址池。

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|DescribePools|要执行的操作。 |
|RegionId|String|是|cn-hangzhou|地域ID。 |

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|Pools| | |地址池列表。 |
|PoolId|String|p-1|地址池ID。 |
|PoolName|String|first|地址池名称。 |
|Attachments| | |关联信息。 |
|Gateways| | |网关列表。 |
|Port|Integer|80|网关端口。 |
|Protocol|String|tcp|网关协议。 |
|RequestId|String|9DEC|请求ID。 |

## 示例

正常返回示例

`XML` 格式

```
<DescribePoolsResponse>
  <Pools>
    <Pool>
      <PoolId>p-1</PoolId>
      <PoolName>first</PoolName>
      <Attachments>
        <Gateways></Gateways>
      </Attachments>
    </Pool>
    <Pool>
      <PoolId>p-2</PoolId>
      <PoolName>second</PoolName>
      <Attachments>
        <Gateways></Gateways>
      </Attachments>
    </Pool>
  </Pools>
  <RequestId>9DEC</RequestId>
</DescribePoolsResponse>
```

`JSON` 格式

```
{
  "Pools": [{"PoolId": "p-1", "PoolName": "first"}],
  "RequestId": "9DEC"
}
```
"""


def test_the_xml_sample_places_the_rows_the_json_sample_leaves_out(tmp_path):
    # The JSON sample shows the pools without their attachments; the XML sample beside it shows
    # them inside each pool. Both samples place the rows: the attachments stay in the pool.
    schema, _ = _build(tmp_path, "DescribePools.md", POOLS_MD)
    paths = {p.replace(".Pool.[]", ".[]") for p in _paths(schema)}
    assert {"Pools.[].Attachments", "Pools.[].Attachments.Gateways"} <= paths
    assert "Attachments" not in paths and "RequestId" in paths


def test_a_sample_with_the_envelope_is_the_whole_response_not_an_objects_value(tmp_path):
    # The first object row is `Headers`, and the sample holds fields listed after it; but the
    # sample shows `RequestId`, so it is the whole response: nothing is read as `Headers`.
    page = COLLECTOR_MD.replace("|RequestId|String|5FFD|请求ID。 |\n|Result|Struct| |返回结果。 |\n",
                                "|Headers|Struct| |返回头信息。 |\n|RequestId|String|5FFD|请求ID。 |\n"
                                "|Result|Struct| |返回结果。 |\n")
    page = page.replace('    "name": "h-1",', '    "RequestId": "5FFD",\n    "Result": {"name": "h-1"},')
    schema, report = _build(tmp_path, "DescribeHarvester.md", page)
    assert not any(d["code"] == "sample-payload" for d in report["diagnostics"])
    assert "Headers.RequestId" not in _paths(schema) and "RequestId" in _paths(schema)
