"""`docs2spec validate` on hostile captures (issue 13, defects 13 and 14).

Caps count bytes actually read (`/dev/zero` has `st_size` 0 and was read without end); a FIFO
nobody writes to does not block; DOCTYPE/ENTITY declarations are refused after decoding
(UTF-16 XML); an HTML error page is reported as not the documented body; HAR files are
streamed with bounded memory; one integer rule (JSON Schema's: `1.0` is an integer) for the
validator and the models; control and bidi characters are escaped in text and JSON output.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.validation import readers, validate_response

ROOT = Path(__file__).resolve().parent.parent
GENERATED = str(ROOT / "generated")
BODY = {"RequestId": "r-1", "TotalCount": 1, "PageNumber": 1, "MaxResults": 10,
        "IpsecServers": []}


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(["validate", "--generated", GENERATED, "--operation", "ListIpsecServers", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out


def _cli(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "validate", "--generated",
                           GENERATED, "--operation", "ListIpsecServers", *argv], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused_not_read():
    """Defect 13: `validate /dev/zero` read 1.35 GB in 2 s (the cap was checked on st_size)."""
    result = _cli("/dev/zero", "/dev/zero.jsonl" if os.path.exists("/dev/zero.jsonl") else
                  "/dev/null")
    assert result.returncode == 2, result.stderr
    assert "character device, not a capture file" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_without_a_writer_does_not_block(tmp_path):
    fifo = tmp_path / "capture.json"
    os.mkfifo(fifo)
    result = _cli(str(fifo), timeout=60)  # blocked forever before
    # Read as an empty body: an error finding (the docs document a body for 200), not a hang.
    assert result.returncode == 1 and "no body" in result.stdout, result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_with_a_writer_is_read(tmp_path, capsys):
    """`validate <(curl ...)` hands over a pipe: it is read, up to the same cap. The pipe is
    filled before `validate` opens it (a read end held open keeps the bytes), so no thread
    races the reader's non-blocking open: a writer that came later would find the pipe read
    as empty, which is the no-writer case below."""
    fifo = tmp_path / "capture.json"
    os.mkfifo(fifo)
    keep = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        writer = os.open(fifo, os.O_WRONLY)
        os.write(writer, json.dumps(BODY).encode())
        os.close(writer)
        code, out = run(capsys, str(fifo))
    finally:
        os.close(keep)
    assert code == 0, out
    assert "no body" not in out


def test_the_cap_counts_bytes_read(tmp_path, monkeypatch, capsys):
    big = tmp_path / "big.json"
    big.write_bytes(json.dumps(BODY).encode() + b" " * 5000)
    monkeypatch.setattr(readers, "MAX_FILE", 1000)
    code, out = run(capsys, str(big))
    assert code == 2 and "larger than" in out


UTF16_BOMB = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "boom">'
              '<!ENTITY f "&e;&e;&e;&e;">]><ListIpsecServersResponse><RequestId>&f;</RequestId>'
              '</ListIpsecServersResponse>')


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-32", "utf-8"])
def test_xml_declarations_are_refused_in_any_encoding(tmp_path, capsys, codec):
    """Defect 14: a UTF-16 body with `<!DOCTYPE … <!ENTITY` passed as "ok"."""
    path = tmp_path / "body.xml"
    text = UTF16_BOMB if codec != "utf-8" else UTF16_BOMB.replace("UTF-16", "UTF-8")
    path.write_bytes(text.encode(codec) if codec != "utf-16-le" else b"\xff\xfe" +
                     text.encode(codec))
    code, out = run(capsys, str(path))
    # Expat reads no UTF-32: such a body is refused as not well-formed, never expanded.
    assert code == 2 and ("DOCTYPE or ENTITY declarations" in out or
                          codec == "utf-32" and "not well-formed" in out), out


def test_utf16_xml_without_declarations_is_read(tmp_path, capsys):
    path = tmp_path / "body.xml"
    path.write_bytes('<?xml version="1.0" encoding="UTF-16"?><ListIpsecServersResponse>'
                     '<RequestId>r</RequestId></ListIpsecServersResponse>'.encode("utf-16"))
    code, out = run(capsys, str(path))
    assert code == 0, out


@pytest.mark.parametrize("page", [
    b"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
    b"</center><hr><center>nginx</center></body></html>",
    b"<!DOCTYPE html>\n<html lang=en><meta charset=utf-8><title>Error 502</title><p>Oops",
    b"\xef\xbb\xbf<!-- proxy -->\n<HTML><BODY>Service Unavailable</BODY></HTML>"])
def test_an_html_error_page_is_not_the_documented_body(tmp_path, capsys, page):
    """Defect 14: a proxy's HTML 502 page was read as XML and gave an error finding."""
    path = tmp_path / "reply.json"
    path.write_bytes(page)
    code, out = run(capsys, str(path))
    assert code == 2 and "an HTML page, not the documented JSON or XML body" in out


