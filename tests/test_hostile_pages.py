"""Hostile and broken pages: the page path never crashes and never hangs.

Every page, however mangled, goes `decode_page` -> `read_and_extract` -> `product_from_results`
(reconcile, product) -> `emit_product` (every emitter) and ends in output plus diagnostics, or in
a `Docs2SpecError` whose message starts with the page's name, and the output passes every
invariant of `scripts/output_invariants.py` (OpenAPI, schemas and ECMA-262 patterns, YAML 1.2 =
JSON, models import and agree with the schemas, bounded size); never another exception, and in
within a hang guard (`HANG_SECONDS`, minutes: catastrophic behaviour, not speed; how fast these
pages read is measured by `python benchmarks/bench_hostile.py`, never asserted here, so the
suite passes on a loaded machine). The mutations are those of `scripts/mutate_pages.py` (which
runs ten thousand of them); here hypothesis picks seeds and mutations, builds pages from scratch,
and named cases pin the hostile inputs the issue lists. `tests/fixtures/crashes/` keeps every
page that once crashed or hung.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
import types
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import dialects, sources
from generator.build import build_pages
from generator.pipeline import decode_page, read_and_extract
from generator.sources.tree import Paragraph, Table
from generator.timebox import PAGE_SECONDS

ROOT = Path(__file__).resolve().parent.parent
CRASHES = ROOT / "tests" / "fixtures" / "crashes"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile" / "hostile_page.md"
HANG_SECONDS = PAGE_SECONDS * 6
"""The time limit pages get here: a page that needs this long hangs (quadratic code takes hours
at these sizes, linear code milliseconds); far above the product's limit so that a busy machine
never turns a slow read into a failure. Speed itself is `benchmarks/bench_hostile.py`'s job."""

