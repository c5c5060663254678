"""More conventions of Huawei-style (Open Telekom Cloud) reStructuredText pages, found on
several products of the development corpus. Every page here is constructed: the layout of
those pages, with made-up names."""

from __future__ import annotations

import json

from generator.ir.listbody import is_items_row
from tests.test_otc_conventions import build, indent, linked_table, page, resolve, success, table

# --- a body that is a bare list ------------------------------------------------------------

def test_row_names_that_stand_for_a_lists_items():
    for name in ("[items]", "[Array element]", "*[Array]*", "Array elements", "Array",
                 "List items"):
        assert is_items_row(name), name
    for name in ("items", "array_id", "elements", "[a][b]"):
        assert not is_items_row(name), name


def test_a_body_documented_by_one_items_row_is_a_json_array(tmp_path):
    request = table("Request parameters", ("Parameter", "Mandatory", "Type", "Description"),
                    ("[Array element]", "Yes", "Array of objects",
                     "The readings. See :ref:`Table 2 <reading>`.")) + "\n" + linked_table(
        2, "reading field description", "reading", ("Parameter", "Mandatory", "Type",
                                                    "Description"),
        ("metric", "Yes", "String", "The metric."), ("value", "Yes", "Integer", "The value."))
    response = table("Response parameters", ("Parameter", "Type", "Description"),
                     ("[items]", "Array of objects", "The stored readings. See :ref:`Table 3 <stored>`.")) + \
        "\n" + linked_table(3, "reading_id field description", "stored",
                          ("Parameter", "Type", "Description"),
                          ("reading_id", "String", "The reading ID."))
    sample = indent(json.dumps([{"reading_id": "r-1"}], indent=2))
    extra = "Example Request\n---------------\n\n.. code-block::\n\n" + indent(
        json.dumps([{"metric": "cpu", "value": 3}], indent=2)) + "\n"
    document, report = build(tmp_path, {"adding_readings.rst": page(
        "Adding Readings", "POST /v1/{project_id}/readings", request, response, sample,
        extra)})
    operation = document["paths"]["/v1/{project_id}/readings"]["post"]
    body = resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert body["type"] == "array"
    item = resolve(document, body["items"])
    assert set(item["properties"]) == {"metric", "value"}
    reply = success(document, "/v1/{project_id}/readings", "post")
    assert reply["type"] == "array"
    assert set(resolve(document, reply["items"])["properties"]) == {"reading_id"}
    consistency = report["consistency"]
    assert consistency["rows_lost"] == 0 and consistency["samples_rejected"] == 0
    assert sum(d["code"] == "body-array" for d in report["diagnostics"]) == 2


def test_a_linked_type_named_in_the_plural_is_a_list_of_the_linked_table(tmp_path):
    response = table("Response parameters", ("Parameter", "Type", "Description"),
                     ("kind", "String", "The kind."),
                     ("masters", ":ref:`MasterSpec <masterspec>` objects", "The masters.")) + \
        "\n" + linked_table(2, "MasterSpec", "masterspec", ("Parameter", "Type", "Description"),
                          ("availabilityZone", "String", "The zone."))
    sample = indent(json.dumps({"kind": "Cluster", "masters": [{"availabilityZone": "az1"}]}))
    document, report = build(tmp_path, {"reading_a_cluster.rst": page(
        "Reading a Cluster", "GET /v1/{project_id}/clusters/{cluster_id}", "", response, sample)})
    masters = success(document, "/v1/{project_id}/clusters/{cluster_id}", "get")[
        "properties"]["masters"]
    assert masters["type"] == "array"
    assert set(resolve(document, masters["items"])["properties"]) == {"availabilityZone"}
    assert "sample-shape" not in {d["code"] for d in report["diagnostics"]}


