"""Failure classes of issue 10 met on pages outside the development corpus, each a general
rule tested on small constructed pages, in both dialects where the form exists in both (the
audit table in docs/accuracy.md, "Failure classes: rule and test", points here and at the
older tests)."""

from __future__ import annotations

import json

from tests.test_alibaba_conventions import _build as build_alibaba
from tests.test_alibaba_conventions import _resolve, _response
from tests.test_otc_conventions import build as build_otc
from tests.test_otc_conventions import indent, page, success, table
from tests.test_otc_conventions import resolve as resolve_otc

# ----------------------------------------------- object tables no row refers to (Alibaba)

ORPHAN_MD = """\
# DescribeGizmo

Queries a gizmo.

## Request parameters

|Name|Type|Required|Example|Description|
|----|----|--------|-------|-----------|
|Action|String|Yes|DescribeGizmo|The operation.|
|GizmoId|String|Yes|gz-1|The gizmo ID.|

## Response parameters

|Name|Type|Example|Description|
|----|----|-------|-----------|
|RequestId|String|r-1|The request ID.|
|GizmoId|String|gz-1|The gizmo ID.|

**Data structure of GizmoSpec**

|Name|Type|Example|Description|
|----|----|-------|-----------|
|Cpu|Integer|2|The vCPUs.|
|Memory|Integer|4|The memory in GiB.|

**Data structure of PortRange**

|Name|Type|Example|Description|
|----|----|-------|-----------|
|From|Integer|80|The first port.|
|To|Integer|90|The last port.|

**Data structure of Unseen**

|Name|Type|Example|Description|
|----|----|-------|-----------|
|Hidden|String|h|A field nothing shows.|

## Examples

Sample success responses

`JSON` format

```
{"RequestId": "r-1", "GizmoId": "gz-1",
 "GizmoSpec": {"Cpu": 2, "Memory": 4},
 "Listeners": {"Listener": [{"From": 80, "To": 90}]}}
```
"""


def test_an_object_table_no_row_refers_to_is_placed_by_name_and_sample_alibaba():
    document, diagnostics = build_alibaba({"DescribeGizmo.md": ORPHAN_MD})
    response = _response(document, "DescribeGizmo")
    assert set(response["properties"]) == {"RequestId", "GizmoId", "GizmoSpec", "Listeners"}
    # By name: the sample's `GizmoSpec` holds the table's fields; typed by the table.
    spec = _resolve(document, response["properties"]["GizmoSpec"])
    assert spec["properties"]["Cpu"]["type"] == "integer"
    assert spec["properties"]["Cpu"]["description"] == "The vCPUs."
    assert not spec.get("x-docs2spec-inferred")
    # By the sample alone: `Listeners.Listener[]` holds exactly the PortRange table's fields.
    listeners = _resolve(document, response["properties"]["Listeners"])
    item = _resolve(document, listeners["properties"]["Listener"]["items"])
    assert item["properties"]["From"]["description"] == "The first port."
    placed = {d.message.split()[3] for d in diagnostics if d.code == "type-placed"}
    assert placed == {"GizmoSpec", "PortRange"}
    # Neither: reported with its page:line and its row's line, never dropped in silence.
    [unseen] = [d for d in diagnostics if d.code == "type-unplaced"]
    assert "Unseen" in unseen.message and unseen.severity == "warning"
    assert unseen.loc.path == "DescribeGizmo.md" and len(unseen.related) == 1


# ------------------------------------------------- object tables no row refers to (OTC)

WIDGET_RESPONSE = table("Response body parameters", ("Parameter", "Type", "Description"),
                        ("id", "String", "The widget ID."),
                        ("name", "String", "The widget name."))
SPEC_TABLE = """
.. table:: **Table 3** **widget_spec** field description

   ========= ======= ==============
   Parameter Type    Description
   ========= ======= ==============
   flavor    String  The flavor.
   disk_size Integer The disk size.
   ========= ======= ==============
"""
QUOTA_TABLE = """
.. table:: **Table 4** QuotaInfo

   ========= ======= ==============
   Parameter Type    Description
   ========= ======= ==============
   used      Integer The quota used.
   limit     Integer The quota limit.
   ========= ======= ==============
"""
UNSEEN_TABLE = """
.. table:: **Table 5** **history** field description

   ========= ======= ==============
   Parameter Type    Description
   ========= ======= ==============
   when      String  The time.
   ========= ======= ==============
"""


