"""IR -> one module of Pydantic v2 models per product, written by datamodel-code-generator.

Why models at all: the JSON Schemas say what the docs promise; the models let Python code build
requests and read responses with those promises checked (`from
generated.alibabacloud.vpc.models import ListIpsecServersResponse`). Why this shape:

- One datamodel-code-generator call per product, on one JSON Schema document built in memory
  (no subprocess, no files, no network): `$defs` holds `<Op>Request` (every parameter keyed by
  its wire name, a request body under `body`), `<Op>Response` (the success body), the product's
  named types, and every nested object, hoisted under a name derived from its path
  (`DescribeVpnConnectionsResponseVpnConnectionItemIkeConfig`; an XML-style wrapper object
  adds no segment, a list item adds `Item`). The names are chosen here, not by the generator's
  first-come numbering, so adding an operation never renames another operation's classes, and
  two `IkeConfig` objects never meet. `REQUESTS`/`RESPONSES` map operation ids to classes.
- Wire names stay aliases; attributes are snake_case. Data is read by wire name only
  (`model_validate`, `model_validate_json`: what users call on captured bodies), so an
  undocumented key spelt like an attribute (`tags` beside the documented `Tags`) stays an
  undocumented key and the body round-trips; code builds models by attribute or wire name
  (`Model(region_id=...)`, nested dicts included). Every class derives from `WireModel`
  (`_WIRE_MODEL`, written into each module): its `__init__` marks the call as construction
  (a validation context) and a wrap validator maps attribute names to wire names only then.
  Why not Pydantic's own switches: `populate_by_name` reads wire data by name too, and with
  it `model_validate(..., by_name=False)` still marks the field as set (an extra key counts in
  `model_fields_set` under the attribute's name), while `model_validate_json` drops such a key;
  `validate_by_name` alone loses construction by name; `by_name=True` in a custom `__init__`
  is lost inside wrap validators, and a custom `__init__` is what `model_validate` then calls
  (unless marked `__pydantic_base_init__`, as pydantic's own `RootModel.__init__` is).
- Strict scalars: `"86400"` is not an integer and `0` is not a boolean. Extra fields are
  allowed and kept, because a field the docs forgot is a doc bug, not a broken response. Every
  doc sample round-trips: `M.model_validate(s).model_dump(by_alias=True, exclude_unset=True)`.
- Only what a model can check is passed on: `x-docs2spec-*` annotations, formats (a `date-time`
  would turn strings into `datetime`), `not: {pattern}`, examples and `contentMediaType` are left
  out. A string that carries a JSON document (`IkeConfig`) stays `str` on the request; its
  documented content gets a model of its own under the field's path name, to build the string.
  A number is `StrictInt | StrictFloat`, so `1` stays `1`.
- Output is byte-stable: no timestamp, `ruff format` at a pinned version with this package's
  `modelformat/ruff.toml` (no black/isort/pyproject settings of whoever runs it), names and order taken
  from the IR. ruff rather than datamodel-code-generator's built-in formatter: the built-in one
  (pure Python, tokenize-based) took two thirds of the models' time, ruff a few milliseconds
  (`python benchmarks/bench_build.py` prints the share).
"""

from __future__ import annotations

import ast
import builtins
import json
import keyword
import re
import unicodedata
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..ir.model import Operation, Product, Schema
from ..location import INVISIBLE
from .cache import cached_text
from .jsonschema import schema_to_json
from .names import class_part, free_item_name, property_path

DEFS = "#/$defs/"
RPC_IMPLICIT = ("Action", "Version")
"""Sent with every RPC call; the OpenAPI document states them; the models leave them out."""

RESERVED = frozenset({
    # names the generated module imports or defines
    "Any", "Annotated", "BaseModel", "ConfigDict", "Field", "Literal", "Model", "Optional",
    "RootModel", "StrictBool", "StrictBytes", "StrictFloat", "StrictInt", "StrictStr", "Union",
    "REQUESTS", "RESPONSES", "List", "Dict", "Set", "Tuple", "Type", "Enum", "WireModel",
    "ValidationInfo", "JsonInt",
    # capitalised keywords and builtins a class must not shadow
    "None", "True", "False", "Ellipsis", "NotImplemented", "Exception", "BaseException",
})
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(map(chr, INVISIBLE)) + "]")
"""Dropped from docstrings: controls, bidi and line-separator characters (`INVISIBLE`)."""