def test_a_type_cell_pointing_at_a_table_is_that_structure_of_the_table(tmp_path):
    response = table("Parameter description", ("Name", "Type", "Description"),
                     ("jobs", "List data structure. For details, see :ref:`Table 2 <jobs>`.",
                      "The jobs."), ("count", "Integer", "The number of jobs.")) + "\n" + \
        linked_table(2, "jobs field data structure description", "jobs",
                   ("Name", "Type", "Description"), ("id", "String", "The job ID."))
    sample = indent(json.dumps({"jobs": [{"id": "j-1"}], "count": 1}))
    document, report = build(tmp_path, {"listing_jobs.rst": page(
        "Listing Jobs", "GET /v1/{project_id}/jobs", "", response, sample)})
    jobs = success(document, "/v1/{project_id}/jobs", "get")["properties"]["jobs"]
    assert jobs["type"] == "array"
    assert set(resolve(document, jobs["items"])["properties"]) == {"id"}
    assert "type-unknown" not in {d["code"] for d in report["diagnostics"]}


def test_a_caption_that_is_a_field_path_documents_the_object_at_that_path(tmp_path):
    header = ("Parameter", "Type", "Description")
    response = table("Parameters in the response body", header,
                     ("total_num", "Long", "The number of records."),
                     (":ref:`grants <grants>`", "Array of GrantBody objects", "The grants.")) + \
        "\n" + linked_table(2, "grants", "grants", header,
                          ("user", "GrantUserId object", "The user."),
                          ("scope", "GrantScope object", "The scope.")) + "\n" + \
        table("grants.user", header, ("id", "String", "The user ID.")) + "\n" + \
        table("grants.scope", header, ("project", "GrantProjectId object", "The project.")) + \
        "\n" + table("grants.scope.project", header, ("id", "String", "The project ID."))
    sample = indent(json.dumps({"total_num": 1, "grants": [
        {"user": {"id": "u-1"}, "scope": {"project": {"id": "p-1"}}}]}))
    document, report = build(tmp_path, {"listing_grants.rst": page(
        "Listing Grants", "GET /v3.0/grants", "", response, sample)})
    schema = success(document, "/v3.0/grants", "get")
    assert set(schema["properties"]) == {"total_num", "grants"}  # no member lifted to the top
    grant = resolve(document, schema["properties"]["grants"]["items"])
    assert set(resolve(document, grant["properties"]["user"])["properties"]) == {"id"}
    scope = resolve(document, grant["properties"]["scope"])
    assert set(resolve(document, scope["properties"]["project"])["properties"]) == {"id"}
    assert report["consistency"]["rows_lost"] == 0


def test_a_link_to_a_table_on_another_page_gives_the_rows_members(tmp_path):
    # Sphinx labels are global: `rootVolume` links to the `Volume` table of another page.
    header = ("Parameter", "Type", "Description")
    node = table("Response parameters", header, ("name", "String", "The node name."),
                 ("rootVolume", ":ref:`Volume <cce_volume_table>` object", "The system disk."),
                 ("diskNote", "", "As in :ref:`Table 2 <cce_volume_table>` of node creation."))
    sample = indent(json.dumps({"name": "n1", "rootVolume": {"size": 40}}))
    creating = table("Request body parameters", ("Parameter", "Mandatory", "Type", "Description"),
                     ("rootVolume", "Yes", ":ref:`Volume <cce_volume_table>` object",
                      "The system disk.")) + "\n" + linked_table(
        2, "Volume", "cce_volume_table", header, ("size", "Integer", "The disk size in GB."),
        ("volumetype", "String", "The disk type."))
    document, report = build(tmp_path, {
        "reading_a_node.rst": page("Reading a Node", "GET /v3/{project_id}/nodes/{node_id}", "",
                                   node, sample),
        "creating_a_node.rst": page("Creating a Node", "POST /v3/{project_id}/nodes", creating,
                                    "", "")})
    schema = success(document, "/v3/{project_id}/nodes/{node_id}", "get")
    volume = resolve(document, schema["properties"]["rootVolume"])
    assert set(volume["properties"]) == {"size", "volumetype"}
    assert volume["properties"]["size"]["type"] == "integer"
    assert "properties" not in resolve(document, schema["properties"]["diskNote"])
    assert any(d["code"] == "type-linked" and "rootVolume" in d["message"]
               for d in report["diagnostics"])
    assert report["consistency"]["rows_lost"] == 0


