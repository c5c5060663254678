"""The validation API: findings (rule, pointer, severity, source) for responses and requests,
and input errors instead of tracebacks for bodies that cannot be read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import InputError, UsageError
from generator.validation import (
    BodyError,
    Finding,
    contracts,
    has_errors,
    validate_request,
    validate_response,
)
from generator.validation.api import compiled_for
from generator.validation.depth import text_too_deep, value_too_deep

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
INVALID = ROOT / "tests" / "fixtures" / "captures_invalid"
CAPTURED = ROOT / "tests" / "captured"
VPC, VPN = "alibabacloud/vpc", "huaweicloud/vpn"


def response(product: str, operation: str, body, **kw) -> list[Finding]:
    return validate_response(product, operation, body, generated=GENERATED, **kw)


def request(product: str, operation: str | None = None, **kw) -> list[Finding]:
    return validate_request(product, operation, generated=GENERATED, **kw)


def only(findings: list[Finding], severity: str | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.pointer) for f in findings if severity is None or f.severity == severity]


def fixture(rel: str) -> bytes:
    return (INVALID / rel).read_bytes()


def page() -> dict:
    return json.loads((CAPTURED / VPC / "ListIpsecServers" / "page-20-items.json").read_text())


# ---------------------------------------------------------------------------------------------
# Responses: the deliberately broken captures, exact rule and pointer


@pytest.mark.parametrize(("rel", "operation", "expected"), [
    ("alibabacloud/vpc/ListIpsecServers/wrong-type-deep.json", "ListIpsecServers",
     [("type", "/IpsecServers/7/IkeConfig/IkeLifetime")]),
    ("alibabacloud/vpc/ListIpsecServers/array-for-object.json", "ListIpsecServers",
     [("type", "/IpsecServers/0/IpsecConfig")]),
    ("alibabacloud/vpc/ListIpsecServers/object-for-array.json", "ListIpsecServers",
     [("type", "/IpsecServers")]),
    ("alibabacloud/vpc/ListIpsecServers/enum-break.json", "ListIpsecServers",
     [("enum", "/IpsecServers/0/IkeConfig/IkeMode")]),
    ("huaweicloud/vpn/ListVpnConnections/out-of-range.json", "ListVpnConnections",
     [("range", "/vpn_connections/1/ikepolicy/dpd/timeout")]),
    ("huaweicloud/vpn/ListVpnConnections/name-too-long.json", "ListVpnConnections",
     [("length", "/vpn_connections/0/name")]),
])
def test_broken_capture_is_an_error_at_the_exact_place(rel, operation, expected):
    product = VPC if rel.startswith("alibabacloud") else VPN
    findings = response(product, operation, fixture(rel))
    assert only(findings, "error") == expected
    assert has_errors(findings)
    error = findings[0]
    assert error.severity == "error"
    assert error.source.startswith("specs/") and ":" in error.source


def test_wrong_type_message_and_source_name_the_doc_row():
    [finding] = response(VPC, "ListIpsecServers",
                         fixture("alibabacloud/vpc/ListIpsecServers/wrong-type-deep.json"))
    assert finding.keyword == "type"
    assert finding.message == 'expected an integer, got string "86400"'
    assert finding.source == "specs/alibabacloud/vpc/pages/000_31edfe36d3a0788a.txt:195"


def test_array_where_object_belongs_and_back_say_so():
    [a] = response(VPC, "ListIpsecServers",
                   fixture("alibabacloud/vpc/ListIpsecServers/array-for-object.json"))
    [b] = response(VPC, "ListIpsecServers",
                   fixture("alibabacloud/vpc/ListIpsecServers/object-for-array.json"))
    assert a.message == "expected an object, got an array of 1 item"
    assert b.message == "expected an array, got an object with 1 field"


def test_out_of_range_message():
    [finding] = response(VPN, "ListVpnConnections",
                         fixture("huaweicloud/vpn/ListVpnConnections/out-of-range.json"))
    assert finding.keyword == "maximum"
    assert finding.message == "90 is above the documented maximum 60"


def test_undocumented_field_is_a_warning_only():
    findings = response(VPC, "ListIpsecServers",
                        fixture("alibabacloud/vpc/ListIpsecServers/undocumented-field.json"))
    assert [(f.rule, f.pointer, f.severity) for f in findings] == [
        ("undocumented-field", "/IpsecServers/2/BandwidthLimit", "warning")]
    assert not has_errors(findings)
    assert findings[0].message == "field BandwidthLimit is not documented"


def test_strict_turns_warnings_into_errors():
    body = fixture("alibabacloud/vpc/ListIpsecServers/undocumented-field.json")
    findings = response(VPC, "ListIpsecServers", body, strict=True)
    assert [(f.rule, f.severity) for f in findings] == [("undocumented-field", "error")]


def test_warnings_can_be_skipped():
    body = fixture("alibabacloud/vpc/ListIpsecServers/undocumented-field.json")
    assert response(VPC, "ListIpsecServers", body, warnings=False) == []


def test_masked_ip_against_format_hint_is_information():
    """The docs' own samples break format hints, so a broken hint is info, and `strict` (which
    must pass on the docs' samples) leaves it info."""
    findings = response(VPN, "ListVpnConnections",
                        fixture("huaweicloud/vpn/ListVpnConnections/masked-ip.json"))
    assert [(f.rule, f.pointer, f.severity) for f in findings] == [
        ("format-hint", "/vpn_connections/0/vgw_ip", "info")]
    assert "a UUID or an IPv4 address" in findings[0].message
    strict = response(VPN, "ListVpnConnections",
                      fixture("huaweicloud/vpn/ListVpnConnections/masked-ip.json"), strict=True)
    assert [f.severity for f in strict] == ["info"] and not has_errors(strict)


