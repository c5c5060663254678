"""Conventions of products outside the corpus (session 8, helper "heldout"). Every page here is
constructed: it keeps the layout of real pages with made-up names.

Object-model pages: some Huawei-style products describe each resource once, on a page of its
own ("Object Model", "Object Models" under "Public Parameters" or beside each API group), as a
table with `CRUD`, `Default Value` and `Constraint` columns; the operations' pages give only the
wrapper row (`widget | Object | For details, see Table 1`) with a link to that table. The page
documents no operation, but its tables are what the links lead to.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.build import build_pages
from tests.conftest import inline_components

MODEL_RST = """\
:original_name: wd_02_0018.html

.. _wd_02_0018:

Object Models
=============

Objects
-------

Widget management includes querying widgets and viewing widget details.

Object Models
-------------

.. _wd_02_0018__widget:

.. table:: **Table 1** widget

   +-----------+-----------------------------------------------------+------+---------------+------------+
   | Parameter | Type                                                | CRUD | Default Value | Constraint |
   +===========+=====================================================+======+===============+============+
   | widget_id | String                                              | R    | N/A           | N/A        |
   +-----------+-----------------------------------------------------+------+---------------+------------+
   | size      | Int                                                 | CR   | N/A           | N/A        |
   +-----------+-----------------------------------------------------+------+---------------+------------+
   | gear      | Dict                                                | R    | N/A           | N/A        |
   |           |                                                     |      |               |            |
   |           | For details, see :ref:`Table 2 <wd_02_0018__gear>`. |      |               |            |
   +-----------+-----------------------------------------------------+------+---------------+------------+

.. _wd_02_0018__gear:

.. table:: **Table 2** gear

   ========= ====== ==== ============= ==========
   Parameter Type   CRUD Default Value Constraint
   ========= ====== ==== ============= ==========
   teeth     Int    R    N/A           N/A
   ========= ====== ==== ============= ==========
"""

SHOW_RST = """\
:original_name: wd_02_0021.html

.. _wd_02_0021:

Querying Details About a Widget
===============================

Function
--------

This API is used to query details about a widget.

URI
---

GET /v1.0/{project_id}/widgets/{widget_id}

.. table:: **Table 1** Parameters description

   ========== ====== ========= ======================
   Parameter  Type   Mandatory Description
   ========== ====== ========= ======================
   project_id String Yes       Specifies the project.
   widget_id  String Yes       Specifies the widget.
   ========== ====== ========= ======================

Request
-------

None

Response
--------

.. table:: **Table 2** Response parameters

   +-----------+------+--------+-------------------------------------------------------+
   | Parameter | In   | Type   | Description                                           |
   +===========+======+========+=======================================================+
   | widget    | body | Object | Specifies the widget.                                 |
   |           |      |        |                                                       |
   |           |      |        | For details, see :ref:`Table 1 <wd_02_0018__widget>`. |
   +-----------+------+--------+-------------------------------------------------------+

Example Response
----------------

.. code-block::

   {
       "widget": {
           "widget_id": "w-1",
           "size": 3,
           "gear": {"teeth": 12}
       }
   }
"""


def _build(tmp_path: Path, pages: dict[str, str]) -> tuple[dict, dict]:
    folder = tmp_path / "pages"
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    [build], _ = build_pages([folder], tmp_path / "out", product="demo")
    out = tmp_path / "out" / build.product.provider / build.product.name
    return (inline_components(json.loads((out / "openapi.json").read_text(encoding="utf-8"))),
            json.loads((out / "report.json").read_text(encoding="utf-8")))


def _widget(document: dict) -> dict:
    response = document["paths"]["/v1.0/{project_id}/widgets/{widget_id}"]["get"]["responses"]
    return response["200"]["content"]["application/json"]["schema"]["properties"]["widget"]


def test_rows_link_to_the_tables_of_an_object_model_page(tmp_path):
    document, report = _build(tmp_path, {"public/object_models.rst": MODEL_RST,
                                         "api/show_widget.rst": SHOW_RST})
    widget = _widget(document)
    assert set(widget["properties"]) == {"widget_id", "size", "gear"}
    assert widget["properties"]["size"]["type"] == "integer"
    assert not any(m.get("x-docs2spec-inferred") for m in widget["properties"].values())
    # the model table's own link (to the next table of the model page) is followed too
    assert widget["properties"]["gear"]["properties"]["teeth"]["type"] == "integer"
    assert report["consistency"]["keys_undocumented"] == 0
    # the model page is still no operation
    assert [p["operations"] for p in report["pages"] if p["page"].endswith("object_models.rst")
            ] == [[]]


def test_without_the_model_page_the_members_stay_undocumented(tmp_path):
    document, report = _build(tmp_path, {"api/show_widget.rst": SHOW_RST})
    # (members typed from the sample only, marked as guesses)
    assert all(m.get("x-docs2spec-inferred") for m in _widget(document)["properties"].values())
    # widget_id, size, gear and gear.teeth: in the sample, in no table of the product
    assert report["consistency"]["keys_undocumented"] == 4


# The wrapper row's type cell gives no link; a sentence under the table does ("For details
# about the **widget** field, see Table 1"), to a table of the object-model page or of the page
# itself; a list row is named in the singular by its sentence.
POINTER_MODEL_RST = """\
.. _wd_01:

Overview
========

Object Model
------------

.. _wd_01__widget:

.. table:: **Table 1** Widget objects

   ========= ======= ==== ============= ========== =====================
   Parameter Type    CRUD Default Value Constraint Description
   ========= ======= ==== ============= ========== =====================
   id        String  R    N/A           UUID       Specifies the ID.
   size      Integer CRU  N/A           N/A        Specifies the size.
   ========= ======= ==== ============= ========== =====================
"""

POINTER_SHOW_RST = """\
Querying a Widget
=================

Function
--------

This API is used to query a widget.

URI
---

GET /v2.0/widgets/{widget_id}

.. table:: **Table 1** Parameter description

   ========= ====== ========= =====================
   Parameter Type   Mandatory Description
   ========= ====== ========= =====================
   widget_id String Yes       Specifies the widget.
   ========= ====== ========= =====================

Response
--------

.. table:: **Table 2** Response parameter

   ========= ========== ================================
   Parameter Type       Description
   ========= ========== ================================
   widget    Dictionary Specifies the **widget** object.
   owner     Dictionary Specifies the **owner** object.
   ========= ========== ================================

For details about the **widget** field, see :ref:`Table 1 <wd_01__widget>`.

For details about the **owner** field, see :ref:`Table 3 <wd_02__owner>`.

.. _wd_02__owner:

.. table:: **Table 3** Owner

   ========= ====== ===================
   Parameter Type   Description
   ========= ====== ===================
   user      String Specifies the user.
   ========= ====== ===================

Examples
--------

-  Example response

   .. code-block::

      {
          "widget": {"id": "w-1", "size": 3},
          "owner": {"user": "u-1"}
      }
"""

POINTER_LIST_RST = """\
Querying the Widget List
========================

Function
--------

This API is used to query widgets.

URI
---

GET /v2.0/widgets

Response
--------

.. table:: **Table 1** Response parameter

   ========= ==== ==========================
   Parameter Type Description
   ========= ==== ==========================
   widgets   List Specifies the widget list.
   ========= ==== ==========================

For details about the **widget** field, see :ref:`Table 1 <wd_01__widget>`.

Examples
--------

-  Example response

   .. code-block::

      {
          "widgets": [{"id": "w-1", "size": 3}]
      }
"""


def _success(document: dict, path: str) -> dict:
    responses = document["paths"][path]["get"]["responses"]
    return responses["200"]["content"]["application/json"]["schema"]


def test_a_sentence_under_the_table_links_the_field_to_its_members(tmp_path):
    document, report = _build(tmp_path, {"widget/overview.rst": POINTER_MODEL_RST,
                                         "widget/show.rst": POINTER_SHOW_RST,
                                         "widget/list.rst": POINTER_LIST_RST})
    show = _success(document, "/v2.0/widgets/{widget_id}")["properties"]
    assert show["widget"]["properties"]["size"]["type"] == "integer"
    assert show["widget"]["properties"]["id"]["description"] == "Specifies the ID."
    assert show["owner"]["properties"]["user"]["description"] == "Specifies the user."
    items = _success(document, "/v2.0/widgets")["properties"]["widgets"]["items"]
    assert set(items["properties"]) == {"id", "size"}
    assert report["consistency"]["keys_undocumented"] == 0


def test_a_sentence_naming_no_row_links_nothing(tmp_path):
    page = POINTER_SHOW_RST.replace("about the **widget** field", "about the **gadget** field")
    document, report = _build(tmp_path, {"widget/overview.rst": POINTER_MODEL_RST,
                                         "widget/show.rst": page})
    widget = _success(document, "/v2.0/widgets/{widget_id}")["properties"]["widget"]
    assert all(m.get("x-docs2spec-inferred") for m in widget.get("properties", {}).values())
    assert report["consistency"]["keys_undocumented"] == 2


def test_a_sentence_naming_a_section_table_names_no_field():
    from generator.dialects.huawei import _FIELD_POINTER
    assert _FIELD_POINTER.match("For details about the direct_connect field, see Table 1.")
    assert _FIELD_POINTER.match("-  For details about the virtual_gateway field, see Table 1.")
    assert not _FIELD_POINTER.match("For details about the response parameters, see Table 3.")
    assert not _FIELD_POINTER.match("For details about common request headers, see Table 2.")