def _text(texts) -> str:
    """The first language's text (as the JSON Schema `description`), safe in a docstring or a
    string literal: line breaks normalised, control characters dropped."""
    if not texts:
        return ""
    text = texts[0][1].replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()


def _clean(text: Any) -> str:
    """A JSON Schema `description` safe in a docstring or a string literal."""
    if not isinstance(text, str) or not text:
        return ""
    return _text([("", text)])


def _kinds(node: dict[str, Any]) -> list[str]:
    kind = node.get("type", "any")
    kinds = list(kind) if isinstance(kind, list) else [kind]
    if "properties" in node and kinds[0] == "any":
        kinds[0] = "object"
    return kinds


def _is_ref(node: dict[str, Any]) -> bool:
    """A reference to a named type (a one-item list the docs show as a bare object copies its
    item's `$ref` next to its `type`: that node is the list, not a reference)."""
    return "$ref" in node and "type" not in node


class _Builder:
    """Builds the combined document; every class name is claimed once, in IR order.

    The input is the canonical translation (`jsonschema.schema_to_json`), the same JSON Schema
    the contract files and OpenAPI carry; this class only hoists objects into named classes and
    keeps what a model can check.
    """

    def __init__(self, product: Product) -> None:
        self.product = product
        self.named = frozenset(name for name, _ in product.types)
        self.defs: dict[str, dict[str, Any]] = {}
        self.taken: set[str] = set(RESERVED)
        self.types: dict[str, str] = {}
        self.nullable: set[str] = set()
        self.operations: dict[str, tuple[str, str]] = {}
        self.fields: dict[str, list[str]] = {}
        """Class name -> its fields' wire names, for choosing attribute names (`field_names`)."""

    def json(self, schema: Schema, top: bool = False) -> dict[str, Any]:
        return schema_to_json(schema, DEFS, self.named, top=top)

    def claim(self, base: str) -> str:
        name = base if base[:1].isalpha() else f"Model{base}"
        candidate, n = name, 1
        while candidate in self.taken or keyword.iskeyword(candidate):
            n += 1
            candidate = f"{name}{n}"
        self.taken.add(candidate)
        return candidate

    def build(self) -> dict[str, Any]:
        for op in self.product.operations:
            base = class_part(op.id) or "Operation"
            self.operations[op.id] = (self.claim(f"{base}Request"), self.claim(f"{base}Response"))
        for name, _ in self.product.types:
            self.types[name] = self.claim(class_part(name) or "Type")
        # A named object type every use of which may be null (`slow_start` documented as an
        # object, `null` in the samples): the class is the object, each use says `| None`, so
        # the type's name goes to its class instead of to a root model wrapping `SlowStart2`.
        self.nullable = {name for name, schema in self.product.types
                         if schema.kind == "object" and schema.properties
                         and "null" in schema.also_kinds}
        for op in self.product.operations:
            request, response = self.operations[op.id]
            self.defs[request] = self._request(op, request)
            self.defs[response] = self._response(op, response)
        for name, schema in self.product.types:
            cls = self.types[name]
            node = self.json(schema, top=True)
            if name in self.nullable:
                node["type"] = "object"
            self.defs[cls] = self._root(node, cls)
            text = _clean(node.get("description"))
            if text and "description" not in self.defs[cls]:
                self.defs[cls]["description"] = text
        return {"$schema": "https://json-schema.org/draft/2020-12/schema",
                "$defs": dict(self.defs)}

    def _request(self, op: Operation, name: str) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for index, param in enumerate(op.parameters):
            if (op.style == "rpc" and param.name in RPC_IMPLICIT) or param.name in properties:
                continue
            properties[param.name] = self.convert(self.json(param.schema),
                                                  name + self._part(param.name, index))
            if param.required or param.location == "path":
                required.append(param.name)
        if op.request_body is not None:
            key = "body" if "body" not in properties else "request_body"
            properties[key] = self.convert(self.json(op.request_body), f"{name}Body")
            if op.request_body.required:
                required.append(key)
        self.fields[name] = list(properties)
        out: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            out["required"] = required
        summary = _text(op.summary)
        out["description"] = (f"{_text([('', op.id)])} request: every parameter, keyed by its "
                              "wire name." + (f"\n\n{summary}" if summary else ""))
        return out

    def _response(self, op: Operation, name: str) -> dict[str, Any]:
        success = op.success()
        out = self._root(self.json(success.schema, top=True), name) if success \
            else {"type": "object"}
        status = f" ({success.status})" if success else ""
        out["description"] = f"{_text([('', op.id)])} response{status}: the success body."
        return out

    def _root(self, node: dict[str, Any], name: str) -> dict[str, Any]:
        """A schema that gets `name` itself: an object becomes that class; anything else a
        root model."""
        if "properties" in node and node.get("type", "object") == "object":
            return self._object(node, name)
        out = self.convert(node, name, top=True)
        out.pop("description", None)
        return out

    def _part(self, key: str, index: int) -> str:
        return class_part(key) or f"Field{index + 1}"

    def _object(self, node: dict[str, Any], name: str, prefix: str = "",
                wrapper: str = "") -> dict[str, Any]:
        """Properties' classes are named `prefix` (default: `name`) + the property name; the
        list inside an XML-style wrapper whose path is `wrapper` as `wrapped_list_name` says."""
        properties: dict[str, Any] = {}
        prefix = prefix or name
        for index, (key, sub) in enumerate(node.get("properties", {}).items()):
            properties[key] = self.convert(
                sub, property_path(prefix, key, index, wrapper, self.taken), prefix)
        self.fields[name] = list(properties)
        out: dict[str, Any] = {"type": "object", "properties": properties}
        required = [key for key in dict.fromkeys(node.get("required", ())) if key in properties]
        if required:
            out["required"] = required
        return out

    def convert(self, node: dict[str, Any], path: str, parent: str = "",
                top: bool = False) -> dict[str, Any]:
        """One field's schema; objects with properties become `$ref`s to classes named `path`
        (`parent` is the path of the object the field is in)."""
        description = _clean(node.get("description"))
        ref = node.get("$ref", "")
        if _is_ref(node) and not top and ref.removeprefix(DEFS) in self.types:
            out: dict[str, Any] = {"$ref": DEFS + self.types[ref.removeprefix(DEFS)]}
            if ref.removeprefix(DEFS) in self.nullable:
                out = {"anyOf": [out, {"type": "null"}]}
        else:
            out = self._typed(node, path, parent)
        if description:
            out["description"] = description
        return out

    def _typed(self, node: dict[str, Any], path: str, parent: str) -> dict[str, Any]:
        kinds = _kinds(node)
        if "any" in kinds:
            return {}
        values = node.get("enum", [])
        enum = [v for v in values if v is None or isinstance(v, (str, int))]
        if enum and len(enum) == len(values) and all(
                kind in ("string", "integer", "number", "boolean") for kind in kinds):
            out: dict[str, Any] = {"enum": list(dict.fromkeys(enum))}
            if "default" in node and _fits(node["default"], kinds) and node["default"] in enum:
                out["default"] = node["default"]
            return out
        branches = [self._kind(node, kinds[0], path, parent)]
        branches += [_bare(kind) for kind in kinds[1:]]
        out = branches[0] if len(branches) == 1 else {"anyOf": branches}
        if "default" in node and _fits(node["default"], kinds):
            out["default"] = node["default"]
        return out

    def _kind(self, node: dict[str, Any], kind: str, path: str, parent: str) -> dict[str, Any]:
        """The documented kind with the constraints a model can check."""
        if kind == "object":
            properties = node.get("properties") or {}
            if not properties:
                return {"type": "object"}
            name = self.claim(path)
            self.defs[name] = {}
            # An XML-style wrapper (`VpnConnections: {VpnConnection: [...]}`) adds no segment to
            # its list's item class: `...VpnConnectionItem`, not `...VpnConnectionsVpnConnection...`
            only = next(iter(properties.values())) if len(properties) == 1 else None
            wrapper = parent and only is not None and _kinds(only)[0] == "array"
            self.defs[name] = self._object(node, name, parent if wrapper else name,
                                           wrapper=path if wrapper else "")
            return {"$ref": DEFS + name}
        out = _bare(kind)
        if kind == "array":
            if node.get("items"):  # `items: {}` (any) says no more than no `items`
                out["items"] = self.convert(node["items"], free_item_name(path, self.taken))
            _limits(out, (("minItems", node.get("minItems")), ("maxItems", node.get("maxItems"))))
        elif kind == "string":
            _limits(out, (("minLength", node.get("minLength")),
                          ("maxLength", node.get("maxLength"))))
            content = node.get("contentSchema")
            if content is not None and content.get("properties"):
                name = self.claim(path)
                self.defs[name] = {}
                self.defs[name] = self._object(content, name)
                self.defs[name]["description"] = (
                    "The JSON document carried as a string: build it, then send "
                    "`model_dump_json(by_alias=True, exclude_unset=True)`.")
        elif kind in ("integer", "number"):
            _limits(out, (("minimum", node.get("minimum")), ("maximum", node.get("maximum"))))
        return out


