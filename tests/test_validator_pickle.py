"""A `Validator` is plain data plus caches: it pickles without its compiled validators, works
the same after a round trip, and runs in `multiprocessing` workers started with `spawn` (fresh
interpreters, as Dask and Spark executors are)."""

from __future__ import annotations

import json
import multiprocessing
import pickle
from pathlib import Path

import pytest

from generator.errors import UsageError
from generator.validation import ContractBundle, Validator, default_validator, validate_response
from generator.validation.validator import _DEFAULTS

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
VPC = "alibabacloud/vpc"
PAGE = ROOT / "tests" / "captured" / VPC / "ListIpsecServers" / "page-20-items.json"


def _bodies() -> list[bytes]:
    good = json.loads(PAGE.read_text())
    bad = json.loads(PAGE.read_text())
    bad["IpsecServers"][1]["IkeConfig"] = []
    extra = dict(good, Undocumented=1)
    return [json.dumps(doc).encode() for doc in (good, bad, extra)]


def _verdicts(validator: Validator, bodies: list[bytes]) -> list[list[tuple[str, str, str]]]:
    return [[(f.severity, f.rule, f.pointer)
             for f in validator.validate_response(VPC, "ListIpsecServers", body)]
            for body in bodies]


def _check_in_worker(args: tuple[Validator, list[bytes]]) -> list[list[tuple[str, str, str]]]:
    validator, bodies = args
    assert not validator.is_compiled()  # arrived without caches
    return _verdicts(validator, bodies)


def test_bundle_is_plain_data_and_equal_after_pickling():
    bundle = ContractBundle.from_folder(GENERATED)
    assert bundle.keys == ["alibabacloud/vpc", "huaweicloud/vpn"]
    assert pickle.loads(pickle.dumps(bundle)) == bundle


def test_pickle_drops_compiled_caches_and_keeps_verdicts():
    validator = Validator.from_folder(GENERATED)
    bodies = _bodies()
    before = _verdicts(validator, bodies)
    assert validator.is_compiled()
    assert before[0] == [] and before[1][0][:2] == ("error", "type")
    assert before[2] == [("warning", "undocumented-field", "/Undocumented")]
    data = pickle.dumps(validator)
    assert b"jsonschema_rs" not in data
    again = pickle.loads(data)
    assert again == validator and not again.is_compiled()
    assert _verdicts(again, bodies) == before


def test_the_default_validator_pickles_too():
    validate_response(VPC, "ListIpsecServers", _bodies()[1], generated=GENERATED)
    validator = default_validator(GENERATED)
    assert validator.is_compiled()
    assert not pickle.loads(pickle.dumps(validator)).is_compiled()


def test_spawned_workers_give_the_same_findings():
    validator = Validator.from_folder(GENERATED)
    bodies = _bodies()
    expected = _verdicts(validator, bodies)  # compiled here; the pickle must not carry that
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        results = pool.map(_check_in_worker, [(validator, bodies)] * 2)
    assert results == [expected, expected]


def test_bundle_from_dicts():
    folder = GENERATED / "alibabacloud" / "vpc"
    schemas = {p.name.removesuffix(".json"): json.loads(p.read_text())
               for p in (folder / "schemas").glob("*.json")}
    openapi = json.loads((folder / "openapi.json").read_text())
    validator = Validator(ContractBundle.from_dicts(
        {VPC: {"openapi": openapi, "schemas": schemas}}))
    assert _verdicts(validator, _bodies()) == _verdicts(Validator.from_folder(GENERATED),
                                                        _bodies())
    with pytest.raises(UsageError):
        validator.validate_response("huaweicloud/vpn", "ListVpnConnections", b"{}")
    with pytest.raises(UsageError):
        ContractBundle.from_dicts({"novendor": {"openapi": {}}})


def test_no_module_level_compiled_state():
    """Only the default validators are module state; two validators share nothing."""
    one, two = Validator.from_folder(GENERATED), Validator.from_folder(GENERATED)
    one.validate_response(VPC, "ListIpsecServers", _bodies()[0])
    assert one.is_compiled() and not two.is_compiled()
    assert all(isinstance(v, Validator) for v in _DEFAULTS.values())
