"""`docs2spec validate`: inputs (files, folders, JSON Lines, HAR, stdin, --url), output (text,
JSON, JUnit, drift summary) and exit codes (0 clean; 1 error findings or some unreadable entry;
2 nothing could be checked, or usage)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.validation import readers
from generator.validation.readers import read_lines, read_stream

ROOT = Path(__file__).resolve().parent.parent
GENERATED = str(ROOT / "generated")
CAPTURED = ROOT / "tests" / "captured"
INVALID = ROOT / "tests" / "fixtures" / "captures_invalid"
LIST = "alibabacloud/vpc/ListIpsecServers"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["validate", "--generated", GENERATED, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    code, out, err = run(capsys, "--format", "json", *argv)
    assert "Traceback" not in err
    return code, json.loads(out)


def test_captured_folder_is_clean(capsys):
    code, out, err = run(capsys, str(CAPTURED))
    assert code == 0, out
    assert "0 with errors" in out and "0 unreadable" in out
    assert err == ""


def test_wrong_type_exits_1_with_table_and_drift(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, str(INVALID / LIST / "wrong-type-deep.json"))
    assert code == 1
    assert out.splitlines()[0].endswith("wrong-type-deep.json  [alibabacloud/vpc "
                                        "ListIpsecServers response HTTP 200]")
    assert "error   type  /IpsecServers/7/IkeConfig/IkeLifetime" in out
    assert "Drift by operation and rule:" in out
    assert "/IpsecServers/*/IkeConfig/IkeLifetime (1)" in out
    assert "Checked 1 entry: 0 ok, 1 with errors" in out


def test_json_output_lists_findings_and_drift(capsys):
    code, report = run_json(capsys, str(INVALID / "huaweicloud"))
    assert code == 1
    assert report["summary"]["entries"] == 3
    rules = {(f["rule"], f["pointer"], f["severity"])
             for e in report["entries"] for f in e["findings"]}
    assert ("range", "/vpn_connections/1/ikepolicy/dpd/timeout", "error") in rules
    assert ("format-hint", "/vpn_connections/0/vgw_ip", "info") in rules
    drift = {(d["operation"], d["rule"], d["severity"]): d for d in report["drift"]}
    assert drift[("ListVpnConnections", "range", "error")]["where"] == [
        {"pointer": "/vpn_connections/*/ikepolicy/dpd/timeout", "count": 1}]


def test_undocumented_field_passes_unless_strict(capsys):
    path = str(INVALID / LIST / "undocumented-field.json")
    code, out, _ = run(capsys, path)
    assert code == 0
    assert "warning" in out and "undocumented-field" in out
    code, out, _ = run(capsys, "--strict", path)
    assert code == 1
    assert "error   undocumented-field" in out


def test_masked_ip_is_information_even_when_strict(capsys):
    """The docs' own samples break format hints: --strict must not fail on them."""
    path = str(INVALID / "huaweicloud/vpn/ListVpnConnections/masked-ip.json")
    assert run(capsys, path)[0] == 0
    code, out, _ = run(capsys, "--strict", path)
    assert code == 0 and "info    format-hint" in out


def test_operation_and_status_for_bare_bodies(capsys, tmp_path):
    body = tmp_path / "error.json"
    body.write_bytes((INVALID / "alibabacloud/vpc/CreateIpsecServer/error-without-code.json")
                     .read_bytes())
    code, out, _ = run(capsys, "--operation", "CreateIpsecServer", "--status", "400", str(body))
    assert code == 1
    assert "required" in out and "/Code" in out


def test_bare_body_without_operation_is_an_input_error(capsys, tmp_path):
    body = tmp_path / "x.json"
    body.write_text("{}")
    code, out, err = run(capsys, str(body))
    assert code == 2
    assert "cannot tell which operation" in out and "--operation" in out
    assert "Traceback" not in err


