"""The Pydantic models: importable as `generated.<provider>.<product>.models`, every doc sample
round-trips, scalars are strict, output is byte-stable, and hostile names and descriptions from
pages cannot break the module."""

from __future__ import annotations

import ast
import copy
import importlib
import json
import sys
import tomllib
import types
import warnings
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError

from generator.emitters.models import emit_models, model_names, models_schema
from generator.ir.model import Operation, Parameter, Product, Response, Sample, Schema

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
PRODUCTS = sorted(p.parent.relative_to(GENERATED).as_posix()
                  for p in GENERATED.glob("*/*/openapi.json"))


def models_of(product: str) -> types.ModuleType:
    return importlib.import_module(f"generated.{product.replace('/', '.')}.models")


def same(a, b) -> bool:
    """Equal, and equal as JSON text too: `1` is not `1.0`, `True` is not `1`."""
    return a == b and json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def round_trip(model: type[BaseModel], value):
    return model.model_validate(value).model_dump(by_alias=True, exclude_unset=True)


def openapi_samples():
    """(product, operation id, status, example name, value) for every JSON response example."""
    for product in PRODUCTS:
        document = json.loads((GENERATED / product / "openapi.json").read_text(encoding="utf-8"))
        for item in document["paths"].values():
            for method, operation in item.items():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                op_id = operation["operationId"].removesuffix(f"_{method.upper()}")
                for status, response in operation["responses"].items():
                    if not status.startswith("2"):
                        continue  # error examples are checked against the envelope elsewhere
                    media = response.get("content", {}).get("application/json", {})
                    for name, example in media.get("examples", {}).items():
                        yield product, op_id, status, f"{method}:{name}", example["value"]


SAMPLES = list(openapi_samples())


def exec_module(code: str, name: str) -> types.ModuleType:
    """Run generated code as a fresh module (registered, so forward references resolve); any
    warning at import (a shadowed attribute, a protected namespace) fails."""
    assert "\x00" not in code
    ast.parse(code)
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            exec(compile(code, name, "exec"), module.__dict__)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


# --- the generated package ----------------------------------------------------------------------


def test_models_import_by_their_documented_path():
    from generated.alibabacloud.vpc.models import ListIpsecServersRequest, ListIpsecServersResponse
    from generated.huaweicloud.vpn.models import (
        ListVpnConnectionsRequest,
        ListVpnConnectionsResponse,
    )

    for model in (ListIpsecServersRequest, ListIpsecServersResponse, ListVpnConnectionsRequest,
                  ListVpnConnectionsResponse):
        assert issubclass(model, BaseModel)
    assert "RegionId" in {f.alias for f in ListIpsecServersRequest.model_fields.values()}


def test_generated_modules_say_how_they_were_made(files):
    """Whether they are current is `test_generated_folder_is_up_to_date`; here, that each
    generated module tells its reader not to edit it."""
    assert PRODUCTS == ["alibabacloud/vpc", "huaweicloud/vpn"]
    for product in PRODUCTS:
        for name in ("models.py", "__init__.py"):
            assert "docs2spec regen" in ast.get_docstring(ast.parse(files[f"{product}/{name}"]))


def test_registries_name_every_operation(products):
    for key, product in products.items():
        module = models_of(key)
        names = model_names(product)
        assert set(module.REQUESTS) == set(module.RESPONSES) == {op.id for op in product.operations}
        for op_id, (request, response) in names.items():
            assert module.REQUESTS[op_id] is getattr(module, request)
            assert module.RESPONSES[op_id] is getattr(module, response)
            assert (request, response) == (f"{op_id}Request", f"{op_id}Response")


def test_generated_is_packaged():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert "generated*" in config["setuptools"]["packages"]["find"]["include"]
    assert config["setuptools"]["package-data"]["generated"] == ["**/*.json", "**/*.yaml"]


# --- every doc sample round-trips ---------------------------------------------------------------


def test_openapi_examples_were_found():
    assert len({(p, op) for p, op, *_ in SAMPLES}) == 4
    assert len(SAMPLES) >= 8


@pytest.mark.parametrize(("product", "op_id", "status", "name", "value"), SAMPLES,
                         ids=[f"{p}:{op}:{s}:{n}" for p, op, s, n, _ in SAMPLES])
