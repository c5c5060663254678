"""Which pages are operations: common-parameter and "how to call" pages are skipped with a note,
pages that name their URI only in the example request still become operations, and samples
with a forgotten comma are repaired (and said to be)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.build import build_pages
from generator.dialects.samples import read_sample
from generator.location import SourceLoc
from generator.sources.tree import CodeBlock

COMMON_PARAMETERS_MD = """\
# Common parameters {#concept_1 .concept}

Every request carries these parameters.

|Name|Type|Required|Description|
|----|----|--------|-----------|
|Format|String|No|The format of the response. Valid values: JSON and XML.|
|Version|String|Yes|The version of the API.|

## Response sample

```
{
    "RequestId": "4C467B38-3910-447D-87BC-AC049166F216"
    /* the data of the operation */
}
```
"""

CALLING_APIS_RST = """\
Making an API Request
=====================

This section describes the structure of a REST API request.

.. table:: **Table 1** Common fields in request headers

   +--------------+---------------------------+-----------+
   | Parameter    | Description               | Mandatory |
   +==============+===========================+===========+
   | Content-Type | Type of the message body. | Yes       |
   +--------------+---------------------------+-----------+
   | X-Auth-Token | A user token.             | No        |
   +--------------+---------------------------+-----------+

.. code-block::

   POST https://iam.example.com/v3/auth/tokens
"""

VERSIONS_RST = """\
Querying API Versions
=====================

Function
--------

This API is used to query all available versions of an API.

URI
---

GET

Request Message
---------------

None

Example request

.. code-block:: text

   GET https://{Endpoint}/

Response Message
----------------

.. table:: **Table 1** Response parameter

   +-----------+--------+---------------------+
   | Parameter | Type   | Description         |
   +===========+========+=====================+
   | versions  | String | The API versions.   |
   +-----------+--------+---------------------+

Example response

.. code-block::

   {"versions": "v1"}
"""


def _build(tmp_path: Path, name: str, text: str) -> tuple[dict, dict | None]:
    page = tmp_path / "pages" / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    [build], broken = build_pages([page.parent], tmp_path / "out")
    folder = tmp_path / "out" / build.product.provider / build.product.name
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    openapi = folder / "openapi.json"
    return report, json.loads(openapi.read_text(encoding="utf-8")) if openapi.exists() else None


def _codes(report: dict, severity: str) -> list[str]:
    return [d["code"] for d in report["diagnostics"] if d["severity"] == severity]


def test_common_parameters_page_is_skipped_with_a_note(tmp_path):
    report, openapi = _build(tmp_path, "Common parameters.md", COMMON_PARAMETERS_MD)
    assert _codes(report, "error") == []
    [note] = [d for d in report["diagnostics"] if d["code"] == "page-not-reference"]
    assert note["severity"] == "info" and note["source"].endswith("Common parameters.md:1")
    assert openapi is None or not openapi["paths"]


def test_how_to_call_page_is_skipped_not_read_as_an_operation(tmp_path):
    report, openapi = _build(tmp_path, "request.rst", CALLING_APIS_RST)
    assert _codes(report, "error") == []
    assert "page-not-reference" in _codes(report, "info")
    assert openapi is None or not openapi["paths"]


def test_uri_taken_from_the_example_request_when_the_uri_section_names_only_the_method(
        tmp_path):
    report, openapi = _build(tmp_path, "querying_api_versions.rst", VERSIONS_RST)
    assert _codes(report, "error") == []
    assert "uri-from-sample" in _codes(report, "info")
    operation = openapi["paths"]["/"]["get"]
    assert operation["operationId"] == "ListApiVersions"


def test_reference_page_without_any_uri_is_still_an_error(tmp_path):
    page = VERSIONS_RST.replace("   GET https://{Endpoint}/", "   (no request line)")
    report, _ = _build(tmp_path, "querying_api_versions.rst", page)
    assert "no-uri" in _codes(report, "error")


def _sample(text: str):
    return read_sample(CodeBlock(text=text, language="json", loc=SourceLoc("p.md", 7)),
                       "response")


def test_forgotten_comma_at_a_line_end_is_repaired_and_reported():
    sample, diagnostics = _sample('{\n  "a": "x"\n  "b": [1, 2]\n  "c": {"d": true}\n  "e": 1\n}')
    assert sample.value == {"a": "x", "b": [1, 2], "c": {"d": True}, "e": 1}
    assert [d.code for d in diagnostics] == ["sample-repaired"]
    assert diagnostics[0].loc == SourceLoc("p.md", 7)


def test_repair_never_touches_string_content():
    sample, _ = _sample('{\n  "a": "line\\nbreak, \\"q\\""\n  "b": "//not a comment"\n}')
    assert sample.value == {"a": 'line\nbreak, "q"', "b": "//not a comment"}


def test_unbalanced_sample_is_not_guessed_at():
    sample, diagnostics = _sample('{\n  "a": {\n    "b": 1\n  },\n  },\n  "c": 2\n}')
    assert sample.value is None
    assert [d.code for d in diagnostics] == ["sample-invalid"]
