"""More conventions of Huawei-style (Open Telekom Cloud) pages, each found on several products.
Every page here is constructed: it keeps the layout of those pages with made-up names."""

from __future__ import annotations

import json
from pathlib import Path

from generator.build import collect_pages
from generator.groups import page_order, toctree_entries
from tests.test_otc_conventions import (
    build,
    indent,
    linked_table,
    listing,
    page,
    resolve,
    success,
    table,
)

# --- the docs' reading order ----------------------------------------------------------------


def _index(title: str, *entries: str) -> str:
    listed = "\n".join(f"   {e}" for e in entries)
    return f"{title}\n{'=' * len(title)}\n\n.. toctree::\n   :maxdepth: 1\n   :hidden:\n\n" \
        f"{listed}\n\nText after the directive.\n"


def _listing(path: str) -> str:
    return listing(path, table("Query parameters", ("Parameter", "Mandatory", "Type",
                                                    "Description"),
                               ("limit", "No", "Integer", "The page size.")))


def test_toctree_entries_are_read_in_order_with_and_without_titles(tmp_path):
    (tmp_path / "index.rst").write_text(_index(
        "API Reference", "zeta_apis/index", "Older APIs <alpha_apis/index>", "change_history"))
    assert toctree_entries(tmp_path) == ["zeta_apis/index", "alpha_apis/index", "change_history"]
    assert toctree_entries(tmp_path / "missing") == []


def test_the_reading_order_follows_the_toctrees_and_then_names(tmp_path):
    files = {"index.rst": _index("API Reference", "zeta_apis/index", "alpha_apis/index"),
             "zeta_apis/index.rst": _index("Main APIs", "querying_gadgets"),
             "zeta_apis/querying_gadgets.rst": "x", "alpha_apis/querying_gadgets.rst": "x",
             "unlisted/querying_gadgets.rst": "x"}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    order = page_order(tmp_path, collect_pages([tmp_path]))
    ranked = sorted(order, key=order.__getitem__)
    stems = [label.split(str(tmp_path) + "/", 1)[-1] for label in ranked]
    assert stems.index("zeta_apis/querying_gadgets.rst") < \
        stems.index("alpha_apis/querying_gadgets.rst") < \
        stems.index("unlisted/querying_gadgets.rst")


def test_of_two_pages_titled_alike_the_one_the_docs_present_first_keeps_the_name(tmp_path):
    # The vendor's own API is listed first; an OpenStack-compatible API with the same page
    # titles comes later, in a folder whose name sorts first.
    document, report = build(tmp_path, {
        "index.rst": _index("API Reference", "vendor_apis/index", "compatible_apis/index"),
        "vendor_apis/index.rst": _index("Vendor APIs", "querying_gadgets"),
        "vendor_apis/querying_gadgets.rst": _listing("/v1/{project_id}/gadgets"),
        "compatible_apis/index.rst": _index("Compatible APIs", "querying_gadgets"),
        "compatible_apis/querying_gadgets.rst": _listing("/v2.0/gadgets")})
    ids = {p: document["paths"][p]["get"]["operationId"] for p in document["paths"]}
    assert ids == {"/v1/{project_id}/gadgets": "ListGadgets", "/v2.0/gadgets": "ListGadgetsV2_0"}
    [renamed] = [d for d in report["diagnostics"] if d["code"] == "operation-renamed"]
    assert "compatible_apis" in renamed["source"]


def test_without_a_toctree_pages_titled_alike_are_named_in_page_order(tmp_path):
    document, _ = build(tmp_path, {
        "vendor_apis/querying_gadgets.rst": _listing("/v1/{project_id}/gadgets"),
        "compatible_apis/querying_gadgets.rst": _listing("/v2.0/gadgets")})
    ids = {p: document["paths"][p]["get"]["operationId"] for p in document["paths"]}
    assert ids == {"/v2.0/gadgets": "ListGadgets", "/v1/{project_id}/gadgets": "ListGadgetsV1"}


def test_pages_given_one_by_one_have_no_reading_order(tmp_path):
    assert page_order(tmp_path / "elsewhere", [(Path("/x/a.rst"), "/x/a.rst")]) == {}


# --- members tables captioned `X parameter description` --------------------------------------

