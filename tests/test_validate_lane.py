"""The JSON Lines fast lane (`generator/validation/lane.py`) must never change a report: every
record it passes, the general path counts as one ok exchange, and every record it declines goes
to the general path unchanged. Checked on valid records of every seed operation and on records
broken at each place the lane looks (status, method, operation, product, extra record fields,
request parameters, bodies, keys sent twice, escapes, spacing, key order)."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from generator.validation.api import compiled_for
from generator.validation.command import check_all
from generator.validation.lane import RecordLane
from generator.validation.readers import Passed, read_lines
from generator.validation.reporting import Report
from generator.validation.shaping import PlainShaper, shape_request
from generator.validation.validator import Validator

ROOT = Path(__file__).resolve().parent.parent
CAPTURED = ROOT / "tests" / "captured"
URLS = {
    "ListIpsecServers": "https://vpc.cn-hangzhou.aliyuncs.com/?Action=ListIpsecServers"
                        "&RegionId=cn-hangzhou&MaxResults=10&NextToken=t1",
    "DescribeVpnConnections": "https://vpc.cn-hangzhou.aliyuncs.com/?Action="
                              "DescribeVpnConnections&RegionId=cn-hangzhou&PageSize=10"
                              "&PageNumber=2",
    "CreateIpsecServer": "https://vpc.aliyuncs.com/?Action=CreateIpsecServer&RegionId="
                         "cn-hangzhou&VpnGatewayId=vpn-bp1q8bgx4xnkm2ogj0001&LocalSubnet="
                         "192.168.0.0/24&ClientIpPool=10.0.0.0/24",
    "ListVpnConnections": "https://vpn.eu-de.myhuaweicloud.com/v5/0605767c8f00d5a02f6dc0078f5e2"
                          "c8b/vpn-connection?limit=10&marker=m1",
}
QUERY_CHANGES = [  # (name, value): replace or add; value None: drop the parameter
    ("MaxResults", "50"), ("MaxResults", "abc"), ("MaxResults", ""), ("PageSize", "0"),
    ("limit", "x"), ("Foo", "1"), ("Version", "2014-01-01"), ("Version", "2016-04-28"),
    ("RegionId", None), ("RegionId", "cn%2Dhangzhou"), ("RegionId", "cn+hangzhou"),
    ("Action", "ListIpsecServers"), ("Tag.1.Key", "env"), ("marker", "m%22"),
    ("AccessKeyId", "k"), ("SignatureNonce", "n"),
]


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator.from_folder(ROOT / "generated")


def _bodies() -> list[tuple[str, str, object]]:
    found = []
    for path in sorted(CAPTURED.glob("*/*/*/*.json")):
        provider, product, operation = path.parts[-4:-1]
        found.append((f"{provider}/{product}", operation, json.loads(path.read_text())))
    return found


def _with_query(url: str, name: str, value: str | None) -> str:
    parts = urlsplit(url)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != name]
    if value is not None:
        pairs.append((name, value))
    query = "&".join(f"{k}={v}" for k, v in pairs)
    return parts._replace(query=query).geturl()


def _records() -> list[bytes]:
    """Valid records and broken ones, as JSON Lines lines."""
    base: list[dict] = []
    for product, operation, body in _bodies():
        base.append({"product": product, "operation": operation, "status": 200, "body": body})
        base.append({"url": URLS[operation], "method": "GET", "status": 200, "body": body})
        base.append({"url": URLS[operation], "body": body})
    variants: list[dict] = list(base)
    for record in base:
        for key, value in (("status", 201), ("status", 404), ("status", "200"),
                           ("status", True), ("status", None), ("method", "POST"),
                           ("method", "HEAD"), ("method", 5), ("method", "get"),
                           ("operation", "Nope"), ("operation", None), ("product", "nope"),
                           ("product", None), ("headers", {"A": "b"}), ("encoding", "base64"),
                           ("kind", "request"), ("kind", "response"), ("request_body", "x=1"),
                           ("response_headers", {"Content-Type": "application/json"}),
                           ("body", None), ("body", "text"), ("body", []), ("body", {}),
                           ("url", 5), ("url", "http://[::1")):
            variants.append({**record, key: value})
        body = record["body"]
        if isinstance(body, dict) and body:
            first = next(iter(body))
            variants.append({**record, "body": {**body, "Undocumented": 1}})
            variants.append({**record, "body": {**body, first: 12345}})
            variants.append({**record, "body": dict(reversed(list(body.items())))})
            variants.append({k: v for k, v in record.items() if k != "status"})
        if "url" in record:
            for name, value in QUERY_CHANGES:
                variants.append({**record, "url": _with_query(record["url"], name, value)})
            variants.append({**record, "url": record["url"].replace("/v5/", "/v6/")})
            variants.append({**record, "url": record["url"].split("?")[0]})
            variants.append({**record, "url": record["url"] + "&" +
                             record["url"].split("?")[1].split("&")[-1]})
    lines = []
    for record in variants:
        compact = json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode()
        lines.append(compact)
        if record in base:
            lines.append(json.dumps(record).encode())  # spaced
            lines.append(json.dumps(dict(reversed(list(record.items())))).encode())
            items = list(record.items())  # the body between other fields, spaces at the end
            middle = dict([*items[:1], ("body", record["body"]), *items[1:]])
            lines.append(json.dumps(middle, separators=(",", ":")).encode())
            lines.append(compact[:-1] + b" \t}  ")
            if isinstance(record.get("body"), dict):  # a "body" key inside the body too
                inner = {**record, "body": {**record["body"], "body": {"x": 1}}}
                lines.append(json.dumps(inner, separators=(",", ":")).encode())
            if isinstance(record.get("body"), dict) and record["body"]:
                # a key sent twice in the body, and in the record
                lines.append(compact.replace(b'"body":{', b'"body":{"RequestId":"x",', 1))
                lines.append(compact.replace(b'{"', b'{"status":200,"', 1))
                lines.append(compact.replace(b'"body":{"', b'"body":{"\\u0022', 1))
                lines.append(compact.replace(b'"status":200', b'"st\\u0061tus":200', 1))
    return lines


def _report(validator: Validator, lines: list[bytes], lane: bool, **options) -> tuple[Report,
                                                                                     int]:
    args = argparse.Namespace(**{"product": None, "operation": None, "status": None,
                                 "strict": False, "select": None, "ignore": None,
                                 "max_findings": 2000, **options})
    report = Report(max_findings=2000)
    passed = []
    entries = read_lines(io.BytesIO(b"\n".join(lines) + b"\n"), "t.jsonl",
                         lane=RecordLane.for_run(validator, args) if lane else None)

    def counted():
        for entry in entries:
            if isinstance(entry, Passed):
                passed.extend([entry] * entry.count)
            yield entry

    check_all(validator, args, counted(), report, lambda *a: None)
    return report, len(passed)


@pytest.mark.parametrize("options", [{}, {"strict": True}, {"status": 404},
                                     {"select": ["type"], "ignore": ["required"]},
                                     {"product": "alibabacloud/vpc"}])
def test_the_lane_gives_the_same_report_as_the_general_path(validator, options):
    lines = _records()
    assert len(lines) > 600
    general, none = _report(validator, lines, lane=False, **options)
    laned, passed = _report(validator, lines, lane=True, **options)
    assert none == 0
    assert laned.as_dict() == general.as_dict()
    assert laned.per_operation == general.per_operation
    assert laned.exit_code() == general.exit_code()
    # the lane did take the common records (else this test proves nothing)
    assert passed >= 30, passed
    assert passed < general.ok


def test_the_lane_passes_exactly_the_clean_records(validator):
    """Record by record: the lane passes a record only when the general path finds nothing
    in it, and it passes every plain valid record of the seed operations."""
    args = argparse.Namespace(product=None, operation=None, status=None)
    lane = RecordLane.for_run(validator, args)
    clean_plain = 0
    for line in _records():
        report, _ = _report(validator, [line], lane=False)
        clean = report.entries > 0 and report.ok == report.entries and not report.skipped
        verdict = lane(line)
        if verdict is not None:
            assert clean, line[:300]
        record = json.loads(line)
        plain = (isinstance(record, dict) and set(record) <= {"product", "operation", "status",
                                                               "body", "url", "method"}
                 and "Tag.1.Key" not in str(record.get("url")) and "\\u00" not in line.decode()
                 and b'"body":{"RequestId":"x",' not in line
                 and type(record.get("status", 200)) is int  # "200" is read too, off the lane
                 and all(isinstance(record.get(k, ""), str) for k in ("method", "url")))
        if clean and plain and isinstance(record.get("body"), dict) and _decoder_accepts(
                validator, record, line):
            clean_plain += 1
            assert verdict is not None, line[:300]
    assert clean_plain >= 20


def _decoder_accepts(validator: Validator, record: dict, line: bytes) -> bool:
    """Whether the body passes the validating decoder (some valid bodies only pass
    jsonschema-rs: the decoder is stricter, and the lane leaves those to the general path)."""
    operation = record.get("operation") or next(
        (op for op, url in URLS.items() if record["url"].split("?")[0] == url.split("?")[0]
         and (op == "ListVpnConnections" or f"Action={op}&" in record["url"])), None)
    if operation is None:
        return False
    product = validator.contracts.product(
        "huaweicloud/vpn" if operation == "ListVpnConnections" else "alibabacloud/vpc")
    body = json.dumps(record["body"], separators=(",", ":"), ensure_ascii=False).encode()
    return compiled_for(product, operation, "response").fast.accepts(body)


@pytest.mark.parametrize("operation", sorted(URLS))
def test_plain_shaper_agrees_with_shape_request(validator, operation):
    product = validator.contracts.product(
        "huaweicloud/vpn" if operation == "ListVpnConnections" else "alibabacloud/vpc")
    schema = product.schema(operation, "request")
    shaper = PlainShaper(schema, version=product.version, common=product.common_parameters)
    path = {"project_id": "p1"} if product.style == "rest" else {}
    tried = agreed = 0
    for name, value in [(None, None), *QUERY_CHANGES]:
        url = URLS[operation] if name is None else _with_query(URLS[operation], name, value)
        query = parse_qsl(urlsplit(url).query, keep_blank_values=True)
        if product.style == "rpc" and not any(k == "Action" for k, _ in query):
            query.append(("Action", operation))
        plain = shaper.instance(list(query), dict(path))
        full = shape_request(schema, style=product.style, version=product.version,
                             common=product.common_parameters, query=list(query),
                             path=dict(path), headers=[])
        tried += 1
        if plain is not None:
            agreed += 1
            assert plain == full.instance, url
            assert not full.findings and not full.contents, url
    assert agreed >= 3, (tried, agreed)


def test_records_passed_in_a_row_are_counted_as_one_entry_each(validator, monkeypatch):
    """A run of passed records (at most `PASSED_RUN`) comes as one `Passed` per product,
    operation and request kind in it, labelled with its last record; the report is the
    general path's, whatever ends the run: a record the lane declines, a blank line, the
    run's length limit, the end of the input."""
    from generator.validation import readers

    monkeypatch.setattr(readers, "PASSED_RUN", 7)
    by_operation = {}
    for product, operation, body in _bodies():
        record = {"product": product, "operation": operation, "status": 200, "body": body}
        line = json.dumps(record, separators=(",", ":")).encode()
        if RecordLane.for_run(validator, argparse.Namespace(product=None, operation=None,
                                                            status=None))(line):
            by_operation.setdefault(operation, line)
    assert len(by_operation) >= 2
    first, second = list(by_operation.values())[:2]
    broken = first.replace(b'"status":200', b'"status":404', 1)
    lines = [first] * 20 + [second] * 3 + [broken] + [first] * 2 + [b""] + [first] * 5
    general, _ = _report(validator, lines, lane=False)
    laned, passed = _report(validator, lines, lane=True)
    assert laned.as_dict() == general.as_dict()
    assert laned.per_operation == general.per_operation
    assert laned.exchanges == general.exchanges == 31 and passed == 30
    args = argparse.Namespace(product=None, operation=None, status=None)
    runs = [(e.label, e.operation, e.count) for e in read_lines(
        io.BytesIO(b"\n".join(lines) + b"\n"), "t.jsonl", lane=RecordLane.for_run(validator,
                                                                                   args))
        if isinstance(e, Passed)]
    first_op, second_op = list(by_operation)[:2]
    assert runs == [("t.jsonl:7", first_op, 7), ("t.jsonl:14", first_op, 7),
                    ("t.jsonl:21", first_op, 6), ("t.jsonl:21", second_op, 1),
                    ("t.jsonl:23", second_op, 2), ("t.jsonl:26", first_op, 2),
                    ("t.jsonl:32", first_op, 5)]
