"""Huawei Cloud style REST reference pages (Huawei Cloud, Open Telekom Cloud; any reader).

Conventions: a `URI` section with `METHOD /v5/{project_id}/path`; path and query parameter
tables there; request body tables under `Request`; response tables per status code under
`Response` (`Returned status code 200`); object types as their own captioned tables
(`Table 6 IkePolicy`) referenced from type cells (`IkePolicy object`,
`Array of PolicyRule objects`); JSON example requests and responses.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..http import METHOD, METHODS, PATH_TEXT
from ..ir.conventions import Conventions, ErrorEnvelope, SecurityScheme
from ..ir.model import Diagnostic, FieldTable, PageExtract, Sample, Schema
from ..location import SourceLoc
from ..sources.tree import CodeBlock, Document, Heading, Paragraph, Table, link_key
from .fields import CJK, alternatives, cell, language_of, row_to_field
from .samples import read_sample, stated_status
from .sections import walk_sections
from .tables import column_roles, table_kind
from .types import parse_type

NAME = "huawei"
CONVENTIONS = Conventions(
    name=NAME, provider="huaweicloud", default_style="rest",
    error_envelope=ErrorEnvelope("RestError", "error_code", (
        ("error_code", "The error code."), ("error_msg", "The error message."),
        ("request_id", "The request ID."))),
    common_parameters=frozenset({"X-Auth-Token", "X-Sdk-Date", "Authorization"}),
    one_level_tables=True,
    sample_query_adds_parameters=True,
    security=(
        SecurityScheme(
            "Token", "header", "X-Auth-Token",
            "Token authentication: a token obtained from IAM (`POST /v3/auth/tokens`) sent in "
            "the `X-Auth-Token` header."),
        SecurityScheme(
            "AKSK", "header", "Authorization",
            "AK/SK authentication: the request signed with an access key pair "
            "(`SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=..., Signature=...` in "
            "`Authorization`, with `X-Sdk-Date`); SDKs sign for you."),
    ),
    one_item_lists_as_objects=False,
    open_untabled_objects=True,
)
_METHOD_LINE = re.compile(r"^\s*(" + METHOD + r")\s+(?:(?:https?|http\(s\))://[^/\s]*)?"
                          r"(" + PATH_TEXT + ")", re.M)
"""`GET /v2/{project_id}/x`, also with the endpoint in front: `GET https://{Endpoint}/v3/...`."""
_CAPTION = re.compile(r"^\s*(?:Table|表)\s*\d+\s*[:.：]?\s*(?P<rest>.*)$", re.I)
_TYPE_NAME = re.compile(r"^[A-Z][A-Za-z0-9_]{1,120}$")
_STATUS = re.compile(r"(?:status code|状态码)[:：]?\s*(\d{3})", re.I)
_EMPTY_RESPONSE = re.compile(r"^\s*(?:none|null|empty|no (?:response )?body)?\s*\(?\s*status code"
                             r"\s*[:：]?\s*(\d{3})\s*\)?\s*$", re.I)
"""An example response that is only a status (`None (STATUS CODE 204)`, `STATUS CODE 204`)."""
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_NO_BODY = re.compile(r"^\s*(?:none|null|empty|无|空)\s*[.。]?\s*$", re.I)
"""A Response section's whole text when the response has no body."""
_LIST_LABEL = re.compile(r"^\s*[-*•]\s+\S")


def _says_none(text: str) -> bool:
    """`None`, or list items that each say `None` (`- Parameter description` / `None`,
    `- Response example` / `None`)."""
    lines = [line for line in text.splitlines() if line.strip()]
    return any(_NO_BODY.match(line) for line in lines) and all(
        _NO_BODY.match(line) or _LIST_LABEL.match(line) for line in lines)


_STATUS_CELL = re.compile(r"^\s*(\d{3})\b")
_HEADER_PARAM = re.compile(r"^(X-[\w-]+|Content-Type|Authorization|Accept)$", re.I)


