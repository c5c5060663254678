"""Every table row, sample and error code of every seed page ends up in the output, or in a
diagnostic that names its page and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.pipeline import decode_page
from generator.sources import read_page
from generator.sources.tree import CodeBlock, Table
from tests.conftest import ROOT, SPECS

PAGES = sorted(p for p in SPECS.rglob("pages/*") if p.is_file())
LOCATION = re.compile(r"(specs/[^\s\"',:]+):(\d+)")


@pytest.fixture(scope="module")
def cited(files):
    """Every page:line any generated file mentions."""
    found: set[tuple[str, int]] = set()
    for text in files.values():
        found.update((path, int(line)) for path, line in LOCATION.findall(text))
    return found


def test_seed_pages_are_copied_byte_for_byte():
    from tests.conftest import SHARED, needs_shared

    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(needs_shared("seeds"))
    for seed in sorted(seeds.glob("0*.txt")):
        copies = list(SPECS.rglob(seed.name))
        assert len(copies) == 1 and copies[0].read_bytes() == seed.read_bytes(), seed.name


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_row_and_sample_is_accounted_for(page: Path, cited):
    label = page.relative_to(ROOT).as_posix()
    doc = read_page(label, decode_page(label, page.read_bytes()))
    missing = []
    for node in doc.nodes:
        if isinstance(node, Table):
            if (label, node.loc.line) in cited:
                continue  # a diagnostic about the whole table (skipped, not an API table)
            missing.extend(f"row {r.cells[:2]} at line {r.loc.line}" for r in node.rows
                           if (label, r.loc.line) not in cited)
        elif isinstance(node, CodeBlock) and (label, node.loc.line) not in cited:
            missing.append(f"code block at line {node.loc.line}")
    assert not missing, missing
