"""Conventions met on other products' Huawei-style (Open Telekom Cloud) pages: block storage,
auto scaling, DNS. Every page here is constructed, not copied: it keeps the layout of those
pages (list-item headings instead of table captions, OpenStack error bodies, query strings in
example requests) with made-up names."""

from __future__ import annotations

import json
from pathlib import Path

from generator.build import build_pages
from generator.dialects import dialect_for
from generator.sources import rst
from tests.conftest import inline_components

# A listing page: the URI is a list item, no table has a Mandatory column or a `Table N`
# caption, nested tables are introduced by list items rather than captions (and one of them,
# `entities`, is documented twice, at two levels), errors are shown as alternative samples.
GADGETS_RST = """\
Querying Details About Gadgets
==============================

Function
--------

This API is used to query details about gadgets.

URI
---

-  URI format

   GET /v2/{project_id}/gadgets/detail

Request
-------

-  Example request

   .. code-block:: text

      GET https://{endpoint}/v2/{project_id}/gadgets/detail?status=available&limit=10&tag=a&tag=b

Response
--------

-  Parameter description

   +----------+------------------+---------------------------------------------------------------+
   | Parameter| Type             | Description                                                   |
   +==========+==================+===============================================================+
   | count    | Integer          | The number of gadgets.                                        |
   +----------+------------------+---------------------------------------------------------------+
   | gadgets  | Array of Objects | The gadgets. For details, see                                 |
   |          |                  | :ref:`Parameters in the gadgets field <gd_li1>`.              |
   +----------+------------------+---------------------------------------------------------------+
   | error    | Object           | The error message returned if an error occurs. For details,   |
   |          |                  | see :ref:`Parameters in the error field <gd_li4>`.            |
   +----------+------------------+---------------------------------------------------------------+

-  .. _gd_li1:

   Parameters in the **gadgets** field

   ========= ================ ========================================
   Parameter Type             Description
   ========= ================ ========================================
   id        String           The gadget ID.
   entities  Object           The parts. See the **entities** field.
   parts     Array of Objects The sub-gadgets. See the **parts** field.
   ========= ================ ========================================

-  .. _gd_li2:

   Parameter in the **entities** field

   ========= ======= ===============
   Parameter Type    Description
   ========= ======= ===============
   name      String  The part name.
   size      Integer The part size.
   ========= ======= ===============

-  Parameters in the **parts** field

   ========= ====== ========================================
   Parameter Type   Description
   ========= ====== ========================================
   job_id    String The sub-gadget ID.
   entities  Object The parts. See the **entities** field.
   ========= ====== ========================================

-  Parameter in the **entities** field

   ========= ====== ===============
   Parameter Type   Description
   ========= ====== ===============
   volume_id String The volume ID.
   ========= ====== ===============

-  .. _gd_li4:

   Parameters in the **error** field

   ========= ====== ===================
   Parameter Type   Description
   ========= ====== ===================
   message   String The error message.
   code      String The error code.
   ========= ====== ===================

-  Example response

   .. code-block::

      {
          "count": 1,
          "gadgets": [
              {
                  "id": "g-1",
                  "entities": {"name": "p", "size": 1},
                  "parts": [{"job_id": "j-1", "entities": {"volume_id": "v-1"}}]
              }
          ]
      }

   or

   .. code-block::

      {
          "error": {
              "message": "XXXX",
              "code": "XXX"
          }
      }

   In the preceding example, **error** indicates a general error, for example, **badRequest**
   or **itemNotFound**. An example is provided as follows:

   .. code-block::

      {
          "itemNotFound": {
              "message": "XXXX",
              "code": "XXX"
          }
      }
"""


def _build(tmp_path: Path, name: str, text: str) -> tuple[dict, dict]:
    page = tmp_path / "pages" / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    [build], _ = build_pages([page.parent], tmp_path / "out", product="demo")
    folder = tmp_path / "out" / build.product.provider / build.product.name
    return (inline_components(json.loads((folder / "openapi.json").read_text(encoding="utf-8"))),
            json.loads((folder / "report.json").read_text(encoding="utf-8")))


