"""The outputs are checked, not just diffed: meta-schemas, OpenAPI validity, every doc sample
accepted, mutated samples rejected, standard tooling able to use the RPC document."""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi

from generator.rpc import rpc_path_pattern


def schema_files(documents):
    return {p: d for p, d in documents.items() if "/schemas/" in p}


def test_every_schema_passes_the_2020_12_meta_schema(documents):
    found = schema_files(documents)
    assert len(found) == 12
    for path, schema in found.items():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema", path
        Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("product", ["alibabacloud/vpc", "huaweicloud/vpn"])
def test_openapi_document_is_valid(documents, files, product):
    document = documents[f"{product}/openapi.json"]
    assert document["openapi"] == "3.1.0"
    validate_openapi(document)
    import yaml

    assert yaml.safe_load(files[f"{product}/openapi.yaml"]) == document


def doc_samples(products):
    for product in products.values():
        for op in product.operations:
            for sample in op.samples:
                if sample.kind == "response" and isinstance(sample.value, (dict, list)):
                    yield product, op, sample


def test_every_doc_sample_validates(products, documents):
    count = 0
    for product, op, sample in doc_samples(products):
        schema = documents[f"{product.provider}/{product.name}/schemas/{op.id}.response.json"]
        errors = [e.message for e in Draft202012Validator(schema).iter_errors(sample.value)]
        assert not errors, (op.id, str(sample.loc), errors[:3])
        count += 1
    assert count == 8  # 000 JSON, 001 JSON + XML, 002 JSON, 003 JSON, 004 three JSON samples