def test_a_linked_response_table_of_another_page_is_shared_and_a_local_type_wins(tmp_path):
    header = ("Parameter", "Type", "Description")
    # Listing links its items to the response table of "Reading a Node"; its request `tags`
    # link elsewhere too, but the page documents `Tag` itself on the request side.
    listing = table("Response parameters", header, ("kind", "String", "The kind."), (
        "items", "Array of :ref:`Node <cce_read_node_resp>` objects", "The nodes."))
    request = table("Request body parameters", ("Parameter", "Mandatory", "Type", "Description"),
                    ("tags", "No", "Array of :ref:`Tag <cce_other_tag>` objects", "The tags.")) + \
        "\n" + table("Tag", ("Parameter", "Mandatory", "Type", "Description"),
                     ("key", "Yes", "String", "The key."), ("value", "Yes", "String", "The value."))
    reading = linked_table(3, "Response parameters", "cce_read_node_resp", header,
                         ("name", "String", "The node name."), ("flavor", "String", "The flavor."))
    elsewhere = linked_table(2, "Tag", "cce_other_tag", ("Parameter", "Mandatory", "Type",
                                                       "Description"),
                           ("key", "Yes", "String", "The key."))
    document, report = build(tmp_path, {
        "listing_nodes.rst": page("Listing Nodes", "POST /v3/{project_id}/nodes/query",
                                  request, listing, ""),
        "reading_a_node.rst": page("Reading a Node", "GET /v3/{project_id}/nodes/{node_id}",
                                   "", reading, ""),
        "tagging.rst": page("Tagging a Node", "POST /v3/{project_id}/nodes/{node_id}/tags",
                            table("Request body parameters", ("Parameter", "Mandatory", "Type",
                                                              "Description"),
                                  ("tag", "Yes", ":ref:`Tag <cce_other_tag>` object", "A tag."))
                            + "\n" + elsewhere, "", "")})
    listed = success(document, "/v3/{project_id}/nodes/query", "post")["properties"]["items"]
    assert set(resolve(document, listed["items"])["properties"]) == {"name", "flavor"}
    body = document["paths"]["/v3/{project_id}/nodes/query"]["post"]["requestBody"]
    body = resolve(document, body["content"]["application/json"]["schema"])
    tags = body["properties"]["tags"]
    assert set(resolve(document, tags["items"])["properties"]) == {"key", "value"}
    consistency = report["consistency"]
    assert consistency["rows_lost"] == 0 and consistency["rows_duplicated"] == 0


def test_a_members_caption_names_its_field_whatever_the_case_of_its_first_letter(tmp_path):
    # The link text says "Table 4" but its label is another page's table: the page's own
    # "Jobs field ..." table, right below, documents the row.
    header = ("Name", "Type", "Description")
    response = table("Parameter description", header, (
        "jobs", "Object", "The tasks. For details, see :ref:`Table 4 <rds_other_jobs>`.")) + \
        "\n" + table("Jobs field data structure description", header,
                     ("id", "String", "The task ID."), ("status", "String", "The status."))
    other = linked_table(4, "Jobs field data structure description", "rds_other_jobs", header,
                       ("id", "String", "The task ID."), ("entities", "Object", "Details."))
    sample = indent(json.dumps({"jobs": {"id": "j-1", "status": "Running"}}))
    document, report = build(tmp_path, {
        "showing_a_task.rst": page("Showing a Task", "GET /v3/{project_id}/jobs", "", response,
                                   sample),
        "showing_a_job.rst": page("Showing a Job", "GET /v3/{project_id}/jobs/{job_id}", "",
                                  table("Parameter description", header,
                                        ("job", ":ref:`Job <rds_other_jobs>` object", "The job."))
                                  + "\n" + other, "")})
    jobs = resolve(document, success(document, "/v3/{project_id}/jobs", "get")[
        "properties"]["jobs"])
    assert set(jobs["properties"]) == {"id", "status"}
    assert report["consistency"]["rows_lost"] == 0