def _bare(kind: str) -> dict[str, Any]:
    if kind == "number":
        return {"type": ["integer", "number"]}
    return {"type": kind}


def _limits(out: dict[str, Any], pairs) -> None:
    for key, value in pairs:
        if value is not None:
            out[key] = value


def _fits(value: Any, kinds: list[str]) -> bool:
    """A scalar default of one of the field's kinds (strict: `True` is not an integer)."""
    if isinstance(value, bool):
        return "boolean" in kinds
    if isinstance(value, int):
        return "integer" in kinds or "number" in kinds
    if isinstance(value, float):
        return "number" in kinds
    return isinstance(value, str) and "string" in kinds


def models_schema(product: Product) -> dict[str, Any]:
    """The combined JSON Schema document the product's models are generated from."""
    return _Builder(product).build()


def model_names(product: Product) -> dict[str, tuple[str, str]]:
    """{operation id: (request class, response class)}."""
    builder = _Builder(product)
    builder.build()
    return builder.operations


def _plain(text: str) -> str:
    """`text` safe inside a generated docstring: no quotes, backslashes or line breaks."""
    return " ".join(_CONTROL.sub("", text).replace('"', "'").replace("\\", "/").split())


def _header(product: Product) -> str:
    title = _plain(product.title or product.name)
    where = _plain(f"{product.provider}/{product.name}, API version {product.version}")
    return (f'"""Pydantic v2 models: {title} ({where}).\n\n'
            "Generated by `docs2spec regen` with datamodel-code-generator "
            f"{version('datamodel-code-generator')}; do not edit.\n"
            "Wire names are aliases, attributes are snake_case, scalars are strict, undocumented\n"
            "fields are kept. `model_validate` reads wire names only; `Model(...)` takes\n"
            "attribute or wire names. `REQUESTS` and `RESPONSES` map operation ids to models.\n"
            '"""')


