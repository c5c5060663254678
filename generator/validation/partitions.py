"""The inputs of one `docs2spec validate` run cut into parts that can be checked anywhere.

A part is plain data (file names, byte ranges, HAR entries), so it travels to a worker
process or another machine with the `Validator`, and `check_part` there returns a `Report`.
The parts come back in input order and `Report.merge` joins them into the report one process
would have written: JSON Lines files are cut at line boundaries (with their first line number,
so labels read `file.jsonl:1234` as before), HAR files between entries, so no exchange (a
request and its response) is ever split; other files are grouped whole.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..location import path_label
from . import limits
from .readers import (
    ALL_SUFFIXES,
    LINE_SUFFIXES,
    Entry,
    Lane,
    Passed,
    _har_entry,
    _is_har,
    read_file,
    read_lines,
)
from .reporting import Report
from .validator import Validator

DEFAULT_PART_BYTES = 32 * 1024 * 1024
_SCAN = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class LinesPart:
    """Lines `[start, end)` (bytes) of a JSON Lines file, the first of them line `first`."""

    path: str
    start: int
    end: int
    first: int


@dataclass(frozen=True, slots=True)
class HarPart:
    """HAR entries (as parsed), the first of them number `first` (1-based)."""

    label: str
    entries: tuple[Any, ...]
    first: int


@dataclass(frozen=True, slots=True)
class FilesPart:
    """Whole files (bodies, small HAR files), or an entry that could not be read."""

    paths: tuple[str, ...]
    errors: tuple[tuple[str, str], ...] = ()


Part = LinesPart | HarPart | FilesPart


def plan(paths: list[str], part_bytes: int = DEFAULT_PART_BYTES) -> list[Part]:
    """The parts of `paths`, in the order a single process reads them."""
    parts: list[Part] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in ALL_SUFFIXES)
            if not files:
                parts.append(FilesPart((), ((path_label(raw), f"no {', '.join(ALL_SUFFIXES)} "
                                          "files in this folder"),)))
            for file in files:
                parts.extend(_file_parts(file, part_bytes))
        elif path.exists():
            parts.extend(_file_parts(path, part_bytes))
        else:
            parts.append(FilesPart((), ((path_label(raw), "no such file or folder"),)))
    return _grouped(parts, part_bytes)


def _file_parts(path: Path, part_bytes: int) -> list[Part]:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError:
        return [FilesPart((str(path),))]  # read_file reports why
    if suffix in LINE_SUFFIXES and size > part_bytes:
        return list(_line_parts(path, size, part_bytes))
    if suffix == ".har" and size > part_bytes:
        return list(_har_parts(path, part_bytes))
    return [FilesPart((str(path),))]


def _line_parts(path: Path, size: int, part_bytes: int) -> Iterator[LinesPart]:
    """Cut at the first newline after every `part_bytes`; count the lines before each cut."""
    start, line = 0, 1
    with path.open("rb") as stream:
        while start < size:
            target = min(start + part_bytes, size)
            stream.seek(target)
            stream.readline()  # to the end of the line the cut falls in
            end = min(stream.tell(), size) if target < size else size
            yield LinesPart(str(path), start, end, line)
            stream.seek(start)
            remaining = end - start
            while remaining > 0:  # lines in this part, for the next part's first label
                chunk = stream.read(min(_SCAN, remaining))
                if not chunk:
                    break
                line += chunk.count(b"\n")
                remaining -= len(chunk)
            start = end


def _har_parts(path: Path, part_bytes: int) -> Iterator[Part]:
    """A large HAR file is parsed here once and its entries sent out in slices."""
    from .bodies import BodyError, loads

    try:
        har = loads(path.read_bytes())
    except (BodyError, OSError):
        yield FilesPart((str(path),))  # read_file says why, as in one process
        return
    if not _is_har(har) or not har["log"]["entries"]:
        yield FilesPart((str(path),))
        return
    entries = har["log"]["entries"]
    per_part = max(1, len(entries) * part_bytes // max(path.stat().st_size, 1))
    for first in range(0, len(entries), per_part):
        yield HarPart(path_label(path), tuple(entries[first:first + per_part]), first + 1)


def _grouped(parts: list[Part], part_bytes: int) -> list[Part]:
    """Consecutive small files in one part (thousands of tiny bodies are not a task each)."""
    out: list[Part] = []
    for part in parts:
        last = out[-1] if out else None
        if (isinstance(part, FilesPart) and isinstance(last, FilesPart) and not part.errors
                and not last.errors and len(last.paths) < 256):
            out[-1] = FilesPart(last.paths + part.paths)
        else:
            out.append(part)
    return out


def entries_of(part: Part, lane: Lane | None = None) -> Iterator[Entry | Passed]:
    """The entries of one part, exactly as a single process reads them there (`lane`: as
    `read_lines` takes it)."""
    if isinstance(part, LinesPart):
        path = Path(part.path)
        label = path_label(path)
        try:
            with limits.open_capture(path) as stream:
                stream.seek(part.start)
                yield from read_lines(_Bounded(stream, part.end - part.start), label, path,
                                      start=part.first, lane=lane)
        except OSError as exc:
            yield Entry(label, error=f"cannot read: {exc.strerror or exc}")
    elif isinstance(part, HarPart):
        for index, item in enumerate(part.entries, part.first):
            yield from _har_entry(item, f"{part.label}#{index}")
    else:
        for label, error in part.errors:
            yield Entry(label, error=error)
        for name in part.paths:
            yield from read_file(Path(name))


class _Bounded:
    """`readline` over the next `size` bytes of a stream only."""

    def __init__(self, stream: Any, size: int) -> None:
        self.stream = stream
        self.left = size

    def readline(self, limit: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        want = self.left if limit < 0 else min(limit, self.left)
        line = self.stream.readline(want)
        self.left -= len(line)
        return line


def check_part(validator: Validator, args: argparse.Namespace, part: Part) -> Report:
    """One part's report (runs in a worker: everything it needs comes as arguments)."""
    from .command import check_all
    from .lane import RecordLane

    report = Report(max_findings=max(args.max_findings, 0))
    check_all(validator, args, entries_of(part, RecordLane.for_run(validator, args)), report,
              lambda *_: None)
    return report
