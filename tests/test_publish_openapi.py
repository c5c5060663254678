"""What the published OpenAPI documents give tools and clients: the docs' groups as tags, the
vendors' authentication on every operation, named component schemas, XML samples as XML, and
RPC operations whose Action and Version clients fill in themselves."""

from __future__ import annotations

import copy
import json
import shutil

from generator.build import build_pages
from generator.groups import index_title
from tests.conftest import GENERATED, SPECS

VPC = json.loads((GENERATED / "alibabacloud/vpc/openapi.json").read_text("utf-8"))
VPN = json.loads((GENERATED / "huaweicloud/vpn/openapi.json").read_text("utf-8"))


def operations(document):
    for key, item in document["paths"].items():
        for method, operation in item.items():
            if method != "parameters":
                yield key, item, method, operation


def test_every_operation_has_a_tag_and_the_vendors_security():
    for document in (VPC, VPN):
        schemes = document["components"]["securitySchemes"]
        names = {tag["name"] for tag in document["tags"]}
        for _, _, _, operation in operations(document):
            assert operation["tags"] and set(operation["tags"]) <= names
            assert operation["security"]
            assert all(set(option) <= set(schemes) for option in operation["security"])
    assert VPC["components"]["securitySchemes"]["AccessKey"]["name"] == "AccessKeyId"
    assert {s["name"] for s in VPN["components"]["securitySchemes"].values()} == {
        "X-Auth-Token", "Authorization"}


def test_rpc_action_and_version_have_one_value_that_is_their_default():
    for key, item, _, operation in operations(VPC):
        params = {p["name"]: p for p in item["parameters"]}
        action = operation["operationId"].split("_")[0]
        assert key == f"/#Action={action}"  # a fragment: never sent, the query says it once
        assert params["Action"]["schema"] == {"type": "string", "enum": [action],
                                              "default": action}
        assert params["Version"]["schema"]["default"] == "2016-04-28"
        assert params["Action"]["required"] and params["Version"]["required"]


def test_bodies_are_named_component_schemas():
    success = VPC["paths"]["/#Action=ListIpsecServers"]["get"]["responses"]["200"]
    assert success["content"]["application/json"]["schema"]["$ref"] == \
        "#/components/schemas/ListIpsecServersResponse"
    response = VPC["components"]["schemas"]["ListIpsecServersResponse"]
    assert response["properties"]["IpsecServers"]["items"]["$ref"] == \
        "#/components/schemas/ListIpsecServersResponseIpsecServer"  # the item, in the singular
    # The same names as the models' classes.
    from generated.alibabacloud.vpc import models
    hoisted = [name for name in VPC["components"]["schemas"] if name != "RpcError"]
    assert all(isinstance(getattr(models, name, None), type) for name in hoisted), hoisted


def test_xml_samples_are_xml_examples():
    success = VPC["paths"]["/#Action=ListIpsecServers"]["get"]["responses"]["200"]
    examples = success["content"]["application/xml"]["examples"]
    assert all(e["value"].lstrip().startswith("<") for e in examples.values())


def test_examples_their_schema_rejects_are_set_aside_with_the_reason():
    from generator.emitters import openapi

    document = copy.deepcopy(VPC)
    media = document["paths"]["/#Action=ListIpsecServers"]["get"]["responses"]["200"][
        "content"]["application/json"]
    first = next(iter(media["examples"]))
    media["examples"][first]["value"] = {"TotalCount": "not a number"}
    openapi._set_aside_examples(document)
    assert first not in media.get("examples", {})
    assert "TotalCount" in media["x-docs2spec-examples"][first]["off-schema"]


def test_groups_are_the_folders_the_docs_save_pages_in(tmp_path):
    pages = tmp_path / "pages"
    (pages / "IPsec服务端").mkdir(parents=True)
    (pages / "vpn_connection").mkdir()
    shutil.copy(SPECS / "alibabacloud/vpc/pages/001_1ff470dc3b96b934.txt",
                pages / "IPsec服务端" / "ListIpsecServers.md")
    shutil.copy(SPECS / "huaweicloud/vpn/pages/004_fd94b5906ea4c88a.txt",
                pages / "vpn_connection" / "querying.txt")
    (pages / "vpn_connection" / "index.rst").write_text(
        ":original_name: x.html\n\n.. _x:\n\nVPN Connection\n==============\n", "utf-8")
    builds, _ = build_pages([pages], tmp_path / "out")
    tags = {b.product.provider: [op.group for op in b.product.operations] for b in builds}
    assert tags == {"alibabacloud": [(("zh", "IPsec服务端"),)],
                    "huaweicloud": [(("en", "VPN Connection"),)]}
    document = json.loads((tmp_path / "out/alibabacloud/api/openapi.json").read_text("utf-8"))
    assert [t["name"] for t in document["tags"]] == ["IPsec服务端"]


def test_a_flat_folder_has_no_groups_and_the_index_title_needs_an_underline(tmp_path):
    (tmp_path / "index.rst").write_text("Just a sentence.\n\nMore.\n", "utf-8")
    assert index_title(tmp_path) == ""
    (tmp_path / "index.rst").write_text("Title\n=====\n", "utf-8")
    assert index_title(tmp_path) == "Title"
    assert [t["name"] for t in VPC["tags"]] == ["Alibaba Cloud Virtual Private Cloud (VPC)"]


def test_a_second_documented_success_body_is_named_by_its_status_not_a_number():
    """A 201 and a 202 body documented for one operation: `<Op>Response` for the success
    body the models use, `<Op>Response202` for the other (as error bodies are
    `<Op>Response404`), never `<Op>Response2`."""
    from generator.emitters.openapi import Components, _responses
    from generator.ir.model import Operation, Product, Response, Schema

    def body(field: str) -> Schema:
        return Schema(kind="object", properties=((field, Schema(kind="string")),))

    operation = Operation(id="CreateRule", style="rest", methods=("POST",), path="/v1/rules",
                          responses=(Response(201, body("rule")), Response(202, body("job"))))
    product = Product(provider="p", name="n", title="t", version="v1", style="rest",
                      servers=(), operations=(operation,))
    components = Components(product)
    responses = _responses(operation, components)
    refs = {status: response["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
            for status, response in responses.items()}
    assert refs == {"201": "CreateRuleResponse", "202": "CreateRuleResponse202"}
