"""The three plain-text readers on the seed pages (every table row accounted for) and on odd input.

Seeds: 000 and 003 are text-runon, 002 is text-pipes, 004 is text-cells (see specs/*/*/pages).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import InputError
from generator.sources import reader_for, text
from generator.sources.tree import CodeBlock, Document, Heading, Paragraph, Table

SPECS = Path(__file__).resolve().parent.parent / "specs"
SEED_000 = "alibabacloud/vpc/pages/000_31edfe36d3a0788a.txt"
SEED_002 = "alibabacloud/vpc/pages/002_aad6f55c83a13450.txt"
SEED_003 = "alibabacloud/vpc/pages/003_36d839fb5f31420e.txt"
SEED_004 = "huaweicloud/vpn/pages/004_fd94b5906ea4c88a.txt"


def _page(name: str) -> tuple[str, str]:
    return name, (SPECS / name).read_text(encoding="utf-8")


def _read(name: str) -> Document:
    path, page = _page(name)
    return reader_for(path, page).read(path, page)


def _tables(doc: Document) -> list[Table]:
    return [node for node in doc.nodes if isinstance(node, Table)]


def _row(table: Table, line: int) -> tuple[str, ...]:
    return next(row.cells for row in table.rows if row.loc.line == line)


def _after(doc: Document, heading: str) -> object:
    """The node right after the heading with this text."""
    index = next(i for i, n in enumerate(doc.nodes) if isinstance(n, Heading) and n.text == heading)
    return doc.nodes[index + 1]


# ------------------------------------------------------------------------------------ sniffing


@pytest.mark.parametrize(("name", "form"), [
    (SEED_000, "text-runon"), (SEED_003, "text-runon"), (SEED_002, "text-pipes"),
    (SEED_004, "text-cells"),
])
def test_sniff_picks_the_seed_form(name: str, form: str) -> None:
    path, page = _page(name)
    assert reader_for(path, page).name == form


@pytest.mark.parametrize("name", [SEED_000, SEED_002, SEED_003, SEED_004])
@pytest.mark.parametrize("suffix", [".html", ".htm", ".rst"])
def test_html_and_rst_names_are_not_text(name: str, suffix: str) -> None:
    _, page = _page(name)
    for sniff in (text.runon.sniff, text.pipes.sniff, text.cells.sniff):
        assert sniff("page" + suffix, page) == 0.0


def test_sniff_is_low_on_prose_and_junk() -> None:
    for sniff in (text.runon.sniff, text.pipes.sniff, text.cells.sniff):
        assert sniff("a.txt", "Just a paragraph.\n\nAnother one.\n") == 0.0
        assert sniff("a.txt", "\x00\x01\x02binary\x00") == 0.0


# ------------------------------------------------------------------------------ text-runon: 000


def test_000_tables_and_row_counts() -> None:
    doc = _read(SEED_000)
    assert doc.form == "text-runon"
    assert doc.notes == ()
    tables = _tables(doc)
    assert [len(t.rows) for t in tables] == [8, 36, 2, 1, 4]
    assert tables[0].header == ("Parameter", "Type", "Required", "Description", "Example")
    assert tables[1].header == ("Parameter", "Type", "Description", "Example")
    assert tables[2].header == ("HTTP status code", "Error code", "Error message", "Description")
    assert tables[3].header == ("Change time", "Summary of changes", "Operation")
    assert tables[4].header == ("Change item", "Change content")
    assert doc.title == "Virtual Private Cloud:ListIpsecServers"


def test_000_row_lines_are_all_rows() -> None:
    """Every run-on `name type [Yes|No]` line of the parameter tables became a row there."""
    path, page = _page(SEED_000)
    row_line = re.compile(r"^\w*(string|integer|long|boolean|object|array)( \[\])?(Yes|No)?$")
    expected = [n for n, line in enumerate(page.splitlines(), 1) if row_line.match(line)]
    tables = _tables(reader_for(path, page).read(path, page))
    assert [row.loc.line for t in tables[:2] for row in t.rows] == expected


def test_000_request_rows() -> None:
    request = _tables(_read(SEED_000))[0]
    assert request.loc.line == 23
    assert _row(request, 24) == (
        "RegionId", "string", "Yes",
        "The ID of the region where the IPsec server is created.\n\n"
        "You can call the DescribeRegions operation to query the most recent region list.",
        "cn-hangzhou")
    assert _row(request, 43) == (
        "NextToken", "string", "No",
        "The pagination token that is used in the next request to retrieve a new page of "
        "results. Valid values:\n\n"
        "- If this is your first request and no next requests are to be performed, you do not "
        "need to specify this parameter.\n"
        "- You must specify the token that is obtained from the previous query as the value of "
        "NextToken.",
        "caeba0bbb2be03f84eb48b699f0a****")
    assert _row(request, 55) == ("IpsecServerId", "array", "No", "The ID of the IPsec server.", "")
    assert _row(request, 59) == (  # the nameless item row
        "", "string", "No", "The ID of the IPsec server. Valid values of N: 1 to 20.",
        "iss-bp1bo3xuvcxo7ixll****")
    last = request.rows[-1]
    assert last.loc.line == 64 and last.cells[0] == "ResourceGroupId"
    assert last.cells[4] == "rg-acfmzs372yg****"  # last row: the value-like last line


def test_000_response_rows() -> None:
    response = _tables(_read(SEED_000))[1]
    assert _row(response, 77) == ("", "object", "", "")  # the nameless root
    assert _row(response, 100) == ("IpsecServers", "object []", "The list of IPsec servers.", "")
    assert _row(response, 195) == ("IkeLifetime", "long", "The IKE lifetime. Unit: seconds.",
                                   "86400")
    max_connections = _row(response, 175)
    assert max_connections[3] == "5"  # the example right after a `Note` paragraph
    assert max_connections[2].startswith("The number of SSL-VPN connections supported")
    assert "\n\nNote The number of SSL-VPN connections" in max_connections[2]
    assert _row(response, 168)[2:] == (
        "Indicates whether two-factor authentication is enabled. Valid values:\n\n"
        "- true\n- false: The feature is disabled.", "true")
    assert response.rows[-1].cells[3] == "rg-acfmzs372yg****"


def test_000_errors_changes_and_sample() -> None:
    doc = _read(SEED_000)
    errors, changes, items = _tables(doc)[2:]
    assert [r.cells for r in errors.rows] == [
        ("400", "IllegalParam.NextToken", "The specified NextToken is invalid.",
         "NextToken is set to an invalid value."),
        ("403", "Forbidden", "User not authorized to operate on the specified resource.",
         "You do not have the permissions to manage the specified resource. Apply for the "
         "permissions and try again."),
    ]
    assert changes.rows[0].cells[0] == "2023-10-19"
    assert changes.rows[0].cells[2] == "see changesets"
    assert items.rows[1].cells == (
        "Error Codes", "The error codes of the API operation change.\nError Codes 400 change\n"
        "delete Error Codes: 403")
    samples = [n for n in doc.nodes if isinstance(n, CodeBlock)]
    assert [(s.language, s.loc.line) for s in samples] == [("json", 270)]
    assert json.loads(samples[0].text)["IpsecServers"][0]["IkeConfig"]["IkeLifetime"] == 86400
    assert isinstance(_after(doc, "Sample success responses"), Paragraph)


# ------------------------------------------------------------------------------ text-runon: 003


def test_003_tables() -> None:
    doc = _read(SEED_003)
    assert doc.notes == ()
    tables = _tables(doc)
    assert [len(t.rows) for t in tables] == [1, 12, 7, 24, 2]
    auth, request, response, _, changes = tables
    assert auth.header == ("Operation", "Access level", "Resource type", "Condition key",
                           "Associated operation")
    assert auth.rows[0].cells == ("vpc:CreateIpsecServer", "create", "- All Resources\n*", "none",
                                  "none")
    assert _row(request, 85)[0] == "IkeConfig"
    assert json.loads(_row(request, 85)[4])["IkeLifetime"] == 86400
    assert _row(request, 131)[4] == "false"  # last row, example after a bullet line
    assert _row(response, 142) == ("", "object", "The returned results.", "")
    assert changes.rows[1].cells == ("2023-10-19", "API Description Update. The Error code has "
                                     "changed", "View Change Details")


def test_003_every_error_row_splits_back_into_its_line() -> None:
    path, page = _page(SEED_003)
    lines = page.splitlines()
    errors = _tables(reader_for(path, page).read(path, page))[3]
    assert errors.header == ("HTTP status code", "Error code", "Error message", "Description")
    for row in errors.rows:
        status, code, message, description = row.cells
        assert "".join(row.cells) == lines[row.loc.line - 1]
        assert re.fullmatch(r"\d{3}", status) and " " not in code
        assert message.endswith(".") and description and description[0].isupper()
    assert _row(errors, 215) == (
        "400", "EnableHaCheck.IpsecServerCidrContainsVpcRouteDest",
        "Ipsec server client cidr contains vpc route prefix. The vpc route prefix is %s.",
        "The prefix %s in the VPC route table falls within the CIDR block of the IPsec client.")
    assert _row(errors, 214)[2:] == ("The system is busy. Please try again later.",
                                     "The system is busy. Please try again later.")
    assert _row(errors, 212)[1:3] == ("OperationFailed.AddVpcRoute",
                                      "It is failed to add VPC route after this operation.")
    assert _row(errors, 217)[1] == "Forbidden"
    assert [r.cells[0] for r in errors.rows].count("400") == 20


def test_003_nested_bullets_in_prose() -> None:
    doc = _read(SEED_003)
    prose = [n.text for n in doc.nodes if isinstance(n, Paragraph)]
    assert ("- CreateIpsecServer is an asynchronous operation. After a request is sent, the system "
            "returns a request ID and runs the task in the background. You can call "
            "DescribeVpnGateway to query the status of the task.") in prose
    nested = next(p for p in prose if p.startswith("  - If the VPN gateway is in the updating"))
    assert "\n  - If the VPN gateway is in the active state" in nested
    assert "\n- You cannot repeatedly call CreateIpsecServer" in nested


# ------------------------------------------------------------------------------ text-pipes: 002


def test_002_tables() -> None:
    doc = _read(SEED_002)
    assert doc.form == "text-pipes"
    assert doc.notes == ()
    tables = _tables(doc)
    assert [len(t.rows) for t in tables] == [1, 11, 7, 6]
    auth, request, errors, changes = tables
    assert auth.rows[0].cells == ("vpc:DescribeVpnConnections", "list", "", "", "none")
    assert auth.rows[0].loc.line == 17
    assert request.header == ("Parameter", "Type", "Required", "Description", "Example")
    assert _row(request, 29)[:3] == ("Tag", "array<object>", "No")
    assert _row(request, 30) == ("object", "No", "The tag value.", "", "")  # as the page has it
    assert _row(request, 31) == (
        "Key", "string", "No", "The tag key. The tag key cannot be an empty string. It can be at "
        "most 64 characters in length, and cannot contain You can specify at most 20 tag keys in "
        "each call.", "TagKey")
    assert _row(errors, 166)[:2] == ("403", "Forbbiden.SubUser")
    assert changes.rows[-1].cells == ("2023-05-04", "The Error code has changed",
                                      "View Change Details")


def test_002_empty_response_section_and_sample() -> None:
    doc = _read(SEED_002)
    after = _after(doc, "Response parameters")
    assert isinstance(after, Heading) and after.text == "Examples"
    samples = [n for n in doc.nodes if isinstance(n, CodeBlock)]
    assert [(s.language, s.loc.line) for s in samples] == [("json", 39)]
    sample = json.loads(samples[0].text)
    assert sample["VpnConnections"]["VpnConnection"][0]["VcoHealthCheck"]["Enable"] == "true"


# ------------------------------------------------------------------------------ text-cells: 004


def test_004_tables() -> None:
    doc = _read(SEED_004)
    assert doc.form == "text-cells"
    assert doc.notes == ()
    tables = _tables(doc)
    assert [len(t.rows) for t in tables] == [1, 5, 4, 20, 3, 12, 3, 6, 2, 2]
    assert [t.caption for t in tables[2:5]] == [
        "Table 3 Parameters in the response body", "Table 4 ResponseVpnConnection",
        "Table 5 PolicyRule"]
    path_table, query = tables[:2]
    assert path_table.header == ("Parameter", "Type", "Mandatory", "Description")
    assert path_table.rows[0].cells[:3] == ("project_id", "String", "Yes")
    assert path_table.rows[0].loc.line == 13
    assert _row(query, 34) == ("limit", "Integer", "No", "")  # the lone `|` cell
    assert tables[2].header == ("Parameter", "Type", "Description")
    assert tables[2].rows[0].cells == ("vpn_connections", "Array of ResponseVpnConnection objects",
                                       "Specifies the VPN connection object.")


def test_004_captioned_rows() -> None:
    tables = _tables(_read(SEED_004))
    connection = tables[3]
    assert _row(connection, 74) == (
        "id", "String", "- Specifies a VPN connection ID.\n"
        "- The value is a UUID containing 36 characters.")
    assert _row(connection, 82) == ("status", "String", "")  # no description, next row follows
    assert _row(connection, 84)[0] == "vgw_id"
    assert _row(connection, 98)[1] == "Array of String"
    assert _row(connection, 111)[1] == "Array of PolicyRule objects"
    assert _row(connection, 114)[1] == "IkePolicy object"
    ike = tables[5]
    assert _row(ike, 193)[2].endswith("is returned.\nThis parameter is not available when flavor "
                                      "is set to GM for the VPN gateway.")
    dpd = tables[6]
    assert dpd.rows[-1].cells == ("msg", "String", "")  # ends at the next caption
    page_info = tables[-1]
    assert page_info.rows[-1].cells[0] == "current_count"  # ends at `- Example responses`


def test_004_prose_stays_visible() -> None:
    doc = _read(SEED_004)
    assert doc.title == "Querying the VPN Connection List"
    uri = _after(doc, "URI")
    assert isinstance(uri, Paragraph) and uri.text == "GET /v5/{project_id}/vpn-connection"
    prose = [n.text for n in doc.nodes if isinstance(n, Paragraph)]
    assert "Returned status code 200: successful operation" in prose
    assert "GET https://{Endpoint}/v5/{project_id}/vpn-connection" in prose
    levels = {n.text: n.level for n in doc.nodes if isinstance(n, Heading)}
    assert levels["Response"] == 2 and levels["Example responses"] == 3
    samples = [n for n in doc.nodes if isinstance(n, CodeBlock)]
    assert [(s.language, s.loc.line) for s in samples] == [("json", 268), ("json", 270),
                                                          ("json", 272)]
    for sample in samples:
        assert "vpn_connections" in json.loads(sample.text)


# ------------------------------------------------------------------------------ odd input


@pytest.mark.parametrize("name", [SEED_000, SEED_002, SEED_004])
def test_crlf_and_bom_read_the_same(name: str) -> None:
    path, page = _page(name)
    reader = reader_for(path, page)
    twisted = "\ufeff" + page.replace("\n", "\r\n")
    assert reader_for(path, twisted).name == reader.name
    assert reader.read(path, twisted) == reader.read(path, page)


@pytest.mark.parametrize("read", [text.runon.read, text.pipes.read, text.cells.read])
def test_binary_junk_is_an_input_error(read) -> None:
    with pytest.raises(InputError, match="not a text page"):
        read("junk.bin", "\x00\x01\x02\x03" * 50)


def test_unknown_runon_table_rows_are_kept_whole_and_noted() -> None:
    doc = text.runon.read("p.txt", "Default valueExample\nfoo bar\n\nAfter.\n")
    table, after = doc.nodes
    assert table.header == ("Default value", "Example")
    assert [(r.cells, r.loc.line) for r in table.rows] == [(("foo bar",), 2)]
    assert [loc.line for loc, _ in doc.notes] == [2]
    assert after == Paragraph("After.", table.loc.at(4))


def test_runon_text_before_the_first_row_is_noted() -> None:
    doc = text.runon.read("p.txt", "ParameterTypeDescription\nstray words\nNamestring\n\nx\n")
    assert _tables(doc)[0].rows[0].cells == ("Name", "string", "x")
    assert doc.notes[0][0].line == 2 and "stray words" in doc.notes[0][1]


def test_runon_lines_that_cannot_be_split_are_noted() -> None:
    page = "HTTP status codeError codeError messageDescription\n400lowercase only\n"
    doc = text.runon.read("p.txt", page)
    assert _tables(doc)[0].rows[0].cells[0] == "400"
    assert doc.notes and doc.notes[0][0].line == 2


def test_short_pipe_row_and_unclosed_json_are_noted() -> None:
    page = "A | B | C |\n---|---|---|\nx | y |\n{\n\"open\": 1\n"
    doc = text.pipes.read("p.txt", page)
    table = _tables(doc)[0]
    assert table.rows[0].cells == ("x", "y")
    assert [(loc.line, "cells" in msg or "JSON" in msg) for loc, msg in doc.notes] == [
        (3, True), (4, True)]
    assert isinstance(doc.nodes[-1], CodeBlock)


def test_cells_row_cut_short_is_noted() -> None:
    page = "Name |\nType |\n---|---|\nfoo |\nResponse\n"
    doc = text.cells.read("p.txt", page)
    assert _tables(doc)[0].rows[0].cells == ("foo",)
    assert doc.notes[0][0].line == 4
    assert isinstance(doc.nodes[-1], Heading)


def test_runon_header_split() -> None:
    assert text.runon._runon_header("ParameterTypeRequiredDescriptionExample") == (
        "Parameter", "Type", "Required", "Description", "Example")
    assert text.runon._runon_header("OperationAccess levelResource typeCondition keyAssociated "
                              "operation")[-1] == "Associated operation"
    assert text.runon._runon_header("Operation description") is None
    assert text.runon._runon_header("Description") is None


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("|-{}[]\" \n\t•:.aZ09_Table3ParameterTypeYesNo")),
               max_size=300))
def test_readers_never_raise_on_text(page: str) -> None:
    for sniff, read in ((text.runon.sniff, text.runon.read), (text.pipes.sniff, text.pipes.read),
                        (text.cells.sniff, text.cells.read)):
        assert 0.0 <= sniff("p.txt", page) <= 1.0
        doc = read("p.txt", page)
        lines = max(1, len(page.splitlines()) + 1)
        for node in doc.nodes:
            assert 1 <= node.loc.line <= lines
