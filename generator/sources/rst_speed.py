"""Faster equivalents of docutils' per-character column helpers, for the pages we read.

docutils measures every table line and section title character by character in Python, for
East Asian wide characters (`StringList.pad_double_width`, `utils.column_width`) and combining
characters (`utils.find_combining_chars`, `utils.column_indices`): about a fifth of the time
docutils spends on a reStructuredText API page, whose lines are almost all ASCII. An ASCII
character is neither wide nor combining, so for an ASCII line each helper's answer is known
without looking at the characters; any other line goes to docutils' own function.

docutils also builds a state machine for every nested block (each list, each table cell): all
of its states, and for each state every transition, found by name (`State.make_transitions`):
another fifth of the time. What a state class's transitions are does not change (its patterns
are a class attribute), so they are worked out once per class and only bound to each new state.

The results are the same for every input (tests/test_rst_speed.py compares them; the 2,094
RST pages of the development corpus read to identical documents), only faster.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MethodType

import docutils.utils
from docutils import statemachine

_ORIGINAL: dict[str, Callable] = {}
"""docutils' own helpers, for the lines that are not ASCII (filled by `install`)."""


def find_combining_chars(text: str) -> list[int]:
    return [] if text.isascii() else _ORIGINAL["find_combining_chars"](text)


def column_indices(text: str) -> list[int]:
    return list(range(len(text))) if text.isascii() else _ORIGINAL["column_indices"](text)


def column_width(text: str) -> int:
    return len(text) if text.isascii() else _ORIGINAL["column_width"](text)


def pad_double_width(self: statemachine.StringList, pad_char: str) -> None:
    if all(not isinstance(line, str) or line.isascii() for line in self.data):
        return
    _ORIGINAL["pad_double_width"](self, pad_char)


_PLANS: dict[tuple, list[tuple[str, object, Callable, str]] | None] = {}
"""(state class, transition names) -> [(name, compiled pattern, function, next state)], or
None for a class whose transitions are not plain class methods and class patterns."""


def make_transitions(self: statemachine.State, name_list) -> tuple[list[str], dict]:
    cls = type(self)
    if self.patterns is not getattr(cls, "patterns", None):  # patterns of this state alone
        return _ORIGINAL["make_transitions"](self, name_list)
    key = (cls, tuple(name_list))
    if key not in _PLANS:
        names, transitions = _ORIGINAL["make_transitions"](self, name_list)
        plan = []
        for name in names:
            pattern, method, next_state = transitions[name]
            function = getattr(cls, name, None)
            if getattr(method, "__func__", None) is not function or \
                    getattr(method, "__self__", None) is not self:
                plan = None
                break
            plan.append((name, pattern, function, next_state))
        _PLANS[key] = plan
        return names, transitions
    plan = _PLANS[key]
    if plan is None:
        return _ORIGINAL["make_transitions"](self, name_list)
    return ([name for name, _, _, _ in plan],
            {name: (pattern, MethodType(function, self), next_state)
             for name, pattern, function, next_state in plan})


def install() -> None:
    """Put the ASCII shortcuts in place of docutils' helpers, once per process. `column_width`
    is also bound by name in docutils' RST parser (`states.column_width`)."""
    from docutils.parsers.rst import states

    if getattr(docutils.utils, "_docs2spec_ascii_shortcuts", False):
        return
    _ORIGINAL.update(find_combining_chars=docutils.utils.find_combining_chars,
                     column_indices=docutils.utils.column_indices,
                     column_width=docutils.utils.column_width,
                     pad_double_width=statemachine.StringList.pad_double_width,
                     make_transitions=statemachine.State.make_transitions)
    docutils.utils.find_combining_chars = find_combining_chars
    docutils.utils.column_indices = column_indices
    docutils.utils.column_width = column_width
    states.column_width = column_width
    statemachine.StringList.pad_double_width = pad_double_width
    statemachine.State.make_transitions = make_transitions
    docutils.utils._docs2spec_ascii_shortcuts = True
