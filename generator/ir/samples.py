"""The docs' samples of one page or operation: which are usable (a root wrapper removed, a
sample copied from another operation set aside), the JSON values they hold, the XML ones read
by the documented shape, and the schema settled against all of them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .align import Aligner
from .conflicts import reconcile_constraints
from .model import Diagnostic, Operation, PageExtract, Sample, Schema
from .nesting import COMMON_TOP_LEVEL
from .xmlsample import XmlSampleError, xml_to_json


def json_values(samples: tuple[Sample, ...], kind: str, status: int | None = None) -> list[Any]:
    return [s.value for s in samples if s.kind == kind and s.syntax == "json"
            and isinstance(s.value, (dict, list)) and (status is None or s.status == status)]


def unwrap_root(extract: PageExtract, diagnostics: list[Diagnostic]) -> PageExtract:
    """Samples printed as `{"<Action>Response": {...}}` (an XML root carried into JSON), or as
    `{"<Action>": {...}}` when no row is so named and the inner object holds documented fields:
    the inner object is the response. A root naming another operation marks a sample copied from
    another page: it is kept as text but not used to shape this operation's contract."""
    samples = []
    documented = {r.name for t in extract.responses for r in t.rows if r.name}
    for sample in extract.samples:
        value = sample.value
        if sample.kind == "response" and isinstance(value, dict) and len(value) == 1:
            key, inner = next(iter(value.items()))
            own = key == f"{extract.operation_id}Response" or (
                key == extract.operation_id and key not in documented and
                isinstance(inner, dict) and bool(set(inner) & documented))
            if (own or key.endswith("Response")) and isinstance(inner, dict):
                if own:
                    diagnostics.append(Diagnostic(
                        "warning", "sample-root-wrapper", f"the sample wraps the response in "
                        f"{{{key!r}: ...}}; the inner object is used", sample.loc,
                        operation=extract.operation_id))
                    sample = replace(sample, value=inner)
                else:
                    diagnostics.append(Diagnostic(
                        "warning", "sample-foreign", f"the sample is the response of "
                        f"{key.removesuffix('Response')}, not {extract.operation_id}; not used",
                        sample.loc, operation=extract.operation_id))
                    sample = replace(sample, value=None)
        samples.append(sample)
    return replace(extract, samples=tuple(samples))


def payload_samples(extract: PageExtract, diagnostics: list[Diagnostic]) -> PageExtract:
    """A success sample that shows only the value of the response's object row: a flat table
    lists `RequestId`, then `Result` (an object) followed by its fields, and the sample is
    `{"name": ..., "status": ...}`, the fields of `Result`, without `RequestId` or `Result`
    (the table lists the envelope's `RequestId` before the object; the sample shows none of
    the envelope's fields).
    The sample is that object's value: it is read as `{"Result": {...}}`, so it places the
    rows under `Result` instead of at the top level. (Tables that document one level each say
    where every row belongs; this is for flat tables only.)"""
    if extract.conventions.one_level_tables:
        return extract
    samples = []
    for sample in extract.samples:
        samples.append(_as_payload(extract, sample, diagnostics))
    return replace(extract, samples=tuple(samples))


def _as_payload(extract: PageExtract, sample: Sample,
                diagnostics: list[Diagnostic]) -> Sample:
    value = sample.value
    if sample.kind != "response" or not isinstance(value, dict) or not value or \
            not 200 <= sample.status < 300:
        return sample
    rows = [r for t in extract.responses if t.status == sample.status for r in t.rows
            if r.name and r.location != "header"]
    index = next((i for i, r in enumerate(rows) if r.schema.kind in ("object", "array", "any")),
                 None)
    if index is None:
        return sample
    row = rows[index]
    if row.schema.kind == "array" or row.schema.properties or row.schema.ref or \
            row.schema.additional_properties is not None:
        return sample  # the first structure is not a bare object row
    before = {r.name for r in rows[:index + 1]}
    after = {r.name for r in rows[index + 1:]}
    keys = set(value)
    envelope = COMMON_TOP_LEVEL["response"]
    if keys & before or keys & envelope or not before & envelope or len(keys & after) < 2 or \
            len(keys & after) * 2 < len(keys) or not rows[index].container:
        return sample  # a sample with the envelope's fields (RequestId) is the whole response
    diagnostics.append(Diagnostic(
        "info", "sample-payload", f"the sample shows the value of {row.name} (its keys are the "
        f"fields listed after it, without {row.name} and the fields before it); it is read as "
        f"{{{row.name!r}: ...}}", sample.loc, operation=extract.operation_id))
    return replace(sample, value={row.name: value})