def test_every_openapi_example_round_trips(product, op_id, status, name, value):
    module = models_of(product)
    assert same(round_trip(module.RESPONSES[op_id], value), value)


def test_every_ir_response_sample_round_trips(products):
    count = 0
    for key, product in products.items():
        module = models_of(key)
        for op in product.operations:
            for sample in op.samples:
                if sample.kind == "response" and sample.value is not None:
                    assert same(round_trip(module.RESPONSES[op.id], sample.value),
                                sample.value), (op.id, str(sample.loc))
                    count += 1
    assert count >= 8  # XML samples (read by the documented shape) included


def test_wire_data_is_read_by_wire_name_and_code_builds_by_either_name():
    """Captured bodies (`model_validate`, `model_validate_json`) are read by wire name only:
    a key spelt like an attribute is an undocumented key, kept as sent, so every body
    round-trips. Code builds models by attribute name (nested dicts too) or wire name."""
    from generated.alibabacloud.vpc.models import ListIpsecServersResponse as M

    value = {"TotalCount": 1, "Surprise": {"nested": [1, "x", None]},
             "IpsecServers": [{"IpsecServerId": "iss-1", "NewField": True}]}
    assert same(round_trip(M, value), value)
    clash = {"TotalCount": 1, "total_count": "two", "request_id": "r",
             "IpsecServers": [{"ipsec_server_id": 5, "IpsecServerId": "iss-1"}]}
    for read in (M.model_validate(clash), M.model_validate_json(json.dumps(clash))):
        assert same(read.model_dump(by_alias=True, exclude_unset=True), clash)
        assert read.total_count == 1 and read.request_id is None
        assert read.ipsec_servers[0].ipsec_server_id == "iss-1"
    built = M(total_count=3, request_id="r", ipsec_servers=[{"ipsec_server_id": "iss-2"}])
    assert built.model_dump(by_alias=True, exclude_unset=True) == {
        "TotalCount": 3, "RequestId": "r", "IpsecServers": [{"IpsecServerId": "iss-2"}]}
    assert M(TotalCount=3).total_count == 3
    with pytest.raises(ValidationError):
        M(total_count="3")  # construction is as strict as reading


# --- strictness ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [
    {"TotalCount": "86400"},              # a numeric string is not an integer
    {"TotalCount": 1.5},                  # nor is a fraction (1.0 is one: JSON Schema's rule,
                                          # tests/test_hostile_validate.py)
    {"TotalCount": True},                 # nor a boolean
    {"RequestId": 123},                   # a number is not a string
    {"IpsecServers": [{"EffectImmediately": 0}]},        # 0 is not a boolean
    {"IpsecServers": [{"EffectImmediately": "false"}]},  # nor is "false"
    {"IpsecServers": {"IpsecServerId": "iss-1"}},        # an object is not a list
])
def test_scalars_are_strict(value):
    from generated.alibabacloud.vpc.models import ListIpsecServersResponse

    with pytest.raises(ValidationError):
        ListIpsecServersResponse.model_validate(value)


def test_strict_request_and_json_in_string_models():
    from generated.alibabacloud.vpc.models import (
        CreateIpsecServerRequest,
        CreateIpsecServerRequestIkeConfig,
    )

    with pytest.raises(ValidationError):
        CreateIpsecServerRequestIkeConfig.model_validate({"IkeLifetime": "86400"})
    with pytest.raises(ValidationError):
        CreateIpsecServerRequestIkeConfig.model_validate({"IkeLifetime": 86401})  # documented max
    with pytest.raises(ValidationError):
        CreateIpsecServerRequest(RegionId="cn-hangzhou", VpnGatewayId="vpn-1",
                                 LocalSubnet="10.0.0.0/8", ClientIpPool="10.1.0.0/16",
                                 EffectImmediately=0)
    ike = CreateIpsecServerRequestIkeConfig(IkeLifetime=86400, ike_version="ikev2")
    text = ike.model_dump_json(by_alias=True, exclude_unset=True)
    assert json.loads(text) == {"IkeLifetime": 86400, "IkeVersion": "ikev2"}
    request = CreateIpsecServerRequest(RegionId="cn-hangzhou", VpnGatewayId="vpn-1",
                                       LocalSubnet="10.0.0.0/8", ClientIpPool="10.1.0.0/16",
                                       IkeConfig=text)
    assert request.ike_config == text  # on the wire it stays a string


