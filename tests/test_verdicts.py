"""docs2spec and the reference implementation agree: on a corpus of documents derived from the
doc samples and from instances built for every contract (request, response and error), each
mutated (type flips, removals, nulls, boundary and out-of-range numbers, integers written as
floats, enum, length (in code points), item-count, pattern, forbidden-prefix, format and
format-hint breaks, undocumented fields, duplicate keys, escaped quotes), docs2spec reports an
error exactly when jsonschema's Draft202012Validator (with format checking, as docs2spec
asserts documented formats) rejects the document. Both of docs2spec's paths are held to it:
bytes (the validating decoder, then jsonschema-rs for what it rejects) and parsed values.

The validating decoder may be stricter than the contract (it then hands the body on), never
looser: whatever it accepts, jsonschema accepts against the closed contract too.

Warnings (undocumented fields, duplicate keys) and information (format hints) are not errors
on either side: the contracts are open and hints are annotations.
"""

from __future__ import annotations

import copy
import json
import random
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.validation import Validator, has_errors
from generator.validation.api import check_response, compiled_for
from generator.validation.engine import check
from generator.validation.schemanav import resolve

GENERATED = Path(__file__).resolve().parent.parent / "generated"
MIN_CORPUS = 5000
VALIDATOR = Validator.from_folder(GENERATED)
FEATURES = ("type", "enum", "required", "properties", "items", "$ref", "minimum", "maximum",
            "minLength", "maxLength", "minItems", "maxItems", "pattern", "not", "format")
"""Every asserting keyword the bundled contracts use (`test_every_feature_is_covered`)."""


