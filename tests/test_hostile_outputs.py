"""Every output valid for every input (issue 13, defects 1-7): the constructions of the issue,
each built into a product whose files must pass every output invariant
(`scripts/output_invariants.py`: openapi-spec-validator, JSON Schema meta-schema and ECMA-262
patterns, YAML 1.2 = JSON, models import and agree with the schemas, bounded size).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from generator import ecma
from generator.build import build_pages

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("output_invariants",
                                               ROOT / "scripts" / "output_invariants.py")
invariants = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(invariants)  # type: ignore[union-attr]

RPC = """\
# DescribeThings

Describes things.

## Request parameters

|Parameter|Type|Required|Example|Description|
|--|--|--|--|--|
|RegionId|String|Yes|cn|The region.|
{rows}

## Response parameters

|Parameter|Type|Example|Description|
|--|--|--|--|
|RequestId|String|1|The request.|
{response}

## Examples

Sample success responses

```json
{sample}
```
"""

ROA = """\
# GetThing{n}

You can call this operation to get a thing.

## Request syntax

```
GET {path} HTTP/1.1
```

## Request parameters

|Parameter|Type|Position|Required|Example|Description|
|---------|----|--------|--------|-------|-----------|
|project_id|String|Path|Yes|p1|The project. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|5E2E|The ID of the request. |

## Examples

Sample success responses

```json
{{"RequestId": "5E2E"}}
```
"""


def build(tmp_path: Path, pages: dict[str, str]) -> tuple[dict[str, str], dict]:
    """Build the pages; assert every invariant; return (files, report)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    (product,), _ = build_pages([folder], tmp_path / "out", write=False)
    prefix = f"{product.manifest.provider}/{product.manifest.product}/"
    files = {rel.removeprefix(prefix): text for rel, text in product.files.items()}
    size = sum(p.stat().st_size for p in folder.iterdir())
    problems = invariants.check_outputs(files, size)
    assert problems == [], problems
    return files, json.loads(files["report.json"])


def rpc(rows: str = "", response: str = "", sample: str = '{"RequestId": "1"}') -> dict:
    return {"DescribeThings.md": RPC.format(rows=rows, response=response, sample=sample)}


def _class_fields(files: dict[str, str], wire: list[str]) -> None:
    """The request model accepts each wire name into a field of its own."""
    model = invariants.load_models(files["models.py"]).REQUESTS["DescribeThings"]
    values = {name: f"v{i}" if "list" not in name else [f"v{i}"] for i, name in enumerate(wire)}
    dumped = model.model_validate({"RegionId": "cn", **values}).model_dump(by_alias=True,
                                                                           exclude_unset=True)
    assert dumped == {"RegionId": "cn", **values}


def test_names_equal_after_nfkc_get_fields_of_their_own(tmp_path):
    """Defect 1: `ﬁeld` and `ｆｉｅｌｄ`; `E` + U+0301 and `É` (exit 70, "Alias ... conflicts")."""
    names = ["\ufb01eld", "\uff46\uff49\uff45\uff4c\uff44", "field", "E\u0301", "\u00c9"]
    rows = "\n".join(f"|{n}|String|No|x|Field {i}.|" for i, n in enumerate(names))
    files, _ = build(tmp_path, rpc(rows))
    _class_fields(files, names)


def test_a_name_beside_its_keyword_suffix_gets_a_field_of_its_own(tmp_path):
    """Defect 2: a field `list` (array) beside `list_` ("two fields share an attribute name")."""
    rows = ("|list|Array of String|No|x|A list.|\n|list_|String|No|y|Suffix.|\n"
            "|class|String|No|c|Keyword.|\n|class_|String|No|c|Keyword suffix.|")
    files, _ = build(tmp_path, rpc(rows))
    model = invariants.load_models(files["models.py"]).REQUESTS["DescribeThings"]
    sent = {"RegionId": "cn", "list": ["a"], "list_": "b", "class": "c", "class_": "d"}
    assert model.model_validate(sent).model_dump(by_alias=True, exclude_unset=True) == sent


