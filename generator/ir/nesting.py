"""Flat field tables -> the true tree.

Alibaba pages list nested fields flat after their parent: a row typed `object`/`Array of X`
opens a scope, but the page never says where it closes. The page's samples do: a field belongs
to the innermost open object whose sample instances carry that key. A sample the table's paths
do not reach (the list operation's sample on the single-item page) still shows, by names, which
object holds the field and which objects stand side by side. When no sample knows the
field, two conventions of these pages decide: tables sorted alphabetically within each scope
(a name that sorts before its predecessor closes the scope), and children that talk about their
parent (the tag key, the tag value) where the next row does not. Whatever was guessed is
reported as a diagnostic.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from .infer import infer_schema, with_loc
from .model import Diagnostic, FieldRow, FieldTable, Schema
from .sampleindex import ARRAY, SampleIndex

COMMON_TOP_LEVEL = {
    "request": frozenset({"RegionId", "ResourceGroupId", "PageNumber", "PageSize", "NextToken",
                          "MaxResults", "ClientToken", "DryRun", "OwnerId", "ResourceOwnerId",
                          "ResourceOwnerAccount", "OwnerAccount"}),
    "response": frozenset({"RequestId", "TotalCount", "PageNumber", "PageSize", "NextToken",
                           "MaxResults", "request_id", "total_count", "page_info"}),
}
"""Fields that, by convention, live at the top of a request or response, never inside a list."""
_TOP_LEVEL_FOLDED = {side: frozenset(n.lower() for n in names)
                     for side, names in COMMON_TOP_LEVEL.items()}


def top_level_by_convention(name: str, side: str) -> bool:
    """Whether a row names a field of `COMMON_TOP_LEVEL`, in whatever case the writer typed it
    (`RequestID`, `Pagesize` beside `RequestId`, `PageSize`)."""
    return name in COMMON_TOP_LEVEL[side] or name.lower() in _TOP_LEVEL_FOLDED[side]

_ANY_KEY_NAME = r"\{[^{}]{1,40}\}|<[^<>]{1,40}>|\*"
"""Row names that stand for any key (`{User defined key}`, `<name>`, `*`), not a field."""
KEY_ROW = re.compile(rf"^(?:{_ANY_KEY_NAME}|\[[^\[\]]{{1,40}}\])$")
"""The first row of a members table that describes a map: any key, or `[key]`."""
_ANY_KEY = re.compile(f"^(?:{_ANY_KEY_NAME})$")
"""A row standing for any key in a body table; not `[items]`, which says the body is a list."""


@dataclass
class _Node:
    row: FieldRow | None
    schema: Schema
    path: tuple[str, ...]
    """Where this node's values sit in a sample (`[]` for list items)."""
    label: str = ""
    """The field name the node stands for (an array's item scope carries the array's name)."""
    children: list[_Node] = field(default_factory=list)
    item: _Node | None = None
    element: str = ""
    """For an item scope: the name of the XML element its list row is followed by."""
    wrapper: FieldRow | None = None
    """The XML-style wrapper element a list row is documented with (`VpnConnections`
    followed by an untyped `VpnConnection` row): the list sits under that name."""

    @property
    def name(self) -> str:
        return self.row.name if self.row else self.label


def _example_keys(node: _Node) -> set[str] | None:
    """The keys of an object row's example cell when it is a JSON object (`{"SecretSubType":
    "SingleUser", "DBInstanceId": "rm-1"}`): those are the fields the object holds. Anything
    else is no evidence (None)."""
    examples = node.row.schema.examples if node.row is not None else ()
    example = examples[0] if examples else None
    if isinstance(example, str) and example.lstrip().startswith("{"):
        try:
            example = json.loads(example)
        except ValueError:
            example = None
    return set(example) if isinstance(example, dict) and example else None


def _key_value_pair(node: _Node) -> bool:
    """A scope whose fields are a key and its value (`Key`/`Value`, `TagKey`/`TagValue`,
    `DimensionKey`/`DimensionValue`): such an item is complete, the next row is not in it."""
    names = sorted(c.name for c in node.children)
    return len(names) == 2 and names[0].endswith("Key") and \
        names[1] == names[0].removesuffix("Key") + "Value"