def _resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _gadgets(tmp_path: Path) -> tuple[dict, dict, dict]:
    document, report = _build(tmp_path, "querying_details_about_gadgets.rst", GADGETS_RST)
    operation = document["paths"]["/v2/{project_id}/gadgets/detail"]["get"]
    return document, report, operation


def _success(document: dict, operation: dict) -> dict:
    return _resolve(document, operation["responses"]["200"]["content"]["application/json"][
        "schema"])


def test_a_uri_given_in_a_list_item_makes_the_page_huawei_style(tmp_path):
    page = tmp_path / "gadgets.rst"
    doc = rst.read(str(page), GADGETS_RST)
    assert dialect_for(doc).name == "huawei"
    _, report, operation = _gadgets(tmp_path)
    assert operation["operationId"] == "ListGadgets"
    assert not [d for d in report["diagnostics"] if d["severity"] == "error"]


def test_list_item_headings_introduce_the_tables_of_nested_fields(tmp_path):
    document, _, operation = _gadgets(tmp_path)
    response = _success(document, operation)
    assert {"count", "gadgets"} <= set(response["properties"])
    assert not {"id", "name", "job_id", "volume_id"} & set(response["properties"])
    gadget = _resolve(document, response["properties"]["gadgets"]["items"])
    assert set(gadget["properties"]) == {"id", "entities", "parts"}
    entities = _resolve(document, gadget["properties"]["entities"])
    assert set(entities["properties"]) == {"name", "size"}
    assert entities["properties"]["size"]["type"] == "integer"
    part = _resolve(document, gadget["properties"]["parts"]["items"])
    assert set(part["properties"]) == {"job_id", "entities"}
    # The second `entities` table documents another object than the first one.
    inner = _resolve(document, part["properties"]["entities"])
    assert set(inner["properties"]) == {"volume_id"}


def test_a_table_caption_is_not_taken_from_prose_that_runs_over_several_lines():
    from generator.dialects.huawei import _table_captions
    from generator.location import SourceLoc
    from generator.sources.tree import Document, Paragraph, Table

    loc = SourceLoc("p", 1)
    table = Table(header=("Parameter", "Type", "Description"), rows=(), loc=loc)
    doc = Document(path="p", form="rst", nodes=(Paragraph("- Parameters in the x field", loc),
                                                table))
    assert _table_captions(doc)[id(table)] == "Parameters in the x field"
    doc = Document(path="p", form="rst", nodes=(Paragraph("Some prose.\nMore prose.", loc),
                                                table))
    assert _table_captions(doc)[id(table)] == ""


def test_an_error_body_named_after_the_error_class_is_an_error_sample():
    from generator.dialects.samples import _is_error_body

    assert _is_error_body({"itemNotFound": {"message": "XXXX", "code": "XXX"}})
    assert _is_error_body({"badRequest": {"message": "x", "code": "y"}})
    assert _is_error_body({"error": {"message": "x", "code": "y"}})
    # A success body whose only member happens to hold a code is not an error.
    assert not _is_error_body({"job": {"code": "x", "job_id": "y"}})
    assert not _is_error_body({"volume": {"id": "x"}})


def test_error_samples_do_not_extend_the_success_response(tmp_path):
    document, report, operation = _gadgets(tmp_path)
    response = _success(document, operation)
    assert "itemNotFound" not in response["properties"]
    # `error` is documented with the response, but only the error samples show it: it is the
    # error body, not part of a successful reply.
    assert "error" not in response["properties"]
    assert any(d["code"] == "error-field" and d["message"].startswith("error:")
               for d in report["diagnostics"])


