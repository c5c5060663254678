"""Conventions of Huawei-style (Open Telekom Cloud) pages met across the development corpus and
on products outside it. Every page here is constructed: it keeps the layout of those pages
with made-up names."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.build import build_pages
from generator.dialects.types import parse_type


def build(tmp_path: Path, pages: dict[str, str]) -> tuple[dict, dict]:
    """Build constructed pages; (openapi document, report)."""
    folder = tmp_path / "pages"
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    [built], _ = build_pages([folder], tmp_path / "out", product="demo")
    out = tmp_path / "out" / built.product.provider / built.product.name
    return (json.loads((out / "openapi.json").read_text(encoding="utf-8")),
            json.loads((out / "report.json").read_text(encoding="utf-8")))


def resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def success(document: dict, path: str, method: str) -> dict:
    operation = document["paths"][path][method]
    status = next(s for s in operation["responses"] if s.startswith("2"))
    content = operation["responses"][status].get("content")
    return resolve(document, content["application/json"]["schema"]) if content else {}


def page(title: str, uri: str, request: str = "", response: str = "", sample: str = "",
         extra: str = "") -> str:
    return f"""\
{title}
{"=" * len(title)}

Function
--------

This API is used for {title.lower()}.

URI
---

{uri}

Request
-------

{request}

Response
--------

{response}

Example Response
----------------

.. code-block::

{sample}

{extra}
"""


def table(caption: str, header: tuple[str, ...], *rows: tuple[str, ...], number: int = 1) -> str:
    widths = [max(len(c) for c in column) for column in zip(header, *rows, strict=True)]
    rule = "   " + " ".join("=" * w for w in widths)

    def line(cells):
        return "   " + " ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))

    body = "\n".join(line(r) for r in rows)
    return f".. table:: **Table {number}** {caption}\n\n{rule}\n{line(header)}\n{rule}\n{body}\n{rule}\n"


def indent(text: str) -> str:
    return "\n".join("   " + li if li else li for li in text.splitlines())


# --- types ---------------------------------------------------------------------------------

def test_sized_types_give_a_length_and_a_list_in_words_is_a_list():
    assert parse_type("String(64)").kind == "string"
    assert parse_type("String(64)").max_length == 64
    assert parse_type("Integer(11)").kind == "integer"
    assert parse_type("List (NAT gateways)").kind == "array"
    assert parse_type("Array(Object)").items.kind == "object"


def test_named_objects_in_the_plural_are_a_list_of_them():
    masters = parse_type("MasterSpec objects")
    assert masters.kind == "array" and masters.items.kind == "object"
    assert masters.items.ref == "MasterSpec"
    single = parse_type("MasterSpec object")
    assert single.kind == "object" and single.ref == "MasterSpec"


def test_a_type_cell_that_also_points_at_a_table_is_read_without_the_pointer():
    listed = parse_type("List data structure. For details, see Table 14.")
    assert listed.kind == "array" and listed.items.kind == "object" and listed.known
    assert parse_type("Dictionary data structure. For details, see Table 3.").kind == "object"
    assert parse_type("Array. For details, see Table 9.").kind == "array"
    assert not parse_type("For details, see Table 9.").known  # a pointer is no type


def test_map_types_are_dictionaries():
    for text in ("Map<String,String>", "Map<String, String>", "Map<String>string",
                 "Array of Map<String,String> objects"):
        spec = parse_type(text)
        spec = spec.items if spec.kind == "array" else spec
        assert spec.kind == "object" and spec.values is not None and \
            spec.values.kind == "string", text
    assert parse_type("list<map<String,String>>").items.values.kind == "string"


def test_a_map_whose_values_are_generic_types_is_a_dictionary_of_them():
    nested = parse_type("Map<String,Map<String,Array<String>>>")
    assert nested.kind == "object" and nested.values.kind == "object"
    assert nested.values.values.kind == "array" and nested.values.values.items.kind == "string"
    listed = parse_type("Map<String,Array<Gadget>>")
    assert listed.values.kind == "array" and listed.values.items.ref == "Gadget"
    assert not parse_type("Map<String,Map<String>").known  # unbalanced: no type


def test_a_nested_map_keeps_the_samples_keys_out_of_the_contract(tmp_path):
    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     ("kind", "String", "API type."),
                     ("spec", "Map<String,Map<String,Array<String>>>",
                      "Labels by pool ID, then by label key."))
    sample = indent(json.dumps({"kind": "Labels", "spec": {
        "pool-a": {"team": ["x", "y"]}, "DefaultPool": {"env": ["prod"]}}}, indent=2))
    document, report = build(tmp_path, {"obtaining_gadget_labels.rst": page(
        "Obtaining Gadget Labels", "GET /v1/{project_id}/gadget-labels", "", response, sample)})
    spec = success(document, "/v1/{project_id}/gadget-labels", "get")["properties"]["spec"]
    assert "properties" not in spec  # pool IDs are data, not fields
    inner = spec["additionalProperties"]
    assert "properties" not in inner
    assert inner["additionalProperties"]["type"] == "array"
    assert inner["additionalProperties"]["items"]["type"] == "string"
    assert report["consistency"]["samples_rejected"] == 0


def test_a_table_whose_only_row_names_any_key_is_a_dictionary(tmp_path):
    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     ("{User defined key}", "Map<String,Array<GadgetOption>>",
                      "The options, by component name."))
    options = table("GadgetOption", ("Parameter", "Type", "Description"),
                    ("name", "String", "Option name."), ("empty", "Boolean", "May be empty."),
                    number=2)
    sample = indent(json.dumps({"gadget-core": [{"name": "retries", "empty": True}],
                                "gadget-edge": [{"name": "limit", "empty": False}]}, indent=2))
    document, report = build(tmp_path, {"listing_gadget_options.rst": page(
        "Listing Gadget Options", "GET /v1/{project_id}/gadget-options", "",
        response + "\n" + options, sample)})
    schema = success(document, "/v1/{project_id}/gadget-options", "get")
    assert "properties" not in schema  # neither the placeholder nor the sample's keys
    values = schema["additionalProperties"]
    assert values["type"] == "array"
    assert set(resolve(document, values["items"])["properties"]) == {"name", "empty"}
    assert report["consistency"]["rows_lost"] == 0
    assert report["consistency"]["placeholder_fields"] == 0
    assert any(d["code"] == "row-any-key" for d in report["diagnostics"])


GADGET_RESPONSE = table("Response body parameters", ("Parameter", "Type", "Description"),
                        ("name", "String(64)", "The gadget name."),
                        ("labels", "Map<String,String>", "The gadget labels."),
                        ("parts", "Object", "The parts, keyed by part ID."))
GADGET_SAMPLE = indent(json.dumps({
    "name": "g1", "labels": {"team": "a", "env": "b"},
    "parts": {"3f2a9c1e-0b6d-4e7f-9a8b-1c2d3e4f5a6b": {"size": 1},
              "9b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e": {"size": 2}}}, indent=2))


def test_sized_strings_maps_and_id_keyed_dictionaries_in_a_response(tmp_path):
    document, report = build(tmp_path, {"showing_a_gadget.rst": page(
        "Querying a Gadget", "GET /v1/{project_id}/gadgets/{gadget_id}", "", GADGET_RESPONSE,
        GADGET_SAMPLE)})
    schema = success(document, "/v1/{project_id}/gadgets/{gadget_id}", "get")
    props = schema["properties"]
    assert props["name"]["type"] == "string" and props["name"]["maxLength"] == 64
    assert props["labels"]["additionalProperties"]["type"] == "string"
    assert "properties" not in props["labels"]  # the sample's keys are data
    parts = props["parts"]
    assert "properties" not in parts
    assert parts["additionalProperties"]["properties"]["size"]["type"] == "integer"
    assert report["consistency"]["samples_rejected"] == 0


KEY_RESPONSE = table("Response parameters", ("Parameter", "Mandatory", "Type", "Description"),
                     ("key_info", "Yes", "Array of objects", "The key. See the key_info field."))
KEY_INFO = """\
.. table:: **Table 2** **key_info** field description

   ========= ========= ====== ============
   Parameter Mandatory Type   Description
   ========= ========= ====== ============
   key_id    Yes       String The key ID.
   key_state Yes       String The state.
   ========= ========= ====== ============
"""


def test_a_list_every_json_sample_shows_as_one_object_is_that_object(tmp_path):
    sample = indent(json.dumps({"key_info": {"key_id": "k-1", "key_state": "2"}}, indent=2))
    document, report = build(tmp_path, {"enabling_a_key.rst": page(
        "Enabling a Key", "POST /v1.0/{project_id}/kms/enable-key", "", KEY_RESPONSE + "\n" +
        KEY_INFO, sample)})
    schema = success(document, "/v1.0/{project_id}/kms/enable-key", "post")
    key_info = resolve(document, schema["properties"]["key_info"])
    assert key_info["type"] == "object"
    assert set(key_info["properties"]) == {"key_id", "key_state"}
    assert report["consistency"]["samples_rejected"] == 0
    assert any("every sample shows one object" in d["message"] for d in report["diagnostics"])


def test_a_list_named_by_a_plural_stays_a_list_when_its_sample_shows_one_object(tmp_path):
    # `items | Array of Task objects` with one task printed bare: the name says a list.
    response = table("Response parameters", ("Parameter", "Mandatory", "Type", "Description"),
                     ("kind", "Yes", "String", "The kind."),
                     ("items", "Yes", "Array of objects", "The tasks. See the items field."))
    items = KEY_INFO.replace("**key_info**", "**items**")
    sample = indent(json.dumps({"kind": "Task", "items": {"key_id": "k-1", "key_state": "2"}},
                               indent=2))
    document, report = build(tmp_path, {"listing_tasks.rst": page(
        "Listing Tasks", "GET /v1/{project_id}/tasks", "", response + "\n" + items, sample)})
    schema = success(document, "/v1/{project_id}/tasks", "get")
    listed = schema["properties"]["items"]
    assert "array" in listed["type"]  # the sample's bare object is accepted too
    assert set(resolve(document, listed["items"])["properties"]) == {"key_id", "key_state"}
    assert report["consistency"]["samples_rejected"] == 0
    assert not any("every sample shows one object" in d["message"]
                   for d in report["diagnostics"])


def test_a_bare_object_whose_description_example_shows_a_list_of_objects_is_that_list(
        tmp_path):
    taints = ('Taints of the node. Example: "taints": [{"key": "status", "value": "down", '
              '"effect": "NoSchedule"}]')
    labels = 'Labels of the node. Example: "k8sTags": {"key": "value"}'
    request = table("Request body parameters", ("Parameter", "Mandatory", "Type", "Description"),
                    ("name", "Yes", "String", "The node name."),
                    ("taints", "No", "Object", taints), ("k8sTags", "No", "Object", labels))
    document, _ = build(tmp_path, {"creating_a_node.rst": page(
        "Creating a Node", "POST /v3/{project_id}/nodes", request, "None", "")})
    body = document["paths"]["/v3/{project_id}/nodes"]["post"]["requestBody"]
    body = resolve(document, body["content"]["application/json"]["schema"])
    listed = body["properties"]["taints"]
    assert listed["type"] == "array"
    assert set(resolve(document, listed["items"])["properties"]) == {"key", "value", "effect"}
    assert resolve(document, body["properties"]["k8sTags"])["type"] == "object"


# --- status codes --------------------------------------------------------------------------

STATUS_TABLE = """\
Status Codes
------------

.. table:: **Table 3** Status codes

   =========== =========== ===============================
   Status Code Status      Description
   =========== =========== ===============================
   {code}         {word} The request has succeeded.
   =========== =========== ===============================