def test_an_object_table_no_row_refers_to_is_placed_by_name_and_sample_otc(tmp_path):
    sample = indent(json.dumps({"id": "w-1", "name": "w", "widget_spec": {
        "flavor": "s1", "disk_size": 40}, "quota_info": [{"used": 1, "limit": 5}]}, indent=2))
    document, report = build_otc(tmp_path, {"showing_a_widget.rst": page(
        "Querying a Widget", "GET /v1/{project_id}/widgets/{widget_id}", "",
        WIDGET_RESPONSE + SPEC_TABLE + QUOTA_TABLE + UNSEEN_TABLE, sample)})
    schema = success(document, "/v1/{project_id}/widgets/{widget_id}", "get")
    # The `... field description` table is not read as more top-level response fields.
    assert set(schema["properties"]) == {"id", "name", "widget_spec", "quota_info"}
    spec = resolve_otc(document, schema["properties"]["widget_spec"])
    assert spec["properties"]["disk_size"]["type"] == "integer"
    assert not spec.get("x-docs2spec-inferred")
    quota = schema["properties"]["quota_info"]
    assert quota["type"] == "array"  # the sample lists them
    assert resolve_otc(document, quota["items"])["properties"]["limit"]["description"] == \
        "The quota limit."
    codes = [d["code"] for d in report["diagnostics"]]
    assert codes.count("type-placed") == 2 and codes.count("type-unplaced") == 1
    assert report["consistency"]["rows_lost"] == 0
    assert report["consistency"]["keys_undocumented"] == 0


def test_a_bare_object_row_takes_the_table_of_its_name(tmp_path):
    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     ("id", "String", "The widget ID."),
                     ("widgetSpec", "Object", "The specification."))
    # The caption spells the name another way (`widget_spec`), so no caption link names it.
    document, report = build_otc(tmp_path, {"showing_a_widget.rst": page(
        "Querying a Widget", "GET /v1/{project_id}/widgets/{widget_id}", "",
        response + SPEC_TABLE, "")})
    schema = success(document, "/v1/{project_id}/widgets/{widget_id}", "get")
    assert set(schema["properties"]) == {"id", "widgetSpec"}
    spec = resolve_otc(document, schema["properties"]["widgetSpec"])
    assert set(spec["properties"]) == {"flavor", "disk_size"}
    assert [d["code"] for d in report["diagnostics"]].count("type-placed") == 1


# ------------------------------------- types: `null`, or `0` for a string, in the samples

PLACEHOLDER_MD = """\
# DescribeGadget

Queries a gadget.

## Request parameters

|Name|Type|Required|Example|Description|
|----|----|--------|-------|-----------|
|Action|String|Yes|DescribeGadget|The operation.|
|GadgetId|String|Yes|g-1|The gadget ID.|

## Response parameters

|Name|Type|Example|Description|
|----|----|-------|-----------|
|RequestId|String|r-1|The request ID.|
|Zone|String|cn-a|The zone.|
|Owner|String|alice|The owner.|
|Size|Integer|3|The size.|
|State|String|Active|The state. Valid values: Active, Frozen.|

## Examples

Sample success responses

`JSON` format

```
{"RequestId": "r-1", "Zone": 0, "Owner": null, "Size": null, "State": null}
```
"""

PLACEHOLDER_RST_RESPONSE = table(
    "Response body parameters", ("Parameter", "Type", "Description"),
    ("zone", "String", "The zone."), ("owner", "String", "The owner."),
    ("size", "Integer", "The size."),
    ("state", "String", "The state. The value can be **active** or **frozen**."))
PLACEHOLDER_RST_SAMPLE = indent(json.dumps(
    {"zone": 0, "owner": None, "size": None, "state": None}, indent=2))


def _placeholders_keep_the_tables_types(tmp_path, pages, path, method, names):
    document, report = build_otc(tmp_path, pages)
    props = success(document, path, method)["properties"]
    zone, owner, size, state = (props[n] for n in names)
    # `0` for a String: the table's type alone, reported.
    assert zone["type"] == "string"
    assert any(d["code"] == "sample-type" and "placeholder" in d["message"]
               for d in report["diagnostics"])
    # `null`: the table's type stays the type (null is accepted beside it), and null breaks
    # no constraint: the documented values stay, with null among them.
    assert owner["type"] == ["string", "null"] and size["type"] == ["integer", "null"]
    assert state["type"] == ["string", "null"]
    assert [v for v in state["enum"] if v is not None] in (["active", "frozen"],
                                                           ["Active", "Frozen"])
    assert not any(d["code"] == "constraint-dropped" for d in report["diagnostics"])
    # The models say the same: a string, never a string-or-integer.
    models = next((tmp_path / "out").glob("*/*/models.py")).read_text(encoding="utf-8")
    line = next(li for li in models.splitlines() if li.strip().startswith(names[0].lower() + ":"))
    assert "StrictStr" in line and "Int" not in line, line