def _registry(label: str, names: dict[str, str]) -> str:
    lines = [f"{label} = {{"]
    lines += [f"    {op_id!r}: {cls}," for op_id, cls in names.items()]
    return "\n".join(lines) + "\n}\n"


def _keys(node: Any):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                yield from value
            yield from _keys(value)
    elif isinstance(node, list):
        for value in node:
            yield from _keys(value)


def _protected_namespaces(document: dict[str, Any]) -> dict[str, Any]:
    """A field `model_dump` becomes `model_dump_`, which Pydantic warns about at import (its
    `model_dump*`/`model_validate*` namespaces); only then, the models switch the check off."""
    if any(re.sub(r"[^a-z0-9]", "", key.lower()).startswith("model") for key in _keys(document)):
        return {"extra_template_data": {"#all#": {"config": {"protected_namespaces": ()}}}}
    return {}


_SHADOWING = frozenset(dir(builtins)) | {"model_config", "model_fields"}
"""Attribute names that would hide a builtin the annotations use (`list: list[str]`) or a
Pydantic class attribute; datamodel-code-generator renames such fields by appending `_`."""


def _resolver():
    from datamodel_code_generator import PythonVersion
    from datamodel_code_generator.reference import PydanticFieldNameResolver

    return PydanticFieldNameResolver(snake_case_field=True,
                                     target_python_version=PythonVersion.PY_311)


