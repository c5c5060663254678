"""Rows the output drops for a reason are named, line by line, by the finding that says why
(nothing lost silently); rows the page places are placed."""

from __future__ import annotations

from tests.test_otc_conventions import build, linked_table, page, success, table

HEADER = ("Parameter", "Mandatory", "Type", "Description")
RESPONSE_HEADER = ("Parameter", "Type", "Description")


def _lines(report: dict, code: str) -> list[int]:
    return sorted(int(loc.rsplit(":", 1)[1]) for d in report["diagnostics"] if d["code"] == code
                  for loc in d["related"])


def _row_lines(text: str, *names: str) -> list[int]:
    return sorted(n for n, line in enumerate(text.splitlines(), 1)
                  if line.split() and line.split()[0] in names and "|" not in line)


def test_the_rows_of_a_shadowed_operation_are_named_by_the_finding(tmp_path):
    # one route, two bodies with the same keys (not told apart): the second page loses it
    first = page("Creating a Gadget", "POST /v1/gadgets", table(
        "Request body", HEADER, ("name", "Yes", "String", "The name."),
        ("size", "No", "Integer", "The size.")))
    second = page("Creating a Widget", "POST /v1/gadgets", table(
        "Request body", HEADER, ("name", "Yes", "Integer", "The name number."),
        ("size", "No", "String", "The size class.")))
    _, report = build(tmp_path, {"a_gadget.rst": first, "b_widget.rst": second})
    assert report["consistency"]["operations_shadowed"] == 1
    assert report["consistency"]["rows_lost"] == 0
    related = [loc for d in report["diagnostics"] if d["code"] == "operation-shadowed"
               for loc in d["related"]]
    shadowed = "b_widget.rst" if any("b_widget.rst" in r for r in related) else "a_gadget.rst"
    assert {int(r.rsplit(":", 1)[1]) for r in related if shadowed in r} >= \
        set(_row_lines(second, "name", "size"))


def test_a_page_without_a_request_line_names_the_rows_it_skips(tmp_path):
    uri = "-  URI format\n\n   PATH: /v1/{project_id}/gadgets/{gadget_id}\n\n   Method: DELETE\n"
    params = table("Parameter description", ("Name", "Mandatory", "Description"),
                   ("project_id", "Yes", "The project."), ("gadget_id", "Yes", "The gadget."))
    # (no response section: nothing says the page documents a call)
    skipped = page("Deleting a Gadget", uri, params).split("Response\n--------")[0]
    other = page("Querying Gadgets", "GET /v1/gadgets", "None", table(
        "Response body", RESPONSE_HEADER, ("count", "Integer", "The count.")),
        '   {"count": 1}')
    _, report = build(tmp_path, {"deleting.rst": skipped, "querying.rst": other})
    [note] = [d for d in report["diagnostics"] if d["code"] == "page-not-reference"]
    assert note["severity"] == "warning" and note["source"].endswith("deleting.rst:1")
    assert _lines(report, "page-not-reference") == _row_lines(skipped, "project_id", "gadget_id")
    assert report["consistency"]["rows_lost"] == 0


def _error_status(status: int, number: int) -> str:
    return f"**Status code: {status}**\n\n" + table(
        "Response body parameter", RESPONSE_HEADER, ("error", "Object", "Error message"),
        number=number) + "\n" + table("ErrorDetail", RESPONSE_HEADER,
                                      ("error_code", "String", "Error code"),
                                      ("error_msg", "String", "Error information"),
                                      number=number + 1)


def test_every_copy_of_an_unplaced_type_table_is_named(tmp_path):
    response = "**Status code: 200**\n\n" + table(
        "Response body parameter", RESPONSE_HEADER, ("key_id", "String", "The key."),
        number=2) + "\n" + _error_status(400, 3) + "\n" + _error_status(404, 5)
    text = page("Querying a Public Key", "POST /v1/keys/public", "None", response,
                '   {"key_id": "k1"}')
    _, report = build(tmp_path, {"querying.rst": text})
    assert _lines(report, "type-unplaced") == _row_lines(text, "error_code", "error_msg")
    assert len(_row_lines(text, "error_code")) == 2
    assert report["consistency"]["rows_lost"] == 0


