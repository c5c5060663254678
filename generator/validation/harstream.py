"""HAR files read entry by entry (ijson), so memory stays bounded like JSON Lines.

A HAR export holds every request and response of a browser session: hundreds of megabytes,
10^6 entries. Parsed whole it takes about seven times the file in memory; streamed, one entry
at a time (plus the parser's buffer). An entry nesting deeper than `MAX_DEPTH` is reported
without being built.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from .depth import MAX_DEPTH

ENTRY = "log.entries.item"


class NotHar(ValueError):
    """The JSON is readable but is not {"log": {"entries": [...]}}."""


class BrokenHar(ValueError):
    """The file stops being JSON (truncated export, junk); the entries before were read."""


class DeepEntry:
    """Stands for an entry nested deeper than `MAX_DEPTH` (reported, not built)."""


def har_entries(stream: BinaryIO) -> Iterator[Any]:
    """Each entry of the HAR in `stream`, as a Python value, in order.

    Raises `NotHar` when the document is not a HAR (nothing yielded), `BrokenHar` when the text
    stops being JSON part-way."""
    import ijson

    builder = None
    depth = 0
    entries_seen = False
    top = True
    try:
        for prefix, event, value in ijson.parse(stream, use_float=True):
            if top:
                top = False
                if event != "start_map":
                    raise NotHar("not a JSON object")
            if prefix == "log.entries" and event == "start_array":
                entries_seen = True
                continue
            if not prefix.startswith(ENTRY):
                continue
            if prefix == ENTRY and builder is None:
                if event not in ("start_map", "start_array"):
                    yield value  # a scalar where an entry should be: reported by the reader
                    continue
                builder, depth = ijson.ObjectBuilder(), 0
            if event in ("start_map", "start_array"):
                depth += 1
            elif event in ("end_map", "end_array"):
                depth -= 1
            if builder is not DeepEntry:
                builder.event(event, value)
                if depth > MAX_DEPTH:
                    builder = DeepEntry
            if depth == 0:
                yield builder.value if builder is not DeepEntry else DeepEntry()
                builder = None
    except ijson.common.JSONError as exc:
        raise BrokenHar(" ".join(str(exc).split())[:200]) from None
    if not entries_seen:
        raise NotHar('expected {"log": {"entries": [...]}}')
