"""Readers for API pages saved as plain text: three forms seen in the wild, one module each.

- `runon`: the cells of a row run together (`RegionIdstringYes`);
- `pipes`: one row per line, cells closed by ` | `, a `---|---|` line under the header;
- `cells`: one cell per line closed by ` |`, or none under a `Table N … Parameter` caption.

`page` holds what they share.
"""

from __future__ import annotations

from . import cells, pipes, runon
from .page import blank_separated, foreign_suffix, looks_binary, split_lines

__all__ = ["blank_separated", "cells", "foreign_suffix", "looks_binary", "pipes", "runon",
           "split_lines"]
