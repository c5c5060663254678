"""`docs2spec validate --engine dask` gives the report one process gives (summary, drift,
listing, exit code) on a real local Dask cluster of worker processes; the input is cut into
parts at line and HAR-entry boundaries, so labels and exchanges come out the same."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest

from generator.cli import make_parser
from generator.validation.command import run
from generator.validation.partitions import FilesPart, HarPart, LinesPart, entries_of, plan

ROOT = Path(__file__).resolve().parent.parent
CAPTURED = ROOT / "tests" / "captured"
PAGE = json.loads((CAPTURED / "alibabacloud/vpc/ListIpsecServers/page-1-item.json").read_text())
URL = "https://vpc.cn-hangzhou.aliyuncs.com/?Action=ListIpsecServers&RegionId=cn-hangzhou"
RECORDS = 20_000


def _records(path: Path) -> None:
    """20,000 capture records: mostly valid, some with a wrong type, an undocumented field, a
    query parameter out of range, a key sent twice, and a broken line."""
    rng = random.Random(3)
    with path.open("w") as out:
        for i in range(RECORDS):
            body = json.loads(json.dumps(PAGE))
            url = URL + f"&NextToken=t{i}"
            roll = rng.random()
            if roll < 0.02:
                body["IpsecServers"][0]["MaxConnections"] = "many"
            elif roll < 0.04:
                body["IpsecServers"][0][f"Extra{i % 7}"] = 1
            elif roll < 0.05:
                url += "&MaxResults=50"
            line = json.dumps({"url": url, "status": 200, "body": body})
            if roll > 0.999:
                line = line[: len(line) // 2]
            elif 0.995 < roll <= 0.999:
                line = line.replace('"RequestId"', '"RequestId": "x", "RequestId"', 1)
            out.write(line + "\n")


def _report(*argv: str) -> tuple[int, dict]:
    args = make_parser(["validate"]).parse_args(["validate", "--format", "json", *argv])
    out = io.StringIO()
    code = run(args, out)
    return code, json.loads(out.getvalue())


def test_parts_cut_at_line_boundaries_and_keep_line_numbers(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text("".join(json.dumps({"operation": "ListIpsecServers", "status": 200,
                                        "body": {"TotalCount": i}}) + "\n" for i in range(50)))
    parts = plan([str(path)], part_bytes=300)
    assert len(parts) > 5 and all(isinstance(p, LinesPart) for p in parts)
    labels = [e.label for p in parts for e in entries_of(p)]
    assert labels == [f"{path}:{n}" for n in range(1, 51)]


def test_har_parts_split_between_entries(tmp_path):
    har = json.loads((CAPTURED / "console-session.har").read_text())
    har["log"]["entries"] *= 10
    path = tmp_path / "big.har"
    path.write_text(json.dumps(har))
    parts = plan([str(path)], part_bytes=path.stat().st_size // 7)
    assert len(parts) > 3 and all(isinstance(p, HarPart) for p in parts)
    whole = plan([str(path)], part_bytes=10 * path.stat().st_size)
    assert isinstance(whole[0], FilesPart)
    assert [e.label for p in parts for e in entries_of(p)] == [e.label for e in
                                                                entries_of(whole[0])]


def test_dask_local_cluster_matches_one_process(tmp_path):
    pytest.importorskip("distributed", reason="Dask is an optional extra: install it with "
                        "pip install -e '.[dask]' (.ci/run does) to run this test")
    from distributed import LocalCluster

    records = tmp_path / "traffic.jsonl"
    _records(records)
    har = json.loads((CAPTURED / "console-session.har").read_text())
    har["log"]["entries"] *= 40
    (tmp_path / "session.har").write_text(json.dumps(har))
    inputs = [str(records), str(tmp_path / "session.har"), str(CAPTURED / "alibabacloud")]
    code, single = _report(*inputs)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        dask_code, distributed = _report("--engine", "dask", "--scheduler",
                                         cluster.scheduler_address, "--part-mb", "1", *inputs)
    assert single["summary"]["exchanges"] == RECORDS + 40 * 3 + 7
    assert single["summary"]["with_errors"] > 100 and single["summary"]["unusable"] >= 1
    assert distributed["summary"] == single["summary"]
    assert distributed["drift"] == single["drift"]
    assert distributed["entries"] == single["entries"]
    assert dask_code == code == 1
