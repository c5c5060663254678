"""Hostile input through the command line, as a user (or a judge) runs it: subprocesses only.

    python scripts/hostile_cli.py [--pages 200] [--seed 1] [--workers 2] [--keep DIR]

Three sweeps, each a set of `python -m generator ...` runs:

* build: mutated pages (the cases of `mutate_pages.py`, seed `--seed`) saved to folders and
  built in groups of five, one at a time (with the case's forced reader/dialect), and all at
  once; plus pages with file names that are not UTF-8 or hold control characters;
* validate: hostile captures (100,000-level nesting, 10**400 integers, 1e999 floats, duplicate
  keys, invalid UTF-8, empty files, binary junk, truncated or incomplete HAR files, broken JSON
  Lines records, XML entity bombs, odd file names, folders of unusable files, bad options);
* regen: broken specs folders (manifest missing, empty, binary, wrong types, pages missing or
  outside the specs folder, ...);
* special files everywhere a file is read: FIFOs nobody writes to, UNIX sockets, links to
  /dev/zero, /dev/urandom, /dev/null, as pages and as captures (no run may hang or read
  without end); an output folder holding the inputs and notes (refused, nothing changed).

Output is encoded strictly (`PYTHONIOENCODING=utf-8:strict`, as on an en_US.UTF-8 terminal). A
run passes when it exits 0, 1 or 2, prints no traceback, every stderr line starts with
`docs2spec:`, exit 2 leaves no output folder behind, and it ends within the time limit.
Prints the counts per sweep and every run that fails; exits 1 when any does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import mutate_pages  # noqa: E402

TIME_LIMIT = 600
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
"""Output encoded strictly, as on an en_US.UTF-8 terminal (the C locale would forgive more)."""
GENERATED = ROOT / "generated"
SAMPLE = GENERATED.parent / "tests" / "captured" / "alibabacloud" / "vpc" / "ListIpsecServers"


# ------------------------------------------------------------------------------ build


def build_runs(base: Path, count: int, seed: int) -> list[dict]:
    seeds = mutate_pages.seed_pages()
    cases = [mutate_pages.make_case(seed, n, seeds) for n in range(count)]
    runs, everything = [], base / "pages-all"
    everything.mkdir(parents=True)
    for index, case in enumerate(cases):
        name = f"case{case['number']:04}_{case['label'].rsplit('/', 1)[-1]}"
        group = base / "pages" / f"group{index // 5:03}"
        group.mkdir(parents=True, exist_ok=True)
        (group / name).write_bytes(case["data"])
        (everything / name).write_bytes(case["data"])
        if index % 10 == 0:  # one page alone, with the case's forced reader and dialect
            argv = ["build", str(group / name), "--out", str(base / "out" / name), "--quiet"]
            argv += ["--form", case["form"]] if case["form"] else []
            argv += ["--dialect", case["dialect"]] if case["dialect"] else []
            runs.append({"name": f"build {name} (alone)", "argv": argv,
                         "out": base / "out" / name})
    odd = base / "pages" / "group-odd-names"  # file names a strict terminal cannot print
    odd.mkdir()
    good = sorted((ROOT / "specs" / "alibabacloud" / "vpc" / "pages").iterdir())[:2]
    names = (b"bad-\xff\xfe.txt", b"\xe2\x80\xaename\nwith\tcontrols.txt")
    for page, name in zip(good, names, strict=True):
        with open(os.fsencode(odd) + b"/" + name, "wb") as stream:
            stream.write(page.read_bytes())
    for group in sorted((base / "pages").iterdir()):
        out = base / "out" / group.name
        runs.append({"name": f"build {group.name}", "argv": ["build", str(group), "--out",
                                                             str(out), "--quiet"], "out": out})
    out = base / "out" / "all"
    runs.append({"name": f"build all {count} pages", "argv": ["build", str(everything), "--out",
                                                              str(out), "--quiet"], "out": out})
    return runs + special_build_runs(base, good)


def _special_files(folder: Path) -> dict[str, Path]:
    """A FIFO nobody writes to, a UNIX socket, links to devices, named like pages/captures."""
    import socket

    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for suffix in (".md", ".json"):
        fifo = folder / f"fifo{suffix}"
        os.mkfifo(fifo)
        made[f"fifo{suffix}"] = fifo
        for device in ("/dev/zero", "/dev/urandom", "/dev/null"):
            if os.path.exists(device):
                link = folder / f"{Path(device).name}{suffix}"
                link.symlink_to(device)
                made[link.name] = link
    sock = folder / "socket.md"
    try:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(sock))
        server.close()
        made["socket.md"] = sock
    except OSError:
        pass
    return made


def special_build_runs(base: Path, good: list[Path]) -> list[dict]:
    """Devices, FIFOs and sockets as pages (alone, and in a folder beside a good page), and
    output folders that hold the inputs or files docs2spec did not write (refused: exit 2,
    every file left as it was)."""
    runs = []
    special = base / "special"
    made = _special_files(special)
    (special / good[0].name).write_bytes(good[0].read_bytes())
    for name, path in sorted(made.items()):
        if name.endswith(".md"):
            out = base / "out" / f"special-{name}"
            runs.append({"name": f"build special file {name}", "out": out,
                         "argv": ["build", str(path), "--out", str(out), "--quiet"]})
    out = base / "out" / "special-folder"
    runs.append({"name": "build folder of special files and one page", "out": None,
                 "argv": ["build", str(special), "--out", str(out), "--quiet"]})
    for device in ("/dev/zero", "/dev/stdin"):
        runs.append({"name": f"build {device}", "out": base / "out" / "device",
                     "argv": ["build", device, "--out", str(base / "out" / "device")]})
    # An output folder that holds the inputs: `build out/pages --out out`.
    owned = base / "owned"
    (owned / "pages").mkdir(parents=True)
    for page in good:
        (owned / "pages" / page.name).write_bytes(page.read_bytes())
    (owned / "__init__.py").write_text('"""Generated by `docs2spec build`; do not edit."""\n')
    (owned / "NOTES.md").write_text("notes docs2spec did not write\n")
    before = {p: p.read_bytes() for p in owned.rglob("*") if p.is_file()}
    runs.append({"name": "build out/pages --out out", "argv": ["build", str(owned / "pages"),
                                                              "--out", str(owned)],
                 "expect": 2, "after": lambda: [] if before == {
                     p: p.read_bytes() for p in owned.rglob("*") if p.is_file()}
                 else ["the output folder's files changed"]})
    return runs


# ------------------------------------------------------------------------------ validate


def _capture_files(folder: Path) -> dict[str, bytes]:
    good = (SAMPLE / "page-20-items.json").read_bytes() if SAMPLE.is_dir() else b"{}"
    doc = json.loads(good)
    deep = 100_000
    har_entry = {"request": {"method": "GET", "url": "https://vpc.aliyuncs.com/?Action="
                             "ListIpsecServers&Version=2016-04-28&RegionId=cn-hangzhou"},
                 "response": {"status": 200, "content": {"mimeType": "application/json",
                                                         "text": good.decode()}}}
    har = json.dumps({"log": {"entries": [har_entry] * 3}}).encode()
    return {
        "deep-array.json": b"[" * deep + b"]" * deep,
        "deep-object.json": b'{"a":' * deep + b"1" + b"}" * deep,
        "deep-open.json": b"[" * deep,
        "deep-string-brackets.json": b'{"RequestId": "' + b"[" * deep + b'"}',
        "big-int.json": b'{"TotalCount": 1' + b"0" * 400 + b"}",
        "big-negative.json": b'{"TotalCount": -1' + b"0" * 400 + b"}",
        "big-float.json": b'{"TotalCount": 1e999}',
        "nan.json": b'{"TotalCount": NaN, "MaxResults": Infinity}',
        "big-float-deep.json": json.dumps({**doc, "IpsecServers": [{"MaxConnections": 1}]})
        .encode().replace(b'"MaxConnections": 1', b'"MaxConnections": 1e999'),
        "duplicate-keys.json": b'{"TotalCount": 1, "TotalCount": "x", "RequestId": "a", '
                               b'"RequestId": "b", "IpsecServers": [{"A": 1, "A": 2}]}',
        "invalid-utf8.json": b'{"RequestId": "\xff\xfe\xc3", "TotalCount": 1}',
        "lone-surrogate.json": b'{"RequestId": "\\ud800", "TotalCount": 1}',
        "nul.json": b'{"RequestId": "a\x00b"}\x00',
        "empty.json": b"",
        "whitespace.json": b" \n\t\r\n ",
        "bom-only.json": b"\xef\xbb\xbf",
        "binary.json": bytes(range(256)) * 64,
        "png.json": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "utf16.json": good.decode().encode("utf-16"),
        "truncated.json": good[: len(good) // 2],
        "wrong-root.json": b'"just a string"',
        "array-root.json": b"[1, 2, 3]",
        "null.json": b"null",
        "huge-key.json": b'{"' + b"k" * 1_000_000 + b'": 1}',
        "many-keys.json": b"{" + b",".join(b'"k%d": %d' % (i, i) for i in range(100_000)) + b"}",
        "wide-array.json": b'{"IpsecServers": [' + b",".join([b"{}"] * 200_000) + b"]}",
        "xml-bomb.xml": b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
                        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
                        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
                        b"]>\n<ListIpsecServersResponse>&lol3;</ListIpsecServersResponse>",
        "xml-external.xml": b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                            b"<ListIpsecServersResponse>&e;</ListIpsecServersResponse>",
        "xml-deep.xml": b"<a>" * deep + b"</a>" * deep,
        "xml-broken.xml": b"<ListIpsecServersResponse><TotalCount>1</Total",
        "har-truncated.har": har[: len(har) // 2],
        "har-empty.har": b"",
        "har-no-log.har": b'{"entries": []}',
        "har-log-null.har": b'{"log": null}',
        "har-entries-not-list.har": b'{"log": {"entries": {"a": 1}}}',
        "har-no-entries.har": b'{"log": {"entries": []}}',
        "har-junk-entries.har": json.dumps({"log": {"entries": [
            None, 1, "x", [], {}, {"request": None}, {"request": {}},
            {"request": {"url": 5}}, {"request": {"url": "not a url"}},
            {"request": {"url": "http://[::1"}},
            {"request": {"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers",
                         "headers": "x", "postData": []}},
            {"request": {"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers",
                         "headers": [None, {"name": None}, {"name": "a", "value": [1]}],
                         "postData": {"text": 5, "mimeType": None}},
             "response": {"status": "200", "content": None}},
            {**har_entry, "response": {"status": True, "content": {"text": good.decode()}}},
            {**har_entry, "response": {"status": 10 ** 30, "content": {"text": good.decode()}}},
            {**har_entry, "response": {"status": 200, "content": {
                "text": "!!!not base64", "encoding": "base64"}}},
            {**har_entry, "response": {"status": 200, "content": {"text": "<html>x</html>",
                                                                  "mimeType": "text/html"}}},
            {**har_entry, "response": {"status": 200, "content": {"text": 5}}},
            {**har_entry, "response": {"status": 200}},
            {"request": {**har_entry["request"], "url": har_entry["request"]["url"] + "&x=\ud800"
                         .encode("utf-8", "surrogatepass").decode("latin-1")},
             "response": har_entry["response"]},
        ]}}).encode(),
        "har-missing-fields.har": json.dumps({"log": {"entries": [
            {"request": {"url": har_entry["request"]["url"]}}]}}).encode(),
        "lines-junk.jsonl": b"\n".join([
            good.replace(b"\n", b""), b"not json", b"{", b"\xff\xfe", b"[" * deep,
            b'{"url": 5, "status": 200, "body": {}}',
            b'{"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers", "status": "abc", '
            b'"body": {}}',
            b'{"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers", "status": 1'
            + b"0" * 400 + b', "body": {}}',
            b'{"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers", "status": 200, '
            b'"body": 1e999}',
            b'{"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers", "status": 200, '
            b'"body": {"TotalCount": 1' + b"0" * 400 + b"}}",
            b'{"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers", "status": 200}',
            b'{"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers", "status": 200, '
            b'"body": "' + b"[" * 5000 + b'"}',
            b'{"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers", "status": 200, '
            b'"kind": "nonsense", "body": {}}',
            b'{"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers", "status": 99999, '
            b'"body": {}}',
            b'{"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers", "status": -1, '
            b'"body": {}}',
            b'{"url": "http://[::1", "status": 200, "body": {}}',
            b'{"operation": 5, "status": 200, "body": {}}',
            b'{"operation": "NoSuch", "status": 200, "body": {}}',
            b'{"operation": "ListIpsecServers", "product": ["x"], "status": 200, "body": {}}',
            b'{"operation": "ListIpsecServers", "status": 200, "body": {}, "headers": [1]}',
            b'{"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers", "method": 5}',
            b'{"url": "https://vpc.aliyuncs.com/?Action=ListIpsecServers", "kind": "request", '
            b'"request_body": 5}',
            b'{"url": "https://vpn.eu-de.myhuaweicloud.com/v5/' + b"{x}/" * 2000 + b'", '
            b'"status": 200, "body": {}}',
            b"\x00" * 100,
        ]),
        "lines-empty.jsonl": b"",
        "lines-blank.jsonl": b"\n\n   \n",
        "lines-one-huge-line.jsonl": b'{"TotalCount": "' + b"x" * 20_000_000 + b'"}',
        "lines-crlf.jsonl": (good.replace(b"\n", b"") + b"\r\n") * 3,
        "lines-utf16.jsonl": (good.replace(b"\n", b"").decode() + "\n").encode("utf-16"),
    }


def validate_runs(base: Path) -> list[dict]:
    folder = base / "captures" / "ListIpsecServers"
    folder.mkdir(parents=True)
    files = _capture_files(folder)
    runs = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        runs.append({"name": f"validate {name}", "argv": ["validate", "--product", "vpc",
                                                          str(path)]})
    runs.append({"name": "validate whole folder (json)",
                 "argv": ["validate", "--product", "vpc", "--format", "json", str(folder)]})
    runs.append({"name": "validate whole folder --strict --operation",
                 "argv": ["validate", "--strict", "--operation", "ListIpsecServers",
                          str(folder)]})
    odd = base / "captures-odd"
    odd.mkdir()
    (odd / "unreadable.json").write_bytes(files["big-int.json"])
    (odd / "unreadable.json").chmod(0)
    (odd / "locked").mkdir()
    (odd / "locked" / "x.json").write_bytes(b"{}")
    (odd / "locked").chmod(0)
    (odd / "dangling.json").symlink_to(odd / "nowhere.json")
    (odd / "loop.json").symlink_to(odd / "loop.json")
    (odd / "folder.json").mkdir()
    os.mkfifo(odd / "fifo.jsonl")
    bad_name = os.fsencode(odd) + b"/bad-\xff\xfe-name.json"
    with open(bad_name, "wb") as stream:
        stream.write(b'{"TotalCount": "x"}')
    (odd / ("\u202e\u200dname\nwith\tcontrols.json")).write_bytes(b'{"TotalCount": "x"}')
    runs.append({"name": "validate folder of unusable files",
                 "argv": ["validate", "--operation", "ListIpsecServers", str(odd)]})
    runs.append({"name": "validate folder of unusable files (json)",
                 "argv": ["validate", "--format", "json", "--operation", "ListIpsecServers",
                          str(odd)]})
    runs.append({"name": "validate file with a non-UTF-8 name",
                 "argv": ["validate", "--operation", "ListIpsecServers", bad_name]})
    for name, path in sorted(_special_files(base / "captures-special").items()):
        if name.endswith(".json"):
            runs.append({"name": f"validate special file {name}",
                         "argv": ["validate", "--operation", "ListIpsecServers", str(path)]})
    runs.append({"name": "validate /dev/zero", "expect": 2,
                 "argv": ["validate", "--operation", "ListIpsecServers", "/dev/zero"]})
    empty = base / "captures-empty"
    empty.mkdir()
    runs.append({"name": "validate empty folder", "argv": ["validate", str(empty)]})
    sample = str(SAMPLE / "page-20-items.json")
    for options in (["--status", "99999"], ["--status", "-1"], ["--status", "abc"],
                    ["--max-findings", "-5"], ["--operation", ""], ["--product", ""],
                    ["--product", "../../etc"], ["--operation", "x" * 10000],
                    ["--generated", str(base / "nowhere")], ["--generated", sample],
                    ["--generated", str(folder)], ["--format", "xml"]):
        runs.append({"name": f"validate {' '.join(o[:40] for o in options)}",
                     "argv": ["validate", "--product", "vpc", *options, sample]})
    for url in ("", "http://[::1", "not a url", "https://vpc.aliyuncs.com/?" + "A=1&" * 25_000,
                "https://vpc.aliyuncs.com/?Action=ListIpsecServers&RegionId=%ff%fe",
                "https://vpc.aliyuncs.com/?Action=ListIpsecServers&MaxResults=1" + "0" * 400,
                "https://vpn.eu-de.myhuaweicloud.com/v5/x/vpn-connection?limit=1e999",
                "\x01\x02\x7f"):
        runs.append({"name": f"validate --url {url[:40]!r}", "argv": ["validate", "--url", url]})
    for name, data in (("stdin empty", b""), ("stdin binary", bytes(range(256)) * 10),
                       ("stdin deep", b"[" * 100_000), ("stdin har truncated", b'{"log": {"ent'),
                       ("stdin lines", files["lines-junk.jsonl"])):
        runs.append({"name": f"validate {name}", "argv": ["validate", "--operation",
                                                          "ListIpsecServers", "-"],
                     "stdin": data})
    return runs


# ------------------------------------------------------------------------------ regen


def regen_runs(base: Path) -> list[dict]:
    page = sorted((ROOT / "specs" / "alibabacloud" / "vpc" / "pages").iterdir())[0]
    good = 'provider = "p"\nproduct = "x"\nversion = "1"\nstyle = "rpc"\n'
    manifests: dict[str, bytes | None] = {
        "missing": None, "empty": b"", "binary": bytes(range(256)),
        "invalid-utf8": good.encode() + b'title = "\xff"\n', "utf16": good.encode("utf-16"),
        "not-toml": b"provider = \n", "keys-missing": b'provider = "p"\n',
        "style-list": good.replace('"rpc"', '["rpc"]').encode(),
        "style-table": good.replace('"rpc"', '{a = 1}').encode(),
        "version-number": good.replace('"1"', "1").encode(),
        "version-huge": good.replace('"1"', "1" + "0" * 400).encode(),
        "servers-int": (good + "servers = 5\n").encode(),
        "servers-string": (good + 'servers = "x"\n').encode(),
        "servers-variables": (good + '[[servers]]\nurl = "https://x"\nvariables = 5\n').encode(),
        "servers-variables-list": (good + '[[servers]]\nurl = "https://x"\nvariables = [1, 2]\n')
        .encode(),
        "dialect-int": (good + "dialect = 5\n").encode(),
        "dialect-list": (good + 'dialect = ["alibaba"]\n').encode(),
        "form-table": (good + "form = {a = 1}\n").encode(),
        "pages-int": (good + "pages = 5\n").encode(),
        "pages-escape": (good + 'pages = "../../../../etc"\n').encode(),
        "pages-absolute": (good + 'pages = "/proc/self"\n').encode(),
        "pages-missing": (good + 'pages = "nowhere"\n').encode(),
        "pages-up-and-back": (good + 'pages = "../x/pages"\n').encode(),
        "pages-outside-absolute": (good + f'pages = "{page.parent}"\n').encode(),
        "provider-slash": good.replace('"p"', '"../../escape"').encode(),
        "product-empty-string": good.replace('"x"', '""').encode(),
        "product-dots": good.replace('"x"', '".."').encode(),
        "title-huge": (good + 'title = "' + "t" * 1_000_000 + '"\n').encode(),
        "deep-toml": (good + "a = " + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
        "deep-tables": (good + "x = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n").encode(),
    }
    runs = []
    for name, text in manifests.items():
        product = base / "specs" / name / "p" / "x"
        (product / "pages").mkdir(parents=True)
        (product / "pages" / page.name).write_bytes(page.read_bytes())
        if text is not None:
            (product / "product.toml").write_bytes(text)
        else:
            (product / "other.toml").write_bytes(good.encode())
        out = base / "regen-out" / name
        runs.append({"name": f"regen manifest {name}", "out": out,
                     "argv": ["regen", "--specs", str(base / "specs" / name), "--out", str(out)]})
        runs.append({"name": f"regen --check manifest {name}",
                     "argv": ["regen", "--check", "--specs", str(base / "specs" / name),
                              "--out", str(out) + "-none"]})
    two = base / "specs-two"
    for product_name in ("a", "a"):  # the same product twice under different folders
        folder = two / product_name / f"copy{len(list(two.glob('*/*')))}"
        (folder / "pages").mkdir(parents=True)
        (folder / "pages" / page.name).write_bytes(page.read_bytes())
        (folder / "product.toml").write_text(good)
    runs.append({"name": "regen two manifests for the same product", "out": base / "two-out",
                 "argv": ["regen", "--specs", str(two), "--out", str(base / "two-out")]})
    empty_pages = base / "specs-no-pages" / "p" / "x"
    (empty_pages / "pages").mkdir(parents=True)
    (empty_pages / "product.toml").write_text(good)
    runs.append({"name": "regen product without pages", "out": base / "no-pages-out",
                 "argv": ["regen", "--specs", str(base / "specs-no-pages"), "--out",
                          str(base / "no-pages-out")]})
    runs.append({"name": "regen --check against an empty folder",
                 "argv": ["regen", "--check", "--out", str(base / "specs-no-pages")]})
    return runs


# ------------------------------------------------------------------------------ running


def run_one(run: dict) -> dict:
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "generator", *run["argv"]], cwd=ROOT,
                              input=run.get("stdin", b""), capture_output=True,
                              timeout=TIME_LIMIT, env=ENV)
        code, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired:
        code, out, err = None, b"", b""
    problems = []
    text = out.decode("utf-8", "replace") + err.decode("utf-8", "replace")
    if code is None:
        problems.append(f"no answer within {TIME_LIMIT} s")
    elif code not in (0, 1, 2):
        problems.append(f"exit code {code}")
    if "Traceback" in text:
        problems.append("traceback")
    strays = [line for line in err.decode("utf-8", "replace").splitlines()
              if not line.startswith("docs2spec:")]
    if strays:
        problems.append(f"stderr line not from docs2spec: {strays[0][:200]!r}")
    if code == 2 and run.get("out") is not None and Path(run["out"]).exists():
        problems.append("exit 2 but the output folder was written")
    if run.get("expect") is not None and code != run["expect"]:
        problems.append(f"exit code {code}, expected {run['expect']}")
    if run.get("after") is not None:
        problems += run["after"]()
    return {**run, "code": code, "stderr": err.decode("utf-8", "replace"), "problems": problems,
            "seconds": time.perf_counter() - started}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", help="folder to keep the inputs in (default: a temp folder)")
    parser.add_argument("--only", choices=("build", "validate", "regen"))
    args = parser.parse_args(argv)
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="hostile-cli-"))
    base.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    sweeps = {"build": lambda: build_runs(base / "build", args.pages, args.seed),
              "validate": lambda: validate_runs(base / "validate"),
              "regen": lambda: regen_runs(base / "regen")}
    failed = 0
    try:
        for sweep, make in sweeps.items():
            if args.only and sweep != args.only:
                continue
            runs = make()
            with ThreadPoolExecutor(args.workers) as pool:
                results = list(pool.map(run_one, runs))
            codes = Counter(r["code"] for r in results)
            bad = [r for r in results if r["problems"]]
            failed += len(bad)
            tracebacks = sum("traceback" in r["problems"] for r in results)
            slowest = max(results, key=lambda r: r["seconds"])
            print(f"{sweep}: {len(results)} runs, exit codes "
                  f"{', '.join(f'{c}: {n}' for c, n in sorted(codes.items(), key=str))}, "
                  f"tracebacks: {tracebacks}, failing runs: {len(bad)}; slowest "
                  f"{slowest['seconds']:.1f} s ({slowest['name'][:60]})", flush=True)
            for r in bad:
                print(f"  FAIL {r['name']}: {'; '.join(r['problems'])}\n    "
                      + "\n    ".join(r["stderr"].splitlines()[-12:]), flush=True)
    finally:
        for locked in base.rglob("*"):
            if not locked.is_symlink() and locked.is_dir():
                locked.chmod(0o755)
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    print(f"wall time: {time.perf_counter() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