def detect(doc: Document) -> float:
    """Huawei pages give `METHOD /v5/{project_id}/...` lines (any path under a `URI` title:
    `GET /` lists an API's versions), `Mandatory`/`参数类型` columns and `Table N`/`表N`
    captions. Each cue counts once, so many tables do not outweigh a URI."""
    uri = header = caption = False
    for section, _, node in walk_sections(doc):
        if isinstance(node, Paragraph) and _METHOD_LINE.search(node.text) and (
                "/v" in node.text or section == "uri"):
            uri = True
        elif isinstance(node, Table):
            header = header or any(c.strip() in ("Mandatory", "参数类型") for c in node.header)
            caption = caption or bool(_CAPTION.match(node.caption or ""))
    return 0.5 * uri + 0.3 * header + 0.1 * caption


_GENERIC_CAPTIONS = frozenset({"parameters", "parameter", "fields", "field", "description",
                               "descriptions", "elements", "attributes", "properties",
                               "arguments", "values", "headers"})
"""Captions that say what a table lists, not which type (`Table 1 Parameters`): such a table
is placed by its section, like an uncaptioned one."""
_HEADER_CAPTION = re.compile(r"\bheaders?\b", re.I)


def _type_name(caption: str) -> str:
    """`Table 6 IkePolicy` names a type; `Table 3 Parameters in the response body` and
    `Table 1 Parameters` do not."""
    match = _CAPTION.match(caption)
    rest = (match.group("rest") if match else caption).strip().strip("*").strip()
    return rest if _TYPE_NAME.match(rest) and rest.lower() not in _GENERIC_CAPTIONS else ""


def _operation_id(doc: Document, path: str) -> str:
    """Huawei pages have no operation id; the title is what names the operation."""
    for node in doc.nodes:
        if isinstance(node, Heading):
            return node.text.strip()
    for node in doc.nodes:
        if isinstance(node, Paragraph) and node.text.strip():
            return node.text.strip().splitlines()[0]
    return path.rsplit("/", 1)[-1]


_VERBS = {"querying": "", "query": "", "creating": "Create", "create": "Create",
          "updating": "Update", "update": "Update", "modifying": "Update", "deleting": "Delete",
          "delete": "Delete", "batch": "Batch", "downloading": "Download", "resetting": "Reset",
          "checking": "Check", "adding": "Add", "removing": "Remove", "obtaining": ""}
_FILLER = {"the", "a", "an", "specified", "of", "list", "details", "about", "in", "batches",
           "to", "for", "by", "all", "detail", "information", "its", "new"}


def _present_tense(gerund: str) -> str:
    stem = gerund[:-3]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz" and stem[-2:] != "dd":
        stem = stem[:-1]  # "Setting" -> "Set"
    elif stem.endswith(("at", "ov", "ur", "iz", "id", "rv", "ag", "ak", "bl", "os", "us", "ac",
                        "rg", "ng", "uc", "ib", "ir")):
        stem += "e"  # "Updating" -> "Update", "Removing" -> "Remove", "Enabling" -> "Enable"
    return stem[:1].upper() + stem[1:].lower()


_REQUEST_LINE = re.compile(r"^\s*(" + METHOD + r")\s+(?:https?://[^/\s]+)?"
                           r"(" + PATH_TEXT + ")")


_METHODS = frozenset(METHODS)


def _uri_from_samples(samples: list[Sample], method: str) -> tuple[str, str, SourceLoc | None]:
    """Method and path from an example request line (`GET https://{Endpoint}/`), for pages
    whose URI section names only the method."""
    for sample in samples:
        match = _REQUEST_LINE.match(sample.text) if sample.kind == "request" else None
        if match and match.group(1) == method:
            return match.group(1), match.group(2), sample.loc
    return "", "", None


_VERSION_SEGMENT = re.compile(r"^v\d+(?:\.\d+)*$", re.IGNORECASE)
_URI_VERBS = {"POST": "Create", "PUT": "Update", "PATCH": "Update", "DELETE": "Delete",
              "HEAD": "Check"}


def _camel(segment: str) -> str:
    return "".join(w[:1].upper() + w[1:].lower() for w in re.findall(r"[A-Za-z0-9]+", segment))


