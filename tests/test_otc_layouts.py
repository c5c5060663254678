"""More conventions of Huawei-style (Open Telekom Cloud) reStructuredText pages, found on
several products of the development corpus. Every page here is constructed: the layout of
those pages, with made-up names."""

from __future__ import annotations

import json

from generator.ir.listbody import is_items_row
from tests.test_otc_conventions import build, indent, page, resolve, success, table


def _rst_table(number: int, caption: str, anchor: str, header: tuple[str, ...],
               *rows: tuple[str, ...]) -> str:
    text = table(caption, header, *rows).replace("**Table 1**", f"**Table {number}**")
    return f".. _{anchor}:\n\n{text}"


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
                     "The readings. See :ref:`Table 2 <reading>`.")) + "\n" + _rst_table(
        2, "reading field description", "reading", ("Parameter", "Mandatory", "Type",
                                                    "Description"),
        ("metric", "Yes", "String", "The metric."), ("value", "Yes", "Integer", "The value."))
    response = table("Response parameters", ("Parameter", "Type", "Description"),
                     ("[items]", "Array of objects", "The stored readings. See :ref:`Table 3 <stored>`.")) + \
        "\n" + _rst_table(3, "reading_id field description", "stored",
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


# --- a nested row pointing back at the main table -------------------------------------------

def test_a_row_pointing_back_at_the_response_table_keeps_that_table_the_body(tmp_path):
    response = _rst_table(3, "Response parameters", "resp", ("Parameter", "Type", "Description"),
                          ("kind", "String", "The kind."),
                          ("spec", ":ref:`spec <spec>` object", "The task details.")) + "\n" + \
        _rst_table(4, "Data structure of the spec field", "spec",
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