"""


def test_an_example_response_of_only_a_status_is_that_status_without_a_body(tmp_path):
    document, report = build(tmp_path, {"deleting_a_gadget.rst": page(
        "Deleting a Gadget", "DELETE /v2.0/gadgets/{gadget_id}\n\n" + table(
            "Path parameter", ("Parameter", "Mandatory", "Type", "Description"),
            ("gadget_id", "Yes", "String", "The gadget ID.")), "None", "None",
        "   None (STATUS CODE 204)")})
    responses = document["paths"]["/v2.0/gadgets/{gadget_id}"]["delete"]["responses"]
    assert "200" not in responses and "content" not in responses["204"]
    codes = {d["code"] for d in report["diagnostics"]}
    assert "response-missing" not in codes and "response-empty" in codes


def test_the_one_success_status_of_a_status_table_is_the_documented_response(tmp_path):
    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     ("id", "String", "The gadget ID."))
    document, _ = build(tmp_path, {"creating_a_gadget.rst": page(
        "Creating a Gadget", "POST /v2.0/gadgets", "", response,
        indent(json.dumps({"id": "g-1"})), STATUS_TABLE.format(code=201, word="Created    "))})
    responses = document["paths"]["/v2.0/gadgets"]["post"]["responses"]
    assert "200" not in responses
    schema = responses["201"]["content"]["application/json"]["schema"]
    if "$ref" in schema:  # bodies are named components
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    assert schema["properties"]["id"]


def test_a_failed_request_example_is_an_error_sample_never_the_success_body(tmp_path):
    from generator.dialects.sections import sample_label
    assert sample_label("Example response (request failed)") == "error"
    assert sample_label("Example response (request successful)") == "response"
    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     ("id", "String", "The gadget ID."))
    keystone_error = indent(indent(json.dumps({"error": {
        "message": "Could not find gadget: g-9", "code": 404, "title": "Not Found"}}, indent=2)))
    # The failure shown under a label that does not say so: its Keystone envelope does.
    document, report = build(tmp_path, {"showing_a_gadget.rst": page(
        "Showing a Gadget", "GET /v3.0/gadgets/{gadget_id}", "", response,
        indent(json.dumps({"id": "g-1"})),
        "-  Example response\n\n   .. code-block::\n\n" + keystone_error + "\n")})
    schema = success(document, "/v3.0/gadgets/{gadget_id}", "get")
    assert set(schema["properties"]) == {"id"}
    assert report["consistency"]["samples_rejected"] == 0


def test_a_response_messages_section_holds_the_response_fields(tmp_path):
    response = table("Parameter description", ("Parameter", "Type", "Description"),
                     ("enable_l7", "Boolean", "Whether layer-7 protection is on."))
    text = page("Querying the Default Policy", "GET /v1/{project_id}/gadgets/default-config",
                "None", response, indent(json.dumps({"enable_l7": True})))
    text = text.replace("\nResponse\n--------\n", "\nResponse Messages\n-----------------\n")
    document, _ = build(tmp_path, {"querying_the_default_policy.rst": text})
    operation = document["paths"]["/v1/{project_id}/gadgets/default-config"]["get"]
    assert {p["name"] for p in operation.get("parameters", [])} <= {"project_id"}
    schema = success(document, "/v1/{project_id}/gadgets/default-config", "get")
    assert set(schema["properties"]) == {"enable_l7"}


# --- table captions ------------------------------------------------------------------------

def test_a_table_captioned_only_parameters_is_placed_by_its_section(tmp_path):
    uri = "GET /v1.0/{project_id}/gadgets\n\n" + table(
        "Parameters", ("Parameter", "Mandatory", "Type", "Description"),
        ("project_id", "Yes", "String", "The project ID."),
        ("limit", "No", "Integer", "The page size."))
    response = table("Parameters", ("Parameter", "Type", "Description"),
                     ("count", "Integer", "The number of gadgets."))
    document, report = build(tmp_path, {"querying_gadgets.rst": page(
        "Querying Gadgets", uri, "", response, indent(json.dumps({"count": 1})))})
    operation = document["paths"]["/v1.0/{project_id}/gadgets"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"project_id", "limit"}
    assert "Parameters" not in document.get("components", {}).get("schemas", {})
    schema = success(document, "/v1.0/{project_id}/gadgets", "get")
    assert set(schema["properties"]) == {"count"}
    assert report["consistency"]["rows_lost"] == 0


def test_response_header_tables_are_headers_not_body_fields(tmp_path):
    response = ("**Status code: 201**\n\n" + table(
        "Parameters in the response header", ("Parameter", "Type", "Description"),
        ("X-Subject-Token", "String", "The signed token.")) + "\n" + table(
        "Parameters in the response body", ("Parameter", "Type", "Description"),
        ("expires_at", "String", "When the token expires.")))
    document, report = build(tmp_path, {"obtaining_a_token.rst": page(
        "Obtaining a Token", "POST /v3/auth/tokens", "", response,
        indent(json.dumps({"expires_at": "2030-01-01T00:00:00Z"})))})
    created = document["paths"]["/v3/auth/tokens"]["post"]["responses"]["201"]
    assert created["headers"]["X-Subject-Token"]["schema"]["type"] == "string"
    body = resolve(document, created["content"]["application/json"]["schema"])
    assert set(body["properties"]) == {"expires_at"}
    assert report["consistency"]["rows_lost"] == 0 and report["consistency"]["rows"] == 2


# --- versions and shared paths -------------------------------------------------------------

def _tags_action(title: str, sample: dict, *rows: tuple[str, ...]) -> str:
    """A page POSTing `rows` to the gadget's tag action path, answered by a bare 204."""
    request = table("Request body parameters", ("Parameter", "Mandatory", "Type", "Description"),
                    *rows)
    return page(title, "POST /v1/{project_id}/gadgets/{gadget_id}/tags/action", request,
                "None", "   None (STATUS CODE 204)",
                "Example Request\n---------------\n\n.. code-block::\n\n" +
                indent(json.dumps(sample)))


def _tag_page(title: str, action: str, kind: str = "Array of strings") -> str:
    return _tags_action(title, {action: ["a"]}, (action, "Yes", kind, f"The tags to {action}."))


def _tag_action(document: dict) -> tuple[dict, dict]:
    """The tag action operation and its request body (a named component read where it is)."""
    operation = document["paths"]["/v1/{project_id}/gadgets/{gadget_id}/tags/action"]["post"]
    return operation, resolve(document, operation["requestBody"]["content"]["application/json"]
                              ["schema"])


def test_pages_on_one_method_and_path_are_one_operation_with_alternative_bodies(tmp_path):
    document, report = build(tmp_path, {
        "adding_tags.rst": _tag_page("Adding Gadget Tags", "create"),
        "removing_tags.rst": _tag_page("Removing Gadget Tags", "delete")})
    operation, body = _tag_action(document)
    assert [set(branch["properties"]) for branch in body["oneOf"]] == [{"create"}, {"delete"}]
    assert operation["x-docs2spec-variants"] == ["RemoveGadgetTags"]
    codes = {d["code"] for d in report["diagnostics"]}
    assert "operation-shadowed" not in codes and "operation-variants" in codes
    assert report["consistency"]["rows_lost"] == 0
    assert report["consistency"]["samples_rejected"] == 0


def _answered_action(title: str, action: str, *fields: str) -> str:
    """A page POSTing `{action: [...]}` to the gadget action path, answered by a 200 body
    documenting `fields` (strings) and a sample holding only `job_id`."""
    request = table("Request body parameters", ("Parameter", "Mandatory", "Type", "Description"),
                    (action, "Yes", "Array of strings", f"The gadgets to {action}."))
    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     *((name, "String", f"The {name}.") for name in fields), number=2)
    return page(title, "POST /v1/{project_id}/gadgets/action", request, response,
                indent(json.dumps({"job_id": "j-1"})))


