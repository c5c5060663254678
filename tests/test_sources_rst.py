"""The reStructuredText reader on the Open Telekom Cloud VPN reference and on odd input.

The corpus checks pin what dialects rely on: captions, headers, anchors, type cells with `:ref:`
links read as text, list items as "- " lines, and row lines that point at the row in the page.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.sources import rst
from generator.sources.tree import CodeBlock, Heading, Paragraph, Table
from tests.conftest import CORPUS, NO_CORPUS

SOURCE = CORPUS / "huawei" / "pages" / "virtual-private-network" / "api-ref" / "source"
CONNECTION = SOURCE / "api_reference_enterprise_edition_vpn" / "api" / "vpn_connection"
PAGES = sorted(SOURCE.rglob("*.rst"))
SPECS = Path(__file__).resolve().parents[1] / "specs"

needs_corpus = pytest.mark.skipif(not PAGES, reason=NO_CORPUS)


@functools.cache
def read(path: Path):
    return rst.read(str(path), path.read_text(encoding="utf-8"))


def tables(document) -> dict[str, Table]:
    return {node.caption.split(" ", 2)[1]: node for node in document.nodes
            if isinstance(node, Table) and node.caption.startswith("Table ")}


def flat(text: str) -> str:
    return " ".join(text.split())


def border_counts(text: str) -> list[int]:
    """Body rows of each grid table, counted from its borders: separators minus header, bottom."""
    counts, lines, index = [], text.split("\n"), 0
    while index < len(lines):
        if re.fullmatch(r"\+(-+\+)+", lines[index].strip()):
            borders = header = 0
            while index < len(lines) and lines[index].strip()[:1] in ("+", "|"):
                if re.fullmatch(r"\+([-=]+\+)+", lines[index].strip()):
                    borders += 1
                    header = header or "=" in lines[index]
                index += 1
            counts.append(borders - 1 - (1 if header else 0))
        else:
            index += 1
    return counts


# --- the whole corpus -----------------------------------------------------------------------


@pytest.mark.slow  # all 113 pages through docutils: a minute
@needs_corpus
def test_all_pages_read_and_every_grid_row_is_accounted_for():
    assert len(PAGES) == 113
    total_rows = 0
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        document = read(page)
        assert document.form == "rst"
        assert document.notes == (), (page, document.notes)
        lines = text.split("\n")
        grid = [node for node in document.nodes if isinstance(node, Table) and node.rows
                and lines[node.rows[0].loc.line - 2].strip().startswith("+")]
        assert [len(table.rows) for table in grid] == border_counts(text), page
        for table in (n for n in document.nodes if isinstance(n, Table)):
            for row in table.rows:
                total_rows += 1
                above = lines[row.loc.line - 2].strip()
                # A row's line is its first text line: right below a border in a grid table.
                assert lines[row.loc.line - 1].strip(), (page, row)
                if table in grid:
                    assert above.startswith("+"), (page, row)
        for node in document.nodes:
            assert node.loc.path == str(page) and node.loc.line >= 1, (page, node)
    assert total_rows > 1400


@needs_corpus
def test_json_code_blocks_parse():
    labelled = 0
    for page in PAGES:
        for node in read(page).nodes:
            if isinstance(node, CodeBlock) and node.language == "json":
                json.loads(node.text)
                labelled += 1
    assert labelled > 40


# --- creating_a_vpn_connection.rst ------------------------------------------------------------


@needs_corpus
def test_creating_a_vpn_connection_structure():
    document = read(CONNECTION / "creating_a_vpn_connection.rst")
    headings = [(n.text, n.level, n.loc.line) for n in document.nodes if isinstance(n, Heading)]
    assert headings[:3] == [("Creating a VPN Connection", 1, 7), ("Function", 2, 10),
                            ("Calling Method", 2, 15)]
    assert ("Response", 2, 453) in headings
    assert document.title == "Creating a VPN Connection"
    found = tables(document)
    assert [found[str(n)].caption for n in (1, 3, 8)] == [
        "Table 1 Parameter description", "Table 3 CreateVpnConnectionRequestBodyContent",
        "Table 8 VpnResourceTag"]
    assert found["1"].anchor == "" and found["2"].anchor == ""
    assert found["3"].anchor == (
        "en-us_topic_0000001854169149__en-us_topic_0000001543833172_table92764")
    assert found["3"].header == ("Parameter", "Type", "Mandatory", "Description")
    assert found["9"].header == ("Parameter", "Type", "Description")
    assert found["3"].loc.line == 48
    request = found["2"].rows[0]
    assert request.cells[:3] == ("vpn_connection", "CreateVpnConnectionRequestBodyContent object",
                                 "Yes")
    assert request.loc.line == 43


@needs_corpus
def test_creating_a_vpn_connection_cells():
    found = tables(read(CONNECTION / "creating_a_vpn_connection.rst"))
    rows = {row.cells[0]: row for row in found["3"].rows}
    assert [row.cells[0] for row in found["3"].rows][:4] == ["name", "vgw_id", "vgw_ip", "style"]
    assert rows["name"].loc.line == 53 and rows["vgw_id"].loc.line == 56
    assert rows["tags"].cells[1] == "Array of VpnResourceTag object"
    assert rows["ikepolicy"].cells[1] == "IkePolicy object"
    assert rows["vgw_id"].cells[3] == (
        "- Specifies a VPN gateway ID.\n- The value is a UUID containing 36 characters.\n\n"
        "You can obtain the VPN gateway ID by querying the VPN gateway list.")
    assert rows["vgw_ip"].cells[3].startswith(
        "- Function description:\n  - When network_type of the VPN gateway is set to public, "
        "set vgw_ip to the EIP IDs of the VPN gateway.\n  - When network_type")
    assert rows["style"].cells[3] == (
        "- Specifies the connection mode.\n- Value range:\n  policy: policy-based mode\n"
        "  static: static routing mode\n  bgp: BGP routing mode\n- The default value is static.")
    # Bold and literal markup become plain text, escaped spaces vanish.
    assert "format of vpn-**** is automatically generated" in rows["name"].cells[3]
    response = {row.cells[0]: row.cells for row in found["10"].rows}
    assert response["policy_rules"][1] == "Array of PolicyRule objects"
    assert response["tags"][1] == "Array of VpnResourceTag objects"
    dpd = {row.cells[0]: row.cells for row in found["6"].rows}
    assert dpd["msg"][3].startswith("- Specifies the format of DPD packets.\n- Value range:\n  ")


@needs_corpus
def test_creating_a_vpn_connection_samples():
    document = read(CONNECTION / "creating_a_vpn_connection.rst")
    codes = [n for n in document.nodes if isinstance(n, CodeBlock)]
    assert codes[0].language == "text"
    assert codes[0].loc.line == 370
    request_line, _, body = codes[0].text.partition("\n\n")
    assert request_line == "POST https://{Endpoint}/v5/{project_id}/vpn-connection"
    assert json.loads(body)["vpn_connection"]["psk"] == "abcd****"
    paragraphs = [n.text for n in document.nodes if isinstance(n, Paragraph)]
    assert "- Request parameters" in paragraphs
    assert "Returned status code 201: successful operation" in paragraphs
    assert "- Create a VPN connection in static routing mode." in paragraphs


# --- querying_the_vpn_connection_list.rst ------------------------------------------------------


@needs_corpus
def test_querying_the_vpn_connection_list():
    document = read(CONNECTION / "querying_the_vpn_connection_list.rst")
    found = tables(document)
    assert found["2"].caption == "Table 2 Parameter in a query request"
    assert [row.cells[0] for row in found["2"].rows] == [
        "vgw_ip", "vgw_id", "enterprise_project_id", "limit", "marker"]
    assert found["2"].rows[3].cells[3] == (
        "- Specifies the number of records returned on each page during pagination query.\n"
        "- The value ranges from 0 to 2000.\n- The default value is 2000.")
    body = found["3"]
    assert body.caption == "Table 3 Parameters in the response body"
    assert body.header == ("Parameter", "Type", "Description")
    connections = body.rows[0]
    # The page writes "Array of" and the link in two paragraphs; the cell keeps them apart.
    assert connections.cells[1] == "Array of\n\nResponseVpnConnection objects"
    assert flat(connections.cells[1]) == "Array of ResponseVpnConnection objects"
    assert connections.loc.line == 91
    assert body.rows[1].cells[1] == "PageInfo object"
    assert found["4"].caption == "Table 4 ResponseVpnConnection"
    assert found["4"].anchor.endswith("_table92786")
    assert found["4"].loc.line == 104
    # "Request parameters: None" stays prose.
    texts = [(type(n).__name__, getattr(n, "text", "")) for n in document.nodes]
    start = texts.index(("Paragraph", "- Request parameters"))
    assert texts[start + 1] == ("Paragraph", "None")
    requests = [n for n in document.nodes if isinstance(n, CodeBlock) and n.language == "text"]
    assert requests[0].text == "GET https://{Endpoint}/v5/{project_id}/vpn-connection"
    samples = [n for n in document.nodes if isinstance(n, CodeBlock) and n.language == "json"]
    assert samples and all(json.loads(n.text) for n in samples)


@needs_corpus
def test_simple_tables_and_notes():
    page = (SOURCE / "api_reference_classic_vpn" / "api" / "tag_management"
            / "creating_tags_for_a_vpn.rst")
    document = read(page)
    found = tables(document)
    assert found["1"].header == ("Parameter", "Type", "Mandatory", "Description")
    assert found["1"].rows[0].cells == ("tag", "List<resource_tag>", "Yes", "Specifies the tag.")
    assert found["1"].rows[0].loc.line == 34
    assert found["1"].anchor.endswith("_table14751112719406")
    assert found["2"].caption == "Table 2 Description of field resource_tag"
    assert found["2"].rows[0].cells[3].endswith(
        "- Can contain only the following character types:\n  - Uppercase letters\n"
        "  - Lowercase letters\n  - Digits\n  - Hyphens (-) and underscores (_)")
    notes = [n for n in document.nodes if isinstance(n, Paragraph) and n.text.startswith("Note")]
    assert notes[0].text.startswith("Note: In the URI, project_id indicates the project ID")
    status = read(SOURCE / "api_reference_enterprise_edition_vpn" / "appendixes"
                  / "status_codes.rst")
    codes = tables(status)["1"]
    assert [(r.cells[0], r.loc.line) for r in codes.rows] == [("200", 15), ("201", 16),
                                                             ("204", 17)]


# --- sniffing -----------------------------------------------------------------------------------


@needs_corpus
def test_sniff():
    page = CONNECTION / "creating_a_vpn_connection.rst"
    text = page.read_text(encoding="utf-8")
    assert rst.sniff(str(page), text) >= 0.9
    assert rst.sniff("saved.rst.txt", text) >= 0.9
    assert rst.sniff("page.md", text) == 0.0
    assert rst.sniff("page.html", text) == 0.0
    assert rst.sniff("page.txt", "<!DOCTYPE html><html><body>x</body></html>") == 0.0
    assert rst.sniff("page.txt", "Title\n=====\n\nText\n\nSub\n---\n") == 0.0  # also Markdown


def test_sniff_ignores_plain_text_seed_pages():
    pages = sorted(SPECS.glob("*/*/pages/*.txt"))
    for page in pages:
        assert rst.sniff(str(page), page.read_text(encoding="utf-8")) < 0.1, page


# --- odd input ----------------------------------------------------------------------------------

ODD = """\
Title
=====

