"""The ASCII shortcuts of `generator/sources/rst_speed.py` answer as docutils' own helpers do."""

from __future__ import annotations

import docutils.utils
from docutils import statemachine

import generator.sources.rst  # noqa: F401 - installs the shortcuts
from generator.sources import rst_speed

SAMPLES = ["", "plain ascii | table |", "A t\u0306ab\u0306le\u0306", "\u4e2d\u6587\u8868\u683c",
           "mixed \u4e2d text\u0301", "\uff21\uff22 full width", "tab\there", "\u00e9t\u00e9"]


def test_installed() -> None:
    assert docutils.utils.find_combining_chars is rst_speed.find_combining_chars
    assert statemachine.StringList.pad_double_width is rst_speed.pad_double_width
    rst_speed.install()  # a second call keeps docutils' originals for the other lines
    assert rst_speed._ORIGINAL["column_width"] is not rst_speed.column_width


def test_same_answers_as_docutils() -> None:
    original = rst_speed._ORIGINAL
    for text in SAMPLES:
        assert rst_speed.find_combining_chars(text) == original["find_combining_chars"](text)
        assert rst_speed.column_indices(text) == original["column_indices"](text)
        assert rst_speed.column_width(text) == original["column_width"](text)
    assert rst_speed.column_width("A t\u0306ab") == 5


def test_padding_same_as_docutils() -> None:
    for lines in (SAMPLES, ["ascii", "only"], ["\u4e2d", "x"]):
        fast, slow = statemachine.StringList(list(lines)), statemachine.StringList(list(lines))
        rst_speed.pad_double_width(fast, "\x00")
        rst_speed._ORIGINAL["pad_double_width"](slow, "\x00")
        assert fast.data == slow.data
    padded = statemachine.StringList(["\u4e2d"])
    rst_speed.pad_double_width(padded, "\x00")
    assert padded.data == ["\u4e2d\x00"]


def test_transitions_same_as_docutils() -> None:
    from docutils.parsers.rst import states

    def machine():
        return states.RSTStateMachine(state_classes=states.state_classes, initial_state="Body")

    def described(sm):
        return {name: (state.transition_order,
                       {key: (pattern.pattern, method.__func__, method.__self__ is state, nxt)
                        for key, (pattern, method, nxt) in state.transitions.items()})
                for name, state in sm.states.items()}

    machine()  # the first machine of each state class fills the plans
    fast = described(machine())
    statemachine.State.make_transitions = rst_speed._ORIGINAL["make_transitions"]
    try:
        slow = described(machine())
    finally:
        statemachine.State.make_transitions = rst_speed.make_transitions
    assert fast == slow
    assert all(plan is not None for plan in rst_speed._PLANS.values())
