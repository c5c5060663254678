"""Bounded work (issue 13, defects 8-10): output size, merging and the CPU-time limits.

No assertion here reads a wall clock: sizes are counted, and the time limits are CPU time,
which a loaded or suspended machine does not use up (`benchmarks/bench_merge.py` prints the
merging times side by side).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generator.pipeline
import generator.timebox
from generator.build import build_pages
from generator.errors import InputError
from generator.ir.model import FLAT_LIST_SPELLED, MESSAGE_CHARS, Diagnostic
from generator.manifest import Manifest
from generator.pipeline import product_from_results, read_and_extract
from generator.timebox import PageTimeout, time_limit

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("output_invariants",
                                               ROOT / "scripts" / "output_invariants.py")
invariants = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(invariants)  # type: ignore[union-attr]

HEAD = ("# DescribeThings\n\nDescribes things.\n\n## Request parameters\n\n"
        "|Parameter|Type|Required|Example|Description|\n|--|--|--|--|--|\n"
        "|RegionId|String|Yes|cn|The region.|\n")
TAIL = ("\n\n## Response parameters\n\n|Parameter|Type|Example|Description|\n|--|--|--|--|\n"
        "|RequestId|String|1|Id.|\n{rows}\n")


def _busy(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_nested_flattened_lists_give_bounded_output(tmp_path):
    """Defect 8: `Tag.N` with `Tag.N.Values.N` and 4 KB descriptions: 8.6 KB of page gave
    166 MB of output. Each list now spells at most FLAT_LIST_SPELLED parameters in all."""
    desc = "A long description. " * 200
    rows = "\n".join(f"|Tag.N.{key}|String|No|v|The {key}. Valid values of N: 1 to 100. {desc}|"
                     for key in ("Key", "Values.N", "Other.N"))
    page = tmp_path / "pages" / "DescribeThings.md"
    page.parent.mkdir()
    page.write_text(HEAD + rows + TAIL.format(rows=""), encoding="utf-8")
    (product,), _ = build_pages([page.parent], tmp_path / "out", write=False)
    files = {k.split("/", 2)[2]: v for k, v in product.files.items()}
    (item,) = json.loads(files["openapi.json"])["paths"].values()
    tags = [p for p in item["parameters"] if p["name"].startswith("Tag.")]
    assert 0 < len(tags) <= FLAT_LIST_SPELLED
    assert {p["name"] for p in tags} >= {"Tag.1.Key", "Tag.1.Values.1", "Tag.1.Other.1"}
    assert invariants.check_outputs(files, page.stat().st_size, models=False) == []


def test_a_long_path_with_many_variables_gives_a_bounded_report(tmp_path):
    """Sweep finding (round two): a 12 KB page whose path repeats `{project_id}` 500 times
    gave 4.7 MB of output, 4.4 MB of it report: one finding per undocumented variable, each
    quoting the whole (repaired) path. Now one finding per path, and every message is at most
    MESSAGE_CHARS characters, cut in the middle with the count of characters cut."""
    path = "/v5/" + "{project_id}/" * 500 + "things"
    page = tmp_path / "pages" / "GetThing.md"
    page.parent.mkdir()
    page.write_text(f"# GetThing\n\nGets a thing.\n\n## Request syntax\n\n```\nGET {path} "
                    "HTTP/1.1\n```\n\n## Response parameters\n\n|Parameter|Type|Example|"
                    "Description|\n|--|--|--|--|\n|RequestId|String|1|Id.|\n", encoding="utf-8")
    (product,), _ = build_pages([page.parent], tmp_path / "out", write=False)
    files = {k.split("/", 2)[2]: v for k, v in product.files.items()}
    size = page.stat().st_size
    assert invariants.check_outputs(files, size) == []
    assert len(files["report.json"]) < 20 * size
    (item,) = json.loads(files["openapi.json"])["paths"].values()
    assert len(item["get"]["parameters"]) == 500  # every variable is still a parameter
    report = json.loads(files["report.json"])
    assert all(len(d["message"]) <= MESSAGE_CHARS for d in report["diagnostics"])
    undocumented = [d for d in report["diagnostics"]
                    if d["code"] == "path-parameter-undocumented"]
    assert len(undocumented) == 1 and "characters cut]" in undocumented[0]["message"]
    assert undocumented[0]["message"].endswith("declared as required strings")
    assert "GetThing.md:" in json.dumps(undocumented[0])  # page:line of the cut text


def test_clip_message_keeps_both_ends_and_says_what_was_cut():
    text = "start " + "x" * 5000 + " end"
    clipped = Diagnostic("warning", "c", text).message
    assert len(clipped) <= MESSAGE_CHARS and clipped.startswith("start ")
    assert clipped.endswith(" end")
    cut = int(clipped.split("[")[1].split(" ")[0])
    assert len(clipped.replace(f" … [{cut} characters cut] … ", "")) + cut == len(text)
    assert Diagnostic("warning", "c", "short").message == "short"


def _many_pages(count: int, fields: int = 300) -> list:
    """`count` pages of one operation, each documenting fields the others do not."""
    results = []
    for i in range(count):
        rows = "\n".join(f"|R{i}_{j}|String|x|Field {j} of page {i}.|" for j in range(fields))
        results.append(read_and_extract(f"p{i:02}.md", HEAD + TAIL.format(rows=rows), None,
                                        None))
    return results


def test_merging_many_pages_of_one_operation_stays_within_its_budget():
    """Defect 9: merging rebuilt `dict(a.properties)` per field, quadratic in the union (16
    pages: 35 s of CPU before, 1 s after; `benchmarks/bench_merge.py`). 16 pages must merge
    well inside a 10 s CPU budget and keep every page's fields."""
    results = _many_pages(16)
    manifest = Manifest(provider="p", product="q", title="t", version="1", style="rpc")
    with time_limit(10.0):
        product = product_from_results(manifest, results, tuple(r.path for r in results))
    (operation,) = product.operations
    (response,) = operation.responses
    assert len(response.schema.properties) == 1 + 16 * 300
    assert len(operation.pages) == 16