def test_url_request_checks(capsys):
    code, report = run_json(capsys, "--url", "https://vpc.cn-hangzhou.aliyuncs.com/?Action="
                            "ListIpsecServers&RegionId=cn-hangzhou&MaxResults=50")
    assert code == 1
    [entry] = report["entries"]
    assert entry["kind"] == "request" and entry["operation"] == "ListIpsecServers"
    assert [(f["rule"], f["pointer"]) for f in entry["findings"]] == [
        ("range", "/query/MaxResults")]
    code, out, _ = run(capsys, "--url", "https://vpn.eu-de.myhuaweicloud.com/v5/p1/"
                       "vpn-connection?limit=abc")
    assert code == 1 and "/query/limit" in out
    code, out, _ = run(capsys, "--url", "https://vpc.aliyuncs.com/?Action=ListIpsecServers"
                       "&RegionId=cn-hangzhou&MaxResults=20")
    assert code == 0


def test_requests_in_json_lines(capsys):
    code, report = run_json(capsys, str(INVALID / "requests.jsonl"))
    assert code == 1
    found = [[(f["rule"], f["pointer"]) for f in e["findings"]] for e in report["entries"]]
    assert found == [[("required", "/query/RegionId")], [("range", "/query/MaxResults")],
                     [("items", "/query/IpsecServerId")], [("enum", "/query/IkeConfig/IkeVersion")],
                     [("type", "/query/limit")]]


def test_bad_entries_are_reported_and_the_rest_still_checked(capsys):
    code, report = run_json(capsys, "--operation", "ListIpsecServers",
                            str(INVALID / "unreadable"))
    assert code == 1  # two entries were checked: unreadable ones make it 1, not 2
    errors = {e["entry"].rsplit("/", 1)[-1]: e.get("input_error") for e in report["entries"]}
    assert "nests more than" in errors["deep.json"]
    assert "binary data" in errors["junk.json"]
    assert "not valid JSON" in errors["not-json.json"]
    assert "too large" in errors["huge-number.json"]
    assert "truncated" in errors["truncated.har"]
    assert "not valid JSON" in errors["mixed.jsonl:2"]
    # The truncated HAR is streamed: its whole first entry (request and response) is checked
    # before the error; mixed.jsonl's two good records are checked on both sides.
    assert report["summary"] == {"entries": 12, "exchanges": 9, "requests": 3, "responses": 9,
                                 "ok": 6, "with_errors": 0, "warnings_only": 0,
                                 "unusable": 6, "skipped": 0, "findings_not_shown": 0,
                                 "unreadable_not_shown": 0}


def test_har_requests_and_responses_with_unrelated_traffic_skipped(capsys):
    code, report = run_json(capsys, str(CAPTURED / "console-session.har"))
    assert code == 0
    assert report["summary"]["entries"] == 6
    assert report["summary"]["skipped"] == 2


def test_har_entry_without_body_is_an_input_error(capsys, tmp_path):
    har = json.loads((CAPTURED / "console-session.har").read_text())
    del har["log"]["entries"][0]["response"]["content"]["text"]
    path = tmp_path / "x.har"
    path.write_text(json.dumps(har))
    code, report = run_json(capsys, str(path))
    assert code == 1
    [bad] = [e for e in report["entries"] if e.get("input_error")]
    assert "without its response body" in bad["input_error"]
    assert bad["operation"] == "ListIpsecServers"


def test_stdin_json_lines_and_single_document(capsys, monkeypatch):
    lines = (CAPTURED / "traffic.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    code, out, _ = run(capsys, "-")
    assert code == 0
    assert "Checked 4 entries (8 messages: 4 requests, 4 responses): 8 ok" in out
    doc = (INVALID / LIST / "enum-break.json").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(doc)))
    code, out, _ = run(capsys, "--operation", "ListIpsecServers", "-")
    assert code == 1 and "/IpsecServers/0/IkeConfig/IkeMode" in out


