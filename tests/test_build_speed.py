"""The build's speed-ups give the same answers as the plain code they replace (the timings are in
benchmarks/bench_build.py; none here)."""

from __future__ import annotations

import gc
import random

from generator import gcsettings, pipeline
from generator.emitters.models import _may_share_attributes, _shared_attributes
from generator.location import _JSON_ESCAPES, json_visible


def test_json_visible_escapes_as_the_table_says() -> None:
    pool = [chr(c) for c in range(0x300)] + ["\u202e", "\u2028", "\ufeff", "\u2066", "\u4e2d"]
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 60)))
        assert json_visible(text) == text.translate(_JSON_ESCAPES)
    assert json_visible('"a\u202eb"') == '"a\\u202eb"'


def test_shared_attributes_precheck_is_a_superset() -> None:
    clash = 'class A(BaseModel):\n    """Note: text.\n    """\n\n    \ufb01eld: int\n    field: str\n'
    assert _may_share_attributes(clash) and _shared_attributes(clash) == {"A"}
    fine = ('class A(BaseModel):\n    """Note: one.\n\n    Note: two.\n    """\n\n    a: int\n'
            '    b: str = Field(description="Note: x")\n\n\nclass B(BaseModel):\n    a: int\n')
    assert _shared_attributes(fine) == set()  # docstring lines repeat: checked by parsing
    assert not _may_share_attributes('class A(BaseModel):\n    a: int\n    b: int\n')


def test_batch_gc_settings() -> None:
    before = gc.get_threshold()
    try:
        gcsettings.for_batch()
        assert gc.get_threshold() == gcsettings.BATCH_THRESHOLDS
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_products_emitted_in_workers_match_serial(builds) -> None:
    plans = [(build.product, list(build.results)) for build in builds]
    assert len(plans) >= 2  # the parallel path
    parallel = pipeline.emit_products(plans)
    assert pipeline._INHERITED == []  # nothing kept after the pool
    assert parallel == [pipeline.emit_product(p, r, False) for p, r in plans]