def test_three_ike_configs_are_three_classes():
    """`IkeConfig` is a request string (with a model for its JSON), and an object in two
    responses: each has a class named by its path; XML wrappers add no segment."""
    from generated.alibabacloud.vpc import models

    found = {name for name in vars(models) if name.endswith("IkeConfig")
             and isinstance(getattr(models, name), type)}
    assert {"CreateIpsecServerRequestIkeConfig",
            "ListIpsecServersResponseIpsecServerIkeConfig",
            "DescribeVpnConnectionsResponseVpnConnectionItemIkeConfig"} <= found
    item = models.DescribeVpnConnectionsResponseVpnConnections.model_fields["vpn_connection"]
    assert "DescribeVpnConnectionsResponseVpnConnectionItem" in str(item.annotation)


def _scalars(value, path=()):
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _scalars(sub, (*path, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from _scalars(sub, (*path, index))
    elif value is not None:
        yield path, value


def _mutations(value):
    """Each scalar turned into the look-alike of another type: 86400 -> "86400", true -> 1,
    "abc" -> 0."""
    for path, scalar in _scalars(value):
        if isinstance(scalar, bool):
            wrong = int(scalar)
        elif isinstance(scalar, (int, float)):
            wrong = str(scalar)
        else:
            wrong = 0
        mutated = copy.deepcopy(value)
        target = mutated
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = wrong
        yield path, mutated


def test_models_reject_what_the_json_schema_rejects(products, documents):
    """Type look-alikes the published schema rejects, the model rejects too."""
    rejected = 0
    for key, product in products.items():
        module = models_of(key)
        for op in product.operations:
            schema = documents[f"{key}/schemas/{op.id}.response.json"]
            validator = Draft202012Validator(schema)
            for sample in op.samples:
                if sample.kind != "response" or not validator.is_valid(sample.value):
                    continue
                for path, mutated in _mutations(sample.value):
                    if validator.is_valid(mutated):
                        continue
                    with pytest.raises(ValidationError):
                        module.RESPONSES[op.id].model_validate(mutated)
                        pytest.fail(f"{op.id} {path}: accepted {mutated!r:.200}")
                    rejected += 1
    assert rejected > 100


# --- determinism --------------------------------------------------------------------------------


def test_emit_is_byte_stable(products, tmp_path, monkeypatch):
    first = {key: emit_models(product) for key, product in products.items()}
    # A project with other formatter settings in the working directory changes nothing.
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ruff]\nline-length = 40\n[tool.black]\nline-length = 40\n'
        'skip-string-normalization = true\n[tool.isort]\nline_length = 40\n'
        'known_first_party = ["pydantic", "typing"]\n'
        '[tool.datamodel-codegen]\nuse-annotated = true\nbuiltin-format-line-length = 40\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    second = {key: emit_models(product) for key, product in products.items()}
    assert first == second
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pyproject.toml"]  # nothing left behind
    for text in first.values():
        assert "generated by datamodel-codegen" not in text.lower()  # no default header
        assert "timestamp" not in text.lower()


def test_model_schema_carries_only_what_models_check(products):
    dropped = {"format", "not", "examples", "contentMediaType", "contentSchema", "pattern"}

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key != "properties":
                    assert not key.startswith("x-") and key not in dropped, key
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for product in products.values():
        document = models_schema(product)
        walk({k: v for k, v in document.items() if k != "$defs"})
        for definition in document["$defs"].values():
            walk(definition)


# --- hostile names and descriptions -------------------------------------------------------------

NASTY = ('He said """hi""" and \'\'\' then \\ a backslash, \\n not a newline, {{ x }} {% y %} '
         '${z} %s {0} \x00 NUL \u2028 LS \r\n CRLF \t tab 中文 "q" \'s\' \\')
NAMES = ["class", "def", "None", "True", "1st", "2nd-field", "a.b", "a-b", "a b", "名字", "名称",
         "RequestId", "request_id", "requestId", "_private", "__dunder__", "model_config",
         "model_dump", "model_validate_x", "schema", "json", "copy", "dict", "fields", "validate",
         "", "self", "Field", "BaseModel", "x\u2028y", 'quo"te', "back\\slash", "\x00nul",
         "\ufb01eld", "field", "\uff21\uff22\uff23", "abc", "List", "Any"]


OTHER = 'Other"""\\\x00\u2028'  # an operation id no page should have


def S(kind: str, **kw) -> Schema:
    return Schema(kind=kind, description=(("en", NASTY), ("zh", "中文")), **kw)


def hostile_product() -> Product:
    ike_a = S("object", properties=(("k", S("integer")),))
    ike_b = S("object", properties=(("k", S("string")), ("extra", S("boolean"))))
    nested = S("object", properties=(("IkeConfig", ike_a),
                                     ("a_b", S("object", properties=(("x", S("boolean")),))),
                                     ("AB", S("object", properties=(("x", S("number")),)))))
    props = tuple((name, S("string")) for name in NAMES)
    props += (("Nested", nested), ("Items", S("array", items=nested)),
              ("Lit", S("string", enum=('a"b', "c\\d", "e\nf", "'''", '"""'), has_default=True,
                        default='"""')),
              ("Mixed", S("integer", also_kinds=("string",))),
              ("Num", S("number", minimum=0)),
              ("Whatever", S("any")),
              ("Shared", S("object", ref="Field", properties=(("x", S("string")),))),
              ("Named", S("string", ref="名字")))
    response = Response(200, S("object", properties=props, required=("RequestId",)))
    ops = (
        Operation(id="class", style="rest", methods=("GET",), path="/x",
                  summary=(("en", NASTY),),
                  parameters=(Parameter("if", "query", S("string")),
                              Parameter("body", "query", S("integer")),
                              Parameter("id", "path", S("string"))),
                  request_body=S("object", properties=props[:6]), responses=(response,)),
        Operation(id="Class", style="rest", methods=("GET",), path="/y",
                  responses=(Response(200, nested),)),
        Operation(id="1-weird op 名", style="rest", methods=("GET",), path="/z",
                  responses=(Response(200, S("array", items=S("string"))),)),
        Operation(id=OTHER, style="rpc", methods=("GET",), path="/",
                  parameters=(Parameter("Action", "query", S("string")),
                              Parameter("Config", "query", S("string", content_media_type=(
                                  "application/json"), content_schema=ike_b)),),
                  responses=(Response(200, S("object", properties=(("IkeConfig", ike_b),))),),
                  samples=(Sample("response", "json", "{}", {"IkeConfig": {"k": "v"}}),)),
    )
    types_ = (("Field", S("object", properties=(("x", S("string")),))),
              ("名字", S("string")),
              ("BaseModel", S("object", properties=(("y", S("string")),))))
    return Product(provider="prov", name="prod", title='T """ \\ x\n', version='1"""',
                   style="rest", operations=ops, types=types_)


@pytest.fixture(scope="module")
def hostile():
    product = hostile_product()
    code = emit_models(product)
    module = exec_module(code, "docs2spec_hostile_models")
    yield product, code, module
    sys.modules.pop("docs2spec_hostile_models", None)


def test_hostile_module_imports_and_is_stable(hostile):
    product, code, module = hostile
    assert emit_models(hostile_product()) == code
    assert set(module.RESPONSES) == {"class", "Class", "1-weird op 名", OTHER}
    assert module.RESPONSES[OTHER] is module.OtherResponse
    names = {cls.__name__ for cls in [*module.REQUESTS.values(), *module.RESPONSES.values()]}
    assert len(names) == 8  # `class` and `Class` do not collide
    assert all(name.isidentifier() and name.isascii() for name in names)
    assert module.BaseModel is BaseModel  # a type named BaseModel does not shadow pydantic's
    assert module.RESPONSES["1-weird op 名"].model_validate(["a"]).root == ["a"]


def test_hostile_names_round_trip(hostile):
    _, _, module = hostile
    model = module.RESPONSES["class"]
    value = {name: f"v{index}" for index, name in enumerate(NAMES)}
    value.update({"Nested": {"IkeConfig": {"k": 1}, "a_b": {"x": True}, "AB": {"x": 1.5}},
                  "Items": [{"AB": {"x": 2}}, {}], "Lit": "c\\d", "Mixed": "86400", "Num": 3,
                  "Whatever": {"q": [1, None]}, "Shared": {"x": "s", "more": 1},
                  "Named": "n", "Undocumented": {"z": None}})
    assert same(round_trip(model, value), value)
    aliases = {name if field.alias is None else field.alias
               for name, field in model.model_fields.items()}
    assert set(NAMES) <= aliases  # every wire name kept exactly, none lost to a collision
    for name in model.model_fields:
        assert name.isidentifier() and not name.startswith("_")
    with pytest.raises(ValidationError):
        model.model_validate({"RequestId": "r", "Nested": {"IkeConfig": {"k": "1"}}})
    with pytest.raises(ValidationError):
        model.model_validate({"RequestId": "r", "Lit": "zzz"})
    with pytest.raises(ValidationError):
        model.model_validate({"RequestId": "r", "Num": "3"})
    with pytest.raises(ValidationError):
        model.model_validate({})  # RequestId is required


def test_hostile_descriptions_survive(hostile):
    _, _, module = hostile
    model = module.RESPONSES["class"]
    description = next(f.description for f in model.model_fields.values() if f.alias == "class")
    assert '"""hi"""' in description and "'''" in description and "{{ x }}" in description
    assert "\\ a backslash" in description and "\\n not a newline" in description
    assert "\x00" not in description and "\u2028" not in description and "\r" not in description
    assert '"""hi"""' in module.REQUESTS["class"].__doc__


def test_same_field_name_in_two_operations_gets_two_classes(hostile):
    _, _, module = hostile
    first = module.ClassResponseNestedIkeConfig
    second = module.OtherResponseIkeConfig
    assert first is not second
    assert first.model_validate({"k": 1}).k == 1
    with pytest.raises(ValidationError):
        first.model_validate({"k": "1"})
    assert second.model_validate({"k": "1"}).k == "1"
    # the JSON document in the `Config` string has a model of its own, the field stays a string
    assert module.OtherRequestConfig.model_validate({"k": "v"}).k == "v"
    assert "action" not in module.OtherRequest.model_fields  # RPC `Action` is implicit
    assert module.OtherRequest(Config='{"k": "v"}').config == '{"k": "v"}'


def test_a_product_without_operations_still_makes_a_module():
    code = emit_models(Product(provider="p", name="q", title="t", version="1", style="rest"))
    module = exec_module(code, "docs2spec_empty_models")
    assert module.REQUESTS == module.RESPONSES == {}
    sys.modules.pop("docs2spec_empty_models", None)


def test_list_items_are_named_in_the_singular():
    from generator.emitters.names import item_name

    assert item_name("DescribeNatGatewaysResponseNatGateways") == \
        "DescribeNatGatewaysResponseNatGateway"
    assert item_name("XPolicies") == "XPolicy"
    assert item_name("XAddresses") == "XAddress"
    assert item_name("XInstanceIds") == "XInstanceId"
    assert item_name("XVpnConnection") == "XVpnConnectionItem"  # not a plural: Item added
    assert item_name("XDns") == "XDnsItem"  # too short a word to guess
    assert item_name("XStatus") == "XStatusItem"


def test_singular_item_names_stay_unique():
    """A list `Rules` next to an object `Rule`: the item class is named after its list
    (`...RulesItem`), never the object's class and never a number."""
    rule = Schema(kind="object", properties=(("Name", Schema(kind="string")),))
    body = Schema(kind="object", properties=(
        ("Rule", rule), ("Rules", Schema(kind="array", items=rule))))
    product = Product("p", "q", "T", "1", "rest", operations=(
        Operation("GetX", "rest", ("GET",), "/x", responses=(Response(200, body),)),))
    defs = models_schema(product)["$defs"]
    assert {"GetXResponseRule", "GetXResponseRulesItem"} <= set(defs)
    assert not any(name[-1].isdigit() for name in defs), sorted(defs)
    assert len(defs) == len(set(defs))