def test_zero_or_null_in_a_sample_never_changes_the_tables_type_alibaba(tmp_path):
    _placeholders_keep_the_tables_types(
        tmp_path, {"DescribeGadget.md": PLACEHOLDER_MD}, "/#Action=DescribeGadget", "get",
        ("Zone", "Owner", "Size", "State"))


def test_zero_or_null_in_a_sample_never_changes_the_tables_type_otc(tmp_path):
    _placeholders_keep_the_tables_types(
        tmp_path, {"showing_a_gadget.rst": page(
            "Showing a Gadget", "GET /v1/gadgets/{gadget_id}", "", PLACEHOLDER_RST_RESPONSE,
            PLACEHOLDER_RST_SAMPLE)}, "/v1/gadgets/{gadget_id}", "get",
        ("zone", "owner", "size", "state"))


# --------------------------------------------- a list wrapper and its items' field share a name

def _addresses_page(rows: str, sample: dict) -> str:
    return f"""\
# DescribeGizmoAddresses

Queries addresses.

## Request parameters

|Name|Type|Required|Example|Description|
|----|----|--------|-------|-----------|
|Action|String|Yes|DescribeGizmoAddresses|The operation.|

## Response parameters

|Name|Type|Example|Description|
|----|----|-------|-----------|
|RequestId|String|r-1|The request ID.|
{rows}

## Examples

Sample success responses

`JSON` format

```
{json.dumps(sample)}
```
"""


SAME_NAME_ROWS = """\
|Ipv6Addresses|Array of Ipv6Address| |The IPv6 addresses.|
|Ipv6Address|String|2408::1|The IPv6 address.|
|Ipv6AddressId|String|ip6-1|The address ID.|"""
ELEMENT_ROWS = """\
|Gizmos|Array of GizmoSet| |The gizmos.|
|GizmoSet| | |The gizmo.|
|GizmoId|String|g-1|The gizmo ID.|"""
ADDRESS = {"Ipv6Address": "2408::1", "Ipv6AddressId": "ip6-1"}


def _list_members(rows: str, sample: dict, name: str) -> tuple[dict, dict]:
    document, _ = build_alibaba({"DescribeGizmoAddresses.md": _addresses_page(rows, sample)})
    return document, _resolve(document, _response(document, "DescribeGizmoAddresses")[
        "properties"][name])


def test_a_wrapper_named_like_a_field_of_its_items_the_sample_decides():
    # `Ipv6Addresses.Ipv6Address[]` whose items have a field `Ipv6Address`: the XML wrapper
    # element and the item field share a name; the typed row is the field, the sample shows
    # the wrapper.
    document, wrapped = _list_members(SAME_NAME_ROWS, {"RequestId": "r", "Ipv6Addresses": {
        "Ipv6Address": [ADDRESS]}}, "Ipv6Addresses")
    item = _resolve(document, wrapped["properties"]["Ipv6Address"]["items"])
    assert set(item["properties"]) == {"Ipv6Address", "Ipv6AddressId"}
    assert item["properties"]["Ipv6Address"]["type"] == "string"
    # The same rows with a sample that lists the items bare: no wrapper.
    document, bare = _list_members(SAME_NAME_ROWS, {"RequestId": "r", "Ipv6Addresses": [
        ADDRESS]}, "Ipv6Addresses")
    assert bare["type"] == "array"
    assert set(_resolve(document, bare["items"])["properties"]) == {"Ipv6Address",
                                                                     "Ipv6AddressId"}


UNTYPED_WRAPPER_ROWS = """\
|Ipv6Addresses| | |The IPv6 addresses.|
|Ipv6Address|String|2408::1|The IPv6 address.|
|Ipv6AddressId|String|ip6-1|The address ID.|"""


def test_an_untyped_wrapper_whose_items_have_a_field_of_its_element_name():
    # An older flat table: `Ipv6Addresses` has no type, its items' fields follow it, one of
    # them named like the XML element that wraps each item. The sample shows the element
    # holding objects (a list of them, or one object: a one-item XML list): the wrapper.
    for shown in ([ADDRESS, ADDRESS | {"Ipv6AddressId": "ip6-2"}], ADDRESS):
        document, wrapped = _list_members(UNTYPED_WRAPPER_ROWS, {
            "RequestId": "r", "Ipv6Addresses": {"Ipv6Address": shown}}, "Ipv6Addresses")
        item = _resolve(document, wrapped["properties"]["Ipv6Address"]["items"])
        assert set(item["properties"]) == {"Ipv6Address", "Ipv6AddressId"}
        assert item["properties"]["Ipv6Address"]["type"] == "string"
    # A sample whose `Ipv6Address` is the string the row documents: no wrapper.
    document, plain = _list_members(UNTYPED_WRAPPER_ROWS, {"RequestId": "r", "Ipv6Addresses": {
        "Ipv6Address": "2408::1"}}, "Ipv6Addresses")
    assert plain["properties"]["Ipv6Address"]["type"] == "string"