def test_a_documented_field_the_success_sample_shows_stays_in_the_response(tmp_path):
    page = GADGETS_RST.replace('"count": 1,', '"count": 1, "error": null,')
    document, _ = _build(tmp_path, "querying_details_about_gadgets.rst", page)
    operation = document["paths"]["/v2/{project_id}/gadgets/detail"]["get"]
    assert "error" in _success(document, operation)["properties"]


def test_query_parameters_of_the_example_request_are_parameters(tmp_path):
    _, report, operation = _gadgets(tmp_path)
    params = {p["name"]: p for p in operation["parameters"] if "name" in p}
    assert params["status"]["in"] == "query" and not params["status"]["required"]
    assert params["status"]["schema"]["type"] == "string"
    assert params["limit"]["schema"]["type"] == "integer"
    # repeated in one URL: a list
    assert params["tag"]["schema"]["type"] == "array"
    assert params["tag"]["schema"]["items"]["type"] == "string"
    assert params["status"]["schema"].get("x-docs2spec-inferred") is True
    assert {d["message"].split(":")[0] for d in report["diagnostics"]
            if d["code"] == "query-from-sample"} == {"status", "limit", "tag"}



def test_request_and_response_message_headings_open_their_sections():
    from generator.dialects.sections import section_of_title

    assert section_of_title("Request Message") == "request"
    assert section_of_title("Response Message") == "response"
    # key-management style pages: plural headings
    assert section_of_title("Requests") == "request"
    assert section_of_title("Responses") == "response"
    for title in ("Request Header", "Request Body Parameters", "Request Parameter Description"):
        assert section_of_title(title) == "request", title
    for title in ("Response Body Parameters", "Response Parameter Description"):
        assert section_of_title(title) == "response", title


# A table that fell behind its sample: the sample object shows every documented field and more.
PLANTS_RST = """\
Querying Plants
===============

URI
---

GET /v1/{project_id}/plants

Response Message
----------------

.. table:: **Table 1** Response parameters

   ========= ============================================================== ============
   Parameter Type                                                           Description
   ========= ============================================================== ============
   plants    Array of :ref:`plants <pl__table3>` objects                    The plants.
   ========= ============================================================== ============

.. _pl__table3:

.. table:: **Table 2** **plants** field description

   ========= ============================================================== ============
   Parameter Type                                                           Description
   ========= ============================================================== ============
   name      String                                                         The name.
   networks  Array of :ref:`networks <pl__table5>` objects                  The networks.
   ========= ============================================================== ============

.. _pl__table5:

.. table:: **Table 3** **networks** field description

   ========= ====== ===============
   Parameter Type   Description
   ========= ====== ===============
   id        String The subnet ID.
   ========= ====== ===============

-  Example response

   .. code-block::

      {
          "plants": [
              {
                  "name": "p",
                  "networks": [{"id": "n-1", "ipv6_enable": false, "ipv6_bandwidth": null}]
              }
          ]
      }
"""


def test_sample_fields_beyond_a_table_the_sample_covers_are_added(tmp_path):
    document, report = _build(tmp_path, "querying_plants.rst", PLANTS_RST)
    operation = document["paths"]["/v1/{project_id}/plants"]["get"]
    plant = _resolve(document, _success(document, operation)["properties"]["plants"]["items"])
    network = _resolve(document, plant["properties"]["networks"]["items"])
    assert set(network["properties"]) == {"id", "ipv6_enable", "ipv6_bandwidth"}
    assert network["properties"]["ipv6_enable"]["type"] == "boolean"
    assert network["properties"]["ipv6_enable"]["x-docs2spec-inferred"] is True