def _python_name(key: str, resolver) -> str:
    """The attribute datamodel-code-generator would choose for `key`, as Python reads it:
    identifiers are NFKC-normalised by the interpreter (`ﬁeld` and `ｆｉｅｌｄ` are both `field`)."""
    name = resolver.get_valid_name(key)
    normal = unicodedata.normalize("NFKC", name)
    if normal != name:
        name = resolver.get_valid_name(normal)
    if not name.isidentifier() or unicodedata.normalize("NFKC", name) != name:
        name = "field_" + "_".join(f"{ord(c):x}" for c in key)
    return name


def _clashes(keys: list[str], resolver) -> bool:
    """Whether two wire names of one class could end as one attribute: equal after Python's
    NFKC reading, or equal once the `_` a keyword or shadowed builtin gets is ignored
    (`list` beside `list_`)."""
    seen: set[str] = set()
    for key in keys:
        plain = _python_name(key, resolver).rstrip("_")
        if plain in seen or resolver.get_valid_name(key) != _python_name(key, resolver):
            return True
        seen.add(plain)
    return False


def _distinct_names(keys: list[str], resolver) -> dict[str, str]:
    """Attribute names for one class's wire names, distinct as Python reads them: the usual
    snake-case name, `_` after a keyword or shadowed builtin, then `_2`, `_3` in field order."""
    taken: set[str] = set()
    names: dict[str, str] = {}
    for key in keys:
        base = _python_name(key, resolver)
        if keyword.iskeyword(base) or base in _SHADOWING:
            base += "_"
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base.rstrip('_')}_{n}"
        taken.add(name)
        names[key] = name
    return names


def field_names(fields: dict[str, list[str]], forced: frozenset[str] = frozenset()
                ) -> dict[str, str]:
    """Scoped aliases (`Class.wire name` -> attribute) for the classes whose wire names could
    share an attribute (and for `forced` ones); the other classes keep the generator's names,
    so a product without such names gets byte-identical models."""
    resolver = _resolver()
    aliases: dict[str, str] = {}
    for cls, keys in fields.items():
        if cls in forced or _clashes(keys, resolver):
            for key, name in _distinct_names(keys, resolver).items():
                aliases[f"{cls}.{key}"] = name
    return aliases


_CLASS_START = re.compile(r"^class ", re.M)
_MAYBE_FIELD = re.compile(r"^[ \t]+([^\s:=(),#'\"]+)[ \t]*:", re.M)
"""An indented line that starts like `name:`: every annotated field of the formatted module,
and more (a docstring line such as `    Note: ...`)."""


def _may_share_attributes(code: str) -> bool:
    """False when no class can have two fields on one attribute: the candidates of each
    class (`_MAYBE_FIELD`, a superset of its fields, read as Python reads identifiers: NFKC)
    are all distinct. Parsing the module is then unnecessary; it was about a tenth of the
    models' time (0.6 s of CPU for a 1 MB module)."""
    for chunk in _CLASS_START.split(code)[1:]:
        names = [unicodedata.normalize("NFKC", name) for name in _MAYBE_FIELD.findall(chunk)]
        if len(names) != len(set(names)):
            return True
    return False


def _shared_attributes(code: str) -> set[str]:
    """Classes in which two fields share an attribute name, as Python reads them."""
    found: set[str] = set()
    if not _may_share_attributes(code):
        return found
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.ClassDef):
            seen = [item.target.id for item in node.body if isinstance(item, ast.AnnAssign)
                    and isinstance(item.target, ast.Name)]
            if len(seen) != len(set(seen)):
                found.add(node.name)
    return found


_FORMAT_SETTINGS = Path(__file__).resolve().parent / "modelformat" / "ruff.toml"
_JSON_INT = '''

def _whole_number(value: Any) -> Any:
    """JSON has one number type: `1.0` is the integer 1, as JSON Schema and the validator say."""
    if type(value) is float and value.is_integer():
        return int(value)
    return value


JsonInt = Annotated[StrictInt, BeforeValidator(_whole_number)]
"""An integer as JSON Schema reads one: `1` or `1.0`, never `"1"` or `true`."""
'''


_PYDANTIC_IMPORT = re.compile(r"^from pydantic import (\([^)]*\)|[^\n]*)\n", re.M)
_TYPING_IMPORT = re.compile(r"^from typing import ([^\n(]*)\n", re.M)