def test_members_tables_captioned_x_parameter_description_and_bare_arrays(tmp_path):
    # `pool` links to its table; `members | Array` and `stickiness | Object` (whose link leads
    # to another page) are documented by the tables captioned after them.
    fields = ("Parameter", "Type", "Description")
    response = table("Response parameters", fields,
                     ("pool", "Object", "The pool. For details, see :ref:`Table 3 <pool>`.")) + \
        "\n" + linked_table(3, "**pool** parameter description", "pool", fields,
                          ("id", "String", "The pool ID."),
                          ("members", "Array", "The IDs of the pool's members."),
                          ("stickiness", "Object",
                           "Sticky sessions. For details, see :ref:`Table 9 <elsewhere>`.")) + \
        "\n" + linked_table(4, "**members** parameter description", "", fields,
                          ("id", "String", "The member ID.")) + \
        "\n" + linked_table(5, "**stickiness** parameter description", "", fields,
                          ("type", "String", "The stickiness type."),
                          ("timeout", "Integer", "The timeout in minutes."))
    sample = indent(json.dumps({"pool": {"id": "p1", "members": [], "stickiness": None}}))
    document, report = build(tmp_path, {"querying_a_pool.rst": page(
        "Querying a Pool", "GET /v2.0/pools/{pool_id}", "", response, sample)})
    schema = success(document, "/v2.0/pools/{pool_id}", "get")
    assert set(schema["properties"]) == {"pool"}
    pool = resolve(document, schema["properties"]["pool"])
    assert set(pool["properties"]) == {"id", "members", "stickiness"}
    members = pool["properties"]["members"]
    assert members["type"] == "array"
    assert set(resolve(document, members["items"])["properties"]) == {"id"}
    stickiness = resolve(document, pool["properties"]["stickiness"])
    assert set(stickiness["properties"]) == {"type", "timeout"}
    assert report["consistency"]["rows_lost"] == 0


# --- a URI without a version ---------------------------------------------------------------

def test_a_version_page_whose_uri_has_no_version_is_read(tmp_path):
    # `GET /` and `GET /{api_version}` under the URI title, tables without captions or a
    # Mandatory column: the only cue is the URI section itself.
    response = "-  Parameter description\n\n" + indent(
        "=========== ================ ======================\n"
        "Parameter   Type             Description\n"
        "=========== ================ ======================\n"
        "versions    Array of objects The API versions.\n"
        "=========== ================ ======================\n")
    sample = indent(json.dumps({"versions": [{"id": "v2"}]}))
    text = page("Querying API Versions", "-  URI format\n\n   GET /", "", response, sample)
    assert "Mandatory" not in text and "Table" not in text
    document, report = build(tmp_path, {"querying_api_versions.rst": text})
    assert document["paths"]["/"]["get"]["operationId"] == "ListApiVersions"
    assert "versions" in success(document, "/", "get")["properties"]
    assert "page-unreadable" not in {d["code"] for d in report["diagnostics"]}


def test_a_method_line_outside_a_uri_section_without_a_version_is_no_cue():
    from generator.dialects import huawei
    from generator.location import SourceLoc
    from generator.sources.tree import Document, Heading, Paragraph

    def doc(title: str) -> Document:
        loc = SourceLoc("x.rst", 1)
        return Document("x.rst", "rst", (Heading(title, 2, loc), Paragraph("GET /status", loc)))

    assert huawei.detect(doc("Notes")) == 0
    assert huawei.detect(doc("URI")) == 0.5


# --- a body object named like a header ------------------------------------------------------

def test_a_lower_case_structured_row_named_like_a_header_is_a_body_field(tmp_path):
    fields = ("Parameter", "Type", "Mandatory", "Description")
    request = table("Request parameters", fields,
                    ("X-Client-Token", "String", "No", "An idempotency token."),
                    ("Content-Type", "Object", "Yes", "The type: application/json."),
                    ("accept", "Object", "Yes",
                     "The acceptance. For details, see :ref:`Table 3 <acceptance>`.")) + \
        "\n" + linked_table(3, "Parameter in the **accept** field", "acceptance", fields,
                          ("auth_key", "String", "Yes", "The key of the transfer."))
    document, _ = build(tmp_path, {"accepting_a_transfer.rst": page(
        "Accepting a Transfer", "POST /v2/{project_id}/transfers/{transfer_id}/accept",
        request, "", "")})
    operation = document["paths"]["/v2/{project_id}/transfers/{transfer_id}/accept"]["post"]
    headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
    # Written as headers are, a header stays one whatever its (mis)stated type.
    assert {"X-Client-Token", "Content-Type"} <= headers
    assert "accept" not in {h.lower() for h in headers}
    body = resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert set(body["properties"]) == {"accept"}
    assert set(resolve(document, body["properties"]["accept"])["properties"]) == {"auth_key"}


# --- `Description of field X`, `Data structure of field X`, one type for several rows --------

