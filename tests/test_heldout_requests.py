"""Huawei-style pages of products outside the corpus (session 8, helper "heldout"): the table
beside the URI of a POST lists the body's wrapper object (`widget | Dictionary | Yes`), and a
sentence points at the table of its members. A query string carries no object: the row is
the body's field. Page constructed, names made up."""

from __future__ import annotations

import json

from generator.build import build_pages

CREATE_RST = """\
Creating a Widget
=================

Function
--------

This API is used to create a widget.

URI
---

POST /v2.0/widgets

.. table:: **Table 1** Parameter description

   ========= ========== ========= ===================================
   Parameter Type       Mandatory Description
   ========= ========== ========= ===================================
   widget    Dictionary Yes       Specifies the **widget** object.
   dry_run   Boolean    No        Specifies whether to only check it.
   ========= ========== ========= ===================================

Request
-------

For details about the **widget** field, see :ref:`Table 2 <wd_03__table2>`.

.. _wd_03__table2:

.. table:: **Table 2** Request parameters

   ========= ======= ========= ====================
   Parameter Type    Mandatory Description
   ========= ======= ========= ====================
   name      String  Yes       Specifies the name.
   size      Integer No        Specifies the size.
   ========= ======= ========= ====================

Response
--------

None

Examples
--------

-  Example request

   .. code-block:: text

      POST /v2.0/widgets
      {
          "widget": {"name": "w", "size": 2}
      }
"""


def test_an_object_beside_the_uri_of_a_post_is_a_body_field(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "create.rst").write_text(CREATE_RST, encoding="utf-8")
    [build], _ = build_pages([folder], tmp_path / "out", product="demo")
    out = tmp_path / "out" / build.product.provider / build.product.name
    document = json.loads((out / "openapi.json").read_text(encoding="utf-8"))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    operation = document["paths"]["/v2.0/widgets"]["post"]
    # the boolean stays in the query; the object goes to the body
    assert [p["name"] for p in operation.get("parameters", [])] == ["dry_run"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    schemas = document["components"]["schemas"]
    body = schemas[body["$ref"].rsplit("/", 1)[-1]]
    widget = body["properties"]["widget"]
    widget = schemas[widget["$ref"].rsplit("/", 1)[-1]] if "$ref" in widget else widget
    assert set(widget["properties"]) == {"name", "size"} and widget["required"] == ["name"]
    assert report["consistency"]["samples"] == 1 and report["consistency"]["samples_rejected"] == 0
    assert report["consistency"]["keys_undocumented"] == 0