def test_responses_of_pages_on_one_path_are_alternatives_a_body_may_fit_several_of(tmp_path):
    # Requests say which body they send (their top-level key); responses do not, and one body
    # (`{"job_id": ...}`) fits both pages' tables: it must pass, so anyOf, not oneOf.
    from jsonschema import Draft202012Validator

    document, report = build(tmp_path, {
        "starting.rst": _answered_action("Starting Gadgets", "start", "job_id"),
        "stopping.rst": _answered_action("Stopping Gadgets", "stop", "job_id", "stopped_at")})
    operation = document["paths"]["/v1/{project_id}/gadgets/action"]["post"]
    request = resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert [set(b["properties"]) for b in request["oneOf"]] == [{"start"}, {"stop"}]
    response = success(document, "/v1/{project_id}/gadgets/action", "post")
    assert "oneOf" not in response
    assert [set(resolve(document, b)["properties"]) for b in response["anyOf"]] == \
        [{"job_id"}, {"job_id", "stopped_at"}]
    assert report["consistency"]["samples_rejected"] == 0
    status = next(s for s in operation["responses"] if s.startswith("2"))
    raw = operation["responses"][status]["content"]["application/json"]["schema"]
    checker = Draft202012Validator({"allOf": [raw], "components": document["components"]})
    assert checker.is_valid({"job_id": "j-2"})


PROJECT_ID_TABLE = table("Path parameters", ("Parameter", "Mandatory", "Type", "Description"),
                         ("project_id", "Yes", "String", "The project ID."))


def listing(path: str, uri_table: str = PROJECT_ID_TABLE) -> str:
    """A `GET path` page answering `{"count": 1}`, its URI section holding `uri_table`."""
    uri = f"GET {path}\n\n" + uri_table
    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     ("count", "Integer", "The number of gadgets."))
    return page("Querying Gadgets", uri, "", response, indent(json.dumps({"count": 1})))


def test_an_older_version_of_a_page_is_named_by_its_version(tmp_path):
    document, report = build(tmp_path, {
        "v1/querying_gadgets.rst": listing("/v1/{project_id}/gadgets"),
        "v3/querying_gadgets.rst": listing("/v3/{project_id}/gadgets")})
    ids = {document["paths"][p]["get"]["operationId"] for p in document["paths"]}
    assert ids == {"ListGadgets", "ListGadgetsV3"}


def test_a_post_titled_adding_is_named_create_like_its_creating_version(tmp_path):
    """`Adding a Widget Rule` (POST, v1) and `Creating a Widget Rule` (POST, v3) are one
    operation in two versions, named as SDKs name them: `CreateWidgetRule` and
    `CreateWidgetRuleV3`; a PUT titled `Adding` keeps its verb (`AddWidgetInterface`)."""
    ok = table("Response parameters", ("Parameter", "Type", "Description"),
               ("id", "String", "The rule ID."))
    document, _ = build(tmp_path, {
        "v1/adding_a_widget_rule.rst": page(
            "Adding a Widget Rule", "POST /v1/{project_id}/widget-rules", "None", ok,
            indent('{"id": "r1"}')),
        "v3/creating_a_widget_rule.rst": page(
            "Creating a Widget Rule", "POST /v3/{project_id}/widget-rules", "None", ok,
            indent('{"id": "r1"}')),
        "v1/adding_a_widget_interface.rst": page(
            "Adding a Widget Interface", "PUT /v1/{project_id}/widgets/{widget_id}/interface",
            "None", ok, indent('{"id": "r1"}'))})
    ids = {(p, m): o["operationId"] for p, ops in document["paths"].items()
           for m, o in ops.items() if isinstance(o, dict) and "operationId" in o}
    assert ids == {("/v1/{project_id}/widget-rules", "post"): "CreateWidgetRule",
                   ("/v3/{project_id}/widget-rules", "post"): "CreateWidgetRuleV3",
                   ("/v1/{project_id}/widgets/{widget_id}/interface", "put"):
                       "AddWidgetInterface"}


def test_bodies_with_the_same_keys_cannot_be_told_apart_and_stay_shadowed(tmp_path):
    _, report = build(tmp_path, {
        "adding_tags.rst": _tag_page("Adding Gadget Tags", "tags"),
        "removing_tags.rst": _tag_page("Removing Gadget Tags", "tags", "Array of objects")})
    codes = {(d["code"], d["severity"]) for d in report["diagnostics"]}
    assert ("operation-shadowed", "error") in codes
    assert report["consistency"]["operations_shadowed"] == 1


def test_a_page_kept_under_an_older_title_with_the_same_body_is_the_same_operation(tmp_path):
    document, report = build(tmp_path, {
        "adding_tags.rst": _tag_page("Adding Gadget Tags", "create"),
        "old/adding_tags_v1.rst": _tag_page("Adding Gadget Tags (Unavailable Soon)", "create")})
    _, body = _tag_action(document)
    assert "oneOf" not in body and set(body["properties"]) == {"create"}
    assert report["consistency"]["rows_lost"] == 0
    assert report["consistency"]["operations_shadowed"] == 0


# --- names users would write ------------------------------------------------------------------

def linked_table(number: int, caption: str, anchor: str, header: tuple[str, ...],
                 *rows: tuple[str, ...]) -> str:
    """`table` as Table `number`, under the label `anchor` that `:ref:` links point at (none
    when `anchor` is empty)."""
    text = table(caption, header, *rows, number=number)
    return f".. _{anchor}:\n\n{text}" if anchor else text


def _link_row(field: str, label: str, number: int, mandatory: str = "Yes") -> tuple[str, ...]:
    return (field, mandatory, "Object", f"See :ref:`Table {number} <{label}>`.")


WIDGET_REQUEST = table("Parameter description", ("Parameter", "Mandatory", "Type", "Description"),
                       _link_row("member", "widget_req_member", 3)) + "\n" + linked_table(
    3, "**member** parameter description", "widget_req_member", ("Parameter", "Mandatory", "Type", "Description"),
    ("address", "Yes", "String", "The address."), ("weight", "No", "Integer", "The weight."))
WIDGET_RESPONSE = table("Response parameters", ("Parameter", "Mandatory", "Type", "Description"),
                        _link_row("member", "widget_resp_member", 5)) + "\n" + linked_table(
    5, "**member** parameter description", "widget_resp_member", ("Parameter", "Mandatory", "Type", "Description"),
    ("id", "Yes", "String", "The member ID."), ("address", "Yes", "String", "The address."),
    ("slow_start", "No", "Object", "See :ref:`Table 6 <widget_slow_start>`.")) + "\n" + \
    linked_table(6, "**slow_start** parameter description", "widget_slow_start", ("Parameter", "Mandatory", "Type", "Description"),
                 ("enable", "Yes", "Boolean", "Whether it is on."))
WIDGET_SAMPLE = indent('{"member": {"id": "m1", "address": "10.0.0.1", "slow_start": null}}')