# --- a nested row pointing back at the main table -------------------------------------------

def test_a_row_pointing_back_at_the_response_table_keeps_that_table_the_body(tmp_path):
    response = linked_table(3, "Response parameters", "resp", ("Parameter", "Type", "Description"),
                          ("kind", "String", "The kind."),
                          ("spec", ":ref:`spec <spec>` object", "The task details.")) + "\n" + \
        linked_table(4, "Data structure of the spec field", "spec",
                   ("Parameter", "Type", "Description"), ("task_type", "String", "The type."),
                   ("subtasks", "Object", "The subtasks. See :ref:`Table 3 <resp>`."))
    sample = indent(json.dumps({"kind": "Task", "spec": {"task_type": "a", "subtasks": []}}))
    document, report = build(tmp_path, {"reading_a_task.rst": page(
        "Reading a Task", "GET /v1/{project_id}/tasks/{task_id}", "", response, sample)})
    schema = success(document, "/v1/{project_id}/tasks/{task_id}", "get")
    assert set(schema["properties"]) == {"kind", "spec"}
    spec = resolve(document, schema["properties"]["spec"])
    assert set(spec["properties"]) == {"task_type", "subtasks"}
    assert report["consistency"]["rows_lost"] == 0
    assert "response-inferred" not in {d["code"] for d in report["diagnostics"]}


# --- samples whose closing brackets were lost ----------------------------------------------

def test_a_sample_that_lost_its_last_closing_brackets_is_read_with_them_put_back():
    from generator.dialects.samples import read_sample
    from generator.sources.tree import CodeBlock

    text = '{\n  "kind": "List",\n  "items": [\n    {\n      "name": "a",\n' \
        '      "status": {"phase": "ok",\n        "endpoints": [{"url": "x",}]\n      }\n    }\n'
    sample, found = read_sample(CodeBlock(text, None, ""), "response")
    assert sample.value == {"kind": "List", "items": [
        {"name": "a", "status": {"phase": "ok", "endpoints": [{"url": "x"}]}}]}
    assert [d.code for d in found] == ["sample-repaired"]
    broken, found = read_sample(CodeBlock('{"a": 1}}', None, ""), "response")
    assert broken.value is None and [d.code for d in found] == ["sample-invalid"]


def test_a_comma_forgotten_between_two_members_on_one_line_is_put_back():
    from generator.dialects.samples import read_sample
    from generator.sources.tree import CodeBlock

    # Samples printed on one line lose a comma after a closing bracket or a value.
    text = '{  "resources": [{ "id": "r-1", "detail": {"state": 2} }] "total_count": "1"}'
    sample, found = read_sample(CodeBlock(text, None, ""), "response")
    assert sample.value == {"resources": [{"id": "r-1", "detail": {"state": 2}}],
                            "total_count": "1"}
    assert [d.code for d in found] == ["sample-repaired"]
    sample, found = read_sample(CodeBlock('{"a": "x" "b": 2}', None, ""), "response")
    assert sample.value == {"a": "x", "b": 2}
    broken, found = read_sample(CodeBlock('{"a": [1 2]}', None, ""), "response")
    assert broken.value is None and [d.code for d in found] == ["sample-invalid"]


# --- an object no table documents ----------------------------------------------------------

