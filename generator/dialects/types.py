"""The type vocabulary of API reference tables, in every spelling the vendors use.

Type cells say `string`, `String`, `Long`, `object []`, `array<object>`, `Array of IpsecServer`,
`RepeatList`, `Struct`, `Array of ResponseVpnConnection objects`, `IkePolicy object`, ...
`parse_type` turns any of them into a `TypeSpec`: a JSON kind, an optional format, and for
lists what their items are. Unknown spellings come back with `known=False` so the dialect can
emit a diagnostic instead of guessing silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .prose.references import split_references

_SCALARS: dict[str, tuple[str, str]] = {
    "string": ("string", ""),
    "str": ("string", ""),
    "char": ("string", ""),
    "text": ("string", ""),
    "date": ("string", ""),
    "datetime": ("string", ""),
    "timestamp": ("string", ""),
    "integer": ("integer", "int32"),
    "int": ("integer", "int32"),
    "int32": ("integer", "int32"),
    "short": ("integer", "int32"),
    "long": ("integer", "int64"),
    "int64": ("integer", "int64"),
    "number": ("number", ""),
    "float": ("number", "float"),
    "double": ("number", "double"),
    "bigdecimal": ("number", ""),
    "boolean": ("boolean", ""),
    "bool": ("boolean", ""),
    "object": ("object", ""),
    "struct": ("object", ""),
    "map": ("object", ""),
    "json": ("object", ""),
    "dict": ("object", ""),
    "any": ("any", ""),
    "array": ("array", ""),
    "list": ("array", ""),
    "repeatlist": ("array", ""),
    "jsonarray": ("array", ""),
    "jsonobject": ("object", ""),
    "datastructure": ("object", ""),
    "varchar": ("string", ""),
    "longinteger": ("integer", "int64"),
}

_ARRAY_OF = re.compile(r"^(?:array|list)\s*(?:of\s+|<\s*)(?P<inner>[^<>]{1,200}?|[^<>]{1,40}<[^<>]{1,100}>[^<>]{0,20})"
                       r"\s*>?$", re.I)
_SIZED = re.compile(r"^(?P<base>[A-Za-z]{2,20})\s*[(（]\s*(?P<inner>[^()（）]{1,80}?)\s*[)）]$")
"""`String(64)` (at most 64 characters), `List (NAT gateways)`, `Array(Object)`."""
_MAP = re.compile(r"^(?:map|dict|hashmap)\s*<\s*(?P<key>[^,<>]{1,40}?)\s*(?:,\s*(?P<value>[^<>]{1,60}?|[A-Za-z]{2,20}\s*<[^<>]{1,60}>)\s*)?>"
                  r"\s*(?P<tail>[^<>]{0,60})$", re.I)
"""`Map<String,String>`, `Map<String, Object>`, `Map<String>string`, `Map<String,String> objects`."""
_WORDED_MAP = re.compile(r"^(?P<key>[A-Za-z]{2,20})\s+to\s+(?P<value>[A-Za-z]{2,20})\s+(?:map|dict(?:ionary)?)$",
                         re.I)
"""`String to string map`: a dictionary named by its key and value types."""
_POSTFIX_LIST = re.compile(r"^(?P<inner>[A-Za-z_]\w{0,60}|(?:[A-Za-z_]\w{0,40}\s+){1,4}structure)"
                           r"\s+(?:array|list)$", re.I)
"""`String array`, `String list`, `Tags structure array`: the item type, then the word."""
_NAMED_STRUCTURE = re.compile(r"^(?P<name>[A-Za-z_]\w{0,40}(?:\s+[A-Za-z_]\w{0,40}){0,3})\s+structure$",
                              re.I)
"""`Subscription structure`: an object of the type the word names (`Data structure` is the
plain word for an object, among the scalars)."""
_PAREN_MAP = re.compile(r"^(?:map|dict)\s*\(\s*(?P<key>[A-Za-z]{2,20})\s*[:,]\s*"
                        r"(?P<value>[A-Za-z]{2,20})\s*\)$", re.I)
"""`Dict(str:str)`, `Map(String,String)`: a dictionary named by its key and value types."""
_TRAILING_BRACKETS = re.compile(r"^(?P<inner>[^\[\]]{1,200}?)\s*\[\s*\]$")
_NAMED_OBJECT = re.compile(r"^(?P<name>[A-Za-z_][\w.]{0,120})\s+objects?$")
_PLURAL_OBJECTS = re.compile(r"^(?P<name>[A-Za-z_][\w.]{0,120})\s+objects$")
_IDENT = re.compile(r"^[A-Za-z_][\w.]{0,120}$")
_WORDED_OBJECT = re.compile(r"^(?P<list>(?:array|list) of\s+)?[^<>{}\[\]]{1,160}?\s+objects?$",
                            re.I)
"""`Table6 Data structure of the nodeTemplate field object`: the words of a link to a table
(often on another page) naming an object type; the object's members are that table's."""


@dataclass(frozen=True, slots=True)
class TypeSpec:
    """What a type cell means."""

    kind: str
    """string, integer, number, boolean, object, array or any."""
    format: str = ""
    """int32/int64/float/double where the spelling says so."""
    items: TypeSpec | None = None
    """For arrays: the element type."""
    ref: str = ""
    """A named type the cell points to (`IkePolicy`, `IpsecServer`)."""
    known: bool = True
    """False when the spelling is not in the vocabulary (then kind is `any`)."""
    max_length: int | None = None
    """A sized string (`String(64)`)."""
    values: TypeSpec | None = None
    """For dictionaries (`Map<String,String>`): the type of every value."""


_NOT_STATED = frozenset({"n/a", "na", "-", "--", "\u2014", "/", "none", "无", "不涉及"})


_POINTER_HINT = re.compile(r"\b(?:see|refer to)\s+(?:the\s+)?(?:table|figure)|参见|请见|详见", re.I)
"""A type cell that may carry a pointer sentence besides the type."""


_STRUCTURE = re.compile(r"^(list|array|dictionary|dict)\s+data\s+structures?\.?$", re.I)
"""Types named by what the structure is (`List data structure`), the members in a table."""


def type_not_stated(cell: str) -> bool:
    """A type cell that says there is no type to give (`N/A`, `-`, `None`): as if empty."""
    return " ".join(cell.split()).lower() in _NOT_STATED


_MAP_OPEN = re.compile(r"^(?:map|dict|hashmap)\s*<", re.I)


def _nested_map(text: str) -> TypeSpec | None:
    """`Map<String,Map<String,Array<String>>>`: a dictionary whose values are themselves a
    generic type (another map, a list of a map), which the flat pattern cannot hold; the
    brackets are matched, the value type read the same way. None when the text is no such
    map (a flat `Map<String,String>` is left to the pattern)."""
    opening = _MAP_OPEN.match(text)
    if not opening:
        return None
    depth, comma, end = 1, -1, -1
    for i in range(opening.end(), len(text)):
        char = text[i]
        if char == "<":
            depth += 1
        elif char == ">":
            depth -= 1
            if depth == 0:
                end = i
                break
        elif char == "," and depth == 1 and comma < 0:
            comma = i
    if end < 0 or comma < 0 or text[end + 1:].strip():
        return None
    value_text = text[comma + 1:end].strip()
    if "<" not in value_text:
        return None
    value = parse_type(_generic_inner(value_text))
    return TypeSpec("object", values=value if value.known else TypeSpec("any"))


def _generic_inner(text: str) -> str:
    """`Array<String>` as the array spelling the rest of the reader knows (`Array of String`);
    anything else unchanged."""
    match = re.match(r"^(array|list)\s*<(?P<inner>.*)>$", text, re.I)
    return f"Array of {match.group('inner').strip()}" if match else text


_SQUARE_GENERIC = re.compile(r"^(?:array|list)\s*\[(?P<inner>[^\[\]]*[A-Za-z][^\[\]]*)\]$", re.I)
"""`array[string]`, `array[int]`: the item type in square brackets (as `Array<String>`)."""


def parse_type(cell: str) -> TypeSpec:
    """Read one type cell; never raises."""
    text = " ".join(cell.replace("\u00a0", " ").split())
    square = _SQUARE_GENERIC.match(text)
    if square:
        text = f"Array of {square.group('inner').strip()}"
    if not text:
        return TypeSpec("any", known=False)
    if len(text) <= 300 and _POINTER_HINT.search(text):
        # `Dictionary data structure. For details, see Table 3.`: the type, then a sentence
        # pointing at the members table (the row's link finds that table).
        rest, pointers = split_references(text)
        if pointers and rest:
            text = rest.rstrip(" .;")
    if text.lower() in ("map", "dict", "hashmap", "dictionary"):
        # A bare `Map`: a dictionary whose values the page does not type.
        return TypeSpec("object", values=TypeSpec("any"))
    structure = _STRUCTURE.match(text)
    if structure:
        # `List data structure`: a list of objects a table of its own documents;
        # `Dictionary data structure`: one such object.
        obj = TypeSpec("object")
        return obj if structure.group(1).lower().startswith("dict") else \
            TypeSpec("array", items=obj)
    scalar = _SCALARS.get(text.lower().replace(" ", ""))
    if scalar:
        return TypeSpec(scalar[0], scalar[1])
    worded_map = _WORDED_MAP.match(text) or _PAREN_MAP.match(text)
    if worded_map:
        # `String to string map`, `Dict(str:str)`: a dictionary, keys of the first type,
        # values of the second.
        value = parse_type(worded_map.group("value"))
        return TypeSpec("object", values=value if value.known else TypeSpec("any"))
    postfix = _POSTFIX_LIST.match(text)
    if postfix:
        inner = parse_type(postfix.group("inner"))
        if inner.known:
            return TypeSpec("array", items=inner if inner.kind != "array" else None)
    structure_named = _NAMED_STRUCTURE.match(text)
    if structure_named:
        words = structure_named.group("name").split()
        return TypeSpec("object", ref=words[0] + "".join(w[:1].upper() + w[1:] for w in words[1:]))
    nested = _nested_map(text)
    if nested is not None:
        return nested
    mapping = _MAP.match(text)
    if mapping:
        tail = re.sub(r"^\[\s*\]|\bobjects?$", "", mapping.group("tail")).strip()
        value = parse_type(mapping.group("value") or tail or "any")
        if mapping.group("tail").lstrip().startswith("["):
            value = TypeSpec("array", items=value)
        return TypeSpec("object", values=value if value.known else TypeSpec("any"))
    sized = _SIZED.match(text)
    if sized:
        base = parse_type(sized.group("base"))
        inner = sized.group("inner")
        if base.known and base.kind == "string" and inner.isdigit():
            return TypeSpec("string", max_length=int(inner))
        if base.known and base.kind in ("integer", "number", "boolean") and inner.isdigit():
            return base  # `Integer(11)`: a display width, no bound
        if base.known and base.kind == "array":
            items = parse_type(inner)
            # `List (NAT gateways)` names what the list holds in words: objects a table
            # documents; `Array(Object)`, `List(String)` give the items' type.
            return TypeSpec("array", items=items if items.known and " " not in inner.strip()
                            else None)
    match = _ARRAY_OF.match(text) or _TRAILING_BRACKETS.match(text)
    if match:
        inner_text = match.group("inner")
        plural = _PLURAL_OBJECTS.match(inner_text)
        inner = parse_type(plural.group("name") + " object" if plural else inner_text)
        return TypeSpec("array", items=inner, known=inner.known)
    named = _NAMED_OBJECT.match(text)
    if named:
        name = named.group("name")
        scalar = _SCALARS.get(name.lower())
        if scalar:
            return TypeSpec(scalar[0], scalar[1])
        if _PLURAL_OBJECTS.match(text):
            # `MasterSpec objects` without `Array of`: the plural says a list of them.
            return TypeSpec("array", items=TypeSpec("object", ref=name))
        return TypeSpec("object", ref=name)
    singular = text[:-1].lower() if text.lower().endswith("s") else ""
    if singular in _SCALARS:
        # `Array of strings`, `Array of integers`: a plural scalar, not a type named "strings".
        kind, fmt = _SCALARS[singular]
        return TypeSpec(kind, fmt)
    if _IDENT.match(text):
        # A bare type name such as `IpsecServer` inside `Array of IpsecServer`.
        return TypeSpec("object", ref=text)
    worded = _WORDED_OBJECT.match(text)
    if worded:
        return TypeSpec("array", items=TypeSpec("object")) if worded.group("list") else \
            TypeSpec("object")
    return TypeSpec("any", known=False)


def looks_like_type(cell: str) -> bool:
    """True when a cell is a known type spelling (used to spot nameless item rows)."""
    spec = parse_type(cell)
    return spec.known and not (spec.kind == "object" and spec.ref and " " not in cell.strip())