def test_a_second_table_of_one_field_name_is_named_by_its_section_not_a_number(tmp_path):
    """`member` documented once for the request and once for the response on one page: two
    types, `Member` and `MemberResponse`, never `Member2`; a named type the samples show as
    null is one class (`SlowStart`), its uses `SlowStart | None`, not a root model around a
    `SlowStart2`."""
    document, report = build(tmp_path, {"adding_a_widget_member.rst": page(
        "Adding a Widget Member", "POST /v2/{project_id}/widgets/{widget_id}/members",
        WIDGET_REQUEST, WIDGET_RESPONSE, WIDGET_SAMPLE)})
    names = set(document["components"]["schemas"])
    assert {"Member", "MemberResponse"} <= names
    assert not any(name[-1].isdigit() for name in names), sorted(names)
    body = success(document, "/v2/{project_id}/widgets/{widget_id}/members", "post")
    assert set(resolve(document, body["properties"]["member"])["properties"]) == \
        {"id", "address", "slow_start"}
    models = (tmp_path / "out" / "huaweicloud" / "demo" / "models.py").read_text()
    classes = set(re.findall(r"^class (\w+)\(", models, re.M))
    assert {"Member", "MemberResponse", "SlowStart"} <= classes
    assert not any(name[-1].isdigit() for name in classes), sorted(classes)
    assert "slow_start: SlowStart | None" in models
    assert report["consistency"]["samples_rejected"] == 0


