"""`docs2spec diff`: two revisions of the docs, what changed for clients, and where the docs say so.

The done-when pair is the bundled Huawei page edited as a doc writer would; the real pairs are
public doc revisions (tests/fixtures/diff/README.md says where from and what changed, read by
hand); the rest pins identity matching, the `extraction` kind, the inputs and the exit codes.
"""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.cli import main
from generator.diff.engine import diff
from generator.diff.model import Side
from generator.diff.sides import load_side
from generator.emitters.openapi import dump_json, emit_openapi
from generator.emitters.yamltext import dump_yaml
from generator.errors import UsageError
from generator.regen import all_files, build_specs, write_tree

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "diff"
HUAWEI = FIXTURES / "huawei"
REAL = FIXTURES / "real"
PAGE = "huaweicloud/vpn/pages/004_fd94b5906ea4c88a.txt"


@pytest.fixture(scope="module")
def huawei_sides() -> tuple[Side, Side]:
    return load_side(str(HUAWEI / "old")), load_side(str(HUAWEI / "new"))


def summary(changes) -> set[tuple]:
    return {(c.operation, c.rule, c.level, c.kind, c.pointer) for c in changes}


def test_huawei_doc_writer_edits_give_exactly_the_expected_changes(huawei_sides):
    result = diff(*huawei_sides)
    got = {(c.rule, c.level, c.kind, c.pointer, c.old_source, c.new_source)
           for c in result.changes}
    assert got == {
        ("request-parameter-became-required", "error", "wire", "/request/query/vgw_id",
         f"old/{PAGE}:26", f"new/{PAGE}:26"),
        ("request-type-changed", "error", "wire", "/request/query/limit",
         f"old/{PAGE}:34", f"new/{PAGE}:34"),
        ("request-parameter-removed", "warning", "wire", "/request/query/marker",
         f"old/{PAGE}:38", None),
        ("request-parameter-description-changed", "info", "doc", "/request/query/vgw_ip",
         f"old/{PAGE}:22", f"new/{PAGE}:22"),
    }
    assert {c.operation for c in result.changes} == {"ListVpnConnections"}
    assert result.notes == ()  # both sides have pages: extraction could be told
    reworded = next(c for c in result.changes if c.kind == "doc")
    assert "'Specifies an EIP ID or private IP address of a VPN gateway" in reworded.message
    assert "'Specifies the EIP ID or the private IP address of the VPN gateway" in \
        reworded.message


def test_identical_revisions_give_no_change(huawei_sides):
    old, _ = huawei_sides
    assert diff(old, old).changes == ()


def test_the_bundled_specs_and_generated_folder_agree():
    """generated/ is what regen makes of specs/: read as a folder, it is the same contract."""
    result = diff(load_side(str(ROOT / "specs")), load_side(str(ROOT / "generated")))
    assert result.changes == ()
    assert result.notes == ()  # report.json keeps the page hashes: extraction can be told


def test_ids_are_stable_across_runs_and_input_kinds(huawei_sides, tmp_path):
    first = diff(*huawei_sides)
    def openapi_only(product, _results):  # what a generated folder holds that diff reads
        document = emit_openapi(product)
        return {"openapi.json": dump_json(document), "openapi.yaml": dump_yaml(document)}

    for side in ("old", "new"):
        write_tree(all_files(build_specs(HUAWEI / side, emit=openapi_only)), tmp_path / side)
    from_generated = diff(load_side(str(tmp_path / "old")), load_side(str(tmp_path / "new")))
    from_files = diff(load_side(str(tmp_path / "old" / "huaweicloud/vpn/openapi.yaml")),
                      load_side(str(tmp_path / "new" / "huaweicloud/vpn/openapi.json")))
    ids = [c.id for c in first.changes]
    assert len(set(ids)) == 4
    assert [c.id for c in from_generated.changes] == ids
    assert [c.id for c in from_files.changes] == ids
    assert [c.kind for c in from_generated.changes] == [c.kind for c in first.changes]
    assert len(from_generated.notes) == 2  # no pages on either side: extraction unknown


