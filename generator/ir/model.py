"""The intermediate representation: what a set of doc pages says about an API.

Everything is a frozen, slotted dataclass with tuples instead of lists, so passes return new
values (`dataclasses.replace`) and two runs over the same pages compare equal. Every node keeps
the `SourceLoc` of the row or sample it came from, so any finding can point back into the page.
Output switches (Python version, naming style) are emitter options and never live here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..location import SourceLoc
from .conventions import GENERIC_REST, Conventions

Kind = Literal["string", "integer", "number", "boolean", "object", "array", "any"]
ParamIn = Literal["query", "path", "header", "body", "formData"]
Encoding = Literal["plain", "flat-list", "json-string"]
Severity = Literal["error", "warning", "info"]

Localized = tuple[tuple[str, str], ...]
"""(language, text) pairs, languages in first-seen order: `(("en", "..."), ("zh", "..."))`."""


def localized_get(texts: Localized, lang: str = "en") -> str:
    """The text in `lang`, else the first one."""
    for code, text in texts:
        if code == lang:
            return text
    return texts[0][1] if texts else ""


def localized_add(texts: Localized, lang: str, text: str) -> Localized:
    """`texts` with `text` for `lang` unless that language already has a text."""
    text = text.strip()
    if not text or any(code == lang for code, _ in texts):
        return texts
    return (*texts, (lang, text))


@dataclass(frozen=True, slots=True)
class Schema:
    """A JSON value's documented shape; mirrors the JSON Schema keywords it becomes."""

    kind: Kind = "any"
    description: Localized = ()
    format: str = ""
    """An asserted format (date-time, int64, ...): only kept when every doc sample satisfies it."""
    format_hints: tuple[str, ...] = ()
    """Formats the prose claims but the docs' own samples break (masked IPs, demo UUIDs)."""
    enum: tuple[Any, ...] = ()
    properties: tuple[tuple[str, Schema], ...] = ()
    required: tuple[str, ...] = ()
    items: Schema | None = None
    additional_properties: Schema | None = None
    """A dictionary's values (`Map<String,String>`, a sample keyed by IDs): the keys are data,
    not documented fields."""
    ref: str = ""
    """Name of a product-level named type this schema stands for (Huawei `IkePolicy`)."""
    minimum: int | float | None = None
    maximum: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    forbidden_prefixes: tuple[str, ...] = ()
    """"cannot start with http:// or https://" becomes `not: {pattern: ^(http://|https://)}`."""
    default: Any = None
    has_default: bool = False
    examples: tuple[Any, ...] = ()
    content_media_type: str = ""
    """For a string that carries a JSON document (Alibaba `IkeConfig`)."""
    content_schema: Schema | None = None
    one_of: tuple[Schema, ...] = ()
    """Alternatives (several pages documenting one method and path with different bodies,
    told apart by their keys): a value satisfies exactly one."""
    overlapping: bool = False
    """The alternatives need not exclude each other (responses of several pages joined on one
    method and path: nothing in a response says which page's body it is, and a body may fit
    more than one; request bodies that `identity.exclusive` cannot tell apart): a value
    satisfies at least one (`anyOf`, not `oneOf`)."""
    inferred: bool = False
    """True when the shape comes from a sample, not from a documented table."""
    also_kinds: tuple[str, ...] = ()
    """Further JSON types the docs' own samples use for this field (documented `Long`, sample
    `"86400"`): the schema accepts them too, and a diagnostic says so."""
    type_text: str = ""
    """The type exactly as the page spells it (`Array of IpsecServer`), for messages."""
    loc: SourceLoc | None = None
    also_locs: tuple[SourceLoc, ...] = ()
    """Other rows documenting the same field (another page of a merged operation)."""
    see: tuple[str, ...] = ()
    """Sentences of the description that only point at the page's own tables ("For details,
    see Table 3."): out of the description, where they lead nowhere; kept as provenance."""

    def property(self, name: str) -> Schema | None:
        for key, sub in self.properties:
            if key == name:
                return sub
        return None


FLAT_LIST_SPELLED = 100
"""Indices an OpenAPI document spells out per flattened list (`Tag.1` ... `Tag.100`), whatever
N the docs allow ("N ranges from 1 to 100000" would write a 50 MB document); the documented
limit stays in the contract, and `docs2spec validate` checks lists of any length."""


def schema_locs(schema: Schema | None, depth: int = 0) -> list[SourceLoc]:
    """Where a schema and everything below it were read (its rows, and the other pages' rows
    documenting the same field), outermost first: what a finding names when it leaves the
    schema out."""
    if schema is None or depth > 64:
        return []
    out = [loc for loc in (schema.loc, *schema.also_locs) if loc is not None]
    for _, sub in schema.properties:
        out += schema_locs(sub, depth + 1)
    for sub in (schema.items, schema.additional_properties, schema.content_schema, *schema.one_of):
        out += schema_locs(sub, depth + 1)
    return out