_spec = importlib.util.spec_from_file_location("mutate_pages", ROOT / "scripts" / "mutate_pages.py")
mutate_pages = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(mutate_pages)  # type: ignore[union-attr]
SEEDS = mutate_pages.seed_pages(ROOT)
_BASE = settings(deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def examples(count: int) -> settings:
    return settings(_BASE, max_examples=count)


def check(label: str, data: bytes, form: str | None = None, dialect: str | None = None) -> str:
    """Run one page the whole way; fail on a crash (any exception but a Docs2SpecError naming
    the page), on a bs4/docutils warning, or when it hangs (`HANG_SECONDS`)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a reader must not print library warnings
        warnings.simplefilter("ignore", ResourceWarning)
        outcome, detail = mutate_pages.run_page(label, data, form, dialect, limit=HANG_SECONDS)
    assert outcome != "timeout", f"{label}: {detail}"
    # The output must be valid, not only present: every invariant of output_invariants.py, and
    # merging and emission within the product's CPU budget.
    assert outcome not in ("invalid", "budget"), f"{label}: {detail}"
    if outcome == "error":
        assert detail.startswith(f"{label}:") or detail == label, detail
    return outcome


# ------------------------------------------------------------------------------ hypothesis


@pytest.mark.slow  # fuzzing: python -m pytest -m slow
@examples(40)
@given(seed=st.integers(0, max(len(SEEDS) - 1, 0)), rng=st.integers(0, 2**32),
       mutations=st.lists(st.sampled_from(mutate_pages.MUTATIONS), min_size=1, max_size=3),
       suffix=st.sampled_from(("", ".md", ".rst", ".txt", ".html")),
       form=st.none() | st.sampled_from(sources.FORMS),
       dialect=st.none() | st.sampled_from(dialects.NAMES))
def test_mutated_seed_pages(seed, rng, mutations, suffix, form, dialect):
    name, data = SEEDS[seed]
    generator = random.Random(rng)
    for mutation in mutations:
        data = mutation(generator, data, SEEDS)
    label = f"m/{name}{suffix}"
    check(label, data, form if generator.random() < 0.5 else None, dialect)


@pytest.mark.slow  # fuzzing
@examples(60)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from((".md", ".rst", ".txt", ".html")),
       form=st.none() | st.sampled_from(sources.FORMS))
def test_arbitrary_bytes(data, suffix, form):
    check(f"junk{suffix}", data, form)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=4),
    max_leaves=20)
_CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40).map(
    lambda text: text.replace("|", "/").replace("\n", " "))
_NAME = st.one_of(_CELL, st.sampled_from(("RequestId", "Items", "Items.N", "Tag.N.Key", "class",
                                          "from", "1st", "a.b", "IpAddress", "ip_address",
                                          "\u2514 Child", "$ref")))
_TYPE = st.one_of(_CELL, st.sampled_from(("String", "Integer", "Long", "Boolean", "Array of X",
                                          "Struct", "object []", "RepeatList", "Float")))


@pytest.mark.slow  # fuzzing: two minutes on a busy 2-core machine
@examples(40)
@given(request=st.lists(st.tuples(_NAME, _TYPE, st.sampled_from(("Yes", "No", "是", "")), _CELL,
                                  _CELL), max_size=8),
       response=st.lists(st.tuples(_NAME, _TYPE, _CELL, _CELL), max_size=8),
       sample=_JSON, crlf=st.booleans(), language=st.sampled_from(("json", "xml", "")))
def test_generated_alibaba_pages(request, response, sample, crlf, language):
    """Pages written from scratch in the Alibaba Markdown layout, cells drawn at random: the
    dialect, the IR passes and every emitter meet names, types, prose and samples no seed has."""
    lines = ["# DescribeThings", "", "Describes things.", "", "## Request parameters", "",
             "|Parameter|Type|Required|Example|Description|", "|--|--|--|--|--|"]
    lines += ["|" + "|".join(row) + "|" for row in request]
    lines += ["", "## Response parameters", "", "|Parameter|Type|Example|Description|",
              "|--|--|--|--|"]
    lines += ["|" + "|".join(row) + "|" for row in response]
    body = json.dumps(sample, ensure_ascii=False) if language != "xml" else \
        "<DescribeThingsResponse><RequestId>1</RequestId></DescribeThingsResponse>"
    lines += ["", "## Examples", "", "Sample success responses", "", f"```{language}", body, "```"]
    text = ("\r\n" if crlf else "\n").join(lines)
    check("gen/DescribeThings.md", text.encode("utf-8", errors="surrogatepass"))


# ------------------------------------------------------------------------------ named cases

_TABLE = "|Parameter|Type|Required|Description|\n|--|--|--|--|\n"
_PAGE = ("# DescribeThings\n\n## Request parameters\n\n" + _TABLE +
         "|RegionId|String|Yes|The region.|\n{rows}\n\n## Examples\n\nSample success responses\n\n"
         "```{language}\n{sample}\n```\n")


def _page(rows: str = "", sample: str = '{"RequestId": "1"}', language: str = "json") -> bytes:
    return _PAGE.format(rows=rows, sample=sample, language=language).encode()


_BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
         '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
         '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
         '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>\n'
         "<DescribeThingsResponse>&lol4;</DescribeThingsResponse>")

NAMED = {
    "10 MB cell": _page("|Big|String|No|" + "x" * 10_000_000 + "|"),
    "10 MB cell of escapes": _page("|Big|String|No|" + "\\*" * 5_000_000 + "|"),
    "100k-row table": _page("\n".join(f"|F{i}|String|No|Field {i}.|" for i in range(100_000))),
    "100k [ in a JSON sample": _page(sample="[" * 100_000),
    "100k nested objects in a sample": _page(sample='{"a":' * 100_000 + "1" + "}" * 100_000),
    "deeply nested XML sample": _page(sample="<a>" * 100_000, language="xml"),
    "invalid JSON sample": _page(sample='{"RequestId": "1", "Items": [1, 2,, ], "x": }'),
    "invalid XML sample": _page(sample="<DescribeThingsResponse><a></b>", language="xml"),
    "XML entity bomb": _page(sample=_BOMB, language="xml"),
    "XML external entity": _page(sample='<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                                 "<DescribeThingsResponse>&e;</DescribeThingsResponse>",
                                 language="xml"),
    "numbers JSON cannot write": _page("|Count|Integer|No|Valid values: 1 to 1e999.|",
                                       '{"RequestId": "1", "Count": 1e999, "N": NaN}'),
    "NUL bytes": _page().replace(b"RegionId", b"Region\x00Id"),
    "NUL past the binary check": _page("|Pad|String|No|" + "x" * 9000 + "|").replace(
        b"The region", b"The \x00 region"),
    "BOM twice": b"\xef\xbb\xbf\xef\xbb\xbf" + _page(),
    "UTF-16 with BOM": _page().decode().encode("utf-16"),
    "UTF-16 BOM on UTF-8": b"\xff\xfe" + _page(),
    "GB18030": _page("|名称|String|No|中文描述。|").decode().encode("gb18030"),
    "invalid UTF-8": _page().replace(b"region", b"re\xff\xc3gi\xed\xa0\x80on"),
    "CR line ends": _page().replace(b"\n", b"\r"),
    "mixed line ends": _page().replace(b"\n\n", b"\r\n\r").replace(b"|\n", b"|\n\r"),
    "control characters": _page("|C\x01\x02|String|No|\x1b[31m\x7f\x85\u2028\ufeff|"),
    "private-use characters the reader uses": _page("|P\ue000|String|No|\ue0001\ue001 \ue001|"),
    "empty page": b"",
    "only blank lines": b"\n\r\n \t\n",
}


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.slow)
                                  if len(data) > 1_000_000 else name
                                  for name, data in NAMED.items()])
def test_named_hostile_pages(name):
    """Pages over a megabyte take tens of seconds each: `slow` (python -m pytest -m slow)."""
    data = NAMED[name]
    small = len(data) < 1_000_000
    outcomes = {check(f"named{suffix}", data)
                for suffix in ((".md", ".txt") if small else (".md",))}
    assert outcomes <= {"ok", "error"}


@pytest.mark.slow
def test_100k_row_rst_grid_table():
    """docutils needs tens of seconds for such a table: the reader hands it the first rows."""
    border = "+----------------+--------+----------+"
    rows = [f"| F{i:<14} | String | No       |\n{border}" for i in range(100_000)]
    page = ("DescribeThings\n==============\n\nRequest Parameters\n------------------\n\n"
            f"{border}\n| Parameter      | Type   | Required |\n"
            + border.replace("-", "=") + "\n" + "\n".join(rows) + "\n")
    doc = sources.read_page("grid.rst", page)
    assert any("grid table of" in note for _, note in doc.notes)
    [table] = [node for node in doc.nodes if isinstance(node, Table)]
    assert table.rows[0].cells == ("F0", "String", "No") and 2_000 < len(table.rows) < 2_500


_LINE = 100_000
"""Adversarial lines: quadratic behaviour shows as minutes at this size, linear as milliseconds."""
ADVERSARIAL = {
    "pipes": "|" * _LINE, "stars": "*" * _LINE, "spaces": " " * _LINE + "x",
    "backslashes": "\\" * _LINE, "escaped pipes": "\\|" * (_LINE // 2), "backticks": "`" * _LINE,
    "Table 1": "Table 1 " * (_LINE // 8), "anchors": "# x {#" + "{#" * (_LINE // 2),
    "brackets": "[" * _LINE, "links": "[a](" * (_LINE // 4), "images": "![" * (_LINE // 2),
    "hashes": "#" * _LINE, "dashes": "|" + "-|" * (_LINE // 2), "tags": "<a " * (_LINE // 3),
    "comments": "<!--" * (_LINE // 4), "end tags": "</a" * (_LINE // 3),
    "breaks": "<br" * (_LINE // 3), "run-on header": "ParameterTypeRequired" * (_LINE // 21),
    "run-on rows": "RegionIdstringYes" * (_LINE // 17), "grid": "+" + "-+" * (_LINE // 2),
    "tree marks": "\u2514" * _LINE, "braces": "{" * _LINE, "quotes": '"' * _LINE,
}


@pytest.mark.slow  # 23 pages of 100,000-character lines through every reader: minutes
@pytest.mark.parametrize("name", ADVERSARIAL)
def test_adversarial_lines(name):
    """A long line of one construct, alone, in a table cell, a heading and a code block, read
    by the reader that sniffs it and by every reader forced: no slow regex, no slow parser."""
    line = ADVERSARIAL[name]
    page = (f"{line}\n\n# {line}\n\n|Parameter|Type|Required|Description|\n|--|--|--|--|\n"
            f"|{line}|String|No|{line}|\n\n```\n{line}\n```\n").encode()
    check("adversarial.txt", page)
    for form in sources.FORMS:
        check(f"adversarial-{form}.txt", page, form=form)


@pytest.mark.slow
def test_html_tags_that_never_close_are_linear():
    """html.parser rescans to the end for every `<` it cannot finish; `defuse` stops that."""
    for unit in ("<a ", "<a x=\"", "</a", "<!--", "<?", "<![CDATA[", "<![x[", "<a\n", "<table>"):
        check("tags.html", (unit * (300_000 // len(unit))).encode(), )


def test_html_nesting_is_capped():
    """Tags deeper than the cap are read as if absent: their text stays, what follows is read."""
    page = ("<html><body>" + "<div>" * 5000 + "deep text" + "</div>" * 5000 +
            "<table><tr><th>Parameter</th><th>Type</th></tr>"
            "<tr><td>RequestId</td><td>String</td></tr></table>")
    doc = sources.read_page("deep.html", page)
    assert any("nests deeper than" in note for _, note in doc.notes)
    assert any(isinstance(node, Paragraph) and node.text == "deep text" for node in doc.nodes)
    assert [node.rows[0].cells for node in doc.nodes if isinstance(node, Table)] == [
        ("RequestId", "String")]


# ------------------------------------------------------------------------------ regressions


CRASH_FILES = sorted(p for p in CRASHES.iterdir() if p.is_file()) if CRASHES.is_dir() else []


@pytest.mark.parametrize("path", CRASH_FILES, ids=lambda p: p.name)
def test_crash_fixtures(path):
    """Every page that once crashed or hung, the whole way through, with warnings as errors."""
    assert check(path.name, path.read_bytes()) in ("ok", "error")


@pytest.mark.parametrize("name", ["html_marked_section.html", "html_bad_charrefs.html",
                                  "html_deep_nesting.html", "html_unclosed_tags.html"])
def test_html_crash_fixtures_keep_their_tables(name):
    """The content after the hostile construct is still read (it was lost or refused)."""
    path = CRASHES / name
    result = read_and_extract(name, decode_page(name, path.read_bytes()), None, None)
    assert result.extract is not None
    assert [len(t.rows) for t in result.extract.request] == [2]
    assert [len(t.rows) for t in result.extract.responses] == [1]


def test_defuse_leaves_wellformed_html_alone():
    from generator.sources.html_parser import defuse

    for path in (ROOT / "tests" / "fixtures" / "html").glob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert defuse(text) == text
    assert defuse("<p>a <b>b</b> <!-- c --> <![CDATA[ d ]]> &#65; &amp;</p>") == \
        "<p>a <b>b</b> <!-- c --> <![CDATA[ d ]]> &#65; &amp;</p>"
    assert defuse("<p>a &#; <![foo[ x <a b") == "<p>a &amp;#; &lt;![foo[ x &lt;a b"


# ------------------------------------------------------------------------------ generated code


PWNED = (Path("/tmp/docs2spec-pwned-desc"), Path("/tmp/docs2spec-pwned-sample"))


def _descriptions(node, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                found.add(value)
            _descriptions(value, found)
    elif isinstance(node, list):
        for value in node:
            _descriptions(value, found)
    return found


def _page_descriptions() -> dict[str, str]:
    """Field name -> description cell, as the page's table rows say them."""
    rows = {}
    for line in HOSTILE.read_text(encoding="utf-8").splitlines():
        cells = line.strip("|").split("|")
        if line.startswith("|") and len(cells) >= 4 and cells[0] not in ("Parameter", "--"):
            rows[cells[0]] = cells[-1]
    return rows


def test_hostile_names_and_descriptions_make_safe_code(tmp_path):
    """Keywords, digits, dots, dashes, spaces, Chinese and snake-case collisions as names;
    quotes, backslashes, template syntax, `</script>`, `$ref` and code as descriptions: the models
    compile and import, every description reaches the JSON Schema and OpenAPI files verbatim, and
    nothing the page says is executed."""
    for path in PWNED:
        path.unlink(missing_ok=True)
    (build,), broken = build_pages([HOSTILE], tmp_path / "out", write=False)
    assert broken == 0
    prefix = f"{build.manifest.provider}/{build.manifest.product}/"
    files = {rel.removeprefix(prefix): text for rel, text in build.files.items()}
    report = json.loads(files["report.json"])
    assert not [d for d in report["diagnostics"] if d["severity"] == "error"]

    wanted = _page_descriptions()
    hostile = {name: text for name, text in wanted.items()
               if any(mark in text for mark in ('"""', "\\", "{{", "{%", "</script>", "$ref",
                                                "__import__", "lorem"))}
    assert len(hostile) >= 6
    schemas = set()
    for rel in ("schemas/CreateHostileThing.request.json",
                "schemas/CreateHostileThing.response.json"):
        schemas |= _descriptions(json.loads(files[rel]), set())
    openapi = _descriptions(json.loads(files["openapi.json"]), set())
    for name, text in hostile.items():
        assert text in schemas, name
        assert text in openapi, name

    if "models.py" not in files:
        pytest.skip("emit_product does not produce models.py")
    code = files["models.py"]
    compile(code, "models.py", "exec")
    module = types.ModuleType("docs2spec_hostile_models")
    sys.modules[module.__name__] = module
    try:
        exec(compile(code, "models.py", "exec"), module.__dict__)  # noqa: S102 - the point
        request = module.REQUESTS["CreateHostileThing"]
        response = module.RESPONSES["CreateHostileThing"]
        aliases = {f.alias or n for n, f in request.model_fields.items()}
        assert {"class", "from", "1stValue", "2nd-value", "dotted.name", "with space", "名称",
                "IpAddress", "ip_address", "import", "None"} <= aliases
        for name, field in request.model_fields.items():
            assert name.isidentifier()
            wire = field.alias or name
            if wire in wanted:
                assert field.description == wanted[wire], wire
        sample = {"RequestId": "1", "class": 'x"""y', "from": 3, "IpAddress": "10.0.0.1",
                  "ip_address": "10.0.0.2", "def": "__import__('os')"}
        assert response.model_validate(sample).model_dump(by_alias=True,
                                                          exclude_unset=True) == sample
    finally:
        sys.modules.pop(module.__name__, None)
    assert not any(path.exists() for path in PWNED)


NAN_PAGE = """\
# DescribeNan

You can call this operation to query rates.

## Request parameters

|Parameter|Type|Required|Example|Description|
|---------|----|--------|-------|-----------|
|Action|String|Yes|DescribeNan|The operation. |
|Rate|Float|No|NaN|The rate. |
|Big|Double|No|1e999|Big. Default value: Infinity. |

## Response parameters

|Parameter|Type|Example|Description|
|---------|----|-------|-----------|
|RequestId|String|r-1|The ID of the request. |
|Rate|Float|-Infinity|The rate. |

## Examples

Sample success responses

`JSON` format

```
{"RequestId": "r-1", "Rate": NaN, "Big": 1e999}
```

`XML` format

```
<DescribeNanResponse><RequestId>r-1</RequestId><Rate>NaN</Rate></DescribeNanResponse>
```
"""


def _strict(text: str):
    def refuse(name):
        raise ValueError(name)
    return json.loads(text, parse_constant=refuse)


def test_nan_and_infinity_never_reach_the_output(tmp_path):
    """Python reads NaN, Infinity and 1e999 as numbers; none is JSON, so every file written
    must parse as strict JSON, and the sample is reported, not used."""
    page = tmp_path / "pages" / "DescribeNan.md"
    page.parent.mkdir()
    page.write_text(NAN_PAGE, encoding="utf-8")
    build_pages([page.parent], tmp_path / "out", product="demo")
    written = list((tmp_path / "out").rglob("*.json"))
    assert written
    for path in written:
        _strict(path.read_text(encoding="utf-8"))
    report = json.loads((tmp_path / "out/alibabacloud/demo/report.json").read_text("utf-8"))
    invalid = [d for d in report["diagnostics"] if d["code"] == "sample-invalid"]
    assert len(invalid) == 1 and "NaN is not a JSON value" in invalid[0]["message"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_every_encoding_gives_the_same_lines(encoding, newline):
    text = "# 标题\n\n|A|B|\n|--|--|\n|x|y|\n"
    data = text.replace("\n", newline).encode(encoding)
    assert decode_page("page.md", data) == text
