"""What the publish tests share: the pinned OpenAPI linters and a small product built from
corpus pages saved in their docs folders (so that groups are read as the docs give them)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
CORPUS = ROOT.parent / "shared" / "corpus"
LINT = ROOT / "tools" / "lint"
BIN = LINT / "node_modules" / ".bin"
ENABLE_LINT = "npm ci --prefix tools/lint (as .ci/run does)"

CORPUS_PAGES = (
    # (folder under the corpus, page files in it): groups in two languages and two dialects
    ("alibaba/pages/vpn/intl.en-US/API Reference/SSL-VPN",
     ("DescribeSslVpnServers.md", "DeleteSslVpnServer.md")),
    ("alibaba/pages/vpn/cn.zh-CN/API参考/IPsec服务端",
     ("CreateIpsecServer.md", "ListIpsecServers.md")),
    ("huawei/pages/virtual-private-cloud/api-ref/source/vpc_apis_v3/security_group",
     ("index.rst", "querying_security_groups.rst", "creating_a_security_group.rst")),
    ("huawei/pages/virtual-private-cloud/api-ref/source/vpc_apis_v1_v2/subnet",
     ("index.rst", "querying_subnets.rst", "creating_a_subnet.rst")),
)


def linters_or_skip() -> Path:
    if not (BIN / "spectral").exists() or not (BIN / "redocly").exists():
        pytest.skip(f"the pinned OpenAPI linters are not installed; run `{ENABLE_LINT}`")
    return BIN


def corpus_pages_or_skip(tmp: Path) -> Path:
    """The corpus pages above copied into `tmp/pages/<group folder>/`."""
    if not CORPUS.is_dir():
        pytest.skip(f"no development corpus at {CORPUS} (it sits beside the repository)")
    pages = tmp / "pages"
    for folder, names in CORPUS_PAGES:
        target = pages / folder.split("/")[0] / folder.rsplit("/", 1)[1]
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy(CORPUS / folder / name, target / name)
    return pages


def spectral(document: Path) -> Counter:
    """{(severity, rule): count}; severity 0 is an error."""
    run = subprocess.run([str(BIN / "spectral"), "lint", "--quiet", "-f", "json", "-r",
                          str(LINT / ".spectral.yaml"), str(document)],
                         capture_output=True, text=True, timeout=300)
    problems = json.loads(run.stdout or "[]")
    return Counter(("error" if p["severity"] == 0 else "warning", p["code"]) for p in problems)


def redocly(document: Path) -> Counter:
    run = subprocess.run([str(BIN / "redocly"), "lint", "--format", "json", "--config",
                          str(LINT / "redocly.yaml"), str(document)],
                         capture_output=True, text=True, timeout=300)
    problems = json.loads(run.stdout)["problems"]
    return Counter(("error" if p["severity"] == "error" else "warning", p["ruleId"])
                   for p in problems)


def errors(counts: Counter) -> dict:
    return {rule: n for (severity, rule), n in counts.items() if severity == "error"}