# Samples printed as HTTP messages: a request line with a path only and headers before the
# body, a response with its status line and headers.
WIDGET_RST = """\
Creating a Widget
=================

URI
---

POST /v3/{project_id}/widgets

Request
-------

.. table:: **Table 1** Request parameters

   ========= ========= ====== =================
   Parameter Mandatory Type   Description
   ========= ========= ====== =================
   name      Yes       String The widget name.
   size      No        N/A    The size.
   ========= ========= ====== =================

-  Example request

   .. code-block:: text

      POST /v3/{project_id}/widgets?dry_run=true
      Content-Type: application/json
      X-Auth-Token: abc

      {
          "name": "w",
          "size": 3
      }

Response
--------

.. table:: **Table 2** Response parameters

   ========= ====== =================
   Parameter Type   Description
   ========= ====== =================
   id        String The widget ID.
   color     N/A    The color.
   ========= ====== =================

-  Example response

   .. code-block::

      HTTP/1.1 201 Created
      Content-Type: application/json
      X-Request-Id: 123

      {
          "id": "w-1",
          "color": "red"
      }
"""


def test_samples_printed_as_http_messages(tmp_path):
    document, report = _build(tmp_path, "creating_a_widget.rst", WIDGET_RST)
    operation = document["paths"]["/v3/{project_id}/widgets"]["post"]
    # the request line has a path only, headers come before the body
    body = operation["requestBody"]["content"]["application/json"]
    assert body["schema"]["properties"]["size"]["type"] == "integer"  # typed by the sample
    params = {p["name"]: p for p in operation["parameters"] if "name" in p}
    assert params["dry_run"]["in"] == "query"
    # the response's status line is the status of the documented response
    assert "200" not in operation["responses"]
    response = _resolve(document, operation["responses"]["201"]["content"]["application/json"][
        "schema"])
    assert response["properties"]["color"]["type"] == "string"
    assert not [d for d in report["diagnostics"] if d["code"] == "sample-invalid"]


def test_a_type_cell_of_n_a_states_no_type_and_is_not_a_finding(tmp_path):
    document, report = _build(tmp_path, "creating_a_widget.rst", WIDGET_RST)
    assert not [d for d in report["diagnostics"] if d["code"] == "type-unknown"]
    operation = document["paths"]["/v3/{project_id}/widgets"]["post"]
    size = operation["requestBody"]["content"]["application/json"]["schema"]["properties"]["size"]
    assert size["x-docs2spec-doc-type"] == "N/A"  # kept as the page spells it


# The URI line carries the endpoint, an example URL follows as a list item, and the URI table
# (name, mandatory, description: no type) mixes path and query parameters.
RANGE_RST = """\
Querying the Retention Range
============================

URI
---

-  URI format

   GET https://{*Endpoint*}/v3/{project_id}/vaults/{vault_id}/range

-  Example

   https://vault.example.com/v3/0483b6b16e95/vaults/dsfae23fsfd/range

-  Parameter description

   .. table:: **Table 1** Parameter description

      =========== ========= =========================================
      Name        Mandatory Description
      =========== ========= =========================================
      project_id  Yes       Specifies the project ID.
      vault_id    Yes       Specifies the vault ID.
      date        No        Specifies the date, in the yyyy-mm-dd format.
      =========== ========= =========================================

Request
-------

None

Response
--------

-  Normal response

   .. table:: **Table 2** Parameter description

      ========== ======= ==================
      Name       Type    Description
      ========== ======= ==================
      start_time Integer The start time.
      ========== ======= ==================

-  Example normal response

   .. code-block:: text

      {
          "start_time": 1532001446987
      }
"""


def test_a_uri_line_with_the_endpoint_and_a_uri_table_without_types(tmp_path):
    document, report = _build(tmp_path, "querying_the_retention_range.rst", RANGE_RST)
    assert not [d for d in report["diagnostics"] if d["code"] == "no-uri"]
    operation = document["paths"]["/v3/{project_id}/vaults/{vault_id}/range"]["get"]
    params = {p["name"]: p for p in operation["parameters"] if "name" in p}
    assert params["vault_id"]["in"] == "path"
    # The table after `-  Example` still documents the URI; a query value is text.
    assert params["date"]["in"] == "query" and params["date"]["schema"]["type"] == "string"
    response = _success(document, operation)
    assert set(response["properties"]) == {"start_time"}


