"""Which pages are one operation, what it is called and where it lives.

Names become file and class names, so they are safe identifiers, unique per product; routes are
unique per method and path, as OpenAPI requires. Every rename or loss is reported.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from ..http import PATH_VARIABLE
from ..location import SourceLoc
from .model import (
    Diagnostic,
    Operation,
    PageExtract,
    Parameter,
    Sample,
    Schema,
    schema_locs,
)

_SAFE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def identity(extract: PageExtract) -> tuple[str, tuple[str, ...], str]:
    """What makes two pages the same operation: the Action name on RPC pages (the same Action in
    several locales is one operation); name, methods and path on REST pages, whose names are
    made from titles and may repeat across API generations (`/v2.0/...` and `/v5/...`)."""
    if extract.style == "rest":
        return extract.operation_id, extract.methods, extract.path
    return extract.operation_id, (), ""


def _safe_name(name: str) -> str:
    """Operation ids name files and classes: ASCII identifier characters only, deterministic."""
    if _SAFE_ID.fullmatch(name):
        return name
    cleaned = re.sub(r"[^A-Za-z0-9_]", "", name)
    if cleaned and _SAFE_ID.fullmatch(cleaned) and len(cleaned) * 2 >= len(name):
        return cleaned
    return "Operation" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


_VERSION = re.compile(r"^/?(v\d+(?:\.\d+)*)(?=/|$)", re.I)


def _version(path: str) -> str:
    match = _VERSION.match(path)
    return match.group(1) if match else ""


def _distinguished(base: str, extract: PageExtract, first: PageExtract,
                   named: dict[str, list[PageExtract]]) -> str:
    """A name for a second page titled like a first one, from what tells them apart: the API
    version of its path (`ListVpcsV3` beside `/v1/...`'s `ListVpcs`), else its method; `base`
    when neither does (a number is added then)."""
    version, theirs = _version(extract.path), _version(first.path)
    if version and version.lower() != theirs.lower():
        candidate = base + "V" + version[1:].replace(".", "_")
        if candidate not in named:
            return candidate
    if extract.methods and extract.methods != first.methods:
        candidate = base + extract.methods[0].capitalize()
        if candidate not in named:
            return candidate
    return base


def unique_names(groups: dict[tuple[str, tuple[str, ...], str], list[PageExtract]],
                  diagnostics: list[Diagnostic]) -> dict[str, list[PageExtract]]:
    """One safe, unique operation id per identity; renames are reported, never silent.

    Of pages titled alike, the one the docs present first (their table of contents: the main
    API before an older or compatibility one) keeps the name; the others are told apart."""
    named: dict[str, list[PageExtract]] = {}
    for identity in sorted(groups, key=lambda key: (key[0], min(e.order for e in groups[key]),
                                                    groups[key][0].page)):
        extracts = groups[identity]
        original = identity[0]
        name = base = _safe_name(original)
        if name in named:
            name = _distinguished(base, extracts[0], named[base][0], named)
        number = 1
        while name in named:
            number += 1
            name = f"{base}{number}"
        if name != original:
            first = named.get(base, [None])[0]
            why = (f"{original!r} already names {' '.join(first.methods) or '?'} {first.path} "
                   f"({first.page})" if first is not None and name != base
                   else f"{original!r} is not an identifier")
            diagnostics.append(Diagnostic(
                "warning", "operation-renamed", f"operation named {name!r}: {why}",
                extracts[0].loc or SourceLoc(extracts[0].page, 1), (), name))
            extracts = [replace(e, operation_id=name) for e in extracts]
        named[name] = extracts
    return named




def distinct_routes(operations: list[Operation],
                     diagnostics: list[Diagnostic]) -> list[Operation]:
    """One operation per method and path, as OpenAPI requires.

    Paths that differ only in their variables' names (`/v1/{id}`, `/v1/{vpn_id}`) are one path:
    later operations take the first one's spelling (their path parameters renamed with it). A
    method and path that a second operation also claims (a page copied under another title)
    stays with the first operation in id order; the second loses it, reported as an error."""
    spelling: dict[str, str] = {}
    owner: dict[tuple[str, str], Operation] = {}
    kept: list[Operation] = []
    for operation in operations:
        if operation.style != "rest" or not operation.path:
            kept.append(operation)
            continue
        shape = PATH_VARIABLE.sub("{}", operation.path)
        first = spelling.setdefault(shape, operation.path)
        if first != operation.path:
            operation = _respell_path(operation, first)
            diagnostics.append(Diagnostic(
                "info", "path-variables-renamed", f"{operation.id}: path variables named as in "
                f"{first}, the same path another operation documents", operation.loc,
                operation=operation.id))
        methods = []
        shadowed: list[Diagnostic] = []
        for method in operation.methods:
            holder = owner.setdefault((method, shape), operation)
            if holder is operation:
                methods.append(method)
                continue
            one_method = holder.methods == (method,) and operation.methods == (method,)
            pinned = told_apart_by_value(holder, operation) if one_method else None
            if one_method and (pinned is not None or
                               told_apart(holder.request_body, operation.request_body) or
                               same_body(holder.request_body, operation.request_body)):
                # Several pages on one method and path (an action API: the body's keys, or
                # the value of one of them, say which action): one operation whose body is
                # one of theirs.
                index = kept.index(holder)
                how = ""
                if pinned is not None:
                    key, first_body, second_body = pinned
                    holder = replace(holder, request_body=first_body)
                    operation = replace(operation, request_body=second_body)
                    how = f"; the bodies have the same keys and are told apart by {key!r}"
                combined = combine_variants(holder, operation, diagnostics, how)
                kept[index] = combined
                owner[(method, shape)] = combined
                continue
            shadowed.append(Diagnostic(
                "error", "operation-shadowed", f"{method} {first} is documented both as "
                f"{holder.id} ({', '.join(holder.pages)}) and as {operation.id} "
                f"({', '.join(operation.pages)}); {holder.id} keeps it", operation.loc,
                operation=operation.id))
        if methods:
            kept.append(replace(operation, methods=tuple(methods)))
        elif shadowed:
            # The operation is dropped: the finding names every row, sample and error code
            # it held, so none of them is lost without a word.
            shadowed[-1] = replace(shadowed[-1], related=operation_locs(operation))
        diagnostics.extend(shadowed)
    return kept


def operation_locs(operation: Operation) -> tuple[SourceLoc, ...]:
    """Every place of the pages an operation holds: its parameters' and fields' rows, its
    samples and its error codes."""
    found: list[SourceLoc | None] = []
    for param in operation.parameters:
        found += [param.loc, *schema_locs(param.schema)]
    found += schema_locs(operation.request_body)
    for response in operation.responses:
        found += schema_locs(response.schema)
        for _, header in response.headers:
            found += schema_locs(header)
    for item in (*operation.samples, *operation.errors):
        found += [item.loc, *getattr(item, "also_locs", ())]
    return tuple(loc for loc in dict.fromkeys(found) if loc is not None)


def _plain(schema: Schema) -> Schema:
    """A schema without where it was read (two pages documenting the same body agree)."""
    return replace(schema, loc=None, also_locs=(), description=(),
                   properties=tuple((n, _plain(s)) for n, s in schema.properties),
                   items=_plain(schema.items) if schema.items is not None else None,
                   one_of=tuple(_plain(b) for b in schema.one_of))


def _keys(schema: Schema) -> frozenset[str]:
    return frozenset(name for name, _ in schema.properties)


def told_apart(first: Schema | None, second: Schema | None) -> bool:
    """Whether a request can say which of two bodies it sends by its top-level keys
    (`{"restart": {}}` or `{"resize_flavor": {...}}`): both are objects documenting fields, and
    the second's keys are not those of the first (or of any of its alternatives). Bodies with
    the same keys (one `auth` object for every kind of token) cannot be told apart: the
    second page's operation is shadowed, reported."""
    if first is None or second is None or not second.properties:
        return False
    branches = first.one_of or (first,)
    return all(b.properties for b in branches) and all(_keys(b) != _keys(second)
                                                         for b in branches)


def _values(body: Schema, key: str, samples: tuple[Sample, ...],
            documented: bool = True) -> frozenset[str]:
    """The values a body's string field `key` takes: its documented enum (unless not
    `documented`), else what the page's own request samples send in it."""
    field = body.property(key)
    if field is None or field.kind != "string":
        return frozenset()
    if field.enum and documented:
        return frozenset(str(v) for v in field.enum)
    return frozenset(s.value[key] for s in samples if s.kind == "request"
                     and isinstance(s.value, dict) and isinstance(s.value.get(key), str))


def _pinned(body: Schema, key: str, values: frozenset[str]) -> Schema:
    return replace(body, properties=tuple(
        (name, replace(sub, enum=tuple(sorted(values))) if name == key else sub)
        for name, sub in body.properties))


def told_apart_by_value(holder: Operation, other: Operation
                        ) -> tuple[str, Schema, Schema] | None:
    """Bodies with the same keys that a request tells apart by the value of one string field
    (`{"action": "create", "tags": [...]}` and `{"action": "delete", "tags": [...]}`): the
    field, and both bodies with that field limited to the values each page documents (its
    enum, else what its request samples send; the samples also when both pages document the
    same enum), or None when no field's values are disjoint.
    A body already made of alternatives tells its own by their enums."""
    first, second = holder.request_body, other.request_body
    if first is None or second is None or not second.properties:
        return None
    branches = first.one_of or (first,)
    alike = [b for b in branches if _keys(b) == _keys(second)]
    if not alike or not all(b.properties for b in branches):
        return None
    for key, _ in second.properties:
        theirs = _values(second, key, other.samples)
        mine = [_values(b, key, () if first.one_of else holder.samples) for b in alike]
        if not first.one_of and mine[0] == theirs:
            # Both pages document every action (`create` or `delete`) for the field: what
            # each page's own request samples send says which one it is.
            theirs = _values(second, key, other.samples, documented=False)
            mine = [_values(first, key, holder.samples, documented=False)]
        if not theirs or not all(mine) or any(m & theirs for m in mine):
            continue
        if first.one_of:
            return key, first, _pinned(second, key, theirs)
        return key, _pinned(first, key, mine[0]), _pinned(second, key, theirs)
    return None


def exclusive(first: Schema, second: Schema) -> bool:
    """Whether no request documented by one body fits the other, so that `oneOf` holds.

    Bodies are open objects: a request that sends one body's keys also fits another body whose
    required keys are all among them (`{"action": "create", "tags": [...]}` fits a body that
    requires only `action` and documents `tags`). Two bodies exclude each other when each
    requires a key the other does not document (`{"start": ...}`, `{"stop": ...}`), or when a
    key both require takes values they do not share (an `action` pinned to `create` and to
    `delete`)."""
    for key in set(first.required) & set(second.required):
        mine, theirs = first.property(key), second.property(key)
        if mine is not None and theirs is not None and mine.enum and theirs.enum and \
                not {str(v) for v in mine.enum} & {str(v) for v in theirs.enum}:
            return True
    return not (set(second.required) <= _keys(first) or set(first.required) <= _keys(second))


def same_shape(first: Schema, second: Schema) -> bool:
    """Whether two schemas document the same shape, wherever and in whatever words."""
    return _plain(first) == _plain(second)


def same_body(first: Schema | None, second: Schema | None) -> bool:
    """Two pages documenting the same body on one method and path (a page kept under an older
    title): one operation, documented by both."""
    return first is not None and second is not None and bool(second.properties) and \
        _plain(first) == _plain(second)


def one_of(first: Schema | None, second: Schema | None, overlapping: bool = False
           ) -> Schema | None:
    """`first` or `second`: one schema when they agree, else alternatives (a schema that is
    already a set of alternatives takes one more); `overlapping`: alternatives a value may fit
    several of (see `Schema.overlapping`)."""
    if first is None or second is None:
        return first if second is None else second
    branches = first.one_of or (first,)
    for index, branch in enumerate(branches):
        if _plain(branch) == _plain(second):
            # The same body on both pages: one schema, documented by both pages' rows.
            same = absorb(branch, second)
            return replace(first, one_of=(*branches[:index], same, *branches[index + 1:])) \
                if first.one_of else same
    return Schema(kind="any", one_of=(*branches, second), loc=first.loc,
                  overlapping=overlapping or first.overlapping)


def absorb(mine: Schema, theirs: Schema) -> Schema:
    """`mine` (the same shape as `theirs`) also documented where `theirs` was."""
    locs = tuple(loc for loc in (theirs.loc, *theirs.also_locs) if loc is not None
                 and loc != mine.loc)
    return replace(
        mine, also_locs=tuple(dict.fromkeys((*mine.also_locs, *locs))),
        properties=tuple((n, absorb(a, b)) for (n, a), (_, b) in
                         zip(mine.properties, theirs.properties, strict=True)),
        items=absorb(mine.items, theirs.items) if mine.items is not None and
        theirs.items is not None else mine.items,
        one_of=tuple(absorb(a, b) for a, b in zip(mine.one_of, theirs.one_of, strict=True)))


def _also(param: Parameter, other: Parameter | None) -> Parameter:
    """`param`, also documented by `other`'s row (another variant's page)."""
    if other is None:
        return param
    locs = tuple(loc for loc in (other.loc, other.schema.loc, *other.schema.also_locs)
                 if loc is not None and loc != param.schema.loc)
    return replace(param, schema=replace(param.schema, also_locs=tuple(dict.fromkeys(
        (*param.schema.also_locs, *locs)))))


def combine_variants(holder: Operation, other: Operation,
                     diagnostics: list[Diagnostic], how: str = "") -> Operation:
    """Two operations on one method and path: parameters joined, request bodies and responses
    of one status as alternatives, every sample, error and page kept."""
    theirs = {(p.name, p.location): p for p in other.parameters}
    params = tuple(_also(p, theirs.pop((p.name, p.location), None)) for p in holder.parameters)
    params += tuple(theirs.values())
    responses = {r.status: r for r in holder.responses}
    for response in other.responses:
        mine = responses.get(response.status)
        if mine is None:
            responses[response.status] = response
        elif mine.body and response.body:
            # Requests say which body they send (`told_apart`); a response does not say which
            # page's body it is, and may fit several: alternatives, not exclusive ones.
            responses[response.status] = replace(mine, schema=one_of(
                mine.schema, response.schema, overlapping=True))
    body = holder.request_body
    overlapping = body is not None and other.request_body is not None and not all(
        exclusive(branch, other.request_body) for branch in body.one_of or (body,))
    if overlapping:
        # A request one page documents fits another page's body too: the request is valid
        # when it fits any of them (`anyOf`), as a response is.
        how += "; a request may fit more than one of the bodies, so they are alternatives " \
            "that need not exclude each other (anyOf)"
    codes = {(e.status, e.code) for e in holder.errors}
    diagnostics.append(Diagnostic(
        "info", "operation-variants", f"{' '.join(holder.methods)} {holder.path} is documented "
        f"by {holder.id} ({', '.join(holder.pages)}) and by {other.id} "
        f"({', '.join(other.pages)}): one operation whose body is one of theirs{how}",
        other.loc, (holder.loc,) if holder.loc else (), holder.id))
    return replace(
        holder, parameters=params,
        request_body=one_of(holder.request_body, other.request_body, overlapping),
        responses=tuple(sorted(responses.values(), key=lambda r: r.status)),
        errors=holder.errors + tuple(e for e in other.errors if (e.status, e.code) not in codes),
        samples=holder.samples + other.samples, changes=holder.changes + other.changes,
        pages=holder.pages + other.pages,
        variants=(*holder.variants, other.id, *other.variants))


def _respell_path(operation: Operation, template: str) -> Operation:
    theirs = PATH_VARIABLE.findall(operation.path)
    ours = PATH_VARIABLE.findall(template)
    renamed = dict(zip(theirs, ours, strict=True))
    params = tuple(replace(p, name=renamed.get(p.name, p.name)) if p.location == "path" else p
                   for p in operation.parameters)
    return replace(operation, path=template, parameters=params)
