"""The published OpenAPI documents lint clean under the pinned Spectral (`spectral:oas`) and
Redocly (`recommended`) rulesets, no rule turned off, on every document in generated/ and on a
product built from corpus pages."""

from __future__ import annotations

import pytest

from generator.build import build_pages
from tests.publish_support import (
    GENERATED,
    corpus_pages_or_skip,
    errors,
    linters_or_skip,
    redocly,
    spectral,
)

DOCUMENTS = sorted(GENERATED.glob("*/*/openapi.json"))


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    pages = corpus_pages_or_skip(tmp)
    build_pages([pages], tmp / "out")
    return sorted((tmp / "out").glob("*/*/openapi.json"))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.parent.relative_to(GENERATED)
                         .as_posix())
def test_generated_documents_lint_clean(document):
    linters_or_skip()
    assert errors(spectral(document)) == {}
    assert errors(redocly(document)) == {}


def test_a_corpus_product_lints_clean(corpus_build):
    linters_or_skip()
    assert len(corpus_build) == 2  # an Alibaba and a Huawei product
    for document in corpus_build:
        assert errors(spectral(document)) == {}, document
        assert errors(redocly(document)) == {}, document


def test_the_rulesets_turn_no_rule_off():
    """The linters' own recommended sets, as they are."""
    from tests.publish_support import LINT

    for name in ("redocly.yaml", ".spectral.yaml"):
        text = (LINT / name).read_text("utf-8")
        assert "rules:" not in text and ": off" not in text, name


def test_the_linters_do_find_errors(tmp_path):
    """The harness reports errors when there are some (a document without security and with a
    query in a path key that is not an RPC one)."""
    linters_or_skip()
    import json

    broken = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {
        "/x": {"get": {"responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"type": "array"}}}}}}}}}
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    assert "array-items" in errors(spectral(path))
    assert "security-defined" in errors(redocly(path))