def test_an_object_without_a_members_table_stays_open_whatever_its_sample_shows(tmp_path):
    response = table("Response parameters", ("Parameter", "Type", "Description"),
                     ("name", "String", "The schema name."),
                     ("properties", "Object", "The properties of the schema."))
    sample = indent(json.dumps({"name": "image", "properties": {
        "status": {"type": "string", "enum": ["a", "b"]}, "tags": {"type": "array"}}}))
    document, report = build(tmp_path, {"querying_a_schema.rst": page(
        "Querying a Schema", "GET /v2/schemas/gadget", "", response, sample)})
    schema = success(document, "/v2/schemas/gadget", "get")
    props = schema["properties"]["properties"]
    assert props["type"] == "object" and "properties" not in props
    assert report["consistency"]["samples_rejected"] == 0
    assert report["consistency"]["keys_unreported"] == 0
    assert "sample-open-object" in {d["code"] for d in report["diagnostics"]}


# --- types named by their structure --------------------------------------------------------

def test_list_and_dictionary_data_structures_are_a_list_of_objects_and_an_object():
    from generator.dialects.types import parse_type

    spec = parse_type("List data structure")
    assert spec.kind == "array" and spec.items.kind == "object"
    assert parse_type("Dictionary data structure").kind == "object"


def test_a_list_data_structure_takes_the_members_table_captioned_after_it(tmp_path):
    request = table("Parameter description", ("Parameter", "Mandatory", "Type", "Description"),
                    ("alert_config", "Yes", "List data structure", "Alarm settings."),
                    ("topic", "Yes", "String", "The topic.")).replace(
        ".. table:: **Table 1** Parameter description", "-  Parameter description") + \
        "\n-  Data structure description of **alert_config**\n\n" + table(
        "x", ("Parameter", "Mandatory", "Type", "Description"),
        ("email", "No", "Boolean", "Send mails."),
        ("sms", "No", "Boolean", "Send messages.")).replace(".. table:: **Table 1** x", "")
    extra = "Example Request\n---------------\n\n.. code-block::\n\n" + indent(json.dumps(
        {"alert_config": {"email": True, "sms": False}, "topic": "t"}, indent=2)) + "\n"
    document, report = build(tmp_path, {"updating_alerts.rst": page(
        "Updating Alerts", "POST /v2/{project_id}/alerts/update", request, "", "", extra)})
    operation = document["paths"]["/v2/{project_id}/alerts/update"]["post"]
    body = resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert set(body["properties"]) == {"alert_config", "topic"}
    config = resolve(document, body["properties"]["alert_config"])
    assert config["type"] == "object"  # the sample shows one object: the table's list is wrong
    assert set(config["properties"]) == {"email", "sms"}
    assert report["consistency"]["rows_lost"] == 0


def test_an_object_pointing_at_a_numbered_table_elsewhere_takes_its_fields_from_the_sample(
        tmp_path):
    response = table("Response parameters", ("Parameter", "Type", "Description"),
                     ("kind", "String", "The kind."),
                     ("items", "Object", "The gadgets. For details, see Table 4."))
    sample = indent(json.dumps({"kind": "List", "items": {"name": "g", "size": 2}}))
    document, report = build(tmp_path, {"listing_gadgets.rst": page(
        "Listing Gadgets", "GET /v2/gadgets", "", response, sample)})
    items = resolve(document, success(document, "/v2/gadgets", "get")["properties"]["items"])
    assert set(items["properties"]) == {"name", "size"}
    assert "sample-open-object" not in {d["code"] for d in report["diagnostics"]}


def test_a_bare_object_the_sample_shows_as_a_list_takes_its_items_from_the_sample(tmp_path):
    response = table("Response parameters", ("Parameter", "Type", "Description"),
                     ("taints", "Object", "The taints. Each has a key and a value."))
    sample = indent(json.dumps({"taints": [{"key": "a", "value": "b"}]}))
    document, _ = build(tmp_path, {"listing_taints.rst": page(
        "Listing Taints", "GET /v2/taints", "", response, sample)})
    taints = success(document, "/v2/taints", "get")["properties"]["taints"]
    assert taints["type"] == "array"
    assert set(resolve(document, taints["items"])["properties"]) == {"key", "value"}


