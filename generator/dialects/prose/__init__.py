"""Constraints that a parameter's description prose states, read into JSON Schema terms.

Cloud API reference pages rarely put constraints in a table column of their own: they write
them into the description ("Valid values: 1 to 20. Default value: 10.", "长度为2~128个字符",
"The value can be v1 or v2."). This package reads such prose and says which JSON Schema
constraints it states; the caller decides what to do with them (a type decides whether
``minimum`` or ``min_length`` applies, the docs' own samples decide whether a ``format`` can
be asserted, and so on).

Input is plain text as the readers produce it: inline markup removed, paragraphs separated by
a blank line, list items as lines starting with ``- `` (nested items indented by two more
spaces per level), in English or Chinese.

The rules are general documentation conventions, not tuned to one page, and they lean towards
saying nothing: a wrong constraint makes a contract reject real traffic, a missing one only
makes it looser. So:

* a fact stated twice with different values (two different defaults, say) is dropped;
* an allowed-value list is taken only when every item of it looks like a value (no spaces,
  short, ASCII); one item that reads like a phrase ("expiring soon") drops the whole list;
* sentences that state a condition ("If ...", "When ...", "对于...") or an example
  ("For example ...", "例如...") give no facts: what they say does not hold in general; but
  values a condition allows ("If ..., you can set the ISP field to A or B") widen a list of
  allowed values stated elsewhere, since the contract must not reject them;
* the body of a ``name: meaning`` item ("- IkeVersion: ... Default value: ikev1.") is about
  ``name`` (a value, or a sub-field of a JSON document parameter), never about the parameter,
  so nothing in it is read; only a ``(default)`` marker on the name itself counts.

Everything is stdlib ``re`` with bounded repetitions on text pre-split into items and
sentences, so the cost is linear in the input; input past ``lexicon.MAX_TEXT`` characters is not read
(a description that long is not prose a person wrote).

The package follows the reading order: ``items`` splits a description into paragraphs and list
items, ``sentences`` hands each sentence to the readers of one kind of fact (``numbers``,
``values``, ``shapes``), ``lists`` reads values laid out as list items, and ``facts`` collects
what was found and drops contradictions. ``lexicon`` holds what they share.

Known gaps (each leaves a fact out rather than guessing it): values with spaces or non-ASCII
characters ("expiring soon", "包年包月") are never allowed values; a list that also says "for
the value range, see ..." is not taken as closed; conditional facts ("If action is set to
filter, the default value is 0") are dropped rather than attached to their condition; "The
default unit is seconds" is not read as a default (it names the unit of another value);
statements about each element ("Each value can contain a maximum of 255 characters") are not
read, as ProseFacts has no place for item constraints; exclusive bounds ("greater than 0") and
patterns ("must start with a letter", allowed characters) are not read.
"""
from __future__ import annotations

from .facts import FactCollector, ProseFacts
from .items import hidden_items, normalise, parse_items
from .lexicon import MAX_TEXT
from .lists import read_sibling_lists, read_trailing_intro
from .sentences import read_sentence, split_sentences
from .values import REFERS_ELSEWHERE

__all__ = ["ProseFacts", "read_facts"]


def read_facts(text: str) -> ProseFacts:
    """Read the constraints a description states; an empty ``ProseFacts`` when it states none."""
    if not text or not text.strip():
        return ProseFacts()
    items = parse_items(normalise(text))
    acc = FactCollector()
    hidden = hidden_items(items)
    for index, item in enumerate(items):
        if hidden[index]:
            continue
        if item.key is not None:
            if item.key_is_default:
                acc.add("default", item.key, item.raw)
            continue
        sentences = split_sentences(item.text)
        for sentence in sentences:
            read_sentence(sentence, acc)
        if sentences:
            read_trailing_intro(items, index, sentences[-1], acc)
    read_sibling_lists(items, hidden, acc)
    if REFERS_ELSEWHERE.search(text[:MAX_TEXT]):
        acc.drop_enum()
    return acc.build()
