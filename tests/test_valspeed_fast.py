"""The common `validate_response` call answers from a per-operation, per-product cache of
validating decoders (`Validator._fast`, operation -> product as given -> decoder): the cache
must never lend one product's decoder to another product, nor skip the checks of a call that
is not the common one."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from generator.errors import UsageError
from generator.validation import Validator

ROOT = Path(__file__).resolve().parent.parent
VPC, VPN = "alibabacloud/vpc", "huaweicloud/vpn"


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator.from_folder(ROOT / "generated")


def _valid_body(validator: Validator) -> bytes:
    """A ListIpsecServers response the contract accepts (its documented sample, compact)."""
    body = orjson.dumps({"RequestId": "r1", "TotalCount": 0, "MaxResults": 10,
                         "NextToken": "", "IpsecServers": []})
    assert validator.validate_response(VPC, "ListIpsecServers", body) == []
    return body


def test_an_operation_cached_for_one_product_is_not_answered_for_another(validator):
    body = _valid_body(validator)
    assert validator.validate_response(VPC, "ListIpsecServers", body) == []  # from the cache
    with pytest.raises(UsageError):  # the other product has no such operation
        validator.validate_response(VPN, "ListIpsecServers", body)
    assert validator.validate_response(VPC, "ListIpsecServers", body) == []


def test_each_spelling_of_a_product_gets_the_same_answers(validator):
    body = _valid_body(validator)
    broken = body.replace(b'"TotalCount":0', b'"TotalCount":"0"')
    for product in (VPC, "vpc"):
        for _ in range(2):  # the first call fills the cache, the second answers from it
            assert validator.validate_response(product, "ListIpsecServers", body) == []
            found = validator.validate_response(product, "ListIpsecServers", broken)
            assert [f.pointer for f in found] == ["/TotalCount"]


def test_calls_that_are_not_the_common_one_still_get_their_checks(validator):
    """A cached decoder answers only bytes with status 200, no headers, warnings on: the
    undocumented field below is a warning, found when warnings are asked for and not found
    when they are not."""
    body = _valid_body(validator)
    extra = body[:-1] + b',"Undocumented":1}'
    assert validator.validate_response(VPC, "ListIpsecServers", extra)  # cache filled before
    assert validator.validate_response(VPC, "ListIpsecServers", extra, warnings=False) == []
    assert validator.validate_response(VPC, "ListIpsecServers", body, status=500)