@pytest.mark.parametrize("path", ["/projects/{project id}/things", "/v1/{project_id/things",
                                  "/v2/{{project_id}}/things", "/v3/}x{/{project_id}",
                                  "/v4/{}/{project_id}", "/v5/{a}/{a}/{project_id}",
                                  "/v6/{x:y}/things"])
def test_malformed_path_templates_give_a_valid_document(tmp_path, path):
    """Defect 4: `{project id}`, `{project_id/things`, `{{project_id}}` failed validation."""
    files, report = build(tmp_path, {"GetThing1.md": ROA.format(n=1, path=path)})
    (key,) = json.loads(files["openapi.json"])["paths"]
    assert "project_id" in key or "x_y" in key
    assert {"path-template-repaired", "path-parameter-not-in-path"} & {
        d["code"] for d in report["diagnostics"]}


def test_a_documented_path_parameter_missing_from_the_path_is_kept_as_query(tmp_path):
    files, report = build(tmp_path, {"GetThing1.md": ROA.format(n=1, path="/things")})
    (item,) = json.loads(files["openapi.json"])["paths"].values()
    assert [(p["name"], p["in"]) for p in item["get"]["parameters"]] == [("project_id", "query")]
    assert "path-parameter-not-in-path" in {d["code"] for d in report["diagnostics"]}


def test_mixed_n_and_1_rows_give_one_parameter_each(tmp_path):
    """Defect 5: `Tag.N` and `Tag.1` in one table gave a duplicate parameter `Tag.1`."""
    rows = ("|Tag.N.Key|String|No|k|The tag key.|\n|Tag.1.Key|String|No|k|The first key.|\n"
            "|Id.N|String|No|i|Ids.|\n|Id.1|String|No|i|The first id.|")
    files, report = build(tmp_path, rpc(rows))
    (item,) = json.loads(files["openapi.json"])["paths"].values()
    names = [p["name"] for p in item["parameters"]]
    assert names.count("Tag.1.Key") == 1 and names.count("Id.1") == 1 and "Id.2" in names
    described = {p["name"]: p.get("description") for p in item["parameters"]}
    assert described["Id.1"] == "The first id." and described["Id.2"] == "Ids."
    assert [d["code"] for d in report["diagnostics"]].count("flat-list-index-documented") == 2


def test_forbidden_prefixes_are_ecma_262_patterns(tmp_path):
    """Defect 6: "It cannot start with -." became `^(?:\\-)`, which ajv refuses to compile."""
    rows = ("|Name|String|No|n|The name. It cannot start with -.|\n"
            "|Other|String|No|n|It cannot start with http:// or https://.|")
    files, _ = build(tmp_path, rpc(rows))
    request = json.loads(files["schemas/DescribeThings.request.json"])
    pattern = request["properties"]["query"]["properties"]["Name"]["not"]["pattern"]
    assert pattern == "^(?:-)" and ecma.check_pattern(pattern) is None


@pytest.mark.parametrize("text", ["-", "a b", "#~", "\\", "[x]", "\x1b", "\u202e", "😀", "中文",
                                  "^$.*+?()[]{}|/"])
def test_ecma_escape_matches_the_text_in_both_engines(text):
    import re

    pattern = ecma.escape(text)
    assert ecma.check_pattern(f"^(?:{pattern})$") is None
    assert re.fullmatch(pattern, text)
    regress = pytest.importorskip("regress")
    assert regress.Regex(f"^(?:{pattern})$", "u").find(text) is not None


def test_ecma_check_refuses_what_python_escapes():
    import re

    assert ecma.check_pattern(re.escape("-")) is not None
    assert ecma.check_pattern(r"^\d+$") is None