def _walk(value: Any, node: Any, root: dict[str, Any], path: tuple[Any, ...] = ()
          ) -> Iterator[tuple[tuple[Any, ...], Any, dict[str, Any]]]:
    node = resolve(node, root)
    yield path, value, node
    if isinstance(value, dict):
        props = node.get("properties", {})
        for key, sub in value.items():
            yield from _walk(sub, props.get(key, {}), root, (*path, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value[:3]):
            yield from _walk(sub, node.get("items", {}), root, (*path, index))


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    out = copy.deepcopy(doc)
    if not path:
        return value
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def _remove(doc: Any, path: tuple[Any, ...]) -> Any:
    out = copy.deepcopy(doc)
    target = out
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return out


_FLIP = {str: 12345, bool: "true", int: "1", float: "1.5", dict: [], list: {}, type(None): "x"}
_DATETIMES = ("2021-02-22t03:24:28z", "2021-02-22T03:24:28Z\n", "2021-02-30T03:24:28Z",
              "2024-02-29T00:00:00+08:00", "2023-02-29T00:00:00Z", "0000-01-01T00:00:00Z",
              "2021-02-22T03:24:60Z", "2021-02-22 03:24:28Z", "2021-02-22T03:24:28.123456Z")
_UUIDS = ("3F2504E0-4F89-11D3-9A0C-0305E82C3301", "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}",
          "3f2504e04f8911d39a0c0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c330",
          "urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301")


def mutations(doc: Any, root: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for path, value, node in _walk(doc, root, root):
        where = "/" + "/".join(map(str, path))
        yield f"flip {where}", _replace(doc, path, _FLIP[type(value)])
        if path:
            yield f"remove {where}", _remove(doc, path)
            yield f"null {where}", _replace(doc, path, None)
        if isinstance(value, int) and not isinstance(value, bool):
            yield f"as float {where}", _replace(doc, path, float(value))
            yield f"as bool {where}", _replace(doc, path, True)
            yield f"huge {where}", _replace(doc, path, 2**70)
        for key, step in (("maximum", 0), ("maximum", 1), ("minimum", 0), ("minimum", -1)):
            if isinstance(node.get(key), (int, float)):
                yield f"{key}{step:+d} {where}", _replace(doc, path, node[key] + step)
        if isinstance(node.get("enum"), list):
            yield f"outside enum {where}", _replace(doc, path, "zz-undocumented-value")
            first = node["enum"][0]
            if isinstance(first, str):
                yield f"enum case {where}", _replace(doc, path, first.swapcase())
        if isinstance(node.get("maxLength"), int):
            size = node["maxLength"]
            yield f"at maxLength {where}", _replace(doc, path, "x" * size)
            yield f"too long {where}", _replace(doc, path, "x" * (size + 1))
            yield f"astral at maxLength {where}", _replace(doc, path, "\U0001f600" * size)
        if isinstance(node.get("minLength"), int) and node["minLength"] > 0:
            yield f"too short {where}", _replace(doc, path, "")
        if isinstance(node.get("maxItems"), int) and isinstance(value, list) and value:
            yield f"too many items {where}", _replace(doc, path,
                                                       value * (node["maxItems"] + 1))
        if isinstance(value, list):
            yield f"no items {where}", _replace(doc, path, [])
        if "pattern" in node or "not" in node:
            for text in ("http://example.com", "ftp://example.com", "HTTPS://x", "x\nhttp://"):
                yield f"pattern {text!r} {where}", _replace(doc, path, text)
        if node.get("format") == "date-time":
            for text in _DATETIMES:
                yield f"date-time {text!r} {where}", _replace(doc, path, text)
        if node.get("format") == "uuid":
            for text in _UUIDS:
                yield f"uuid {text!r} {where}", _replace(doc, path, text)
        if node.get("x-docs2spec-format-hints") and isinstance(value, str):
            yield f"masked {where}", _replace(doc, path, "47.XX.XX.246")
        if isinstance(value, str):
            yield f"escaped quote {where}", _replace(doc, path, 'say "hi"')
        if isinstance(value, dict):
            extra = dict(value, UndocumentedField={"nested": [1, 2]})
            yield f"extra field {where}", _replace(doc, path, extra)


def instance(node: Any, root: dict[str, Any], rng: random.Random, depth: int = 0) -> Any:
    """A value valid under `node`, optional fields kept at random."""
    node = resolve(node, root)
    if isinstance(node.get("enum"), list) and node["enum"]:
        return rng.choice(node["enum"])
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        required = set(node.get("required", []))
        return {name: instance(sub, root, rng, depth + 1)
                for name, sub in node.get("properties", {}).items()
                if name in required or (depth < 6 and rng.random() < 0.7)}
    if kind == "array":
        low = node.get("minItems", 0)
        high = min(node.get("maxItems", 3), 3)
        return [instance(node.get("items", {}), root, rng, depth + 1)
                for _ in range(max(low, min(high, rng.randint(1, 3))))]
    if kind == "integer":
        low, high = node.get("minimum", 0), node.get("maximum", 1000)
        return rng.randint(int(low), int(max(low, min(high, low + 100))))
    if kind == "number":
        return float(node.get("minimum", 0)) + 0.5
    if kind == "boolean":
        return rng.random() < 0.5
    if node.get("format") == "date-time":
        return "2021-02-22T03:24:28Z"
    if node.get("format") == "uuid" or "uuid" in node.get("x-docs2spec-format-hints", []):
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if "ipv4" in node.get("x-docs2spec-format-hints", []):
        return "192.168.1.7"
    if "pattern" in node:
        return "https://example.com/x"
    size = max(node.get("minLength", 1), 1)
    return "v" * min(size, node.get("maxLength", size))


def _corpus() -> list[tuple[str, str, str, str, Any]]:
    """(product, operation, kind, label, document)."""
    rng = random.Random(7)
    cases = []
    for product in VALIDATOR.contracts.products():
        for operation, status, media, label, value in product.examples():
            if media != "application/json":
                continue
            kind = "response" if 200 <= status < 300 else "error"
            root = product.schema(operation, kind)
            cases.append((product.key, operation, kind, "sample", value))
            for name, mutated in mutations(value, root):
                cases.append((product.key, operation, kind, f"{label} {name}", mutated))
        for name in sorted(product.schemas):
            operation, kind = name.rsplit(".", 1)
            root = product.schema(operation, kind)
            for variant in range(4):
                doc = instance(root, root, rng)
                cases.append((product.key, operation, kind, f"built {variant}", doc))
                for label, mutated in mutations(doc, root):
                    cases.append((product.key, operation, kind, f"built {variant} {label}",
                                  mutated))
    return cases


CORPUS = _corpus()
_REFERENCES: dict[tuple[str, str, str, bool], Draft202012Validator] = {}


def reference(product: str, operation: str, kind: str, closed: bool = False
              ) -> Draft202012Validator:
    key = (product, operation, kind, closed)
    if key not in _REFERENCES:
        compiled = compiled_for(VALIDATOR.product(product), operation, kind)
        _REFERENCES[key] = Draft202012Validator(
            compiled.strict_schema if closed else compiled.schema,
            format_checker=Draft202012Validator.FORMAT_CHECKER)
    return _REFERENCES[key]


def _duplicated(data: bytes) -> bytes:
    """The same document with its first key sent twice (a warning, never an error)."""
    at = data.find(b'{"')
    end = data.find(b'":', at)
    if at < 0 or end < 0:
        return data
    key = data[at + 1:end + 1]
    return data[:at + 1] + key + b':0,' + data[at + 1:]


def test_corpus_is_large_and_mixed():
    assert len(CORPUS) >= MIN_CORPUS
    invalid = sum(not reference(p, o, k).is_valid(doc) for p, o, k, _, doc in CORPUS)
    assert invalid >= 1000 and len(CORPUS) - invalid >= 1000


def test_every_feature_is_covered():
    """Every asserting keyword of the contracts occurs in a schema the corpus exercises."""
    used: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            used.update(k for k in node if not k.startswith("x-"))
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    for product, operation, kind in {(p, o, k) for p, o, k, _, _ in CORPUS}:
        collect(VALIDATOR.product(product).schema(operation, kind))
    assert set(FEATURES) <= used
    kinds = {k for _, _, k, _, _ in CORPUS}
    assert kinds == {"request", "response", "error"}


@pytest.mark.parametrize("chunk", range(4))
def test_same_verdict_as_jsonschema(chunk):
    disagreements = []
    for product, operation, kind, name, doc in CORPUS[chunk::4]:
        theirs = not reference(product, operation, kind).is_valid(doc)
        data = json.dumps(doc).encode()
        compiled = compiled_for(VALIDATOR.product(product), operation, kind)
        if kind == "request":
            findings = check(compiled, json.loads(data))
            by_bytes = findings if compiled.fast.accepts(data) is False else []
        else:
            status = 200 if kind == "response" else 400
            by_bytes = check_response(VALIDATOR.product(product), operation, data,
                                      status=status)
            findings = check(compiled, json.loads(data))
            twice = check_response(VALIDATOR.product(product), operation, _duplicated(data),
                                   status=status)
            if has_errors(twice) != theirs:
                disagreements.append(f"{product} {operation} {name} (key sent twice)")
        for path, found in (("bytes", by_bytes), ("value", findings)):
            ours = has_errors(found)
            if ours != theirs:
                disagreements.append(f"{product} {operation} {kind} {name} [{path}]: docs2spec "
                                     f"{'error' if ours else 'ok'}, jsonschema "
                                     f"{'error' if theirs else 'ok'} "
                                     f"{[(f.rule, f.pointer) for f in found]}")
        if compiled.fast.accepts(data) and not reference(product, operation, kind,
                                                         closed=True).is_valid(doc):
            disagreements.append(f"{product} {operation} {kind} {name}: the decoder accepts "
                                 "what the closed contract rejects")
    assert not disagreements, "\n".join(disagreements[:20])


def test_the_quick_decoder_vouches_only_for_what_jsonschema_accepts():
    """The quick decoder (msgspec's own date-time and UUID parsers, which take spellings
    jsonschema refuses) counts only when the body written back is the same bytes: on every
    corpus document, written compactly as msgspec writes (so it can vouch), and with the
    date-time and UUID spellings jsonschema refuses, whatever it vouches for passes the closed
    contract in jsonschema."""
    vouched = refused_spellings = 0
    wrong = []
    for product, operation, kind, name, doc in CORPUS:
        fast = compiled_for(VALIDATOR.product(product), operation, kind).fast
        data = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()
        if not fast.quick_vouches(data):
            continue
        vouched += 1
        if not reference(product, operation, kind, closed=True).is_valid(doc):
            wrong.append(f"{product} {operation} {kind} {name}")
    for text in (*_DATETIMES, "2021-02-22T03:24:28+0800", "2021-02-22T03:24:28.5+08:00",
                 *_UUIDS, "3f2504e0-4f89-11d3-9a0c-0305e82c3301"):
        for product, operation, kind, name, doc in CORPUS:
            if name != "sample" and not (name.startswith("built ") and name.count(" ") == 1):
                continue
            root = reference(product, operation, kind).schema
            for path, _value, node in _walk(doc, root, root):
                if node.get("format") not in ("date-time", "uuid"):
                    continue
                changed = _replace(doc, path, text)
                data = json.dumps(changed, separators=(",", ":"), ensure_ascii=False).encode()
                fast = compiled_for(VALIDATOR.product(product), operation, kind).fast
                valid = reference(product, operation, kind, closed=True).is_valid(changed)
                refused_spellings += not valid
                if fast.quick_vouches(data) and not valid:
                    wrong.append(f"{product} {operation} {kind} {name} {path} {text!r}")
    assert not wrong, "\n".join(wrong[:20])
    assert vouched >= 500, vouched  # it did vouch for a good part of the corpus
    assert refused_spellings >= 20, refused_spellings


def test_setting_the_quick_decoder_aside_never_changes_an_answer():
    """After bodies it cannot vouch for (spaced, non-canonical spellings), the quick decoder is
    set aside and tried again later; the answers stay the same whichever decoder gives them."""
    from generator.validation.engine import compile_schema

    product, operation = "alibabacloud/vpc", "ListIpsecServers"
    sample = next(doc for p, o, k, name, doc in CORPUS
                  if (p, o, k, name) == (product, operation, "response", "sample"))
    compact = json.dumps(sample, separators=(",", ":"), ensure_ascii=False).encode()
    spaced = json.dumps(sample).encode()
    broken = compact.replace(b'"RequestId":"', b'"RequestId":1,"x":"', 1)
    fast = compile_schema(reference(product, operation, "response").schema).fast
    assert fast.quick_vouches(compact) and not fast.quick_vouches(spaced)
    expected = {compact: True, spaced: True, broken: False}
    sequence = [spaced] * 40 + [compact, broken] * 600 + [spaced] * 3000 + [compact, broken] * 5
    answers = [fast.accepts(body) for body in sequence]
    assert answers == [expected[body] for body in sequence]


def _fast_for(properties: dict[str, Any]) -> Any:
    from generator.validation.engine import compile_schema

    return compile_schema({"type": "object", "properties": properties,
                           "additionalProperties": False}).fast


def test_a_key_sent_twice_is_found_in_a_compact_reordered_body():
    """Without values that grow when written back, a compact body in another key order is
    accepted on its length alone; a key sent twice shortens what is written back, in any
    order, so it is still refused (a constructed contract: strings, integers, a list)."""
    fast = _fast_for({"a": {"type": "string"}, "b": {"type": "integer"},
                      "c": {"type": "array", "items": {"type": "string"}}})
    assert fast.accepts(b'{"c":["x"],"b":1,"a":"y"}')
    assert fast.accepts(b'{"c":["x"], "b":1,"a":"y"}')  # spacing: the quote count decides
    assert not fast.accepts(b'{"c":["x"],"b":1,"a":"y","b":2}')
    assert not fast.accepts(b'{"b":2,"c":["x"],"b":1,"a":"y"}')
    assert not fast.accepts(b'{"a":"z","c":["x"],"b":-0,"a":"y"}')
    assert not fast.accepts(b'{"a":"\\u0022","c":["x"],"b":1,"a":"y"}')


def test_values_that_grow_when_written_back_keep_the_quote_count():
    """Numbers sent as `1` come back as `1.0`: three of them make up for the six bytes of a
    repeated `,"n":1`, so equal lengths prove nothing there and the quotes are counted."""
    fast = _fast_for({"n": {"type": "integer"}, **{name: {"type": "number"} for name in "xyz"}})
    body = b'{"x":1,"y":1,"z":1,"n":1,"n":1}'
    again = fast._encode(fast.decode(body))
    assert len(again) == len(body) and again != body  # what the length test would have seen
    assert not fast.accepts(body)
    assert fast.accepts(b'{"z":1,"y":1,"x":1,"n":1}')


def test_write_back_buffers_never_change_an_answer(monkeypatch):
    """The decoded value is written back into reused buffers: bodies of every size (some past
    the size a buffer is kept at), valid and with a key sent twice, quick and full decoders,
    answered from several threads switching as often as the interpreter allows, get the
    answers each gets alone. A buffer shared between threads would give one body's written-back
    bytes to another body's comparison (a checked node, `uniqueItems`, calls back into Python
    while the value is written, where another thread can take over)."""
    import sys
    import threading

    from generator.validation import fastpath

    monkeypatch.setattr(fastpath, "SPARE_LIMIT", 64)  # read when a decoder is built
    fast = _fast_for({"at": {"type": "string", "format": "date-time"},
                      "n": {"type": "integer"}, "s": {"type": "array", "uniqueItems": True,
                                                      "items": {"type": "string"}}})
    bodies = []
    for size in (0, 1, 3, 40):
        items = ",".join(f'"{"x" * (i % 7)}{i}"' for i in range(size))
        good = f'{{"at":"2024-01-01T10:00:00Z","n":{size},"s":[{items}]}}'.encode()
        bodies += [good, good.replace(b'"n":', b'"n":1,"n":', 1),  # a key sent twice
                   good.replace(b"T10", b" 10"),  # a spelling only msgspec takes
                   good.replace(b'"n":', b'"s":[],"n":', 1)]
    expected = {body: fast.accepts(body) for body in bodies}
    assert sum(expected.values()) == 4  # the four valid bodies, and nothing else
    wrong: list[bytes] = []

    def run(offset: int) -> None:
        for index in range(3000):
            body = bodies[(index * 7 + offset) % len(bodies)]
            if fast.accepts(body) != expected[body]:
                wrong.append(body)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=run, args=(offset,)) for offset in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert not wrong, wrong[:3]


def test_patterns_matched_after_the_decode_give_the_decoders_verdicts():
    """Format and hint patterns are matched once over all their strings after the decode
    (`fastpath.Deferred`); on a constructed contract with each kind (a UUID hint, UUID-or-IPv4
    hints, a URI hint anchored at the start only, date-time and uuid formats, in a list of
    objects too), every body gets the verdict of the decoder that matches each string itself,
    including strings with a line break (escaped: the decoder with its patterns decides)."""
    from generator.validation.hints import HINT_PATTERNS

    uuid_hint = {"type": "string", "anyOf": [{"pattern": HINT_PATTERNS["uuid"]}]}
    fast = _fast_for({
        "id": {**uuid_hint, "minLength": 36, "maxLength": 36},
        "ip": {"type": "string", "anyOf": [{"pattern": HINT_PATTERNS["uuid"]},
                                           {"pattern": HINT_PATTERNS["ipv4"]}]},
        "site": {"type": "string", "anyOf": [{"pattern": HINT_PATTERNS["uri"]}]},
        "when": {"type": "string", "format": "date-time"},
        "items": {"type": "array", "items": {"type": "object", "properties": {
            "u": {"type": "string", "format": "uuid"}, "n": {"type": "integer"},
            "ids": {"type": "array", "items": uuid_hint}}, "additionalProperties": False}}})
    assert fast.deferred is not None
    good = {"id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "ip": "10.0.0.1",
            "site": "https://example.com/a b", "when": "2024-02-29T10:00:00.5+08:00",
            "items": [{"u": "3F2504E0-4F89-11D3-9A0C-0305E82C3301", "n": 1, "ids": []},
                      {"n": 2, "ids": ["3f2504e0-4f89-11d3-9a0c-0305e82c3302"]}]}
    bad_values = {
        "id": ["3f2504e0-4f89-11d3-9a0c-0305e82c330", "3f2504e0-4f89-11d3-9a0c-0305e82c3301\n",
               "3f2504e0-4f89-11d3-9a0c-0305e82c330g"],
        "ip": ["10.0.0.256", "10.0.0.1\n10.0.0.2", "", "10.0.0.1 "],
        "site": ["example.com", "1http://x", "\nhttps://x", "https://x\nhttps://y"],
        "when": ["2023-02-29T10:00:00Z", "2024-01-01 10:00:00Z", "0000-01-01T00:00:00Z",
                 "2024-01-01T10:00:00+0800", "2024-01-01T10:00:00Z\n"],
    }
    bodies = [good, {"items": []}, {}]
    for name, values in bad_values.items():
        bodies += [{**good, name: value} for value in values]
    for value in ("3f2504e0", "", "3f2504e0-4f89-11d3-9a0c-0305e82c3301\n"
                  "3f2504e0-4f89-11d3-9a0c-0305e82c3301"):
        bodies.append({**good, "items": [*good["items"], {"u": value}]})
        bodies.append({**good, "items": [{"n": 3, "ids": [good["id"], value]}]})
    refused = 0
    for doc in bodies:
        for data in (json.dumps(doc).encode(), json.dumps(doc, separators=(",", ":")).encode()):
            try:
                expected = fast.decode(data) is not None
            except Exception:  # noqa: BLE001 - msgspec's ValidationError: refused
                expected = False
            refused += not expected
            assert fast.accepts(data) is expected, data
    # A line break can only be escaped: written raw inside a string, the body is not JSON
    # (so the joined lines cannot be cut anywhere else than between strings).
    raw = json.dumps({"items": [{"ids": [good["id"], good["id"]]}]}, separators=(",", ":"))
    assert fast.accepts(raw.encode())
    assert not fast.accepts(raw.replace('","', '\n', 1).encode())
    # all refused but "https://x\nhttps://y" (the URI hint takes anything after the scheme)
    assert refused == 2 * (sum(map(len, bad_values.values())) + 6 - 1)


def test_deferred_strings_are_collected_at_every_depth():
    """The collector writes the walk of nested objects out inline, and walks those nested past
    its inline depth by calls: on a self-referencing contract (a node with a uuid and a child
    node), a bad uuid at any depth is found, and a body of good ones passes, as when the
    decoder matches each string itself."""
    from generator.validation.engine import compile_schema

    node = {"type": "object", "additionalProperties": False, "properties": {
        "id": {"type": "string", "format": "uuid"},
        "ids": {"type": "array", "items": {"type": "string", "format": "uuid"}},
        "child": {"$ref": "#/$defs/node"}}}
    fast = compile_schema({"$defs": {"node": node}, **node}).fast
    assert fast.deferred is not None
    good = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"

    def chain(depth: int, bad_at: int | None, in_list: bool = False) -> bytes:
        doc: dict[str, Any] = {}
        for level in reversed(range(depth)):
            value = "3f2504e0-4f89-11d3-9a0c-0305e82c330" if level == bad_at else good
            doc = {"id": good, "ids": [good, value], "child": doc} if in_list else \
                {"id": value, "child": doc}
        return json.dumps(doc, separators=(",", ":")).encode()

    for depth in (1, 5, 30):
        assert fast.accepts(chain(depth, None))
        for bad_at in sorted({0, depth // 2, depth - 1}):
            for in_list in (False, True):
                body = chain(depth, bad_at, in_list)
                with pytest.raises(Exception):  # noqa: B017 - msgspec's ValidationError
                    fast.decode(body)
                assert not fast.accepts(body), (depth, bad_at, in_list)


def test_uuid_lines_are_matched_as_the_pattern_matches_them():
    """The uuid format's and hint's strings are matched by byte translation instead of the
    regular expression; on UUIDs broken at random places (case, a hyphen dropped, a letter,
    a space or a non-ASCII letter put in, a line cut short) both say the same."""
    import re

    from generator.validation import fastpath

    matches = re.compile(f"(?:(?:{fastpath._UUID_LINE})\\n)*").fullmatch
    rng = random.Random(7)
    texts = ["", "\n", "x\n"]
    for _ in range(3000):
        value = str(uuid.UUID(int=rng.getrandbits(128)))
        value = value.upper() if rng.random() < 0.3 else value
        at = rng.randrange(37)
        value = rng.choice([value, value, value.replace("-", "", 1), value[:at],
                            value[:at] + rng.choice("xg-0 \u00e9\n") + value[at:]])
        texts.append("\n".join([value] * rng.randrange(1, 4)) + "\n")
        texts.append(f"{value}\n{uuid.UUID(int=rng.getrandbits(128))}\n")
    agree = [(matches(t) is not None) == (fastpath._uuid_lines(t) is not None) for t in texts]
    assert all(agree), [t for t, same in zip(texts, agree, strict=True) if not same][:5]
    assert 1000 < sum(matches(t) is not None for t in texts) < len(texts) - 1000