def test_real_ip_satisfies_the_format_hint():
    body = json.loads(fixture("huaweicloud/vpn/ListVpnConnections/masked-ip.json"))
    body["vpn_connections"][0]["vgw_ip"] = "192.168.45.7"
    assert response(VPN, "ListVpnConnections", body) == []


def test_documented_format_is_enforced():
    body = page()
    body["IpsecServers"][4]["CreationTime"] = "yesterday"
    assert only(response(VPC, "ListIpsecServers", body)) == [
        ("format", "/IpsecServers/4/CreationTime")]


def test_error_envelope_needs_its_code():
    body = fixture("alibabacloud/vpc/CreateIpsecServer/error-without-code.json")
    findings = response(VPC, "CreateIpsecServer", body, status=400)
    assert only(findings, "error") == [("required", "/Code")]
    assert findings[0].message == "required field Code is missing"
    ok = {"RequestId": "x", "HostId": "vpc.aliyuncs.com", "Code": "Forbidden",
          "Message": "User not authorized to operate on the specified resource."}
    assert response(VPC, "CreateIpsecServer", ok, status=403) == []


def test_undocumented_status_is_a_finding_naming_the_documented_ones():
    findings = response(VPC, "CreateIpsecServer", {}, status=302)
    assert [(f.rule, f.severity) for f in findings] == [("status-undocumented", "warning")]
    assert findings[0].message == ("HTTP 302 is not documented for CreateIpsecServer; the docs "
                                   "list 200, 400, 403, 404, 409")
    body = json.loads((CAPTURED / VPC / "CreateIpsecServer" / "created.json").read_text())
    created = response(VPC, "CreateIpsecServer", body, status=201)
    assert [f.rule for f in created] == ["status-undocumented"]  # and the body checked as 2xx
    broken = response(VPC, "CreateIpsecServer", dict(body, IpsecServerName=5), status=201)
    assert {f.rule for f in broken} == {"status-undocumented", "type"}


@pytest.mark.parametrize(("status", "method"), [(204, "DELETE"), (304, "GET"), (200, "HEAD")])
def test_empty_body_where_none_is_due(status, method):
    findings = response(VPC, "CreateIpsecServer", b"", status=status, method=method)
    assert [f.rule for f in findings if f.rule != "status-undocumented"] == []


def test_empty_body_where_the_docs_document_one_is_an_error():
    findings = response(VPC, "CreateIpsecServer", b"  ", status=200)
    assert [(f.rule, f.severity) for f in findings] == [("empty-body", "error")]


def test_many_findings_are_all_reported():
    body = page()
    for item in body["IpsecServers"]:
        item["MaxConnections"] = "5"
    findings = response(VPC, "ListIpsecServers", body)
    assert len(findings) == 20
    assert {f.pointer for f in findings} == {f"/IpsecServers/{i}/MaxConnections"
                                             for i in range(20)}


# ---------------------------------------------------------------------------------------------
# Responses: XML (Alibaba `Format=XML`), read by the schema's shape