def test_a_response_table_named_like_a_request_type_is_placed_on_its_own_side(tmp_path):
    request = table("Request body", HEADER, ("persistence", "No", "Object",
                                             "See :ref:`Table 2 <req_persistence>`.")) + "\n" + \
        linked_table(2, "**persistence** parameter description", "req_persistence", HEADER,
                     ("type", "Yes", "String", "The type."))
    response = table("Response body", RESPONSE_HEADER,
                     ("persistence", "Object", "The sticky session."), number=3) + "\n" + \
        table("**persistence** parameter description", RESPONSE_HEADER,
              ("type", "String", "The type."), ("timeout", "Integer", "The timeout."), number=4)
    text = page("Updating a Pool", "PUT /v1/pools", request, response,
                '   {"persistence": {"type": "SOURCE_IP", "timeout": 3}}')
    document, report = build(tmp_path, {"updating.rst": text})
    schema = success(document, "/v1/pools", "put")["properties"]["persistence"]
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    assert set(schema["properties"]) == {"type", "timeout"}
    assert report["consistency"]["rows_lost"] == 0


def test_the_table_of_a_row_the_output_does_not_keep_is_named(tmp_path):
    request = table("Request body", HEADER, ("name", "No", "String", "The name."),
                    ("images", "No", "Array of objects", "The images."), number=1) + "\n" + \
        table("Request body for import", HEADER, ("name", "No", "String", "The name."),
              ("images", "No", "Array of objects", "See :ref:`Table 3 <import_images>`."),
              number=2) + "\n" + \
        linked_table(3, "Data structure description of the images field", "import_images",
                     HEADER, ("image_url", "Yes", "String", "The URL."),
                     ("min_disk", "Yes", "Integer", "The size."))
    response = table("Response body", RESPONSE_HEADER, ("job_id", "String", "The job."),
                     number=4)
    text = page("Creating an Image", "POST /v1/images", request, response,
                '   {"job_id": "j1"}')
    _, report = build(tmp_path, {"creating.rst": text})
    assert _lines(report, "type-unused") == _row_lines(text, "image_url", "min_disk")
    assert report["consistency"]["rows_lost"] == 0


MISSPELT_XML_MD = """\
# UpdateSprocketWeight

Changes a sprocket's weight.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|UpdateSprocketWeight|The operation.|
|Weight|Integer|Yes|2|The weight.|

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|Weight|Integer|2|The weight.|
|RequestId|String|A7-0E|The request ID.|

## Examples

Request example

```
GET https://demo.aliyuncs.com/?Action=UpdateSprocketWeight&Weight=2
```

XML response example

```
<UpdateSprocketWeightResponse>
  <RequestId>A7-0E</RequestId>
  <Wieght>2</Wieght>
</UpdateSprocketWeightResponse>
```

JSON response example

```
{"RequestId": "A7-0E", "Weight": 2}
```
"""


def test_a_key_only_an_xml_sample_shows_is_reported_for_its_operation():
    from generator.build import infer_version
    from generator.consistency import check_consistency
    from generator.manifest import Manifest
    from generator.pipeline import product_from_results, read_and_extract

    results = [read_and_extract("UpdateSprocketWeight.md", MISSPELT_XML_MD, None, None)]
    manifest = Manifest(provider="alibabacloud", product="demo", title="demo",
                        version=infer_version(results, "rpc"), style="rpc")
    product = product_from_results(manifest, results, ("UpdateSprocketWeight.md",))
    [left_out] = [d for d in product.diagnostics if d.code == "field-undocumented"]
    assert left_out.message.startswith("Wieght:") and left_out.operation == \
        "UpdateSprocketWeight"
    totals = check_consistency(product, results).totals()
    assert totals["keys_undocumented"] >= 1 and totals["keys_unreported"] == 0
