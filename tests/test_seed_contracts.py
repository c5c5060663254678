"""The five seed pages end to end: what the produced contracts say, field by field."""

from __future__ import annotations

import pytest

VPC = "alibabacloud/vpc"
VPN = "huaweicloud/vpn"


def response(documents, product, op):
    return documents[f"{product}/schemas/{op}.response.json"]


def query(documents, product, op):
    return documents[f"{product}/schemas/{op}.request.json"]["properties"]["query"]


def test_operations_found(products):
    assert sorted(op.id for op in products[VPC].operations) == [
        "CreateIpsecServer", "DescribeVpnConnections", "ListIpsecServers"]
    assert [op.id for op in products[VPN].operations] == ["ListVpnConnections"]
    vpn = products[VPN].operations[0]
    assert (vpn.methods, vpn.path) == (("GET",), "/v5/{project_id}/vpn-connection")


def test_flat_response_table_nests_by_sample(documents):
    servers = response(documents, VPC, "ListIpsecServers")["properties"]["IpsecServers"]
    assert servers["type"] == "array"
    item = servers["items"]["properties"]
    # ResourceGroupId follows IpsecConfig's children on page 000 but belongs to the server item.
    assert "ResourceGroupId" in item
    assert set(item["IpsecConfig"]["properties"]) == {
        "IpsecAuthAlg", "IpsecLifetime", "IpsecEncAlg", "IpsecPfs"}
    # Page 001 lists IkeConfig's children sorted and interleaved with the item's own fields.
    assert set(item["IkeConfig"]["properties"]) == {
        "RemoteId", "IkeLifetime", "IkeEncAlg", "LocalId", "IkeMode", "IkeVersion", "IkePfs",
        "IkeAuthAlg"}
    assert {"InternetIp", "IDaaSInstanceId", "IpsecServerName"} <= set(item)
    top = response(documents, VPC, "ListIpsecServers")["properties"]
    assert set(top) == {"NextToken", "RequestId", "TotalCount", "MaxResults", "IpsecServers"}


def test_types_in_every_spelling(documents):
    item = response(documents, VPC, "ListIpsecServers")["properties"]["IpsecServers"]["items"]
    ike = item["properties"]["IkeConfig"]
    assert ike["type"] == "object"
    assert ike["properties"]["IkeLifetime"] == {**ike["properties"]["IkeLifetime"],
                                                "type": "integer", "format": "int64"}
    assert item["properties"]["EffectImmediately"]["type"] == "boolean"
    vpn = response(documents, VPN, "ListVpnConnections")
    assert vpn["properties"]["total_count"]["format"] == "int64"
    assert vpn["properties"]["vpn_connections"]["items"]["$ref"] == "#/$defs/ResponseVpnConnection"
    connection = vpn["$defs"]["ResponseVpnConnection"]["properties"]
    assert connection["peer_subnets"] == {**connection["peer_subnets"], "type": "array",
                                          "items": {"type": "string"}}
    assert connection["ikepolicy"]["$ref"] == "#/$defs/IkePolicy"
    assert vpn["$defs"]["IkePolicy"]["properties"]["dpd"]["$ref"] == "#/$defs/Dpd"


def test_missing_response_table_is_inferred_from_sample(documents):
    schema = response(documents, VPC, "DescribeVpnConnections")
    assert schema["x-docs2spec-inferred"] is True
    wrapper = schema["properties"]["VpnConnections"]
    assert wrapper["type"] == "object"
    item = wrapper["properties"]["VpnConnection"]["items"]["properties"]
    assert item["CreateTime"]["type"] == "integer"
    assert item["CreateTime"]["format"] == "int64"
    tunnel = item["TunnelOptionsSpecification"]["properties"]["TunnelOptions"]["items"]
    assert tunnel["properties"]["EnableDpd"]["type"] == "string"
    assert tunnel["properties"]["TunnelIkeConfig"]["properties"]["IkeLifetime"]["type"] == \
        "string"


def test_request_parameters_and_prose_constraints(documents):
    params = query(documents, VPC, "ListIpsecServers")
    assert set(params["required"]) == {"RegionId", "Action"}
    max_results = params["properties"]["MaxResults"]
    assert (max_results["minimum"], max_results["maximum"], max_results["default"]) == (1, 20, 10)
    name = params["properties"]["IpsecServerName"]
    assert (name["minLength"], name["maxLength"]) == (1, 100)
    assert name["not"] == {"pattern": "^(?:http://|https://)"}
    ids = params["properties"]["IpsecServerId"]
    assert ids["type"] == "array" and ids["maxItems"] == 20
    assert ids["items"]["type"] == "string"
    assert ids["x-docs2spec-encoding"] == "flat-list"
    tag = query(documents, VPC, "DescribeVpnConnections")["properties"]["Tag"]
    assert set(tag["items"]["properties"]) == {"Key", "Value"}
    assert "ResourceGroupId" in query(documents, VPC, "DescribeVpnConnections")["properties"]
    page_size = query(documents, VPC, "DescribeVpnConnections")["properties"]["PageSize"]
    assert (page_size["minimum"], page_size["maximum"], page_size["default"]) == (1, 50, 10)


def test_json_document_in_a_string(documents):
    ike = query(documents, VPC, "CreateIpsecServer")["properties"]["IkeConfig"]
    assert ike["type"] == "string"
    assert ike["contentMediaType"] == "application/json"
    content = ike["contentSchema"]["properties"]
    assert content["IkeVersion"]["enum"] == ["ikev1", "ikev2"]
    assert content["IkeLifetime"]["type"] == "integer"
    assert content["IkeLifetime"]["maximum"] == 86400
    assert "RemoteId" in content and "LocalId" in content


def test_huawei_prose_constraints(documents):
    defs = response(documents, VPN, "ListVpnConnections")["$defs"]
    ike = defs["IkePolicy"]["properties"]
    assert ike["ike_version"]["enum"] == ["v1", "v2"]
    assert ike["phase1_negotiation_mode"]["enum"] == ["main", "aggressive"]
    assert (ike["lifetime_seconds"]["minimum"], ike["lifetime_seconds"]["maximum"]) == (60, 604800)
    assert ike["local_id_type"]["enum"] == ["ip", "fqdn"]
    name = defs["ResponseVpnConnection"]["properties"]["name"]
    assert (name["minLength"], name["maxLength"]) == (1, 64)
    created = defs["ResponseVpnConnection"]["properties"]["created_at"]
    assert created["format"] == "date-time"


def test_conflicting_prose_is_dropped_with_a_diagnostic(documents, products):
    connection = response(documents, VPN, "ListVpnConnections")["$defs"]["ResponseVpnConnection"]
    ident = connection["properties"]["id"]
    assert "format" not in ident and ident["x-docs2spec-format-hints"] == ["uuid"]
    report = documents[f"{VPN}/report.json"]
    dropped = [d for d in report["diagnostics"] if d["code"] == "constraint-dropped"]
    assert any("uuid" in d["message"] and d["related"] for d in dropped)
    assert all(d["source"].startswith("specs/huaweicloud/vpn/pages/004") for d in dropped)


def test_two_pages_merge_into_one_operation(products, documents):
    op = products[VPC].operation("ListIpsecServers")
    assert len(op.pages) == 2
    assert {lang for lang, _ in op.summary} == {"en", "zh"}
    region = query(documents, VPC, "ListIpsecServers")["properties"]["RegionId"]
    assert set(region["x-docs2spec-descriptions"]) == {"en", "zh"}
    report = documents[f"{VPC}/report.json"]
    merged = [d for d in report["diagnostics"] if d["code"] == "merge-fields"]
    assert any("ResourceGroupId" in d["message"] for d in merged)
    xml = [s for s in op.samples if s.syntax == "xml"]
    assert xml and xml[0].value["IpsecServers"][0]["IkeConfig"]["IkeLifetime"] == 86400


def test_error_codes_by_status(documents):
    paths = documents[f"{VPC}/openapi.json"]["paths"]
    responses = paths["/#Action=CreateIpsecServer"]["get"]["responses"]
    assert set(responses) == {"200", "400", "403", "404", "409"}
    codes = [e["code"] for e in responses["400"]["x-docs2spec-errors"]]
    assert len(codes) == 20 and "VpnGateway.SslVpnDisabled" in codes
    error = documents[f"{VPC}/schemas/CreateIpsecServer.error.json"]
    assert len(error["x-docs2spec-errors"]) == 24


@pytest.mark.parametrize("product", [VPC, VPN])
def test_every_page_summarised(documents, product):
    report = documents[f"{product}/report.json"]
    for page in report["pages"]:
        assert page["operations"], page
        assert page["dialect"] in ("alibaba", "huawei")