def _words(name: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", name) if len(w) > 2}


def _mentions(node: _Node, row: FieldRow) -> bool:
    words = _words(node.label)
    text = " ".join(t for _, t in row.schema.description).lower()
    return bool(words) and any(w in text for w in words)


def _sorts_before(name: str, previous: str) -> bool:
    """Before in both orders tables are sorted in: byte order (`DnsSLBCount` then
    `DnsSecurity`) and letter order ignoring case."""
    return name < previous and name.lower() < previous.lower()


def _in_order(node: _Node) -> bool:
    """Whether the fields a scope holds so far are listed in sorted order."""
    names = [c.name for c in node.children]
    return not any(_sorts_before(b, a) for a, b in zip(names, names[1:], strict=False))


def _looks_sorted(rows: tuple[FieldRow, ...]) -> bool:
    """Mostly ascending names. The step from an object or list row to its first field starts a
    new sequence, so it is not counted."""
    named = [r for r in rows if r.name]
    if len(named) < 4:
        return False
    pairs = [(a.name.lower(), b.name.lower()) for a, b in zip(named, named[1:], strict=False)
             if not a.container]
    if not pairs:
        return False
    return sum(1 for a, b in pairs if a <= b) / len(pairs) >= 0.75


class _Nester:
    """Places rows into object scopes. The stack holds only scopes that can take named
    children: the root, objects, and the item scope of lists of objects."""

    def __init__(self, table: FieldTable, samples: SampleIndex) -> None:
        self.table = table
        self.samples = samples
        self.sorted = _looks_sorted(table.rows)
        self.diagnostics: list[Diagnostic] = []
        self.root = _Node(None, Schema(kind="object", loc=table.loc), ())
        self.stack: list[_Node] = [self.root]
        self.pending: _Node | None = None
        """A list just added whose item type a following nameless row may state."""
        self.rest: Counter[str] = Counter()
        """How many rows of each name are still to be placed."""

    def run(self) -> tuple[Schema, list[Diagnostic]]:
        rows = self.table.rows
        listed: Schema | None = None
        if rows and not rows[0].name and rows[0].schema.kind == "object":
            self.root.schema = replace(rows[0].schema, kind="object")
            rows = rows[1:]
        elif len(rows) > 1 and not rows[0].name and rows[0].schema.kind == "array" and \
                rows[1].name:
            # `| |Array| |The returned data.|` heading the table, then named rows: the body is
            # a list, and the rows are the members of its items.
            listed = rows[0].schema
            self.root = _Node(None, Schema(kind="object", loc=rows[0].loc), (ARRAY,))
            self.stack = [self.root]
            self.diagnostics.append(Diagnostic(
                "info", "body-array", "the first row has no name and is a list: the body is "
                "that list, and the rows after it are the members of its items", rows[0].loc))
            rows = rows[1:]
        depth_known = bool(rows) and all(r.depth is not None for r in rows)
        # Marks of one level only (`└Name`): deeper members are written at that level.
        flattened = depth_known and max((r.depth or 0) for r in rows) == 1
        named = [r for r in rows if r.name]
        self.rest = Counter(r.name for r in named)
        following = dict(zip(map(id, named), named[1:], strict=False))
        every_name = frozenset(r.name for r in named)
        for row in rows:
            if not row.name:
                row = self._named_by_sample(row, depth_known, every_name)
                if not row.name:
                    self._place_item(row)
                    continue
                self.rest[row.name] += 1
            self.rest[row.name] -= 1
            if depth_known:
                depth = row.depth or 0
                keep = depth + 1
                if flattened and depth and len(self.stack) > keep and all(
                        n.row is not None and not n.row.schema.type_text.strip()
                        for n in self.stack[keep:]):
                    # `└ResourceTypeCount` (no type, no example) then `└Ddh`, `└Disk`: the
                    # table marks one level only, so an untyped row's members are written at
                    # its own level. Whether the row stays in the open row is decided as in an
                    # unmarked table (samples, sorted order), never further out than the marks.
                    keep = max(keep, self._choose_parent(row, following.get(id(row))) + 1)
                del self.stack[min(len(self.stack), keep):]
            elif self._is_wrapper_element(row):
                # Before the samples are asked where the row goes: a wrapper named like its
                # list (`OffsetList` in `OffsetList`) is a key of the list's parent too.
                continue
            else:
                del self.stack[self._choose_parent(row, following.get(id(row))) + 1:]
            if depth_known and self._is_wrapper_element(row):
                continue
            self._add(self.stack[-1], row)
        for node in _any_key_rows(self.root):
            self.diagnostics.append(Diagnostic(
                "info", "row-any-key", f"{node.name!r} stands for any key: the object is a "
                "dictionary whose keys are data", node.row.loc if node.row else self.table.loc))
        built = _build(self.root, self.samples)
        if listed is not None:
            built = Schema(kind="array", items=built, loc=listed.loc,
                           description=listed.description, type_text=listed.type_text)
        return built, self.diagnostics

    def _named_by_sample(self, row: FieldRow, depth_known: bool,
                         every_name: frozenset[str]) -> FieldRow:
        """A typed scalar row whose name cell is empty (`|└|String|OSS-Administrator|The
        policy name.|`), not the item type of a list just opened: where the samples show the
        object it sits in holding exactly one key that no row of the table names, that key is
        its name. Otherwise the row is returned as it is."""
        if self.pending is not None or row.container or row.schema.kind not in (
                "string", "integer", "number", "boolean") or not row.schema.type_text.strip():
            return row
        index = len(self.stack) - 1
        if depth_known and row.depth is not None:
            index = min(index, row.depth)
        keys = self._scope_keys(self.stack[index]) if index > 0 else None
        if not keys:
            return row
        # (a key that holds objects, such as the XML element of the items, is no scalar)
        missing = {k for k in keys - every_name if not self.samples.shape(k, set())}
        if len(missing) != 1:
            return row
        [name] = missing
        self.diagnostics.append(Diagnostic(
            "info", "row-named-by-sample", f"a row without a name: the samples show {name!r} "
            f"in {self.stack[index].name!r}, the one key there no row names, so the row is "
            "that field", row.loc))
        return replace(row, name=name)

    def _place_item(self, row: FieldRow) -> None:
        array = self.pending
        self.pending = None
        if array is None:
            self.diagnostics.append(Diagnostic(
                "warning", "row-unplaced", "a row without a name that follows no list; its "
                "facts are not used", row.loc))
            return
        item_schema = replace(row.schema, min_items=None, max_items=None)
        limits = {k: getattr(row.schema, k) for k in ("min_items", "max_items")
                  if getattr(row.schema, k) is not None}
        array.schema = replace(array.schema, **limits)
        scope = array.item
        if row.container and item_schema.kind == "object":
            if scope is not None:
                scope.schema = item_schema
                scope.row = None
        else:
            array.item = _Node(None, item_schema, array.path + (ARRAY,), label=array.name)
            if scope is not None and self.stack and self.stack[-1] is scope:
                self.stack.pop()

    def _is_wrapper_element(self, row: FieldRow) -> bool:
        """`SslVpnServers: Array of SslVpnServer` then an untyped `SslVpnServer` row: the row
        names the XML element that wraps each item, not a field of the item."""
        array = self.pending
        if array is None or array.wrapper is not None or row.schema.type_text.strip() or \
                array.item is None or array.item.children or self.stack[-1] is not array.item:
            return False
        names = {array.schema.items.ref if array.schema.items else "", _singular(array.name)}
        unnamed = array.schema.type_text.strip().lower() in ("array", "list", "repeatlist") and \
            not row.schema.description and not row.schema.examples
        if row.name not in names and not _collection_of(array.name, row.name) and not unnamed:
            # A list that names no item type (`Array`) followed by a bare row: whatever its
            # name (`SaslUserList` then `SaslUserVO`), the row names the items' element.
            return False
        array.wrapper = row
        array.item.element = row.name
        return True

    def _choose_parent(self, row: FieldRow, following: FieldRow | None = None) -> int:
        innermost = len(self.stack) - 1
        side = "request" if row.location is not None else "response"
        if innermost == 0 or not self._named_items_open(innermost) or \
                top_level_by_convention(row.name, side):
            return self._parent_by_evidence(row, following)
        # The row after a list's item element is the item's first field; a sample of another
        # shape that puts it elsewhere is overruled, and that is reported.
        reported = len(self.diagnostics)
        elsewhere = self._parent_by_evidence(row, following)
        del self.diagnostics[reported:]
        if elsewhere != innermost:
            self._guess(row, innermost, f"the row before names the element of each item of "
                        f"{self.stack[innermost].name!r}, so the item's fields follow; a sample "
                        f"would place it under {self.stack[elsewhere].name or 'the top level'!r}",
                        "info")
        return innermost

    def _parent_by_evidence(self, row: FieldRow, following: FieldRow | None = None) -> int:
        innermost = len(self.stack) - 1
        if innermost == 0:
            return 0
        index = innermost
        while index > 1 and self.stack[index].element and \
                self._scope_keys(self.stack[index]) is None and \
                row.name not in self.samples.shape(self.stack[index].element, {row.name}):
            index -= 1  # an element a sample shows without the name is closed
        top = self.stack[index]
        if top.element and self._scope_keys(top) is None and self.rest[row.name] > 0 and (
                not top.children or self.sorted and
                not _sorts_before(row.name, top.children[-1].name)) and \
                row.name in self.samples.shape(top.element, {row.name}):
            # `DetailInfos: Array of ResourcePriceModel`, its element row, then `DiscountPrice`,
            # `OriginalPrice`, ...; later the price's own `DiscountPrice`, `OriginalPrice`. A
            # sample without the list shows the names only on the price, but one object cannot
            # hold a name twice: a row right after the element row, or continuing the items'
            # sorted order, whose name the table repeats further down is the items' field (no
            # sample showing such an element without it), and the later row takes the outer
            # place the sample shows.
            return index
        side = "request" if row.location is not None else "response"
        known_any = False
        for index in range(innermost, -1, -1):
            keys = self._scope_keys(self.stack[index])
            if keys is None:
                continue
            known_any = True
            if row.name in keys and index > 0 and self._has_child(self.stack[index], row.name) \
                    and self._outer_holds(row.name, index):
                # One object cannot hold a name twice (`TotalDiff` of a topic, then the total
                # `TotalDiff`): the repeated row is the field of an outer object the sample
                # shows holding that name too.
                continue
            if row.name in keys:
                inner = self._still_inside(row, index, following, keys)
                return index if inner is None else inner
        by_name = self._by_name(row)
        if by_name is not None:
            return by_name
        index = innermost
        while index > 0 and (keys := _example_keys(self.stack[index])) is not None and \
                row.name not in keys:
            index -= 1
        if index != innermost:
            self._guess(row, index, f"the example of {self.stack[innermost].name!r} is an object "
                        "without this key", "info")
            return index
        top = self.stack[innermost]
        if top_level_by_convention(row.name, side):
            self._guess(row, 0, f"{row.name} is a top-level field by convention")
            return 0
        if _key_value_pair(top):
            # A key and its value make the whole item: the row belongs further out, where
            # the conventions below place it among the outer scopes.
            self._guess(row, innermost - 1, f"{top.name!r} holds a key and its value, "
                        "nothing more", "info")
            innermost -= 1
            top = self.stack[innermost]
            if innermost == 0 or not top.children:
                return innermost
        if self.sorted and top.children:
            index = innermost
            while index > 0 and self.stack[index].children and \
                    _sorts_before(row.name, self.stack[index].children[-1].name):
                index -= 1
            if index != innermost and not _in_order(self.stack[index]) and \
                    not self._has_child(top, row.name):
                # The scope it would return to is not listed in order itself (the table is
                # sorted only in parts): the order says nothing about where this row goes
                # (unless the open object already has a field of its name).
                if known_any:
                    self._guess(row, innermost, "no sample shows this field, and the scope "
                                "the sorted order would close to is not in order", "info")
                return innermost
            if index != innermost or known_any:
                self._guess(row, index, "the table is sorted within each object and "
                            + ("this name sorts before its predecessor" if index != innermost
                               else "this name sorts after its predecessor"), "info")
            return index
        is_item = bool(top.path) and top.path[-1] == ARRAY
        if is_item and len(top.children) >= 2 and not _mentions(top, row) and all(
                _mentions(top, c.row) for c in top.children if c.row):
            self._guess(row, innermost - 1, f"its siblings describe {top.name!r} and it does not")
            return innermost - 1
        if known_any:
            self._guess(row, innermost, "no sample shows this field")
        return innermost

    def _scope_keys(self, node: _Node) -> set[str] | None:
        """The keys sample objects hold in a scope. An untyped row named as a collection
        (`DnsProducts`, then its items' fields) whose sample is the XML wrapper of a one-item
        list (`{"DnsProduct": {...}}`) holds the keys of that one item."""
        keys = self.samples.keys_at(node.path)
        if keys is None or len(keys) != 1 or node.row is None or \
                node.row.schema.type_text.strip() or _singular(node.name) == node.name:
            return keys
        inner = self.samples.keys_at(node.path + (next(iter(keys)),))
        return inner if inner else keys

    @staticmethod
    def _has_child(node: _Node, name: str) -> bool:
        return any(child.name == name for child in node.children)

    def _outer_holds(self, name: str, below: int) -> bool:
        """Whether a sample shows `name` in an open scope further out than `below`."""
        return any(name in (self.samples.keys_at(self.stack[i].path) or ())
                   for i in range(below - 1, -1, -1))

    def _still_inside(self, row: FieldRow, outer: int, following: FieldRow | None,
                      outer_keys: set[str]) -> int | None:
        """The open scope deeper than `outer` that keeps `row`, though a sample shows its name
        only out at `outer` (`ErrorCode` of a task, not in the sample's task, beside the
        response's own `ErrorCode`): the next row is a field the sample shows in that deeper
        scope and not out there. A table lists an object's fields together; it does not leave
        an object and come back to it. An object row qualifies only when the outer scope
        already has a field of its name (`Data` holding its own `Data` map: one object cannot
        hold a name twice). None when nothing says so."""
        if following is None or following.name in outer_keys or (
                row.container and not self._has_child(self.stack[outer], row.name)):
            return None
        for index in range(len(self.stack) - 1, outer, -1):
            keys = self.samples.keys_at(self.stack[index].path)
            if keys is not None and following.name in keys and row.name not in keys:
                self._guess(row, index, f"a sample shows {row.name!r} only further out, but "
                            f"the next row, {following.name!r}, is a field of "
                            f"{self.stack[index].name!r}", "info")
                return index
        return None

    def _by_name(self, row: FieldRow) -> int | None:
        """The open scope a sample places the row in by names alone, when no sample shows the
        row where its path would be (a sample of the list operation on the page of the
        single-item one, a sample under another root): an object named like the scope holding
        the row's name makes it a child; an object holding both names side by side closes the
        scope."""
        for index in range(len(self.stack) - 1, 0, -1):
            name = self.stack[index].label
            if self.samples.holds(name, row.name):
                return index
            if self.samples.beside(name, row.name):
                self._guess(row, index - 1, f"a sample shows it beside {name!r}, not inside it",
                            "info")
                return index - 1
        return None

    def _named_items_open(self, index: int) -> bool:
        """Whether the scope at `index` is the items of a list whose item element the table
        has just named (`LogDetails` `Array of LogDetail`, then a bare `LogDetail` row) and
        that holds no field yet: the table goes on with the item's fields, so the next row is
        one of them, whatever a sample of another shape (an older one, one rooted elsewhere)
        shows."""
        scope = self.stack[index]
        return not scope.children and any(
            child.item is scope and child.wrapper is not None
            for child in self.stack[index - 1].children)

    def _guess(self, row: FieldRow, index: int, why: str, severity: str = "warning") -> None:
        parent = self.stack[index].name or "the top level"
        self.diagnostics.append(Diagnostic(
            severity, "nesting-guess",  # type: ignore[arg-type]
            f"{row.name!r} placed under {parent!r}: {why}", row.loc))

    def _add(self, parent: _Node, row: FieldRow) -> None:
        twin = next((c.row for c in parent.children if c.name == row.name and c.row), None)
        if twin is not None:
            # One object cannot hold a name twice: the first row is the field (`_build`).
            self.diagnostics.append(Diagnostic(
                "warning", "row-duplicate", f"{row.name!r} is documented twice in one object "
                f"(first at {twin.loc}); the first row is used", row.loc,
                (twin.loc,) if twin.loc else ()))
        node = _Node(row, row.schema, parent.path + (row.name,), label=row.name)
        parent.children.append(node)
        self.pending = None
        if not row.container:
            return
        if row.schema.kind == "array":
            item = row.schema.items or Schema(kind="object")
            node.item = _Node(None, item, node.path + (ARRAY,), label=row.name)
            self.pending = node
            if item.kind in ("object", "any"):
                self.stack.append(node.item)
        else:
            self.stack.append(node)


_COLLECTION_SUFFIXES = ("Set", "Sets", "List", "Lists", "s", "es")


def _collection_of(collection: str, element: str) -> bool:
    """`InstanceStatusSet` / `RuleList` / `Rules` hold `InstanceStatus` / `Rule` elements."""
    return bool(element) and collection.startswith(element) and \
        collection[len(element):] in _COLLECTION_SUFFIXES


def _singular(name: str) -> str:
    if name.endswith("ies"):
        return name[:-3] + "y"
    return name[:-1] if name.endswith("s") else name


def _sample_object(samples: SampleIndex, node: _Node) -> bool:
    """Whether the samples show the node as an object holding some of its documented fields
    (not a list, not a `{"Item": [...]}` wrapper)."""
    found = samples.values_at(node.path) or []
    names = {c.name for c in node.children}
    return any(isinstance(v, dict) and names & set(v) for v in found)


def _any_key_row(node: _Node) -> bool:
    """Whether the node's only member is a row named by a key placeholder."""
    return len(node.children) == 1 and bool(_ANY_KEY.match(node.children[0].name.strip())) \
        and not node.children[0].children


def _any_key_rows(node: _Node) -> list[_Node]:
    found = [node.children[0]] if _any_key_row(node) else []
    for child in (*node.children, *((node.item,) if node.item else ())):
        found += _any_key_rows(child)
    return found


def _build(node: _Node, samples: SampleIndex) -> Schema:
    if node.wrapper is not None:
        inner = node.wrapper
        plain = _Node(node.row, replace(node.schema, description=inner.schema.description,
                                        loc=inner.loc, type_text=""), node.path,
                      node.label, node.children, node.item)
        array = _build(plain, samples)
        return Schema(kind="object", description=node.schema.description, loc=node.schema.loc,
                      type_text=node.schema.type_text, properties=((inner.name, array),))
    schema = node.schema
    if schema.kind == "array":
        item = node.item
        if item is not None and (item.children or item.schema.kind != "object"
                                 or schema.items is not None or item.row is not None):
            return replace(schema, items=_build(item, samples))
        return schema
    if node.children and schema.kind == "any" and node.row is not None and \
            not node.row.schema.type_text.strip() and _singular(node.name) != node.name and \
            not _sample_object(samples, node):
        # An untyped row named as a collection (`RecordLines`) with fields after it: a list of
        # objects holding those fields, as the pages' samples show such rows; unless a sample
        # shows it as an object holding them (`Credentials`).
        item = _build(_Node(None, Schema(kind="object", loc=schema.loc), node.path + (ARRAY,),
                            node.label, node.children), samples)
        return replace(schema, kind="array", items=item)
    if _any_key_row(node):
        # The only row is named by a key placeholder (`{User defined key} | Map<String,Array<
        # PackageOptions>>`): the keys are data. A row typed as a dictionary is that
        # dictionary (its name names the keys); any other type is what every key holds.
        value = _build(node.children[0], samples)
        if value.additional_properties is not None and not value.properties:
            return replace(schema, kind="object", properties=(), required=(),
                           additional_properties=value.additional_properties)
        return replace(schema, kind="object", properties=(), required=(),
                       additional_properties=value)
    if node.children:
        props: list[tuple[str, Schema]] = []
        required: list[str] = []
        for child in node.children:
            if any(name == child.name for name, _ in props):
                continue
            props.append((child.name, _build(child, samples)))
            if child.row and child.row.required:
                required.append(child.name)
        kind = schema.kind if schema.kind in ("object", "array") else "object"
        return replace(schema, kind=kind, properties=tuple(props), required=tuple(required))
    return schema


def _put(schema: Schema, steps: tuple[str, ...], leaf: Schema) -> Schema:
    """`schema` with the node at `steps` replaced by `leaf`."""
    if not steps:
        return leaf
    if steps[0] == ARRAY:
        return replace(schema, items=_put(schema.items or Schema(kind="object"), steps[1:], leaf))
    props = list(schema.properties)
    for index, (key, sub) in enumerate(props):
        if key == steps[0]:
            props[index] = (key, _put(sub, steps[1:], leaf))
            break
    return replace(schema, properties=tuple(props))


def _relocate_flat_rows(table: FieldTable, root: Schema, samples: SampleIndex,
                        diagnostics: list[Diagnostic]) -> Schema:
    """A table of plain fields only (no object or list rows) whose sample nests some of them
    (`TagKey`, `TagValue` documented flat, sent as `Tags.Tag[].TagKey`): the table left out the
    wrapper rows, and the sample shows where the fields sit. A field the sample's top level
    lacks and that it holds at exactly one place below goes there; the wrappers around it are
    read from the sample."""
    objects = [s for s in samples.values if isinstance(s, dict)]
    if not objects or any(r.container or r.schema.kind in ("object", "array")
                          or r.location is not None for r in table.rows):
        return root  # (a request body whose sample wraps every field is `_wrapped_by_samples`)
    top = {key for value in objects for key in value}
    moves: dict[str, tuple[str, ...]] = {}
    for name, sub in root.properties:
        if name in top or sub.kind in ("object", "array"):
            continue
        paths = set(samples.paths_of(name))
        if len(paths) == 1:
            moves[name] = paths.pop()
    if not moves:
        return root
    props = [(name, sub) for name, sub in root.properties if name not in moves]
    documented = dict(root.properties)
    for first in dict.fromkeys(path[0] for path in moves.values()):
        skeleton = with_loc(infer_schema([v[first] for v in objects if first in v]), table.loc)
        for name, path in moves.items():
            if path[0] != first:
                continue
            skeleton = _put(skeleton, path[1:], documented[name])
            diagnostics.append(Diagnostic(
                "info", "nesting-guess", f"{name!r} placed at {'.'.join(path)}: the table lists "
                "it at the top level, the sample holds it only there", documented[name].loc
                or table.loc))
        props.append((first, skeleton))
    return replace(root, properties=tuple(props),
                   required=tuple(n for n in root.required if n not in moves))


def nest(table: FieldTable, samples: SampleIndex | list[Any]) -> tuple[Schema, list[Diagnostic]]:
    """The object schema a field table describes, nested with the help of `samples` (the
    page's index of them, `ir/sampleindex.py`; a list of values is indexed here)."""
    index = samples if isinstance(samples, SampleIndex) else SampleIndex(samples)
    root, diagnostics = _Nester(table, index).run()
    return _relocate_flat_rows(table, root, index, diagnostics), diagnostics
