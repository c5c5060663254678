"""The truth-free consistency check (`generator/consistency.py`): each invariant is seen to
fail on a small constructed case, and its totals reach report.json and the build summary."""

from __future__ import annotations

import json
from pathlib import Path

from generator.build import build_pages
from generator.commands.summary import summary_lines
from generator.consistency import check_consistency, is_placeholder_name
from generator.ir.model import (
    FieldRow,
    FieldTable,
    Operation,
    PageExtract,
    Parameter,
    Product,
    Response,
    Sample,
    Schema,
)
from generator.location import SourceLoc
from generator.pipeline import PageResult

PAGE = "p.rst"


def _loc(line: int) -> SourceLoc:
    return SourceLoc(PAGE, line)


def _product(*operations: Operation, diagnostics=()) -> Product:
    return Product("p", "api", "api", "v1", "rest", operations=operations,
                   diagnostics=tuple(diagnostics))


def _operation(response: Schema, samples=(), parameters=()) -> Operation:
    return Operation("ShowThing", "rest", ("GET",), "/v1/things/{id}", pages=(PAGE,),
                     parameters=tuple(parameters), responses=(Response(200, response),),
                     samples=tuple(samples), loc=_loc(1))


THING = Schema(kind="object", properties=(
    ("id", Schema(kind="string", loc=_loc(10))),
    ("size", Schema(kind="integer", loc=_loc(11))),
))


def test_a_sample_the_schema_rejects_and_a_key_no_table_documents_are_counted():
    sample = Sample("response", "json", "{}", {"id": "a", "size": "big", "colour": "red"},
                    loc=_loc(30))
    result = check_consistency(_product(_operation(THING, [sample])))
    totals = result.totals()
    assert totals["samples"] == 1 and totals["samples_rejected"] == 1
    assert totals["sample_keys"] == 3 and totals["keys_unreported"] == 1
    codes = {d.code for d in result.diagnostics}
    assert {"sample-rejected", "sample-key-undocumented"} <= codes


def test_a_valid_documented_sample_is_clean():
    sample = Sample("response", "json", "{}", {"id": "a", "size": 3}, loc=_loc(30))
    totals = check_consistency(_product(_operation(THING, [sample]))).totals()
    assert totals["samples_rejected"] == 0 and totals["keys_undocumented"] == 0
    assert totals["sample_keys"] == 2


def _result(rows: tuple[FieldRow, ...]) -> PageResult:
    extract = PageExtract(page=PAGE, conventions=Operation("x", "rest", (), "").conventions,
                          language="en", operation_id="ShowThing", style="rest",
                          methods=("GET",), path="/v1/things/{id}",
                          responses=(FieldTable(rows=rows, loc=_loc(9)),))
    return PageResult(PAGE, extract)


def test_rows_are_placed_once_lost_or_duplicated():
    rows = (FieldRow("id", Schema(kind="string"), loc=_loc(10)),
            FieldRow("size", Schema(kind="integer"), loc=_loc(11)),
            FieldRow("name", Schema(kind="string"), loc=_loc(12)))
    both = Parameter("id", "query", Schema(kind="string", loc=_loc(10)), loc=_loc(10))
    result = check_consistency(_product(_operation(THING, parameters=[both])), [_result(rows)])
    totals = result.totals()
    assert totals["rows"] == 3
    assert totals["rows_placed"] == 1  # size
    assert totals["rows_duplicated"] == 1  # id: a parameter and a response field
    assert totals["rows_lost"] == 1  # name
    assert {d.code for d in result.diagnostics} == {"row-duplicated", "row-lost"}


def test_a_row_a_diagnostic_names_is_reported_not_lost():
    from generator.ir.model import Diagnostic

    rows = (FieldRow("name", Schema(kind="string"), loc=_loc(12)),)
    skipped = Diagnostic("warning", "row-skipped", "no name", _loc(12))
    totals = check_consistency(_product(_operation(THING), diagnostics=[skipped]),
                               [_result(rows)]).totals()
    assert totals["rows_reported"] == 1 and totals["rows_lost"] == 0