def test_a_bare_object_whose_sample_holds_a_field_listed_beside_it_is_not_free_form(tmp_path):
    response = table("Response parameters", ("Parameter", "Type", "Description"),
                     ("versions", "Object", "The versions."),
                     ("values", "Array", "The version list."))
    sample = indent(json.dumps({"versions": {"values": [{"id": "v3"}]}}))
    document, report = build(tmp_path, {"listing_versions.rst": page(
        "Listing Versions", "GET /", "", response, sample)})
    versions = success(document, "/", "get")["properties"]["versions"]
    assert "values" in resolve(document, versions)["properties"]
    assert "sample-open-object" not in {d["code"] for d in report["diagnostics"]}


# --- members tables found by caption -------------------------------------------------------

def test_a_type_cell_naming_a_table_in_words_and_a_data_structure_caption_link_up(tmp_path):
    from generator.dialects.types import parse_type

    assert parse_type("Table6 Data structure of the template field object").kind == "object"
    spec = parse_type("Array of Table 9 objects")
    assert spec.kind == "array" and spec.items.kind == "object"
    request = table("Pool structure", ("Parameter", "Mandatory", "Type", "Description"),
                    ("spec", "Yes", "spec object", "The pool.")) + "\n" + linked_table(
        2, "Data structure of the **spec** field", "specs",
        ("Parameter", "Mandatory", "Type", "Description"),
        ("scaling", "No", "scaling object", "Scaling settings."),
        ("template", "Yes", "Table6 Data structure of the template field object",
         "The template.")) + "\n" + table(
        "Data structure of the **scaling** field", ("Parameter", "Mandatory", "Type",
                                                   "Description"),
        ("enable", "No", "Boolean", "Scale or not.")).replace("Table 1", "Table 3") + "\n" + \
        table("Data structure of the **template** field", ("Parameter", "Mandatory", "Type",
                                                          "Description"),
              ("flavor", "Yes", "String", "The flavor.")).replace("Table 1", "Table 4")
    document, report = build(tmp_path, {"updating_a_pool.rst": page(
        "Updating a Pool", "PUT /v3/pools/{pool_id}", request, "", "")})
    operation = document["paths"]["/v3/pools/{pool_id}"]["put"]
    body = resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert set(body["properties"]) == {"spec"}
    spec = resolve(document, body["properties"]["spec"])
    assert set(spec["properties"]) == {"scaling", "template"}
    assert set(resolve(document, spec["properties"]["scaling"])["properties"]) == {"enable"}
    assert set(resolve(document, spec["properties"]["template"])["properties"]) == {"flavor"}
    assert report["consistency"]["rows_lost"] == 0


# --- OpenStack-style section titles --------------------------------------------------------

def test_normal_and_abnormal_response_titles_open_the_response_and_error_sections():
    from generator.dialects.sections import section_of_title

    assert section_of_title("Normal Response") == "response"
    assert section_of_title("Abnormal Response") == "errors"


def test_a_free_form_object_repeating_a_key_shown_beside_it_stays_open(tmp_path):
    response = table("Response parameters", ("Parameter", "Type", "Description"),
                     ("name", "String", "The schema name."),
                     ("properties", "Object", "The attributes of an image."))
    sample = indent(json.dumps({"name": "image", "properties": {"name": {"type": "string"}}}))
    document, report = build(tmp_path, {"querying_a_schema.rst": page(
        "Querying a Schema", "GET /v2/schemas/image", "", response, sample)})
    props = success(document, "/v2/schemas/image", "get")["properties"]["properties"]
    assert "properties" not in props
    assert "sample-open-object" in {d["code"] for d in report["diagnostics"]}
