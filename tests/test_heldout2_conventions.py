"""Conventions met on more held-out Huawei-style (Open Telekom Cloud) products, second round:
server backup and volume backup pages. Every page here is constructed, not copied."""

from __future__ import annotations

import json
from pathlib import Path

from generator.build import build_pages
from generator.dialects.huawei import _FIELD_CAPTION
from tests.conftest import inline_components

# The parent rows give a type name (`widget_resp`, `List<part>`) and each member table is
# captioned `Parameter description of field **<type name>**`: the caption names the type,
# not the field (`parts` is documented by the table of `part`).
WIDGET_RST = """\
Querying a Widget
=================

Function
--------

This API is used to query a widget.

URI
---

GET /v1/{project_id}/widgets/{widget_id}

.. table:: **Table 1** Parameter description

   ========== ========= ====== ===========
   Parameter  Mandatory Type   Description
   ========== ========= ====== ===========
   project_id Yes       String Project ID
   widget_id  Yes       String Widget ID
   ========== ========= ====== ===========

Response
--------

-  Parameter description

   .. table:: **Table 2** Parameter description

      ========= =========== ==============
      Parameter Type        Description
      ========= =========== ==============
      widget    widget_resp Query response
      ========= =========== ==============

-  Parameter description of field **widget_resp**

   .. table:: **Table 3** Parameter description of field **widget_resp**

      ========= ============ ==============
      Parameter Type         Description
      ========= ============ ==============
      id        String       Widget ID
      name      String       Widget name
      parts     List<part>   Part list
      ========= ============ ==============

-  Parameter description of field **part**

   .. table:: **Table 4** Parameter description of field **part**

      ========= ====== ===========
      Parameter Type   Description
      ========= ====== ===========
      id        String Part ID
      weight    Integer Part weight
      ========= ====== ===========

-  Example response

   .. code-block::

      {
          "widget": {
              "id": "w-1",
              "name": "first",
              "parts": [{"id": "p-1", "weight": 3}]
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


def test_a_parameter_description_of_field_caption_names_its_subject():
    for caption, subject in (("Table 3 Parameter description of field policy_resp", "policy_resp"),
                             ("Parameters description of the field quota", "quota"),
                             ("Description of field tags", "tags")):
        match = _FIELD_CAPTION.match(caption)
        assert match and next(g for g in match.groups() if g) == subject
    assert not _FIELD_CAPTION.match("Parameter description")


def test_member_tables_captioned_after_the_type_name_nest_under_their_rows(tmp_path):
    document, report = _build(tmp_path, "querying_a_widget.rst", WIDGET_RST)
    [operation] = [op for path in document["paths"].values() for op in path.values()
                   if isinstance(op, dict) and "responses" in op]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert list(schema["properties"]) == ["widget"]
    widget = schema["properties"]["widget"]
    assert {"id", "name", "parts"} <= set(widget["properties"])
    part = widget["properties"]["parts"]["items"]
    assert set(part["properties"]) == {"id", "weight"}
    assert part["properties"]["weight"]["type"] == "integer"
    consistency = report["consistency"]
    assert consistency["rows_placed"] == consistency["rows"] >= 6
    assert consistency["rows_reported"] == 0
    assert not [d for d in report["diagnostics"] if d["code"] in ("row-duplicate",
                                                                   "type-unplaced")]


# The URI section gives the request line, then a `-  Request header` list label (which opens
# the Request section) with the header table, then the table of the path's placeholders.
TAGGING_RST = """\
Adding a Tag to a Widget
========================

Function
--------

This API is used to add a tag to a widget.

URI
---

-  URI format

   POST /v1/{project_id}/widgets/{widget_id}/tags

-  Request header

   .. table:: **Table 1** Request header

      ============ ========= ====== ================
      Parameter    Mandatory Type   Description
      ============ ========= ====== ================
      X-Auth-Token Yes       String User token
      ============ ========= ====== ================

-  Parameter description

   .. table:: **Table 2** Parameter description

      ========== ========= ====== ===========
      Parameter  Mandatory Type   Description
      ========== ========= ====== ===========
      project_id Yes       String Project ID
      widget_id  Yes       String Widget ID
      ========== ========= ====== ===========

Request
-------

-  Parameter description

   .. table:: **Table 3** Parameter description

      ========= ========= ====== ===========
      Parameter Mandatory Type   Description
      ========= ========= ====== ===========
      key       Yes       String Tag key
      value     Yes       String Tag value
      ========= ========= ====== ===========

-  Request body

   .. code-block::

      {"key": "k1", "value": "v1"}

Response
--------

None
"""


def test_a_table_of_the_paths_placeholders_after_a_header_label_gives_path_parameters(tmp_path):
    document, report = _build(tmp_path, "adding_a_tag.rst", TAGGING_RST)
    [operation] = [op for path in document["paths"].values() for op in path.values()
                   if isinstance(op, dict) and "responses" in op]
    where = {p["name"]: p["in"] for p in operation.get("parameters", [])}
    assert where.get("project_id") == where.get("widget_id") == "path"
    assert where.get("X-Auth-Token") == "header"
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert set(body["properties"]) == {"key", "value"}
    assert set(body.get("required", [])) == {"key", "value"}
    assert not [d for d in report["diagnostics"] if d["code"] in ("sample-rejected",
                                                                   "path-parameter-undocumented")]


def test_a_body_table_with_other_rows_keeps_a_field_named_like_a_placeholder(tmp_path):
    page = TAGGING_RST.replace("      widget_id  Yes       String Widget ID\n", "").replace(
        "      key       Yes       String Tag key\n",
        "      key       Yes       String Tag key\n      widget_id No        String Widget\n")
    document, _ = _build(tmp_path, "adding_a_tag.rst", page)
    [operation] = [op for path in document["paths"].values() for op in path.values()
                   if isinstance(op, dict) and "responses" in op]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert "widget_id" in body["properties"]


def test_a_request_line_given_as_a_list_item_of_the_uri_section(tmp_path):
    page = TAGGING_RST.replace("-  URI format\n\n   POST /v1/{project_id}/widgets/{widget_id}/tags\n",
                               "-  POST /v1/{project_id}/widgets/{widget_id}/tags\n")
    assert "-  POST /v1/" in page
    document, report = _build(tmp_path, "adding_a_tag.rst", page)
    assert list(document["paths"]) == ["/v1/{project_id}/widgets/{widget_id}/tags"]
    assert "post" in document["paths"]["/v1/{project_id}/widgets/{widget_id}/tags"]
    assert not [d for d in report["diagnostics"] if d["code"] == "no-uri"]


def test_a_listed_request_line_outside_the_uri_section_is_not_the_operations(tmp_path):
    text = TAGGING_RST.replace("This API is used to add a tag to a widget.",
                               "Related APIs:\n\n-  GET /v1/{project_id}/gadgets")
    document, _ = _build(tmp_path, "adding_a_tag.rst", text)
    assert list(document["paths"]) == ["/v1/{project_id}/widgets/{widget_id}/tags"]