def _import_line(module: str, names: set[str]) -> str:
    line = f"from {module} import {', '.join(sorted(names))}"
    if len(line) <= 100:
        return line + "\n"
    return f"from {module} import (\n" + "".join(f"    {n},\n" for n in sorted(names)) + ")\n"


def _inject(code: str, pydantic: set[str], typing: set[str], definitions: str,
            rewrite=lambda body: body) -> str:
    """`definitions` after the imports (extended by `pydantic` and `typing` names), the
    classes below rewritten by `rewrite`; unchanged when the module imports nothing from
    pydantic."""
    found = _PYDANTIC_IMPORT.search(code)
    if found is None:
        return code
    names = {n.strip() for n in found.group(1).strip("()").replace("\n", ",").split(",")}
    names = {n for n in names if n} | pydantic
    head, body = code[:found.start()], code[found.end():]
    existing = _TYPING_IMPORT.search(head)
    if existing:
        typing = typing | {n.strip() for n in existing.group(1).split(",") if n.strip()}
        head = head[:existing.start()] + head[existing.end():]
    head = head.rstrip("\n") + "\n\n" + _import_line("typing", typing) + "\n" + \
        _import_line("pydantic", names)
    return head + definitions + rewrite(body)


def _json_integers(code: str) -> str:
    """One integer rule for the models and the validator: JSON Schema's, where a number with a
    zero fraction (`1.0`) is an integer. Pydantic's `StrictInt` refuses `1.0`, so integer fields
    are `JsonInt`: strict (no `"1"`, no `true`), but `1.0` is read as 1."""
    found = _PYDANTIC_IMPORT.search(code)
    if found is None or not re.search(r"\bStrictInt\b", code[found.end():]):
        return code
    return _inject(code, {"BeforeValidator", "StrictInt"}, {"Annotated", "Any"}, _JSON_INT,
                   lambda body: re.sub(r"\bStrictInt\b", "JsonInt", body))


_WIRE_MODEL = '''

_BUILDING = object()
"""The validation context of `WireModel.__init__`: the values come from code, not the wire."""
_NAMES: dict[type, tuple[dict[str, str], frozenset[str]]] = {}
"""Per class: {attribute: wire name} where they differ, and every wire name."""


class WireModel(BaseModel):
    """Reads data by wire name only (`model_validate`, `model_validate_json`): an undocumented
    key spelt like an attribute (`tags` beside `Tags`) stays an undocumented key. Built from
    code (`Model(tags=...)`, nested dicts too), it takes attribute or wire names."""

    def __init__(self, /, **data: Any) -> None:
        __tracebackhide__ = True
        self.__pydantic_validator__.validate_python(data, self_instance=self, context=_BUILDING)

    __init__.__pydantic_base_init__ = True  # so `model_validate` does not call `__init__`

    @model_validator(mode="wrap")
    @classmethod
    def _wire_names(cls, data: Any, handler: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict):
            return handler(data)
        if cls not in _NAMES:
            fields = cls.model_fields.items()
            _NAMES[cls] = ({name: field.alias for name, field in fields
                            if field.alias not in (None, name)},
                           frozenset(field.alias or name for name, field in fields))
        names, wire = _NAMES[cls]
        if info.context is _BUILDING:  # code: an attribute name means that attribute
            if not any(key in names for key in data):
                return handler(data)
            return handler({names.get(key, key): value for key, value in data.items()})
        named = [key for key in data if key in names and key not in wire]
        if not named:
            return handler(data)
        # Pydantic counts such a key as the field set, or drops it (JSON): keep it aside.
        model = handler({key: value for key, value in data.items() if key not in named})
        if model.__pydantic_extra__ is not None:
            model.__pydantic_extra__.update((key, data[key]) for key in named)
        return model
'''


def _wire_names(code: str) -> str:
    """Every model derives from `WireModel` (`_WIRE_MODEL`): wire data by wire name only,
    construction in code by attribute name too (the module docstring says why)."""
    classes = re.compile(r"^(class \w+)\(BaseModel\):", re.M)
    if not classes.search(code):
        return code
    return _inject(code, {"BaseModel", "ValidationInfo", "model_validator"}, {"Any"},
                   _WIRE_MODEL, lambda body: classes.sub(r"\1(WireModel):", body))


