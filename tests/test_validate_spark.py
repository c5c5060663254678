"""The Spark entry point (`generator.validation.spark`): partitions of records checked with the
same `Validator` give the summary and drift of one `docs2spec validate` run. The functions are
plain Python (tested here without Spark); with pyspark installed (it needs a JRE) they also run
in a local Spark session."""

from __future__ import annotations

import io
import json
import pickle
import random
from pathlib import Path

import pytest

from generator.cli import make_parser
from generator.validation import Validator
from generator.validation.command import run
from generator.validation.spark import (
    REPORT_SCHEMA,
    RESULT_SCHEMA,
    check_batches,
    check_records,
    merged,
    merged_pickles,
    report_batches,
    report_records,
)

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
CAPTURED = ROOT / "tests" / "captured"
PAGE = json.loads((CAPTURED / "alibabacloud/vpc/ListIpsecServers/page-1-item.json").read_text())
URL = "https://vpc.cn-hangzhou.aliyuncs.com/?Action=ListIpsecServers&RegionId=cn-hangzhou"


def _records(count: int = 400) -> list[dict]:
    rng = random.Random(5)
    out = []
    for i in range(count):
        body = json.loads(json.dumps(PAGE))
        url = URL
        roll = rng.random()
        if roll < 0.1:
            body["IpsecServers"][0]["MaxConnections"] = "many"
        elif roll < 0.2:
            body["IpsecServers"][0]["Extra"] = i
        elif roll < 0.25:
            url += "&MaxResults=50"
        out.append({"url": url, "status": 200, "body": body if i % 2 else json.dumps(body)})
    return out


def _cli_report(records: list[dict], tmp_path: Path) -> dict:
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    args = make_parser(["validate"]).parse_args(["validate", "--format", "json",
                                                 "--generated", str(GENERATED), str(path)])
    out = io.StringIO()
    run(args, out)
    return json.loads(out.getvalue())


def test_partition_reports_merge_into_the_cli_report(tmp_path):
    records = _records()
    validator = pickle.loads(pickle.dumps(Validator.from_folder(GENERATED)))
    parts = [records[:150], records[150:151], records[151:]]
    report = merged(next(report_records(validator, part)) for part in parts)
    expected = _cli_report(records, tmp_path)
    assert report.summary() == expected["summary"]
    assert report.drift_rows() == expected["drift"]
    assert report.summary()["with_errors"] > 20


def test_check_records_rows():
    validator = Validator.from_folder(GENERATED)
    records = [{"id": "a", "url": URL + "&MaxResults=50", "status": 200, "body": PAGE},
               {"id": "b", "operation": "ListIpsecServers", "status": 200, "body": "{nope"}]
    rows = list(check_records(validator, records))
    assert [(r[0], r[1], r[5]) for r in rows] == [("a request", "request", "error"),
                                                  ("a response", "response", "ok"),
                                                  ("b", "response", "unreadable")]
    assert json.loads(rows[0][8])[0]["pointer"] == "/query/MaxResults"
    assert len(RESULT_SCHEMA.split(",")) == len(rows[0])


def _arrow_batches(records: list[dict], size: int) -> list:
    """Records as Spark hands them to `mapInArrow` when `body` is read as a string column."""
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed: pip install pyarrow "
                             "(or pyspark[sql]) to run the Arrow tests")
    rows = [{**r, "body": r["body"] if isinstance(r["body"], str) else json.dumps(r["body"])}
            for r in records]
    return [pa.RecordBatch.from_pylist(rows[i:i + size]) for i in range(0, len(rows), size)]


def test_arrow_batches_give_the_rows_and_report_of_the_cli(tmp_path):
    records = _records(300)
    validator = Validator.from_folder(GENERATED)
    out = list(check_batches(validator, _arrow_batches(records, 70), rows_per_batch=128))
    assert [b.num_rows for b in out] == [128, 128, 128, 128, 88]
    assert out[0].schema.names == [p.split()[0] for p in RESULT_SCHEMA.split(", ")]
    rows = [row for batch in out for row in batch.to_pylist()]
    expected_rows = list(check_records(validator, records))
    assert [tuple(r.values()) for r in rows] == expected_rows
    pickled = [row["report"] for part in (records[:100], records[100:])
               for batch in report_batches(validator, _arrow_batches(part, 40))
               for row in batch.to_pylist()]
    assert len(pickled) == 2 and REPORT_SCHEMA == "report binary"
    report = merged_pickles(pickled)
    expected = _cli_report(records, tmp_path)
    assert report.summary() == expected["summary"]
    assert report.drift_rows() == expected["drift"]


@pytest.mark.slow
def test_in_a_local_spark_session(tmp_path):
    pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (it needs a "
                                  "JRE): pip install pyspark to run the Spark test")
    from pyspark.sql import SparkSession

    del pyspark
    spark = SparkSession.builder.master("local[2]").appName("docs2spec").getOrCreate()
    try:
        records = _records(200)
        df = spark.createDataFrame([(json.dumps(r),) for r in records], "line string")
        validator = spark.sparkContext.broadcast(Validator.from_folder(GENERATED))
        parsed = df.rdd.map(lambda row: json.loads(row.line)).repartition(3)
        rows = parsed.mapPartitions(lambda part: check_records(validator.value, part))
        results = spark.createDataFrame(rows, RESULT_SCHEMA)
        assert results.count() == 400
        report = merged(parsed.mapPartitions(
            lambda part: report_records(validator.value, part)).collect())
        expected = _cli_report(records, tmp_path)
        assert report.summary()["with_errors"] == expected["summary"]["with_errors"]
        assert report.drift_rows() == expected["drift"]
    finally:
        spark.stop()


@pytest.mark.slow
def test_map_in_arrow_in_a_local_spark_session(tmp_path):
    """The DataFrame-only path (what Spark Connect allows): `mapInArrow` over records whose
    `body` is a string column."""
    pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (it needs a "
                                  "JRE): pip install pyspark pyarrow pandas to run the Spark test")
    pytest.importorskip("pyarrow", reason="pyarrow is not installed: pip install pyarrow")
    pytest.importorskip("pandas", reason="pandas is not installed (pyspark's mapInArrow needs "
                        "it): pip install pandas")
    from pyspark.sql import SparkSession

    del pyspark
    records = _records(200)
    lines = tmp_path / "records.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in records))
    spark = SparkSession.builder.master("local[2]").appName("docs2spec-arrow").getOrCreate()
    try:
        df = spark.read.schema("url string, status int, body string").json(str(lines))
        df = df.repartition(3)
        validator = spark.sparkContext.broadcast(Validator.from_folder(GENERATED))
        results = df.mapInArrow(lambda batches: check_batches(validator.value, batches),
                                RESULT_SCHEMA)
        assert results.count() == 400
        assert results.filter("verdict = 'error'").count() > 20
        report = merged_pickles(row.report for row in df.mapInArrow(
            lambda batches: report_batches(validator.value, batches), REPORT_SCHEMA).collect())
        expected = _cli_report(records, tmp_path)
        assert report.summary()["with_errors"] == expected["summary"]["with_errors"]
        assert report.drift_rows() == expected["drift"]
    finally:
        spark.stop()