def test_the_limit_counts_cpu_time_not_waiting():
    """Defect 10: the limit used ITIMER_REAL, so a suspended or loaded process timed out."""
    with time_limit(0.3):
        time.sleep(0.6)  # waiting uses no CPU time: no timeout
    with pytest.raises(PageTimeout), time_limit(0.3):
        _busy(5)


def test_an_inner_limit_never_outlasts_the_outer_one():
    started = time.process_time()
    with pytest.raises(PageTimeout), time_limit(0.4):
        try:
            with time_limit(60):
                _busy(5)
        except PageTimeout:
            pass  # the inner block is stopped at the outer limit...
        _busy(5)  # ...and the outer one fires at once afterwards
    assert time.process_time() - started < 5


def test_a_product_over_its_budget_is_refused_whole(tmp_path, monkeypatch):
    """Merging and emission run under the product's CPU budget; beyond it, one error."""
    monkeypatch.setattr(generator.pipeline, "product_seconds", lambda pages: 0.05)
    page = tmp_path / "pages" / "DescribeThings.md"
    page.parent.mkdir()
    rows = "\n".join(f"|R{j}|String|x|Field {j}.|" for j in range(3000))
    page.write_text(HEAD + TAIL.format(rows=rows), encoding="utf-8")
    with pytest.raises(InputError, match="s of CPU time; nothing was written"):
        build_pages([page.parent], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_cli_reports_a_product_over_budget_in_one_line(tmp_path):
    page = tmp_path / "pages" / "DescribeThings.md"
    page.parent.mkdir()
    rows = "\n".join(f"|R{j}|String|x|Field {j}.|" for j in range(3000))
    page.write_text(HEAD + TAIL.format(rows=rows), encoding="utf-8")
    code = ("import sys, generator.timebox as t; t.PRODUCT_SECONDS = 0.05; "
            "t.PRODUCT_SECONDS_PER_PAGE = 0; from generator.cli import main; "
            f"sys.exit(main(['build', {str(page.parent)!r}, '--out', {str(tmp_path / 'out')!r}]))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "CPU time" in result.stderr
    assert not (tmp_path / "out").exists()