def operation_name_from_uri(method: str, path: str) -> str:
    """An identifier from the URI, for titles that are not English (`查询VPN连接列表`):
    `GET /v5/{project_id}/vpn-connection` -> `ListVpnConnection`,
    `GET …/vpn-connection/{id}` -> `ShowVpnConnection`, `POST …/vpn-connection/{id}/reset` ->
    `ResetVpnConnection`. Every literal segment counts, so different URIs give different names."""
    segments = [s for s in path.strip("/").split("/") if s]
    literal = [s for s in segments if not s.startswith("{") and not _VERSION_SEGMENT.match(s)]
    if not method:
        return ""
    if not literal:
        return ("Show" if method == "GET" else _URI_VERBS.get(method, _camel(method))) + "Root"
    ends_in_placeholder = segments[-1].startswith("{")
    if method == "GET":
        verb = "Show" if ends_in_placeholder else "List"
    elif method == "POST" and len(segments) > 1 and segments[-2].startswith("{") \
            and len(literal) > 1 and not segments[-1].startswith("{"):
        verb, literal = _camel(literal[-1]), literal[:-1]  # an action on one resource
    else:
        verb = _URI_VERBS.get(method, _camel(method))
    return verb + "".join(_camel(s) for s in literal)


def operation_name(title: str, method: str, path: str) -> str:
    """An identifier from the page title, the way SDKs name these operations:
    `Querying the VPN Connection List` -> `ListVpnConnections`,
    `Querying a Specified VPN Connection` -> `ShowVpnConnection`."""
    words = re.findall(r"[A-Za-z0-9]+", title)
    if not words:
        return ""
    verb = _VERBS.get(words[0].lower())
    if verb is None and words[0].lower().endswith("ing") and len(words[0]) > 5:
        verb = _present_tense(words[0])  # "Assigning" -> "Assign", "Binding" -> "Bind"
    rest = words[1:] if verb is not None else words
    listing = "list" in (w.lower() for w in rest) or (method == "GET" and not path.rstrip("/")
                                                      .endswith("}"))
    if verb == "":
        verb = "List" if listing else "Show"
    elif verb == "Add" and method == "POST":
        verb = "Create"  # a POST that adds a resource is named as one that creates it
    elif verb is None:
        verb = ""
    if "batches" in (w.lower() for w in rest):
        verb = "BatchCreate" if verb == "Create" else verb
    noun = "".join(w if w.isupper() and len(w) > 3 else w[:1].upper() + w[1:].lower()
                   for w in rest if w.lower() not in _FILLER)
    if verb == "List" and noun and not noun.endswith("s"):
        noun += "s"
    return verb + noun


_SECTION_WORDS = {"uri": "Request", "request": "Request", "response": "Response"}


def _distinct_name(name: str, taken: set[str], section: str) -> str:
    """The type name of a second table documenting a field of the same name on one page, outside
    any named parent: the part of the page it documents tells them apart (`Member` for the
    request body's `member`, `MemberResponse` for the response's), a number only when that is
    taken too: `Member2` says nothing a reader or a client could use."""
    word = _SECTION_WORDS.get(section, "")
    if word and f"{name}{word}" not in taken:
        return f"{name}{word}"
    return next(f"{name}{n}" for n in range(2, 1000) if f"{name}{n}" not in taken)


