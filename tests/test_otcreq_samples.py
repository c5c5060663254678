"""Example requests that are not this operation's call: a step that calls another API first
(query the server's port, then add it to a pool; apply for an EIP, then bind it) and a URL
copied from another page. Seen on ELB (adding a backend server, creating and querying a load
balancer), VPC (querying security group rules) and DCS (querying a job). Every page here is
constructed: it keeps the layout of those pages with made-up names."""

from __future__ import annotations

import json

from generator.ir.foreign_samples import resource_words
from tests.test_otc_conventions import build, indent, linked_table, page, resolve, success, table

_REQUEST = table("Request parameters", ("Parameter", "Mandatory", "Type", "Description"),
                 ("address", "Yes", "String", "The gadget address."),
                 ("weight", "No", "Integer", "The gadget weight."))
_RESPONSE = table("Response parameters", ("Parameter", "Type", "Description"),
                  ("id", "String", "The gadget ID."),
                  ("address", "String", "The gadget address."))


def _code(text: str) -> str:
    return ".. code-block:: text\n\n" + indent(indent(text))


def _steps(*steps: tuple[str, str]) -> str:
    """`Example Request` as a list of steps, each a caption and its code block."""
    items = "\n\n".join(f"-  {caption}\n\n   {_code(code).replace(chr(10), chr(10) + '   ')}"
                        for caption, code in steps)
    return "Example Request\n---------------\n\n" + items + "\n"


def _diagnostics(report: dict, code: str) -> list[dict]:
    return [d for d in report["diagnostics"] if d["code"] == code]


def test_a_step_calling_another_api_and_its_response_are_set_aside(tmp_path):
    ports = {"ports": [{"id": "p1", "fixed_ips": [{"subnet_id": "s1", "ip_address": "10.0.0.5"}],
                        "device_id": "d1"}]}
    example = _steps(
        ("Step 1: Query the port of the server.",
         "GET https://{VPCEndpoint}/v2.0/ports?device_id=d1"),
        ("Example response", json.dumps(ports, indent=2)),
        ("Step 2: Add the gadget with the address of step 1.",
         "POST https://{Endpoint}/v2.0/lbaas/pools/5a9a3e9e/gadgets\n\n" +
         json.dumps({"address": "10.0.0.5", "weight": 1}, indent=2)))
    document, report = build(tmp_path, {"adding_a_gadget.rst": page(
        "Adding a Gadget", "POST /v2.0/lbaas/pools/{pool_id}/gadgets", _REQUEST, _RESPONSE,
        indent(json.dumps({"id": "g1", "address": "10.0.0.5"})), example)})
    operation = document["paths"]["/v2.0/lbaas/pools/{pool_id}/gadgets"]["post"]
    assert {(p["name"], p["in"]) for p in operation["parameters"]} == {("pool_id", "path")}
    assert set(success(document, "/v2.0/lbaas/pools/{pool_id}/gadgets", "post")
               ["properties"]) == {"id", "address"}
    foreign = _diagnostics(report, "sample-foreign")
    assert len(foreign) == 2  # the step's request and the response printed after it
    assert all("adding_a_gadget.rst:" in d["source"] for d in foreign)
    assert "/v2.0/ports" in foreign[0]["message"]
    # Kept as text: the step's request is still in the output.
    texts = [s["text"] for s in operation["x-docs2spec-request-samples"]]
    assert any("/v2.0/ports?device_id=d1" in t for t in texts)
    assert report["consistency"]["samples_rejected"] == 0