.. _tbl_x:

.. table:: **Table 1** Broken

   +------+--------+
   | a    | b      |
   +======+========+
   | x    | yyy     |
   +------+--------+
   | z    | - one  |
   |      | - two  |
   +------+--------+

Text :madeuprole:`Hello <there>` and :ref:`bare_label` and :doc:`/x/y`.

.. fancybox:: Arg here
   :opt: 1

   Inside the fancy box.

.. code-block:: json
   :caption: sample

   {"a": [1, 2]}

::

   [1, 2, 3]

.. versionadded:: 2.0
   New stuff.

.. highlight:: xml

::

   <a/>

.. include:: /etc/passwd
"""


def test_odd_input_becomes_notes_not_exceptions():
    document = rst.read("odd.rst", ODD)
    by_type = [(type(n).__name__, getattr(n, "text", getattr(n, "caption", ""))) for n in
               document.nodes]
    assert by_type[0] == ("Heading", "Title")
    broken = document.nodes[1]
    assert isinstance(broken, Table)
    assert broken.caption == "Table 1 Broken" and broken.anchor == "tbl_x"
    assert broken.header == ("a", "b")
    assert [(r.cells, r.loc.line) for r in broken.rows] == [(("x", "yyy"), 11),
                                                           (("z", "- one\n- two"), 13)]
    assert ("Paragraph", "Text Hello and bare_label and /x/y.") in by_type
    assert ("Paragraph", "Inside the fancy box.") in by_type
    assert ("Paragraph", "New in version 2.0: New stuff.") in by_type
    codes = [(n.language, n.text) for n in document.nodes if isinstance(n, CodeBlock)]
    assert codes == [("json", '{"a": [1, 2]}'), ("json", "[1, 2, 3]"), ("xml", "<a/>")]
    notes = [(loc.line, message) for loc, message in document.notes]
    assert (6, "malformed table read leniently (2 rows); check its cells") in notes
    # docutils' own message; the line it names moved between docutils 0.19 (8) and 0.23 (11).
    assert any(6 <= line <= 13 and message.startswith("Malformed table.")
               for line, message in notes)
    assert (17, 'unknown role ":madeuprole:"; read as its text') in notes
    assert (19, 'unknown directive "fancybox"; its content is read as ordinary text') in notes
    assert any("include" in message for _, message in notes)
    # Reading the same page again gives the same notes (fallbacks are registered once).
    assert rst.read("odd.rst", ODD).notes == document.notes


ODD_INPUTS = {
    "empty": "",
    "binary": "\x00\x01\x02 \ufffd" * 100,
    "deep-lists": "".join("  " * depth + "- x\n\n" for depth in range(300)),
    "unclosed-markup": ".. code-block:: json\n\n   {\"a\": \n\n``unclosed literal\n\n**bold\n",
    "ragged-grid": "+---+\n| a |\n+---+---+\n",
    "only-underlines": "=====\n\n-----\n",
    "empty-table-directive": ".. table::\n\n   not a table\n",
}


@pytest.mark.parametrize("text", ODD_INPUTS.values(), ids=ODD_INPUTS.keys())
def test_never_raises_on_odd_input(text):
    document = rst.read("odd.rst", text)
    assert document.form == "rst"
    for node in document.nodes:
        assert node.loc.line >= 1


def test_bare_tables_and_spans():
    text = "Intro.\n\n+-----+-----+\n| A   | B   |\n+=====+=====+\n| wide      |\n" \
           "+-----+-----+\n| one | two |\n|     |     |\n|     | 2b  |\n+-----+-----+\n"
    table = next(n for n in rst.read("t.rst", text).nodes if isinstance(n, Table))
    assert table.loc.line == 3 and table.caption == "" and table.anchor == ""
    assert [(r.cells, r.loc.line) for r in table.rows] == [(("wide", ""), 6),
                                                          (("one", "two\n\n2b"), 8)]


def test_nothing_readable_is_an_input_error(monkeypatch):
    def explode(self, inputstring, document):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(rst.Parser, "parse", explode)
    with pytest.raises(InputError) as caught:
        rst.read("broken.rst", "Title\n=====\n")
    assert str(caught.value).startswith("broken.rst:1: cannot read reStructuredText")