@dataclass(frozen=True, slots=True)
class Parameter:
    """One request parameter."""

    name: str
    """The wire name; for flattened lists the base name (`Tag`, `IpsecServerId`)."""
    location: ParamIn
    schema: Schema
    required: bool = False
    encoding: Encoding = "plain"
    """`flat-list`: sent as `Name.N` / `Name.N.Key`; `json-string`: a JSON document in a string."""
    loc: SourceLoc | None = None


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """A row of a page's error-code table."""

    status: int
    code: str
    message: str = ""
    description: Localized = ()
    loc: SourceLoc | None = None
    also_locs: tuple[SourceLoc, ...] = ()
    """The same code documented on another page of a merged operation."""


@dataclass(frozen=True, slots=True)
class Sample:
    """A sample from the page, parsed when it can be."""

    kind: Literal["response", "error", "request"]
    syntax: Literal["json", "xml", "url", "text"]
    text: str
    value: Any = None
    """The parsed JSON value (XML samples: converted by the documented shape)."""
    status: int = 200
    title: str = ""
    loc: SourceLoc | None = None
    guessed_closers: bool = False
    """The JSON lost closing brackets and they were put back at the end: where each object
    really ended is a guess, weaker evidence than a sample that reads as printed."""
    foreign: bool = False
    """A call of another API the example shows as a step (`Step 1: apply for an EIP`, then
    `POST /v1/{project_id}/publicips`), or that call's response: kept as text, never used to
    shape or check this operation."""


@dataclass(frozen=True, slots=True)
class Change:
    """A row of a page's change history."""

    date: str
    summary: str
    loc: SourceLoc | None = None


@dataclass(frozen=True, slots=True)
class Response:
    """A documented response of one status code."""

    status: int
    schema: Schema
    description: Localized = ()
    headers: tuple[tuple[str, Schema], ...] = ()
    """Response headers a table documents (`Parameters in the response header`): never
    fields of the body."""
    body: bool = True
    """False when the page documents this response without a body (`None (STATUS CODE 204)`,
    a 204): the contract has no content for it."""


@dataclass(frozen=True, slots=True)
class Operation:
    """One API operation, possibly merged from several pages (languages, revisions)."""

    id: str
    style: Literal["rpc", "rest"]
    methods: tuple[str, ...]
    path: str
    summary: Localized = ()
    description: Localized = ()
    parameters: tuple[Parameter, ...] = ()
    request_body: Schema | None = None
    responses: tuple[Response, ...] = ()
    errors: tuple[ErrorCode, ...] = ()
    samples: tuple[Sample, ...] = ()
    changes: tuple[Change, ...] = ()
    pages: tuple[str, ...] = ()
    loc: SourceLoc | None = None
    group: Localized = ()
    """The docs' group of the operation (the folder or section its pages sit in), per language:
    the OpenAPI tag and the site's navigation section. Empty when the pages are not grouped."""
    variants: tuple[str, ...] = ()
    """Names of operations documented on the same method and path by other pages (action
    APIs: one path, a body whose top-level key names the action); their bodies and responses
    are alternatives (`Schema.one_of`) of this one."""
    conventions: Conventions = GENERIC_REST
    """The documentation style the pages follow, as data: it decides the error envelope (an
    Alibaba ROA operation is REST on the wire but answers errors as Alibaba RPC operations do),
    the common parameters and the security schemes."""

    @property
    def dialect(self) -> str:
        return self.conventions.name

    def success(self) -> Response | None:
        for response in self.responses:
            if 200 <= response.status < 300:
                return response
        return None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A recoverable finding about the input or a decision the tool made.

    A message is at most `MESSAGE_CHARS` characters: one that quotes more of the page (a
    15 KB path template, a huge cell) keeps its start and end around `[N characters cut]`;
    the cut text stays in the page at `loc`. Why: findings quote what they are about, and a
    page can hold one long value with hundreds of findings about it (`{p}/{p}/...`), each
    quoting it whole, which made the report grow with the square of the page.
    """

    severity: Severity
    code: str
    """Stable identifier, e.g. `nesting-guess`, `constraint-dropped`, `row-skipped`."""
    message: str
    loc: SourceLoc | None = None
    related: tuple[SourceLoc, ...] = ()
    """Other places the finding names (the sample that contradicts a row)."""
    operation: str = ""

    def __post_init__(self) -> None:
        if len(self.message) > MESSAGE_CHARS:
            object.__setattr__(self, "message", clip_message(self.message))


MESSAGE_CHARS = 1000
"""The longest diagnostic message; the bundled pages' longest is about 300 characters."""


