"""Names an example spells differently from the table that documents them.

An example request's query string is typed by hand: `?offest=0` where the table documents
`offset`, `?beginTime=` or `?begin_Time=` where it documents `begin_time`. Such a key is the
documented parameter misspelt, not a parameter of its own.
"""

from __future__ import annotations

_SEPARATORS = str.maketrans("", "", "_-")


def _folded(name: str) -> str:
    return name.casefold().translate(_SEPARATORS)


def _one_swap(a: str, b: str) -> bool:
    """`a` is `b` with two adjacent letters swapped (`offest`, `offset`)."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and \
        a[diff[1]] == b[diff[0]]


MIN_SWAPPED = 5
"""Shortest name whose swapped letters are taken for a misspelling: `form` and `from`, `on`
and `no` are different words."""


def misspelling_of(key: str, documented: list[str]) -> str | None:
    """The documented name `key` misspells: the same name but for letter case and the
    separators `_`/`-` (`beginTime`, `begin_Time` for `begin_time`), or, for a name of
    `MIN_SWAPPED` letters or more, two adjacent letters swapped (`offest` for `offset`);
    None when it is none of them or could be several."""
    folded = _folded(key)
    found = [name for name in documented if name != key and (
        _folded(name) == folded or
        (len(key) >= MIN_SWAPPED and _one_swap(key.casefold(), name.casefold())))]
    found = list(dict.fromkeys(found))
    return found[0] if len(found) == 1 else None