XML = """<?xml version="1.0" encoding="UTF-8"?>
<ListIpsecServersResponse>
  <TotalCount>2</TotalCount>
  <MaxResults>10</MaxResults>
  <RequestId>66881D3C-07C1-402A-991E-26830E867B01</RequestId>
  <IpsecServers>
    <IpsecServerId>iss-1</IpsecServerId><MaxConnections>10</MaxConnections>
    <PskEnabled>true</PskEnabled>
    <IkeConfig><IkeLifetime>86400</IkeLifetime><IkeMode>main</IkeMode></IkeConfig>
  </IpsecServers>
  <IpsecServers>
    <IpsecServerId>iss-2</IpsecServerId><MaxConnections>{max}</MaxConnections>
    <PskEnabled>false</PskEnabled>{extra}
  </IpsecServers>
</ListIpsecServersResponse>"""


def test_xml_response_is_read_by_the_schema_shape():
    assert response(VPC, "ListIpsecServers", XML.format(max="5", extra="")) == []
    assert response(VPC, "ListIpsecServers", XML.format(max="5", extra="").encode()) == []


def test_xml_wrong_type_and_undocumented_element():
    findings = response(VPC, "ListIpsecServers", XML.format(max="lots", extra="<Zone>a</Zone>"))
    assert [(f.rule, f.pointer, f.severity) for f in findings] == [
        ("type", "/IpsecServers/1/MaxConnections", "error"),
        ("undocumented-field", "/IpsecServers/1/Zone", "warning")]


