"""One index of a page's JSON samples, built once and read by every pass that asks them where a
field sits.

The passes ask four questions of the same values: which values sit at a path (`values_at`),
which keys the objects there hold (`keys_at`), which keys objects hold under a key name and
which keys stand beside it wherever in the samples they are (`holds`, `beside`: structure that
survives a sample rooted elsewhere), and where below the top a key occurs (`paths_of`). Each
answer is computed once per index and kept. `PageSamples` holds the indexes of one page, one
per set of values (the response samples of a status, the request samples, the request body as
the tables see it), so the passes of that page share them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .model import PageExtract

ARRAY = "[]"
"""A path step into the items of a list."""

Path = tuple[str, ...]


def unwrap_list(value: Any) -> Any:
    """`{"VpnGateway": [...]}` -> the list; anything else unchanged."""
    if isinstance(value, dict) and len(value) == 1:
        inner = next(iter(value.values()))
        if isinstance(inner, list):
            return inner
    return value


def objects_in(value: Any) -> list[dict]:
    """The objects a key's value holds: itself, the items of a list, the items of an
    XML-style wrapper (`{"Item": [...]}`)."""
    inner = unwrap_list(value)
    if isinstance(inner, list):
        return [i for i in inner if isinstance(i, dict)]
    return [value] if isinstance(value, dict) else []


class SampleIndex:
    """The questions nesting asks of one set of sample values, each answered once."""

    MAX_WORK = 200_000
    """Values and keys looked at for `holds`/`beside`; a sample larger than that is read in
    part (cost stays linear: an object's key set is shared by reference, never copied per
    key)."""

    ITEMS_READ = 100
    """Items of a list that `holds`/`beside` read: the items of one list share a shape."""

    MAX_DEPTH = 32
    """Levels below which `paths_of` looks no further."""

    def __init__(self, values: Iterable[Any] = ()) -> None:
        self.values: list[Any] = list(values)
        self._at: dict[Path, list[Any] | None] = {}
        self._keys: dict[Path, set[str] | None] = {}
        self._children: dict[str, set[str]] | None = None
        self._beside: dict[str, list[Any]] = {}
        self._paths: dict[str, set[Path]] | None = None

    # --- by path ------------------------------------------------------------------------

    def values_at(self, path: Path) -> list[Any] | None:
        """Every sample value found at `path` (`[]` steps into list items, XML-style wrapper
        objects `{"Items": {"Item": [...]}}` are looked through); None when no sample reaches
        it."""
        if path not in self._at:
            self._at[path] = self._walk(path)
        return self._at[path]

    def _walk(self, path: Path) -> list[Any] | None:
        current = self.values
        for step in path:
            following: list[Any] = []
            for value in current:
                if step == ARRAY:
                    value = unwrap_list(value)
                    if isinstance(value, list):
                        following.extend(value)
                    elif isinstance(value, dict):
                        # A one-item list printed as a bare object (XML converted to JSON), or
                        # wrapped once more: `{"Item": {...}}`.
                        inner = next(iter(value.values())) if len(value) == 1 else None
                        following.append(inner if isinstance(inner, dict) else value)
                elif isinstance(value, dict):
                    if step in value:
                        following.append(value[step])
                    else:
                        inner = unwrap_list(value)
                        if isinstance(inner, list):
                            following.extend(i[step] for i in inner if isinstance(i, dict)
                                             and step in i)
                elif isinstance(value, list):
                    # A row the table writes as an object (untyped, `InstanceList`) that the
                    # sample shows as a list of them: the named step is into its items.
                    following.extend(i[step] for i in value if isinstance(i, dict) and step in i)
            if not following:
                return None
            current = following
        return list(current)

    def keys_at(self, path: Path) -> set[str] | None:
        """The keys sample objects at `path` have (through a wrapper, the keys of its items
        too). The set is shared: callers read it, never change it."""
        if path not in self._keys:
            self._keys[path] = self._keys_of(self.values_at(path))
        return self._keys[path]

    @staticmethod
    def _keys_of(found: list[Any] | None) -> set[str] | None:
        if found is None:
            return None
        keys: set[str] = set()
        seen = False
        for value in found:
            inner = unwrap_list(value)
            for candidate in ([value] if isinstance(value, dict) else []) + (
                    [i for i in inner if isinstance(i, dict)] if isinstance(inner, list) else []):
                keys.update(candidate)
                seen = True
        return keys if seen else None

    # --- by name ------------------------------------------------------------------------

    def holds(self, scope: str, name: str) -> bool:
        """Whether an object found under the key `scope` has the key `name`."""
        return name in self._shapes().get(scope, ())

    def shape(self, scope: str, unknown: set[str]) -> set[str]:
        """The keys of the objects found under the key `scope`; `unknown` when none is."""
        return self._shapes().get(scope, unknown)

    def beside(self, scope: str, name: str) -> bool:
        """Whether some object holds `scope` and `name` side by side."""
        self._shapes()
        return name != scope and any(name in keys for keys in self._beside.get(scope, ()))

    def _shapes(self) -> dict[str, set[str]]:
        if self._children is not None:
            return self._children
        self._children = {}
        todo = list(self.values)
        budget = self.MAX_WORK
        while todo and budget > 0:
            value = todo.pop()
            budget -= 1
            if isinstance(value, list):
                todo.extend(value[:self.ITEMS_READ])
                continue
            if not isinstance(value, dict):
                continue
            keys = value.keys()
            for key, inner in value.items():
                budget -= 1
                self._beside.setdefault(key, []).append(keys)
                for item in objects_in(inner)[:self.ITEMS_READ]:
                    self._children.setdefault(key, set()).update(item)
                    budget -= len(item)
                todo.append(inner)
        return self._children

    def paths_of(self, name: str) -> set[Path]:
        """Where `name` is a key below the top of a sample object (`[]` for list items);
        samples that are not objects at their top are not looked into."""
        if self._paths is None:
            self._paths = {}
            for value in self.values:
                if isinstance(value, dict):
                    self._collect_paths(value, (), 0)
        return self._paths.get(name, set())

    def _collect_paths(self, value: Any, path: Path, depth: int) -> None:
        if depth > self.MAX_DEPTH:
            return
        if isinstance(value, list):
            for item in value:
                self._collect_paths(item, path + (ARRAY,), depth + 1)
        elif isinstance(value, dict):
            for key, inner in value.items():
                if path:
                    self._paths.setdefault(key, set()).add(path + (key,))  # type: ignore[union-attr]
                self._collect_paths(inner, path + (key,), depth + 1)


class PageSamples:
    """The sample indexes of one page, built once each: every pass that reads the same values
    reads the same index."""

    def __init__(self, extract: PageExtract) -> None:
        self.samples = extract.samples
        self._json: dict[tuple[str, int | None], list[Any]] = {}
        self._indexes: dict[tuple[int, ...], tuple[list[Any], SampleIndex]] = {}

    def json(self, kind: str, status: int | None = None) -> list[Any]:
        """The page's JSON sample values of a kind (`request`, `response`, `error`), of one
        status when given."""
        key = (kind, status)
        if key not in self._json:
            self._json[key] = [s.value for s in self.samples if s.kind == kind
                               and s.syntax == "json" and isinstance(s.value, (dict, list))
                               and (status is None or s.status == status)]
        return self._json[key]

    def index(self, values: list[Any]) -> SampleIndex:
        """The index of these values (the same values give the same index)."""
        key = tuple(map(id, values))
        found = self._indexes.get(key)
        if found is None:
            # The list is kept with its index, so the ids in the key stay those values'.
            found = self._indexes[key] = (values, SampleIndex(values))
        return found[1]
