"""Alibaba page conventions met on products outside the development corpus, each a general
rule tested on a small constructed page (never a copy of a real one): older exported layouts,
repeat lists, placeholder rows, JSON-string parameters, sized types, ROA pages without the usual
headings. The pages are built in memory (no models, no files) to keep the run fast."""

from __future__ import annotations

from generator.build import infer_version
from generator.emitters.context import EmitContext
from generator.manifest import Manifest
from generator.pipeline import product_from_results, read_and_extract
from generator.sources import markdown
from generator.sources.tree import CodeBlock, Heading


def _build(pages: dict[str, str], style: str = "rpc") -> tuple[dict, list]:
    """(OpenAPI document, diagnostics) of pages given as {file name: Markdown}."""
    results = [read_and_extract(name, text, None, None) for name, text in pages.items()]
    manifest = Manifest(provider="alibabacloud", product="demo", title="demo",
                        version=infer_version(results, style), style=style)
    product = product_from_results(manifest, results, tuple(pages))
    return EmitContext(product, tuple(results)).openapi, list(product.diagnostics)


def _operation(document: dict, name: str) -> dict:
    found = [op for item in document["paths"].values() for op in item.values()
             if isinstance(op, dict) and op.get("operationId") == name]
    assert found, f"{name} not among {list(document['paths'])}"
    return found[0]


def _resolve(document: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _response(document: dict, name: str) -> dict:
    operation = _operation(document, name)
    content = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return _resolve(document, content)


def _parameters(document: dict, name: str) -> dict[str, dict]:
    operation = _operation(document, name)
    item = next(i for i in document["paths"].values() if operation in i.values())
    params = [*item.get("parameters", ()), *operation.get("parameters", ())]
    return {p["name"]: p for p in (_resolve(document, p) for p in params)}


# ---------------------------------------------------------------- older exported (DITA) pages

OLD_EXPORT_MD = """\
DescribeGadget (new) {#title}
=============================

Queries a gadget.

Request parameters
------------------

|  Parameter  |  Type   | Required | Example |  Description   |
|-------------|---------|----------|---------|----------------|
| Action      | String  | Yes      | DescribeGadget | The operation. |
| GadgetId    | String  | Yes      | g-1     | The gadget ID. |

Response parameters
-------------------

|  Parameter  |  Type  | Example | Description |
|-------------|--------|---------|-------------|
| Size        | Integer | 3      | The size.   |
| RequestId   | String | 68-56   | The request ID. |

Examples
--------

Sample requests

    http(s)://gadget.aliyuncs.com/? Action=DescribeGadget
    &GadgetId=g-1
    &<Common request parameters>

`JSON` format

    {
        "RequestId": "68-56",
        "Size": 3
    }

-   A list item

    with an indented continuation that is no sample.
"""


def test_setext_titles_and_indented_samples_are_read():
    doc = markdown.read("DescribeGadget (new).md", OLD_EXPORT_MD)
    headings = [n.text for n in doc.nodes if isinstance(n, Heading)]
    assert headings == ["DescribeGadget (new)", "Request parameters", "Response parameters",
                        "Examples"]
    blocks = [n for n in doc.nodes if isinstance(n, CodeBlock)]
    assert len(blocks) == 2
    assert blocks[0].text.startswith("http(s)://gadget.aliyuncs.com/? Action=")
    assert blocks[1].language == "json" and blocks[1].text.startswith("{\n    \"RequestId\"")


def test_an_old_exported_page_is_an_operation_named_by_its_title():
    document, _ = _build({"DescribeGadget (new).md": OLD_EXPORT_MD})
    assert set(_parameters(document, "DescribeGadget")) >= {"GadgetId"}
    response = _response(document, "DescribeGadget")
    assert set(response["properties"]) == {"Size", "RequestId"}