def test_field_captions_with_the_word_field_first_and_a_type_shared_by_several_rows(tmp_path):
    fields = ("Parameter", "Mandatory", "Type", "Description")
    request = table("Request parameters", fields,
                    ("tags", "No", "List<tag>", "Gadgets with all these tags."),
                    ("tags_any", "No", "List<tag>", "Gadgets with any of these tags."),
                    ("action", "Yes", "String", "filter or count.")) + "\n" + \
        linked_table(3, "Description of field **tag**", "", fields,
                   ("key", "Yes", "String", "The tag key."),
                   ("values", "Yes", "Array of strings", "The tag values."))
    reply = ("Parameter", "Type", "Description")
    response = table("Parameter description", reply,
                     ("gadgets", "List<gadget>", "N/A"),
                     ("total_count", "Integer", "The number of gadgets.")) + "\n" + \
        linked_table(5, "Data structure of field **gadget**", "", reply,
                   ("gadget_id", "String", "The gadget ID."),
                   ("gadget_name", "String", "The gadget name."))
    sample = indent(json.dumps({"gadgets": [{"gadget_id": "g1", "gadget_name": "a"}],
                                "total_count": 1}))
    document, report = build(tmp_path, {"querying_gadgets_by_tag.rst": page(
        "Querying Gadgets by Tag", "POST /v1/{project_id}/gadgets/resource_instances/action",
        request, response, sample)})
    path = "/v1/{project_id}/gadgets/resource_instances/action"
    operation = document["paths"][path]["post"]
    body = resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
    assert set(body["properties"]) == {"tags", "tags_any", "action"}
    for name in ("tags", "tags_any"):
        items = resolve(document, body["properties"][name]["items"])
        assert set(items["properties"]) == {"key", "values"}, name
    schema = success(document, path, "post")
    assert set(schema["properties"]) == {"gadgets", "total_count"}
    gadget = resolve(document, schema["properties"]["gadgets"]["items"])
    assert set(gadget["properties"]) == {"gadget_id", "gadget_name"}
    assert report["consistency"]["rows_lost"] == 0


# --- samples whose strings are wrapped over several lines ------------------------------------

def test_a_sample_string_wrapped_over_several_lines_is_read():
    from generator.dialects.samples import read_sample
    from generator.sources.tree import CodeBlock

    # A certificate or a long description printed over several lines inside its quotes.
    text = '{\n    "certificate":\n"-----BEGIN CERTIFICATE-----\n\\nMIIC4TCC\n",\n' \
           '    "description": "Enable volume actions\n    ",\n    "id": "c1"\n}'
    sample, found = read_sample(CodeBlock(text, None, ""), "response")
    assert set(sample.value) == {"certificate", "description", "id"}
    assert sample.value["certificate"].startswith("-----BEGIN CERTIFICATE-----\n")
    assert [d.code for d in found] == ["sample-repaired"]
    # A string that never closes is still no JSON.
    broken, found = read_sample(CodeBlock('{"a": "b\n}', None, ""), "response")
    assert broken.value is None and [d.code for d in found] == ["sample-invalid"]


# --- a scalar row every sample shows as a list of objects ------------------------------------

def test_a_string_row_every_sample_shows_as_a_list_of_objects_follows_the_samples(tmp_path):
    fields = ("Parameter", "Type", "Description")
    response = table("Response parameters", fields,
                     ("versions", "Array", "The versions.")) + "\n" + \
        linked_table(2, "Data structure of the versions field", "", fields,
                   ("id", "String", "The version ID."), ("links", "String", "The API URL."),
                   ("status", "String", "The status."))
    sample = indent(json.dumps({"versions": [
        {"id": "v3", "links": [{"href": "https://example.com/v3", "rel": "self"}],
         "status": "CURRENT"}]}, indent=2))
    document, report = build(tmp_path, {"querying_api_versions.rst": page(
        "Querying API Versions", "GET /", "", response, sample)})
    version = resolve(document, success(document, "/", "get")["properties"]["versions"]["items"])
    links = version["properties"]["links"]
    assert links["type"] == ["array", "string"]
    assert set(resolve(document, links["items"])["properties"]) == {"href", "rel"}
    assert version["properties"]["status"]["type"] == "string"
    assert "sample-type" in {d["code"] for d in report["diagnostics"]}
    assert report["consistency"]["samples_rejected"] == 0


def test_where_samples_are_converted_from_xml_a_string_shown_parsed_stays_a_string():
    from generator.ir.align import Aligner
    from generator.ir.model import Schema

    documented = Schema(kind="string", type_text="String")
    shown = [[{"href": "https://example.com/v3", "rel": "self"}]]
    api_json = Aligner(None, one_item_lists_as_objects=False).align(documented, shown, "links")
    assert api_json.kind == "array" and api_json.also_kinds == ("string",)
    assert {name for name, _ in api_json.items.properties} == {"href", "rel"}
    from_xml = Aligner(None, one_item_lists_as_objects=True).align(documented, shown, "links")
    assert from_xml.kind == "string" and "array" in from_xml.also_kinds


def test_plural_message_titles_open_the_request_and_response_sections():
    from generator.dialects.sections import section_of_title

    assert section_of_title("Response Messages") == section_of_title("Response Message") == \
        "response"
    assert section_of_title("Request Messages") == "request"