def emit_models(product: Product) -> str:
    """models.py: the product's models, plus `REQUESTS`/`RESPONSES` {operation id: class}."""
    from datamodel_code_generator import (
        DataModelType,
        InputFileType,
        LiteralType,
        PythonVersion,
        generate,
    )
    from datamodel_code_generator.enums import StrictTypes
    from datamodel_code_generator.format import Formatter

    builder = _Builder(product)
    document = builder.build()
    if not builder.defs:
        return f"{_header(product)}\n\nREQUESTS = {{}}\n\nRESPONSES = {{}}\n"

    def run(aliases: dict[str, str]) -> str:
        # The same document and options give the same text: reuse it (see cache.py).
        parts = (version("datamodel-code-generator"), version("ruff"), _header(product),
                 json.dumps(document, sort_keys=True, ensure_ascii=False),
                 json.dumps(aliases, sort_keys=True, ensure_ascii=False),
                 _FORMAT_SETTINGS.read_text(encoding="utf-8"),
                 Path(__file__).read_text(encoding="utf-8"))  # the options passed below
        return cached_text("models", parts, lambda: generated(aliases))

    def generated(aliases: dict[str, str]) -> str:
        code = generate(
            document,
            input_file_type=InputFileType.JsonSchema,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_311,
            disable_timestamp=True,
            custom_file_header=_header(product),
            snake_case_field=True,
            allow_population_by_field_name=False,  # WireModel reads names, on construction
            allow_extra_fields=True,
            strict_types=[StrictTypes.str, StrictTypes.int, StrictTypes.float, StrictTypes.bool],
            enum_field_as_literal=LiteralType.All,
            field_constraints=True,
            use_schema_description=True,
            use_double_quotes=True,
            skip_root_model=True,
            formatters=[Formatter.RUFF_CHECK, Formatter.RUFF_FORMAT],
            settings_path=_FORMAT_SETTINGS.parent,
            aliases=aliases or None,
            **_protected_namespaces(document),
        )
        if not isinstance(code, str):
            raise RuntimeError("datamodel-code-generator returned several modules")
        return code

    code = run(field_names(builder.fields))
    shared = _shared_attributes(code)
    if shared:
        # A clash the prediction missed (a rename the generator made on its own): name every
        # field of those classes here, then check again.
        code = run(field_names(builder.fields, frozenset(shared)))
        if _shared_attributes(code):
            raise RuntimeError(f"classes with two fields on one attribute: {sorted(shared)}")
    missing = [name for name in builder.defs if f"\nclass {name}(" not in code]
    if missing:
        raise RuntimeError(f"datamodel-code-generator renamed classes: {', '.join(missing)}")
    code = _json_integers(_wire_names(code))
    requests = {op_id: names[0] for op_id, names in builder.operations.items()}
    responses = {op_id: names[1] for op_id, names in builder.operations.items()}
    return (code.rstrip("\n") + "\n\n\n" + _registry("REQUESTS", requests) + "\n"
            + _registry("RESPONSES", responses))


def package_init(*parts: str) -> str:
    """`__init__.py` of `generated/` (no parts), of a provider and of a product folder."""
    if len(parts) == 2:
        what = f"Models: `from generated.{_plain('.'.join(parts))}.models import ...`."
    else:
        what = "Package folder, so that the models import as `generated.<provider>.<product>`."
    return f'"""Generated by `docs2spec regen`; do not edit. {what}"""\n'


def warm_up() -> None:
    """Run datamodel-code-generator once on a one-class document, unformatted and uncached:
    it imports most of itself lazily, on its first call (about a second of CPU). A parent
    process that does this before forking its emitter processes spares each of them that
    import (`pipeline.warm_up_emitters`); the output is not used."""
    from datamodel_code_generator import DataModelType, InputFileType, PythonVersion, generate

    generate({"$defs": {"Warm": {"type": "object", "properties": {"a": {"type": "integer"}}}}},
             input_file_type=InputFileType.JsonSchema,
             output_model_type=DataModelType.PydanticV2BaseModel,
             target_python_version=PythonVersion.PY_311, disable_timestamp=True,
             snake_case_field=True, field_constraints=True, formatters=[])
    _resolver()