def _peak_rss_of(argv: list[str]) -> tuple[int, str]:
    """Peak resident memory (bytes) of a child process running `argv`."""
    code = ("import resource, subprocess, sys\n"
            f"r = subprocess.run({argv!r}, capture_output=True, text=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
            "print(r.stdout[-300:])")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=600).stdout
    peak, _, tail = out.partition("\n")
    return int(peak) * 1024, tail


def test_a_har_file_is_streamed_with_bounded_memory(tmp_path):
    """Defect 14: a 10^6-entry HAR (288 MB) took 2.1 GB (7x the file). Streamed, the peak
    stays near the interpreter's own, far below the file's size."""
    body = json.dumps(BODY)
    entry = {"request": {"method": "GET", "url": "https://vpc.aliyuncs.com/?Action="
                         "ListIpsecServers&RegionId=cn-hangzhou", "headers": []},
             "response": {"status": 200, "content": {"mimeType": "application/json",
                                                     "text": body}},
             "comment": "x" * 4000}
    har = tmp_path / "session.har"
    count = 20_000
    with har.open("w") as stream:
        stream.write('{"log": {"version": "1.2", "entries": [')
        stream.write(",".join([json.dumps(entry)] * count))
        stream.write("]}}")
    size = har.stat().st_size
    peak, tail = _peak_rss_of([sys.executable, "-m", "generator", "validate", "--generated",
                               GENERATED, str(har)])
    assert f"Checked {count} entries ({2 * count} messages" in tail, tail
    assert size > 80_000_000
    assert peak < size, f"peak {peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB HAR"


def _model(name: str):
    import importlib

    return importlib.import_module("generated.alibabacloud.vpc.models").RESPONSES[name]


@pytest.mark.parametrize("value, valid", [(10, True), (10.0, True), (1e1, True), (10.5, False),
                                          ("10", False), (True, False)])
def test_one_integer_rule_for_validator_and_models(value, valid):
    """Defect 14: `1.0` for an integer passed the validator but failed the models. The rule is
    JSON Schema's: a number with a zero fraction is an integer; strings and booleans are not."""
    body = json.dumps({**BODY, "MaxResults": value}).encode()
    findings = [f for f in validate_response("alibabacloud/vpc", "ListIpsecServers", body)
                if f.severity == "error"]
    assert (not findings) is valid, findings
    try:
        _model("ListIpsecServers").model_validate(json.loads(body))
        by_model = True
    except ValueError:
        by_model = False
    assert by_model is valid


def test_control_and_bidi_characters_are_escaped_in_every_format(tmp_path, capsys):
    """Defect 14: U+2028 raw in the table; U+009B, U+202E, U+2066 raw in `--format json`."""
    path = tmp_path / "a\u2028b\u009b31m\u202ec\u2066d.json"
    path.write_text(json.dumps({**BODY, "MaxResults": "x\u202ey\u2028"}))
    raw = ("\u2028", "\u009b", "\u202e", "\u2066")
    for fmt in ("text", "json"):
        code = main(["validate", "--generated", GENERATED, "--operation", "ListIpsecServers",
                     "--format", fmt, str(path)])
        out, _ = capsys.readouterr()
        assert code == 1
        assert not [c for c in raw if c in out], (fmt, out)
        if fmt == "json":
            entry = json.loads(out)["entries"][0]
            assert "\u202e" in entry["entry"]  # escaped in the text, the same value when read


def test_rusage_is_available():
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0
