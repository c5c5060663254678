"""Cells that must not become fields: a row shifted by a column the header leaves empty, XML
element names with their namespace, a name cell naming two fields (`a or b`)."""

from __future__ import annotations

from generator.consistency import is_placeholder_name
from generator.ir.model import Schema
from generator.ir.xmlsample import plain_view, xml_to_json
from generator.sources import markdown
from generator.sources.tree import Table
from tests.test_otc_conventions import build, page, table

# one cell per line; the header ends with an empty column (`| |`) that some rows give
# (`| |` on a line of its own) and others leave out (their last cell closes with ` |`)
OPEN_LAST_MD = """\
# UpdateGadgets

## RequestBody

|名称

|类型

|描述

| |
|----|----|----|--|
|gadgetId

|String

|The gadget.

| |
|size

|Integer

|The size. |
|colour

|String

|The colour.

| |
|weight

|Integer

|The weight. |

More text.
"""


def _tables(text: str) -> list[Table]:
    return [n for n in markdown.read("p.md", text).nodes if isinstance(n, Table)]


def test_a_row_leaving_out_the_headers_empty_last_column_is_realigned():
    [found] = _tables(OPEN_LAST_MD)
    assert [r.cells for r in found.rows] == [
        ("gadgetId", "String", "The gadget.", ""), ("size", "Integer", "The size.", ""),
        ("colour", "String", "The colour.", ""), ("weight", "Integer", "The weight.", "")]
    assert [r.loc.line for r in found.rows] == [
        n for n, line in enumerate(OPEN_LAST_MD.splitlines(), 1)
        if line in ("|gadgetId", "|size", "|colour", "|weight")]


def test_a_short_row_under_a_full_last_column_still_runs_on():
    # the header's last column is named: a row closing early is not complete, it runs on
    text = OPEN_LAST_MD.replace("|描述\n\n| |\n|----", "|描述\n\n|备注 |\n|----")
    [found] = _tables(text)
    assert found.header[-1] == "备注"
    assert found.rows[1].cells[0] == "size" and "colour" in found.rows[1].cells[-1]


NAMESPACED = """\
<md:Entity xmlns:md="urn:example:meta" xmlns:ds="urn:example:sig">
  <ds:Signature><ds:Value>abc</ds:Value></ds:Signature>
  <md:Name>gadget</md:Name>
  <md:Name>widget</md:Name>
</md:Entity>"""


def test_xml_element_names_are_read_without_their_namespace():
    assert plain_view(NAMESPACED) == {"Signature": {"Value": "abc"}, "Name": ["gadget", "widget"]}
    tag, value = xml_to_json(NAMESPACED, Schema(kind="object"))
    assert tag == "Entity" and set(value) == {"Signature", "Name"}
    assert not any(is_placeholder_name(name) for name in value)


def test_an_xml_sample_without_a_table_gives_local_field_names(tmp_path):
    sample = "\n".join("   " + line for line in NAMESPACED.splitlines())
    text = page("Querying the Gadget Metadata", "GET /v1/gadgets/metadata", "None", "",
                sample)
    document, report = build(tmp_path, {"metadata.rst": text})
    names = _all_names(document)
    assert "Signature" in names and "Value" in names
    assert not [n for n in names if n.startswith("{")]
    assert report["consistency"]["placeholder_fields"] == 0


def _all_names(node) -> set[str]:
    out: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                out.update(value)
            out |= _all_names(value)
    elif isinstance(node, list):
        for value in node:
            out |= _all_names(value)
    return out


HEADER = ("Parameter", "Mandatory", "Type", "Description")


def test_a_name_cell_naming_two_fields_gives_both_neither_required(tmp_path):
    request = table("Request body", HEADER, ("agency_name", "Yes", "String", "The agency."),
                    ("domain_name or domain_id", "Yes", "String", "The domain name or ID."),
                    ("size", "No", "Integer", "The size."))
    text = page("Creating a Gadget", "POST /v1/gadgets", request)
    document, report = build(tmp_path, {"creating.rst": text})
    body = document["paths"]["/v1/gadgets"]["post"]["requestBody"]["content"][
        "application/json"]["schema"]
    body = _resolve(document, body)
    assert {"agency_name", "domain_name", "domain_id", "size"} <= set(body["properties"])
    assert "domain_name or domain_id" not in body["properties"]
    assert "agency_name" in body.get("required", ())
    assert not {"domain_name", "domain_id"} & set(body.get("required", ()))
    [note] = [d for d in report["diagnostics"] if d["code"] == "parameter-alternatives"]
    line = next(n for n, li in enumerate(text.splitlines(), 1) if "domain_name or" in li)
    assert note["source"].endswith(f"creating.rst:{line}")
    assert report["consistency"]["placeholder_fields"] == 0
    assert report["consistency"]["rows_duplicated"] == 0


def test_a_phrase_with_or_is_not_split(tmp_path):
    request = table("Request body", HEADER, ("name", "Yes", "String", "The name."),
                    ("either one or other", "No", "String", "Not a pair of names."))
    text = page("Creating a Gadget", "POST /v1/gadgets", request)
    _, report = build(tmp_path, {"creating.rst": text})
    assert not [d for d in report["diagnostics"] if d["code"] == "parameter-alternatives"]


def _resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema
