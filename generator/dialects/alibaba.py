"""Alibaba Cloud reference pages, RPC and ROA (English and Chinese, any reader).

Conventions this dialect knows: one page per Action; a request table with a Required column;
RPC pages call `/?Action=<Name>`, ROA pages state a request line under "Request syntax"
(`PATCH|POST /openapi/instances/[InstanceId]/description HTTPS|HTTP`) and a Position column
(`Path`, `Query`, `Body`, `Header`) that says where each parameter travels;
a response table listing nested fields flat after their parent; `Name.N` / `Tag.N.Key` names for
flattened lists; JSON and XML success samples; an error table with HTTP status, code, message and
description; a change history. Nesting is left to `ir.reconcile`, which has the samples.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..http import METHOD, PATH_TEXT
from ..ir.conventions import Conventions, ErrorEnvelope, SecurityScheme
from ..ir.jsontext import carries_json
from ..ir.model import (
    Change,
    Diagnostic,
    ErrorCode,
    FieldRow,
    FieldTable,
    PageExtract,
    Sample,
    Schema,
)
from ..location import SourceLoc
from ..sources.tree import CodeBlock, Document, Heading, Paragraph, Table
from .fields import alternatives, cell, language_of, row_to_field
from .prose import read_facts
from .samples import read_sample
from .sections import section_of_title, walk_sections
from .tables import column_roles, read_location, table_kind
from .typetables import link_members, map_table, members_label, unique_name

NAME = "alibaba"
_SIGNATURE_PARAMETERS = frozenset({
    "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod",
    "SignatureVersion", "SignatureNonce", "SignatureType", "Timestamp", "SecurityToken",
    "BearerToken",
})
CONVENTIONS = Conventions(
    name=NAME, provider="alibabacloud", default_style="rpc",
    error_envelope=ErrorEnvelope("RpcError", "Code", (
        ("RequestId", "The request ID."), ("HostId", "The endpoint that answered."),
        ("Code", "The error code."), ("Message", "The error message."),
        ("Recommend", "A diagnosis link."))),
    # What every request carries to name the operation and sign the call.
    common_parameters=_SIGNATURE_PARAMETERS,
    # Account and routing parameters every RPC operation accepts, documented or not.
    accepted_parameters=_SIGNATURE_PARAMETERS | frozenset({
        "ResourceOwnerAccount", "ResourceOwnerId", "OwnerAccount", "OwnerId", "CallerParentId",
        "RegionEndpoint"}),
    request_sample_places_query=True,
    # Tables are generated from the API metadata; samples are hand-written and show more.
    tables_complete=True,
    security=(
        SecurityScheme(
            "AccessKey", "query", "AccessKeyId",
            "Requests signed with an AccessKey pair: the AccessKey ID travels as `AccessKeyId`, "
            "with `Signature` (HMAC-SHA1 of the canonicalised query with the AccessKey secret), "
            "`SignatureMethod`, `SignatureVersion`, `SignatureNonce` and `Timestamp` beside it; "
            "SDKs sign for you.", ("rpc",)),
        SecurityScheme(
            "AccessKeySignature", "header", "Authorization",
            "Requests signed with an AccessKey pair in the `Authorization` header "
            "(`acs <AccessKeyId>:<signature>`, ROA signature over the method, headers and "
            "resource); SDKs sign for you.", ("rest",)),
    ),
    # Pages generated from the API metadata add an Example column to every field table; the
    # older hand-kept pages of the same Action, still published beside them, have none.
    newer_layout_columns=("example",),
    # Rows that stand for the parameters every call takes or returns (matched with their
    # wrapping `<>`, `‹›`, `*`, ... stripped: `ir/placeholders.py`).
    placeholder_rows=(r"公共(?:请求|返回|响应)?参数(?:列表)?", r"公共(?:请求|响应)头",
                      r"(?:common|public) (?:request |response |returned )?(?:parameters?|headers?)"),
)
_ACTION = re.compile(r"^[A-Z][A-Za-z0-9]{2,80}$")
_TITLED_ACTION = re.compile(r"^([A-Z][A-Za-z0-9]{2,80})\s*[(（][^()（）]{1,40}[)）]$")
"""A title naming the Action with a remark after it: `AddDnsGtmMonitor (new)`."""
_PRODUCT_ACTION = re.compile(r"^[\w .()-]{1,80}[:：]\s*([A-Z][A-Za-z0-9]{2,80})\s*$")
_LEAD_ACTION = re.compile(r"(?:\b[Cc]all(?:s|ing)?|\b[Ii]nvoke|调用)\s*(?:the\s+)?"
                          r"([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)(?![A-Za-z0-9_])")
"""The lead sentence of a page titled in words names the Action it documents ("You can call
the CreateGadget operation to ...", "调用DescribeGadgets查询..."): a CamelCase name of two or
more words right after call/调用."""
_RAM_ACTION = re.compile(r"\b[a-z][a-z0-9-]{1,30}:([A-Z][A-Za-z0-9]{2,80})\b")
_URL_ACTION = re.compile(r"[?&#]\s*Action=([A-Z][A-Za-z0-9]{2,80})|api=([A-Z][A-Za-z0-9]{2,80})")
_XML_ROOT = re.compile(r"^\s*<([A-Z][A-Za-z0-9]{2,80})Response\b")
_FLAT = re.compile(r"^(?P<base>[A-Za-z_][\w-]{0,120})" + CONVENTIONS.flat_list_marker +
                   r"(?:\.(?P<child>[A-Za-z_][\w-]{0,120})(?P<inner>" +
                   CONVENTIONS.flat_list_marker + r")?)?$")
"""`Tag.N.Key`: the list syntax is the record's (`Conventions.flat_list_marker`)."""
_REQUEST_LINE = re.compile(rf"^\s*({METHOD}(?:\s*\|\s*{METHOD})*)\s*({PATH_TEXT})", re.I)
_PATH_VARIABLE = re.compile(r"\[([A-Za-z_][\w.-]{0,80})\]|<([A-Za-z_][\w.-]{0,80})>")
"""`[InstanceId]` and `<logstorename>`: how pages spell the path template variable `{X}`."""
_TEMPLATE = re.compile(r"[\[{<][A-Za-z_][\w.-]{0,80}[\]}>]")
_NOT_SYNTAX = frozenset({"examples", "response", "errors", "changes", "authorization"})
_BODY_WORDS = re.compile(r"request\s*body|请求体|\bbody\b", re.I)
"""Text before a request-section table saying its rows travel in the body (an ROA page's
`## RequestBody` title, "Specify the required parameters in RequestBody", "RequestBody中还需填入以下
参数")."""
_BOILERPLATE = re.compile(r"^(all products|search|document center|last updated|debugging|"
                          r"\d+\s*$)", re.I)


def detect(doc: Document) -> float:
    """Alibaba pages talk about RegionId/RequestId, Actions and `*.aliyuncs.com`."""
    text = " ".join(n.text for n in doc.nodes[:400] if isinstance(n, (Paragraph, Heading)))
    score = 0.0
    header = False
    for node in doc.nodes:
        if isinstance(node, Table):
            cells = " ".join(" ".join(r.cells[:1]) for r in node.rows)
            if "RequestId" in cells or "RegionId" in cells:
                score += 0.4
            elif any(r.cells[:1] == ("Action",) for r in node.rows):
                score += 0.4  # an RPC request table names its Action in a row of its own
            header = header or any(c.strip() in ("是否必选", "Required") for c in node.header)
        elif isinstance(node, CodeBlock) and ("?Action=" in node.text or "RequestId" in node.text):
            score += 0.2
    if "aliyun" in text or "Action=" in text or "OpenAPI Explorer" in text:
        score += 0.3
    return min(score + 0.2 * header, 1.0)


def _operation_id(doc: Document, path: str) -> tuple[str, str]:
    """(Action name, how it was found); the page's own words win over the file name."""
    in_sections = False  # the title comes before the sections: a later heading is no title
    top = None  # a heading deeper than the page's first one is a subsection ("## Tools")
    for node in doc.nodes[:40]:
        if isinstance(node, Heading):
            top = node.level if top is None else top
            if node.level > top:
                in_sections = True
        if isinstance(node, Heading) and section_of_title(node.text):
            in_sections = True
        elif isinstance(node, Heading) and not in_sections and (
                titled := _ACTION.match(node.text.strip()) or
                _TITLED_ACTION.match(node.text.strip())):
            return titled.group(titled.lastindex or 0), "title"
        if isinstance(node, (Heading, Paragraph)):
            match = _PRODUCT_ACTION.match(node.text.strip())
            if match:
                return match.group(1), "title"
    for node in doc.nodes:
        if isinstance(node, Table) and table_kind(node.header) == "authorization":
            for row in node.rows:
                match = _RAM_ACTION.search(" ".join(row.cells))
                if match:
                    return match.group(1), "authorization table"
        if isinstance(node, (Paragraph, CodeBlock)):
            match = _URL_ACTION.search(node.text)
            if match:
                return match.group(1) or match.group(2), "request URL"
            match = _XML_ROOT.match(node.text) if isinstance(node, CodeBlock) else None
            if match:
                return match.group(1), "XML sample"
    lead = _lead_action(doc)
    if lead:
        return lead, "lead sentence"
    stem = re.sub(r"\.[A-Za-z]+$", "", path.replace("\\", "/").rsplit("/", 1)[-1])
    return (stem, "file name") if _ACTION.match(stem) else ("", "")


def _lead_action(doc: Document) -> str:
    """The Action the page's lead paragraph (between the title and the first section) says
    it calls, or ''."""
    titled = False
    for node in doc.nodes[:12]:
        if isinstance(node, Heading):
            if titled:
                return ""  # the first section begins: the lead is over
            titled = True
        elif isinstance(node, Paragraph) and titled:
            match = _LEAD_ACTION.search(node.text)
            if match:
                return match.group(1)
        elif not isinstance(node, Paragraph):
            return ""
    return ""


def _summary(doc: Document) -> str:
    seen_title = False
    for section, _, node in walk_sections(doc):
        if section != "intro":
            break
        if isinstance(node, Heading):
            seen_title = True
            continue
        if not isinstance(node, Paragraph):
            continue
        text = node.text.strip()
        if _BOILERPLATE.match(text) or _PRODUCT_ACTION.match(text) or "OpenAPI Explorer" in text:
            seen_title = True
            continue
        if text.endswith((".", "。")) or (seen_title and len(text) > 8):
            return text
    return ""


def _request_line(doc: Document) -> tuple[tuple[str, ...], str, SourceLoc | None]:
    """(methods, path template, where) of an ROA page's request syntax, or ((), "", None).

    `[InstanceId]` in the path is the page's spelling of the template variable `{InstanceId}`;
    `PATCH|POST` means either method reaches the operation."""
    later: tuple[tuple[str, ...], str, SourceLoc | None] = ((), "", None)
    for section, _, node in walk_sections(doc):
        if section in _NOT_SYNTAX or not isinstance(node, (CodeBlock, Paragraph)):
            continue
        for line in node.text.splitlines()[:5]:
            match = _REQUEST_LINE.match(line)
            # `GET|POST / HTTPS|HTTP` (or with `?Action=`) is the RPC request line.
            if not match or "Action=" in line or match.group(2) == "/":
                continue
            methods = tuple(dict.fromkeys(m.strip().upper() for m in match.group(1).split("|")))
            path = _PATH_VARIABLE.sub(lambda m: "{" + (m[1] or m[2]) + "}", match.group(2))
            if section == "syntax":
                return methods, path, node.loc
            # Elsewhere (a page without a "Request syntax" title), a request line in a code
            # block that shows a template (`GET /resources/{name} HTTP/1.1`) is the syntax.
            if not later[0] and isinstance(node, CodeBlock) and (
                    _TEMPLATE.search(match.group(2)) or re.search(r"\bHTTPS?\b", line)):
                later = (methods, path, node.loc)
    return later


def _bare_variables(path: str, tables: list[FieldTable], unplaced: set[str]) -> str:
    """`/clusters/ClusterId/nodepools/NodepoolId`: a segment spelled as a documented parameter
    is that parameter when the page places it in the path (Position `Path`) or places it nowhere
    and spells it as a name (with a capital: `ClusterId`, not the literal `tags`)."""
    rows = {r.name: r for table in tables for r in table.rows if r.name}
    segments = path.split("/")
    for index, segment in enumerate(segments):
        row = rows.get(segment)
        if row is None or segment.startswith("{"):
            continue
        if row.location == "path" or (segment in unplaced and segment[:1].isupper()):
            segments[index] = "{" + segment + "}"
    return "/".join(segments)


def _sent_in_body(tables: list[FieldTable], unplaced: set[str], samples: list[Sample],
                  path: str) -> list[FieldTable]:
    """An ROA table without a Position column: a row its request sample sends in the JSON body
    (`PUT /templates/[TemplateId]` then `{"name": ..., "template": ...}`) travels in the body;
    path variables stay in the path."""
    keys: set[str] = set()
    pending = [s.value for s in samples if s.kind == "request" and isinstance(s.value, dict)]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            keys.update(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    moved = {name for name in unplaced & keys if "{" + name + "}" not in path}
    if not moved:
        return tables
    return [replace(table, rows=tuple(replace(r, location="body") if r.name in moved and
                                      r.location == "query" else r for r in table.rows))
            for table in tables]


def _field_table(table: Table, location: str | None) -> tuple[FieldTable, list[Diagnostic]]:
    """A parameter/response table; `Name.N` and `Tag.N.Key` names become nested rows. A request
    table's Position column, when it has one, says where each row travels.

    A list's members stay together under it wherever the page writes them (`Tag.N.Value` after
    other rows, or after another list's members), and a list the page documents only through its
    members is required when its first member is."""
    roles = column_roles(table.header)
    positioned = location is not None and "location" in roles
    groups: list[list[FieldRow]] = []  # a row, then the members of its list
    diagnostics: list[Diagnostic] = []
    flat_parents: dict[str, int] = {}  # list name -> index of its group
    implied: set[str] = set()  # lists that have no row of their own
    has_flat_children = any(_flat_child(cell(r, roles, "name")) for r in table.rows)
    for row in table.rows:
        name = cell(row, roles, "name")
        match = _FLAT.match(name)
        kwargs: dict = {}
        where = location
        if positioned:
            where = read_location(cell(row, roles, "location")) or location
        if match and match.group("child"):
            base = match.group("base")
            if base not in flat_parents:
                # A list documented only through its members travels where they do
                # (`Item.N.Key` in the Body: the body holds `Item`, a list of objects).
                parent = FieldRow(name=base, schema=Schema(kind="array", items=Schema(kind="object"),
                                                           type_text="RepeatList", loc=row.loc),
                                  container=True, depth=0, location=where, loc=row.loc)
                flat_parents[base] = len(groups)
                implied.add(base)
                groups.append([parent])
            kwargs = {"name": match.group("child")}
            if match.group("inner"):
                # `TagFilter.N.TagValues.N`: the child is itself a list of values.
                kwargs["type_text"] = f"Array of {cell(row, roles, 'type') or 'String'}" \
                    if cell(row, roles, "type").lower() not in ("repeatlist", "array", "list") \
                    else "Array of String"
        elif match:
            kwargs = {"name": match.group("base")}
        field, found = row_to_field(row, roles, location=where, **kwargs)  # type: ignore[arg-type]
        diagnostics.extend(found)
        if match and not match.group("child"):
            field = _as_flat_list(field)
            if match.group("base") in flat_parents:
                continue
            if has_flat_children and any(_flat_child(cell(r, roles, "name")) == match.group("base")
                                         for r in table.rows):
                field = replace(field, container=True,
                                schema=replace(field.schema, items=Schema(kind="object")))
                flat_parents[match.group("base")] = len(groups)
        if has_flat_children:
            field = replace(field, depth=1 if match and match.group("child") else 0)
        if match and match.group("child"):
            group = groups[flat_parents[match.group("base")]]
            if match.group("base") in implied and len(group) == 1 and field.required is not None:
                group[0] = replace(group[0], required=field.required)
            group.append(field)
        else:
            split, noted = alternatives(field) if not match else ([field], [])
            diagnostics.extend(noted)
            groups.extend([f] for f in split)
    rows = tuple(row for group in groups for row in group)
    return FieldTable(rows=rows, loc=table.loc), diagnostics


def _read_json_keys(node: Table, owner: str, json_keys: dict[str, list[FieldRow]],
                    diagnostics: list[Diagnostic]) -> None:
    """A table that lists the keys of the JSON document the string parameter `owner` carries:
    its rows are gathered under `owner` (never parameters of their own), and it is said so."""
    table, found = _field_table(node, None)
    json_keys.setdefault(owner, []).extend(r for r in table.rows if r.name)
    diagnostics.extend(found)
    diagnostics.append(Diagnostic(
        "info", "json-string-keys", f"table of {len(table.rows)} rows read as the keys of the "
        f"JSON document in {owner}, not as parameters", node.loc))


def _json_string_row(tables: list[FieldTable]) -> str | None:
    """The last request parameter that carries a JSON document in a string, if any."""
    rows = [r for t in tables for r in t.rows if r.schema.content_media_type]
    return rows[-1].name if rows else None


_KEYS_WORDS = re.compile(r"字段|含义|参数说明|格式|对象|\bfields?\b|\bkeys?\b|\bformat\b|\bobjects?\b",
                         re.I)


def _string_parameter_named(text: str, tables: list[FieldTable]) -> str | None:
    """The string request parameter a line introduces the keys of ("the fields of the Sources
    parameter", "Sources各字段含义"): the one documented parameter the line names as a word,
    when the line also speaks of fields, keys or a format. None otherwise."""
    if len(text) > 200 or not _KEYS_WORDS.search(text):
        return None
    named = [r.name for t in tables for r in t.rows
             if r.name and r.schema.kind == "string" and re.search(
                 rf"(?<![A-Za-z0-9_]){re.escape(r.name)}(?![A-Za-z0-9_])", text)]
    if not named:
        # "Tag 对象说明" (the Tag object) for a parameter Tags carrying a JSON list of them
        named = [r.name for t in tables for r in t.rows
                 if len(r.name) > 3 and r.name.endswith("s") and carries_json(r.schema)
                 and re.search(
                     rf"(?<![A-Za-z0-9_]){re.escape(r.name[:-1])}(?![A-Za-z0-9_])", text)]
    return named[0] if len(set(named)) == 1 else None


def _continued_parameter(node: Table, previous: tuple[Table, FieldTable] | None,
                         path: str = "") -> str | None:
    """The parameter whose fields a table lists when it repeats the header of the parameters
    table right above it (nothing between) and that table ends in a list, object or string
    parameter (`Rules` `List`, `Tags` `String`, then `RuleName`, `Domain`, ...): the page
    nests a table in the table. A flattened list (`Tag.N`) is no such parameter; its fields
    are rows of their own. Nor is a variable of the request line's path (`ClusterId` of
    `POST /clusters/ClusterId/nodes`): a path table followed by the body's table."""
    if previous is None or previous[0].header != node.header or not previous[1].rows:
        return None
    last = previous[1].rows[-1]
    if not last.name or _FLAT.match(last.name) or \
            last.schema.kind not in ("array", "object", "string", "any") or \
            last.name in _path_segments(path):
        return None
    return last.name


def _path_segments(path: str) -> set[str]:
    """The names a path template spells in its segments, variables unwrapped (`{Id}`, `Id`)."""
    return {segment.strip("{}[]<>") for segment in path.split("/") if segment}


def _with_json_keys(tables: list[FieldTable], keys: dict[str, list[FieldRow]]) -> list[FieldTable]:
    """Documented keys become the JSON document's fields (a documented key wins over the one
    the example shows; keys of several tables, one per variant, are all allowed)."""
    if not keys:
        return tables
    out = []
    for table in tables:
        rows = []
        for row in table.rows:
            documented = keys.get(row.name)
            if documented:
                # Without an example the document's shape is unknown: an object of these keys,
                # or a list of such objects, both accepted.
                content = row.schema.content_schema or (
                    # a list (`List`), or an example that is one (`[{"TagKey": ...}]`): a list
                    # of such objects
                    Schema(kind="array", items=Schema(kind="object"))
                    if row.schema.kind == "array" or any(
                        isinstance(e, str) and e.lstrip().startswith("[{")
                        for e in row.schema.examples)
                    else Schema(kind="object", also_kinds=("array",)))
                if not row.schema.content_media_type:
                    row = replace(row, schema=replace(row.schema,
                                                      content_media_type="application/json"))
                if content.kind == "array" and content.items is not None and \
                        content.items.kind == "object":
                    # A list of objects (`[{"content": ..., "type": ...}]`): the keys are
                    # its items' fields.
                    items = content.items
                    props = dict(items.properties)
                    for key in documented:
                        if key.name not in props or props[key.name].inferred:
                            props[key.name] = key.schema
                    content = replace(content, items=replace(
                        items, properties=tuple(props.items()), inferred=False), inferred=False)
                    row = replace(row, schema=replace(row.schema, content_schema=content))
                elif content.kind == "object":
                    props = dict(content.properties)
                    for key in documented:
                        if key.name not in props or props[key.name].inferred:
                            props[key.name] = key.schema
                    content = replace(content, properties=tuple(props.items()), inferred=False)
                    row = replace(row, schema=replace(row.schema, content_schema=content))
            rows.append(row)
        out.append(replace(table, rows=tuple(rows)))
    return out


def _linked(request: list[FieldTable], responses: list[FieldTable],
            types: list[tuple[str, FieldTable]]) -> tuple[
        list[FieldTable], list[FieldTable], list[FieldTable]]:
    """Rows that name a members table point at it; a members table no row names is handed on
    too: the IR places it where a sample shows it, or reports it (`ir/unreferenced.py`)."""
    request = link_members(request, types)
    responses = link_members(responses, types)
    tables = link_members([t for _, t in types], types)
    return request, responses, [map_table(t) or t for t in tables]


def _lists_common_parameters(tables: list[FieldTable]) -> bool:
    """True when the tables document the dialect's signing parameters (three or more besides
    `Action`): what a common-parameters page lists, never one operation's own parameters."""
    names = {r.name for t in tables for r in t.rows}
    return len(names & (CONVENTIONS.common_parameters - {"Action"})) >= 3


def _rpc_form(tables: list[FieldTable], diagnostics: list[Diagnostic]) -> list[FieldTable]:
    """An RPC operation takes every parameter in one form: the query of a GET or the
    form-encoded body of a POST. Rows a Position column or a "RequestBody" title puts in the
    body are parameters like the others (the validator reads a POST's form body as the query)."""
    moved = [r for t in tables for r in t.rows if r.location == "body"]
    if not moved:
        return tables
    diagnostics.append(Diagnostic(
        "info", "rpc-body-parameters", f"{len(moved)} parameter(s) documented in the body "
        f"({', '.join(r.name for r in moved[:5])}{', ...' if len(moved) > 5 else ''}) travel "
        "form-encoded like every RPC parameter; they are query parameters of the contract",
        moved[0].loc))
    return [replace(t, rows=tuple(replace(r, location="query") if r.location == "body" else r
                                  for r in t.rows)) for t in tables]


def _flat_child(name: str) -> str:
    match = _FLAT.match(name)
    return match.group("base") if match and match.group("child") else ""


def _as_flat_list(field: FieldRow) -> FieldRow:
    """`IpsecServerId.N` of type RepeatList/String: an array of the documented item type."""
    schema = field.schema
    if schema.kind != "array":
        # The row was read as its item type, so "Valid values of N: 1 to 100" found no list
        # to bound: the list it becomes takes those counts now.
        facts = read_facts(" ".join(text for _, text in schema.description[:1]))
        item = replace(schema, description=(), examples=schema.examples, min_items=None,
                       max_items=None)
        schema = Schema(kind="array", items=item, description=schema.description,
                        min_items=schema.min_items if schema.min_items is not None
                        else facts.min_items,
                        max_items=schema.max_items if schema.max_items is not None
                        else facts.max_items,
                        type_text=schema.type_text, loc=schema.loc)
    elif schema.items is None:
        example = schema.examples[0] if schema.examples else ""
        kind = "integer" if isinstance(example, int) and not isinstance(example, bool) else "string"
        schema = replace(schema, items=Schema(kind=kind, examples=schema.examples))  # type: ignore
    return replace(field, schema=schema, container=False)


def _error(table: Table, row_index: int) -> tuple[ErrorCode | None, Diagnostic | None]:
    roles = column_roles(table.header)
    row = table.rows[row_index]
    status_text, code = cell(row, roles, "status"), cell(row, roles, "code")
    if not code:
        return None, Diagnostic("warning", "row-skipped", "error-code row without a code", row.loc)
    try:
        status = int(status_text) if status_text else 400
    except ValueError:
        return None, Diagnostic("warning", "row-skipped",
                                f"error {code}: HTTP status {status_text!r} is not a number", row.loc)
    if not 100 <= status <= 599:
        return None, Diagnostic("warning", "row-skipped",
                                f"error {code}: {status} is not an HTTP status (100-599)", row.loc)
    description = cell(row, roles, "description")
    return ErrorCode(status=status, code=code, message=cell(row, roles, "message"),
                     description=((language_of(description), description),) if description else (),
                     loc=row.loc), None


def extract(doc: Document) -> PageExtract:
    """Read one Alibaba page into a PageExtract (never raises on odd pages: diagnostics)."""
    page = doc.path
    op_id, how = _operation_id(doc, page)
    diagnostics: list[Diagnostic] = [Diagnostic("info", "reader-note", note, loc)
                                     for loc, note in doc.notes]
    if how in ("file name", ""):
        diagnostics.append(Diagnostic("warning" if op_id else "error", "operation-name",
                                      f"the page does not name its Action; using {op_id!r} from the "
                                      "file name" if op_id else "the page does not name its Action",
                                      SourceLoc(page, 1)))
    texts = " ".join(t.header[0] for t in doc.nodes if isinstance(t, Table) and t.header)
    language = language_of(texts + " " + " ".join(
        n.text for n in doc.nodes if isinstance(n, Heading)))
    request: list[FieldTable] = []
    responses: list[FieldTable] = []
    samples: list[Sample] = []
    errors: list[ErrorCode] = []
    changes: list[Change] = []
    description_parts: list[str] = []
    methods, path, request_loc = _request_line(doc)
    types: list[tuple[str, FieldTable]] = []  # (name on the page, table under a unique name)
    json_keys: dict[str, list[FieldRow]] = {}  # JSON-string parameter -> its documented keys
    lead: list[str] = []  # the titles and paragraphs since the last table
    lead_is_heading = False  # whether the last of them is a heading
    unplaced: set[str] = set()  # request rows of tables without a Position column
    field_roles: set[str] = set()  # the column roles of the page's field tables
    before: tuple[Table, FieldTable] | None = None  # the request table just read, if nothing since
    for section, label, node in walk_sections(doc):
        previous, before = before, None
        if isinstance(node, (Heading, Paragraph)):
            # Only what stands in the table's own section introduces it.
            lead = [] if section_of_title(node.text) else lead
            lead.append(node.text.strip())
            lead_is_heading = isinstance(node, Heading)
        if isinstance(node, Table):
            kind = table_kind(node.header)
            if kind in ("request", "fields"):
                field_roles.update(column_roles(node.header))
            context, lead = lead, []
            members = members_label(context[-1], lead_is_heading) \
                if context and not section_of_title(context[-1]) and \
                not _BODY_WORDS.search(context[-1]) else ""
            if kind in ("request", "fields") and section == "request" and not context and \
                    (owner := _continued_parameter(node, previous, path)) is not None:
                # The parameters table's header again, right below a list or JSON parameter:
                # the rows after it are that parameter's fields (a table nested in the table).
                _read_json_keys(node, owner, json_keys, diagnostics)
            elif kind in ("request", "fields") and section == "request" and context and \
                    (named := _string_parameter_named(context[-1], request)) is not None:
                # "The following table describes the fields of the Sources parameter",
                # "Sources各字段含义": the keys of the JSON document a string parameter carries.
                _read_json_keys(node, named, json_keys, diagnostics)
            elif kind in ("request", "fields") and members:
                # The members of one structure: a named type the row that names it refers to.
                table, found = _field_table(node, None)
                types.append((members, replace(table, name=unique_name(members, types),
                                               status=0 if section == "request" else 200)))
                diagnostics.extend(found)
            elif kind == "fields" and section == "request" and \
                    (carrier := _json_string_row(request)) is not None:
                # A table without a Required column after the parameters, while a parameter
                # carries a JSON document: the table lists that document's keys.
                _read_json_keys(node, carrier, json_keys, diagnostics)
            elif kind == "request" or (kind == "fields" and section == "request"):
                body = section == "request" and any(_BODY_WORDS.search(t) for t in context)
                table, found = _field_table(node, "body" if body else "query")
                request.append(table)
                diagnostics.extend(found)
                before = (node, table)
                if "location" not in column_roles(node.header):
                    unplaced.update(r.name for r in table.rows)
            elif kind == "fields":
                table, found = _field_table(node, None)
                responses.append(table)
                diagnostics.extend(found)
            elif kind == "errors":
                for index in range(len(node.rows)):
                    error, problem = _error(node, index)
                    if error:
                        errors.append(error)
                    if problem:
                        diagnostics.append(problem)
            elif kind == "changes":
                roles = column_roles(node.header)
                changes.extend(Change(cell(r, roles, "date"), cell(r, roles, "summary"), r.loc)
                               for r in node.rows)
            else:
                what = "authorization" if kind == "authorization" else "unrecognised"
                diagnostics.append(Diagnostic(
                    "info", "table-skipped",
                    f"{what} table ({' | '.join(node.header)}) with {len(node.rows)} rows is not "
                    "part of the API contract", node.loc))
        elif isinstance(node, CodeBlock) and section == "syntax" and request_loc is not None:
            continue  # the request line, read into the method and path above
        elif isinstance(node, CodeBlock):
            sample, found = read_sample(node, label)
            samples.append(sample)
            diagnostics.extend(found)
        elif isinstance(node, Paragraph) and section == "description":
            description_parts.append(node.text.strip())
    request = _with_json_keys(request, json_keys)
    request, responses, type_tables = _linked(request, responses, types)
    if how != "title" and _lists_common_parameters(request):
        # A common-parameters page: its example URL names some Action, but the page documents
        # the parameters every call takes, not that operation.
        op_id = ""
    if methods:
        path = _bare_variables(path, request, unplaced)
        if unplaced and {"POST", "PUT", "PATCH"} & set(methods):
            request = _sent_in_body(request, unplaced, samples, path)
    if not methods:
        request = _rpc_form(request, diagnostics)
    summary = _summary(doc)
    for diagnostic_index, diagnostic in enumerate(diagnostics):
        diagnostics[diagnostic_index] = replace(diagnostic, operation=op_id)
    return PageExtract(
        page=page, conventions=CONVENTIONS, language=language, operation_id=op_id,
        style="rest" if methods else "rpc", methods=methods or ("GET", "POST"), path=path or "/",
        summary=((language, summary),) if summary else (),
        description=((language, "\n\n".join(description_parts)),) if description_parts else (),
        request=tuple(request), responses=tuple(responses), types=tuple(type_tables),
        samples=tuple(samples),
        errors=tuple(errors), changes=tuple(changes), diagnostics=tuple(diagnostics),
        loc=SourceLoc(page, 1),
        layout=int(bool(field_roles & set(CONVENTIONS.newer_layout_columns))))