# Nested tables under list items titled by the bare field path, linked from the name cells;
# a request example made of shell steps around the JSON body, which wraps the documented fields.
TEAMS_RST = """\
Querying the Teams of a Member
==============================

URI
---

-  URI format

   GET /v3/members/{member_id}/teams

Response Parameters
-------------------

-  Parameters in the response body

   +------------------------------+-----------+-------------+----------------+
   | Parameter                    | Mandatory | Type        | Description    |
   +==============================+===========+=============+================+
   | :ref:`teams <tm__l1>`        | Yes       | JSONArray   | The teams.     |
   +------------------------------+-----------+-------------+----------------+
   | :ref:`links <tm__l3>`        | Yes       | JSON object | The links.     |
   +------------------------------+-----------+-------------+----------------+

-  .. _tm__l1:

   teams

   +------------------------------+-----------+-------------+----------------+
   | Parameter                    | Mandatory | Type        | Description    |
   +==============================+===========+=============+================+
   | id                           | Yes       | String      | The team ID.   |
   +------------------------------+-----------+-------------+----------------+
   | :ref:`links <tm__l2>`        | Yes       | JSON object | The team link. |
   +------------------------------+-----------+-------------+----------------+

-  .. _tm__l2:

   teams.links

   ========= ====== ==============
   Parameter Type   Description
   ========= ====== ==============
   self      String Resource link.
   ========= ====== ==============

-  .. _tm__l3:

   links

   ========= ====== ==============
   Parameter Type   Description
   ========= ====== ==============
   self      String Resource link.
   next      String Next link.
   ========= ====== ==============
"""


def test_list_item_labels_and_bare_field_headings_name_nested_tables(tmp_path):
    document, _ = _build(tmp_path, "querying_the_teams_of_a_member.rst", TEAMS_RST)
    operation = document["paths"]["/v3/members/{member_id}/teams"]["get"]
    response = _success(document, operation)
    assert set(response["properties"]) == {"teams", "links"}
    assert response["properties"]["teams"]["type"] == "array"
    team = _resolve(document, response["properties"]["teams"]["items"])
    assert set(team["properties"]) == {"id", "links"}
    assert set(_resolve(document, team["properties"]["links"])["properties"]) == {"self"}
    # the outer `links` is another table than `teams.links`
    assert set(_resolve(document, response["properties"]["links"])["properties"]) == {
        "self", "next"}


def test_a_label_before_a_heading_line_is_the_anchor_of_the_table_after_it():
    doc = rst.read("p.rst", TEAMS_RST)
    tables = [n for n in doc.nodes if type(n).__name__ == "Table"]
    assert [t.anchor for t in tables] == ["", "tm__l1", "tm__l2", "tm__l3"]


PASSWORD_RST = """\
Changing a Secret
=================

URI
---

-  URI format

   POST /v3/members/{member_id}/secret

Request Parameters
------------------

-  Parameters in the request body

   ============ ========= ====== =====================
   Parameter    Mandatory Type   Description
   ============ ========= ====== =====================
   old_secret   Yes       String The original secret.
   secret       Yes       String The new secret.
   ============ ========= ====== =====================

-  Example request

   .. code-block::

      1. Create the temporary file ${filename}.json based on the following template.
      {
          "member": {
              "secret": "********",
              "old_secret": "********"
          }
      }
      2. Run the following command under the directory storing the ${filename}.json file.
      curl -i -k -H "X-Auth-Token:$token" -X POST -d @${filename}.json https://x.example.com/v3/members/2c1c/secret
      3. Delete the file.
      rm ${filename}.json

Response Parameters
-------------------

None
"""