def test_a_table_captioned_query_parameter_description_is_the_query_not_a_type(tmp_path):
    """`X parameter description` captions name a field X's members, but `Query parameter
    description` is where the parameters go: the query table, not a type `Query`."""
    uri = "GET /v1/{project_id}/gauges\n\n-  Parameter description\n\n" + indent(table(
        "Parameter description", ("Parameter", "Mandatory", "Description"),
        ("project_id", "Yes", "The project ID."))) + "\n\n" + indent(table(
            "Query parameter description", ("Parameter", "Mandatory", "Type", "Description"),
            ("namespace", "Yes", "String", "The namespace."),
            ("limit", "No", "Integer", "The page size."), number=2))
    document, report = build(tmp_path, {"listing_gauges.rst": page(
        "Listing Gauges", uri, "None", table(
            "Response parameters", ("Parameter", "Type", "Description"),
            ("count", "Integer", "The number of gauges.")), indent('{"count": 1}'))})
    operation = document["paths"]["/v1/{project_id}/gauges"]["get"]
    query = {p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"}
    assert {"namespace", "limit"} <= query
    assert "Query" not in document["components"]["schemas"]
    assert not [d for d in report["diagnostics"] if d["code"] == "type-unplaced"]


# --- types printed again for another status ---------------------------------------------------

def _status_tables(status: int, suffix: str, number: int, detail_rows: tuple[tuple[str, ...], ...]
                   ) -> str:
    """A response of `status` as API-explorer pages print it: a body table, then the types it
    names, each under its own caption (a later status repeats them under `_1` anchors)."""
    header = ("Parameter", "Type", "Description")
    return f"**Status code: {status}**\n\n" + table(
        "Response body parameters", header,
        ("gadgets", f"Array of :ref:`Gadget <demo_gadget{suffix}>` objects", "The gadgets."),
        ("count", "Integer", "The number of gadgets."), number=number) + "\n" + linked_table(
        number + 1, "Gadget", f"demo_gadget{suffix}", header,
        ("id", "String", "The gadget ID."),
        ("detail", f":ref:`GadgetDetail <demo_detail{suffix}>` object", "Its detail.")) + \
        "\n" + linked_table(number + 2, "GadgetDetail", f"demo_detail{suffix}", header,
                            *detail_rows)


def _gadget_listing(detail_404: tuple[tuple[str, ...], ...]) -> str:
    detail = (("size", "Integer", "The size."), ("color", "String", "The color."))
    response = _status_tables(200, "", 2, detail) + "\n" + _status_tables(404, "_1", 5,
                                                                           detail_404)
    sample = {"gadgets": [{"id": "g1", "detail": {"size": 1, "color": "red"}}], "count": 1}
    return page("Querying Gadgets", "GET /v3/{project_id}/gadgets", "", response,
                indent(json.dumps(sample)))


def test_types_printed_again_for_another_status_are_one_type_documented_twice(tmp_path):
    document, report = build(tmp_path, {"querying_gadgets.rst": _gadget_listing(
        (("size", "Integer", "The size."), ("color", "String", "The color.")))})
    body = success(document, "/v3/{project_id}/gadgets", "get")
    gadget = resolve(document, body["properties"]["gadgets"]["items"])
    assert set(gadget["properties"]) == {"id", "detail"}
    assert set(resolve(document, gadget["properties"]["detail"])["properties"]) == \
        {"size", "color"}
    consistency = report["consistency"]
    assert consistency["rows_lost"] == 0 and consistency["rows_placed"] == consistency["rows"]
    assert consistency["rows"] == 2 * (2 + 2 + 2)
    assert "type-duplicate" not in {d["code"] for d in report["diagnostics"]}


def test_a_type_printed_again_with_other_rows_is_reported_not_lost(tmp_path):
    _, report = build(tmp_path, {"querying_gadgets.rst": _gadget_listing(
        (("weight", "Integer", "The weight."),))})
    duplicate = [d for d in report["diagnostics"] if d["code"] == "type-duplicate"]
    assert [d["message"].split()[1] for d in duplicate] == ["GadgetDetail"]
    consistency = report["consistency"]
    assert consistency["rows_lost"] == 0 and consistency["rows_reported"] == 1


def _tag_action_page(title: str, action: str, kind: str) -> str:
    return _tags_action(title, {"action": action, "tags": ["a"]},
                        ("action", "Yes", "String", f"The operation, for example, **{action}**."),
                        ("tags", "Yes", kind, "The tags."))


def test_bodies_with_the_same_keys_told_apart_by_a_value_are_alternatives(tmp_path):
    document, report = build(tmp_path, {
        "adding_tags.rst": _tag_action_page("Adding Gadget Tags", "create", "Array of strings"),
        "removing_tags.rst": _tag_action_page("Removing Gadget Tags", "delete", "List")})
    operation, body = _tag_action(document)
    assert [b["properties"]["action"]["enum"] for b in body["oneOf"]] == [["create"], ["delete"]]
    assert operation["x-docs2spec-variants"] == ["RemoveGadgetTags"]
    codes = {d["code"] for d in report["diagnostics"]}
    assert "operation-shadowed" not in codes
    assert report["consistency"]["operations_shadowed"] == 0
    assert report["consistency"]["rows_lost"] == 0
    assert report["consistency"]["samples"] == 2 and report["consistency"]["samples_rejected"] == 0


def test_bodies_with_the_same_keys_and_the_same_values_stay_shadowed(tmp_path):
    _, report = build(tmp_path, {
        "adding_tags.rst": _tag_action_page("Adding Gadget Tags", "create", "Array of strings"),
        "removing_tags.rst": _tag_action_page("Removing Gadget Tags", "create", "List")})
    assert report["consistency"]["operations_shadowed"] == 1


def test_a_table_captioned_field_parameters_lists_that_fields_members(tmp_path):
    # `**remove_member** parameters` (no row links to it) lists the members of the object row
    # `remove_member`; `Request parameters` stays the section's own table.
    request = table("Request parameters", ("Parameter", "Mandatory", "Type", "Description"),
                    ("remove_member", "Yes", "Object", "The member to remove.")) + "\n" + \
        table("**remove_member** parameters", ("Parameter", "Mandatory", "Type", "Description"),
              ("instance_uuid", "Yes", "String", "The member's UUID.")).replace(
            "**Table 1**", "**Table 3**")
    text = page("Removing a Gadget Member", "POST /v1/{project_id}/gadgets/{gadget_id}/action",
                request, "None", "   None (STATUS CODE 204)",
                "Example Request\n---------------\n\n.. code-block::\n\n" +
                indent(json.dumps({"remove_member": {"instance_uuid": "u1"}})))
    document, report = build(tmp_path, {"removing_a_member.rst": text})
    operation = document["paths"]["/v1/{project_id}/gadgets/{gadget_id}/action"]["post"]
    body = resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert set(body["properties"]) == {"remove_member"}
    member = resolve(document, body["properties"]["remove_member"])
    assert set(member["properties"]) == {"instance_uuid"}
    assert report["consistency"]["samples_rejected"] == 0
    assert report["consistency"]["rows_lost"] == 0


def test_the_request_line_of_the_uri_section_may_be_printed_as_code(tmp_path):
    uri = ".. code-block:: text\n\n   POST /v1.0/{project_id}/gadgets/{gadget_id}/reset\n\n" + \
        table("URI parameters", ("Parameter", "Mandatory", "Type", "Description"),
              ("project_id", "Yes", "String", "The project ID."),
              ("gadget_id", "Yes", "String", "The gadget ID."))
    request = table("Request body parameters", ("Parameter", "Mandatory", "Type", "Description"),
                    ("new_password", "Yes", "String", "The new password."))
    document, report = build(tmp_path, {"resetting.rst": page(
        "Resetting a Gadget", uri, request, "None", "   None (STATUS CODE 204)")})
    operation = document["paths"]["/v1.0/{project_id}/gadgets/{gadget_id}/reset"]["post"]
    assert {p["name"] for p in operation["parameters"]} >= {"project_id", "gadget_id"}
    assert "no-uri" not in {d["code"] for d in report["diagnostics"]}
    assert report["consistency"]["rows_lost"] == 0 and report["consistency"]["rows"] == 3


def test_pages_documenting_every_action_are_told_apart_by_what_their_samples_send(tmp_path):
    def tag_page(title: str, action: str) -> str:
        return _tag_action_page(title, action, "Array of strings" if action == "create"
                                else "List").replace(
            f"The operation, for example, **{action}**.",
            "The operation. The value can be **create** or **delete**.")
    document, report = build(tmp_path, {
        "adding_tags.rst": tag_page("Adding Gadget Tags", "create"),
        "removing_tags.rst": tag_page("Removing Gadget Tags", "delete")})
    _, body = _tag_action(document)
    assert [b["properties"]["action"]["enum"] for b in body["oneOf"]] == [["create"], ["delete"]]
    assert report["consistency"]["operations_shadowed"] == 0
    assert report["consistency"]["samples_rejected"] == 0


def test_one_vocabulary_says_which_type_cells_carry_a_json_document():
    from generator.ir.jsontext import carries_json, names_document, names_json
    from generator.ir.model import Schema

    for cell in ("Json", "JSON object", "JSON  array", "JSONString"):
        assert names_json(cell) and names_document(cell)
    for cell in ("Map", "HashMap", "Map<String,String>", "String to string map", "Dictionary"):
        assert names_document(cell) and not names_json(cell)
    for cell in ("String", "Object", "Array of strings", "JsonPath"):
        assert not names_document(cell)
    assert carries_json(Schema(kind="string", content_media_type="application/json"))
    assert carries_json(Schema(kind="object", type_text="JSON"))
    assert not carries_json(Schema(kind="object", type_text="Map"))


def test_a_list_named_by_one_row_and_shown_bare_is_the_body_and_its_row_is_reported(tmp_path):
    # `GadgetInfoList | Array of GadgetInfo objects`, the only row of the response table, and
    # a sample that is the list itself: the body is the array; the row that named it is not
    # in the output, so a diagnostic at that row says why (never a lost row).
    rows = table("Response body parameters", ("Parameter", "Type", "Description"),
                 ("GadgetInfoList", "Array of GadgetInfo objects", "The gadgets."), number=2)
    info = table("GadgetInfo", ("Parameter", "Type", "Description"),
                 ("gadget_id", "String", "The gadget ID."), number=3)
    document, report = build(tmp_path, {"listing.rst": page(
        "Listing Gadgets", "GET /v1/{project_id}/gadgets\n\n" + PROJECT_ID_TABLE, "",
        rows + "\n" + info, indent(json.dumps([{"gadget_id": "g-1"}])))})
    body = success(document, "/v1/{project_id}/gadgets", "get")
    assert body["type"] == "array"
    assert set(resolve(document, body["items"])["properties"]) == {"gadget_id"}
    assert report["consistency"]["rows_lost"] == 0
    assert report["consistency"]["rows_reported"] == 1
    unwrapped = [d for d in report["diagnostics"] if d["code"] == "sample-unwrapped"]
    assert unwrapped and "GadgetInfoList" in unwrapped[0]["message"]


def test_a_response_table_of_one_unnamed_row_documents_a_bare_value(tmp_path):
    # `-  String`, the only row of a response table, names no key: the body is a string (the
    # sample prints `success`), not an object with a field `-`.
    rows = table("Response body parameters", ("Parameter", "Type", "Description"),
                 ("``-``", "String", "The result."), number=2)
    document, report = build(tmp_path, {"resetting.rst": page(
        "Resetting Gadgets", "POST /v1/{project_id}/gadgets/reset\n\n" + PROJECT_ID_TABLE, "",
        rows, "   success")})
    body = success(document, "/v1/{project_id}/gadgets/reset", "post")
    assert body["type"] == "string" and "properties" not in body
    assert report["consistency"]["placeholder_fields"] == 0
    assert report["consistency"]["rows_lost"] == 0
    assert "body-unnamed" in {d["code"] for d in report["diagnostics"]}

def _gadget_response(label: str, *rows: tuple[str, ...]) -> str:
    """A response whose `gadget` object is documented in a table of its own (type `Gadget`)."""
    return table("Response parameters", ("Parameter", "Mandatory", "Type", "Description"),
                 _link_row("gadget", label, 2)) + "\n" + linked_table(
        2, "**gadget** field data structure description", label,
        ("Parameter", "Mandatory", "Type", "Description"), *rows)


def test_a_same_named_type_that_differs_in_an_alternative_body_stays_inline(tmp_path):
    """Two pages on one method and path (creating a gadget, restoring one into a new gadget)
    are alternatives of one operation; each documents its own `gadget` table. A third page's
    `gadget` makes `Gadget` a shared type: an alternative whose `gadget` says something else
    keeps its own fields inline instead of pointing at the shared type."""
    def request(name: str) -> str:
        return table("Request body parameters", ("Parameter", "Mandatory", "Type",
                                                 "Description"), (name, "Yes", "String", "."))

    fields = (("id", "Yes", "String", "The ID."), ("name", "Yes", "String", "The name."))
    restored = (("id", "Yes", "String", "The ID."), ("restore_point", "Yes", "String",
                                                     "The backup restored."))
    document, report = build(tmp_path, {
        "querying_a_gadget.rst": page(
            "Querying a Gadget", "GET /v3/{project_id}/gadgets/{gadget_id}", "",
            _gadget_response("show_gadget", *fields),
            indent('{"gadget": {"id": "g1", "name": "a"}}')),
        "creating_a_gadget.rst": page(
            "Creating a Gadget", "POST /v3/{project_id}/gadgets",
            request("name"), _gadget_response("create_gadget", *fields),
            indent('{"gadget": {"id": "g1", "name": "a"}}')),
        "restoring_a_gadget.rst": page(
            "Restoring a Gadget", "POST /v3/{project_id}/gadgets",
            request("backup_id"),
            _gadget_response("restore_gadget", *restored),
            indent('{"gadget": {"id": "g1", "restore_point": "b1"}}'))})
    body = success(document, "/v3/{project_id}/gadgets", "post")
    gadgets = [set(resolve(document, branch["properties"]["gadget"])["properties"])
               for branch in body["anyOf"]]
    assert sorted(gadgets, key=sorted) == [{"id", "name"}, {"id", "restore_point"}]
    shown = success(document, "/v3/{project_id}/gadgets/{gadget_id}", "get")
    assert set(resolve(document, shown["properties"]["gadget"])["properties"]) == {"id", "name"}
    assert report["consistency"]["samples_rejected"] == 0
    assert report["consistency"]["rows_lost"] == 0


def test_a_sample_key_with_a_space_inside_its_quotes_is_the_documented_field_misprinted(
        tmp_path):
    """`{"id ": ...}` or `{" status": ...}` in one item of a sample list, where the table
    documents `id`: a typo of the documented field, reported, not a second field `id `."""
    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     ("gadgets", "Array of objects", "The gadgets. See Table 2.")) + "\n" + \
        table("gadgets field data structure description", ("Parameter", "Type", "Description"),
              ("id", "String", "The gadget ID."), ("status", "String", "The status."),
              number=2)
    sample = {"gadgets": [{"id": "g1", "status": "ok"}, {"id ": "g2", " status": "ok"}]}
    document, report = build(tmp_path, {"listing_gadgets.rst": page(
        "Listing Gadgets", "GET /v3/{project_id}/gadgets", "", response,
        indent(json.dumps(sample)))})
    listed = success(document, "/v3/{project_id}/gadgets", "get")
    item = resolve(document, resolve(document, listed["properties"]["gadgets"])["items"])
    assert set(item["properties"]) == {"id", "status"}
    reported = {d["message"].split(":")[0] for d in report["diagnostics"]
                if d["code"] == "field-undocumented"}
    assert {"gadgets[].id ", "gadgets[]. status"} <= reported
    assert report["consistency"]["keys_unreported"] == 0