def test_unchanged_pages_with_changed_output_are_extraction(huawei_sides):
    """A tool upgrade that reads the same page differently: same page bytes, other contract."""
    old, _ = huawei_sides
    document = copy.deepcopy(old.products["huaweicloud/vpn"])
    operation = document["paths"]["/v5/{project_id}/vpn-connection"]["get"]
    limit = next(p for p in operation["parameters"] if p["name"] == "limit")
    limit["schema"]["maximum"] = 1000
    limit["schema"]["description"] = "read differently"
    upgraded = Side("upgraded", "specs", {"huaweicloud/vpn": document}, old.page_hashes)
    changes = diff(old, upgraded).changes
    assert summary(changes) == {
        ("ListVpnConnections", "request-maximum-added", "error", "extraction",
         "/request/query/limit"),
        ("ListVpnConnections", "request-parameter-description-changed", "info", "extraction",
         "/request/query/limit")}


def test_a_tool_upgrade_against_committed_output_is_extraction(tmp_path):
    """`docs2spec diff generated specs` after upgrading docs2spec: the committed output (its
    report.json hashes the pages) against today's reading of the same pages."""
    old = tmp_path / "generated"
    write_tree(all_files(build_specs(HUAWEI / "old")), old)
    document_path = old / "huaweicloud/vpn/openapi.json"
    document = json.loads(document_path.read_text("utf-8"))
    operation = document["paths"]["/v5/{project_id}/vpn-connection"]["get"]
    operation["parameters"] = [p for p in operation["parameters"] if p["name"] != "marker"]
    document_path.write_text(json.dumps(document), encoding="utf-8")  # what an older tool read
    result = diff(load_side(str(old)), load_side(str(HUAWEI / "old")))
    assert summary(result.changes) == {("ListVpnConnections", "request-parameter-added", "info",
                                        "extraction", "/request/query/marker")}
    assert result.notes == ()
    edited = diff(load_side(str(old)), load_side(str(HUAWEI / "new")))
    assert {c.kind for c in edited.changes} == {"wire", "doc"}  # the page changed too


REAL_OTC_CLASSIC = {
    *{("ListIpsecVpnConnections", "response-property-removed", "error", "wire",
       f"/response/200/{f}") for f in ("order_id", "product_id")},
    *{(op, "response-property-removed", "error", "wire", f"/response/200/{f}")
      for op in ("ListVpnServices", "UpdateVpnService")
      for f in ("order_id", "product_id", "prepay_connection_num", "resource_speccode")},
    *{("UpdateVpnService", "request-property-removed", "warning", "wire", f"/request/body/{f}")
      for f in ("order_id", "product_id", "prepay_connection_num", "resource_speccode")},
    ("ListVpnServices", "response-description-changed", "info", "doc", "/response/200/status"),
}


def test_real_otc_billing_fields_removed():
    result = diff(load_side(str(REAL / "otc-vpn-classic" / "old")),
                  load_side(str(REAL / "otc-vpn-classic" / "new")))
    assert summary(result.changes) == REAL_OTC_CLASSIC
    assert result.counts() == {"error": 10, "warning": 4, "info": 1}


def test_real_otc_rewording_is_doc_only():
    result = diff(load_side(str(REAL / "otc-vpn-gateway" / "old")),
                  load_side(str(REAL / "otc-vpn-gateway" / "new")))
    tags = "/response/200/customer_gateway/tags/[]"
    assert summary(result.changes) == {
        ("ShowCustomerGateway", "response-description-changed", "info", "doc", f"{tags}/key"),
        ("ShowCustomerGateway", "response-description-changed", "info", "doc", f"{tags}/value")}