def test_an_untyped_row_after_array_of_its_name_is_the_items_element():
    # `Gizmos | Array of GizmoSet` then an untyped `GizmoSet` row: the XML element around each
    # item, as the sample shows, never a field of the items.
    document, gizmos = _list_members(ELEMENT_ROWS, {"RequestId": "r", "Gizmos": {
        "GizmoSet": [{"GizmoId": "g-1"}]}}, "Gizmos")
    item = _resolve(document, gizmos["properties"]["GizmoSet"]["items"])
    assert set(item["properties"]) == {"GizmoId"}


# ------------------------------------------------ versions and shared paths on Alibaba ROA

def _roa(action: str, method: str, path: str, row: str, body: dict | None = None) -> str:
    sample = "" if body is None else (f"\n## Examples\n\nSample requests\n\n```\n{method} {path} "
                                      f"HTTP/1.1\n{json.dumps(body)}\n```\n")
    return f"""\
# {action}

You can call this operation to work on gadgets.

## Request syntax

```
{method} {path} HTTP/1.1
```

## Request parameters

|Parameter|Type|Position|Required|Example|Description|
|---------|----|--------|--------|-------|-----------|
{row}

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|r-1|The ID of the request. |
{sample}"""


def test_roa_pages_an_older_version_and_action_bodies_on_one_path():
    document, diagnostics = build_alibaba({
        "ListGadgets.md": _roa("ListGadgets", "GET", "/v1/gadgets",
                               "|Size|Integer|Query|No|10|The page size. |"),
        "ListGadgetsNew.md": _roa("ListGadgets", "GET", "/v2/gadgets",
                                  "|Limit|Integer|Query|No|10|The page size. |"),
        "TagGadgets.md": _roa("TagGadgets", "POST", "/gadgets/action",
                              "|tag|Object|Body|Yes| |The tags to add. |", {"tag": {"key": "k"}}),
        "UntagGadgets.md": _roa("UntagGadgets", "POST", "/gadgets/action",
                                "|untag|Object|Body|Yes| |The tags to remove. |",
                                {"untag": {"key": "k"}})}, "rest")
    # Same title, another API version: named by its version, never `ListGadgets2`.
    assert document["paths"]["/v2/gadgets"]["get"]["operationId"] == "ListGadgetsV2"
    # One method and path, bodies told apart by their top-level key: one operation, oneOf.
    operation = document["paths"]["/gadgets/action"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert [set(branch["properties"]) for branch in body["oneOf"]] == [{"tag"}, {"untag"}]
    assert operation["x-docs2spec-variants"] == ["UntagGadgets"]
    assert not any(d.code == "operation-shadowed" for d in diagnostics)


def test_a_table_goes_to_the_one_bare_object_row_its_sample_fields_fit(tmp_path):
    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     ("id", "String", "The widget ID."),
                     ("detail", "Object", "The details."),
                     ("quota_a", "Object", "One quota."), ("quota_b", "Object", "Another."))
    details = SPEC_TABLE.replace("**widget_spec**", "**WidgetDetail**")
    quotas = QUOTA_TABLE.replace("QuotaInfo", "QuotaDetail")
    sample = indent(json.dumps({"id": "w-1", "detail": {"flavor": "s1", "disk_size": 4},
                                "quota_a": {"used": 1, "limit": 2},
                                "quota_b": {"used": 0, "limit": 3}}, indent=2))
    document, report = build_otc(tmp_path, {"showing_a_widget.rst": page(
        "Querying a Widget", "GET /v1/{project_id}/widgets/{widget_id}", "",
        response + details + quotas, sample)})
    schema = success(document, "/v1/{project_id}/widgets/{widget_id}", "get")
    # Named otherwise, but the sample's `detail` holds only the table's fields, and no other
    # place does: the table documents `detail`.
    detail = resolve_otc(document, schema["properties"]["detail"])
    assert detail["properties"]["disk_size"]["description"] == "The disk size."
    # Two places fit the quota table equally: neither is guessed, the table is reported.
    assert "properties" not in resolve_otc(document, schema["properties"]["quota_a"])
    unplaced = [d for d in report["diagnostics"] if d["code"] == "type-unplaced"]
    assert len(unplaced) == 1 and "QuotaDetail" in unplaced[0]["message"]