def test_json_lines_are_streamed():
    """Reading entry N never reads further than line N: memory stays bounded."""
    consumed = []

    class Lines:
        def __iter__(self):
            for i in range(1, 10**9):
                consumed.append(i)
                yield b'{"TotalCount": %d}\n' % i

    entries = read_lines(Lines(), "big.jsonl")  # type: ignore[arg-type]
    first = [next(entries) for _ in range(3)]
    assert [e.label for e in first] == ["big.jsonl:1", "big.jsonl:2", "big.jsonl:3"]
    assert consumed == [1, 2, 3]
    stream = read_stream(io.BytesIO(b'{"a": 1}\n' * 5), "<stdin>")
    assert next(stream).label == "<stdin>:1"


def test_many_findings_are_counted_but_listing_is_capped(capsys, tmp_path):
    page = json.loads((CAPTURED / LIST / "page-20-items.json").read_text())
    for item in page["IpsecServers"]:
        item["MaxConnections"] = "x"
    lines = tmp_path / "ListIpsecServers" / "many.jsonl"
    lines.parent.mkdir()
    lines.write_text((json.dumps(page) + "\n") * 10)
    code, report = run_json(capsys, "--product", "vpc", "--max-findings", "50", str(lines))
    assert code == 1
    assert report["summary"]["with_errors"] == 10
    assert report["summary"]["findings_not_shown"] == 150
    [drift] = report["drift"]
    assert drift["findings"] == 200 and drift["entries"] == 10