def test_real_alibaba_rpc_revisions():
    result = diff(load_side(str(REAL / "alibaba-vpn" / "old")),
                  load_side(str(REAL / "alibaba-vpn" / "new")))
    wire = {s for s in summary(result.changes) if s[3] == "wire"}
    assert wire == {
        ("DeleteVpnPbrRouteEntry", "request-parameter-added", "info", "wire",
         "/request/query/OverlayMode"),
        ("ModifyVpnPbrRouteEntryWeight", "request-enum-added", "error", "wire",
         "/request/query/OverlayMode"),
        ("TagResources", "request-enum-value-added", "info", "wire",
         "/request/query/ResourceType"),
        ("TagResources", "request-min-length-removed", "info", "wire",
         "/request/query/Tag.N.Value"),
        *{(op, "error-code-added", "info", "wire", "/response/403/errors")
          for op in ("DeleteVpnPbrRouteEntry", "ModifyVpnPbrRouteEntryWeight")},
        *{(op, "error-code-removed", "info", "wire", "/response/403/errors")
          for op in ("DeleteVpnPbrRouteEntry", "ModifyVpnPbrRouteEntryWeight")},
    }
    enum_added = sorted(c.message for c in result.changes
                        if c.rule == "request-enum-value-added")
    assert enum_added == [
        "query parameter 'ResourceType' value \"COMMONBANDWIDTHPACKAGE\" added to its enum",
        "query parameter 'ResourceType' value \"NATGATEWAY\" added to its enum"]
    typo = {c.message for c in result.changes if c.rule.startswith("error-code-")
            and c.kind == "wire"}
    assert "new error code Forbbiden.SubUser (403)" in typo
    # Tag.1.Value ... Tag.20.Value is one change, not twenty
    assert sum("Tag." in c.pointer for c in result.changes) == 3
    assert result.counts()["error"] == 1
    assert all(c.kind == "doc" for c in result.changes if "description" in c.rule)


def write_openapi(path: Path, paths: dict) -> Path:
    path.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                                "paths": paths}), encoding="utf-8")
    return path


def test_operations_match_across_path_variable_renames(tmp_path):
    def item(variable: str) -> dict:
        return {"get": {"operationId": "ShowThing", "responses": {"200": {"description": "ok"}},
                        "parameters": [{"name": variable, "in": "path", "required": True,
                                        "schema": {"type": "string"}}]}}

    old = write_openapi(tmp_path / "old.json", {"/v1/{project_id}/things": item("project_id")})
    new = write_openapi(tmp_path / "new.json", {"/v1/{projectId}/things": item("projectId")})
    changes = diff(load_side(str(old)), load_side(str(new))).changes
    assert summary(changes) == {("ShowThing", "request-path-variable-renamed", "info", "doc",
                                 "/request/path/projectId")}


def test_rpc_operations_are_told_apart_by_action(tmp_path):
    def action(name: str, methods: tuple[str, ...], required: bool) -> dict:
        operation = {"operationId": name, "responses": {"200": {"description": "ok"}}}
        return {"parameters": [{"name": "RegionId", "in": "query", "required": required,
                                "schema": {"type": "string"}}],
                **{m: dict(operation) for m in methods}}

    old = write_openapi(tmp_path / "old.json", {
        "/?Action=DescribeA": action("DescribeA", ("get", "post"), False),
        "/?Action=DescribeB": action("DescribeB", ("get", "post"), False)})
    new = write_openapi(tmp_path / "new.json", {
        "/?Action=DescribeA": action("DescribeA", ("get",), True),
        "/?Action=DescribeC": action("DescribeC", ("get", "post"), False)})
    changes = diff(load_side(str(old)), load_side(str(new))).changes
    assert summary(changes) == {
        ("DescribeA", "operation-method-removed", "error", "wire", ""),
        ("DescribeA", "request-parameter-became-required", "error", "wire",
         "/request/query/RegionId"),
        ("DescribeB", "operation-removed", "error", "wire", ""),
        ("DescribeC", "operation-added", "info", "wire", "")}


def test_response_rules(tmp_path):
    def schema(status: dict, required: list[str]) -> dict:
        return {"get": {"operationId": "Get", "responses": {"200": {
            "description": "ok", "content": {"application/json": {"schema": {
                "type": "object", "required": required,
                "properties": {"state": status, "size": {"type": "integer"}}}}}}}}}

    old = write_openapi(tmp_path / "old.json", {"/x": schema(
        {"type": "string", "enum": ["on", "off"]}, ["state", "size"])})
    new = write_openapi(tmp_path / "new.json", {"/x": schema(
        {"type": "string", "enum": ["on", "off", "busy"]}, ["size"])})
    changes = diff(load_side(str(old)), load_side(str(new))).changes
    assert summary(changes) == {
        ("Get", "response-enum-value-added", "warning", "wire", "/response/200/state"),
        ("Get", "response-property-became-optional", "warning", "wire", "/response/200/state")}