def _linked_type_names(doc: Document, sections: dict[int, str]
                       ) -> tuple[dict[int, str], dict[str, int]]:
    """Tables that a type cell links to (`:ref:`routetable <label>` object`) document that
    type, whatever their caption says (`Table 3 Description of the route field`).

    Returns {id(table): type name} and {link key: id(table)}."""
    anchors = {link_key(n.anchor): n for n in doc.nodes if isinstance(n, Table) and n.anchor}
    order = {id(n): i for i, n in enumerate(doc.nodes)}
    names: dict[int, str] = {}
    for node in doc.nodes:
        if not isinstance(node, Table):
            continue
        roles = column_roles(node.header)
        for row in node.rows:
            for link in row.links:
                target = anchors.get(link)
                if target is None or id(target) in names or target is node:
                    continue
                if order[id(target)] < order[id(node)] and not _type_name(target.caption) \
                        and not _FIELD_CAPTION.match(target.caption or ""):
                    # A nested row pointing back at the section's main table (`subJobs`: "see
                    # Table 3 Response parameters"): a recursive structure. The main table
                    # stays the body; it does not become a type the body loses.
                    continue
                spec = parse_type(row.cells[roles["type"]] if roles.get("type", 99) <
                                  len(row.cells) else "")
                ref = spec.ref or (spec.items.ref if spec.items else "")
                field = cell(row, roles, "name")
                name = _type_name(target.caption) or (ref if _TYPE_NAME.match(ref[:1].upper()
                                                                             + ref[1:]) else "")
                name = name or "".join(w.capitalize() for w in re.findall(r"[A-Za-z0-9]+", field))
                if name and name in names.values() and not _type_name(target.caption):
                    # another table of the same field name (`entities` inside `sub_jobs`):
                    # another type, named after its parent
                    outer = names.get(id(node), "")
                    name = outer + name if outer and outer + name not in names.values() else \
                        _distinct_name(name, set(names.values()), sections.get(id(target), ""))
                if name:
                    names[id(target)] = name
    return names, {key: id(table) for key, table in anchors.items()}


_FIELD_CAPTION = re.compile(
    r"^\s*(?:Table\s*\d+|表\s*\d+)?\s*[:.]?\s*(?:Description (?:of|for) (?:the )?(?P<a>[\w.:-]+) "
    r"(?:field|object|parameter|format)|(?P<b>[\w.]+) (?:field|object) (?:data structure )?"
    r"description|(?P<c>\w+) objects?"
    r"|Parameters? (?:in|of) (?:the )?(?P<e>[\w.:-]+) (?:field|object|parameter)"
    r"|Data structure (?:description )?of (?:the )?(?:field )?(?P<f>[\w.:/-]+)(?: field)?"
    r"|(?!(?:query|path|header|request|response|body|uri|url|common|public)\b)"
    r"(?P<g>[\w.:-]+) parameters? description|(?:Parameters? )?Description of (?:the )?field (?P<h>[\w.:-]+)"
    r"|(?!(?:query|path|header|uri|url|request|response|body|common|public|input|output)\b)"
    r"(?P<i>(?-i:[a-z_])[\w.:-]*) parameters?(?: information)?"
    r"|(?P<d>\w+)\s*字段(?:数据结构)?说明"
    r"|(?P<p>[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+))\s*$", re.I)
"""Captions naming the field whose members the table lists; the last form is the field's path
(`role_assignments.scope.project`). `X parameter description` and `remove_member parameters`
(lower case) name a field X, but not when X is where parameters go: `Query parameter
description`, `Request parameters` are the section's own tables, not types `Query`, `Request`."""
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def _table_captions(doc: Document) -> dict[int, str]:
    """{id(table): caption}. A table without a caption takes the one-line paragraph right
    before it as its caption: pages that introduce nested tables with a list item
    (`-  Parameters in the **snapshot** field`, then the table) instead of `.. table::`."""
    captions: dict[int, str] = {}
    previous = None
    for node in doc.nodes:
        if isinstance(node, Table):
            caption = node.caption or ""
            if not caption and isinstance(previous, Paragraph) and "\n" not in \
                    previous.text.strip() and len(previous.text) <= 200:
                caption = _LIST_MARK.sub("", previous.text.strip())
            captions[id(node)] = caption
        previous = node
    return captions


def _caption_subjects(doc: Document) -> dict[int, str]:
    """{id(table): type name} of tables captioned as the description of a field
    (`detail field description` -> `Detail`)."""
    found: dict[int, str] = {}
    for key, caption in _table_captions(doc).items():
        match = _FIELD_CAPTION.match(caption)
        subject = re.split(r"[./]", next((g for g in match.groups() if g), ""))[-1] if match \
            else ""
        name = "".join(w[:1].upper() + w[1:] for w in re.findall(r"[A-Za-z0-9]+", subject))
        if name:
            found[key] = name
    return found


