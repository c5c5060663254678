"""The HTML reader on docutils renderings of the OTC corpus and on hand-made vendor pages.

The Huawei-style site is Sphinx output of the same reStructuredText the rst reader reads, so the
strongest check is agreement: render corpus pages with docutils and the HTML reader must give the
tables (caption, header, every cell) the rst reader gives. The Alibaba-style fixture pins
`Row.depth` for the ways help-center pages show nesting.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from docutils.nodes import make_id

from generator.sources import html, rst, rst_docutils
from generator.sources.tree import CodeBlock, Heading, Paragraph, Table
from tests.conftest import CORPUS, NO_CORPUS, render_html

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "html"
SOURCE = CORPUS / "huawei" / "pages" / "virtual-private-network" / "api-ref" / "source"
ENTERPRISE = SOURCE / "api_reference_enterprise_edition_vpn"
SAMPLE_PAGES = [
    ENTERPRISE / "api" / "vpn_connection" / "creating_a_vpn_connection.rst",
    ENTERPRISE / "api" / "vpn_connection" / "querying_the_vpn_connection_list.rst",
    ENTERPRISE / "api" / "s2c_vpn_gateway" / "creating_a_vpn_gateway.rst",
    ENTERPRISE / "api" / "vpn_tag" / "querying_the_resource_instance_list.rst",
    ENTERPRISE / "appendixes" / "status_codes.rst",
    SOURCE / "api_reference_classic_vpn" / "api" / "tag_management" / "creating_tags_for_a_vpn.rst",
    SOURCE / "api_reference_classic_vpn" / "native_openstack_apis" / "vpn_service_management"
    / "creating_a_vpn_service.rst",
]
SPECS = HERE.parent / "specs"

def needs_corpus(test):
    """Corpus pages rendered by docutils, several seconds each: `slow` too."""
    return pytest.mark.slow(pytest.mark.skipif(not SOURCE.is_dir(), reason=NO_CORPUS)(test))


@functools.cache
def rendered(page: Path) -> str:
    """The page as docutils' HTML5 writer renders it, with the rst reader's Sphinx roles."""
    return render_html(page.read_text(encoding="utf-8"), source_path=str(page),
                       **rst_docutils.SETTINGS_OVERRIDES)


def fixture(name: str):
    path = FIXTURES / name
    return html.read(str(path), path.read_text(encoding="utf-8"))


def tables_of(document) -> list[Table]:
    return [node for node in document.nodes if isinstance(node, Table)]


def shape(node) -> tuple:
    if isinstance(node, Table):
        return ("table", node.caption, node.header, tuple(row.cells for row in node.rows))
    if isinstance(node, Heading):
        return ("heading", node.text, node.level)
    if isinstance(node, CodeBlock):
        return ("code", node.text, node.language)
    return ("paragraph", node.text)


# --- agreement with the rst reader ------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("page", SAMPLE_PAGES, ids=lambda page: page.stem)
def test_rendered_pages_give_the_rst_tables(page):
    from_rst = rst.read(str(page), page.read_text(encoding="utf-8"))
    from_html = html.read(f"{page.stem}.html", rendered(page))
    assert from_html.form == "html"
    assert from_html.notes == ()
    expected, actual = tables_of(from_rst), tables_of(from_html)
    assert len(actual) == len(expected) > 0
    for want, got in zip(expected, actual, strict=True):
        assert got.caption == want.caption
        assert got.header == want.header
        assert [row.cells for row in got.rows] == [row.cells for row in want.rows]
        assert got.anchor == (make_id(want.anchor) if want.anchor else "")
        assert all(row.depth is None for row in got.rows)
    # Not only the tables: headings, prose and samples read the same in both formats.
    assert [shape(n) for n in from_html.nodes] == [shape(n) for n in from_rst.nodes]


@needs_corpus
def test_rendered_lines_point_at_rows():
    page = SAMPLE_PAGES[0]
    text = rendered(page)
    document = html.read("creating.html", text)
    lines = text.split("\n")
    for table in tables_of(document):
        assert lines[table.loc.line - 1].lstrip().startswith("<table")
        for row in table.rows:
            assert lines[row.loc.line - 1].lstrip().startswith("<tr"), row
    body = next(t for t in tables_of(document) if t.caption.startswith("Table 3 "))
    assert body.rows[0].cells[1] == "String"
    assert body.rows[0].cells[0] == "name"
    codes = [n for n in document.nodes if isinstance(n, CodeBlock)]
    assert codes[0].language == "text"
    assert json.loads(codes[0].text.partition("\n\n")[2])["vpn_connection"]


# --- a Sphinx page as saved from the site ------------------------------------------------------


def test_sphinx_page_drops_chrome_and_keeps_content():
    document = fixture("sphinx_otc.html")
    assert [(n.text, n.level) for n in document.nodes if isinstance(n, Heading)] == [
        ("Deleting a VPN Connection", 1), ("URI", 2), ("Response", 2)]
    texts = [n.text for n in document.nodes if isinstance(n, Paragraph)]
    assert not any("index" in t or "Navigation" in t or "Copyright" in t for t in texts)
    first, second = tables_of(document)
    assert first.caption == "Table 1 Parameter description"  # the ¶ permalink is dropped
    assert first.anchor == "id1"
    assert first.loc.line == 22 and first.rows[1].loc.line == 37
    assert first.rows[0].cells[3].endswith("by referring to Obtaining the Project ID.")
    assert first.rows[1].cells[3] == ("- Specifies a VPN connection ID.\n"
                                      "- The value is a UUID containing 36 characters.")
    assert second.caption == "Table 2 Error"
    assert second.anchor == "en-us-topic-0000001854089197-table-error"  # the span before it
    code = next(n for n in document.nodes if isinstance(n, CodeBlock))
    assert code.language == "json" and json.loads(code.text) == {"request_id": "4b5a7d2c"}
    assert "- Response parameters" in texts
    assert "Returned status code 204: successful deletion" in texts
    assert texts[-1] == "Note: A deleted VPN connection cannot be restored."


# --- Alibaba-style nesting -------------------------------------------------------------------


def test_alibaba_page_content_and_cells():
    document = fixture("alibaba_nested.html")
    assert document.title == "DescribeVpnGateways"
    assert document.nodes[1] == Paragraph("Queries VPN gateways in a region.",
                                          document.nodes[1].loc)
    request = tables_of(document)[0]
    assert request.header == ("Parameter", "Type", "Required", "Example", "Description")
    cells = {row.cells[0]: row for row in request.rows}
    assert all(row.depth is None for row in request.rows)  # a flat table shows no nesting
    assert cells["RegionId"].cells[4] == (
        "The ID of the region.\n\nYou can call DescribeRegions to query the region list.")
    assert cells["Status"].cells[4] == (
        "The status of the VPN gateway. Valid values:\n\n- init: initializing\n- active: running")
    assert cells["PageSize"].cells[4] == "Default value: 10.\nMaximum value: 50."
    assert cells["RegionId"].loc.line == 23
    texts = [n.text for n in document.nodes if isinstance(n, Paragraph)]
    assert not any("Alibaba Cloud" in t or "CreateVpnGateway" in t for t in texts)
    codes = [(n.language, n.loc.line) for n in document.nodes if isinstance(n, CodeBlock)]
    assert codes == [("json", 76), ("xml", 80)]


def test_depth_from_indentation_style():
    table = tables_of(fixture("alibaba_nested.html"))[1]
    assert table.anchor == "response-table"
    assert [(row.cells[0], row.depth) for row in table.rows] == [
        ("VpnGateways", 0), ("VpnGateway", 1), ("VpnGatewayId", 2), ("Tags", 2), ("Key", 3),
        ("TotalCount", 0), ("RequestId", 0)]


def test_depth_from_level_classes_and_tree_characters():
    by_class, by_marker = tables_of(fixture("alibaba_nested.html"))[2:4]
    assert by_class.header == ("Parameter", "Type", "Description")  # first row of <th>
    assert [(row.cells[0], row.depth) for row in by_class.rows] == [
        ("IpsecServers", 0), ("IpsecServerId", 1), ("IkeConfig", 1), ("IkeVersion", 2),
        ("RequestId", 0)]
    assert [(row.cells[0], row.depth) for row in by_marker.rows] == [
        ("Routes", 0), ("RouteDest", 1), ("NextHop", 1), ("Count", 0)]


def test_depth_from_nested_tables():
    table = tables_of(fixture("alibaba_nested.html"))[4]
    assert [(row.cells, row.depth) for row in table.rows] == [
        (("SslServer", "Object", "The SSL server."), 0),
        (("Port", "Integer", "The port."), 1),
        (("Proto", "String", "The protocol."), 1),
        (("RequestId", "String", "The request ID."), 0)]


# --- sniffing and odd input ---------------------------------------------------------------------


def test_sniff():
    page = "<!DOCTYPE html>\n<html><body><p>x</p></body></html>"
    assert html.sniff("page.html", "") >= 0.9
    assert html.sniff("page.HTM", "") >= 0.9
    assert html.sniff("page.txt", page) >= 0.9
    assert html.sniff("page", "  <html lang='en'><body></body></html>") >= 0.9
    assert html.sniff("page.md", page) == 0.0
    assert html.sniff("page.rst", page) == 0.0
    assert html.sniff("page.txt", "Parameter | Type\n<b>not a page</b>") == 0.0


def test_sniff_ignores_plain_text_seed_pages():
    for page in sorted(SPECS.glob("*/*/pages/*.txt")):
        assert html.sniff(str(page), page.read_text(encoding="utf-8")) < 0.1, page


def test_unclosed_tags_close_as_in_a_browser():
    document = html.read("loose.html", (
        "<html><body><h1>T</h1><p>para<table><tr><th>A<th>B<tr><td>a<td>b<tr><td>c<td>d"
        "</table><ul><li>one<li>two<ul><li>x<li>y</ul><li>three</ul>"))
    table = tables_of(document)[0]
    assert table.header == ("A", "B")
    assert [row.cells for row in table.rows] == [("a", "b"), ("c", "d")]
    assert document.nodes[-1].text == "- one\n- two\n  - x\n  - y\n- three"


def test_spans_and_ragged_rows():
    document = html.read("spans.html", (
        "<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead>"
        "<tr><td rowspan='2'>r</td><td colspan='2'>wide</td></tr>"
        "<tr><td>b</td><td>c</td></tr>"
        "<tr><td>only</td></tr></table>"))
    table = tables_of(document)[0]
    assert [row.cells for row in table.rows] == [("r", "wide", ""), ("r", "b", "c"), ("only",)]
    assert [message for _, message in document.notes] == ["row has 1 cells, the header 3"]


ODD_PAGES = {
    "empty": "",
    "binary": "\x00\x01<<<>>>&&&;" * 100,
    "deep-divs": "<html><body>" + "<div>" * 3000 + "x" + "</div>" * 3000,
    "huge-colspan": "<table><tr><td colspan='999999999'>x</td></tr></table>",
    "caption-paragraph": "<p>Table 2 Things</p><table><tr><th>A</th></tr><tr><td>1</td></tr>",
}


@pytest.mark.parametrize("text", ODD_PAGES.values(), ids=ODD_PAGES.keys())
def test_never_raises_on_odd_input(text):
    document = html.read("odd.html", text)
    assert document.form == "html"
    for node in document.nodes:
        assert node.loc.line >= 1


def test_caption_written_above_the_table():
    table = tables_of(html.read("cap.html", ODD_PAGES["caption-paragraph"]))[0]
    assert table.caption == "Table 2 Things" and table.header == ("A",)
