"""One sample index per page: `ir/sampleindex.py` answers every question nesting asks of a
page's samples (values at a path, keys there, keys under a name, keys beside a name, paths of a
key), once each, and the passes of one page share it."""

from __future__ import annotations

from generator.ir.conventions import GENERIC_REST
from generator.ir.model import FieldRow, FieldTable, PageExtract, Sample, Schema
from generator.ir.nesting import nest
from generator.ir.sampleindex import ARRAY, PageSamples, SampleIndex

SAMPLE = {"RequestId": "r", "Gadgets": {"Gadget": [{"Id": "g-1", "Tags": {"Tag": [
    {"Key": "k", "Value": "v"}]}}, {"Id": "g-2"}]}}


def test_the_index_answers_by_path_and_by_name():
    index = SampleIndex([SAMPLE])
    assert index.values_at(("Gadgets", ARRAY, "Id")) == ["g-1", "g-2"]  # through the wrapper
    assert index.keys_at(("Gadgets",)) == {"Gadget", "Id", "Tags"}
    assert index.keys_at(("Nothing",)) is None
    assert index.holds("Gadgets", "Id") and not index.holds("Gadgets", "Key")
    assert index.beside("Id", "Tags") and not index.beside("Id", "RequestId")
    assert index.paths_of("Key") == {("Gadgets", "Gadget", ARRAY, "Tags", "Tag", ARRAY, "Key")}
    assert index.paths_of("RequestId") == set()  # only below the top
    # Answers are kept: asking again returns the same object.
    assert index.keys_at(("Gadgets",)) is index.keys_at(("Gadgets",))


def test_a_page_builds_one_index_per_set_of_values_and_nesting_reads_it():
    extract = PageExtract(page="p.md", conventions=GENERIC_REST, language="en",
                          operation_id="ListGadgets", style="rpc", samples=(
                              Sample(kind="response", syntax="json", text="", value=SAMPLE),))
    samples = PageSamples(extract)
    values = samples.json("response", 200)
    assert values == [SAMPLE] and samples.json("response", 200) is values
    assert samples.index(values) is samples.index(values)
    rows = (FieldRow(name="Gadgets", schema=Schema(kind="array", items=Schema(kind="object")),
                     container=True),
            FieldRow(name="Id", schema=Schema(kind="string")),
            FieldRow(name="RequestId", schema=Schema(kind="string")))
    by_index, _ = nest(FieldTable(rows=rows), samples.index(values))
    by_list, _ = nest(FieldTable(rows=rows), [SAMPLE])
    assert by_index == by_list
    assert [n for n, _ in by_index.properties] == ["Gadgets", "RequestId"]
