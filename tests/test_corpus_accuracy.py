"""Accuracy against the official truth of every set of the development corpus
(../shared/corpus), scored with the project-independent scorer (../shared/tools/score.py).

The floors are in `tests/corpus_floors.json`, one entry per set, each a hair below the figure
measured when it was written (`python benchmarks/accuracy.py` prints them): a change that
loses accuracy on any set fails here. Slow (every set is built): marked `slow`, so the default
run skips it; `python -m pytest -m slow tests/test_corpus_accuracy.py` runs it (CI does).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.accuracy import _scorer, corpus_sets, figures, score_set
from generator.build import build_pages
from tests.conftest import CORPUS, ROOT, SHARED, needs_shared

SCORER = SHARED / "tools" / "score.py"
FLOORS = json.loads((ROOT / "tests" / "corpus_floors.json").read_text(encoding="utf-8"))
"""{set name: {metric: floor}}; metrics as `benchmarks/accuracy.py` names them."""

_SETS = {name: (pages, oracle) for name, pages, oracle in corpus_sets(CORPUS)} \
    if CORPUS.is_dir() else {}

pytestmark = [
    pytest.mark.slow,  # one build of each set and the scorer: minutes
    pytest.mark.skipif(not SCORER.is_file() or not CORPUS.is_dir(),
                       reason=needs_shared("corpus and ../shared/tools/score.py")),
]


def test_every_corpus_set_has_floors():
    assert sorted(_SETS) == sorted(FLOORS), "tests/corpus_floors.json must list every set"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_does_not_regress(name: str, tmp_path: Path) -> None:
    pages, oracle = _SETS[name]
    builds, _ = build_pages([pages], tmp_path / "out", product="api", write=False)
    document = max((b.files[k] for b in builds for k in b.files if k.endswith("openapi.json")),
                   key=len)
    openapi = tmp_path / "openapi.json"
    openapi.write_text(document, encoding="utf-8")
    score = _scorer()
    found = figures(score, score_set(score, openapi, oracle)["summary"])
    floors = FLOORS[name]
    assert found["matched"] >= floors.get("matched", found["ops"]), (name, found)
    for metric, floor in floors.items():
        if metric != "matched":
            assert found[metric] is not None and found[metric] >= floor, (name, metric, found)
