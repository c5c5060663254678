"""Conventions of Huawei-style (Open Telekom Cloud) pages found on several products (message
queues, caches, databases). Every page here is constructed: it keeps the layout of those pages
with made-up names."""

from __future__ import annotations

import json

from generator.ir.misspelt import misspelling_of
from tests.test_otc_conventions import build, indent, page, table

QUERY_TABLE = table("Query Parameters", ("Parameter", "Mandatory", "Type", "Description"),
                    ("offset", "No", "Integer", "Offset of the query."),
                    ("limit", "No", "Integer", "Number of records."),
                    ("begin_time", "No", "String", "Start of the period."), number=2)


def _gadget_list(example: str) -> str:
    uri = "GET /v2/{project_id}/gadgets\n\n" + table(
        "Path Parameters", ("Parameter", "Mandatory", "Type", "Description"),
        ("project_id", "Yes", "String", "The project ID.")) + "\n" + QUERY_TABLE
    response = table("Response body parameters", ("Parameter", "Type", "Description"),
                     ("count", "Integer", "The number of gadgets."), number=3)
    request = f"None\n\nExample request:\n\n.. code-block:: text\n\n   {example}\n"
    return page("Querying Gadgets", uri, request, response, indent(json.dumps({"count": 1})))


def test_misspellings_of_a_documented_name():
    documented = ["offset", "limit", "begin_time", "end_time"]
    assert misspelling_of("offest", documented) == "offset"
    assert misspelling_of("beginTime", documented) == "begin_time"
    assert misspelling_of("begin_Time", documented) == "begin_time"
    assert misspelling_of("BEGIN-TIME", documented) == "begin_time"
    # other words: a different name, a short swap, a documented name itself
    assert misspelling_of("start", documented) is None
    assert misspelling_of("page_reverse", documented) is None
    assert misspelling_of("form", ["from"]) is None
    assert misspelling_of("offset", documented) is None
    # two documented names it could misspell: neither is assumed
    assert misspelling_of("beginTime", ["begin_time", "BeginTime"]) is None


def test_an_example_query_key_misspelling_a_documented_parameter_adds_none(tmp_path):
    """`?offest=0&beginTime=1&page_reverse=true` beside a table documenting `offset` and
    `begin_time`: the first two are those parameters misspelt (reported, nothing added); the
    third is a parameter the table does not document (added, inferred, as before)."""
    document, report = build(tmp_path, {"querying_gadgets.rst": _gadget_list(
        "GET https://{endpoint}/v2/{project_id}/gadgets?offest=0&limit=10&beginTime=1"
        "&page_reverse=true")})
    operation = document["paths"]["/v2/{project_id}/gadgets"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names == {"project_id", "offset", "limit", "begin_time", "page_reverse"}
    misspelt = {d["message"].split(":")[0]: d for d in report["diagnostics"]
                if d["code"] == "query-sample-misspelt"}
    assert set(misspelt) == {"offest", "beginTime"}
    assert "offset" in misspelt["offest"]["message"]
    assert misspelt["offest"]["source"].endswith(".rst:" + misspelt["offest"]["source"]
                                                 .rsplit(":", 1)[1])
    added = {d["message"].split(":")[0] for d in report["diagnostics"]
             if d["code"] == "query-from-sample"}
    assert added == {"page_reverse"}