@pytest.mark.parametrize(("argv", "message"), [
    (["--product", "nosuch", "x.json"], "unknown product"),
    (["--operation", "NoSuch", "x.json"], "no documented operation"),
    ([], "nothing to validate"),
])
def test_usage_errors_exit_2_with_one_line(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_missing_path_is_an_input_error(capsys):
    code, out, _ = run(capsys, "--operation", "ListIpsecServers", "no/such/file.json")
    assert code == 2 and "no such file or folder" in out


def test_urls_urllib_refuses_and_mistyped_records_are_input_errors(capsys, tmp_path):
    """`http://[::1` makes urllib raise ValueError and a list where a name belongs is
    unhashable: each is that entry's input error, the run goes on (it used to end with an
    internal error, exit 70)."""
    url = "https://vpc.aliyuncs.com/?Action=ListIpsecServers&RegionId=cn-hangzhou"
    good = (CAPTURED / LIST / "page-20-items.json").read_text()
    lines = tmp_path / "traffic.jsonl"
    lines.write_text("\n".join(json.dumps(record) for record in [
        {"url": "http://[::1", "status": 200, "body": {}},
        {"url": url, "status": 200, "body": json.loads(good), "product": ["vpc"]},
        {"operation": 5, "status": 200, "body": {}},
        {"url": url, "method": 5},
        {"url": url, "status": 200, "body": json.loads(good)},
    ]) + "\n")
    har = tmp_path / "x.har"
    har.write_text(json.dumps({"log": {"entries": [
        {"request": {"method": "GET", "url": "https://[vpc.aliyuncs.com/?Action=X"},
         "response": {"status": 200, "content": {"text": good}}},
        {"request": {"method": "GET", "url": url},
         "response": {"status": 200, "content": {"text": good}}}]}}))
    code, report = run_json(capsys, str(lines), str(har))
    assert code == 1  # some entries were checked
    errors = [e.get("input_error") for e in report["entries"]]
    assert "not a valid URL (Invalid IPv6 URL): 'http://[::1'" in errors
    assert "record product must be a string, not list" in errors
    assert "record operation must be a string, not int" in errors
    assert "record method must be a string, not int" in errors
    assert any(e and e.startswith("not a valid URL") and "[vpc.aliyuncs.com" in e
               for e in errors)
    # the good record's request and response, and the good HAR request/response
    assert report["summary"]["ok"] == 4
    code, out, err = run(capsys, "--url", "http://[::1/?Action=ListIpsecServers")
    assert code == 2 and err == ""
    assert "not a valid URL (Invalid IPv6 URL)" in out


def test_millions_of_broken_lines_keep_bounded_detail(capsys, tmp_path):
    """Every unreadable line is counted, but only --max-findings of them are kept for the
    listing: before, each kept its own result (2,000,000 junk lines took 1.9 GB)."""
    lines = tmp_path / "junk.jsonl"
    with lines.open("wb") as out:
        for i in range(20_000):
            out.write(b'{"Tot%d\n' % i)
    code, report = run_json(capsys, "--max-findings", "50", str(lines))
    assert code == 2  # nothing could be checked
    assert report["summary"]["unusable"] == 20_000
    assert len(report["entries"]) == 50
    assert report["summary"]["unreadable_not_shown"] == 19_950
    code, out, _ = run(capsys, "--max-findings", "50", str(lines))
    assert "... 19950 more unreadable entries not shown" in out
    assert len(out.splitlines()) < 50 * 3 + 10  # a heading and an error line or two each


def test_kept_pointers_are_clipped(capsys, tmp_path):
    """An undocumented key of 200,000 characters: the report keeps 1,000 of them."""
    page = json.loads((CAPTURED / LIST / "page-1-item.json").read_text())
    page["k" * 200_000] = 1
    lines = tmp_path / "ListIpsecServers" / "long-key.jsonl"
    lines.parent.mkdir()
    lines.write_text((json.dumps(page) + "\n") * 3)
    code, report = run_json(capsys, "--product", "vpc", str(lines))
    assert code == 0
    [finding] = report["entries"][0]["findings"]
    assert finding["rule"] == "undocumented-field"
    assert finding["pointer"].startswith("/kkk") and 1000 <= len(finding["pointer"]) <= 1003
    [drift] = report["drift"]
    assert [len(w["pointer"]) for w in drift["where"]] == [1003] and drift["findings"] == 3


class Reads:
    """A binary stream that records the longest piece any read returned."""

    def __init__(self, data: bytes) -> None:
        self.stream = io.BytesIO(data)
        self.longest = 0

    def readline(self, limit: int = -1) -> bytes:
        return self._note(self.stream.readline(limit))

    def read(self, size: int = -1) -> bytes:
        return self._note(self.stream.read(size))

    def _note(self, data: bytes) -> bytes:
        self.longest = max(self.longest, len(data))
        return data


def test_a_line_longer_than_the_limit_is_skipped_without_reading_it_whole(monkeypatch):
    """A "JSON Lines" file that is one 2 GB line must not be read into memory: the line is
    reported and skipped in bounded steps, and the next line is read as usual."""
    monkeypatch.setattr(readers, "MAX_LINE", 1000)
    monkeypatch.setattr(readers, "MIB", 100)
    stream = Reads(b'{"a": "' + b"x" * 50_000 + b'"}\n{"TotalCount": 1}\n')
    entries = list(read_lines(stream, "big.jsonl"))  # type: ignore[arg-type]
    assert [e.label for e in entries] == ["big.jsonl:1", "big.jsonl:2"]
    assert entries[0].error is not None and entries[0].error.startswith("line longer than")
    assert entries[1].error is None and entries[1].body.value == {"TotalCount": 1}
    assert stream.longest <= 1001


def test_stdin_document_over_the_size_limit_is_refused_unread(monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE", 10_000)
    monkeypatch.setattr(readers, "MAX_LINE", 1000)
    stream = Reads(b"[" + b"1, " * 100_000 + b"1]")
    [entry] = read_stream(stream, "<stdin>")  # type: ignore[arg-type]
    assert entry.error is not None and entry.error.startswith("more than 0 MiB on stdin")
    assert stream.longest <= 10_001
    [entry] = read_stream(io.BytesIO(b'{"TotalCount": 1}'), "<stdin>")  # small: read
    assert entry.error is None


def test_hostile_captures_through_the_command_line(tmp_path):
    """`python -m generator validate` as a user runs it, on a folder of hostile captures:
    each bad file is its own input error, the good ones are still checked, exit 1, nothing on
    stderr and no traceback. An empty file is an empty body where the docs document one: a
    finding, not an input error."""
    good = (CAPTURED / LIST / "page-1-item.json").read_bytes()
    url = "https://vpc.aliyuncs.com/?Action=ListIpsecServers&RegionId=cn-hangzhou"
    entry = {"request": {"method": "GET", "url": url}, "response": {
        "status": 200, "content": {"mimeType": "application/json", "text": good.decode()}}}
    har = json.dumps({"log": {"entries": [entry]}}).encode()
    expected = {  # file: (bytes, start of its input error)
        "deep.json": (b"[" * 100_000 + b"]" * 100_000, "the body nests more than"),
        "big-int.json": (b'{"TotalCount": 1' + b"0" * 400 + b"}", "a number in the body is too"),
        "big-float.json": (b'{"TotalCount": 1e999}', "a number in the body is too large"),
        "invalid-utf8.json": (b'{"RequestId": "\xff\xfe", "TotalCount": 1}', "not UTF-8 text"),
        "junk.json": (bytes(range(256)) * 4, "binary data"),
        "truncated.har": (har[: len(har) // 2], "not a readable HAR file"),
        "no-body.har": (json.dumps({"log": {"entries": [{**entry, "response": {
            "status": 200, "content": {}}}]}}).encode(), "HAR entry saved without its response"),
        "no-response.har": (json.dumps({"log": {"entries": [{"request": entry["request"]}]}})
                            .encode(), "HAR entry has no response"),
        "lines.jsonl": (good.replace(b"\n", b"") + b"\n{\"Tot\n", "not valid JSON"),
    }
    folder = tmp_path / "ListIpsecServers"
    folder.mkdir()
    for name, (data, _) in expected.items():
        (folder / name).write_bytes(data)
    (folder / "good.json").write_bytes(good)
    (folder / "empty.json").write_bytes(b"")
    done = subprocess.run([sys.executable, "-m", "generator", "validate", "--format", "json",
                           "--generated", GENERATED, str(tmp_path)], cwd=ROOT,
                          capture_output=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr == b""
    report = json.loads(done.stdout)
    errors = {}
    for item in report["entries"]:
        name = item["entry"].split("/ListIpsecServers/")[1].split(":")[0].split("#")[0]
        if name == "empty.json":
            assert [f["rule"] for f in item["findings"]] == ["empty-body"]
            continue
        errors.setdefault(name, []).append(item.get("input_error") or "")
    assert set(errors) == set(expected)
    for name, (_, start) in expected.items():
        assert len(errors[name]) == 1 and errors[name][0].startswith(start), (name, errors)
    # good.json, the line before the broken one, and the two HAR requests: checked, clean
    assert report["summary"] == {"entries": 14, "exchanges": 12, "requests": 2,
                                 "responses": 12, "ok": 4, "with_errors": 1,
                                 "warnings_only": 0, "unusable": 9, "skipped": 0,
                                 "findings_not_shown": 0, "unreadable_not_shown": 0}


def test_control_characters_from_captures_are_escaped_in_the_table(capsys, monkeypatch):
    """An ESC sequence or a bidi override in a captured name reaches the table escaped: printed
    raw it would clear or restyle the terminal, or reorder the row."""
    line = json.dumps({"operation": "\x1b[2J\x1b[31mX\u202eY", "status": 200, "body": {}})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode() + b"\n")))
    code, out, _ = run(capsys, "-")
    assert code == 2
    assert "no documented operation \\x1b[2J\\x1b[31mX\\u202eY" in out
    assert "\x1b" not in out and "\u202e" not in out
