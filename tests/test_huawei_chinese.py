"""Huawei-style pages in Chinese: recognised as Huawei (not Alibaba, though both say 是否必选),
named from their URI (a Chinese title gives no identifier), captions `表N`, `状态码：201`,
Chinese value lists; and operation names that stay unique and safe whatever the titles say."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from generator.build import build_pages
from generator.dialects.huawei import operation_name_from_uri

HEADER = ("参数", "是否必选", "参数类型", "描述")


def _width(text: str) -> int:
    """Display width, as docutils measures grid tables: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def grid(caption: str, header: tuple[str, ...], rows: list[tuple[str, ...]], label: str = "") -> str:
    widths = [max(_width(c) for c in column) + 2 for column in zip(header, *rows, strict=True)]

    def border(char: str = "-") -> str:
        return "   +" + "+".join(char * w for w in widths) + "+"

    def cells(row: tuple[str, ...]) -> str:
        return "   |" + "|".join(" " + c + " " * (w - _width(c) - 1)
                                 for c, w in zip(row, widths, strict=True)) + "|"

    number, name = caption.split(" ", 1)
    lines = [f".. _{label}:", ""] if label else []
    lines += [f".. table:: **{number}** {name}", "", border(), cells(header), border("=")]
    for row in rows:
        lines += [cells(row), border()]
    return "\n".join(lines) + "\n"


def page(title: str, uri: str) -> str:
    underline = "=" * (_width(title) + 2)
    return f"""{title}
{underline}

功能介绍
--------

{title}。

URI
---

{uri}

{grid("表1 路径参数", HEADER, [("project_id", "是", "String", "项目ID。")])}
请求参数
--------

{grid("表2 请求Body参数", HEADER, [("vpn_connection", "是", ":ref:`VpnConnection <t3>` object",
                                    "VPN连接对象。")])}
{grid("表3 VpnConnection", HEADER, [("name", "否", "String", "VPN连接名称。取值范围：1-64个字符。"),
                                    ("style", "是", "String", "连接模式。取值范围：POLICY、ROUTE、BGP。")],
      label="t3")}
响应参数
--------

**状态码：201**

{grid("表4 响应Body参数", ("参数", "参数类型", "描述"), [("request_id", "String", "请求ID。")])}
请求示例
--------

.. code-block::

   {uri.split()[0]} https://{{Endpoint}}{uri.split()[1]}

   {{"vpn_connection": {{"name": "vpn-1", "style": "POLICY"}}}}

响应示例
--------

**状态码：201**

.. code-block::

   {{"request_id": "abc"}}
"""


def _build(tmp_path: Path, pages: dict[str, str]) -> tuple[dict, dict]:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    [build], _ = build_pages([folder], tmp_path / "out")
    out = tmp_path / "out" / build.product.provider / build.product.name
    return (json.loads((out / "openapi.json").read_text(encoding="utf-8")),
            json.loads((out / "report.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def chinese(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("zh"), {
        "create.rst": page("创建VPN连接", "POST /v5/{project_id}/vpn-connection"),
        "show.rst": page("查询VPN连接", "GET /v5/{project_id}/vpn-connection/{vpn_connection_id}"),
    })


def test_chinese_huawei_pages_read_as_huawei_with_names_from_the_uri(chinese):
    openapi, report = chinese
    assert report["provider"] == "huaweicloud"
    operations = {op["operationId"]: (method, path) for path, item in openapi["paths"].items()
                  for method, op in item.items()}
    assert operations == {
        "CreateVpnConnection": ("post", "/v5/{project_id}/vpn-connection"),
        "ShowVpnConnection": ("get", "/v5/{project_id}/vpn-connection/{vpn_connection_id}"),
    }


def _deref(openapi: dict, schema: dict) -> dict:
    """A body schema as written, whether inline or a named component."""
    if "$ref" in schema:
        return openapi["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _with_components(openapi: dict, node) -> str:
    """An operation's JSON with the components it refers to (transitively) appended."""
    text, seen = json.dumps(node), set()
    pending = [text]
    while pending:
        for name in re.findall(r'"#/components/schemas/([^"]+)"', pending.pop()):
            component = openapi["components"]["schemas"].get(name)
            if name not in seen and component is not None and name != "VpnConnection":
                seen.add(name)
                pending.append(json.dumps(component))
                text += pending[-1]
    return text


def test_chinese_tables_statuses_and_value_lists(chinese):
    openapi, _ = chinese
    create = openapi["paths"]["/v5/{project_id}/vpn-connection"]["post"]
    assert list(create["responses"]) == ["201"]
    body = _deref(openapi, create["requestBody"]["content"]["application/json"]["schema"])
    assert body["required"] == ["vpn_connection"]
    connection = openapi["components"]["schemas"]["VpnConnection"]
    assert connection["properties"]["style"]["enum"] == ["POLICY", "ROUTE", "BGP"]
    assert connection["properties"]["name"]["maxLength"] == 64
    assert connection["required"] == ["style"]


def test_the_same_type_table_on_two_pages_is_one_component(chinese):
    openapi, report = chinese
    refs = [path for path, item in openapi["paths"].items() for op in item.values()
            if '"#/components/schemas/VpnConnection"' in _with_components(openapi, op)]
    assert len(refs) == 2
    assert not [d for d in report["diagnostics"] if d["code"] == "type-variants"]


@pytest.mark.parametrize(("method", "path", "name"), [
    ("GET", "/v5/{project_id}/vpn-connection", "ListVpnConnection"),
    ("GET", "/v5/{project_id}/vpn-connection/{id}", "ShowVpnConnection"),
    ("DELETE", "/v5/{project_id}/vpn-connection/{id}", "DeleteVpnConnection"),
    ("PUT", "/v2.0/vpn/ikepolicies/{id}", "UpdateVpnIkepolicies"),
    ("POST", "/v5/{project_id}/vpn-connection/{id}/reset", "ResetVpnConnection"),
    ("GET", "/", "ShowRoot"),
])
def test_names_from_uris(method, path, name):
    assert operation_name_from_uri(method, path) == name


def test_same_title_on_two_uris_gives_two_operations_and_says_so(tmp_path):
    english = page("Querying VPN Connections", "GET /v5/{project_id}/vpn-connection")
    older = english.replace("/v5/{project_id}/vpn-connection", "/v2.0/vpn/ipsec-site-connections")
    openapi, report = _build(tmp_path, {"a.rst": english, "b.rst": older})
    ids = sorted(op["operationId"] for item in openapi["paths"].values() for op in item.values())
    # Told apart by the version its URI states, not by a number (`ListVpnConnections2`).
    assert ids == ["ListVpnConnections", "ListVpnConnectionsV2_0"]
    [renamed] = [d for d in report["diagnostics"] if d["code"] == "operation-renamed"]
    assert "a.rst" in renamed["message"] and renamed["source"].endswith("b.rst:1")


def test_operation_ids_are_identifiers_whatever_the_title(tmp_path):
    hostile = page("创建", "POST /v5/{project_id}/vpn-connection").replace(
        "POST /v5/{project_id}/vpn-connection", "POST /")
    hostile = hostile.replace("https://{Endpoint}/v5/{project_id}/vpn-connection",
                              "https://{Endpoint}/")
    openapi, _ = _build(tmp_path, {"x.rst": hostile})
    [[op]] = [list(item.values()) for item in openapi["paths"].values()]
    assert op["operationId"].isidentifier() and op["operationId"].isascii()
