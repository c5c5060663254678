"""Text layout the structured readers (reStructuredText, HTML) share: spanning table cells,
labelled notes and unlabelled JSON samples. Both render the same Sphinx constructs, and must give
the same rows and text for the same page so the contract does not depend on the page's format."""

from __future__ import annotations

import json

from ..location import SourceLoc
from .tree import Node, Paragraph, Table


def labelled(label: str, body: str) -> str:
    """A note as text: "Note: text", or "Note:" on its own line when a list follows."""
    if not body:
        return label
    return f"{label}:\n{body}" if body.startswith("- ") else f"{label}: {body}"


def is_json(text: str) -> bool:
    """Whether an unlabelled code block is a JSON document: the structured formats often leave
    a sample's language unstated, and a JSON sample is read differently from a request line."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "{[":
        return False
    try:
        json.loads(stripped)
    except ValueError:
        return False
    return True


class SpanGrid:
    """Lays out spanning cells so every row has one cell per column (the HTML reader uses it too).

    A cell spanning columns is followed by empty cells; a cell spanning rows is repeated in the
    rows below, since each of those rows has that value.
    """

    def __init__(self) -> None:
        self.carry: dict[int, tuple[str, int]] = {}

    def row(self, entries: list[tuple[str, int, int]]) -> list[str]:
        cells: list[str] = []
        pending = iter(entries)
        column = 0
        while True:
            if column in self.carry:
                text, left = self.carry[column]
                cells.append(text)
                if left <= 1:
                    del self.carry[column]
                else:
                    self.carry[column] = (text, left - 1)
                column += 1
                continue
            entry = next(pending, None)
            if entry is None:
                if not any(later > column for later in self.carry):
                    break
                cells.append("")  # a short row before a cell carried down from above
                column += 1
                continue
            text, morecols, morerows = entry
            for offset in range(morecols + 1):
                cells.append(text if offset == 0 else "")
                if morerows:
                    self.carry[column + offset] = (text if offset == 0 else "", morerows)
            column += morecols + 1
        return cells


class NodeCollector:
    """The output side of a structured reader's walk: nodes in reading order, notes, the anchor
    labels waiting for the next table, and the prefix waiting for the next paragraph."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.nodes: list[Node] = []
        self.notes: list[tuple[SourceLoc, str]] = []
        self.labels: list[str] = []
        self.holding = False
        """The labels were kept over one heading-like line; the next node that is not a table
        drops them."""
        self.prefix: tuple[str, str] | None = None
        """What the next paragraph starts with: ("item", "- ") or ("label", "Note")."""
        self.last_line = 1

    def at(self, line: int | None) -> SourceLoc:
        """The place of an element; elements without a line number get the last one seen."""
        if line:
            self.last_line = line
        return SourceLoc(self.path, line or self.last_line)

    def label(self, name: str) -> None:
        """A label waiting for the next table. One that arrives while labels are held over a
        heading-like line starts over: the line before it titled a block with no table (a list
        item `Parameters in the **x** field` left empty), and this label with the line after it
        is the next table's."""
        if self.holding:
            self.labels.clear()
            self.holding = False
        self.labels.append(name)

    def emit(self, node: Node) -> None:
        if isinstance(node, Paragraph) and self.prefix is not None:
            kind, value = self.prefix
            text = labelled(value, node.text) if kind == "label" else value + node.text
            node = Paragraph(text, node.loc)
        self.prefix = None
        if isinstance(node, Table):
            self.holding = False
        elif (isinstance(node, Paragraph) and self.labels and not self.holding
              and "\n" not in node.text.strip() and len(node.text) <= 200):
            # `.. _label:`, then a one-line heading (`-  Parameters in the **volume** field`,
            # `groups.links`), then the table: the label names the table, the line titles it.
            self.holding = True
        else:
            self.labels.clear()
            self.holding = False
        self.nodes.append(node)
