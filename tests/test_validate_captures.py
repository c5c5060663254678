"""Captures as browsers and proxies save them: compressed and base64-encoded HAR bodies,
declared charsets, empty bodies, undocumented statuses, requests inside JSON Lines records,
duplicate keys in records; and the report around them (exit codes, --select/--ignore, --strict
on the docs' own samples, text that fits the terminal, JUnit)."""

from __future__ import annotations

import base64
import gzip
import json
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.cli import main
from generator.validation import contracts, has_errors, validate_response
from generator.validation.wire import WireError, decode_body

ROOT = Path(__file__).resolve().parent.parent
GENERATED = str(ROOT / "generated")
CAPTURED = ROOT / "tests" / "captured"
VPC = "alibabacloud/vpc"
LIST_URL = "https://vpc.cn-hangzhou.aliyuncs.com/?Action=ListIpsecServers&RegionId=cn-hangzhou"
PAGE = (CAPTURED / VPC / "ListIpsecServers" / "page-20-items.json").read_bytes()


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(["validate", "--generated", GENERATED, *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    code, out = run(capsys, "--format", "json", *argv)
    return code, json.loads(out)


def deflate_raw(data: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def har_entry(body: bytes, *, coding: str | None, base64_text: bool = True, status: int = 200,
              mime: str = "application/json", method: str = "GET", url: str = LIST_URL) -> dict:
    headers = [{"name": "Content-Type", "value": mime}]
    if coding:
        headers.append({"name": "Content-Encoding", "value": coding})
    content = {"size": len(body), "mimeType": mime}
    if base64_text:
        content.update(text=base64.b64encode(body).decode(), encoding="base64")
    else:
        content["text"] = body.decode()
    return {"request": {"method": method, "url": url, "headers": []},
            "response": {"status": status, "headers": headers, "content": content}}


def write_har(tmp_path: Path, entries: list[dict]) -> str:
    path = tmp_path / "browser.har"
    path.write_text(json.dumps({"log": {"version": "1.2", "entries": entries}}))
    return str(path)


# ---------------------------------------------------------------------------------------------
# Bodies as they travelled


def test_browser_saved_har_with_compressed_base64_bodies_validates(capsys, tmp_path):
    entries = [har_entry(gzip.compress(PAGE), coding="gzip"),
               har_entry(zlib.compress(PAGE), coding="deflate"),
               har_entry(deflate_raw(PAGE), coding="deflate"),
               har_entry(PAGE, coding="gzip", base64_text=False),  # stored decoded
               har_entry(PAGE, coding=None)]
    pytest.importorskip("brotli", reason="br needs the brotli package: pip install brotli")
    import brotli

    entries.append(har_entry(brotli.compress(PAGE), coding="br"))
    code, report = run_json(capsys, write_har(tmp_path, entries))
    assert code == 0, report
    assert report["summary"]["exchanges"] == len(entries)
    assert report["summary"]["responses"] == len(entries)
    assert report["summary"]["ok"] == 2 * len(entries)


def test_compressed_body_with_an_error_still_reports_it(capsys, tmp_path):
    doc = json.loads(PAGE)
    doc["IpsecServers"][3]["MaxConnections"] = "many"
    har = write_har(tmp_path, [har_entry(gzip.compress(json.dumps(doc).encode()), coding="gzip")])
    code, report = run_json(capsys, har)
    assert code == 1
    findings = [f for e in report["entries"] for f in e["findings"]]
    assert [(f["rule"], f["pointer"]) for f in findings] == [
        ("type", "/IpsecServers/3/MaxConnections")]


@pytest.mark.parametrize("charset", ["GBK", "GB18030", "UTF-16", "utf-16le"])
def test_declared_charsets(charset):
    doc = json.loads(PAGE)
    doc["IpsecServers"][0]["IpsecServerName"] = "测试服务器"
    raw = json.dumps(doc, ensure_ascii=False).encode(charset)
    headers = [("Content-Type", f"application/json; charset={charset}")]
    assert validate_response(VPC, "ListIpsecServers", raw, headers=headers,
                             generated=GENERATED) == []
    doc["IpsecServers"][0]["MaxConnections"] = "many"
    raw = json.dumps(doc, ensure_ascii=False).encode(charset)
    assert has_errors(validate_response(VPC, "ListIpsecServers", raw, headers=headers,
                                        generated=GENERATED))


def test_bad_codings_are_one_line_input_errors():
    with pytest.raises(WireError, match="cut off"):
        decode_body(gzip.compress(PAGE)[:-8], [("Content-Encoding", "gzip")])
    with pytest.raises(WireError, match="not supported"):
        decode_body(PAGE, [("Content-Encoding", "compress")])
    with pytest.raises(WireError, match="unknown charset"):
        decode_body(PAGE, [("Content-Type", "application/json; charset=klingon")])
    with pytest.raises(WireError, match="not valid gbk text"):
        decode_body(b'{"a": "\x80\xff"}', [("Content-Type", "text/json; charset=GBK")])


def test_a_decompression_bomb_is_refused(monkeypatch):
    import generator.validation.wire as wire

    monkeypatch.setattr(wire, "MAX_DECODED", 1024 * 1024)
    bomb = gzip.compress(b" " * (8 * 1024 * 1024))
    with pytest.raises(WireError, match="inflates beyond 1 MiB"):
        decode_body(bomb, [("Content-Encoding", "gzip")])


def test_empty_204_and_head_responses_in_a_har(capsys, tmp_path):
    entries = [har_entry(b"", coding=None, base64_text=False, status=204),
               har_entry(b"", coding=None, base64_text=False, method="HEAD"),
               har_entry(b"", coding=None, base64_text=False)]  # a GET 200 with no body
    code, report = run_json(capsys, write_har(tmp_path, entries))
    assert code == 1
    rules = [[f["rule"] for f in e["findings"]] for e in report["entries"]]
    assert rules == [["status-undocumented"], ["empty-body"]]
    assert "the docs list 200, 400, 403" in report["entries"][0]["findings"][0]["message"]


# ---------------------------------------------------------------------------------------------
# JSON Lines records: requests and duplicate keys


def test_json_lines_record_url_is_checked_like_a_har_request(capsys, tmp_path):
    lines = tmp_path / "traffic.jsonl"
    lines.write_text(json.dumps({"url": LIST_URL + "&MaxResults=50", "status": 200,
                                 "body": json.loads(PAGE)}) + "\n")
    code, report = run_json(capsys, str(lines))
    assert code == 1
    [entry] = report["entries"]
    assert entry["kind"] == "request" and entry["entry"].endswith(":1 request")
    [finding] = entry["findings"]
    assert (finding["rule"], finding["pointer"]) == ("range", "/query/MaxResults")
    assert finding["source"].startswith("specs/alibabacloud/vpc/pages/")
    assert report["summary"]["exchanges"] == 1 and report["summary"]["requests"] == 1


def test_duplicate_keys_in_record_bodies(capsys, tmp_path):
    body = PAGE.decode().replace('"TotalCount"', '"TotalCount": 1, "TotalCount"', 1)
    line = '{"url": "' + LIST_URL + '", "status": 200, "body": ' + body + ', "status": 200}'
    lines = tmp_path / "traffic.jsonl"
    lines.write_text(line.replace("\n", "") + "\n")
    code, report = run_json(capsys, str(lines))
    assert code == 0  # warnings only
    found = {(f["rule"], f["pointer"]) for e in report["entries"] for f in e["findings"]}
    assert found == {("duplicate-key", "/TotalCount"), ("duplicate-key", "/status")}
    code, _ = run(capsys, "--strict", str(lines))
    assert code == 1


# ---------------------------------------------------------------------------------------------
# The report


def test_exit_1_when_errors_exist_even_with_unusable_entries(capsys, tmp_path):
    bad = json.loads(PAGE)
    bad["TotalCount"] = "x"
    (tmp_path / "ListIpsecServers").mkdir()
    (tmp_path / "ListIpsecServers" / "bad.json").write_text(json.dumps(bad))
    (tmp_path / "ListIpsecServers" / "junk.json").write_bytes(b"{nope")
    code, report = run_json(capsys, str(tmp_path))
    assert code == 1
    assert report["summary"]["with_errors"] == 1 and report["summary"]["unusable"] == 1
    (tmp_path / "ListIpsecServers" / "bad.json").unlink()
    assert run(capsys, str(tmp_path))[0] == 2  # nothing could be checked


def test_select_and_ignore(capsys, tmp_path):
    lines = tmp_path / "traffic.jsonl"
    doc = json.loads(PAGE)
    doc["Extra"] = 1
    doc["TotalCount"] = "x"
    lines.write_text(json.dumps({"url": LIST_URL + "&MaxResults=50", "status": 200,
                                 "body": doc}) + "\n")

    def rules(*argv):
        code, report = run_json(capsys, *argv, str(lines))
        return code, sorted(f["rule"] for e in report["entries"] for f in e["findings"])

    assert rules() == (1, ["range", "type", "undocumented-field"])
    assert rules("--select", "undocumented-field") == (0, ["undocumented-field"])
    assert rules("--ignore", "type", "--ignore", "range") == (0, ["undocumented-field"])
    code, out = run(capsys, "--select", "no-such-rule", str(lines))
    assert code == 2


def test_strict_passes_on_every_doc_sample_of_the_bundled_products():
    checked = 0
    for product in contracts(GENERATED).products():
        for operation, status, media, label, value in product.examples():
            if "json" not in media:
                continue
            findings = validate_response(product.key, operation, json.dumps(value).encode(),
                                         status=status, strict=True, generated=GENERATED)
            assert not has_errors(findings), (product.key, operation, label, findings)
            checked += 1
    assert checked >= 5


def test_text_fits_the_terminal_and_keeps_every_source_whole(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    code, out = run(capsys, str(ROOT / "tests" / "fixtures" / "captures_invalid"))
    assert code in (1, 2)
    assert max(len(line) for line in out.splitlines()) <= 60
    joined = out.replace("\n      ", "").replace("\n    ", "")
    _, report = run_json(capsys, str(ROOT / "tests" / "fixtures" / "captures_invalid"))
    sources = {f["source"] for e in report["entries"] for f in e["findings"] if f["source"]}
    assert sources and all(f"docs: {s}" in joined for s in sources)


def test_har_counts_entries_not_halves(capsys):
    code, out = run(capsys, str(CAPTURED / "console-session.har"))
    assert code == 0
    # 4 HAR entries: 3 to documented operations (a request and a response each), 1 elsewhere
    assert "Checked 3 entries (6 messages: 3 requests, 3 responses)" in out
    assert "2 skipped (no documented operation)" in out


def test_junit_report(capsys):
    code, out = run(capsys, "--format", "junit", str(ROOT / "tests" / "fixtures" /
                                                     "captures_invalid" / "huaweicloud"))
    assert code == 1
    root = ElementTree.fromstring(out)
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert int(suite.get("tests")) == len(cases) >= 3
    failures = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("failures")) == len(failures) >= 1
    assert any("ikepolicy/dpd/timeout" in (c.find("failure").text or "") for c in failures)
