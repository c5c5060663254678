"""STAGE 1: read a page into the format-neutral document tree (`tree.Document`).

Readers are tried in the literal order of `READERS`; each `sniff` returns a confidence in [0, 1]
and the most confident reader wins (ties go to the earlier entry). `form=` forces one.
A new input format is one module plus one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError
from ..location import SourceLoc
from . import html, markdown, rst, text
from .tree import Document


@dataclass(frozen=True, slots=True)
class Reader:
    """One input format: how sure it is a page is its format, and how to read it."""

    name: str
    sniff: Callable[[str, str], float]
    """(path, text) -> confidence in [0, 1]."""
    read: Callable[[str, str], Document]
    """(path, text) -> Document; raises `InputError` only when nothing at all can be read."""
    ceiling: Callable[[str], float] | None = None
    """path -> the most `sniff` can return for a file of that name (None: up to 1). A reader
    that cannot beat the best score so far is not asked; the choice is the same."""


READERS: tuple[Reader, ...] = (
    Reader("html", html.sniff, html.read),
    Reader("rst", rst.sniff, rst.read),
    Reader("markdown", markdown.sniff, markdown.read),
    Reader("text-cells", text.cells.sniff, text.cells.read,
           text.cells.ceiling),
    Reader("text-pipes", text.pipes.sniff, text.pipes.read,
           text.pipes.ceiling),
    Reader("text-runon", text.runon.sniff, text.runon.read,
           text.runon.ceiling),
)

FORMS = tuple(reader.name for reader in READERS)


def reader_for(path: str, text_: str, form: str | None = None) -> Reader:
    """The reader `form` names, else the most confident one."""
    if form:
        for reader in READERS:
            if reader.name == form:
                return reader
        raise InputError(f"unknown page format {form!r}", SourceLoc(path),
                         hint=f"choose one of: {', '.join(FORMS)}")
    best, best_score = None, 0.0
    for reader in READERS:
        if reader.ceiling is not None and reader.ceiling(path) <= best_score:
            continue  # could not win: a tie goes to the earlier reader
        score = reader.sniff(path, text_)
        if score > best_score:
            best, best_score = reader, score
    if best is None:
        raise InputError("cannot tell the page's format (not HTML, Markdown, reStructuredText or a "
                         "known text form)", SourceLoc(path, 1),
                         hint=f"force one with --form: {', '.join(FORMS)}")
    return best


def read_page(path: str, text_: str, form: str | None = None) -> Document:
    """Read a page's text (already decoded) into a Document."""
    return reader_for(path, text_, form).read(path, text_)
