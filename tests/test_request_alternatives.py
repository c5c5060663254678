"""Pages on one method and path whose request bodies do not exclude each other: a request one
page documents also fits the other page's body (tag actions where one page requires `action`
and `tags`, another requires only `action` and documents `tags` beside `matches`). A `oneOf`
would reject the pages' own samples; the alternatives are `anyOf`, as joined responses are.
Seen on OTC tag-action pages (Scalable File Service's create/delete/filter tag pages share one
path). Constructed pages with made-up names."""

from __future__ import annotations

from jsonschema import Draft202012Validator

from generator.ir.identity import exclusive
from generator.ir.model import Schema
from tests.test_otc_conventions import _tag_action, _tag_page, _tags_action, build


def _filter_page() -> str:
    return _tags_action(
        "Querying Gadgets by Tag", {"action": "filter", "tags": ["a"], "matches": ["m"]},
        ("action", "Yes", "String", "The action, filter."),
        ("tags", "No", "Array of strings", "The tags."),
        ("matches", "No", "Array of strings", "The match conditions."))


def _create_page() -> str:
    return _tags_action(
        "Adding Gadget Tags", {"action": "create", "tags": ["a"]},
        ("action", "Yes", "String", "The action, create."),
        ("tags", "Yes", "Array of strings", "The tags to add."))


def test_request_bodies_a_request_may_fit_both_of_are_any_of(tmp_path):
    document, report = build(tmp_path, {"adding_tags.rst": _create_page(),
                                        "querying_tags.rst": _filter_page()})
    _, body = _tag_action(document)
    assert "oneOf" not in body
    assert [set(branch["properties"]) for branch in body["anyOf"]] == \
        [{"action", "tags"}, {"action", "tags", "matches"}]
    assert report["consistency"]["samples_rejected"] == 0
    checker = Draft202012Validator({"allOf": [body], "components": document["components"]})
    assert checker.is_valid({"action": "create", "tags": ["b"]})
    assert not checker.is_valid({"tags": ["b"]})
    variants = [d for d in report["diagnostics"] if d["code"] == "operation-variants"]
    assert variants and "anyOf" in variants[0]["message"]


def test_request_bodies_told_apart_by_their_keys_stay_one_of(tmp_path):
    document, _ = build(tmp_path, {
        "adding_tags.rst": _tag_page("Adding Gadget Tags", "create"),
        "removing_tags.rst": _tag_page("Removing Gadget Tags", "delete")})
    _, body = _tag_action(document)
    assert "anyOf" not in body and len(body["oneOf"]) == 2


def _body(*fields: tuple[str, tuple[str, ...]], required: tuple[str, ...]) -> Schema:
    return Schema(kind="object", required=required, properties=tuple(
        (name, Schema(kind="string", enum=enum)) for name, enum in fields))


def test_exclusive_bodies():
    start = _body(("start", ()), required=("start",))
    stop = _body(("stop", ()), required=("stop",))
    assert exclusive(start, stop)
    create = _body(("action", ("create",)), ("tags", ()), required=("action", "tags"))
    delete = _body(("action", ("delete",)), ("tags", ()), required=("action", "tags"))
    assert exclusive(create, delete)
    loose = _body(("action", ()), ("tags", ()), ("matches", ()), required=("action",))
    assert not exclusive(create, loose) and not exclusive(loose, create)
    optional = _body(("start", ()), required=())
    assert not exclusive(optional, stop)
