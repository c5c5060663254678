"""Progress on stderr: a status line on a terminal, nothing when piped or quiet, and the build's
results in page order whatever order the workers finish in."""

from __future__ import annotations

import io
import shutil

from generator.build import build_pages
from generator.progress import Progress
from tests.conftest import SPECS


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_written_when_not_a_terminal_or_quiet():
    piped = io.StringIO()
    progress = Progress(3, stream=piped)
    progress.advance("a.md")
    progress.close()
    quiet = Terminal()
    with Progress.for_terminal(3, quiet=True) as progress:
        progress.stream = quiet
        progress.advance("a.md")
    assert piped.getvalue() == "" and quiet.getvalue() == ""


def test_status_line_counts_names_the_item_and_is_erased():
    terminal = Terminal()
    with Progress(4, "pages", stream=terminal) as progress:
        progress.advance("vpc/a.md")
        assert progress.line(80) == "[1/4]  25% pages: vpc/a.md"
        progress.advance("b.md", findings=3)
        assert progress.line(80) == "[2/4]  50% pages, 3 findings: b.md"
    assert terminal.getvalue().startswith("\r\x1b[K[1/4]")
    assert terminal.getvalue().endswith("\r\x1b[K")  # erased: the summary prints as before


def test_long_labels_keep_their_end_and_control_characters_are_escaped():
    progress = Progress(0, "entries", enabled=False)
    progress.advance("x" * 200 + "/\x1b[31mlast.json")
    line = progress.line(60)
    assert len(line) <= 60 and line.startswith("1 entries: …") and line.endswith("last.json")
    assert "\x1b" not in line


def test_build_reports_every_page_and_keeps_page_order(tmp_path):
    pages = tmp_path / "pages"
    for index in range(5):  # 20 pages: past the threshold where a process pool reads them
        shutil.copytree(SPECS / "alibabacloud" / "vpc" / "pages", pages / f"copy{index}")
    terminal = Terminal()
    progress = Progress(stream=terminal)
    builds, broken = build_pages([pages], tmp_path / "out", write=False, progress=progress)
    labels = [r.path for b in builds for r in b.results]
    assert broken == 0 and progress.done == progress.total == 20 == len(labels)
    assert labels == sorted(labels)
    assert "[20/20] 100% pages" in terminal.getvalue()
