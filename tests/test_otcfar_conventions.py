"""Conventions of the weakest corpus sets (CCE, Cloud Eye, Elasticsearch), each checked on
small constructed pages."""

from __future__ import annotations

import json

from tests.test_otc_conventions import build, indent, page, success, table


def grid(caption: str, header: tuple[str, ...], *rows: tuple[tuple[str, ...], ...],
         number: int = 1) -> str:
    """A grid table (cells of several lines); each row is a tuple of cells, each cell a tuple
    of lines."""
    widths = [max(len(line) for line in (h, *(li for r in rows for li in r[i])))
              for i, h in enumerate(header)]

    def rule(char: str) -> str:
        return "   +" + "+".join(char * (w + 2) for w in widths) + "+"

    def lines(cells: tuple[tuple[str, ...], ...]) -> list[str]:
        height = max(len(c) for c in cells)
        return ["   |" + "|".join(f" {(c[k] if k < len(c) else '').ljust(w)} "
                                  for c, w in zip(cells, widths, strict=True)) + "|"
                for k in range(height)]

    out = [f".. table:: **Table {number}** {caption}", "", rule("-"),
           *lines(tuple((h,) for h in header)), rule("=")]
    for row in rows:
        out += [*lines(row), rule("-")]
    return "\n".join(out) + "\n"


def test_a_row_pasted_from_a_table_with_a_mandatory_column_reads_its_type(tmp_path):
    # `masters | No | MasterSpec objects ⏎ Advanced ...` under `Parameter | Type |
    # Description`: the row kept the Mandatory cell of the table it was copied from, so its
    # type opens the description. A row whose type cell is a type stays as written, and so
    # does a Yes/No cell whose description does not open with a type.
    response = grid("Response body parameters", ("Parameter", "Type", "Description"),
                    (("name",), ("String",), ("The gadget name.",)),
                    (("parts",), ("No",), ("Part objects", "", "The parts of the gadget.")),
                    (("size",), ("No",), ("Integer", "", "The size, in GB.")),
                    (("shiny",), ("Yes",), ("Whether the gadget is shiny.",)))
    part = grid("Part", ("Parameter", "Type", "Description"),
                (("id",), ("String",), ("The part ID.",)), number=2)
    sample = indent(json.dumps({"name": "g", "parts": [{"id": "p"}], "size": 3,
                                "shiny": True}))
    document, report = build(tmp_path, {"querying_a_gadget.rst": page(
        "Querying a Gadget", "GET /v1/gadgets/{gadget_id}", "None",
        response + "\n" + part, sample)})
    body = success(document, "/v1/gadgets/{gadget_id}", "get")
    properties = body["properties"]
    assert properties["parts"]["type"] == "array"
    assert properties["parts"]["description"] == "The parts of the gadget."
    assert properties["size"]["type"] == "integer"
    assert properties["size"]["description"] == "The size, in GB."
    assert properties["name"]["type"] == "string"
    assert properties["shiny"].get("type") != "integer"  # not read as a type
    shifted = [d for d in report["diagnostics"] if d["code"] == "cells-shifted"]
    assert len(shifted) == 2 and all("querying_a_gadget.rst:" in d["source"] for d in shifted)


def test_a_table_with_a_mandatory_column_is_not_shifted(tmp_path):
    # `Parameter | Mandatory | Type | Description`: a Yes/No under Mandatory is the rule, and
    # a description that opens with a type word is only a description.
    uri = "GET /v1/gadgets\n\n" + table(
        "Parameter description", ("Parameter", "Mandatory", "Type", "Description"),
        ("limit", "No", "Integer", "Integer number of records."))
    document, report = build(tmp_path, {"querying_gadgets.rst": page(
        "Querying Gadgets", uri, "None", "None", "   None")})
    [limit] = document["paths"]["/v1/gadgets"]["get"]["parameters"]
    assert (limit["name"], limit["schema"]["type"], limit["required"]) == \
        ("limit", "integer", False)
    assert not [d for d in report["diagnostics"] if d["code"] == "cells-shifted"]
