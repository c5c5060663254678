"""Alibaba response samples and tables read by general rules (helper alinear, session 8), each
tested on a small constructed page."""

from __future__ import annotations

from tests.test_alibaba_conventions import _build, _resolve, _response

ELIDED_LIST_MD = """\
# ListGizmos

Lists the gizmos.

## 请求参数

|名称|类型|是否必选|示例值|描述|
|--|--|----|---|--|
|Action|String|是|ListGizmos|要执行的操作。|

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|RequestId|String|r-1|请求ID。|
|Names|List| |名称列表。|

## 示例

正常返回示例

`JSON`格式

```
{
    "RequestId": "r-1",
    "Names": {
        "Name": [
            "a",
            "b",
            ...
        ]
    }
}
```
"""


def test_a_sample_whose_list_ends_in_an_elision_line_is_read():
    """`"b",` then a line `...` (more items follow) then `]`: the comma before the elision is a
    trailing comma once the elision is gone, so the sample is read (repaired) and shows the
    list's XML wrapper element."""
    document, diagnostics = _build({"ListGizmos.md": ELIDED_LIST_MD})
    codes = {d.code for d in diagnostics}
    assert "sample-invalid" not in codes and "sample-repaired" in codes
    names = _resolve(document, _response(document, "ListGizmos")["properties"]["Names"])
    assert names["properties"]["Name"]["type"] == "array"
    assert names["properties"]["Name"]["items"]["type"] == "string"


def test_an_elision_between_members_still_needs_no_comma():
    """`"a": 1,` then `…` then `"b": 2`: both members are read."""
    text = ELIDED_LIST_MD.replace('"RequestId": "r-1",', '"RequestId": "r-1",\n    …')
    document, diagnostics = _build({"ListGizmos.md": text})
    assert "sample-invalid" not in {d.code for d in diagnostics}
    names = _resolve(document, _response(document, "ListGizmos")["properties"]["Names"])
    assert "Name" in names["properties"]


ENVELOPE_CASE_MD = """\
# DescribeGizmoHosts

Queries the hosts of a gizmo.

## 请求参数

|名称|类型|是否必选|描述|
|--|--|----|--|
|Action|String|是|要执行的操作。|
|GizmoName|String|是|名称。|

## 返回参数

|名称|类型|描述|
|--|--|--|
|GizmoName|String|名称。|
|Hosts|Host\\[\\]|主机列表。|
|RequestID|String|请求ID。|

## 示例

正常返回示例

`JSON`格式

```
{
  "Hosts": {
    "Host": ["10.0.0.1", "10.0.0.2"]
  },
  "RequestId": "r-1",
  "GizmoName": "g"
}
```
"""


def test_an_envelope_field_in_another_case_is_not_nested_into_the_list_before_it():
    """`RequestID` right after a list of items (`Host[]`): the request ID is a top-level field
    by convention, whatever the case the writer typed it in, so it is not guessed into the
    list's items (which the sample shows are plain strings)."""
    document, diagnostics = _build({"DescribeGizmoHosts.md": ENVELOPE_CASE_MD})
    response = _response(document, "DescribeGizmoHosts")
    assert {"RequestID", "RequestId"} & set(response["properties"])
    hosts = _resolve(document, response["properties"]["Hosts"])
    assert "RequestID" not in str(hosts)
    assert not [d for d in diagnostics if d.code == "nesting-guess" and "RequestID" in d.message
                and "Hosts" in d.message]


ENVELOPE_SPELLING_MD = """\
# StopGizmo

Stops a gizmo.

## 请求参数

|名称|类型|是否必选|描述|
|--|--|----|--|
|Action|String|是|要执行的操作。|
|GizmoName|String|是|名称。|

## 返回参数

|名称|类型|描述|
|--|--|--|
|RequestID|String|请求ID。|
|GizmoID|String|ID。|

## 示例

正常返回示例

`JSON`格式

```
{
  "RequestId": "r-1",
  "GizmoId": "g-1"
}
```
"""


def test_an_envelope_field_takes_the_conventional_spelling_the_sample_shows():
    """`RequestID` in the table, `RequestId` in the sample: the envelope field's conventional
    spelling is what the API sends (reported); a field of the API's own (`GizmoID`) keeps the
    table's spelling, and the sample's variant is reported, not added."""
    document, diagnostics = _build({"StopGizmo.md": ENVELOPE_SPELLING_MD})
    properties = _response(document, "StopGizmo")["properties"]
    assert "RequestId" in properties and "RequestID" not in properties
    assert "GizmoID" in properties and "GizmoId" not in properties
    renamed = [d for d in diagnostics if d.code == "field-case"]
    assert len(renamed) == 1 and "RequestID" in renamed[0].message
    assert renamed[0].loc is not None and renamed[0].loc.line == 16


PADDED_KEY_MD = """\
# DescribeGizmos

Queries gizmos.

## 请求参数

|名称|类型|是否必选|描述|
|--|--|----|--|
|Action|String|是|要执行的操作。|

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|Gizmos| | |列表。|
|GizmoId|String|g-1|ID。|
|Size|Integer|3|大小。|
|RequestId|String|r-1|请求ID。|

## 示例

正常返回示例

`JSON` 格式

```
{
    "RequestId": "r-1",
    " Gizmos": {
        "Gizmo": [
            {"GizmoId": "g-1", "Size": 3},
            {"GizmoId": "g-2", "Size": 4}
        ]
    }
}
```
"""


