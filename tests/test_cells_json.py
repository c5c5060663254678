"""A row after a JSON-document parameter: a sibling when the document's example is a list of
plain values; a key the document's example does not hold is reported, never dropped."""

from __future__ import annotations

from generator.build import infer_version
from generator.consistency import check_consistency
from generator.manifest import Manifest
from generator.pipeline import product_from_results, read_and_extract
from tests.test_alibaba_conventions import _build, _parameters


def _page(json_example: str, after: str) -> str:
    return f"""\
# CreateGadget

Creates a gadget.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|CreateGadget|The operation. |
|Names|Json|No|{json_example}|The alternative names. |
{after}

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|68-56|The request ID. |

## Examples

Sample requests

```
http(s)://gadget.aliyuncs.com/?Action=CreateGadget
&<Common request parameters>
```

Sample success responses

`JSON` format

```
{{
    "RequestId": "68-56"
}}
```
"""


def test_a_row_after_a_json_list_of_plain_values_is_a_parameter_of_its_own():
    text = _page('\\["a.example.com","b.example.com"\\]', "|Exportable|Boolean|No|true|Whether "
                 "it can be exported. |")
    document, _ = _build({"CreateGadget.md": text})
    params = _parameters(document, "CreateGadget")
    assert params["Exportable"]["in"] == "query"
    assert params["Exportable"]["schema"]["type"] == "boolean"
    assert params["Names"]["schema"]["type"] == "string"


def test_a_key_the_json_documents_example_does_not_hold_is_reported():
    text = _page('\\{"Other":"x"\\}', "|└Inner|String|No|x|A key of the document. |")
    result = read_and_extract("CreateGadget.md", text, None, None)
    document, diagnostics = _build({"CreateGadget.md": text})
    params = _parameters(document, "CreateGadget")
    assert "Inner" not in params
    [note] = [d for d in diagnostics if d.code == "json-keys-unshown"]
    line = next(n for n, li in enumerate(text.splitlines(), 1) if "Inner" in li)
    assert note.loc is not None and note.loc.line == line
    manifest = Manifest(provider="p", product="demo", title="demo",
                        version=infer_version([result], "rpc"), style="rpc")
    product = product_from_results(manifest, [result], ("CreateGadget.md",))
    assert check_consistency(product, [result]).totals()["rows_lost"] == 0