def _holds_its_subject(table: Table, subject: str) -> bool:
    """Whether a row of the table is the field its caption names."""
    roles = column_roles(table.header)
    column = roles.get("name", 0)
    return any(column < len(row.cells) and
               re.sub(r"[^0-9a-z]", "", row.cells[column].lower()) ==
               subject.lower() for row in table.rows)


def _captioned_type_names(doc: Document, linked: dict[int, str], link_targets: dict[str, int],
                          sections: dict[int, str]) -> tuple[dict[int, str], dict[int, str]]:
    """A type cell whose link leads nowhere on the page (a label of another page, or none) is
    documented by the first later table captioned `Description of the route field`.

    Returns {id(table): type name} and {id(row): type name} for the rows that refer to them."""
    tables = [n for n in doc.nodes if isinstance(n, Table)]
    captions = _table_captions(doc)
    waiting: list[tuple[int, str, str, object]] = []  # (table index, field, ref, row)
    tables_named: dict[int, str] = {}
    rows_named: dict[int, str] = {}
    for index, node in enumerate(tables):
        caption = _FIELD_CAPTION.match(captions[id(node)])
        subject = next((g for g in caption.groups() if g), "") if caption else ""
        # `quotas.resources field`, `spec/extendParam field`: the resources (extendParam) field
        subject = re.split(r"[./]", subject)[-1]
        if subject and id(node) not in linked and not _type_name(node.caption or ""):
            for entry in waiting:
                parent, field, ref, row = entry
                if subject.lower() in (field.lower(), ref.lower()):
                    # (a caption capitalises its first word: `Jobs field data structure`)
                    name = ref if ref and _TYPE_NAME.match(ref[:1].upper() + ref[1:]) else \
                        "".join(w.capitalize() for w in re.findall(r"[A-Za-z0-9]+", field))
                    taken = {*linked.values(), *tables_named.values()}
                    if name in taken:
                        # `entities` inside `sub_jobs` documented by its own table: another
                        # type than the outer `entities`, named after its parent
                        outer = tables_named.get(id(tables[parent])) or linked.get(
                            id(tables[parent]), "")
                        name = outer + name if outer and outer + name not in taken else \
                            _distinct_name(name, taken, sections.get(id(node), ""))
                    if name:
                        tables_named[id(node)] = name
                        rows_named[id(row)] = name
                        waiting.remove(entry)
                    break
        roles = column_roles(node.header)
        if "type" not in roles or "name" not in roles:
            continue
        for row in node.rows:
            if any(link in link_targets for link in row.links) or \
                    roles["type"] >= len(row.cells) or roles["name"] >= len(row.cells):
                continue
            spec = parse_type(row.cells[roles["type"]])
            # a bare `Array` (`List`) says nothing of its items: a members table captioned
            # after the row documents them (`members | Array`, then `members parameter
            # description`)
            target = (spec.items or replace(spec, kind="any")) if spec.kind == "array" else spec
            if target.kind not in ("object", "any") or spec.kind not in ("object", "array"):
                continue
            waiting.append((index, cell(row, roles, "name"), target.ref or "", row))
    return tables_named, rows_named


def _holds_members(schema: Schema) -> bool:
    """An object or a list of objects without members: what a members table documents (an
    untyped row's link may be any reference of its description)."""
    if schema.kind == "array":
        return schema.items is None or schema.items.kind in ("object", "any")
    return schema.kind == "object" and not schema.properties and \
        schema.additional_properties is None


def _free_map(schema: Schema) -> bool:
    """`Dict`, `Dictionary`: an object of any members, which a linked table can list."""
    return schema.kind == "object" and not schema.properties and \
        schema.additional_properties is not None and schema.additional_properties.kind == "any"


def _refer(schema: Schema, name: str) -> Schema:
    """Point an object (or a list's items) at a named type."""
    if schema.kind == "array":
        item = schema.items or Schema(kind="object")
        if item.kind in ("object", "any"):
            return replace(schema, items=replace(item, kind="object", ref=name))
        return schema
    if schema.kind in ("object", "any"):
        return replace(schema, kind="object", ref=name)
    return schema