def test_a_sample_key_with_spaces_inside_the_quotes_shapes_the_documented_field():
    """`" Gizmos"` in the sample, `Gizmos` in the table: the writer typed a space inside the
    quotes. The key is still reported (and left out), but its value is the documented field's:
    the list's XML wrapper (`{"Gizmo": [...]}`) shapes `Gizmos`, as it would under the exact
    name."""
    document, diagnostics = _build({"DescribeGizmos.md": PADDED_KEY_MD})
    response = _response(document, "DescribeGizmos")
    assert " Gizmos" not in response["properties"]
    gizmos = _resolve(document, response["properties"]["Gizmos"])
    assert gizmos["type"] == "object"
    items = _resolve(document, gizmos["properties"]["Gizmo"])
    assert items["type"] == "array"
    assert set(_resolve(document, items["items"])["properties"]) == {"GizmoId", "Size"}
    left_out = [d for d in diagnostics if d.code == "field-undocumented" and
                d.message.startswith(" Gizmos")]
    assert left_out and "read as the documented 'Gizmos'" in left_out[0].message


RENAMED_IN_SAMPLE_MD = """\
# DescribeGizmoTraffic

Queries the traffic of a gizmo.

## 请求参数

|名称|类型|是否必选|描述|
|--|--|----|--|
|Action|String|是|要执行的操作。|

## 返回数据

|名称|类型|示例值|描述|
|--|--|---|--|
|GizmoName|String|g|名称。|
|TrafficPerInterval| | |每个时间间隔的流量。|
|DataModule| | |每个时间间隔的流量。|
|TimeStamp|String|2015-12-10T20:35:00Z|时间片起始时刻。|
|Value|String|0|流量。|
|RequestId|String|r-1|请求ID。|

## 示例

正常返回示例

`JSON` 格式

```
{
    "FlowPerInterval": {
        "DataModule": [
            {"TimeStamp": "2015-12-10T21:00:00Z", "Value": "0"},
            {"TimeStamp": "2015-12-10T20:35:00Z", "Value": "3"}
        ]
    },
    "GizmoName": "g",
    "RequestId": "r-1"
}
```
"""


def test_a_documented_object_the_sample_names_differently_takes_the_samples_shape():
    """The table's `TrafficPerInterval` is absent from the sample, which holds an undocumented
    `FlowPerInterval` with the documented members (`DataModule`, `TimeStamp`, `Value`): the
    same field under another name. The table's name stays (the sample's key is reported and
    left out) and the sample's shape applies: `DataModule` is a list of items."""
    document, diagnostics = _build({"DescribeGizmoTraffic.md": RENAMED_IN_SAMPLE_MD})
    response = _response(document, "DescribeGizmoTraffic")
    assert "TrafficPerInterval" in response["properties"]
    assert "FlowPerInterval" not in response["properties"]
    traffic = _resolve(document, response["properties"]["TrafficPerInterval"])
    module = _resolve(document, traffic["properties"]["DataModule"])
    assert module["type"] == "array"
    assert set(_resolve(document, module["items"])["properties"]) == {"TimeStamp", "Value"}
    left_out = [d for d in diagnostics if d.code == "field-undocumented" and
                d.message.startswith("FlowPerInterval")]
    assert left_out and "'TrafficPerInterval'" in left_out[0].message


def test_a_sample_key_sharing_one_member_is_not_taken_for_a_renamed_field():
    """One shared name (`Value`) is no evidence: the documented object keeps the table's
    shape and the sample's key is only reported."""
    text = RENAMED_IN_SAMPLE_MD.replace('"TimeStamp": "2015-12-10T21:00:00Z", ', '"At": 1, ') \
        .replace('"TimeStamp": "2015-12-10T20:35:00Z", ', '"At": 2, ') \
        .replace('"DataModule": [', '"Items": [').replace("    ]\n    },", "    ]\n    },")
    document, diagnostics = _build({"DescribeGizmoTraffic.md": text})
    traffic = _resolve(document, _response(document, "DescribeGizmoTraffic")["properties"][
        "TrafficPerInterval"])
    assert _resolve(document, traffic["properties"]["DataModule"])["type"] == "object"
    assert not [d for d in diagnostics if "names differently" in d.message]


def test_a_sample_key_wrapping_the_documented_field_is_not_a_rename():
    """`{"content": {"TrafficPerInterval": {...}}}`: the key holds the documented field under
    its own name, so it wraps the field; it does not rename it."""
    text = RENAMED_IN_SAMPLE_MD.replace('"FlowPerInterval": {', '"content": {\n'
                                        '    "TrafficPerInterval": {').replace(
        "    ]\n    },", "    ]\n    }},")
    document, diagnostics = _build({"DescribeGizmoTraffic.md": text})
    assert not [d for d in diagnostics if "names differently" in d.message]


def test_a_renamed_sample_key_does_not_overrule_a_typed_list():
    """`TrafficPerInterval | Array of DataModule` with its element row: the table states the
    shape, and a sample under another name (`content`, a bare list) does not overrule it."""
    text = RENAMED_IN_SAMPLE_MD.replace("|TrafficPerInterval| | |", "|TrafficPerInterval|"
                                        "Array of DataModule| |")
    text = text[:text.index("```\n{")] + """```
{
    "content": [
        {"TimeStamp": "2015-12-10T21:00:00Z", "Value": "0"},
        {"TimeStamp": "2015-12-10T20:35:00Z", "Value": "3"}
    ],
    "GizmoName": "g",
    "RequestId": "r-1"
}
```
"""
    document, diagnostics = _build({"DescribeGizmoTraffic.md": text})
    assert "sample-invalid" not in {d.code for d in diagnostics}
    traffic = _resolve(document, _response(document, "DescribeGizmoTraffic")["properties"][
        "TrafficPerInterval"])
    assert traffic["type"] == "object" and "DataModule" in traffic["properties"]
    assert not [d for d in diagnostics if "names differently" in d.message]
