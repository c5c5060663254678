"""A documentation dialect as data: the conventions a vendor's pages and wire follow.

Each dialect module (`generator/dialects/<vendor>.py`) states one `Conventions` record and hands
it over with every page it reads (`PageExtract.conventions`); the IR passes, the emitters and the
validator read the record's fields and never test a dialect's name. A third vendor is one
dialect module with its record plus one line in `generator/dialects/__init__.py`.
(jsonschema's dialects-as-data `create(meta_schema=..., validators=...)` is the model.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class ErrorEnvelope:
    """The body a vendor answers every error with, whatever the operation."""

    component: str
    """Its name among the OpenAPI document's component schemas."""
    code_field: str
    """The field that carries the error code (required: it is what tells errors apart)."""
    fields: tuple[tuple[str, str], ...]
    """(name, description) of every field, in the order documented."""


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    """How a vendor's requests are authenticated, as an OpenAPI `apiKey` scheme: the credential
    that travels in a named query parameter or header (signed requests carry the key id in the
    clear and the signature beside it, which OpenAPI cannot spell; the description says how)."""

    name: str
    """Its name among the document's `securitySchemes`."""
    location: Literal["query", "header"]
    parameter: str
    """The query parameter or header that carries the credential."""
    description: str
    styles: tuple[str, ...] = ("rpc", "rest")
    """The wire styles whose operations it applies to (RPC signs in the query, REST in a
    header)."""


@dataclass(frozen=True, slots=True)
class Conventions:
    """What one documentation style says once for all its pages, instead of on each page."""

    name: str
    """The dialect's name (`--dialect`, `product.toml`'s `dialect`, report.json): a label only."""
    provider: str
    """Default provider folder of the output (`alibabacloud`), when the user names none."""
    default_style: Literal["rpc", "rest"]
    """The wire style of a product whose pages do not say (RPC: `?Action=`; REST: method+path)."""
    error_envelope: ErrorEnvelope
    """The error body every operation of this vendor answers with."""
    common_parameters: frozenset[str] = frozenset()
    """Request parameters every operation takes (signing, naming the operation): never a page's
    own parameter, even when a sample request shows them."""
    accepted_parameters: frozenset[str] = frozenset()
    """Also accepted by every operation (account and routing), documented or not."""
    one_level_tables: bool = False
    """Each table documents one object level; nested objects are tables of their own (linked by
    type name or caption). Otherwise tables list nested fields flat and samples place them."""
    sample_query_adds_parameters: bool = False
    """A REST example request's query names parameters the tables may not list (they are
    added, inferred). False where sample queries also carry common parameters."""
    request_sample_places_query: bool = False
    """A REST request sample shows query parameters as JSON and so places flat rows."""
    one_item_lists_as_objects: bool = True
    """Samples may print a one-item list as a bare object (JSON converted from XML): a list the
    table documents stays a list and accepts the object too. False where samples are the JSON
    the API sends: an object where the table says a list is an object (the table is wrong)."""
    tables_complete: bool = False
    """The field tables list every field the API sends (they are generated from the API's own
    metadata, while samples are written by hand and show whatever one call returned, an
    instance "for reference" included): a key only a sample shows is reported, never added to
    a documented object. Otherwise a sample that covers the table extends it."""
    open_untabled_objects: bool = False
    """With one-level tables, an object row no members table documents (`metadata | Object`) is
    free-form: the keys its samples show are example values, not fields to add (the contract
    keeps it open and says so). False where samples place fields the tables list flat."""
    placeholder_rows: tuple[str, ...] = ()
    """Regular expressions (case-insensitive, whole cell) of table rows that stand for a group
    of parameters documented elsewhere ("common request parameters"): never a field."""
    newer_layout_columns: tuple[str, ...] = ()
    """Column roles (`dialects/tables.py`) whose presence in a page's field tables marks the
    newer of the layouts the vendor has printed its pages in (tables generated from the API's
    metadata that added an Example column). Several pages of one operation in one language are
    then revisions, not translations: pages of the older layout are superseded by the newer
    ones, not merged with them (what only they list goes to a diagnostic). Empty: every page of
    an operation is merged."""
    flat_list_marker: str = r"\.[Nn]"
    """How a flattened repeat list names its index in a parameter name (`Tag.N.Key`)."""
    security: tuple[SecurityScheme, ...] = ()
    """The vendor's real authentication; an operation accepts any one of the schemes that
    apply to its wire style."""


GENERIC_REST = Conventions(
    name="", provider="api", default_style="rest",
    error_envelope=ErrorEnvelope("Error", "code", (
        ("code", "The error code."), ("message", "The error message."))),
)
"""For operations built without a dialect (tests, hand-made IR): a plain REST error body."""
