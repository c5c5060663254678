"""Type spellings of products outside the corpus (session 8, helper "heldout"): the item type
before the word (`String array`, `String list`, message notification pages), an object named
with the word `structure` (`Tags structure array`, `Subscription structure`: message
notification, anti-DDoS pages) and a dictionary written as a call (`Dict(str:str)`, dedicated
host object models)."""

from __future__ import annotations

import pytest

from generator.dialects.types import parse_type


@pytest.mark.parametrize("cell, item", [("String array", "string"), ("String list", "string"),
                                        ("Integer array", "integer"), ("Long list", "integer")])
def test_item_type_then_array(cell, item):
    spec = parse_type(cell)
    assert spec.known and spec.kind == "array" and spec.items.kind == item


@pytest.mark.parametrize("cell, ref", [("Tags structure array", "Tags"),
                                       ("Resource_tag structure array", "Resource_tag"),
                                       ("Match condition structure array", "MatchCondition")])
def test_named_structures_in_a_list(cell, ref):
    spec = parse_type(cell)
    assert spec.kind == "array" and spec.items.kind == "object" and spec.items.ref == ref


def test_named_structure():
    spec = parse_type("Subscription structure")
    assert spec.kind == "object" and spec.ref == "Subscription"
    # the plain words stay what they were: an object, a list of objects
    assert parse_type("Data structure").ref == "" and parse_type("Data structure").kind == "object"
    assert parse_type("List data structure").kind == "array"


@pytest.mark.parametrize("cell, value", [("Dict(str:str)", "string"),
                                         ("Map(String,Integer)", "integer")])
def test_dictionary_written_as_a_call(cell, value):
    spec = parse_type(cell)
    assert spec.kind == "object" and spec.values.kind == value


def test_words_before_list_are_no_type():
    assert not parse_type("Some words list").known