def test_yaml_scalars_are_the_json_values(tmp_path):
    """Defect 7: examples and defaults `08`, `1e3`, `0o17` and U+0085/U+2028/U+2029 text."""
    rows = ("|Code|String|No|08|A code. Default value: 08.|\n"
            "|Exp|String|No|1e3|An exponent. Default value: 1e3.|\n"
            "|Oct|String|No|0o17|An octal. Default value: 0o17.|\n"
            "|Sep|String|No|a\u2028b|Line\x85separated\u2029text.|")
    files, _ = build(tmp_path, rpc(rows))
    assert "08" in files["openapi.yaml"]


def test_an_undocumented_key_spelt_like_an_attribute_stays_undocumented(tmp_path):
    """Sweep finding (round two): a sample with `tags` beside the documented `Tags`, and
    `region` without `Region`. The models read captured data by wire name only, so the keys
    stay undocumented keys and the sample round-trips; code still builds by attribute name."""
    response = "|Tags|String|a|The tags.|\n|Region|String|r|The region.|"
    sample = '{"RequestId": "1", "Tags": "a", "tags": 7, "region": "r"}'
    files, _ = build(tmp_path, rpc(response=response, sample=sample))  # invariants hold
    model = invariants.load_models(files["models.py"]).RESPONSES["DescribeThings"]
    body = json.loads(sample)
    for read in (model.model_validate(body), model.model_validate_json(sample)):
        assert read.tags == "a" and read.region is None
        assert read.model_dump(by_alias=True, exclude_unset=True) == body
    built = model(request_id="1", tags="t", region="r")
    assert built.model_dump(by_alias=True, exclude_unset=True) == {
        "RequestId": "1", "Tags": "t", "Region": "r"}


def test_an_attribute_name_that_is_another_fields_wire_name_reads_as_that_field(tmp_path):
    """`aB` gets the attribute `a_b`, so the documented `a_b` gets `a_b_2`: a body's `a_b` is
    the documented `a_b`, never an undocumented key; in code, `a_b=` is the attribute."""
    response = "|aB|String|x|Camel.|\n|a_b|String|y|Snake.|"
    sample = '{"RequestId": "1", "aB": "x", "a_b": "y"}'
    files, _ = build(tmp_path, rpc(response=response, sample=sample))
    model = invariants.load_models(files["models.py"]).RESPONSES["DescribeThings"]
    read = model.model_validate({"a_b": "y"})
    assert read.a_b_2 == "y" and read.a_b is None and not read.model_extra
    assert model(a_b="x").model_dump(by_alias=True, exclude_unset=True) == {"aB": "x"}
    assert model(a_b_2="y").model_dump(by_alias=True, exclude_unset=True) == {"a_b": "y"}


def test_a_default_its_own_node_rules_out_is_kept_but_not_asserted():
    """Mutation sweep, seed 3, case 2176: a table whose pipes shifted made a field a list of
    objects while its description still said `off (default)`; openapi-spec-validator rejected
    `default: "off"` beside `type: array`. A default of the wrong type, or outside the node's
    bounds, travels as `x-docs2spec-default` (kept as read, not asserted)."""
    from generator.emitters.jsonschema import schema_to_json
    from generator.ir.model import Schema

    cases = [(Schema(kind="array", default="off", has_default=True), False),
             (Schema(kind="integer", default=5, has_default=True, minimum=10), False),
             (Schema(kind="string", default="abc", has_default=True, max_length=2), False),
             (Schema(kind="boolean", default="true", has_default=True), False),
             (Schema(kind="string", default="off", has_default=True), True),
             (Schema(kind="integer", default=10, has_default=True, minimum=10), True),
             (Schema(kind="any", default={"a": 1}, has_default=True), True)]
    for schema, asserted in cases:
        out = schema_to_json(schema)
        assert ("default" in out) is asserted, (schema, out)
        assert ("x-docs2spec-default" in out) is not asserted, (schema, out)
        assert out.get("default", out.get("x-docs2spec-default")) == schema.default