def _first(value, want):
    """Path to the first value of type `want` in a sample, depth first, deepest first."""
    best = None
    stack = [((), value)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            stack.extend((path + (k,), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((path + (i,), v) for i, v in enumerate(node))
        if isinstance(node, want) and not (want is int and isinstance(node, bool)) and path:
            if best is None or len(path) > len(best):
                best = path
    return best


def _set(value, path, new):
    target = value
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new


MUTATIONS = {
    "deep string becomes a number": (str, lambda v: 12345),
    "deep integer becomes a string": (int, lambda v: "not-a-number"),
    "object becomes an array": (dict, lambda v: [v]),
    "array becomes an object": (list, lambda v: {"item": v}),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_mutated_samples_are_rejected(products, documents, mutation):
    want, change = MUTATIONS[mutation]
    tried = 0
    for product, op, sample in doc_samples(products):
        schema = documents[f"{product.provider}/{product.name}/schemas/{op.id}.response.json"]
        path = _first(sample.value, want)
        if path is None:
            continue
        broken = copy.deepcopy(sample.value)
        _set(broken, path, change(copy.deepcopy(_get(broken, path))))
        assert not Draft202012Validator(schema).is_valid(broken), (op.id, path, mutation)
        tried += 1
    assert tried >= 3


def _get(value, path):
    for step in path:
        value = value[step]
    return value


def test_documented_range_broken_is_rejected(products, documents):
    schema = documents["huaweicloud/vpn/schemas/ListVpnConnections.response.json"]
    sample = next(s.value for _, op, s in doc_samples(products) if op.id == "ListVpnConnections")
    broken = copy.deepcopy(sample)
    broken["vpn_connections"][0]["ikepolicy"]["lifetime_seconds"] = 604801
    assert not Draft202012Validator(schema).is_valid(broken)
    broken["vpn_connections"][0]["ikepolicy"]["lifetime_seconds"] = 86400
    broken["vpn_connections"][0]["ikepolicy"]["ike_version"] = "v3"
    assert not Draft202012Validator(schema).is_valid(broken)


class _Request:
    """The request protocol openapi-core reads, with the RPC path pattern."""

    def __init__(self, url: str, method: str = "get") -> None:
        from urllib.parse import parse_qsl, urlsplit

        from openapi_core.datatypes import RequestParameters
        from werkzeug.datastructures import Headers, ImmutableMultiDict

        parts = urlsplit(url)
        self.host_url = f"{parts.scheme}://{parts.netloc}"
        self.path = parts.path or "/"
        self.method = method
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(parts.query, keep_blank_values=True)),
            header=Headers(), cookie=ImmutableMultiDict(), path={})
        self.content_type = "application/x-www-form-urlencoded"
        self.body = b""
        self.path_pattern = rpc_path_pattern(url)


def test_openapi_core_matches_and_validates_rpc_requests(documents):
    openapi_core = pytest.importorskip("openapi_core", reason="needs openapi-core: python -m pip install -e '.[test]'")
    spec = openapi_core.OpenAPI.from_dict(copy.deepcopy(documents["alibabacloud/vpc/openapi.json"]))
    unsigned = "https://vpc.aliyuncs.com/?Action=ListIpsecServers&Version=2016-04-28"
    base = unsigned + "&AccessKeyId=LTAI-test"  # a signed request names its AccessKey
    result = spec.unmarshal_request(_Request(base + "&RegionId=cn-hangzhou&MaxResults=10"))
    assert not result.errors
    assert spec.unmarshal_request(_Request(unsigned + "&RegionId=cn-hangzhou")).errors
    assert result.parameters.query["MaxResults"] == 10
    assert spec.unmarshal_request(_Request(base + "&RegionId=cn-hangzhou&MaxResults=50")).errors
    assert spec.unmarshal_request(_Request(base)).errors  # RegionId missing
    ok = spec.unmarshal_request(_Request(base + "&RegionId=cn-hangzhou&IpsecServerId.1=iss-a"))
    assert not ok.errors and ok.parameters.query["IpsecServerId.1"] == "iss-a"
    other = ("https://vpc.aliyuncs.com/?Action=CreateIpsecServer&Version=2016-04-28&RegionId=x"
             "&AccessKeyId=LTAI-test")
    assert spec.unmarshal_request(_Request(other)).errors  # VpnGatewayId etc. missing


def test_output_is_deterministic(files):
    from generator.regen import all_files, build_specs
    from tests.conftest import SPECS

    again = all_files(build_specs(SPECS))
    assert again == files
    for text in files.values():
        assert text.endswith("\n")


def _hash_seed_env(seed: str) -> dict[str, str]:
    """A fresh process with this hash seed, and no models cache: a cached models.py would hide
    a generator run that depends on hash order."""
    import os

    return {**os.environ, "PYTHONHASHSEED": seed, "DOCS2SPEC_CACHE": "off"}


@pytest.mark.parametrize("seed", ["1", "4242"])
def test_output_does_not_depend_on_hash_order(seed):
    """Sets and dicts built from sets iterate in hash order, which changes from one Python
    process to the next: a fresh process with another hash seed must write the same files."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, "-m", "generator", "regen", "--check"], cwd=ROOT,
                          env=_hash_seed_env(seed), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow  # two builds of 113 pages
def test_corpus_output_does_not_depend_on_hash_order(tmp_path):
    """The same on the development corpus (many pages, merged operations, shared types)."""
    import subprocess
    import sys

    from tests.conftest import CORPUS, NO_CORPUS, ROOT

    corpus = CORPUS / "huawei" / "pages" / "virtual-private-network"
    if not corpus.is_dir():
        pytest.skip(NO_CORPUS)
    outputs = []
    for run, seed in enumerate(("1", "42427")):
        out = tmp_path / f"run{run}"
        subprocess.run([sys.executable, "-m", "generator", "build", str(corpus), "--out",
                        str(out), "--quiet"], cwd=ROOT, env=_hash_seed_env(seed),
                       capture_output=True, timeout=900)
        outputs.append({f.relative_to(out): f.read_bytes() for f in out.rglob("*")
                        if f.is_file()})
    assert outputs[0] and outputs[0] == outputs[1]


def test_generated_folder_is_up_to_date(files):
    """Golden files: generated/ is refreshed only by `docs2spec regen`."""
    from generator.regen import stale_files
    from tests.conftest import GENERATED

    stale = stale_files(files, GENERATED)
    assert not stale, f"generated/ is stale ({stale[:5]}); run `docs2spec regen`"
    json.loads(files["alibabacloud/vpc/report.json"])