def clip_message(message: str, limit: int = MESSAGE_CHARS) -> str:
    """`message` in at most `limit` characters: two thirds from its start, the rest from its
    end, and how many characters were cut between them."""
    if len(message) <= limit:
        return message
    head = limit * 2 // 3
    tail = limit - head - 40  # room for the marker
    cut = len(message) - head - tail
    return f"{message[:head]} … [{cut} characters cut] … {message[len(message) - tail:]}"


@dataclass(frozen=True, slots=True)
class Server:
    url: str
    description: str = ""
    variables: tuple[tuple[str, str], ...] = ()
    """(name, default) for each `{name}` in the URL."""


@dataclass(frozen=True, slots=True)
class Product:
    """Everything known about one product of one provider."""

    provider: str
    name: str
    title: str
    version: str
    style: Literal["rpc", "rest"]
    servers: tuple[Server, ...] = ()
    operations: tuple[Operation, ...] = ()
    types: tuple[tuple[str, Schema], ...] = ()
    """Named object types (Huawei `Table 6 IkePolicy`), referenced by `Schema.ref`."""
    diagnostics: tuple[Diagnostic, ...] = ()
    pages: tuple[str, ...] = field(default_factory=tuple)

    def operation(self, op_id: str) -> Operation | None:
        for op in self.operations:
            if op.id == op_id:
                return op
        return None


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One documented field exactly as a table row gives it, before nesting is worked out.

    Alibaba pages list nested response fields flat after their parent; only `reconcile` (with
    the page's samples) can tell where a child list ends, so dialects hand over rows, not trees.
    """

    name: str
    """The wire name; empty for nameless rows (the root `object`, an array's item type)."""
    schema: Schema
    """The row's own facts: kind, format, prose constraints, description, example."""
    required: bool | None = None
    container: bool = False
    """True when later rows may be this row's children (objects, arrays of objects)."""
    depth: int | None = None
    """Nesting level when the page shows it (HTML indentation); None for flat tables."""
    location: ParamIn | None = None
    """For request rows: where the parameter goes."""
    loc: SourceLoc | None = None
    link: str = ""
    """A link from the row to a table on another page (a Sphinx label, which is global to the
    documentation project): that table documents the row's members (`ir/crosslinks.py`)."""


@dataclass(frozen=True, slots=True)
class FieldTable:
    """A table of fields: request parameters, a response body, or a named object type."""

    rows: tuple[FieldRow, ...]
    name: str = ""
    """For named types: the type name (`IkePolicy`); empty otherwise."""
    status: int = 200
    """For response tables: the status code they document."""
    loc: SourceLoc | None = None
    anchor: str = ""
    """The label other pages link to this table by (`sources.tree.link_key` spelling)."""


@dataclass(frozen=True, slots=True)
class PageExtract:
    """What a dialect read from one page; `reconcile` turns one or more into an Operation."""

    page: str
    conventions: Conventions
    """The documentation style that read the page, as data (see `ir/conventions.py`)."""
    language: str
    operation_id: str
    style: Literal["rpc", "rest"]
    methods: tuple[str, ...] = ()
    path: str = ""
    summary: Localized = ()
    description: Localized = ()
    request: tuple[FieldTable, ...] = ()
    """Parameter tables; Huawei body tables have rows with location `body`."""
    responses: tuple[FieldTable, ...] = ()
    types: tuple[FieldTable, ...] = ()
    """Named object tables (Huawei `Table 6 IkePolicy`)."""
    samples: tuple[Sample, ...] = ()
    errors: tuple[ErrorCode, ...] = ()
    changes: tuple[Change, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    loc: SourceLoc | None = None
    version: str = ""
    """The API version the page states (an OpenAPI Explorer link's `version=2016-04-28`)."""
    group: str = ""
    """The docs' group the page sits in (`IPsec服务端`, `Security Group`), from where it is
    saved (`generator/groups.py`); empty for a flat folder of pages."""
    layout: int = 0
    """How new the page's layout is by its dialect's reading (`Conventions.newer_layout_columns`):
    1 for the newer layout, 0 for the older one or when the dialect cannot tell."""
    order: int = 0
    """The page's place in the docs' reading order (their table of contents,
    `generator/groups.py`); 0 when unknown (pages given one by one)."""
    success: tuple[int, ...] = ()
    """Success statuses the page documents besides its response tables (a status-code table,
    an example response `None (STATUS CODE 204)`)."""
    bodiless: tuple[int, ...] = ()
    """Success statuses the page documents as having no body (`None (STATUS CODE 204)`)."""

    @property
    def dialect(self) -> str:
        return self.conventions.name