def test_the_json_inside_shell_instructions_is_the_sample():
    from generator.dialects.samples import read_sample
    from generator.location import SourceLoc
    from generator.sources.tree import CodeBlock

    text = PASSWORD_RST.split(".. code-block::\n\n", 1)[1].split("\nResponse", 1)[0]
    text = "\n".join(line[6:] for line in text.splitlines())
    sample, found = read_sample(CodeBlock(text, SourceLoc("p", 1)), "request")
    assert sample.value == {"member": {"secret": "********", "old_secret": "********"}}
    assert [d.code for d in found] == ["sample-embedded"]
    # prose with braces but no JSON document stays text
    sample, _ = read_sample(CodeBlock("Run {this}\nthen {that}", SourceLoc("p", 1)), "request")
    assert sample.value is None


def test_a_sample_that_wraps_the_documented_fields_in_one_key_gives_the_body(tmp_path):
    document, report = _build(tmp_path, "changing_a_secret.rst", PASSWORD_RST)
    operation = document["paths"]["/v3/members/{member_id}/secret"]["post"]
    body = _resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert list(body["properties"]) == ["member"] and body["required"] == ["member"]
    member = _resolve(document, body["properties"]["member"])
    assert set(member["properties"]) == {"old_secret", "secret"}
    assert set(member["required"]) == {"old_secret", "secret"}
    assert any(d["code"] == "sample-wrapper-key" for d in report["diagnostics"])


def test_the_same_pages_rendered_as_html_give_the_same_contract(tmp_path):
    from tests.conftest import render_html

    pages = {"querying_details_about_gadgets": GADGETS_RST,
             "querying_the_teams_of_a_member": TEAMS_RST,
             "querying_the_retention_range": RANGE_RST}
    shapes = {}
    for form in ("rst", "html"):
        for name, text in pages.items():
            if form == "html":
                text = render_html(text, report_level=5, halt_level=5)
            (tmp_path / form).mkdir(exist_ok=True)
            (tmp_path / form / f"{name}.{form}").write_text(text, encoding="utf-8")
        [build], _ = build_pages([tmp_path / form], tmp_path / f"out-{form}", product="demo")
        folder = tmp_path / f"out-{form}" / build.product.provider / build.product.name
        document = json.loads((folder / "openapi.json").read_text(encoding="utf-8"))
        shapes[form] = {path: {method: sorted(_flat(document, _success(document, op)))
                               for method, op in item.items() if isinstance(op, dict)}
                        for path, item in document["paths"].items()}
    assert shapes["html"] == shapes["rst"]
    assert shapes["rst"]["/v3/members/{member_id}/teams"]["get"] == [
        "links", "links.next", "links.self", "teams", "teams[].id", "teams[].links",
        "teams[].links.self"]


def _flat(document: dict, schema: dict, prefix: str = "") -> list[str]:
    out = []
    for name, sub in schema.get("properties", {}).items():
        sub = _resolve(document, sub)
        path = prefix + name
        out.append(path)
        if sub.get("type") == "array" and "items" in sub:
            out.extend(_flat(document, _resolve(document, sub["items"]), path + "[]."))
        else:
            out.extend(_flat(document, sub, path + "."))
    return out


def test_a_sample_that_lists_the_documented_fields_under_one_key_gives_the_response(tmp_path):
    page = """\
Querying Flavors
================

URI
---

GET /v1/{project_id}/flavors

Response
--------

.. table:: **Table 1** Response parameters

   ========= ======= ===============
   Parameter Type    Description
   ========= ======= ===============
   id        String  The flavor ID.
   vcpus     Integer The vCPUs.
   ========= ======= ===============

-  Example response

   .. code-block::

      {"flavors": [{"id": "s1", "vcpus": 2}, {"id": "s2", "vcpus": 4}]}
"""
    document, _ = _build(tmp_path, "querying_flavors.rst", page)
    response = _success(document, document["paths"]["/v1/{project_id}/flavors"]["get"])
    assert list(response["properties"]) == ["flavors"]
    flavors = response["properties"]["flavors"]
    assert flavors["type"] == "array"
    assert set(_resolve(document, flavors["items"])["properties"]) == {"id", "vcpus"}