_FIELD_POINTER = re.compile(
    r"^\s*(?:[-*•]\s+)?For (?:more )?(?:details|information) (?:about|on) (?:the )?"
    r"(?!(?:request|response|query|path|header|body|common|public|uri)\s)"
    r"(?P<field>[A-Za-z_][\w.-]*) (?:field|object|parameter|attribute)s?,? (?:see|refer to)\b",
    re.I)
"""`For details about the **direct_connect** field, see Table 2.` below a table: the sentence
that names the table of a field's members when the field's row does not link to it (not `For
details about the response parameters, see Table 3`, which names a section's table)."""


def _prose_links(doc: Document) -> Document:
    """The page with each field pointer sentence's link put on the row of the field it names
    (the nearest table before the sentence with a row of that name and no link of its own), so
    that the link is read as if the row's type cell gave it."""
    nodes = list(doc.nodes)
    changed = False
    for index, node in enumerate(nodes):
        match = _FIELD_POINTER.match(node.text) if isinstance(node, Paragraph) and \
            node.links else None
        if not match:
            continue
        field = match.group("field").rsplit(".", 1)[-1]
        for back in range(index - 1, -1, -1):
            table = nodes[back]
            if not isinstance(table, Table):
                continue
            roles = column_roles(table.header)
            column = roles.get("name", 0)
            rows = [r for r in table.rows if column < len(r.cells) and
                    r.cells[column].strip().strip("*") == field]
            if not rows:
                # the sentence names one item of a list row (`virtual_gateway` for the
                # `virtual_gateways | List` row)
                rows = [r for r in table.rows if column < len(r.cells) and
                        r.cells[column].strip().strip("*") in (field + "s", field + "es") and
                        parse_type(cell(r, roles, "type")).kind == "array"]
            if not rows:
                continue
            if len(rows) == 1 and not rows[0].links:
                row = rows[0]
                nodes[back] = replace(table, rows=tuple(
                    replace(r, links=node.links[:1]) if r is row else r for r in table.rows))
                changed = True
            break
    return replace(doc, nodes=tuple(nodes)) if changed else doc