def wrapped_by_samples(extract: PageExtract, root: Schema, values: list[Any],
                        diagnostics: list[Diagnostic],
                        envelope: frozenset[str] = frozenset()) -> Schema:
    """The table documents the fields of an object the samples wrap in one key the table
    never names (`password`, `original_password` documented; the sample sends
    `{"user": {"password": ..., "original_password": ...}}`): the body is that wrapper.
    Beside the wrapper a sample may show the envelope's conventional fields (`envelope`:
    a response's `RequestId`) that the table leaves out; a table that lists them documents
    the top level itself (the sample is then older than the table, not a wrapper)."""
    if not root.properties or not values or not all(isinstance(v, dict) for v in values):
        return root
    keys = {k for v in values for k in v if k not in envelope}
    if len(keys) != 1:
        return root
    key = keys.pop()
    if not all(key in v for v in values):
        return root
    documented = {name for name, _ in root.properties}
    inner = [v[key] for v in values]
    listed = all(isinstance(i, list) for i in inner)
    objects = [o for i in inner for o in (i if listed else [i])]
    if key in documented or not objects or not all(isinstance(o, dict) and o for o in objects):
        return root
    shown = {k for o in objects for k in o}
    if len(shown & documented) * 2 < len(shown) or not shown & documented:
        return root
    if {k for v in values for k in v if k != key} & documented:
        return root  # the table lists the envelope's fields too: it documents the top level
    diagnostics.append(Diagnostic(
        "info", "sample-wrapper-key", f"the samples wrap the documented fields in {{{key!r}: "
        f"{'[...]' if listed else '...'}}}; the schema follows the samples",
        root.loc or extract.loc, operation=extract.operation_id))
    inner_schema = Schema(kind="array", items=root, loc=root.loc) if listed else root
    return Schema(kind="object", loc=root.loc, properties=((key, inner_schema),), required=(key,))


def _read_xml_samples(operation: Operation, diagnostics: list[Diagnostic]) -> Operation:
    success = operation.success()
    samples = []
    for sample in operation.samples:
        if sample.syntax == "xml" and sample.value is None and success is not None:
            try:
                tag, value = xml_to_json(sample.text, success.schema)
            except XmlSampleError as exc:
                diagnostics.append(Diagnostic("error", "sample-invalid", f"XML sample: {exc}",
                                              sample.loc, operation=operation.id))
            else:
                if tag.endswith("Response") and tag != f"{operation.id}Response":
                    diagnostics.append(Diagnostic(
                        "warning", "sample-foreign", f"the XML sample is the response of "
                        f"{tag.removesuffix('Response')}, not {operation.id}; not used",
                        sample.loc, operation=operation.id))
                else:
                    sample = replace(sample, value=value)
        samples.append(sample)
    return replace(operation, samples=tuple(samples))


def settle_with_samples(operation: Operation, diagnostics: list[Diagnostic]) -> Operation:
    """XML samples read, shapes aligned to them, and constraints no sample breaks."""
    operation = _read_xml_samples(operation, diagnostics)
    responses = []
    for response in operation.responses:
        pairs = [(s.value, s.loc) for s in operation.samples if s.kind == "response"
                 and s.status == response.status and isinstance(s.value, (dict, list))]
        aligner = Aligner(pairs[0][1] if pairs else None,
                          operation.conventions.one_item_lists_as_objects,
                          operation.conventions.tables_complete,
                          operation.conventions.open_untabled_objects)
        schema = aligner.align(response.schema, [v for v, _ in pairs], "")
        # (the findings name their operation: a sample key left out of the contract is
        # reported for it, as the page's own alignment does)
        diagnostics.extend(replace(d, operation=d.operation or operation.id)
                           for d in aligner.diagnostics)
        schema = reconcile_constraints(schema, pairs, "", diagnostics, operation.id,
                                       responses=True)
        responses.append(replace(response, schema=schema))
    params = []
    for param in operation.parameters:
        schema = reconcile_constraints(param.schema, [], param.name, diagnostics, operation.id)
        params.append(replace(param, schema=schema))
    body = operation.request_body
    if body is not None:
        pairs = [(s.value, s.loc) for s in operation.samples if s.kind == "request"
                 and isinstance(s.value, dict)]
        body = reconcile_constraints(body, pairs, "", diagnostics, operation.id)
    return replace(operation, responses=tuple(responses), parameters=tuple(params),
                   request_body=body)