def test_placeholder_names_are_not_wire_names():
    for name in ("公共请求参数", "Common request parameters", "<公共请求参数>", "‹common›", "..."):
        assert is_placeholder_name(name), name
    for name in ("X-Auth-Token", "Tag.N.Key", "alpha.cce/preInstall", "$ref", "@type", "id"):
        assert not is_placeholder_name(name), name
    assert is_placeholder_name("CommonParameters", (r"common\s*parameters",))
    schema = Schema(kind="object", properties=(("公共返回参数", Schema(kind="string",
                                                                       loc=_loc(10))),))
    totals = check_consistency(_product(_operation(schema))).totals()
    assert totals["placeholder_fields"] == 1


PAGE_RST = """\
Querying a Widget
=================

URI
---

GET /v1/{project_id}/widgets/{widget_id}

.. table:: **Table 1** Path parameters

   ========== ========= ====== ===============
   Parameter  Mandatory Type   Description
   ========== ========= ====== ===============
   project_id Yes       String The project ID.
   widget_id  Yes       String The widget ID.
   ========== ========= ====== ===============

Response
--------

.. table:: **Table 2** Response body parameters

   ========= ======= ==================
   Parameter Type    Description
   ========= ======= ==================
   id        String  The widget ID.
   size      Integer The widget size.
   ========= ======= ==================

Example response

.. code-block::

   {"id": "w-1", "size": 3}
"""


def test_totals_reach_report_json_and_the_build_summary(tmp_path):
    page = tmp_path / "pages" / "querying_a_widget.rst"
    page.parent.mkdir()
    page.write_text(PAGE_RST, encoding="utf-8")
    builds, _ = build_pages([page.parent], tmp_path / "out", product="demo")
    report = json.loads((Path(tmp_path / "out" / builds[0].manifest.provider / "demo" /
                              "report.json")).read_text(encoding="utf-8"))
    totals = report["consistency"]
    assert totals["samples"] == 1 and totals["samples_rejected"] == 0
    assert totals["rows"] == 4 and totals["rows_placed"] == 4
    assert report["pages"][0]["consistency"]["rows"] == 4
    line = next(li for li in summary_lines(builds) if "consistency:" in li)
    assert "rows 4/4 placed" in line and "samples 1/1 valid" in line


def test_placeholder_rows_named_by_the_dialect_record_are_dropped_and_reported():
    from generator.dialects.alibaba import CONVENTIONS
    from generator.ir.placeholders import drop_placeholder_rows

    rows = (FieldRow("RegionId", Schema(kind="string"), loc=_loc(10)),
            FieldRow("<公共请求参数>", Schema(kind="string"), loc=_loc(11)),
            FieldRow("Common response parameters", Schema(kind="string"), loc=_loc(12)))
    extract = PageExtract(page=PAGE, conventions=CONVENTIONS, language="zh",
                          operation_id="DescribeThings", style="rpc",
                          request=(FieldTable(rows=rows, loc=_loc(9)),))
    found = []
    cleaned = drop_placeholder_rows(extract, found)
    assert [r.name for r in cleaned.request[0].rows] == ["RegionId"]
    assert [d.loc.line for d in found if d.code == "row-placeholder"] == [11, 12]


def test_keys_under_a_scalar_the_sample_shows_as_an_object_are_reported_by_its_widening():
    # `Config | String` whose sample is an object: the schema accepts the object (`also_kinds`,
    # reported by `sample-type` at the field), so its keys are undocumented but not unreported;
    # a scalar the sample does not widen keeps counting them as unreported.
    widened = Schema(kind="object", properties=(
        ("config", Schema(kind="string", also_kinds=("object",), loc=_loc(10))),))
    plain = Schema(kind="object", properties=(("config", Schema(kind="string", loc=_loc(10))),))
    sample = Sample("response", "json", "{}", {"config": {"a": 1, "b": [{"c": 2}]}},
                    loc=_loc(30))
    totals = check_consistency(_product(_operation(widened, [sample]))).totals()
    assert totals["keys_undocumented"] == 3 and totals["keys_unreported"] == 0
    totals = check_consistency(_product(_operation(plain, [sample]))).totals()
    assert totals["keys_unreported"] == 2