def extract(doc: Document) -> PageExtract:
    doc = _prose_links(doc)
    page = doc.path
    walked = list(walk_sections(doc))  # read once: the type names need each table's section
    sections = {id(node): section for section, _, node in walked}
    linked_names, link_targets = _linked_type_names(doc, sections)
    captioned, row_types = _captioned_type_names(doc, linked_names, link_targets, sections)
    linked_names = {**linked_names, **captioned}
    subjects = _caption_subjects(doc)
    diagnostics: list[Diagnostic] = [Diagnostic("info", "reader-note", note, loc)
                                     for loc, note in doc.notes]
    method, path, bare_method = "", "", ""
    request: list[FieldTable] = []
    responses: list[FieldTable] = []
    types: list[FieldTable] = []
    samples: list[Sample] = []
    shown: set[int] = set()  # statuses response samples print (`HTTP/1.1 201 Created`)
    documented: list[int] = []  # success statuses of a status-code table
    bodiless: list[int] = []  # success statuses an example response shows without a body
    summary = ""
    status = 200
    texts: list[str] = []
    saw_uri_section = False
    status_stated = False
    says_no_body = False  # the Response section says `None`
    for section, label, node in walked:
        saw_uri_section = saw_uri_section or section == "uri"
        if isinstance(node, (Paragraph, Heading)):
            texts.append(node.text)
            match = _METHOD_LINE.search(node.text) or (
                section == "uri" and _METHOD_LINE.search(_LIST_MARK.sub("", node.text.strip())))
            # (the URI section's request line may be a list item itself: `-  GET /v2/...`)
            if match and not method and section in ("uri", "intro", "request", "description"):
                method, path = match.group(1).upper(), match.group(2)
            elif section == "uri" and node.text.strip().upper() in _METHODS:
                bare_method = node.text.strip().upper()
            found_status = _STATUS.search(node.text)
            if found_status and 100 <= int(found_status.group(1)) <= 599:
                status = int(found_status.group(1))
                status_stated = True
            says_no_body = says_no_body or (isinstance(node, Paragraph) and
                                            section == "response" and _says_none(node.text))
            if (isinstance(node, Paragraph) and section == "description" and not summary
                    and node.text.strip().endswith((".", "。"))):
                summary = node.text.strip()
        elif isinstance(node, Table):
            kind = table_kind(node.header)
            if kind == "other" and _status_table(node):
                documented.extend(_success_statuses(node))
            if kind not in ("request", "fields"):
                diagnostics.append(Diagnostic("info", "table-skipped",
                                              f"table ({' | '.join(node.header)}) with "
                                              f"{len(node.rows)} rows is not a parameter table",
                                              node.loc))
                continue
            roles = column_roles(node.header)
            type_name = _type_name(node.caption) or linked_names.get(id(node), "")
            if not type_name and id(node) in subjects and (
                    request if section in ("uri", "request") else responses) and \
                    not _holds_its_subject(node, subjects[id(node)]):
                # `detail field description` that no row names, after the section's own
                # table: the members of `detail`, placed by the IR where a sample shows it.
                # (`Description for the user format` listing the `user` row is the table
                # that holds `user`, not its members.)
                type_name = subjects[id(node)]
            location = None
            if section == "uri":
                location = "query"
            elif section == "request":
                # A GET carries no body: the parameters its Request section documents are
                # sent in the query (`GET .../weekly?period_start_date=...`).
                location = "query" if method in ("GET", "HEAD") and not type_name else "body"
            rows = []
            names = [cell(row, roles, "name") for row in node.rows]
            # A table whose every row is a placeholder of the path is the path's parameters,
            # wherever a list label put it (`-  Request header`, then the URI's `Parameter
            # description` table, inside the Request section).
            path_table = section == "request" and not type_name and bool(names) and \
                all(name and "{" + name + "}" in path for name in names)
            for row in node.rows:
                where = location
                name = cell(row, roles, "name")
                if (where == "query" or path_table) and "{" + name + "}" in path:
                    where = "path"
                elif section == "uri" and where == "query" and method in _BODY_METHODS and \
                        parse_type(cell(row, roles, "type")).kind == "object":
                    # An object beside the URI of a POST/PUT (`direct_connect | Dictionary`):
                    # a query string carries no object; the body does.
                    where = "body"
                elif section == "request" and where in ("body", "query") and \
                        _HEADER_PARAM.match(name) and not (
                        name.islower() and _structured(row, roles)):
                    where = "header"
                field, found = row_to_field(row, roles, location=where)  # type: ignore[arg-type]
                for link in row.links:
                    target = linked_names.get(link_targets.get(link, -1))
                    if target:
                        field = replace(field, schema=_refer(field.schema, target))
                        break
                else:
                    if id(row) in row_types:
                        field = replace(field, schema=_refer(field.schema, row_types[id(row)]))
                    elif _holds_members(field.schema) or _free_map(field.schema) and row.links:
                        # A link to a label no table of this page has: a table of another
                        # page (Sphinx labels are global), found when the product is built.
                        # (`Dictionary` with a link: an object whose members the table lists.)
                        foreign = next((k for k in row.links if k not in link_targets), "")
                        if foreign and not _holds_members(field.schema):
                            field = replace(field, schema=replace(field.schema,
                                                                  additional_properties=None))
                        field = replace(field, link=foreign)
                # Each table is one object level; nesting goes through named types.
                field = replace(field, depth=0 if field.depth is None else field.depth)
                split, noted = alternatives(field)
                rows.extend(split)
                diagnostics.extend(found + noted)
            in_request = section in ("uri", "request")
            if not in_request and not type_name and _HEADER_CAPTION.search(node.caption or ""):
                # `Parameters in the response header`: headers of the response, not its body.
                rows = [replace(r, location="header") for r in rows]
            table = FieldTable(rows=tuple(rows), name=type_name,
                               status=0 if in_request else status, loc=node.loc,
                               anchor=link_key(node.anchor) if node.anchor else "")
            if type_name:
                types.append(table)
            elif section in ("uri", "request"):
                request.append(table)
            else:
                responses.append(table)
        elif isinstance(node, CodeBlock) and section == "uri" and not method and \
                "\n" not in node.text.strip() and \
                (request_line := _METHOD_LINE.match(node.text.strip())):
            # The URI section's request line printed as code (`.. code-block:: text`, then
            # `POST /v1.0/{project_id}/clusters/{cluster_id}/reset-password`).
            method, path = request_line.group(1).upper(), request_line.group(2)
        elif isinstance(node, CodeBlock):
            empty = _EMPTY_RESPONSE.match(node.text)
            if empty and 200 <= int(empty.group(1)) < 300:
                # The example response is a status alone: that status, and no body.
                bodiless.append(int(empty.group(1)))
            sample, found = read_sample(node, label)
            if sample.kind == "response":
                if empty:
                    sample = replace(sample, status=int(empty.group(1)))
                elif stated_status(node.text):
                    shown.add(sample.status)  # printed as an HTTP message with its status
                else:
                    sample = replace(sample, status=status)
            samples.append(sample)
            diagnostics.extend(found)
    if says_no_body and not any(200 <= t.status < 300 for t in responses) and not any(
            s.kind == "response" for s in samples):
        # `Response` / `None`: the success response has no body (the status the page states,
        # the status table's success status, or 200).
        bodiless.append(next((c for c in (*documented, status) if 200 <= c < 300), 200))
    success = sorted(set(documented) | set(bodiless))
    if not status_stated and not shown and len(success) == 1 and success[0] != 200:
        # The prose names no status code; the status table (or the bodiless example) names
        # one success status: the response tables document that one.
        responses = [replace(t, status=success[0]) if t.status == 200 else t for t in responses]
    if not status_stated and len(shown) == 1:
        # The prose names no status code; the sample printed as an HTTP message does
        # (`HTTP/1.1 201 Created`): the documented response is that one.
        code = shown.pop()
        responses = [replace(t, status=code) if t.status == 200 else t for t in responses]
    if not method and bare_method:
        method, path, where = _uri_from_samples(samples, bare_method)
        if method:
            diagnostics.append(Diagnostic("info", "uri-from-sample", "the URI section gives no "
                                          f"`METHOD /path` line; {method} {path} is taken from "
                                          "the example request", where))
    title = _operation_id(doc, page)
    # Without a URI section and a URI, the page documents no operation ("Making an API
    # Request", "Common Parameters"): no name, and the pipeline skips it with a note.
    if CJK.search(title):
        named = operation_name_from_uri(method, path)
    else:
        named = operation_name(title, method, path) or operation_name_from_uri(method, path)
    op_id = named or title if method or saw_uri_section else ""
    language = language_of(" ".join(texts[:20]))
    if not method and op_id:
        diagnostics.append(Diagnostic("error", "no-uri", "the page gives no `METHOD /path` line",
                                      SourceLoc(page, 1)))
    diagnostics = [replace(d, operation=op_id) for d in diagnostics]
    return PageExtract(
        page=page, conventions=CONVENTIONS, language=language, operation_id=op_id, style="rest",
        methods=(method,) if method else (), path=path,
        summary=((language, title),),
        description=((language, summary),) if summary else (),
        request=tuple(request), responses=tuple(responses), types=tuple(types),
        samples=tuple(samples), diagnostics=tuple(diagnostics), loc=SourceLoc(page, 1),
        success=tuple(success), bodiless=tuple(sorted(set(bodiless))))


def _structured(row, roles: dict[str, int]) -> bool:
    """Whether a row's type is an object or a list. A lower-case `accept | Object` (the
    acceptance of a transfer) is a body field, not the `Accept` header, whose value is a
    string; a name written as headers are (`Content-Type | Object`) stays a header."""
    cell = row.cells[roles["type"]] if roles.get("type", 99) < len(row.cells) else ""
    return parse_type(cell).kind in ("object", "array")


def _status_table(table: Table) -> bool:
    """A table of status codes (`Status Code | Description`): its first column says so."""
    return bool(table.header) and "status" in table.header[0].lower() and \
        "code" in table.header[0].lower()


def _success_statuses(table: Table) -> list[int]:
    found = []
    for row in table.rows:
        match = _STATUS_CELL.match(row.cells[0]) if row.cells else None
        if match and 200 <= int(match.group(1)) < 300:
            found.append(int(match.group(1)))
    return found
