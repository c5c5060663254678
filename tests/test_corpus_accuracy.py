"""Accuracy against the official truth of the development corpus (../shared/corpus), scored
with the project-independent scorer (../shared/tools/score.py). The floors are the figures
recorded in the README, less half a point: a change that loses accuracy fails here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_pages
from tests.conftest import CORPUS, SHARED, needs_shared

SCORER = SHARED / "tools" / "score.py"

# set -> (pages, oracle, product, {metric: floor})
SETS = {
    "alibaba cn.zh-CN": ("alibaba/pages/vpn/cn.zh-CN", "alibaba/oracle/vpn/cn.zh-CN", "vpc",
                         {"att_request_f1": 0.99, "att_response_lenient_f1": 0.99,
                          "type_acc": 0.985, "required_acc": 0.985}),
    "alibaba intl.en-US": ("alibaba/pages/vpn/intl.en-US", "alibaba/oracle/vpn/intl.en-US", "vpc",
                           {"att_request_f1": 0.99, "att_response_lenient_f1": 0.99,
                            "type_acc": 0.99, "required_acc": 0.98}),
    "alibaba intl.zh-CN": ("alibaba/pages/vpn/intl.zh-CN", "alibaba/oracle/vpn/intl.zh-CN", "vpc",
                           {"att_request_f1": 0.995, "att_response_lenient_f1": 0.99,
                            "type_acc": 0.985, "required_acc": 0.975}),
    "huawei": ("huawei/pages/virtual-private-network",
               "huawei/oracle/virtual-private-network", "vpn",
               {"att_request_f1": 0.965, "att_response_lenient_f1": 0.965,
                "type_acc": 0.99, "required_acc": 0.99}),
}


def score(openapi: Path, oracle: Path) -> dict[str, str]:
    line = subprocess.run(
        [sys.executable, str(SCORER), str(openapi), str(oracle), "--pages", str(CORPUS),
         "--quiet"], capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    return dict(field.split("=", 1) for field in line.split()[1:])


@pytest.mark.skipif(not SCORER.is_file(), reason=needs_shared("tools/score.py and ../shared/corpus"))
@pytest.mark.parametrize("name", sorted(SETS))
def test_accuracy_does_not_regress(name, tmp_path):
    pages, oracle, product, floors = SETS[name]
    builds, _ = build_pages([CORPUS / pages], tmp_path / "out", product=product, write=False)
    assert len(builds) == 1
    openapi = tmp_path / "openapi.json"
    openapi.write_text(builds[0].files[next(k for k in builds[0].files
                                             if k.endswith("openapi.json"))], encoding="utf-8")
    figures = score(openapi, CORPUS / oracle)
    matched, total = figures["ops_matched"].split("/")
    assert matched == total, figures
    for metric, floor in floors.items():
        assert float(figures[metric]) >= floor, (metric, figures)