def test_git_revision_is_the_repository_specs_at_that_commit(tmp_path):
    repo = tmp_path / "repo"
    (repo / "specs").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(HUAWEI / "old" / "huaweicloud"), str(repo / "specs")],
                   check=True)
    git = ["git", "-C", str(repo), "-c", "user.email=t@example.com", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "specs"], check=True)
    subprocess.run([*git, "commit", "-qm", "old"], check=True)
    page = repo / "specs" / PAGE
    page.write_bytes((HUAWEI / "new" / PAGE).read_bytes())
    old = load_side("git:HEAD", repo=repo)
    assert old.source == "git" and old.page_hashes is not None
    changes = diff(old, load_side(str(repo / "specs"))).changes
    assert len(changes) == 4
    assert {c.new_source for c in changes if c.level == "error"} == {
        f"specs/{PAGE}:26", f"specs/{PAGE}:34"}
    with pytest.raises(UsageError, match="not a commit"):
        load_side("git:no-such-branch", repo=repo)


def test_cli_exit_codes_and_formats(capsys, tmp_path):
    old, new = str(HUAWEI / "old"), str(HUAWEI / "new")
    assert main(["diff", old, new]) == 0  # reporting only, unless --fail-on
    assert main(["diff", old, new, "--fail-on", "error"]) == 1
    assert main(["diff", old, old, "--fail-on", "warning"]) == 0
    capsys.readouterr()
    assert main(["diff", old, new, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["levels"] == {"error": 2, "warning": 1, "info": 1}
    assert data["summary"]["kinds"] == {"wire": 3, "doc": 1, "extraction": 0}
    assert set(data["changes"][0]) == {"id", "level", "kind", "rule", "operation", "pointer",
                                       "message", "old_source", "new_source"}
    assert main(["diff", old, new, "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "| error | wire | ListVpnConnections | `/request/query/vgw_id` |" in markdown
    assert main(["diff", old, new, "--format", "junit"]) == 0
    suite = ET.fromstring(capsys.readouterr().out)
    assert suite.get("tests") == "4" and len(suite.findall("testcase/failure")) == 2
    assert main(["diff", old, old]) == 0
    assert "(no change)" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    for args in ([str(tmp_path / "missing"), new], [str(bad), new], [str(tmp_path), new]):
        assert main(["diff", *args, "--fail-on", "error"]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1 and captured.err.startswith("docs2spec: error:")


def test_request_rules(tmp_path):
    def operation(name_in: str, name_schema: dict, body: dict) -> dict:
        return {"post": {"operationId": "Create", "responses": {"200": {"description": "ok"}},
                         "parameters": [{"name": "Name", "in": name_in, "schema": name_schema},
                                        {"name": "Mode", "in": "query", "schema": {
                                            "type": "string", "enum": ["a", "b"]}}],
                         "requestBody": {"content": {"application/json": {"schema": body}}}}}

    old_body = {"type": "object", "properties": {"size": {"type": "integer", "minimum": 1}}}
    new_body = {"type": "object", "required": ["zone"], "properties": {
        "size": {"type": "integer", "minimum": 2}, "zone": {"type": "string"}}}
    old = write_openapi(tmp_path / "old.json", {"/x": operation(
        "query", {"type": "string", "maxLength": 64}, old_body)})
    new = write_openapi(tmp_path / "new.json", {"/x": operation(
        "header", {"type": "string", "maxLength": 32, "pattern": "^[a-z]+$"}, new_body)})
    changes = diff(load_side(str(old)), load_side(str(new))).changes
    assert summary(changes) == {
        ("Create", "request-parameter-location-changed", "error", "wire", "/request/header/Name"),
        ("Create", "request-max-length-lowered", "error", "wire", "/request/header/Name"),
        ("Create", "request-pattern-added", "error", "wire", "/request/header/Name"),
        ("Create", "request-minimum-raised", "error", "wire", "/request/body/size"),
        ("Create", "request-required-property-added", "error", "wire", "/request/body/zone")}
    mode = {"type": "string", "enum": ["a"]}
    newer = json.loads(new.read_text())
    newer["paths"]["/x"]["post"]["parameters"][1]["schema"] = mode
    write_openapi(new, newer["paths"])
    removed = [c for c in diff(load_side(str(old)), load_side(str(new))).changes
               if c.pointer == "/request/query/Mode"]
    assert [(c.rule, c.level, c.message) for c in removed] == [
        ("request-enum-value-removed", "error",
         "query parameter 'Mode' value \"b\" removed from its enum")]


def test_mutated_documents_never_crash_the_diff():
    """Any OpenAPI file can be a side: broken parameters, refs and schemas are compared as far
    as they go, never a traceback (seeded, so a failure reproduces)."""
    import random

    from generator.diff.render import FORMATS

    documents = [json.loads((ROOT / "generated" / p / "openapi.json").read_text("utf-8"))
                 for p in ("huaweicloud/vpn", "alibabacloud/vpc")]
    values = [None, 1, "x", [], {}, [1], {"$ref": "#/nope"}, {"$ref": "#/paths"}, True, 1.5,
              {"type": ["a", 1]}, {"$ref": 5}, ["x", {"y": []}], -3, "/?Action="]

    def places(node, path=()):
        yield path
        children = node.items() if isinstance(node, dict) else enumerate(node) \
            if isinstance(node, list) else ()
        for key, child in children:
            yield from places(child, (*path, key))

    rng = random.Random(14)
    for _ in range(80):
        pair = [copy.deepcopy(rng.choice(documents))]
        pair.append(copy.deepcopy(pair[0]))
        for document in pair:
            paths = list(places(document))[1:]
            for _ in range(rng.randint(1, 6)):
                *parents, last = rng.choice(paths)
                parent = document
                try:
                    for key in parents:
                        parent = parent[key]
                    parent[last] = copy.deepcopy(rng.choice(values))
                except (KeyError, IndexError, TypeError):
                    pass  # an earlier mutation replaced the path
        result = diff(Side("a", "openapi", {"p": pair[0]}, None),
                      Side("b", "openapi", {"p": pair[1]}, None))
        for render in FORMATS.values():
            assert render(result).endswith("\n")


def test_generated_folder_at_a_revision_takes_page_hashes_from_its_specs(tmp_path):
    """`git:REV:generated` written before report.json kept hashes: the pages of specs/ at the
    same revision stand in (generated/ is what regen makes of specs/), so an upgrade of the
    tool shows as extraction."""
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["cp", "-r", str(HUAWEI / "old"), str(repo / "specs")], check=True)
    write_tree(all_files(build_specs(repo / "specs")), repo / "generated")
    report_path = repo / "generated/huaweicloud/vpn/report.json"
    report = json.loads(report_path.read_text("utf-8"))
    for page in report["pages"]:
        del page["sha256"]  # as an older docs2spec wrote it
    report_path.write_text(json.dumps(report), encoding="utf-8")
    document_path = repo / "generated/huaweicloud/vpn/openapi.json"
    document = json.loads(document_path.read_text("utf-8"))
    operation = document["paths"]["/v5/{project_id}/vpn-connection"]["get"]
    operation["parameters"] = [p for p in operation["parameters"] if p["name"] != "marker"]
    document_path.write_text(json.dumps(document), encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.email=t@example.com", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "specs", "generated"], check=True)
    subprocess.run([*git, "commit", "-qm", "older tool"], check=True)
    old = load_side("git:HEAD:generated", repo=repo)
    assert old.source == "generated" and old.page_hashes == {
        f"specs/{PAGE}": hashlib.sha256((HUAWEI / "old" / PAGE).read_bytes()).hexdigest()}
    result = diff(old, load_side(str(repo / "specs")))
    assert summary(result.changes) == {("ListVpnConnections", "request-parameter-added", "info",
                                        "extraction", "/request/query/marker")}
    with pytest.raises(UsageError, match="has no nowhere"):
        load_side("git:HEAD:nowhere", repo=repo)


def test_api_wide_and_naming_rules(tmp_path):
    def document(version: str, servers: list[str], op_id: str) -> dict:
        return {"openapi": "3.1.0", "info": {"title": "t", "version": version},
                "servers": [{"url": u} for u in servers],
                "paths": {"/v1/things": {"get": {"operationId": op_id, "summary": op_id,
                                                 "responses": {"200": {"description": "ok"}}}}}}

    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(document("v1", ["https://a.example", "https://b.example"],
                                       "ListThings")), encoding="utf-8")
    new.write_text(json.dumps(document("v2", ["https://a.example", "https://c.example"],
                                       "QueryThings")), encoding="utf-8")
    changes = diff(load_side(str(old)), load_side(str(new))).changes
    assert summary(changes) == {
        (None, "api-server-removed", "warning", "wire", "/servers"),
        (None, "api-server-added", "info", "wire", "/servers"),
        (None, "api-version-changed", "info", "wire", "/info/version"),
        ("QueryThings", "operation-id-changed", "warning", "doc", ""),
        ("QueryThings", "operation-summary-changed", "info", "doc", "")}


def test_only_indexed_names_fold(tmp_path):
    """`Tag.1.Key`..`Tag.3.Key` changing alike is one change; enum values 1.5 and 1.7 are two."""
    def document(enum: list, required: bool) -> dict:
        params = [{"name": f"Tag.{i}.Key", "in": "query", "required": required,
                   "schema": {"type": "string"}} for i in (1, 2, 3)]
        params.append({"name": "Ratio", "in": "query", "schema": {"type": "number",
                                                                    "enum": enum}})
        return {"/?Action=Tag": {"parameters": params, "get": {
            "operationId": "Tag", "responses": {"200": {"description": "ok"}}}}}

    old = write_openapi(tmp_path / "old.json", document([1.5, 1.7, 2], False))
    new = write_openapi(tmp_path / "new.json", document([2], True))
    changes = diff(load_side(str(old)), load_side(str(new))).changes
    assert sorted((c.pointer, c.message) for c in changes) == [
        ("/request/query/Ratio", "query parameter 'Ratio' value 1.5 removed from its enum"),
        ("/request/query/Ratio", "query parameter 'Ratio' value 1.7 removed from its enum"),
        ("/request/query/Tag.N.Key",
         "query parameter 'Tag.N.Key' became required (3 indexes)")]


def test_endless_or_very_deep_documents(tmp_path, capsys):
    """A YAML anchor inside itself is unusable input (exit 2, one line); a `$ref` chain deeper
    than the comparison follows is said, never a RecursionError."""
    looped = tmp_path / "loop.yaml"
    looped.write_text("openapi: 3.1.0\npaths:\n  /x:\n    get: &g\n      operationId: X\n"
                      "      responses: {'200': {content: {application/json: {schema: &s "
                      "{type: object, properties: {a: *s}}}}}}\n", encoding="utf-8")
    assert main(["diff", str(looped), str(looped)]) == 2
    assert "anchor" in capsys.readouterr().err

    def chain(last: str) -> dict:
        schemas = {f"S{i}": {"type": "object", "properties": {
            "a": {"$ref": f"#/components/schemas/S{i + 1}"}}} for i in range(300)}
        schemas["S300"] = {"type": last}
        return {"openapi": "3.1.0", "components": {"schemas": schemas}, "paths": {"/x": {
            "get": {"operationId": "X", "responses": {"200": {"description": "ok", "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}}}}}}}

    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(chain("string")), encoding="utf-8")
    new.write_text(json.dumps(chain("integer")), encoding="utf-8")
    changes = diff(load_side(str(old)), load_side(str(new))).changes
    assert [(c.rule, c.level) for c in changes] == [("response-schema-not-compared", "warning")]


def test_defaults(tmp_path):
    def document(defaults: dict) -> dict:
        return {"/x": {"get": {"operationId": "X", "responses": {"200": {"description": "ok"}},
                               "parameters": [{"name": n, "in": "query", "schema": {
                                   "type": "integer", **({"default": d} if d is not None
                                                         else {})}}
                                   for n, d in defaults.items()]}}}

    old = write_openapi(tmp_path / "old.json", document({"a": None, "b": 10, "c": 10}))
    new = write_openapi(tmp_path / "new.json", document({"a": 5, "b": None, "c": 20}))
    changes = diff(load_side(str(old)), load_side(str(new))).changes
    assert summary(changes) == {
        ("X", "request-default-added", "info", "wire", "/request/query/a"),
        ("X", "request-default-removed", "warning", "wire", "/request/query/b"),
        ("X", "request-default-changed", "warning", "wire", "/request/query/c")}