def test_xml_entities_and_deep_nesting_are_refused():
    with pytest.raises(BodyError, match="DOCTYPE"):
        response(VPC, "ListIpsecServers", '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    with pytest.raises(BodyError, match="nests deeper"):
        response(VPC, "ListIpsecServers", "<a>" * 100000 + "</a>" * 100000)
    with pytest.raises(BodyError, match="not well-formed"):
        response(VPC, "ListIpsecServers", "<ListIpsecServersResponse><a>")


# ---------------------------------------------------------------------------------------------
# Responses: bodies that cannot be checked are input errors, never tracebacks


@pytest.mark.parametrize(("body", "match"), [
    (b"{'TotalCount': 1}", "not valid JSON"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\xfa" * 20, "binary data"),
    (b"[" * 100000 + b"]" * 100000, "nests more than"),
    (b'{"a":' * 100000 + b"1" + b"}" * 100000, "nests more than"),
    (b'{"TotalCount": 1e400}', "too large"),
    (b'{"TotalCount": 1', "not valid JSON"),
])
def test_unreadable_body_is_an_input_error(body, match):
    with pytest.raises(BodyError, match=match):
        response(VPC, "ListIpsecServers", body)


def test_parsed_values_are_checked_for_depth_and_type():
    deep: list = []
    node = deep
    for _ in range(100000):
        node.append([])
        node = node[0]
    with pytest.raises(BodyError, match="nests"):
        response(VPC, "ListIpsecServers", {"IpsecServers": deep})
    with pytest.raises(BodyError, match="not JSON data"):
        response(VPC, "ListIpsecServers", {1, 2})


def test_huge_numbers_do_not_crash():
    big = 10 ** 40
    found = response(VPC, "ListIpsecServers", {"TotalCount": big, "MaxResults": "x" * 10})
    assert only(found) == [("type", "/MaxResults")]
    assert response(VPC, "ListIpsecServers", b'{"TotalCount": 123456789012345678901234567890}') \
        == []
    found = response(VPC, "ListIpsecServers", {"RequestId": 10 ** 3000})
    assert only(found) == [("type", "/RequestId")]
    assert "digit integer" in found[0].message


def test_duplicate_keys_are_reported_on_a_body_that_validates():
    """Drift even when every value fits: the sender wrote two values and parsers keep one."""
    body = b'{"TotalCount": 1, "TotalCount": 2, "IpsecServers": []}'
    for given in (body, body.decode(), ):
        findings = response(VPC, "ListIpsecServers", given)
        assert [(f.rule, f.pointer, f.severity) for f in findings] == [
            ("duplicate-key", "/TotalCount", "warning")]
    strict = response(VPC, "ListIpsecServers", body, strict=True)
    assert [(f.rule, f.severity) for f in strict] == [("duplicate-key", "error")]
    assert response(VPC, "ListIpsecServers", body, warnings=False) == []
    # Keys spaced before the colon make the cheap count differ; the re-read finds no duplicate.
    assert response(VPC, "ListIpsecServers", b'{"TotalCount" : 1, "IpsecServers": []}') == []
    # A quote-colon inside a string value is no key.
    assert response(VPC, "ListIpsecServers", b'{"RequestId": "a\\":b", "IpsecServers": []}') == []
    # Escaped quotes written as \u0022 balance the quotes a duplicate removes; still found.
    masked = b'{"TotalCount":1,"TotalCount":2,"RequestId":"\\u0022\\u0022","IpsecServers":[]}'
    assert [(f.rule, f.pointer) for f in response(VPC, "ListIpsecServers", masked)] == [
        ("duplicate-key", "/TotalCount")]


def test_duplicate_keys_are_a_warning_when_a_body_is_reported():
    body = b'{"TotalCount": 1, "TotalCount": 2, "Extra": 1, "IpsecServers": []}'
    findings = response(VPC, "ListIpsecServers", body)
    assert [(f.rule, f.pointer, f.severity) for f in findings] == [
        ("undocumented-field", "/Extra", "warning"),
        ("duplicate-key", "/TotalCount", "warning")]
    spaced = b'{"TotalCount" : 1, "IpsecServers": [{"Psk" : "a", "Psk": "b", "Zone": 1}]}'
    findings = response(VPC, "ListIpsecServers", spaced)
    assert [(f.rule, f.pointer) for f in findings] == [
        ("duplicate-key", "/IpsecServers/0/Psk"), ("undocumented-field", "/IpsecServers/0/Zone")]


def test_without_orjson_the_stdlib_path_is_guarded_too(monkeypatch):
    from generator.validation import bodies

    monkeypatch.setattr(bodies, "ORJSON_GUARDS_DEPTH", False)
    monkeypatch.setattr(bodies, "_orjson", None)
    assert bodies.loads(b'{"a": [1, 2.5, "x"]}') == {"a": [1, 2.5, "x"]}
    with pytest.raises(BodyError, match="nests more than 256"):
        bodies.loads(b"[" * 100000 + b"]" * 100000)
    with pytest.raises(BodyError, match="too large"):
        bodies.loads(b'{"a": 1e400}')
    with pytest.raises(BodyError, match="not valid JSON"):
        bodies.loads(b'{"a": NaN}')
    with pytest.raises(BodyError, match="not UTF-8"):
        bodies.loads(b'{"a": "\xff"}')


def test_depth_guard_is_cheap_and_exact():
    assert text_too_deep(b"[1, 2]") is None
    assert text_too_deep(b"[" * 300 + b"]" * 300) == 257
    assert text_too_deep(b'["' + b"[" * 300 + b'"]') is None  # brackets inside a string
    assert text_too_deep(b"[" * 300) is None  # unbalanced: the parser says why
    assert not value_too_deep({"a": [[{"b": 1}]]})


# ---------------------------------------------------------------------------------------------
# Product and operation lookup, caching


def test_product_by_short_name_and_unknown_names():
    body = fixture("alibabacloud/vpc/ListIpsecServers/enum-break.json")
    assert response("vpc", "ListIpsecServers", body) == response(VPC, "ListIpsecServers", body)
    with pytest.raises(UsageError, match="unknown product"):
        response("nosuch", "ListIpsecServers", body)
    with pytest.raises(UsageError, match="no operation"):
        response(VPC, "NoSuchOperation", body)


def test_compiled_validators_are_cached_per_product_operation_kind():
    product = contracts(GENERATED).product(VPC)
    first = compiled_for(product, "ListIpsecServers", "response")
    response(VPC, "ListIpsecServers", b"{}")
    assert compiled_for(product, "ListIpsecServers", "response") is first
    assert compiled_for(product, "ListIpsecServers", "error") is not first


# ---------------------------------------------------------------------------------------------
# Requests


def test_request_value_outside_documented_range():
    findings = request(VPC, url="/?Action=ListIpsecServers&RegionId=cn-hangzhou&MaxResults=50")
    assert [(f.rule, f.pointer, f.keyword) for f in findings] == [
        ("range", "/query/MaxResults", "maximum")]
    assert findings[0].message == "MaxResults: 50 is above the documented maximum 20"
    assert findings[0].source.endswith(":50")


def test_request_missing_required_parameter():
    findings = request(VPC, url="/?Action=ListIpsecServers&MaxResults=10")
    assert only(findings) == [("required", "/query/RegionId")]
    assert findings[0].message == "required query parameter RegionId is missing"


def test_request_flat_list_beyond_documented_length():
    findings = request(VPC, url="/?Action=ListIpsecServers&RegionId=cn-hangzhou"
                       "&IpsecServerId.1=a&IpsecServerId.21=b")
    assert [(f.rule, f.pointer, f.keyword) for f in findings] == [
        ("items", "/query/IpsecServerId", "maxItems")]
    assert "IpsecServerId.21" in findings[0].message


def test_request_flat_lists_are_unflattened():
    ok = request(VPC, url="/?Action=DescribeVpnConnections&RegionId=cn-hangzhou"
                 "&Tag.1.Key=env&Tag.1.Value=prod&Tag.2.Key=team&Tag.2.Value=net"
                 "&IpsecServerIdIgnored.x=1")
    assert only(ok, "error") == []
    bad = request(VPC, url="/?Action=DescribeVpnConnections&RegionId=cn-hangzhou"
                  "&Tag.1.Key=env&Tag.2.Key=&Tag.2.Value=" + "v" * 129)
    assert [(f.rule, f.pointer) for f in bad] == [("length", "/query/Tag/1/Key"),
                                                   ("length", "/query/Tag/1/Value")]
    assert bad[0].message.startswith("Tag.2.Key: ")


def test_request_json_document_in_string_parameter():
    url = ("/?Action=CreateIpsecServer&RegionId=cn-hangzhou&VpnGatewayId=vpn-1"
           "&LocalSubnet=192.168.0.0/24&ClientIpPool=10.0.0.0/24"
           '&IkeConfig={"IkeVersion":"ikev9"}')
    findings = request(VPC, url=url)
    assert [(f.rule, f.pointer, f.keyword) for f in findings] == [
        ("enum", "/query/IkeConfig/IkeVersion", "enum")]
    assert '"ikev9" is not one of the documented values: "ikev1", "ikev2"' in findings[0].message
    good = request(VPC, url=url.replace("ikev9", "ikev2"))
    assert good == []
    broken = request(VPC, url=url.replace('{"IkeVersion":"ikev9"}', "{IkeVersion:"))
    assert [(f.rule, f.pointer) for f in broken] == [("content", "/query/IkeConfig")]
    ranged = request(VPC, params={"Action": "CreateIpsecServer", "RegionId": "cn-hangzhou",
                                  "VpnGatewayId": "v", "LocalSubnet": "a", "ClientIpPool": "b",
                                  "IpsecConfig": {"IpsecLifetime": 90000}})
    assert [(f.rule, f.pointer) for f in ranged] == [
        ("range", "/query/IpsecConfig/IpsecLifetime")]


def test_rest_request_type_error_in_query():
    findings = request(VPN, url="/v5/0605767c8f00d5a02f6dc0078f5e2c8b/vpn-connection?limit=abc")
    assert [(f.rule, f.pointer, f.keyword) for f in findings] == [
        ("type", "/query/limit", "type")]
    assert findings[0].message == 'limit: expected an integer, got string "abc"'
    assert request(VPN, url="https://vpn.eu-de.myhuaweicloud.com/v5/p1/vpn-connection"
                   "?limit=10&marker=x") == []


def test_rest_request_method_path_and_undocumented_parameter():
    findings = request(VPN, url="/v5/p1/vpn-connection?limit=10&color=red", method="POST")
    assert [(f.rule, f.severity) for f in findings] == [("method", "error"),
                                                         ("undocumented-field", "warning")]
    with pytest.raises(InputError, match="matches no documented path"):
        request(VPN, url="/v5/p1/elsewhere")
    wrong = request(VPN, "ListVpnConnections", url="/v5/p1/elsewhere")
    assert ("path", "/path") in only(wrong)


def test_request_params_mapping_and_common_parameters():
    assert request(VPC, params={"Action": "ListIpsecServers", "RegionId": "cn-hangzhou",
                                "MaxResults": 20, "Version": "2016-04-28",
                                "AccessKeyId": "LTAI", "SignatureNonce": "1"}) == []
    found = request(VPC, "ListIpsecServers", params={"RegionId": "x", "Version": "2014-05-15"})
    assert [(f.rule, f.severity) for f in found] == [("version", "warning")]
    with pytest.raises(InputError, match="no Action"):
        request(VPC, params={"RegionId": "x"})
    with pytest.raises(UsageError, match="no operation"):
        request(VPC, url="/?Action=NoSuch")


def test_rpc_post_form_body_is_read_as_parameters():
    findings = request(VPC, url="https://vpc.aliyuncs.com/", method="POST",
                       body="Action=ListIpsecServers&RegionId=cn-hangzhou&MaxResults=99")
    assert only(findings) == [("range", "/query/MaxResults")]
