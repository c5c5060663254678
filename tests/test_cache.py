"""The models cache: the same inputs give the cached text without running the generator;
any change of input makes it again; `DOCS2SPEC_CACHE=off` keeps nothing."""

from __future__ import annotations

import datamodel_code_generator
import pytest

from generator.emitters.cache import cached_text, folder
from generator.emitters.models import emit_models


def test_same_inputs_reuse_the_text_and_changed_inputs_do_not(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCS2SPEC_CACHE", str(tmp_path))
    made = []

    def make(text):
        made.append(text)
        return text

    assert cached_text("t", ("a", "b"), lambda: make("first")) == "first"
    assert cached_text("t", ("a", "b"), lambda: make("second")) == "first"
    assert cached_text("t", ("a", "c"), lambda: make("third")) == "third"
    assert cached_text("t", ("ab", ""), lambda: make("fourth")) == "fourth"  # not "a" + "b"
    assert made == ["first", "third", "fourth"]


def test_off_and_unwritable_caches_make_the_text_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCS2SPEC_CACHE", "off")
    assert folder() is None
    assert cached_text("t", ("a",), lambda: "x") == "x"
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DOCS2SPEC_CACHE", str(blocker))
    assert cached_text("t", ("a",), lambda: "y") == "y"


def test_models_come_from_the_cache_byte_for_byte(products, tmp_path, monkeypatch):
    monkeypatch.setenv("DOCS2SPEC_CACHE", str(tmp_path))
    product = products["alibabacloud/vpc"]
    first = emit_models(product)

    def refuse(*args, **kwargs):
        raise AssertionError("datamodel-code-generator ran although the cache holds the text")

    monkeypatch.setattr(datamodel_code_generator, "generate", refuse)
    assert emit_models(product) == first
    monkeypatch.setenv("DOCS2SPEC_CACHE", "off")
    with pytest.raises(AssertionError, match="cache holds"):
        emit_models(product)
