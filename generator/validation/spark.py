"""Validation inside Spark (or any engine that maps a function over partitions of records).

A partition is an iterable of capture records, as dicts or `Row`s with the JSON Lines record
fields (`url`, `method`, `status`, `body`, `operation`, `product`, `headers`,
`response_headers`, `encoding`, `request_body`, `kind`). `body` is the body as text (JSON or
XML; base64 with `encoding: base64`) or as parsed JSON. The `Validator` is shipped to the
executors once (a broadcast variable: it pickles as its contract bundle and compiles there):

    from generator.validation import Validator
    from generator.validation.spark import RESULT_SCHEMA, check_records, merged, report_records

    validator = spark.sparkContext.broadcast(Validator.from_folder("generated"))
    rows = df.rdd.mapPartitions(lambda part: check_records(validator.value, part))
    results = spark.createDataFrame(rows, RESULT_SCHEMA)          # one row per message
    report = merged(df.rdd.mapPartitions(
        lambda part: report_records(validator.value, part)).collect())  # summary and drift

`check_records` yields one row per checked message (a record's request and its response);
`report_records` yields one `Report` per partition, and `merged` joins them (in partition
order) into the summary and drift table `docs2spec validate` prints for the same records.

Spark Connect has no `df.rdd`; there the DataFrame API's `mapInArrow` does the same job over
Arrow record batches (read `body` as a string column, so that Spark's JSON schema inference
does not add null fields to bodies):

    results = df.mapInArrow(lambda batches: check_batches(validator.value, batches),
                            RESULT_SCHEMA)
    report = merged_pickles(row.report for row in df.mapInArrow(
        lambda batches: report_batches(validator.value, batches), REPORT_SCHEMA).collect())

Nothing here imports pyspark; the Arrow functions import pyarrow when called.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator
from typing import Any

from .command import check_entry
from .findings import ERROR, WARNING
from .readers import record_entries
from .reporting import Report, Result
from .validator import Validator

RESULT_SCHEMA = ("entry string, kind string, product string, operation string, status int, "
                 "verdict string, errors int, warnings int, findings string")
"""The rows `check_records` yields, as a Spark DDL schema."""

REPORT_SCHEMA = "report binary"
"""The rows `report_batches` yields: one pickled `Report` per partition."""

_RESULT_FIELDS = tuple(tuple(part.split()) for part in RESULT_SCHEMA.split(", "))
"""(name, Spark type) of each `RESULT_SCHEMA` column."""
_RESULT_COLUMNS = tuple(name for name, _ in _RESULT_FIELDS)


def options(*, strict: bool = False, select: list[str] | None = None,
            ignore: list[str] | None = None, max_findings: int = 2000) -> argparse.Namespace:
    """The `docs2spec validate` options a record check reads."""
    return argparse.Namespace(product=None, operation=None, status=None, strict=strict,
                              select=select, ignore=ignore, max_findings=max_findings)


def _as_dict(record: Any) -> dict[str, Any]:
    if isinstance(record, dict):
        data = record
    elif hasattr(record, "asDict"):
        data = record.asDict(recursive=True)
    else:
        data = dict(record)
    return {k: v for k, v in data.items() if v is not None}


def _results(validator: Validator, records: Iterable[Any], args: argparse.Namespace,
             label: str) -> Iterator[Result]:
    memo: dict[Any, Any] = {}
    for number, record in enumerate(records, 1):
        data = _as_dict(record)
        name = str(data.pop("id", f"{label}{number}"))
        for entry in record_entries(data, name):
            yield check_entry(validator, entry, args, memo)


def check_records(validator: Validator, records: Iterable[Any], *,
                  args: argparse.Namespace | None = None, label: str = "record "
                  ) -> Iterator[tuple[Any, ...]]:
    """One row (`RESULT_SCHEMA`) per checked message of `records`; a record's `id` field, if
    any, names its rows (else `record N`, N counted within the partition)."""
    for result in _results(validator, records, args or options(), label):
        if result.skipped:
            continue
        errors = sum(f.severity == ERROR for f in result.findings)
        warnings = sum(f.severity == WARNING for f in result.findings)
        verdict = ("unreadable" if result.input_error is not None else "error" if errors
                   else "warning" if warnings else "ok")
        findings = [f.as_dict() for f in result.findings]
        if result.input_error is not None:
            findings.insert(0, {"rule": "input", "severity": ERROR,
                                "message": result.input_error})
        yield (result.label, result.kind, result.product, result.operation, result.status,
               verdict, errors, warnings, json.dumps(findings, ensure_ascii=False))


def report_records(validator: Validator, records: Iterable[Any], *,
                   args: argparse.Namespace | None = None, label: str = "record "
                   ) -> Iterator[Report]:
    """The partition's `Report` (one item, for `mapPartitions`)."""
    args = args or options()
    report = Report(max_findings=max(args.max_findings, 0))
    for result in _results(validator, records, args, label):
        report.add(result)
    yield report


def merged(reports: Iterable[Report]) -> Report:
    """Partition reports joined in order: the summary and drift of one run over all records."""
    total: Report | None = None
    for report in reports:
        if total is None:
            total = Report(max_findings=report.max_findings)
        total.merge(report)
    return total if total is not None else Report()


def _arrow_result_schema() -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int32()}
    return pa.schema([(name, types[kind]) for name, kind in _RESULT_FIELDS])


def _batch_records(batches: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for batch in batches:
        yield from batch.to_pylist()


def check_batches(validator: Validator, batches: Iterable[Any], *,
                  args: argparse.Namespace | None = None, label: str = "record ",
                  rows_per_batch: int = 4096) -> Iterator[Any]:
    """`check_records` over Arrow record batches, for `df.mapInArrow(..., RESULT_SCHEMA)`:
    the same rows, as `pyarrow.RecordBatch`es of at most `rows_per_batch` rows."""
    import pyarrow as pa

    schema = _arrow_result_schema()
    pending: list[tuple[Any, ...]] = []
    for row in check_records(validator, _batch_records(batches), args=args, label=label):
        pending.append(row)
        if len(pending) >= rows_per_batch:
            yield _result_batch(pa, pending, schema)
            pending = []
    if pending:
        yield _result_batch(pa, pending, schema)


def _result_batch(pa: Any, rows: list[tuple[Any, ...]], schema: Any) -> Any:
    return pa.RecordBatch.from_pylist([dict(zip(_RESULT_COLUMNS, row, strict=True))
                                       for row in rows], schema=schema)


def report_batches(validator: Validator, batches: Iterable[Any], *,
                   args: argparse.Namespace | None = None, label: str = "record "
                   ) -> Iterator[Any]:
    """The partition's `Report`, pickled in a one-row batch (`REPORT_SCHEMA`), for
    `df.mapInArrow`; `merged_pickles` joins the collected rows."""
    import pickle

    import pyarrow as pa

    for report in report_records(validator, _batch_records(batches), args=args, label=label):
        yield pa.RecordBatch.from_pylist([{"report": pickle.dumps(report)}],
                                         schema=pa.schema([("report", pa.binary())]))


def merged_pickles(pickled: Iterable[bytes]) -> Report:
    """`merged` over the pickled reports `report_batches` yields.

    Only unpickle rows your own job produced: pickle runs code from what it reads."""
    import pickle

    return merged(pickle.loads(data) for data in pickled)