def test_a_body_sent_to_another_api_adds_no_fields_and_its_answer_no_response_keys(tmp_path):
    # `Step 1: apply for an EIP` (POST .../publicips) then `Step 2: bind it` (PUT
    # .../publicips/{id}), each with its response; then this operation's own example response.
    eip = {"publicip": {"type": "5_bgp"}, "bandwidth": {"name": "b1", "size": 10}}
    example = _steps(
        ("Step 1: Apply for an EIP.",
         "POST https://{VPCEndpoint}/v1/8b7e35ad/publicips\n\n" + json.dumps(eip, indent=2)),
        ("Example response", json.dumps({"publicip": {"id": "e1", "status": "DOWN"}}, indent=2)),
        ("Step 2: Bind the EIP.",
         "PUT /v1/8b7e35ad/publicips/e1\n\n" + json.dumps({"publicip": {"port_id": "p1"}})))
    document, report = build(tmp_path, {"creating_a_gadget.rst": page(
        "Creating a Gadget", "POST /v2.0/lbaas/gadgets", _REQUEST, _RESPONSE,
        indent(json.dumps({"id": "g1", "address": "10.0.0.5"})), example)})
    operation = document["paths"]["/v2.0/lbaas/gadgets"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    while "$ref" in body:
        body = document["components"]["schemas"][body["$ref"].rsplit("/", 1)[-1]]
    assert set(body["properties"]) == {"address", "weight"}
    assert set(success(document, "/v2.0/lbaas/gadgets", "post")["properties"]) == \
        {"id", "address"}
    assert len(_diagnostics(report, "sample-foreign")) == 3  # two requests, one response


def test_the_own_response_after_a_step_calling_another_api_is_kept(tmp_path):
    # `Example request 2: query the EIP bound to the gadget` (GET .../publicips?port_id=...),
    # then the page's own `Example Response`: that response answers this operation.
    example = _steps(("Example request 2: Query the EIP bound to the gadget.",
                      "GET https://{EIP_Endpoint}/v1/{project_id}/publicips?port_id=p1"))
    response = "Example Response\n----------------\n\n" + _code(json.dumps(
        {"id": "g1", "address": "10.0.0.5", "extra_key": 1}))
    document, report = build(tmp_path, {"querying_a_gadget.rst": page(
        "Querying a Gadget", "GET /v2.0/lbaas/gadgets/{gadget_id}", "None", _RESPONSE,
        indent(json.dumps({"id": "g1"})), example + "\n" + response)})
    operation = document["paths"]["/v2.0/lbaas/gadgets/{gadget_id}"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"gadget_id"}  # no port_id
    assert len(_diagnostics(report, "sample-foreign")) == 1
    shape = success(document, "/v2.0/lbaas/gadgets/{gadget_id}", "get")
    assert "extra_key" in shape["properties"]  # the own response still shapes the contract


def test_a_url_copied_from_another_page_adds_no_query_parameters(tmp_path):
    own = table("Query parameters", ("Parameter", "Mandatory", "Type", "Description"),
                ("limit", "No", "Integer", "The page size."))
    example = "Example:\n\n" + _code(
        "GET https://{Endpoint}/v2.0/gadget-rules?status=ACTIVE") + "\n\n" + \
        "Example of querying by page\n\n" + _code(
            "GET https://{Endpoint}/v2.0/networks?limit=2&page_reverse=False")
    document, report = build(tmp_path, {"querying_gadget_rules.rst": page(
        "Querying Gadget Rules", "GET /v2.0/gadget-rules\n\n" + example + "\n\n" + own,
        "None", _RESPONSE, indent(json.dumps({"id": "r1"})))})
    names = {p["name"] for p in document["paths"]["/v2.0/gadget-rules"]["get"]["parameters"]}
    assert names == {"limit", "status"}  # status from its own URL, nothing from the copied one
    [foreign] = _diagnostics(report, "sample-foreign")
    assert "/v2.0/networks" in foreign["message"]


def test_resource_words_ignore_versions_values_and_variables_and_fold_plurals():
    assert resource_words("/v2/{project_id}/instances/{instance_id}") == {"instance"}
    assert resource_words("/v2/a4d31cb6/instance/5560df16/tasks/8abf6e1e/progress") == \
        {"instance", "task", "progres"}
    assert resource_words("/v2.0/security-group-rules") == {"security-group-rule"}
    assert resource_words("/{api_version}") == frozenset()
    # A misspelt singular shares its resource with the plural: the sample stays this call's.
    assert resource_words("/v2/x/instance/y") & resource_words("/v2/{p}/instances/{i}")


# --- a scalar type cell the samples contradict ------------------------------------------------

def _quota_page(shown: object) -> str:
    response = table("Response parameters", ("Parameter", "Type", "Description"),
                     ("quota", "String", "The quotas. For details, see :ref:`Table 3 "
                      "<gadget_quota>`.")) + "\n" + linked_table(
        3, "**quota** parameter description", "gadget_quota", ("Parameter", "Type", "Description"),
        ("member", "Integer", "The member quota."), ("pool", "Integer", "The pool quota."))
    return page("Querying Gadget Quotas", "GET /v2.0/lbaas/quotas/{project_id}", "None",
                response, indent(json.dumps({"quota": shown})))


def test_a_row_typed_string_that_the_samples_show_as_its_tables_object_is_that_object(tmp_path):
    # `quota | String | For details, see Table 3`, Table 3 listing the quota's members, and the
    # sample `{"quota": {"member": 500, "pool": 10}}`: the type cell is a slip.
    document, report = build(tmp_path, {"querying_quotas.rst": _quota_page(
        {"member": 500, "pool": 10})})
    shape = success(document, "/v2.0/lbaas/quotas/{project_id}", "get")
    quota = resolve(document, shape["properties"]["quota"])
    assert quota["type"] == "object"
    assert {k: v["type"] for k, v in quota["properties"].items()} == \
        {"member": "integer", "pool": "integer"}
    [placed] = _diagnostics(report, "type-placed")
    assert "typed string" in placed["message"] and "querying_quotas.rst:" in placed["source"]
    assert not _diagnostics(report, "type-unplaced")
    assert report["consistency"]["rows_lost"] == 0


def test_a_row_typed_string_that_the_samples_show_as_json_text_stays_a_string(tmp_path):
    # The table documents the keys of a JSON document sent as text (`"task_detail":
    # "{\"member\": 500}"`): the row is a string, the table stays reported.
    document, report = build(tmp_path, {"querying_quotas.rst": _quota_page(
        json.dumps({"member": 500, "pool": 10}))})
    shape = success(document, "/v2.0/lbaas/quotas/{project_id}", "get")
    assert resolve(document, shape["properties"]["quota"])["type"] == "string"
    assert len(_diagnostics(report, "type-unplaced")) == 1
