"""Sentences that only point at the page's own tables ("For details, see Table 2.", "详情请参见
表3。") leave the descriptions users read and stay in provenance (`x-docs2spec-see`). Every page
here is constructed."""

from __future__ import annotations

import json

import pytest

from generator.build import build_pages
from generator.dialects.prose.references import split_references
from tests.conftest import inline_components

PAGE = """\
# DescribeWidget

Call DescribeWidget to query a widget.

## Request parameters

|Parameter|Type|Required|Example|Description|
|--|--|----|---|--|
|Action|String|Yes|DescribeWidget|The operation. Set the value to **DescribeWidget**. |
|WidgetId|String|Yes|wd-123|The ID of the widget. For details, see Table 2. |
|Mode|String|No|fast|See Table 3. |
|Zone|String|No|z-1|地域ID。详情请参见表3。 |

## Response parameters

|Parameter|Type|Example|Description|
|--|--|---|--|
|WidgetId|String|wd-123|The ID of the widget. It can be used by other calls (see Table 4). |
|RequestId|String|365F4154|The request ID. |

## Examples

Sample success responses

`JSON` format

```
{
    "WidgetId": "wd-123",
    "RequestId": "365F4154"
}
```
"""


@pytest.mark.parametrize(("text", "kept", "pointers"), [
    ("Specifies the bandwidth objects. For details, see Table 3.",
     "Specifies the bandwidth objects.", ("For details, see Table 3.",)),
    ("- The type. For details, see Table 7.\n- WHOLE is shared.", "- The type.\n- WHOLE is shared.",
     ("For details, see Table 7.",)),
    ("For details about all its values, see Table 1.", "",
     ("For details about all its values, see Table 1.",)),
    ("带宽对象。详情请参见表3。", "带宽对象。", ("详情请参见表3。",)),
    ("云服务器列表，详细参见表4。", "云服务器列表。", ("详细参见表4。",)),
    ("Resource list For details, see Table 6.", "Resource list.",
     ("For details, see Table 6.",)),
    ("Available for clusters. For details, see Table 3 and Table 4.", "Available for clusters.",
     ("For details, see Table 3 and Table 4.",)),
    ("Whether GPUs are supported. See Table 2 for its value. If unset, none.",
     "Whether GPUs are supported. If unset, none.", ("See Table 2 for its value.",)),
    ("The parameter ID. For the possible values, see the Parameter ID column in Table 4.",
     "The parameter ID.", ("For the possible values, see the Parameter ID column in Table 4.",)),
    # facts or words beyond the pointer stay
    ("If action is add, see Table 3 for details about the parameters.",
     "If action is add, see Table 3 for details about the parameters.", ()),
    ("Set fields as described in Table 14.", "Set fields as described in Table 14.", ()),
    ("The value can be A or B (see Table 3).", "The value can be A or B (see Table 3).", ()),
    ("Valid values: see Table 3.", "Valid values: see Table 3.", ()),
    ("See the table below.", "See the table below.", ()),
])
def test_pointer_sentences_are_split_off(text, kept, pointers):
    assert split_references(text) == (kept, pointers)


def test_descriptions_lose_the_pointers_and_provenance_keeps_them(tmp_path):
    page = tmp_path / "DescribeWidget.md"
    page.write_text(PAGE, encoding="utf-8")
    builds, broken = build_pages([page], tmp_path / "out", write=False)
    assert broken == 0
    [operation] = builds[0].product.operations
    document = builds[0].files["alibabacloud/api/openapi.json"]
    params = {p.name: p.schema for p in operation.parameters}
    texts = {name: dict(schema.description) for name, schema in params.items()}
    assert texts["WidgetId"] == {"en": "The ID of the widget."}
    assert params["WidgetId"].see == ("For details, see Table 2.",)
    assert texts["Mode"] == {} and params["Mode"].see == ("See Table 3.",)
    assert texts["Zone"] == {"zh": "地域ID。"} and params["Zone"].see == ("详情请参见表3。",)
    openapi = inline_components(json.loads(document))
    widget = next(p for p in openapi["paths"]["/#Action=DescribeWidget"]["parameters"]
                  if p["name"] == "WidgetId")
    assert widget["schema"]["x-docs2spec-see"] == ["For details, see Table 2."]
    assert "Table 2" not in json.dumps(widget.get("description", "")) + json.dumps(
        widget["schema"].get("description", ""))
    # a pointer inside a sentence that says more is left alone
    response = openapi["paths"]["/#Action=DescribeWidget"]
    assert "(see Table 4)" in json.dumps(response)
