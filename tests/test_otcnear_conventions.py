"""Conventions of Huawei-style (Open Telekom Cloud) pages found on several products (message
queues, caches, databases). Every page here is constructed: it keeps the layout of those pages
with made-up names."""

from __future__ import annotations

import json

from generator.ir.misspelt import misspelling_of
from tests.test_otc_conventions import build, indent, page, resolve, success, table

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


def _settings_page(sample: dict) -> str:
    fields = ("Parameter", "Type", "Description")
    response = table("Response body parameters", fields,
                     ("name", "String", "The gadget name."),
                     ("settings", "Object", "The gadget's settings. For details, see "
                      ":ref:`Table 3 <gadget_settings>`."), number=2) + \
        "\n.. _gadget_settings:\n\n" + table(
            "settings field data structure description", fields,
            ("key", "String", 'The setting name. In "timeout": "15", the key is timeout.'),
            ("value", "String", 'The setting value. In "timeout": "15", the value is 15.'),
            number=3)
    return page("Querying a Gadget", "GET /v3/gadgets/{gadget_id}", "None", response,
                indent(json.dumps(sample)))


def test_a_key_and_value_table_whose_samples_hold_other_keys_is_a_dictionary(tmp_path):
    """`settings | Object` documented by the rows `key` and `value`, every sample shows
    `"settings": {"timeout": "15", "mode": "fast"}`: the rows describe one entry of a
    dictionary (database and engine parameter templates are written this way), so the object
    takes any key, each holding a `value`; the `key` row is named by a diagnostic."""
    document, report = build(tmp_path, {"querying_a_gadget.rst": _settings_page(
        {"name": "g1", "settings": {"timeout": "15", "mode": "fast"}})})
    settings = resolve(document, success(document, "/v3/gadgets/{gadget_id}", "get")
                       ["properties"]["settings"])
    assert "properties" not in settings or not settings["properties"]
    assert resolve(document, settings["additionalProperties"])["type"] == "string"
    found = [d for d in report["diagnostics"] if d["code"] == "sample-key-value-map"]
    assert len(found) == 1 and found[0]["message"].startswith("settings:")
    assert report["consistency"]["rows_lost"] == 0


def test_a_key_and_value_table_whose_samples_show_those_names_stays_an_object(tmp_path):
    document, report = build(tmp_path, {"querying_a_gadget.rst": _settings_page(
        {"name": "g1", "settings": {"key": "timeout", "value": "15"}})})
    settings = resolve(document, success(document, "/v3/gadgets/{gadget_id}", "get")
                       ["properties"]["settings"])
    assert set(settings["properties"]) == {"key", "value"}
    assert not any(d["code"] == "sample-key-value-map" for d in report["diagnostics"])