def test_a_uri_parameter_misprinted_with_a_space_before_an_underscore_is_the_path_variable(
        tmp_path):
    """`protocol \\_id` (a space typed before the underscore, escaped for rST) in the URI
    table of `.../protocols/{protocol_id}`: the path variable, reported; not a query
    parameter `protocol _id` beside an undocumented `protocol_id`."""
    uri = ("-  URI format\n\n   GET /v3/gadgets/{gadget_id}/protocols/{protocol_id}\n\n"
           "-  URI parameters\n\n" + indent(table(
               "URI parameters", ("Parameter", "Mandatory", "Type", "Description"),
               ("gadget_id", "Yes", "String", "The gadget ID."),
               ("protocol \\_id", "Yes", "String", "The protocol ID."))))
    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     ("name", "String", "The protocol name."), number=2)
    document, report = build(tmp_path, {"querying_a_protocol.rst": page(
        "Querying a Protocol", uri, "", response, indent(json.dumps({"name": "saml"})))})
    operation = document["paths"]["/v3/gadgets/{gadget_id}/protocols/{protocol_id}"]["get"]
    params = {(p["name"], p["in"]): p for p in operation["parameters"]}
    assert set(params) == {("gadget_id", "path"), ("protocol_id", "path")}
    assert params[("protocol_id", "path")]["description"] == "The protocol ID."
    codes = {d["code"] for d in report["diagnostics"]}
    assert "parameter-misprinted" in codes and "path-parameter-undocumented" not in codes
    assert report["consistency"]["rows_lost"] == 0


def test_a_labelled_list_item_left_without_a_table_does_not_take_the_next_tables_label(
        tmp_path):
    """Nested tables introduced by list items (`-  .. _label:` then `Parameters in the
    **x** field`, then the table); one item has its heading but no table. The next item's
    label still names its own table, so the row linking to it gets its members."""
    def item(label: str, subject: str, rows: tuple[tuple[str, ...], ...]) -> str:
        text = f"-  .. _{label}:\n\n   Parameters in the **{subject}** field\n"
        if rows:
            text += "\n" + indent(table("", ("Parameter", "Type", "Description"), *rows)
                                  .split("\n", 2)[2])
        return text + "\n"

    counters = (("in_use", "Integer", "The used quota."), ("limit", "Integer", "The limit."))
    response = table("Response parameters", ("Parameter", "Type", "Description"),
                     ("quota_set", "Object", "See :ref:`QuotaSet <q_set>`.")) + "\n" + \
        item("q_set", "quota_set", (
            ("volumes_A", "Object", "See :ref:`the QuotaVolumesA field <q_a>`."),
            ("volumes_B", "Object", "See :ref:`the QuotaVolumesB field <q_b>`."),
            ("volumes_C", "Object", "See :ref:`the QuotaVolumesC field <q_c>`."))) + \
        item("q_a", "QuotaVolumesA", counters) + item("q_b", "QuotaVolumesB", ()) + \
        item("q_c", "QuotaVolumesC", counters)
    sample = {"quota_set": {"volumes_A": {"in_use": 1, "limit": 2}}}
    document, report = build(tmp_path, {"querying_quotas.rst": page(
        "Querying Quotas", "GET /v2/{project_id}/quotas", "", response,
        indent(json.dumps(sample)))})
    body = success(document, "/v2/{project_id}/quotas", "get")
    quota_set = resolve(document, body["properties"]["quota_set"])
    for name in ("volumes_A", "volumes_C"):
        assert set(resolve(document, quota_set["properties"][name])["properties"]) == \
            {"in_use", "limit"}, name
    codes = {d["code"] for d in report["diagnostics"]}
    assert "type-unplaced" not in codes
    assert report["consistency"]["rows_lost"] == 0


