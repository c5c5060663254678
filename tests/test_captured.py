"""User captures: every file under tests/captured/ must pass its contract.

Drop real traffic here to keep the contracts honest:

* `tests/captured/<provider>/<product>/<Operation>/*.json` (or `.xml`): one response body each,
  the folder naming the operation;
* `tests/captured/**/*.har`: browser or proxy exports; each request and response is checked,
  traffic to hosts no contract describes is skipped;
* `tests/captured/**/*.jsonl`: one capture per line, `{"url", "status", "body"}` records or
  bare bodies (under an operation folder).

Each file, or each entry of a HAR/JSON Lines file, is one test; it fails on an error-severity
finding or an entry that cannot be read. Warnings (undocumented fields, format hints) pass.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from generator.validation import default_validator
from generator.validation.command import check_entry
from generator.validation.readers import ALL_SUFFIXES, read_file

ROOT = Path(__file__).resolve().parent.parent
CAPTURED = ROOT / "tests" / "captured"
GENERATED = ROOT / "generated"
ARGS = argparse.Namespace(product=None, operation=None, strict=False, status=None)
SEED_OPERATIONS = {("alibabacloud/vpc", "ListIpsecServers"),
                   ("alibabacloud/vpc", "DescribeVpnConnections"),
                   ("alibabacloud/vpc", "CreateIpsecServer"),
                   ("huaweicloud/vpn", "ListVpnConnections")}


def _entries():
    found = []
    for path in sorted(CAPTURED.rglob("*")):
        if path.is_file() and path.suffix.lower() in ALL_SUFFIXES:
            for entry in read_file(path):
                found.append(entry)
    return found


def pytest_generate_tests(metafunc):
    if "capture" in metafunc.fixturenames:
        entries = _entries()
        metafunc.parametrize("capture", entries,
                             ids=[e.label.removeprefix(CAPTURED.as_posix() + "/")
                                  for e in entries])


def test_captures_exist_for_every_seed_operation():
    entries = _entries()
    results = [check_entry(default_validator(GENERATED), e, ARGS) for e in entries]
    covered = {(r.product, r.operation) for r in results if not r.skipped}
    assert SEED_OPERATIONS <= covered
    assert {r.kind for r in results if not r.skipped} == {"request", "response"}
    assert len(entries) >= 15


def test_capture_passes_its_contract(capture):
    result = check_entry(default_validator(GENERATED), capture, ARGS)
    if result.skipped:
        pytest.skip("traffic to a host no contract describes; add that product's pages and "
                    "product.toml under specs/ (docs2spec init) to check it")
    assert result.input_error is None, result.input_error
    errors = [f for f in result.findings if f.is_error]
    assert not errors, "\n".join(f"{result.operation} {f.pointer}: {f.rule}: {f.message} "
                                 f"({f.source})" for f in errors)
