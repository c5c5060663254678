"""Huawei-style pages of products outside the corpus (session 8, helper "heldout"): a Response
section that says only `None` documents a success response without a body. Seen on enterprise
router, document database, log tank, dedicated host, function graph, direct connect and message
notification pages (`Response Parameters` / `Status code: 202` / `None`; `Responses` / `- Parameter
description` `None` / `- Response example` `None`). Pages constructed, names made up."""

from __future__ import annotations

import json
from pathlib import Path

from generator.build import build_pages

DELETE_RST = """\
Deleting a Widget
=================

Function
--------

This API is used to delete a widget.

URI
---

DELETE /v3/{project_id}/widgets/{widget_id}

.. table:: **Table 1** Path Parameters

   ========== ========= ====== ======================
   Parameter  Mandatory Type   Description
   ========== ========= ====== ======================
   project_id Yes       String Specifies the project.
   widget_id  Yes       String Specifies the widget.
   ========== ========= ====== ======================

Request Parameters
------------------

None

Response Parameters
-------------------

**Status code: 202**

Accepted

None

Example Requests
----------------

.. code-block:: text

   DELETE https://{endpoint}/v3/p1/widgets/w1

Example Responses
-----------------

None

Status Codes
------------

=========== ===========
Status Code Description
=========== ===========
202         Accepted
=========== ===========
"""

LISTED_RST = """\
Setting the Widget Policy
=========================

Function
--------

This API is used to set the widget policy.

URI
---

PUT /v3/{project_id}/widget-policy

.. table:: **Table 1** Parameter description

   ========== ========= ====== ======================
   Name       Mandatory Type   Description
   ========== ========= ====== ======================
   project_id Yes       String Specifies the project.
   ========== ========= ====== ======================

Requests
--------

.. table:: **Table 2** Parameter description

   ========= ========= ======= ===================
   Name      Mandatory Type    Description
   ========= ========= ======= ===================
   keep_days Yes       Integer Days to keep.
   ========= ========= ======= ===================

Responses
---------

-  Parameter description

   None

-  Response example

   None

Status Code
-----------

Status Code:200.
"""


def _build(tmp_path: Path, name: str, text: str) -> tuple[dict, dict]:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    [build], _ = build_pages([folder], tmp_path / "out", product="demo")
    out = tmp_path / "out" / build.product.provider / build.product.name
    return (json.loads((out / "openapi.json").read_text(encoding="utf-8")),
            json.loads((out / "report.json").read_text(encoding="utf-8")))


def _codes(report: dict) -> list[str]:
    return sorted(d["code"] for d in report["diagnostics"] if d["code"].startswith("response"))


def test_a_response_section_saying_none_is_a_response_without_body(tmp_path):
    document, report = _build(tmp_path, "delete.rst", DELETE_RST)
    responses = document["paths"]["/v3/{project_id}/widgets/{widget_id}"]["delete"]["responses"]
    assert "202" in responses and "content" not in responses["202"]
    assert "200" not in responses
    assert _codes(report) == ["response-empty"]


def test_list_items_saying_none_are_a_response_without_body(tmp_path):
    document, report = _build(tmp_path, "policy.rst", LISTED_RST)
    responses = document["paths"]["/v3/{project_id}/widget-policy"]["put"]["responses"]
    assert "200" in responses and "content" not in responses["200"]
    assert _codes(report) == ["response-empty"]


def test_a_json_example_response_outweighs_the_none(tmp_path):
    page = DELETE_RST.replace("Example Responses\n-----------------\n\nNone\n",
                              "Example Responses\n-----------------\n\n.. code-block::\n\n"
                              "   {\"job_id\": \"j-1\"}\n")
    document, report = _build(tmp_path, "delete.rst", page)
    assert _codes(report) == ["response-inferred"]