def test_a_list_of_a_named_type_shown_as_one_object_accepts_the_list_and_the_object(tmp_path):
    """`role_assignments | Array of RoleAssignment objects` (a table of its own), the sample
    printing the one item bare: the contract accepts both the list and the object, each item
    and the bare object checked against the type's members."""
    import jsonschema

    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     ("total", "Integer", "The count."),
                     ("grants", "Array of :ref:`GrantBody <grant_body>` objects",
                      "The grants.")) + "\n" + linked_table(
        2, "grants", "grant_body", ("Parameter", "Type", "Description"),
        ("role", "String", "The role."), ("is_inherited", "Boolean", "Inherited or not."))
    sample = {"total": 1, "grants": {"role": "r1", "is_inherited": True}}
    document, report = build(tmp_path, {"querying_grants.rst": page(
        "Querying Grants", "GET /v3/grants", "", response, indent(json.dumps(sample)))})
    contract = json.loads(next((tmp_path / "out").glob(
        "*/*/schemas/*.response.json")).read_text(encoding="utf-8"))
    listed = {"total": 1, "grants": [{"role": "r1", "is_inherited": True}]}
    jsonschema.validate(sample, contract)
    jsonschema.validate(listed, contract)
    wrong = {"total": 1, "grants": [{"role": "r1", "is_inherited": "yes"}]}
    assert not jsonschema.Draft202012Validator(contract).is_valid(wrong)
    assert not jsonschema.Draft202012Validator(contract).is_valid(
        {"total": 1, "grants": {"role": "r1", "is_inherited": "yes"}})
    body = success(document, "/v3/grants", "get")
    assert resolve(document, body["properties"]["grants"]["items"])["properties"].keys() == \
        {"role", "is_inherited"}
    assert report["consistency"]["samples_rejected"] == 0


def test_an_operation_without_any_parameter_table_is_kept_from_its_request_line(tmp_path):
    # `DELETE /v2.0/gadgets/{gadget_id}` alone under URI, request and response "None", and an
    # example request: an operation whose one parameter is the path's variable.
    example = "Example Request\n---------------\n\n.. code-block:: text\n\n" \
        "   DELETE https://{Endpoint}/v2.0/gadgets/0735a367-2caf-48fb-85aa-6082266f342e\n"
    overview = "Making a Request\n================\n\nURI\n---\n\n" \
        "A request URI is made of the endpoint and the resource path, for example " \
        "GET /v2.0/gadgets.\n\n.. code-block:: text\n\n   GET https://{Endpoint}/v2.0/gadgets\n"
    document, report = build(tmp_path, {
        "deleting_a_gadget.rst": page("Deleting a Gadget", "DELETE /v2.0/gadgets/{gadget_id}",
                                      "None", "None", "   None", example),
        "making_a_request.rst": overview})
    operation = document["paths"]["/v2.0/gadgets/{gadget_id}"]["delete"]
    assert [(p["name"], p["in"], p["required"]) for p in operation["parameters"]] == \
        [("gadget_id", "path", True)]
    assert list(document["paths"]) == ["/v2.0/gadgets/{gadget_id}"]  # the overview is no operation
    skipped = [d["source"] for d in report["diagnostics"] if d["code"] == "page-not-reference"]
    assert len(skipped) == 1 and "making_a_request.rst" in skipped[0]


def test_a_row_with_its_type_and_mandatory_cells_crossed_reads_them_back(tmp_path):
    # `limit | Integer | No` under `Mandatory | Type`: the row was written with the two cells in
    # each other's column; the other rows of the table are in order.
    uri = "GET /v2.0/gadgets\n\n" + table(
        "Parameter description", ("Parameter", "Mandatory", "Type", "Description"),
        ("name", "No", "String", "The gadget name."),
        ("limit", "Integer", "No", "The number of records on each page."),
        ("page_reverse", "Boolean", "No", "The page direction."),
        ("size", "Yes", "Integer", "The size."))
    document, report = build(tmp_path, {"querying_gadgets.rst": page(
        "Querying Gadgets", uri, "None", "None", "   None")})
    parameters = {p["name"]: p for p in document["paths"]["/v2.0/gadgets"]["get"]["parameters"]}
    assert [(n, p["schema"]["type"], p["required"]) for n, p in parameters.items()] == [
        ("name", "string", False), ("limit", "integer", False),
        ("page_reverse", "boolean", False), ("size", "integer", True)]
    crossed = [d for d in report["diagnostics"] if d["code"] == "cells-crossed"]
    assert len(crossed) == 2 and all("querying_gadgets.rst:" in d["source"] for d in crossed)


def test_a_name_broken_by_spaces_around_its_underscores_is_joined_back(tmp_path):
    # `gadget\_ configuration \_id` (the rST of `gadget_ configuration _id`): the path's
    # variable; a cell naming two parameters (`name or id`) is not one broken name.
    uri = "DELETE /v1/{project_id}/gadgets/{gadget_configuration_id}\n\n" + table(
        "Parameter description", ("Parameter", "Mandatory", "Type", "Description"),
        ("project_id", "Yes", "String", "The project ID."),
        (r"gadget\_ configuration \_id", "Yes", "String", "The gadget configuration ID."),
        ("gadget_name or gadget_id", "No", "String", "The gadget name or ID."))
    document, report = build(tmp_path, {"deleting_a_gadget.rst": page(
        "Deleting a Gadget Configuration", uri, "None", "None", "   None")})
    operation = document["paths"]["/v1/{project_id}/gadgets/{gadget_configuration_id}"]["delete"]
    names = [(p["name"], p["in"]) for p in operation["parameters"]]
    assert names[:2] == [("project_id", "path"), ("gadget_configuration_id", "path")]
    assert not any("_or_" in name for name, _ in names)
    assert report["consistency"]["rows_lost"] == 0