def test_more_spellings_of_a_caption_that_names_the_field_it_documents():
    from generator.dialects.huawei import _FIELD_CAPTION

    for caption, field in (("Description for the user format", "user"),
                           ("Table 3 restore_time field data structure description",
                            "restore_time"),
                           ("Table 2 Data structure description of the quotas.resources field",
                            "quotas.resources"),
                           ("Table 3 Data structure description of quotas", "quotas")):
        match = _FIELD_CAPTION.match(caption)
        assert match and next(g for g in match.groups() if g) == field, caption


def test_a_description_for_the_format_heading_documents_the_object_field(tmp_path):
    page = """\
Querying a Member
=================

URI
---

GET /v3/members/{member_id}

Response Parameters
-------------------

-  Parameters in the response body

   ========= ========= =========== ===============
   Parameter Mandatory Type        Description
   ========= ========= =========== ===============
   member    Yes       JSON object Member details.
   ========= ========= =========== ===============

-  Description for the member format

   ========= ========= ======= ===========
   Parameter Mandatory Type    Description
   ========= ========= ======= ===========
   id        Yes       String  Member ID.
   enabled   Yes       Boolean Enabled.
   ========= ========= ======= ===========
"""
    document, _ = _build(tmp_path, "querying_a_member.rst", page)
    response = _success(document, document["paths"]["/v3/members/{member_id}"]["get"])
    assert list(response["properties"]) == ["member"]
    member = _resolve(document, response["properties"]["member"])
    assert set(member["properties"]) == {"id", "enabled"}


# An older style: query parameters of a GET documented under Request, "Data structure" types
# described under list-item headings, "Long integer".
WEEKLY_RST = """\
Querying Weekly Statistics
==========================

URI
---

-  URI format

   GET /v1/{project_id}/guard/weekly

Request
-------

.. table:: **Table 1** Parameter description

   ================= ========= ====== ================================
   Parameter         Mandatory Type   Description
   ================= ========= ====== ================================
   period_start_date No        String Start date of a seven-day period
   X-Auth-Token      Yes       String The user token.
   ================= ========= ====== ================================

Response
--------

-  Parameter description

   ============ ============== ==========================
   Name         Type           Description
   ============ ============== ==========================
   total        Integer        Number of blocked attacks
   weekdata     Data structure Number of attacks per day
   ============ ============== ==========================

-  Data structure description of **weekdata**

   ================= ============ ==============
   Parameter         Type         Description
   ================= ============ ==============
   times             Integer      Attacks.
   period_start_date Long integer Start time
   ================= ============ ==============

-  Example response

   .. code-block::

      {"total": 3, "weekdata": [{"times": 1, "period_start_date": 1474214461651}]}
"""


def test_data_structure_types_described_under_list_item_headings(tmp_path):
    document, _ = _build(tmp_path, "querying_weekly_statistics.rst", WEEKLY_RST)
    operation = document["paths"]["/v1/{project_id}/guard/weekly"]["get"]
    response = _success(document, operation)
    assert set(response["properties"]) == {"total", "weekdata"}
    weekdata = response["properties"]["weekdata"]
    assert weekdata["type"] == "array"  # the sample shows a list of them
    day = _resolve(document, weekdata["items"])
    assert day["properties"]["period_start_date"]["type"] == "integer"
    assert day["properties"]["period_start_date"]["format"] == "int64"


def test_the_request_table_of_a_get_documents_query_parameters(tmp_path):
    document, _ = _build(tmp_path, "querying_weekly_statistics.rst", WEEKLY_RST)
    operation = document["paths"]["/v1/{project_id}/guard/weekly"]["get"]
    assert "requestBody" not in operation
    params = {(p["name"], p["in"]) for p in operation["parameters"] if "name" in p}
    assert ("period_start_date", "query") in params
    assert ("X-Auth-Token", "header") in params
